import { inputError } from '../util/error.js';
import type { ChurnModel, GammaGammaParams } from './types.js';

/**
 * Check per-customer (x, t_x, T) before modelling: equal lengths, finite, x ≥ 0, 0 ≤ t_x ≤ T, and
 * t_x = 0 when x = 0. The first bad customer is named by index, so the summary query can be fixed;
 * the formulas downstream then never see input that would make them NaN.
 *
 * @example validateSummary(Float64Array.of(1), Float64Array.of(3), Float64Array.of(10))
 */
export function validateSummary(x: Float64Array, tx: Float64Array, T: Float64Array): void {
  if (tx.length !== x.length || T.length !== x.length) {
    throw inputError(`customer summary columns differ in length (x ${x.length}, t_x ${tx.length}, T ${T.length})`);
  }
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!, ti = tx[i]!, Ti = T[i]!;
    const bad =
      !(Number.isFinite(xi) && xi >= 0) ? `x = ${xi} (repeat purchases must be a finite number ≥ 0)`
      : !(Number.isFinite(Ti) && Ti >= 0) ? `T = ${Ti} (age must be a finite number ≥ 0)`
      : !(ti >= 0 && ti <= Ti) ? `t_x = ${ti} (last purchase time must be between 0 and T = ${Ti})`
      : xi === 0 && ti !== 0 ? `t_x = ${ti} with x = 0 (a customer without repeat purchases has t_x = 0)`
      : undefined;
    if (bad) throw inputError(`customer #${i}: ${bad}; check the summary query`);
  }
}

/**
 * Check mean spend per repeat purchase: finite (it may be ≤ 0 after returns; models handle that).
 *
 * @example validateSpend(Float64Array.of(22.35), 1)
 */
export function validateSpend(mbar: Float64Array, n: number): void {
  if (mbar.length !== n) throw inputError(`mean spend column has ${mbar.length} values for ${n} customers`);
  const i = mbar.findIndex((m) => !Number.isFinite(m));
  if (i >= 0) throw inputError(`customer #${i}: mean spend m̄ = ${mbar[i]} is not a finite number; check the summary query`);
}

/**
 * Check fitted parameters before scoring: every churn parameter finite and > 0, and Gamma-Gamma
 * p, γ > 0 with q > 1 (q ≤ 1 makes the mean spend negative or infinite, lifetimes#370).
 *
 * @example validateParams({ kind: 'nbd', r: 0.5, alpha: 6 }, { p: 6.25, q: 3.74, gamma: 15.44 })
 */
export function validateParams(churn: ChurnModel, spend: GammaGammaParams): void {
  for (const [name, v] of Object.entries(churn)) {
    if (name !== 'kind' && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw inputError(`${churn.kind} parameter ${name} = ${String(v)} must be a finite number > 0`);
    }
  }
  const ok = spend.p > 0 && spend.gamma > 0 && spend.q > 1 && [spend.p, spend.q, spend.gamma].every(Number.isFinite);
  if (!ok) throw inputError(`Gamma-Gamma parameters need p > 0, q > 1 and γ > 0, got ${JSON.stringify(spend)}`);
}
