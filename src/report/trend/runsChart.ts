import { html, type SafeHtml } from '../html/tag.js';

const W = 560;
const H = 140;
const PAD = { left: 8, right: 8, top: 22, bottom: 34 };

/** A point of a runs chart: its x label (the as-of date), its value and how to print it. */
export interface RunsChartPoint {
  label: string;
  value: number | null;
  text: string;
}

/**
 * A small line chart as inline SVG (no JavaScript, so reports/index.html needs no chart library):
 * one polyline through the runs, a dot per run, the first and last as-of dates under the line and
 * the highest and lowest values printed; the aria-label lists every value.
 *
 * @example runsChart('Net revenue', points, 'Net revenue for 3 runs …') // <figure class="runs-chart"><svg …>
 */
export function runsChart(title: string, points: readonly RunsChartPoint[], ariaLabel: string): SafeHtml {
  const known = points.flatMap((p, i) => (p.value === null || !Number.isFinite(p.value) ? [] : [{ ...p, i, v: p.value }]));
  if (known.length === 0) return html``;
  const lo = Math.min(...known.map((p) => p.v));
  const hi = Math.max(...known.map((p) => p.v));
  const x = (i: number): number => (points.length <= 1 ? W / 2 : PAD.left + (i / (points.length - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number): number => (hi === lo ? (H - PAD.bottom + PAD.top) / 2 : H - PAD.bottom - ((v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom));
  const max = known.find((p) => p.v === hi)!;
  const min = known.find((p) => p.v === lo)!;
  const r = (n: number): string => (Math.round(n * 10) / 10).toString();
  // a value printed at either end is anchored inwards, so it is not cut off by the edge
  const anchor = (i: number): string => (points.length <= 1 ? 'middle' : i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle');
  return html`<figure class="runs-chart"><figcaption>${title}</figcaption><svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${ariaLabel}" style="max-width:${W}px;height:auto">
<polyline points="${known.map((p) => `${r(x(p.i))},${r(y(p.v))}`).join(' ')}" fill="none" stroke="#2563eb" stroke-width="2"/>
${known.map((p) => html`<circle cx="${r(x(p.i))}" cy="${r(y(p.v))}" r="3" fill="#2563eb"><title>${p.label}: ${p.text}</title></circle>`)}
<text x="${r(x(max.i))}" y="${r(y(max.v) - 7)}" text-anchor="${anchor(max.i)}" font-size="11" fill="#374151">${max.text}</text>
${min === max ? null : html`<text x="${r(x(min.i))}" y="${r(y(min.v) + 15)}" text-anchor="${anchor(min.i)}" font-size="11" fill="#374151">${min.text}</text>`}
<text x="${PAD.left}" y="${H - 4}" font-size="11" fill="#6b7280">${points[0]!.label}</text>
${points.length > 1 ? html`<text x="${W - PAD.right}" y="${H - 4}" font-size="11" fill="#6b7280" text-anchor="end">${points.at(-1)!.label}</text>` : null}
</svg></figure>`;
}
