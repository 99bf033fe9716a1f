import { EN, type ReportText } from './i18n/index.js';
import type { Kpi } from './types.js';

/** How a KPI moved since the previous run, ready to print. */
export interface KpiDelta {
  direction: 'up' | 'down' | 'flat';
  arrow: '▲' | '▼' | '▶';
  /** Absolute change with sign, e.g. '+$1,200' or '−1.5 pp'; 'no change' when flat. */
  absolute: string;
  /** Relative change with sign, e.g. '+4.2%'; null when flat or the previous value is 0. */
  relative: string | null;
}

/**
 * The change of a KPI against its previous value, or null when there is no previous value.
 *
 * @example
 * kpiDelta({ key: 'c', label: 'Customers', value: 110, previous: 100, format: 'int' })
 * // { direction: 'up', arrow: '▲', absolute: '+10', relative: '+10.0%' }
 */
export function kpiDelta(kpi: Kpi, t: ReportText = EN): KpiDelta | null {
  if (kpi.previous === null || !Number.isFinite(kpi.previous) || !Number.isFinite(kpi.value)) return null;
  const diff = kpi.value - kpi.previous;
  const direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  if (direction === 'flat') return { direction, arrow: '▶', absolute: t.m.kpis.noChange, relative: null };
  return {
    direction,
    arrow: direction === 'up' ? '▲' : '▼',
    absolute: signed(diff, formatChange(Math.abs(diff), kpi.format, t)),
    relative: kpi.previous === 0 ? null : signed(diff, t.fmt.pct(Math.abs(diff / kpi.previous))),
  };
}

const signed = (diff: number, magnitude: string): string => (diff > 0 ? '+' : '−') + magnitude;

/** A change's magnitude; a change of a percentage is stated in percentage points, not percent. */
function formatChange(magnitude: number, format: Kpi['format'], t: ReportText): string {
  switch (format) {
    case 'int':
      return t.fmt.int(magnitude);
    case 'money':
      return t.fmt.money(magnitude);
    case 'pct':
      return t.m.common.pp(t.fmt.decimal(magnitude * 100, 1));
    case 'days':
      return t.m.common.days(t.fmt.decimal(magnitude, 1));
    case 'decimal':
      return t.fmt.decimal(magnitude, 2);
    default:
      throw new Error(`unknown KPI format ${String(format satisfies never)}`);
  }
}
