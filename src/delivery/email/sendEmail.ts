import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { inputError } from '../../util/error.js';
import type { EmailDelivery } from '../types.js';

/** The SMTP password from the variable the pipeline names; refused when it is not set. */
export function smtpPassword(email: EmailDelivery, env: NodeJS.ProcessEnv = process.env): string | null {
  const name = email.smtp.passwordEnv;
  if (name === null) return null;
  const v = env[name];
  if (v === undefined || v === '') throw inputError(`delivery.email.smtp.passwordEnv names ${name}, which is not set: export ${name}=… before the run (the password never goes in the pipeline file)`);
  return v;
}

/**
 * Send one message over SMTP (one connection, closed after) and return the server-accepted
 * Message-ID. "starttls" refuses a server that does not offer STARTTLS, so a password is never
 * sent in the clear by accident.
 *
 * @example const id = await sendEmail(email, message, process.env);
 */
export async function sendEmail(email: EmailDelivery, message: Mail.Options, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { host, port, tls, user } = email.smtp;
  const pass = smtpPassword(email, env);
  const transport = nodemailer.createTransport({
    host, port, secure: tls === 'tls', requireTLS: tls === 'starttls', ignoreTLS: tls === 'none',
    ...(user !== null ? { auth: { user, pass: pass ?? '' } } : {}),
    connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail(message);
    return info.messageId;
  } finally {
    transport.close();
  }
}
