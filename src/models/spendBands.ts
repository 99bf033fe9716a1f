import { compressSpend } from './compress.js';
import { fitGammaGamma, type SpendFit } from './fitSpend.js';
import { conditionalExpectedSpend } from './gammagamma.js';
import type { GammaGammaParams } from './types.js';

/** The Gamma-Gamma fitted on the repeat buyers whose x lies in [minX, maxX]. */
export interface SpendBand {
  minX: number;
  maxX: number;
  params: GammaGammaParams;
  /** Repeat buyers with m̄ > 0 it was fitted on. */
  customers: number;
}

/** Frequency bands of the remedy, by repeat purchases: 1, 2–3, 4–7, 8 or more. */
export const FREQUENCY_BANDS: readonly [number, number][] = [[1, 1], [2, 3], [4, 7], [8, Number.POSITIVE_INFINITY]];
/** A band with fewer usable repeat buyers is merged into the band before it (or after, for the first). */
export const MIN_BAND_CUSTOMERS = 100;

const usable = (x: number, m: number): boolean => x > 0 && m > 0 && Number.isFinite(m);

/**
 * The remedy when purchase frequency and spend per order are correlated (spendCorrelation
 * material): the Gamma-Gamma fitted separately within frequency bands, so each band's spend is
 * shrunk towards its own mean rather than the population's, which the correlation makes wrong for
 * frequent and occasional buyers alike. Bands too thin to fit (MIN_BAND_CUSTOMERS) are merged
 * with a neighbour; one band left means the remedy cannot apply (returns null). A band's fit that
 * fails or gives q ≤ 1 also returns null: the caller keeps the single fit.
 *
 * @example fitSpendBands(x, mbar)?.map((b) => [b.minX, b.maxX]) // [[1, 1], [2, 3], [4, 7], [8, Infinity]]
 */
export function fitSpendBands(x: Float64Array, mbar: Float64Array): SpendBand[] | null {
  const count = (lo: number, hi: number): number => x.reduce((s, xi, i) => s + (xi >= lo && xi <= hi && usable(xi, mbar[i]!) ? 1 : 0), 0);
  const bands: [number, number][] = [];
  for (const [lo, hi] of FREQUENCY_BANDS) {
    const last = bands.at(-1);
    if (last && count(last[0], last[1]) < MIN_BAND_CUSTOMERS) last[1] = hi;
    else bands.push([lo, hi]);
  }
  const tail = bands.at(-1)!;
  if (bands.length > 1 && count(tail[0], tail[1]) < MIN_BAND_CUSTOMERS) bands.splice(-2, 2, [bands.at(-2)![0], tail[1]]);
  if (bands.length < 2) return null;
  const out: SpendBand[] = [];
  for (const [lo, hi] of bands) {
    const keep = (c: Float64Array): Float64Array => c.filter((_, i) => x[i]! >= lo && x[i]! <= hi);
    let fit: SpendFit;
    try {
      fit = fitGammaGamma(compressSpend(keep(x), keep(mbar)));
    } catch {
      return null;
    }
    if (![fit.params.p, fit.params.q, fit.params.gamma].every(Number.isFinite) || !(fit.params.q > 1)) return null;
    out.push({ minX: lo, maxX: hi, params: fit.params, customers: fit.used });
  }
  return out;
}

/**
 * E[spend per order] with the band's parameters for a repeat buyer, the overall fit's for a
 * one-time buyer (x = 0: no spend of their own to condition on, the population mean applies).
 *
 * @example bandedExpectedSpend(bands, overall, 2, 22.35)
 */
export function bandedExpectedSpend(bands: readonly SpendBand[], overall: GammaGammaParams, x: number, mbar: number): number {
  const band = x > 0 ? bands.find((b) => x >= b.minX && x <= b.maxX) : undefined;
  return conditionalExpectedSpend(band?.params ?? overall, x, mbar);
}
