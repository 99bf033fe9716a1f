import { productMixChart } from '../charts/productMix.js';
import { productPairsChart, productWeeklyChart } from '../charts/productPairs.js';
import { EN, type ReportText } from '../i18n/index.js';
import { segmentName } from '../i18n/names.js';
import type { MixCell, PairRule, ProductsReport } from '../products/types.js';
import { chartDiv, type ChartSlot } from './chartSlot.js';
import { collapsed, noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/**
 * Item names, codes and descriptions are data, shown as typed in every language: marked data-raw
 * (the zh-CN report's language check skips them), and so are the charts, whose labels are mostly
 * item names.
 */
const raw = (text: string): SafeHtml => html`<span data-raw>${text}</span>`;
const rawChart = (id: string, label: string, t: ReportText): SafeHtml => html`<div data-raw>${chartDiv(id, label, t)}</div>`;

/** A message with one data value in it: the message is rendered around the value marked raw. */
function withRaw(message: (value: string) => string, value: string): SafeHtml {
  const [before, after] = message('\u0000').split('\u0000');
  return html`${before}${raw(value)}${after}`;
}

const IDS = { mix: 'chart-product-mix', pairs: 'chart-product-pairs', weekly: 'chart-product-weekly' };
/** Items in the heatmap and the group tables: the most bought, so a long category list stays readable. */
const ITEMS_SHOWN = 12;
/** A segment's lift is quoted in the headline only when this many of its customers bought the item. */
const HEADLINE_MIN_BUYERS = 5;

/** The items of the mix, most bought across the base first. */
const topItems = (p: ProductsReport): string[] =>
  p.mix.filter((c) => c.groupKind === 'all').sort((a, b) => b.customerShare - a.customerShare || a.name.localeCompare(b.name)).slice(0, ITEMS_SHOWN).map((c) => c.name);

/** Value tiers from the top down; other groups largest first. */
const TIER_ORDER = ['top', 'mid', 'low'];

/** Groups of a kind, in reading order. */
function groupsOf(p: ProductsReport, kind: MixCell['groupKind']): string[] {
  const size = new Map(p.mix.filter((c) => c.groupKind === kind).map((c) => [c.group, c.groupCustomers]));
  const rank = (g: string): number => (kind === 'value_tier' && TIER_ORDER.includes(g) ? TIER_ORDER.indexOf(g) : TIER_ORDER.length);
  return [...size].sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0])).map(([g]) => g);
}

/** "Champions buy Kitchen 3.1× as often …": the largest segment lift with enough buyers to mean something. */
function headline(p: ProductsReport, t: ReportText): SafeHtml | null {
  const base = new Map(p.mix.filter((c) => c.groupKind === 'all').map((c) => [c.item, c.customerShare]));
  const best = p.mix.filter((c) => c.groupKind === 'segment' && c.customers >= HEADLINE_MIN_BUYERS && (c.customerLift ?? 0) > 1)
    .sort((a, b) => b.customerLift! - a.customerLift! || a.group.localeCompare(b.group) || a.name.localeCompare(b.name))[0];
  if (best === undefined) return null;
  const sentence = (item: string): string => t.m.products.lift(segmentName(best.group, t), item, t.fmt.decimal(best.customerLift!, 1), t.fmt.pct(best.customerShare), t.fmt.pct(base.get(best.item) ?? 0));
  return html`<p class="lead">${withRaw(sentence, best.name)}</p>`;
}

/** Groups × items as a table: each cell the share buying and the lift, as the heatmap shows. */
function groupTable(p: ProductsReport, kind: MixCell['groupKind'], caption: string, name: (g: string) => string, t: ReportText): SafeHtml {
  const items = topItems(p);
  const groups = kind === 'all' ? ['all'] : groupsOf(p, kind);
  if (groups.length === 0) return noData(t.m.common.noData);
  const at = new Map(p.mix.filter((c) => c.groupKind === kind).map((c) => [`${c.group}\u0000${c.name}`, c]));
  const base = new Map(p.mix.filter((c) => c.groupKind === 'all').map((c) => [c.name, c]));
  const cell = (c: MixCell | undefined): string => (c === undefined ? '0%' : c.customerLift === null || kind === 'all' ? t.fmt.pct(c.customerShare) : `${t.fmt.pct(c.customerShare)} (${t.fmt.decimal(c.customerLift, 1)}×)`);
  const rows = groups.map((g) => html`<tr><th scope="row">${name(g)}</th><td class="num">${t.fmt.int(at.get(`${g}\u0000${items[0]}`)?.groupCustomers ?? p.mix.find((c) => c.groupKind === kind && c.group === g)?.groupCustomers ?? 0)}</td>${items.map((i) => html`<td class="num">${cell(at.get(`${g}\u0000${i}`))}</td>`)}</tr>\n`);
  const baseRow = html`<tr><th scope="row">${t.m.products.allCustomers}</th><td class="num">${t.fmt.int(base.get(items[0]!)?.groupCustomers ?? 0)}</td>${items.map((i) => html`<td class="num">${t.fmt.pct(base.get(i)?.customerShare ?? 0)}</td>`)}</tr>\n`;
  return html`<div class="table-wrap"><table class="compact">
<caption>${caption}</caption>
<thead><tr><th scope="col">${t.m.products.group}</th><th scope="col" class="num">${t.m.common.customers}</th>${items.map((i) => html`<th scope="col" class="num">${raw(i)}</th>`)}</tr></thead>
<tbody>${rows}</tbody><tfoot>${baseRow}</tfoot></table></div>`;
}

