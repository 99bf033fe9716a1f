import { html, type SafeHtml } from '../html/tag.js';

/** Size of a tile's sparkline in CSS pixels; the SVG scales to the tile's width. */
const W = 120;
const H = 28;
const PAD = 3;

/**
 * A sparkline as inline SVG: one polyline through the values (nulls skipped, their x kept), the
 * last point marked. Works without JavaScript and in print; the numbers are in the aria-label
 * (and a <title> for a tooltip), since a line alone cannot be read exactly.
 *
 * @example sparkline([3, 5, 4, 8], 'Orders per week: 3, 5, 4, 8') // <svg class="spark" role="img" …><polyline …/><circle …/></svg>
 */
export function sparkline(values: readonly (number | null)[], label: string): SafeHtml {
  const points = values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [{ i, v }]));
  if (points.length === 0) return html``;
  const lo = Math.min(...points.map((p) => p.v));
  const hi = Math.max(...points.map((p) => p.v));
  const x = (i: number): number => (values.length <= 1 ? W / 2 : PAD + (i / (values.length - 1)) * (W - 2 * PAD));
  // a flat series sits mid-height instead of dividing by zero
  const y = (v: number): number => (hi === lo ? H / 2 : H - PAD - ((v - lo) / (hi - lo)) * (H - 2 * PAD));
  const coords = points.map((p) => `${round(x(p.i))},${round(y(p.v))}`).join(' ');
  const last = points.at(-1)!;
  return html`<svg class="spark" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${label}" preserveAspectRatio="none"><title>${label}</title><polyline points="${coords}" fill="none" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke"/><circle cx="${round(x(last.i))}" cy="${round(y(last.v))}" r="2.5" fill="currentColor"/></svg>`;
}

const round = (n: number): string => (Math.round(n * 10) / 10).toString();
