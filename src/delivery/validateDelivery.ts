import { isComment, isObject, unknownKey, type Raw } from '../pipeline/mergeSettings.js';
import type { ChatDelivery, DeliveryConfig, EmailDelivery, SmtpTls } from './types.js';

export const DEFAULT_ATTACH_LIMIT_BYTES = 5_000_000;
export const DEFAULT_RETRY = { attempts: 3, backoffMs: 2000 } as const;

const KEYS = ['email', 'chat', 'reportUrl', 'attachLimitBytes', 'retry'];
const EMAIL_KEYS = ['to', 'cc', 'from', 'subject', 'smtp'];
const SMTP_KEYS = ['host', 'port', 'tls', 'user', 'passwordEnv', 'password'];
const CHAT_KEYS = ['webhookUrl', 'webhookUrlEnv'];
const TLS: readonly SmtpTls[] = ['tls', 'starttls', 'none'];
const json = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
// an address as nodemailer takes it: a@b.c, or "Name <a@b.c>"
const ADDRESS = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

function keysOf(o: Raw, allowed: readonly string[], at: string, problems: string[]): void {
  for (const k of Object.keys(o)) if (!isComment(k) && !allowed.includes(k)) problems.push(unknownKey(k, at, allowed));
}

function str(o: Raw, key: string, at: string, problems: string[]): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.trim() !== '') return v;
  problems.push(`${at}.${key}: must be a non-empty string, got ${json(v)}`);
  return null;
}

function addresses(v: unknown, at: string, problems: string[], required: boolean): string[] {
  if (v === undefined && !required) return [];
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || (required && list.length === 0) || list.some((a) => typeof a !== 'string' || !ADDRESS.test(a.trim()))) {
    problems.push(`${at}: must be a list of e-mail addresses such as ["ops@example.com", "Ana <ana@example.com>"], got ${json(v)}`);
    return [];
  }
  return list.map((a: string) => a.trim());
}

function posInt(v: unknown, at: string, fallback: number, problems: string[], min = 1): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number' && Number.isInteger(v) && v >= min) return v;
  problems.push(`${at}: must be a whole number ≥ ${min}, got ${json(v)}`);
  return fallback;
}

function checkSmtp(v: unknown, problems: string[]): EmailDelivery['smtp'] {
  const at = 'delivery.email.smtp';
  if (!isObject(v)) {
    problems.push(`${at}: needs { "host": "smtp.example.com", "port": 587, "tls": "starttls", "user": "crm", "passwordEnv": "CRM_SMTP_PASSWORD" }, got ${json(v)}`);
    return { host: '', port: 25, tls: 'none', user: null, passwordEnv: null };
  }
  keysOf(v, SMTP_KEYS, at, problems);
  if (v['password'] !== undefined) problems.push(`${at}.password: a password does not belong in the pipeline file; put it in an environment variable and name it in "passwordEnv"`);
  const tls = v['tls'] ?? 'starttls';
  if (!TLS.includes(tls as SmtpTls)) problems.push(`${at}.tls: must be one of ${TLS.join(', ')} ("tls" on port 465, "starttls" on 587, "none" only for a local relay), got ${json(tls)}`);
  const port = posInt(v['port'], `${at}.port`, tls === 'tls' ? 465 : 587, problems);
  const passwordEnv = str(v, 'passwordEnv', at, problems);
  if (passwordEnv !== null && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(passwordEnv)) problems.push(`${at}.passwordEnv: must name an environment variable (letters, digits, _), got ${json(passwordEnv)}`);
  const host = str(v, 'host', at, problems);
  if (host === null) problems.push(`${at}.host: the SMTP server's name is required, e.g. "smtp.example.com"`);
  return { host: host ?? '', port, tls: TLS.includes(tls as SmtpTls) ? (tls as SmtpTls) : 'starttls', user: str(v, 'user', at, problems), passwordEnv };
}

