import { formatDecimal, formatInt, MISSING } from '../format.js';
import type { BinRow, RuleRow } from '../types.js';
import { renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

const RULE_COLUMNS: Column<RuleRow>[] = [
  { header: 'Priority', cell: (r) => formatInt(r.priority), numeric: true },
  { header: 'Segment', cell: (r) => r.segment },
  { header: 'R range', cell: (r) => scoreRange(r.rMin, r.rMax), numeric: true },
  { header: 'F range', cell: (r) => scoreRange(r.fMin, r.fMax), numeric: true },
  { header: 'M range', cell: (r) => scoreRange(r.mMin, r.mMax), numeric: true },
  { header: 'Description', cell: (r) => r.description ?? MISSING },
];

const BIN_COLUMNS: Column<BinRow>[] = [
  { header: 'Metric', cell: (b) => metricLabel(b.metric) },
  { header: 'Score', cell: (b) => formatInt(b.score), numeric: true },
  { header: 'Range', cell: (b) => binRange(b.lower, b.upper), numeric: true },
  { header: 'Customers', cell: (b) => formatInt(b.customers), numeric: true },
];

/**
 * The Segment rules section: the rule table in priority order and the score bin edges.
 * @example renderRules(data.rules, data.bins)
 */
export function renderRules(rules: readonly RuleRow[], bins: readonly BinRow[]): SafeHtml {
  const sortedRules = [...rules].sort((a, b) => a.priority - b.priority);
  const sortedBins = [...bins].sort((a, b) => metricOrder(a.metric) - metricOrder(b.metric) || a.score - b.score);
  return html`<section id="rules" aria-labelledby="rules-h">
<h2 id="rules-h">Segment rules</h2>
<p>Rules are checked in priority order, lowest number first: the first matching rule wins and gives the customer its segment.</p>
${renderTable('Rules in priority order (score ranges are inclusive)', RULE_COLUMNS, sortedRules)}
<h3>Score bin edges</h3>
${renderTable('Value range per score: lower edge exclusive, upper edge inclusive', BIN_COLUMNS, sortedBins, { compact: true })}
</section>`;
}

/** '3–5', or a single score when the range has one value. */
const scoreRange = (min: number, max: number): string => (min === max ? `${min}` : `${min}–${max}`);

/**
 * A bin's value range; the lower edge is exclusive and the upper inclusive.
 * @example binRange(12, 40) // '12 < x ≤ 40'
 */
export function binRange(lower: number | null, upper: number | null): string {
  const n = (v: number): string => formatDecimal(v, Number.isInteger(v) ? 0 : 2);
  if (lower === null && upper === null) return 'all values';
  if (lower === null) return `≤ ${n(upper!)}`;
  if (upper === null) return `> ${n(lower)}`;
  // tied values at an edge leave this score empty
  if (lower === upper) return `none (tie at ${n(lower)})`;
  return `${n(lower)} < x ≤ ${n(upper)}`;
}

function metricLabel(metric: BinRow['metric']): string {
  switch (metric) {
    case 'recency_days':
      return 'Recency (days)';
    case 'frequency':
      return 'Frequency (orders)';
    case 'monetary':
      return 'Monetary ($)';
    default:
      throw new Error(`unknown metric ${String(metric satisfies never)}`);
  }
}

const METRICS: readonly BinRow['metric'][] = ['recency_days', 'frequency', 'monetary'];
const metricOrder = (m: BinRow['metric']): number => METRICS.indexOf(m);
