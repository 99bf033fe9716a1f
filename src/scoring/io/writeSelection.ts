import type { DuckDBConnection } from '@duckdb/node-api';
import type { SelectionOutcome } from '../select/runSelection.js';

/** JSON that turns non-finite numbers into null rather than failing or writing NaN. */
const json = (v: unknown): string => JSON.stringify(v, (_, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x));

/**
 * Insert a run's model_selection row: the setting, the model that scored, the selection's
 * candidates, reason and evidence (or why selection did not run, or that the model was forced),
 * and the Gamma-Gamma's assumption check (Pearson of frequency and spend).
 *
 * @example await writeSelection(conn, runId, 'auto', 'pnbd', outcome);
 */
export async function writeSelection(conn: DuckDBConnection, runId: number, setting: string, chosen: string | null, outcome: SelectionOutcome | null, spendCorrelation: number | null = null): Promise<void> {
  const s = outcome && 'selection' in outcome ? outcome.selection : null;
  const reason = s ? s.reason : outcome && 'skipped' in outcome ? `${outcome.skipped}; the MBG/NBD is used (the default)` : `the model is set to ${setting}`;
  await conn.run(
    `INSERT INTO model_selection (run_id, setting, chosen, holdout_days, customers, holdout_buyers, reason, candidates, evidence, spend_correlation)
     VALUES ($run, $setting, $chosen, $days, $customers, $buyers, $reason, $candidates::JSON, $evidence::JSON, $corr)`,
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
      corr: spendCorrelation !== null && Number.isFinite(spendCorrelation) ? spendCorrelation : null,
    },
  );
}
