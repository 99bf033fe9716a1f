/** churn_band codes, in the order of CHURN_BANDS. */
export const CHURN_BANDS = ['low', 'medium', 'high'] as const;
export type ChurnBand = (typeof CHURN_BANDS)[number];

/** value_tier codes, in the order of VALUE_TIERS. */
export const VALUE_TIERS = ['top', 'mid', 'low'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/**
 * Band each churn risk: 2 ('high') when risk ≥ high, 1 ('medium') when risk ≥ medium, else 0
 * ('low'); indexes into CHURN_BANDS.
 *
 * @example churnBands(Float64Array.of(0.2, 0.5, 0.95), { medium: 0.5, high: 0.8 }) // Uint8Array [0, 1, 2]
 */
export function churnBands(risk: Float64Array, t: { medium: number; high: number }): Uint8Array {
  return Uint8Array.from(risk, (v) => (v >= t.high ? 2 : v >= t.medium ? 1 : 0));
}

/**
 * Tier customers by value: 0 ('top') for the highest `top` share, 1 ('mid') for the next `mid`
 * share, 2 ('low') for the rest; indexes into VALUE_TIERS. Cut-offs are the values at those ranks,
 * and customers tied with a cut-off share the higher tier, so equal values always get equal
 * tiers. A value of 0 (nothing expected) is never 'top' or 'mid'.
 *
 * @example valueTiers(Float64Array.of(50, 10, 0, 30, 20), { top: 0.2, mid: 0.3 }) // Uint8Array [0, 2, 2, 1, 1]
 */
export function valueTiers(value: Float64Array, shares: { top: number; mid: number }): Uint8Array {
  const n = value.length;
  const out = new Uint8Array(n).fill(2);
  if (n === 0) return out;
  const sorted = Float64Array.from(value).sort().reverse(); // descending
  const cut = (share: number): number => (share > 0 ? sorted[Math.min(n, Math.max(1, Math.round(share * n))) - 1]! : Number.POSITIVE_INFINITY);
  const topCut = cut(shares.top);
  const midCut = cut(shares.top + shares.mid);
  for (let i = 0; i < n; i++) {
    const v = value[i]!;
    if (!(v > 0)) continue;
    out[i] = v >= topCut ? 0 : v >= midCut ? 1 : 2;
  }
  return out;
}
