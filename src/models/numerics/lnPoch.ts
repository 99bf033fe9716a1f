import { lgamma } from './lgamma.js';

// Stirling corrections B₂ₖ/(2k(2k−1)·y^(2k−1)), k = 1..7: below 1e-19 for y ≥ 20.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];

function stirlingCorrection(y: number): number {
  const f = 1 / (y * y);
  let s = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) s = s * f + STIRLING[k]!;
  return s / y;
}

/**
 * ln of the Pochhammer symbol (y)ₓ = lnΓ(y + x) − lnΓ(y) for y > 0, x ≥ 0, without forming the
 * two large lnΓ values: with y ~ 1e13 (the BG/NBD's b running off to infinity) their difference
 * would be pure rounding error, and an optimiser happily climbs such noise. Exact products for
 * small integer x, a Stirling difference for large y, plain lnΓ otherwise.
 *
 * @example lnPoch(1e13, 2) // ln(1e13·(1e13 + 1)) = 59.867212...
 */
export function lnPoch(y: number, x: number): number {
  if (x === 0) return 0;
  if (y >= 20) {
    // (y+x−½)ln(y+x) − (y−½)ln y − x, rearranged so that no large terms cancel.
    return (y - 0.5) * Math.log1p(x / y) + x * Math.log(y + x) - x + stirlingCorrection(y + x) - stirlingCorrection(y);
  }
  if (Number.isInteger(x) && x <= 16) {
    let p = 1;
    for (let k = 0; k < x; k++) p *= y + k;
    return Math.log(p);
  }
  return lgamma(y + x) - lgamma(y);
}
