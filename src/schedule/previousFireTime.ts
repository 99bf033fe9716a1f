import cron from 'node-cron';
import { cronFields } from './cronFields.js';

const DAY_MS = 86_400_000;

/**
 * The latest time at or before `now` that a cron expression fires in a time zone, or null when it
 * has not fired in the last `maxDays` days. node-cron only looks forward, so this walks back
 * from `now`: a whole local hour at a time while the hour (or day) does not match, then minute
 * by minute, then second by second.
 *
 * @example previousFireTime('0 6 * * 1', 'UTC', new Date('2025-01-08T12:00:00Z')) // 2025-01-06T06:00:00Z
 */
export function previousFireTime(expression: string, timeZone: string, now: Date = new Date(), maxDays = 400): Date | null {
  const [, minute, hour, dom, month, dow] = cronFields(expression);
  const matcher = (fields: string[]) => cron.createTask(fields.join(' '), () => {}, { timezone: timeZone });
  const full = matcher(cronFields(expression));
  const hourly = matcher(['*', '*', hour!, dom!, month!, dow!]);
  const minutely = matcher(['*', minute!, hour!, dom!, month!, dow!]);
  const localMinute = new Intl.DateTimeFormat('en-US', { timeZone, minute: 'numeric' });
  try {
    const stop = now.getTime() - maxDays * DAY_MS;
    for (let t = Math.floor(now.getTime() / 1000) * 1000; t >= stop; ) {
      const d = new Date(t);
      const seconds = d.getUTCSeconds(); // zone offsets are whole minutes
      if (!hourly.match(d)) t -= (Number(localMinute.format(d)) * 60 + seconds + 1) * 1000;
      else if (!minutely.match(d)) t -= (seconds + 1) * 1000;
      else if (full.match(d)) return d;
      else t -= 1000;
    }
    return null;
  } finally {
    for (const task of [full, hourly, minutely]) void task.destroy();
  }
}
