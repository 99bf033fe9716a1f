import { logFormat, type LogFormat } from './logFormat.js';
import type { LogEvent, StepLog } from './types.js';

/**
 * A step logger writing one line per event: JSON (`{"time":…,"level":…,"step":…,"msg":…}`) or
 * text (`06:00:01 weekly: load: 18420 rows read, … (812 ms)`).
 *
 * @example const log = createStepLog((t) => process.stderr.write(t)); log({ pipeline: 'weekly', step: 'load', msg: '…' });
 */
export function createStepLog(write: (text: string) => void, format: LogFormat = logFormat()): StepLog {
  return (event: LogEvent) => write(format === 'json' ? jsonLine(event) : textLine(event));
}

function jsonLine({ level = 'info', ...event }: LogEvent): string {
  return JSON.stringify({ time: new Date().toISOString(), level, ...event }) + '\n';
}

function textLine(e: LogEvent): string {
  const who = e.pipeline ? `${e.pipeline}: ` : '';
  const level = e.level === 'error' ? 'error: ' : e.level === 'warn' ? 'warning: ' : '';
  const ms = e.ms === undefined ? '' : ` (${e.ms} ms)`;
  const time = new Date().toTimeString().slice(0, 8);
  return `${time} ${who}${e.step}: ${level}${e.msg}${ms}\n`;
}