function pairColumns(t: ReportText): Column<PairRule>[] {
  const m = t.m.products;
  return [
    { header: m.bought, cell: (r) => raw(r.antecedent) },
    { header: m.alsoBought, cell: (r) => raw(r.consequent) },
    { header: m.both, cell: (r) => t.fmt.int(r.both), numeric: true },
    { header: m.support, cell: (r) => t.fmt.pct(r.support), numeric: true },
    { header: m.confidence, cell: (r) => t.fmt.pct(r.confidence), numeric: true },
    { header: m.liftCol, cell: (r) => `${t.fmt.decimal(r.lift, 2)}×`, numeric: true },
  ];
}

function pairs(p: ProductsReport, t: ReportText): SafeHtml {
  const m = t.m.products;
  const customer = p.pairs.filter((r) => r.scope === 'customer');
  const order = p.pairs.filter((r) => r.scope === 'order');
  const min = (rs: PairRule[]): string => (rs[0] === undefined ? '–' : t.fmt.int(rs[0].minCount));
  const body = customer.length === 0 && order.length === 0
    ? noData(m.noPairs)
    : [
        customer.length === 0 ? null : rawChart(IDS.pairs, m.pairsAria, t),
        renderTable(m.pairsCustomer, pairColumns(t), customer, { t }),
        renderTable(m.pairsOrder, pairColumns(t), order, { t }),
      ];
  return html`<h3>${m.pairsTitle}</h3><p>${m.pairsIntro(min(customer), min(order))}</p>${body}`;
}

function offers(p: ProductsReport, t: ReportText): SafeHtml | null {
  const m = t.m.products;
  if (p.offers.length === 0) return null;
  const total = p.offers.reduce((s, o) => s + o.customers, 0);
  return html`<h3>${m.offersTitle}</h3><p>${m.offersIntro(t.fmt.int(total))}</p>
<p class="note">${m.offersWhere} <code>next_best_offer</code>, <code>offer_reason</code>: <code>worth-saving.csv</code>, <code>win-back.csv</code>; <code>crm query next-best-offer</code></p>
${renderTable(m.offersCaption, [
    { header: m.item[p.itemKind]!, cell: (o: ProductsReport['offers'][number]) => raw(o.name) },
    { header: m.basis, cell: (o) => m.basisNames[o.basis] ?? o.basis, prose: true },
    { header: t.m.common.customers, cell: (o) => t.fmt.int(o.customers), numeric: true },
  ], p.offers, { compact: true, t })}`;
}

function trends(p: ProductsReport, t: ReportText, previousAsOf: string | null): SafeHtml {
  const m = t.m.products;
  // the sign of the rounded change: a move below 0.05 pp reads 0.0 pp, never −0.0
  const pp = (x: number): string => {
    const r = Math.round(x * 1000) / 10;
    return `${r > 0 ? '+' : r < 0 ? '−' : ''}${t.m.common.pp(t.fmt.decimal(Math.abs(r), 1))}`;
  };
  const changes = previousAsOf === null || p.changes.length === 0 ? null : renderTable(m.changesCaption(previousAsOf), [
    { header: m.item[p.itemKind]!, cell: (c: ProductsReport['changes'][number]) => raw(c.name) },
    { header: m.now, cell: (c) => t.fmt.pct(c.share), numeric: true },
    { header: m.previous, cell: (c) => t.fmt.pct(c.previous), numeric: true },
    { header: m.change, cell: (c) => pp(c.share - c.previous), numeric: true },
  ], p.changes, { compact: true, t });
  const weeks = [...new Set(p.weekly.map((w) => w.weekStart))];
  const names = [...new Set(p.weekly.map((w) => w.name))].sort();
  const at = new Map(p.weekly.map((w) => [`${w.weekStart}\u0000${w.name}`, w.revenue]));
  const table = weeks.length === 0 ? null : collapsed(html`<div class="table-wrap"><table class="compact"><caption>${m.weeklyCaption}</caption>
<thead><tr><th scope="col">${m.week}</th>${names.map((n) => html`<th scope="col" class="num">${raw(n)}</th>`)}</tr></thead>
<tbody>${weeks.map((w) => html`<tr><th scope="row">${w}</th>${names.map((n) => html`<td class="num">${t.fmt.money(at.get(`${w}\u0000${n}`) ?? 0)}</td>`)}</tr>\n`)}</tbody></table></div>`, t.m.layout.showTable(m.weeklyCaption, t.fmt.int(weeks.length)));
  return html`${weeks.length === 0 ? null : rawChart(IDS.weekly, m.weeklyAria, t)}${table}${changes}`;
}

