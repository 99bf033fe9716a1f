/** How strongly repeat buyers' purchase frequency and mean spend move together. */
export interface SpendCorrelation {
  /** Pearson correlation of x and m̄ over repeat buyers with m̄ > 0; NaN with fewer than 3 or no spread. */
  pearson: number;
  /** Repeat buyers it was measured on. */
  customers: number;
  /** |pearson| ≥ MATERIAL_CORRELATION: the Gamma-Gamma's independence assumption does not hold. */
  material: boolean;
}

/**
 * The correlation above which the Gamma-Gamma's assumption (spend per order independent of how
 * often a customer buys) is treated as broken. Fader & Hardie's CDNOW check finds 0.11 and calls
 * it negligible; 0.3 is the usual line between a weak and a moderate correlation.
 */
export const MATERIAL_CORRELATION = 0.3;

/**
 * The Gamma-Gamma's assumption check: Pearson(x, m̄) over the repeat buyers the spend model is
 * fitted on (x > 0, m̄ > 0).
 *
 * @example spendCorrelation(Float64Array.of(1, 2, 3, 0), Float64Array.of(10, 20, 30, 0)).pearson // 1
 */
export function spendCorrelation(x: Float64Array, mbar: Float64Array): SpendCorrelation {
  let n = 0, sx = 0, sm = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i]! > 0 && mbar[i]! > 0)) continue;
    n++;
    sx += x[i]!;
    sm += mbar[i]!;
  }
  const mx = sx / n, mm = sm / n;
  let cxm = 0, cxx = 0, cmm = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i]! > 0 && mbar[i]! > 0)) continue;
    const dx = x[i]! - mx, dm = mbar[i]! - mm;
    cxm += dx * dm;
    cxx += dx * dx;
    cmm += dm * dm;
  }
  const pearson = n >= 3 && cxx > 0 && cmm > 0 ? cxm / Math.sqrt(cxx * cmm) : Number.NaN;
  return { pearson, customers: n, material: Math.abs(pearson) >= MATERIAL_CORRELATION };
}

/**
 * The run note when the correlation is material, and the documented remedy (README "Model
 * selection and evidence"): the Gamma-Gamma, which assumes no such correlation, is fitted again
 * within frequency bands (fitSpendBands) and those fits value spend per order; when the bands
 * cannot be fitted, the note says which way the single fit's CLV is biased.
 *
 * @example spendCorrelationNote({ pearson: 0.42, customers: 900, material: true }, true)
 */
export function spendCorrelationNote(c: SpendCorrelation, banded: boolean): string {
  const dir = c.pearson > 0 ? 'frequent buyers spend more per order' : 'frequent buyers spend less per order';
  const head = `churn/CLV: purchase frequency and spend per order are correlated (Pearson ${c.pearson.toFixed(2)} over ${c.customers} repeat buyers: ${dir}), which the Gamma-Gamma spend model assumes they are not`;
  if (banded) return `${head}; spend per order is therefore modelled within frequency bands (1, 2–3, 4–7, 8+ repeat purchases), see model_fits`;
  return `${head}, and the bands are too thin to fit separately: CLV ${c.pearson > 0 ? 'understates frequent and overstates occasional' : 'overstates frequent and understates occasional'} buyers — compare CLV within similar purchase frequencies, not across them`;
}
