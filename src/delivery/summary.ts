import { kpiDelta } from '../report/delta.js';
import { formatKpiValue } from '../report/format.js';
import { highlights, type Highlight } from '../report/highlights.js';
import { reportText, type Locale, type ReportText } from '../report/i18n/index.js';
import { kpiLabel } from '../report/kpiLabel.js';
import type { TrendReport } from '../report/trend/types.js';
import type { ReportData } from '../report/types.js';
import type { Tone } from '../report/valence.js';

/** One KPI as a message prints it: the report tile's label, value and change, coloured by valence. */
export interface SummaryKpi {
  key: string;
  label: string;
  value: string;
  /** e.g. '▲ +$1,200 (+4.2%)'; '' when there is nothing to compare with */
  change: string;
  tone: Tone | 'none';
}

/** What every message of a run says: the report's own highlights and KPI tiles, in its language. */
export interface DeliverySummary {
  t: ReportText;
  runId: number;
  pipeline: string;
  asOf: string;
  customers: number;
  highlights: Highlight[];
  kpis: SummaryKpi[];
  trend: TrendReport | null;
}

/**
 * The numbers a message carries, built by the same functions as the report (highlights, kpiDelta,
 * kpiLabel, formatKpiValue), so the email can never say something the report does not.
 *
 * @example deliverySummary(await readReportData(conn, runId), 'en').kpis[0] // { key: 'revenue', label: 'Net revenue (last 28 days)', … }
 */
export function deliverySummary(data: ReportData, locale: Locale): DeliverySummary {
  const t = reportText(locale, data.currency.code);
  const kpis = data.kpis.map((k): SummaryKpi => {
    const d = kpiDelta(k, t);
    return {
      key: k.key, label: kpiLabel(k, t), value: formatKpiValue(k.value, k.format, t),
      change: d === null ? '' : `${d.arrow} ${d.absolute}${d.relative === null ? '' : ` (${d.relative})`}`, tone: d?.tone ?? 'none',
    };
  });
  return {
    t, runId: data.run.runId, pipeline: data.run.pipeline ?? '', asOf: data.run.asOf, customers: data.window.customers,
    highlights: highlights(data, t), kpis, trend: data.trend && data.trend.weeks.length >= 2 ? data.trend : null,
  };
}

/**
 * A subject template with its placeholders filled; unknown placeholders stay as written.
 * @example fillTemplate('{pipeline} as of {asOf}', { pipeline: 'weekly', asOf: '2024-06-30' }) // 'weekly as of 2024-06-30'
 */
export const fillTemplate = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
