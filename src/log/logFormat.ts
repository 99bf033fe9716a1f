export type LogFormat = 'json' | 'text';

/**
 * JSON lines when stderr is not a terminal (files, journald, pipes), readable text when it is;
 * $CRM_LOG_FORMAT=json|text overrides.
 */
export function logFormat(): LogFormat {
  const env = process.env['CRM_LOG_FORMAT'];
  if (env === 'json' || env === 'text') return env;
  return process.stderr.isTTY ? 'text' : 'json';
}
