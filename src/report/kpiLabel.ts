import { EN, type ReportText } from './i18n/index.js';
import type { Kpi } from './types.js';

/**
 * A KPI's label naming its window, in the report's language: "last N days", "to date", or, for
 * the run-to-run count of newly lapsed customers, "since the previous run". KPIs the catalogue does
 * not know, or whose window is not recorded, keep their stored label.
 *
 * @example kpiLabel({ key: 'orders', windowDays: 28, … }) // 'Orders (last 28 days)'
 */
export function kpiLabel(kpi: Kpi, t: ReportText = EN): string {
  const names: Record<string, string | undefined> = t.m.kpis.names;
  const name = names[kpi.key];
  // without a recorded window (a hand-made Kpi) the stored label is all we know
  if (name === undefined || kpi.windowDays === undefined) return kpi.label;
  const w = t.m.kpis.windows;
  const window = kpi.key === 'churned' ? w.sinceRun : kpi.windowDays != null ? w.lastDays(t.fmt.int(kpi.windowDays)) : w.toDate;
  return t.m.kpis.label(name, window);
}
