import { EN, type ReportText } from '../i18n/index.js';
import { ruleDescription, segmentName } from '../i18n/names.js';
import { MISSING } from '../format.js';
import type { BinRow, RuleRow } from '../types.js';
import { renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

function ruleColumns(t: ReportText): Column<RuleRow>[] {
  const { m, fmt } = t;
  return [
    { header: m.rules.priority, cell: (r) => fmt.int(r.priority), numeric: true },
    { header: m.common.segment, cell: (r) => segmentName(r.segment, t) },
    { header: m.rules.rRange, cell: (r) => scoreRange(r.rMin, r.rMax), numeric: true },
    { header: m.rules.fRange, cell: (r) => scoreRange(r.fMin, r.fMax), numeric: true },
    { header: m.rules.mRange, cell: (r) => scoreRange(r.mMin, r.mMax), numeric: true },
    { header: m.rules.description, cell: (r) => ruleDescription(r.segment, r.description, t) ?? MISSING, prose: true },
  ];
}

function binColumns(t: ReportText): Column<BinRow>[] {
  const { m, fmt } = t;
  return [
    { header: m.rules.metric, cell: (b) => m.rules.metrics[b.metric] },
    { header: m.rules.score, cell: (b) => fmt.int(b.score), numeric: true },
    { header: m.rules.range, cell: (b) => binRange(b.lower, b.upper, t), numeric: true },
    { header: m.common.customers, cell: (b) => fmt.int(b.customers), numeric: true },
  ];
}

/**
 * The Segment rules section: the rule table in priority order and the score bin edges.
 * @example renderRules(data.rules, data.bins)
 */
export function renderRules(rules: readonly RuleRow[], bins: readonly BinRow[], t: ReportText = EN): SafeHtml {
  const sortedRules = [...rules].sort((a, b) => a.priority - b.priority);
  const sortedBins = [...bins].sort((a, b) => metricOrder(a.metric) - metricOrder(b.metric) || a.score - b.score);
  const m = t.m.rules;
  return html`<section id="rules" aria-labelledby="rules-h">
<h2 id="rules-h">${m.title}</h2>
<p>${m.intro}</p>
${renderTable(m.caption, ruleColumns(t), sortedRules, { t })}
<h3>${m.binsTitle}</h3>
${renderTable(m.binsCaption, binColumns(t), sortedBins, { compact: true, t })}
</section>`;
}

/** '3–5', or a single score when the range has one value. */
const scoreRange = (min: number, max: number): string => (min === max ? `${min}` : `${min}–${max}`);

/**
 * A bin's value range; the lower edge is exclusive and the upper inclusive.
 * @example binRange(12, 40) // '12 < x ≤ 40'
 */
export function binRange(lower: number | null, upper: number | null, t: ReportText = EN): string {
  const n = (v: number): string => t.fmt.decimal(v, Number.isInteger(v) ? 0 : 2);
  if (lower === null && upper === null) return t.m.rules.allValues;
  if (lower === null) return `≤ ${n(upper!)}`;
  if (upper === null) return `> ${n(lower)}`;
  // tied values at an edge leave this score empty
  if (lower === upper) return t.m.rules.tie(n(lower));
  return `${n(lower)} < x ≤ ${n(upper)}`;
}

const METRICS: readonly BinRow['metric'][] = ['recency_days', 'frequency', 'monetary'];
const metricOrder = (m: BinRow['metric']): number => METRICS.indexOf(m);
