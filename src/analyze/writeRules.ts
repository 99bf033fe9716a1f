import type { DuckDBConnection } from '@duckdb/node-api';
import type { RuleSet } from '../rfm/rules.js';
import type { RfmResult } from '../rfm/scoreCustomers.js';

/** Store the rule table a run used, so every report can show exactly what produced its segments. */
export async function writeRules(conn: DuckDBConnection, runId: number, rules: RuleSet): Promise<void> {
  for (const [priority, rule] of rules.rules.entries()) {
    await conn.run(
      `INSERT INTO rfm_rules VALUES ($run, $name, $p, $segment, $r0, $r1, $f0, $f1, $m0, $m1, $description)`,
      {
        run: runId, name: rules.name, p: priority + 1, segment: rule.segment,
        r0: rule.r[0], r1: rule.r[1], f0: rule.f[0], f1: rule.f[1], m0: rule.m[0], m1: rule.m[1],
        description: rule.description ?? null,
      },
    );
  }
}

const METRICS = ['recency_days', 'frequency', 'monetary'] as const;

/**
 * Store each metric's score bins: bounds are (lower, upper], NULL where unbounded, with the number
 * of customers per score. Recency is inverted: score 5 is the lowest bin.
 */
export async function writeBins(conn: DuckDBConnection, runId: number, rfm: RfmResult): Promise<void> {
  for (const metric of METRICS) {
    const edges = rfm.edges[metric];
    const scores = metric === 'recency_days' ? rfm.r : metric === 'frequency' ? rfm.f : rfm.m;
    const counts = new Array<number>(6).fill(0);
    for (const s of scores) counts[s]!++;
    for (let bin = 0; bin <= edges.length; bin++) {
      const score = metric === 'recency_days' ? 5 - bin : bin + 1;
      await conn.run(`INSERT INTO rfm_bins VALUES ($run, $metric, $score, $lower, $upper, $n)`, {
        run: runId, metric, score,
        lower: bin === 0 ? null : edges[bin - 1]!,
        upper: bin === edges.length ? null : edges[bin]!,
        n: counts[score]!,
      });
    }
  }
}
