import type { DuckDBConnection } from '@duckdb/node-api';
import type { LogEvent } from '../log/types.js';
import type { Pipeline } from '../pipeline/types.js';
import type { Locale } from '../report/i18n/index.js';
import { deliverRun, type DeliverOptions, type DeliverResult } from './deliverRun.js';

/** How a pipeline run delivers (crm run --resend / --dry-run / --no-deliver). */
export type RunDeliveryOptions = Omit<DeliverOptions, 'locale'> & { skip?: boolean };

/**
 * The delivery step of a pipeline run: after the report is written and the run recorded ok. It
 * never fails the run: an error of its own (not a channel's, which deliverRun records) is logged
 * and leaves the run delivered-with-errors with its report in place.
 *
 * @example await deliverAfterRun(conn, runId, pipeline, reportPath, 'en', {}, log)
 */
export async function deliverAfterRun(
  conn: DuckDBConnection, runId: number, p: Pipeline, reportPath: string, locale: Locale, opts: RunDeliveryOptions, ev: (e: LogEvent) => void,
): Promise<DeliverResult | null> {
  if (!p.delivery || opts.skip) return null;
  const t = performance.now();
  try {
    const r = await deliverRun(conn, runId, p.delivery, reportPath, { ...opts, locale });
    for (const d of r.records) {
      const what = d.status === 'sent' ? `sent to ${d.recipients} (${d.messageId}, ${d.attempts} attempt(s))` : d.status === 'failed' ? `FAILED after ${d.attempts} attempt(s): ${d.error}` : d.status === 'dry-run' ? `written to ${d.path}` : d.error ?? d.status;
      ev({ level: d.status === 'failed' ? 'error' : 'info', step: 'deliver', channel: d.channel, status: d.status, msg: `${d.channel}: ${what}` });
    }
    ev({ step: 'deliver', ms: Math.round(performance.now() - t), status: r.status, msg: r.status });
    return r;
  } catch (err) {
    await conn.run(`UPDATE runs SET delivery = 'delivered-with-errors' WHERE run_id = $run`, { run: runId }).catch(() => undefined);
    ev({ level: 'error', step: 'deliver', status: 'delivered-with-errors', msg: `delivery failed, the report stands: ${(err as Error).message}` });
    return { records: [], status: 'delivered-with-errors' };
  }
}
