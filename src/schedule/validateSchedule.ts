import cron from 'node-cron';
import type { Pipeline } from '../pipeline/types.js';
import { usageError } from '../util/error.js';

/** Refuse a pipeline whose cron expression or time zone would not run, naming both. */
export function validateSchedule(p: Pipeline): void {
  const { cron: expression, timezone } = p.schedule;
  if (!cron.validate(expression)) {
    throw usageError(`pipeline ${p.name}: "${expression}" is not a cron expression (minute hour day-of-month month day-of-week, optionally seconds first)`);
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw usageError(`pipeline ${p.name}: unknown time zone "${timezone}" (use an IANA name such as UTC or Europe/Berlin)`);
  }
}
