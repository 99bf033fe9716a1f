import { sleep } from '../util/sleep.js';

/** The outcome of a retried operation: its value, or the last error, and how many attempts it took. */
export type Attempted<T> = { ok: true; value: T; attempts: number } | { ok: false; error: Error; attempts: number };

/**
 * Run `fn` up to `attempts` times, waiting backoffMs, then twice that, … between tries (a mail
 * server's transient refusal or a webhook's 5xx usually passes within seconds). Never throws.
 *
 * @example const r = await withRetry(() => sendEmail(e, msg), { attempts: 3, backoffMs: 2000 }); r.ok ? r.value : r.error
 */
export async function withRetry<T>(fn: () => Promise<T>, opts: { attempts: number; backoffMs: number }, wait: (ms: number) => Promise<void> = sleep): Promise<Attempted<T>> {
  let last: Error = new Error('not attempted');
  for (let i = 1; i <= opts.attempts; i++) {
    try {
      return { ok: true, value: await fn(), attempts: i };
    } catch (err) {
      last = err instanceof Error ? err : new Error(String(err));
      if (isPermanent(last)) return { ok: false, error: last, attempts: i };
      if (i < opts.attempts) await wait(opts.backoffMs * 2 ** (i - 1));
    }
  }
  return { ok: false, error: last, attempts: opts.attempts };
}

/**
 * An answer that the same message will get again: an SMTP 5xx (bad login 535, unknown mailbox
 * 550) or a webhook's 4xx other than 408/429. Refused connections, timeouts and 4xx SMTP / 5xx HTTP
 * answers are transient and retried.
 * @example isPermanent(Object.assign(new Error('Invalid login'), { responseCode: 535 })) // true
 */
export function isPermanent(err: Error): boolean {
  const smtp = (err as { responseCode?: unknown }).responseCode;
  if (typeof smtp === 'number') return smtp >= 500 && smtp < 600;
  const http = (err as { httpStatus?: unknown }).httpStatus;
  return typeof http === 'number' && http >= 400 && http < 500 && http !== 408 && http !== 429;
}
