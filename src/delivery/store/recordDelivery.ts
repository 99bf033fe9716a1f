import type { DuckDBConnection } from '@duckdb/node-api';
import type { DeliveryRecord } from '../types.js';

/**
 * Store one delivery of a run (README "Delivery": the deliveries table).
 * @example await recordDelivery(conn, runId, { audience: 'all', channel: 'email', status: 'sent', … })
 */
export async function recordDelivery(conn: DuckDBConnection, runId: number, d: DeliveryRecord): Promise<void> {
  await conn.run(
    `INSERT INTO deliveries (run_id, pipeline, as_of, audience, channel, recipients, status, message_id, error, attempts, path)
     SELECT run_id, pipeline, as_of, $audience, $channel, $recipients, $status, $message_id, $error, $attempts, $path FROM runs WHERE run_id = $run`,
    { run: runId, audience: d.audience, channel: d.channel, recipients: d.recipients, status: d.status, message_id: d.messageId, error: d.error, attempts: d.attempts, path: d.path },
  );
}

/**
 * The run that already delivered this pipeline's week to this audience on this channel, if any:
 * a re-run of the same week sends nothing again unless asked (--resend).
 * @example await alreadySent(conn, runId, 'all', 'email') // 12, or null
 */
export async function alreadySent(conn: DuckDBConnection, runId: number, audience: string, channel: string): Promise<number | null> {
  const r = await conn.runAndReadAll(
    `SELECT d.run_id FROM deliveries d JOIN runs r ON r.run_id = $run
     WHERE d.status = 'sent' AND d.audience = $audience AND d.channel = $channel
       AND d.pipeline IS NOT DISTINCT FROM r.pipeline AND d.as_of = r.as_of
     ORDER BY d.delivery_id LIMIT 1`,
    { run: runId, audience, channel },
  );
  const v = r.getRows()[0]?.[0];
  return v === undefined ? null : Number(v);
}

/**
 * runs.delivery from what this delivery came to: any failure makes the run delivered-with-errors
 * (its report is written all the same); else delivered when something was sent.
 */
export async function setRunDelivery(conn: DuckDBConnection, runId: number, records: readonly DeliveryRecord[]): Promise<string> {
  const has = (s: DeliveryRecord['status']): boolean => records.some((r) => r.status === s);
  const status = has('failed') ? 'delivered-with-errors' : has('sent') ? 'delivered' : has('dry-run') ? 'dry-run' : 'already delivered';
  await conn.run('UPDATE runs SET delivery = $status WHERE run_id = $run', { run: runId, status });
  return status;
}
