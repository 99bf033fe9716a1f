import { describe, expect, it } from 'vitest';
import { kpiDelta } from '../../src/report/delta.js';
import { formatDecimal, formatInt, formatKpiValue, formatMoney, formatPct } from '../../src/report/format.js';
import { binRange } from '../../src/report/html/rules.js';
import type { Kpi } from '../../src/report/types.js';

describe('number formats', () => {
  it('formats money without cents from $1,000 up', () => {
    expect(formatMoney(12345.67)).toBe('$12,346');
    expect(formatMoney(999.5)).toBe('$999.50');
    expect(formatMoney(-1500)).toBe('-$1,500');
  });

  it('formats counts, percents and decimals', () => {
    expect(formatInt(1234567)).toBe('1,234,567');
    expect(formatPct(0.12345)).toBe('12.3%');
    expect(formatPct(1)).toBe('100.0%');
    expect(formatDecimal(1234.5, 2)).toBe('1,234.50');
  });

  it('shows a dash for numbers that are not finite', () => {
    expect(formatInt(Number.NaN)).toBe('—');
    expect(formatMoney(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('formats each KPI format', () => {
    expect(formatKpiValue(1234, 'int')).toBe('1,234');
    expect(formatKpiValue(1234, 'money')).toBe('$1,234');
    expect(formatKpiValue(0.5, 'pct')).toBe('50.0%');
    expect(formatKpiValue(12, 'days')).toBe('12.0 days');
    expect(formatKpiValue(2.345, 'decimal')).toBe('2.35');
    expect(() => formatKpiValue(1, 'bogus' as Kpi['format'])).toThrow(/unknown KPI format/);
  });
});

describe('kpiDelta', () => {
  const kpi = (value: number, previous: number | null, format: Kpi['format'] = 'int'): Kpi => ({
    key: 'k',
    label: 'K',
    value,
    previous,
    format,
  });

  it('is null without a previous value', () => {
    expect(kpiDelta(kpi(1, null))).toBeNull();
  });

  it('gives direction, arrow, absolute and relative change', () => {
    expect(kpiDelta(kpi(110, 100))).toEqual({ direction: 'up', arrow: '▲', tone: 'neutral', absolute: '+10', relative: '+10.0%' });
    expect(kpiDelta(kpi(900, 1000, 'money'))).toEqual({ direction: 'down', arrow: '▼', tone: 'neutral', absolute: '−$100.00', relative: '−10.0%' });
    expect(kpiDelta(kpi(5, 5))).toMatchObject({ direction: 'flat', absolute: 'no change', relative: null });
  });

  it('states percentage changes in points and skips the ratio when previous is 0', () => {
    expect(kpiDelta(kpi(0.25, 0.2, 'pct'))!.absolute).toBe('+5.0 pp');
    expect(kpiDelta(kpi(3, 0))!.relative).toBeNull();
  });
});

describe('binRange', () => {
  it('writes open and closed ranges with the upper edge inclusive', () => {
    expect(binRange(null, 12)).toBe('≤ 12');
    expect(binRange(12, 40)).toBe('12 < x ≤ 40');
    expect(binRange(200, null)).toBe('> 200');
    expect(binRange(1, 1)).toBe('none (tie at 1)');
    expect(binRange(45.5, 120)).toBe('45.50 < x ≤ 120');
    expect(binRange(null, null)).toBe('all values');
  });
});
