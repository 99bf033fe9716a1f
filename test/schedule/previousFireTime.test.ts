import { describe, expect, it } from 'vitest';
import { applyAsOfRule } from '../../src/pipeline/asOf.js';
import { needsCatchUp } from '../../src/schedule/needsCatchUp.js';
import { previousFireTime } from '../../src/schedule/previousFireTime.js';

const at = (iso: string): Date => new Date(iso);

describe('previousFireTime: the latest time a cron fired at or before now', () => {
  it('finds last Monday 06:00 for a weekly schedule, and now itself when now matches', () => {
    expect(previousFireTime('0 6 * * 1', 'UTC', at('2025-01-08T12:00:00Z'))).toEqual(at('2025-01-06T06:00:00Z'));
    expect(previousFireTime('0 6 * * 1', 'UTC', at('2025-01-06T06:00:00Z'))).toEqual(at('2025-01-06T06:00:00Z'));
    expect(previousFireTime('0 6 * * 1', 'UTC', at('2025-01-06T05:59:59Z'))).toEqual(at('2024-12-30T06:00:00Z'));
  });

  it('reads the wall clock of the schedule time zone (winter and summer offsets)', () => {
    expect(previousFireTime('0 6 * * 1', 'Europe/Berlin', at('2025-01-08T12:00:00Z'))).toEqual(at('2025-01-06T05:00:00Z'));
    expect(previousFireTime('0 6 * * 1', 'Europe/Berlin', at('2025-07-09T12:00:00Z'))).toEqual(at('2025-07-07T04:00:00Z'));
    expect(previousFireTime('30 9 * * *', 'Asia/Kolkata', at('2025-03-01T05:00:00Z'))).toEqual(at('2025-03-01T04:00:00Z'));
  });

  it('handles seconds, nicknames, yearly schedules, and schedules that never fire', () => {
    expect(previousFireTime('*/5 * * * * *', 'UTC', at('2025-01-01T00:00:07.400Z'))).toEqual(at('2025-01-01T00:00:05Z'));
    expect(previousFireTime('@daily', 'UTC', at('2025-01-01T10:00:00Z'))).toEqual(at('2025-01-01T00:00:00Z'));
    expect(previousFireTime('0 0 1 1 *', 'UTC', at('2025-12-31T10:00:00Z'))).toEqual(at('2025-01-01T00:00:00Z'));
    expect(previousFireTime('0 0 29 2 1', 'UTC', at('2025-03-01T00:00:00Z'))).toBeNull(); // Feb 29 on a Monday: 2016, then 2044
  });
});

describe('the catch-up rule', () => {
  it('catches up when the last success started before the previous scheduled time, or never happened', () => {
    const prev = at('2025-01-06T06:00:00Z');
    expect(needsCatchUp(prev, null)).toBe(true);
    expect(needsCatchUp(prev, at('2024-12-30T06:00:02Z'))).toBe(true);
    expect(needsCatchUp(prev, at('2025-01-06T06:00:01Z'))).toBe(false);
    expect(needsCatchUp(null, null)).toBe(false);
  });
});

describe('as-of rules', () => {
  it('week-ending-sunday is unchanged: the Sunday on or before the latest order', () => {
    expect(applyAsOfRule('week-ending-sunday', '2024-12-31')).toBe('2024-12-29');
    expect(applyAsOfRule('week-ending-sunday', '2024-12-29')).toBe('2024-12-29');
  });

  it('last-complete-week is the last Sunday before today on the schedule clock (a Sunday is not complete yet)', () => {
    const latest = '2020-01-01'; // ignored: this rule reads the clock
    expect(applyAsOfRule('last-complete-week', latest, at('2025-01-06T06:00:00Z'), 'UTC')).toBe('2025-01-05'); // Monday
    expect(applyAsOfRule('last-complete-week', latest, at('2025-01-08T06:00:00Z'), 'UTC')).toBe('2025-01-05'); // Wednesday
    expect(applyAsOfRule('last-complete-week', latest, at('2025-01-05T23:00:00Z'), 'UTC')).toBe('2024-12-29'); // Sunday
    // 01:00 UTC on Monday is still Sunday evening in New York
    expect(applyAsOfRule('last-complete-week', latest, at('2025-01-06T01:00:00Z'), 'America/New_York')).toBe('2024-12-29');
  });
});
