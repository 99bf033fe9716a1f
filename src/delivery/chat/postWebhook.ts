import { inputError } from '../../util/error.js';
import type { ChatDelivery } from '../types.js';
import type { ChatPayload } from './chatPayload.js';

/** The webhook URL: given, or read from the variable the pipeline names. */
export function webhookUrl(chat: ChatDelivery, env: NodeJS.ProcessEnv = process.env): string {
  if (chat.webhookUrl !== null) return chat.webhookUrl;
  const v = env[chat.webhookUrlEnv ?? ''];
  if (!v) throw inputError(`delivery.chat.webhookUrlEnv names ${chat.webhookUrlEnv}, which is not set: export ${chat.webhookUrlEnv}=https://… before the run`);
  return v;
}

/** The host a webhook posts to, as stored in deliveries.recipients (the URL's path is a secret). */
export const webhookHost = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
};

/**
 * POST the payload as JSON; a non-2xx answer is an error carrying the status and body.
 * @example await postWebhook('https://hooks.example.com/T0/B0/x', payload) // '200'
 */
export async function postWebhook(url: string, payload: ChatPayload, timeoutMs = 15_000): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(timeoutMs) });
  const body = (await res.text()).slice(0, 200);
  if (!res.ok) throw Object.assign(new Error(`webhook answered HTTP ${res.status}${body ? `: ${body}` : ''}`), { httpStatus: res.status });
  return `HTTP ${res.status}`;
}
