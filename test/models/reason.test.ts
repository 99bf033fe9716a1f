import { describe, expect, it } from 'vitest';
import { churnReasons, churnReasonText, horizonSpan, reasonFacts, span } from '../../src/models/reason.js';
import { daysToWeeks, toUnit, unitsPerMonth } from '../../src/models/units.js';
import { en } from '../../src/report/i18n/en.js';
import { zhCN } from '../../src/report/i18n/zh-CN.js';

const say = (x: number, txDays: number, TDays: number, band: 'low' | 'medium' | 'high' | null, horizonDays = 63) =>
  churnReasonText(reasonFacts({ x, txDays, TDays, band, horizonDays }), en.reasons);

describe('churn reasons', () => {
  it('say how overdue a repeat buyer is, in whole cycles, and what the band means', () => {
    // gap 63 / 3 = 21 days, last order 157 − 63 = 94 days ago: 73 days past the gap = 3 whole cycles
    expect(reasonFacts({ x: 3, txDays: 63, TDays: 157, band: 'high', horizonDays: 63 })).toMatchObject({ kind: 'overdue', cycles: 3, gapDays: 21, agoDays: 94 });
    expect(say(3, 63, 157, 'high')).toBe('overdue by 3 cycles: last order 3 months ago, usually every 21 days; an order within 9 weeks is unlikely');
  });

  it('say when the next order is due for a customer within their rhythm', () => {
    // every 35 days, last order 14 days ago: due in 21 days
    expect(say(4, 140, 154, 'low')).toBe('due in about 21 days: last order 14 days ago, usually every 5 weeks; an order within 9 weeks is more likely than not');
    // a slow buyer (every 6 months) in the high band: not overdue, but no order is expected within the horizon
    expect(say(2, 365, 425, 'high')).toBe('due in about 4 months: last order 2 months ago, usually every 6 months; an order within 9 weeks is unlikely');
  });

  it('overdue by more than 10 cycles is said as such, not as a count nobody can read', () => {
    // every 2 days, last order 445 days ago
    expect(say(21, 42, 487, 'high')).toBe('overdue by more than 10 cycles: last order 15 months ago, usually every 2 days; an order within 9 weeks is unlikely');
    expect(churnReasonText(reasonFacts({ x: 21, txDays: 42, TDays: 487, band: 'high', horizonDays: 63 }), zhCN.reasons)).toMatch(/^已超出 10 个以上购买周期/);
  });

  it('overdue by less than a cycle is said as a span', () => {
    expect(say(5, 100, 125, 'medium')).toBe('overdue by 5 days: last order 25 days ago, usually every 20 days; an order within 9 weeks is uncertain');
  });

  it('one-time buyers: what usually follows a first order, by band', () => {
    expect(say(0, 0, 152, 'high')).toBe('one order 5 months ago; most one-time buyers never return');
    expect(say(0, 0, 40, 'medium')).toBe('one order 6 weeks ago; many one-time buyers do not order again; a second order within 9 weeks is uncertain');
    expect(say(0, 0, 0, 'low')).toBe('one order today; a second order within 9 weeks is more likely than not');
    expect(say(0, 0, 1, null)).toBe('one order 1 day ago');
  });

  it('word spans naturally and the horizon exactly', () => {
    expect(span(10)).toEqual({ n: 10, unit: 'day' });
    expect(span(21)).toEqual({ n: 21, unit: 'day' });
    expect(span(30)).toEqual({ n: 4, unit: 'week' });
    expect(span(60)).toEqual({ n: 2, unit: 'month' });
    expect(span(400)).toEqual({ n: 13, unit: 'month' });
    expect(span(1100)).toEqual({ n: 3, unit: 'year' });
    expect(horizonSpan(63)).toEqual({ n: 9, unit: 'week' });
    expect(horizonSpan(90)).toEqual({ n: 90, unit: 'day' });
    expect(en.reasons.span({ n: 1, unit: 'week' })).toBe('1 week');
  });

  it('render the same facts in Chinese with no English words', () => {
    const f = reasonFacts({ x: 3, txDays: 63, TDays: 157, band: 'high', horizonDays: 63 });
    const zh = churnReasonText(f, zhCN.reasons);
    expect(zh).toBe('已超出 3 个购买周期：最近一单：3 个月前，通常每 21 天购买一次；9 周内下单的可能性很低');
    expect(zh).not.toMatch(/[A-Za-z]/);
    expect(churnReasonText(reasonFacts({ x: 0, txDays: 0, TDays: 152, band: 'high', horizonDays: 63 }), zhCN.reasons)).not.toMatch(/[A-Za-z]/);
  });

  it('work from a day-based summary for every distinct history, each with its band', () => {
    expect(churnReasons(Float64Array.of(3, 0), Float64Array.of(63, 0), Float64Array.of(157, 45), ['high', 'medium'], 63, en.reasons)).toEqual([
      'overdue by 3 cycles: last order 3 months ago, usually every 21 days; an order within 9 weeks is unlikely',
      'one order 6 weeks ago; many one-time buyers do not order again; a second order within 9 weeks is uncertain',
    ]);
  });
});

describe('time units', () => {
  it('converts days to weeks and gives the CLV factor of each unit', () => {
    expect([...daysToWeeks(Float64Array.of(7, 3.5))]).toEqual([1, 0.5]);
    expect([...toUnit(Float64Array.of(7), 'day')]).toEqual([7]);
    expect(unitsPerMonth('day')).toBe(30.4375);
    expect(unitsPerMonth('week')).toBeCloseTo(4.348, 3);
  });
});
