import { compressColumns } from './compress.js';
import { digammaDiff } from './numerics/digamma.js';
import { hyp2f1Unit } from './numerics/hyp2f1Unit.js';
import { lnPoch } from './numerics/lnPoch.js';
import { prepareSummary, type PreparedSummary } from './prepare.js';
import type { ParetoParams, SummaryRows } from './types.js';

/** ln A(t) of the Pareto/NBD likelihood and its derivatives in (r, α, s, β). */
interface LogA {
  v: number;
  dr: number;
  dAlpha: number;
  ds: number;
  dBeta: number;
}

/**
 * ln A(t), where the likelihood's bracket is 1/((α+T)^(r+x)(β+T)^s) + s/(r+s+x)·(A(t_x) − A(T)) and
 * A(t) = 2F1(r+s+x, b; r+s+x+1; z)/(max(α,β)+t)^(r+s+x) (Fader, Hardie & Lee 2005; b = s+1 and
 * z = (α−β)/(α+t) when α ≥ β, b = r+x and z = (β−α)/(β+t) otherwise, so 0 ≤ z < 1). Euler's
 * transformation turns both 2F1 into 2F1(1, b'; c; z) with c > b', a series whose terms only fall
 * (hyp2f1Unit), so heavy buyers (large x) neither overflow nor lose the series to cancellation:
 *   α ≥ β: A = G(r+x, r+s+x+1; z) / ((α+t)^(r+x) (β+t)^s)
 *   α < β: A = G(s+1, r+s+x+1; z) · (α+t)^(1−r−x) / (β+t)^(s+1)
 */
function logA(p: ParetoParams, x: number, t: number, derivatives: boolean): LogA {
  const { r, alpha, s, beta } = p;
  const rx = r + x, c = r + s + x + 1;
  const at = alpha + t, bt = beta + t;
  const D = Math.log(at), E = Math.log(bt);
  if (alpha >= beta) {
    const g = hyp2f1Unit(rx, c, (alpha - beta) / at, derivatives);
    return {
      v: Math.log(g.value) - rx * D - s * E,
      dr: g.dB + g.dC - D,
      ds: g.dC - E,
      dAlpha: (g.dZ * bt) / (at * at) - rx / at,
      dBeta: -g.dZ / at - s / bt,
    };
  }
  const g = hyp2f1Unit(s + 1, c, (beta - alpha) / bt, derivatives);
  return {
    v: Math.log(g.value) + (1 - rx) * D - (s + 1) * E,
    dr: g.dC - D,
    ds: g.dB + g.dC - E,
    dAlpha: -g.dZ / bt + (1 - rx) / at,
    dBeta: (g.dZ * at) / (bt * bt) - (s + 1) / bt,
  };
}

/** The log of the likelihood's bracket and P(alive), which is its first term's share. */
interface Bracket {
  ln: number;
  pAlive: number;
  /** ∂ ln bracket / ∂(r, α, s, β), when asked for. */
  d?: [number, number, number, number];
}

/**
 * ln[1/((α+T)^(r+x)(β+T)^s) + s/(r+s+x)·(A(t_x) − A(T))], summed relative to the largest term so
 * nothing under- or overflows. A(t_x) ≥ A(T) (A falls in t), so the bracket is a sum of
 * non-negative parts and its log is always defined.
 */
function bracket(p: ParetoParams, x: number, tx: number, T: number, derivatives: boolean, atTx?: LogA): Bracket {
  const { r, alpha, s, beta } = p;
  const rx = r + x, rho = r + s + x, k = s / rho;
  const aT = alpha + T, bT = beta + T;
  const logP = -rx * Math.log(aT) - s * Math.log(bT);
  const a1 = atTx ?? logA(p, x, tx, derivatives);
  const a2 = tx === T ? a1 : logA(p, x, T, derivatives);
  const m = Math.max(logP, a1.v);
  const u = Math.exp(logP - m), v1 = Math.exp(a1.v - m), v2 = tx === T ? v1 : Math.exp(a2.v - m);
  const diff = Math.max(0, v1 - v2);
  const inner = u + k * diff;
  const out: Bracket = { ln: m + Math.log(inner), pAlive: u / inner };
  if (!derivatives) return out;
  const dk = [-s / (rho * rho), 0, rx / (rho * rho), 0];
  const dP = [-Math.log(aT), -rx / aT, -Math.log(bT), -s / bT];
  const d1 = [a1.dr, a1.dAlpha, a1.ds, a1.dBeta];
  const d2 = [a2.dr, a2.dAlpha, a2.ds, a2.dBeta];
  out.d = [0, 1, 2, 3].map((j) => (u * dP[j]! + dk[j]! * diff + k * (v1 * d1[j]! - v2 * d2[j]!)) / inner) as Bracket['d'];
  return out;
}