function checkEmail(v: unknown, problems: string[]): EmailDelivery | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) {
    problems.push(`delivery.email: must be an object with to, from and smtp, got ${json(v)}`);
    return null;
  }
  keysOf(v, EMAIL_KEYS, 'delivery.email', problems);
  const from = str(v, 'from', 'delivery.email', problems);
  if (from === null || !ADDRESS.test(from)) problems.push(`delivery.email.from: the sender's address is required, e.g. "CRM reports <crm@example.com>", got ${json(v['from'])}`);
  return {
    to: addresses(v['to'], 'delivery.email.to', problems, true), cc: addresses(v['cc'], 'delivery.email.cc', problems, false),
    from: from ?? '', subject: str(v, 'subject', 'delivery.email', problems), smtp: checkSmtp(v['smtp'], problems),
  };
}

function checkChat(v: unknown, problems: string[]): ChatDelivery | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) {
    problems.push(`delivery.chat: must be an object such as { "webhookUrlEnv": "CRM_CHAT_WEBHOOK" }, got ${json(v)}`);
    return null;
  }
  keysOf(v, CHAT_KEYS, 'delivery.chat', problems);
  const webhookUrl = str(v, 'webhookUrl', 'delivery.chat', problems);
  const webhookUrlEnv = str(v, 'webhookUrlEnv', 'delivery.chat', problems);
  if ((webhookUrl === null) === (webhookUrlEnv === null)) problems.push('delivery.chat: give exactly one of "webhookUrl" (the incoming-webhook URL) or "webhookUrlEnv" (the environment variable that holds it; better, since the URL is a secret)');
  if (webhookUrl !== null && !/^https?:\/\//.test(webhookUrl)) problems.push(`delivery.chat.webhookUrl: must be an http(s) URL, got ${json(webhookUrl)}`);
  return { webhookUrl, webhookUrlEnv };
}

/**
 * Check a pipeline's `delivery` key (README "Delivery") and complete it with the defaults; each
 * problem is pushed naming its key and the fix. undefined when the pipeline delivers nothing.
 *
 * @example checkDelivery({ email: { to: ['a@b.c'], from: 'crm@b.c', smtp: { host: 'smtp.b.c' } } }, problems)
 */
export function checkDelivery(v: unknown, problems: string[]): DeliveryConfig | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    problems.push(`delivery: must be an object with "email" and/or "chat", got ${json(v)}`);
    return undefined;
  }
  keysOf(v, KEYS, 'delivery', problems);
  const reportUrl = str(v, 'reportUrl', 'delivery', problems);
  if (reportUrl !== null && !/^(https?|file):\/\//.test(reportUrl)) problems.push(`delivery.reportUrl: must be the URL where the reports folder is published (http(s):// or file://), got ${json(reportUrl)}`);
  const retry = isObject(v['retry']) ? v['retry'] : {};
  if (v['retry'] !== undefined && !isObject(v['retry'])) problems.push(`delivery.retry: must be { "attempts": 3, "backoffMs": 2000 }, got ${json(v['retry'])}`);
  keysOf(retry, ['attempts', 'backoffMs'], 'delivery.retry', problems);
  const email = checkEmail(v['email'], problems);
  const chat = checkChat(v['chat'], problems);
  if (!email && !chat) problems.push('delivery: names no channel; add "email" and/or "chat"');
  return {
    email, chat, reportUrl: reportUrl?.replace(/\/+$/, '') ?? null,
    attachLimitBytes: posInt(v['attachLimitBytes'], 'delivery.attachLimitBytes', DEFAULT_ATTACH_LIMIT_BYTES, problems, 0),
    retry: { attempts: posInt(retry['attempts'], 'delivery.retry.attempts', DEFAULT_RETRY.attempts, problems), backoffMs: posInt(retry['backoffMs'], 'delivery.retry.backoffMs', DEFAULT_RETRY.backoffMs, problems, 0) },
  };
}
