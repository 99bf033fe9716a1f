import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import { segmentName } from '../i18n/names.js';
import type { SegmentRow } from '../types.js';
import { CHART_CONFIG, VL_SCHEMA } from './common.js';

/** A segment row plus preformatted labels, so tooltips match the tables exactly. */
export interface SegmentDatum extends SegmentRow {
  customersLabel: string;
  shareLabel: string;
  revenueLabel: string;
  revenueShareLabel: string;
}

const BAR_COLOR = '#2563eb';
const SHARE_COLOR = '#0d9488';

/**
 * Two aligned horizontal bar panels, one row per segment sorted by customers (largest first):
 * customers per segment, and each segment's share of revenue, so size and value can be compared.
 *
 * @example
 * const spec = segmentSizesChart(data.segments);
 * vegaEmbed('#chart', spec);
 */
export function segmentSizesChart(segments: readonly SegmentRow[], t: ReportText = EN): TopLevelSpec {
  const c = t.m.charts.segments;
  const rows = sortByCustomers(segments).map((s) => toDatum(s, t));
  const tooltip = [
    { field: 'segment', type: 'nominal' as const, title: c.segment },
    { field: 'customersLabel', type: 'nominal' as const, title: c.customers },
    { field: 'shareLabel', type: 'nominal' as const, title: c.shareOfCustomers },
    { field: 'revenueLabel', type: 'nominal' as const, title: c.revenue },
    { field: 'revenueShareLabel', type: 'nominal' as const, title: c.revenueShare },
  ];
  const order = rows.map((r) => r.segment);
  return {
    $schema: VL_SCHEMA,
    title: { text: c.title, subtitle: c.subtitle },
    description: c.description,
    data: { values: rows },
    hconcat: [
      panel(order, maxOf(rows, 'customers'), { ...CUSTOMERS_PANEL, title: c.customers }, tooltip),
      panel(order, maxOf(rows, 'revenueShare'), { ...REVENUE_SHARE_PANEL, title: c.revenueShare }, tooltip),
    ],
    spacing: 24,
    // the page's script narrows both panels alike to fit a phone (scripts.ts)
    usermeta: { fitPanels: { fixed: 200 } },
    config: CHART_CONFIG,
  };
}

/** Largest first; ties by name so the order is stable between runs. */
function sortByCustomers(segments: readonly SegmentRow[]): SegmentRow[] {
  return [...segments].sort((a, b) => b.customers - a.customers || a.segment.localeCompare(b.segment));
}

function toDatum(s: SegmentRow, t: ReportText): SegmentDatum {
  const { fmt } = t;
  return {
    ...s,
    segment: segmentName(s.segment, t),
    customersLabel: fmt.int(s.customers),
    shareLabel: fmt.pct(s.share),
    revenueLabel: fmt.money(s.revenue),
    revenueShareLabel: fmt.pct(s.revenueShare),
  };
}

const maxOf = (rows: SegmentDatum[], key: 'customers' | 'revenueShare'): number =>
  Math.max(0, ...rows.map((r) => r[key]));


interface PanelOptions {
  field: 'customers' | 'revenueShare';
  label: 'customersLabel' | 'revenueShareLabel';
  title: string;
  color: string;
  axisFormat: string;
  showNames: boolean;
}

const CUSTOMERS_PANEL: PanelOptions = {
  field: 'customers',
  label: 'customersLabel',
  title: 'Customers',
  color: BAR_COLOR,
  axisFormat: ',d',
  showNames: true,
};

const REVENUE_SHARE_PANEL: PanelOptions = {
  field: 'revenueShare',
  label: 'revenueShareLabel',
  title: 'Share of revenue',
  color: SHARE_COLOR,
  axisFormat: '.0%',
  showNames: false,
};

/**
 * One bar panel. Both panels share the explicit segment order so rows line up; only the first
 * shows segment names. The x domain leaves room for the value label after the longest bar.
 */
function panel(order: string[], max: number, o: PanelOptions, tooltip: { field: string; type: 'nominal'; title: string }[]) {
  return {
    width: 300,
    height: { step: 26 },
    encoding: {
      y: {
        field: 'segment',
        type: 'nominal' as const,
        sort: order,
        title: null,
        axis: o.showNames ? { labelLimit: 220, ticks: false, domain: false } : null,
      },
      x: {
        field: o.field,
        type: 'quantitative' as const,
        title: o.title,
        scale: { domain: [0, max > 0 ? max * 1.25 : 1] },
        axis: { format: o.axisFormat, tickCount: 4, grid: true, gridColor: '#e5e7eb', ...(o.field === 'customers' ? { tickMinStep: 1 } : {}) },
      },
      tooltip,
    },
    layer: [
      { mark: { type: 'bar' as const, color: o.color, cornerRadiusEnd: 2 } },
      {
        mark: { type: 'text' as const, align: 'left' as const, dx: 4, color: '#111827', fontSize: 12 },
        encoding: { text: { field: o.label, type: 'nominal' as const } },
      },
    ],
  };
}