/** Distinct (x, t) pairs of a prepared table's t_x and T columns, so A(t) runs once per pair. */
interface Pairs {
  x: Float64Array;
  t: Float64Array;
  txPair: Int32Array;
  TPair: Int32Array;
}

const PAIRS = new WeakMap<PreparedSummary, Pairs>();

function pairsOf(rows: PreparedSummary): Pairs {
  const cached = PAIRS.get(rows);
  if (cached) return cached;
  // (x, t_x) pairs then (x, T) pairs in one typed-array compression (no string or Map keys)
  const n = rows.x.length;
  const xs = new Float64Array(2 * n), ts = new Float64Array(2 * n);
  xs.set(rows.x);
  xs.set(rows.x, n);
  ts.set(rows.tx);
  ts.set(rows.T, n);
  const c = compressColumns([xs, ts]);
  const out = { x: c.columns[0]!, t: c.columns[1]!, txPair: c.rowOf.subarray(0, n), TPair: c.rowOf.subarray(n) };
  PAIRS.set(rows, out);
  return out;
}

/**
 * Weighted Pareto/NBD log-likelihood (Schmittlein, Morrison & Colombo 1987, in the 2F1 form of
 * Fader, Hardie & Lee 2005) and, when `grad` is given, its analytic gradient w.r.t.
 * (ln r, ln α, ln s, ln β), the space the optimiser works in:
 *   ℓ = lnΓ(r+x) − lnΓ(r) + r ln α + s ln β + ln[1/((α+T)^(r+x)(β+T)^s) + s/(r+s+x)·(A(t_x) − A(T))]
 * Same time-unit convention as the BG/NBD's, so the values compare (MODELS.md: −9594.97 on CDNOW).
 * A(t) and its 2F1 series run once per distinct (x, t) pair of the table, not per row.
 *
 * @example pnbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, summaryRow(2, 30.43, 38.86))
 */
export function pnbdLogLikelihood(p: ParetoParams, summary: SummaryRows | PreparedSummary, grad?: Float64Array): number {
  const rows = prepareSummary(summary);
  const pairs = pairsOf(rows);
  const { r, alpha, s, beta } = p;
  const d = grad !== undefined;
  const lnAlpha = Math.log(alpha), lnBeta = Math.log(beta);
  const perX = rows.xs.map((x) => lnPoch(r, x) + r * lnAlpha + s * lnBeta);
  const dR = d ? rows.xs.map((x) => digammaDiff(r, x)) : rows.xs;
  // ln A and its derivatives per distinct (x, t)
  const m = pairs.x.length;
  const Av = new Float64Array(m), Ar = new Float64Array(m), Aa = new Float64Array(m), As = new Float64Array(m), Ab = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const a = logA(p, pairs.x[k]!, pairs.t[k]!, d);
    Av[k] = a.v;
    Ar[k] = a.dr;
    Aa[k] = a.dAlpha;
    As[k] = a.ds;
    Ab[k] = a.dBeta;
  }
  const lnAt = rows.times.map((t) => Math.log(alpha + t));
  const lnBt = rows.times.map((t) => Math.log(beta + t));
  let ll = 0, gr = 0, gAlpha = 0, gs = 0, gBeta = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const w = rows.weight[i]!, j = rows.xAt[i]!, x = rows.xs[j]!, Ti = rows.TAt[i]!;
    const rx = r + x, rho = rx + s, k = s / rho;
    const DT = lnAt[Ti]!, ET = lnBt[Ti]!;
    const logP = -rx * DT - s * ET;
    const q1 = pairs.txPair[i]!, q2 = pairs.TPair[i]!;
    const l1 = Av[q1]!, l2 = Av[q2]!;
    const top = Math.max(logP, l1);
    const u = Math.exp(logP - top), v1 = Math.exp(l1 - top), v2 = q1 === q2 ? v1 : Math.exp(l2 - top);
    const diff = Math.max(0, v1 - v2); // A(t_x) ≥ A(T): only rounding can make it negative
    const inner = u + k * diff;
    ll += w * (perX[j]! + top + Math.log(inner));
    if (!d) continue;
    const T = rows.times[Ti]!;
    const c = w / inner, rho2 = rho * rho;
    gr += w * (dR[j]! + lnAlpha) + c * (-u * DT - (s / rho2) * diff + k * (v1 * Ar[q1]! - v2 * Ar[q2]!));
    gAlpha += (w * r) / alpha + c * ((-u * rx) / (alpha + T) + k * (v1 * Aa[q1]! - v2 * Aa[q2]!));
    gs += w * lnBeta + c * (-u * ET + (rx / rho2) * diff + k * (v1 * As[q1]! - v2 * As[q2]!));
    gBeta += (w * s) / beta + c * ((-u * s) / (beta + T) + k * (v1 * Ab[q1]! - v2 * Ab[q2]!));
  }
  if (grad) {
    grad[0] = r * gr;
    grad[1] = alpha * gAlpha;
    grad[2] = s * gs;
    grad[3] = beta * gBeta;
  }
  return ll;
}

