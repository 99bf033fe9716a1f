import { EN, type ReportText } from './i18n/index.js';
import type { Kpi } from './types.js';
import { toneOf, valenceOf, type Tone } from './valence.js';

/** How a KPI moved against its earlier value, ready to print. */
export interface KpiDelta {
  /** 'flat' also when the change rounds to zero as printed (e.g. 0.004 pp) */
  direction: 'up' | 'down' | 'flat';
  arrow: '▲' | '▼' | '▶';
  /** good / bad / neutral by the KPI's valence (src/report/valence.ts), not by the arrow */
  tone: Tone;
  /** Absolute change with sign, e.g. '+$1,200' or '−1.5 pp'; 'no change' when exactly 0, unsigned when it rounds to 0. */
  absolute: string;
  /** Relative change with sign, e.g. '+4.2%'; null when flat or the earlier value is 0. */
  relative: string | null;
}

/**
 * The change of a KPI against its earlier value, or null when there is none. A change too small
 * to show at the printed precision is flat and neutral and carries no minus sign ("0.0 pp", not
 * "−0.0 pp"), so a reader never sees a red zero.
 *
 * @example
 * kpiDelta({ key: 'return_rate', label: 'Return rate', value: 0.06, previous: 0.05, format: 'pct', … })
 * // { direction: 'up', arrow: '▲', tone: 'bad', absolute: '+1.0 pp', relative: '+20.0%' }
 */
export function kpiDelta(kpi: Kpi, t: ReportText = EN): KpiDelta | null {
  if (kpi.previous === null || !Number.isFinite(kpi.previous) || !Number.isFinite(kpi.value)) return null;
  const diff = kpi.value - kpi.previous;
  if (diff === 0) return { direction: 'flat', arrow: '▶', tone: 'neutral', absolute: t.m.kpis.noChange, relative: null };
  const magnitude = formatChange(Math.abs(diff), kpi.format, t);
  const direction = roundsToZero(magnitude) ? 'flat' : diff > 0 ? 'up' : 'down';
  if (direction === 'flat') return { direction, arrow: '▶', tone: 'neutral', absolute: magnitude, relative: null };
  const relative = kpi.previous === 0 ? null : t.fmt.pct(Math.abs(diff / kpi.previous));
  return {
    direction,
    arrow: direction === 'up' ? '▲' : '▼',
    tone: toneOf(valenceOf(kpi.key), direction),
    absolute: signed(diff, magnitude),
    relative: relative === null ? null : signed(diff, relative),
  };
}

/** True when a formatted number has no non-zero digit, e.g. '0.0 pp', '$0.00', '0.0%'. */
export const roundsToZero = (formatted: string): boolean => !/[1-9]/.test(formatted);

/** A sign only on a magnitude that is not zero as printed. */
const signed = (diff: number, magnitude: string): string => (roundsToZero(magnitude) ? magnitude : (diff > 0 ? '+' : '−') + magnitude);

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
