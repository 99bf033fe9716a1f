import { clusterCustomers, type ClusterConfig } from '../cluster/clusterCustomers.js';
import { CLUSTER_DEFAULTS } from '../cluster/config.js';
import { readClusterInput } from '../cluster/io/readClusterInput.js';
import { readPreviousCentres } from '../cluster/io/readPreviousCentres.js';
import { readPreviousLabels } from '../cluster/io/readPreviousLabels.js';
import { writeClusterChanges } from '../cluster/io/writeClusterChanges.js';
import { stageClusterLabels } from '../cluster/io/stageClusterLabels.js';
import { writeClusterProfiles } from '../cluster/io/writeClusterProfiles.js';
import { writeSilhouette } from '../cluster/io/writeSilhouette.js';
import type { AnalysisStep } from './step.js';

/**
 * k-means clusters with a given config: stages customer_scores.cluster (written by the scores
 * step) and writes cluster_profiles,
 * cluster_silhouette and (when the previous run has clusters) cluster_changes. Ids stay stable
 * by matching this run's centres to the previous run's.
 *
 * @example const step = clusterStepWith({ ...CLUSTER_DEFAULTS, fixedK: 4 });
 */
export function clusterStepWith(config: ClusterConfig & { features: readonly string[] }): AnalysisStep {
  return {
    name: 'clusters',
    async run({ conn, runId, customers, previousRunId, notes }) {
      const minK = config.fixedK ?? config.kRange?.[0] ?? 2;
      if (customers < minK) {
        notes.push(`clusters skipped: ${customers} customers, fewer than the ${minK} clusters asked for`);
        await stageClusterLabels(conn, new Int32Array(0));
        return;
      }
      const input = await readClusterInput(conn, config.features);
      const previousCentres = previousRunId === null ? null : await readPreviousCentres(conn, previousRunId);
      // A previous run clustered on other features cannot be matched: its ids are not carried over.
      const comparable = previousCentres !== null && sameSet(previousCentres.features, config.features);
      if (previousCentres && !comparable) notes.push('cluster ids restart: the previous run clustered on other features');
      if (previousRunId !== null && comparable) input.previousLabels = await readPreviousLabels(conn, previousRunId);
      const result = clusterCustomers(input, { ...config, ...(comparable && { previousCentres }) });
      if (!result.fit.converged) notes.push(`k-means stopped after ${result.fit.iterations} iterations before converging`);
      await stageClusterLabels(conn, result.labels);
      await writeClusterProfiles(conn, runId, result.profiles, result.previousId);
      await writeSilhouette(conn, runId, result.silhouetteByK, result.k);
      if (previousRunId !== null && result.changed) await writeClusterChanges(conn, runId, previousRunId, result.changed);
    },
  };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** The weekly run's clusters with the documented defaults (src/cluster/config.ts). */
export const clusterStep: AnalysisStep = clusterStepWith(CLUSTER_DEFAULTS);