function excluded(p: ProductsReport, t: ReportText): SafeHtml {
  const m = t.m.products;
  const table = p.excluded.length === 0 ? null : renderTable(m.excludedCaption, [
    { header: m.code, cell: (e: ProductsReport['excluded'][number]) => raw(e.code) },
    { header: m.description, cell: (e) => raw(e.name ?? '') },
    { header: m.lines, cell: (e) => t.fmt.int(e.lines), numeric: true },
  ], p.excluded, { compact: true, collapse: true, t });
  const loader = p.loaderExcluded.length === 0 ? null
    : html`<p class="note">${m.loaderExcluded} <code>exclude.product_ids</code>: ${raw(p.loaderExcluded.map((e) => `${e.code} (${t.fmt.int(e.lines)})`).join(', '))}</p>`;
  return html`${table}${loader}<p class="note">${m.revenueRule}</p>`;
}

/**
 * The products section (README "Products and categories") and its charts: category (or top
 * product) share and lift by segment as a heatmap with its table, value tiers and clusters as
 * tables, the strongest cross-sell rules, the next-best offers, weekly revenue by item, share moves
 * since the previous run and the codes left out as no product. Nothing for a run without products.
 *
 * @example const { body, charts } = productsSection(data.products, t, data.previousRun?.asOf ?? null);
 */
export function productsSection(p: ProductsReport | null, t: ReportText = EN, previousAsOf: string | null = null): { body: SafeHtml; charts: ChartSlot[] } {
  const m = t.m.products;
  const head = html`<h2 id="products-h">${m.title}</h2>`;
  // no section for runs made before it or logs with neither products nor categories (the run's notes say so)
  if (p === null) return { body: html``, charts: [] };
  if (p.mix.length === 0) return { body: html`<section id="products" aria-labelledby="products-h">${head}${noData(t.m.common.noData)}</section>`, charts: [] };
  const seg = (s: string): string => segmentName(s, t);
  const tier = (s: string): string => t.m.clv.tierNames[s] ?? s;
  const items = topItems(p);
  const segments = groupsOf(p, 'segment');
  const itemLabel = m.item[p.itemKind]!;
  const charts: ChartSlot[] = [{ id: IDS.mix, spec: productMixChart(p.mix.filter((c) => c.groupKind === 'segment'), segments, items, seg, t, itemLabel) }];
  const customerRules = p.pairs.filter((r) => r.scope === 'customer');
  if (customerRules.length) charts.push({ id: IDS.pairs, spec: productPairsChart(customerRules, t) });
  if (p.weekly.length) charts.push({ id: IDS.weekly, spec: productWeeklyChart(p.weekly, t) });
  const body = html`<section id="products" aria-labelledby="products-h">${head}
<p>${p.itemKind === 'category' ? m.introCategory : m.introProduct(t.fmt.int(p.topProducts))}</p>
${headline(p, t)}
${rawChart(IDS.mix, m.heatmapAria, t)}
${collapsed(groupTable(p, 'segment', m.bySegment, seg, t), t.m.layout.showTable(m.bySegment, t.fmt.int(segments.length)))}
${groupTable(p, 'value_tier', m.byTier, tier, t)}
${groupsOf(p, 'cluster').length === 0 ? null : collapsed(groupTable(p, 'cluster', m.byCluster, (c) => c, t), t.m.layout.showTable(m.byCluster, t.fmt.int(groupsOf(p, 'cluster').length)))}
${pairs(p, t)}
${offers(p, t)}
${trends(p, t, previousAsOf)}
${excluded(p, t)}
</section>`;
  return { body, charts };
}
