import { describe, expect, it } from 'vitest';
import { churnReason, churnReasons, span } from '../../src/models/reason.js';
import { daysToWeeks, toUnit, unitsPerMonth } from '../../src/models/units.js';

describe('churnReason', () => {
  it('says how overdue a repeat buyer is against their own rhythm', () => {
    expect(churnReason({ recencyDays: 94, typicalGapDays: 21, orders: 4, tenureDays: 183 })).toBe(
      'last order 94 days ago; usually orders every 21 days; 4 orders in 6 months',
    );
  });

  it('keeps one-time buyers short', () => {
    expect(churnReason({ recencyDays: 120, typicalGapDays: 0, orders: 1, tenureDays: 120 })).toBe('one order, 120 days ago');
    expect(churnReason({ recencyDays: 0, typicalGapDays: 0, orders: 1, tenureDays: 0 })).toBe('one order, today');
    expect(churnReason({ recencyDays: 1, typicalGapDays: 0, orders: 1, tenureDays: 1 })).toBe('one order, 1 day ago');
  });

  it('words spans and gaps naturally', () => {
    expect(span(10)).toBe('10 days');
    expect(span(60)).toBe('2 months');
    expect(span(400)).toBe('13 months');
    expect(span(1100)).toBe('3 years');
    expect(churnReason({ recencyDays: 3, typicalGapDays: 0.6, orders: 12, tenureDays: 20 })).toBe(
      'last order 3 days ago; usually orders every day; 12 orders in 20 days',
    );
  });

  it('works from a day-based summary for every customer', () => {
    expect(churnReasons(Float64Array.of(3, 0), Float64Array.of(63, 0), Float64Array.of(157, 45))).toEqual([
      'last order 94 days ago; usually orders every 21 days; 4 orders in 5 months',
      'one order, 45 days ago',
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