/**
 * P(alive at T | x, t_x, T) = 1/(1 + s/(r+s+x)·(α+T)^(r+x)(β+T)^s·(A(t_x) − A(T))): below 1 for
 * one-time buyers too, falling the longer they have been silent.
 *
 * @example pnbdPAlive({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0, 0, 38.86) // a one-time buyer silent for 39 weeks
 */
export const pnbdPAlive = (p: ParetoParams, x: number, tx: number, T: number): number =>
  bracket(p, x, tx, T, false).pAlive;

/**
 * Expected purchases in (T, T + t] of a customer known to be alive at T: the posterior mean
 * purchase rate (r+x)/(α+T) times the expected time alive within t, (β+T)/(s−1)·[1 − ((β+T)/(β+T+t))^(s−1)],
 * the latter as an expm1 so s = 1 (its limit (β+T)·ln(1 + t/(β+T))) and s near 1 stay exact.
 *
 * @example pnbdPurchaseFactor({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 2, 38.86, 39)
 */
export function pnbdPurchaseFactor(p: ParetoParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const bT = p.beta + T;
  const L = -Math.log1p(t / bT);
  const e = p.s - 1;
  const alive = e === 0 ? -L : -Math.expm1(e * L) / e;
  return ((p.r + x) / (p.alpha + T)) * bT * alive;
}

/**
 * Conditional expected purchases in (T, T + t]: P(alive) × pnbdPurchaseFactor.
 *
 * @example pnbdCet({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 2, 30.43, 38.86, 39)
 */
export const pnbdCet = (p: ParetoParams, x: number, tx: number, T: number, t: number): number =>
  t > 0 ? pnbdPAlive(p, x, tx, T) * pnbdPurchaseFactor(p, x, T, t) : 0;

/**
 * Expected purchases in (0, t] of a new customer: rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)].
 *
 * @example pnbdExpected({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 52)
 */
export const pnbdExpected = (p: ParetoParams, t: number): number => pnbdPurchaseFactor(p, 0, 0, t);

/**
 * P(no purchase in (T, T + h]) as a ratio of likelihoods: the history (x, t_x, T + h) is the same
 * purchases with the silence extended by h, so L(x, t_x, T + h)/L(x, t_x, T) is exactly the
 * probability of that silence given the history (dead, or alive and not buying). Only the
 * bracket differs between the two, and the ratio is clamped into [0, 1] against rounding.
 *
 * @example pnbdNoPurchase({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0, 0, 38.86, 13)
 */
export function pnbdNoPurchase(p: ParetoParams, x: number, tx: number, T: number, h: number): number {
  return h > 0 ? pnbdSilence(p, x, tx, T)(h) : 1;
}

/**
 * h ↦ P(no purchase in (T, T + h]) for one history, with what does not depend on h (the bracket
 * at T and A(t_x)) computed once: the median wait evaluates it a dozen times per history.
 *
 * @example pnbdSilence({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 2, 30.43, 38.86)(13)
 */
export function pnbdSilence(p: ParetoParams, x: number, tx: number, T: number): (h: number) => number {
  const atTx = logA(p, x, tx, false);
  const base = bracket(p, x, tx, T, false, atTx).ln;
  return (h) => (h > 0 ? Math.min(1, Math.max(0, Math.exp(bracket(p, x, tx, T + h, false, atTx).ln - base))) : 1);
}
