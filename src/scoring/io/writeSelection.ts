import type { DuckDBConnection } from '@duckdb/node-api';
import type { SelectionOutcome } from '../select/runSelection.js';

/** JSON that turns non-finite numbers into null rather than failing or writing NaN. */
const json = (v: unknown): string => JSON.stringify(v, (_, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x));

/**
 * Insert a run's model_selection row: the setting, the model that scored, and the selection's
 * candidates, reason and evidence (or why selection did not run, or that the model was forced).
 *
 * @example await writeSelection(conn, runId, 'auto', 'pnbd', outcome);
 */
export async function writeSelection(conn: DuckDBConnection, runId: number, setting: string, chosen: string | null, outcome: SelectionOutcome | null): Promise<void> {
  const s = outcome && 'selection' in outcome ? outcome.selection : null;
  const reason = s ? s.reason : outcome && 'skipped' in outcome ? `model selection skipped: ${outcome.skipped}; the default order (MBG/NBD first) is used` : `the model is set to ${setting}`;
  await conn.run(
    `INSERT INTO model_selection (run_id, setting, chosen, holdout_days, customers, holdout_buyers, reason, candidates, evidence)
     VALUES ($run, $setting, $chosen, $days, $customers, $buyers, $reason, $candidates::JSON, $evidence::JSON)`,
    {
      run: runId,
      setting,
      chosen,
      days: s?.holdoutDays ?? null,
      customers: s?.customers ?? null,
      buyers: s?.holdoutBuyers ?? null,
      reason,
      candidates: s ? json(s.candidates) : null,
      evidence: s?.evidence ? json(s.evidence) : null,
    },
  );
}
