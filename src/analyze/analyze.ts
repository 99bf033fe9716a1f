import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '../store/database.js';
import { buildSummary } from '../summary/buildSummary.js';
import { DEFAULT_RULES } from '../rfm/defaultRules.js';
import type { RuleSet } from '../rfm/rules.js';
import { resolveAsOf } from './resolveAsOf.js';
import { failRun, finishRun, startRun } from './runs.js';
import { writeScores } from './writeScores.js';
import { writeBins, writeRules } from './writeRules.js';

export interface AnalyzeOptions {
  /** YYYY-MM-DD; default the latest order date */
  asOf?: string;
  rules?: RuleSet;
  pipeline?: string;
}

export interface AnalyzeResult {
  runId: number;
  asOf: string;
  customers: number;
  segments: Record<string, number>;
}

/**
 * One analysis run as of a date: customer summary, RFM scores and segments, all written under a
 * new run id in one transaction. A failed run is recorded as 'failed' with nothing else written.
 *
 * @example const { runId } = await analyze(conn, { asOf: '2024-06-30' });
 */
export async function analyze(conn: DuckDBConnection, opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const rules = opts.rules ?? DEFAULT_RULES;
  const asOf = await resolveAsOf(conn, opts.asOf);
  const runId = await startRun(conn, asOf, opts.pipeline ?? null, rules.name);
  try {
    const customers = await inTransaction(conn, async () => {
      const n = await buildSummary(conn, asOf);
      const rfm = await writeScores(conn, runId, asOf, rules);
      await writeRules(conn, runId, rules);
      await writeBins(conn, runId, rfm);
      return n;
    });
    await finishRun(conn, runId, customers);
    return { runId, asOf, customers, segments: await segmentCounts(conn, runId) };
  } catch (err) {
    await failRun(conn, runId, (err as Error).message);
    throw err;
  }
}

async function segmentCounts(conn: DuckDBConnection, runId: number): Promise<Record<string, number>> {
  const r = await conn.runAndReadAll(
    'SELECT segment, count(*) FROM customer_scores WHERE run_id = $run GROUP BY segment ORDER BY count(*) DESC, segment',
    { run: runId },
  );
  return Object.fromEntries(r.getRows().map(([s, n]) => [String(s), Number(n)]));
}
