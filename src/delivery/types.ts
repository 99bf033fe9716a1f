/** How the SMTP connection is secured: TLS from the first byte (port 465), STARTTLS required (587), or none (a local relay). */
export type SmtpTls = 'tls' | 'starttls' | 'none';

/** Where and how the email goes (pipeline `delivery.email`). */
export interface EmailDelivery {
  to: string[];
  cc: string[];
  from: string;
  /** placeholders {pipeline} {asOf} {title} {audience}; default per locale (Messages.delivery.subject) */
  subject: string | null;
  smtp: {
    host: string;
    port: number;
    tls: SmtpTls;
    user: string | null;
    /** the name of the environment variable that holds the password; never the password itself */
    passwordEnv: string | null;
  };
}

/** A Slack-compatible incoming webhook (pipeline `delivery.chat`): the URL, or the variable holding it. */
export interface ChatDelivery {
  webhookUrl: string | null;
  webhookUrlEnv: string | null;
}

/** The pipeline's `delivery` key, checked and completed with the defaults (README "Delivery"). */
export interface DeliveryConfig {
  email: EmailDelivery | null;
  chat: ChatDelivery | null;
  /** where the reports folder is published (e.g. https://intranet/reports); links become <base>/<as-of>/report.html; null = the file's path */
  reportUrl: string | null;
  /** report + CSV lists are attached while their total stays at or under this many bytes; above it only the summary is sent */
  attachLimitBytes: number;
  /** attempts per message (1 = no retry) and the first wait; each later wait doubles */
  retry: { attempts: number; backoffMs: number };
}

/** What one delivery came to, as stored in `deliveries`. */
export interface DeliveryRecord {
  audience: string;
  channel: 'email' | 'chat';
  recipients: string;
  status: 'sent' | 'failed' | 'dry-run' | 'skipped';
  messageId: string | null;
  error: string | null;
  attempts: number;
  path: string | null;
}
