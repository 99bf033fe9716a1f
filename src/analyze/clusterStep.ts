import { clusterCustomers, type ClusterConfig } from '../cluster/clusterCustomers.js';
import { CLUSTER_DEFAULTS, PROFILE_FEATURES } from '../cluster/config.js';
import { readClusterInput } from '../cluster/io/readClusterInput.js';
import { readPreviousCentres } from '../cluster/io/readPreviousCentres.js';
import { readPreviousLabels } from '../cluster/io/readPreviousLabels.js';
import { writeClusterChanges } from '../cluster/io/writeClusterChanges.js';
import { stageClusterLabels } from '../cluster/io/stageClusterLabels.js';
import { writeClusterProfiles } from '../cluster/io/writeClusterProfiles.js';
import { writeClusterRun } from '../cluster/io/writeClusterRun.js';
import { writeSilhouette } from '../cluster/io/writeSilhouette.js';
import type { AnalysisStep } from './step.js';

/**
 * k-means clusters with a given config: sets aside house accounts, customers with no net spend
 * and extreme outliers, chooses k by the documented rule, stages customer_scores.cluster and
 * cluster_set_aside (written by the scores step) and writes cluster_runs, cluster_set_aside,
 * cluster_profiles, cluster_silhouette and (when the previous run has clusters) cluster_changes.
 * Ids stay stable by matching this run's centres to the previous run's, and names keep last
 * run's words within the hysteresis.
 *
 * @example const step = clusterStepWith({ ...CLUSTER_DEFAULTS, fixedK: 4 });
 */
export function clusterStepWith(config: ClusterConfig & { features: readonly string[] }): AnalysisStep {
  return {
    name: 'clusters',
    async run({ conn, runId, customers, previousRunId, notes }) {
      const minK = config.fixedK ?? 2;
      if (customers < minK) {
        notes.push(`clusters skipped: ${customers} customers, fewer than the ${minK} clusters asked for`);
        await stageClusterLabels(conn, new Int32Array(0));
        return;
      }
      const input = await readClusterInput(conn, [...new Set([...config.features, ...PROFILE_FEATURES])]);
      const previous = previousRunId === null ? null : await readPreviousCentres(conn, previousRunId);
      // A previous run clustered on other features cannot be matched: its ids are not carried over.
      const comparable = previous !== null && sameSet(previous.features, config.features);
      if (previous && !comparable) notes.push('cluster ids restart: the previous run clustered on other features');
      if (previousRunId !== null && comparable) input.previousLabels = await readPreviousLabels(conn, previousRunId);
      const result = clusterCustomers(input, {
        ...config,
        ...(comparable && { previousCentres: { features: previous.features, values: previous.values }, previousNames: previous.names }),
      });
      if (result.k === 0) notes.push('clusters skipped: too few customers left once house accounts, no-net-spend customers and outliers were set aside');
      else if (!result.fit.converged) notes.push(`k-means stopped after ${result.fit.iterations} iterations before converging`);
      if (result.choice.reason === 'only_two') notes.push('clusters: k = 2, the only k whose every cluster holds the minimum share');
      if (result.choice.reason === 'none_eligible' && result.k > 0) notes.push(`clusters: no k gives every cluster at least ${result.choice.minShare * 100}% of customers; k = ${result.k} has the best silhouette`);
      // the rule held on the fit sample; the final fit on everyone could still shrink a cluster
      const small = result.profiles.filter((p) => p.share < result.choice.minShare);
      if (result.choice.reason !== 'none_eligible' && small.length > 0) {
        notes.push(`clusters: after the final fit on all customers, ${small.map((p) => `cluster ${p.id} holds ${(p.share * 100).toFixed(1)}%`).join(', ')}, under the ${result.choice.minShare * 100}% minimum`);
      }
      await stageClusterLabels(conn, result.labels, result.setAside.code);
      await writeClusterRun(conn, runId, result);
      await writeClusterProfiles(conn, runId, result.profiles, result.previousId);
      await writeSilhouette(conn, runId, result.silhouetteByK, result.k);
      if (previousRunId !== null && result.changed && result.k > 0) await writeClusterChanges(conn, runId, previousRunId, result.changed);
    },
  };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** The weekly run's clusters with the documented defaults (src/cluster/config.ts). */
export const clusterStep: AnalysisStep = clusterStepWith(CLUSTER_DEFAULTS);
