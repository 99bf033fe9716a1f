import { describe, expect, it } from 'vitest';
import { clusterAction } from '../../src/cluster/action.js';
import { clusterCustomers } from '../../src/cluster/clusterCustomers.js';
import { featureLift } from '../../src/cluster/lift.js';
import { NAMING, nameFromTypical, namingThresholds, type NamingThresholds } from '../../src/cluster/nameRules.js';
import { englishClusterName, parseClusterName, uniqueNames } from '../../src/cluster/names.js';
import { customers, type Archetype } from './synthetic.js';

const TH: NamingThresholds = {
  cycleDays: 30,
  recentDays: 30,
  lapsedDays: 90,
  oneTimerOrders: 1.5,
  occasionalOrders: 2.5,
  frequentOrders: 5,
  spendLow: 40,
  spendHigh: 200,
};
const name = (t: Parameters<typeof nameFromTypical>[0], previous?: Parameters<typeof nameFromTypical>[2]) =>
  englishClusterName(nameFromTypical(t, TH, previous));

describe('absolute naming cut-offs', () => {
  it('reads recency against the purchase cycle and spend against the run’s quartiles', () => {
    expect(name({ recencyDays: 20, frequency: 8, monetary: 500 })).toBe('recent frequent high spenders');
    expect(name({ recencyDays: 352, frequency: 1, monetary: 30 })).toBe('lapsed low-spend one-timers');
    expect(name({ recencyDays: 60, frequency: 2, monetary: 100 })).toBe('occasional mid spenders');
    expect(name({ recencyDays: 60, frequency: 1, monetary: 100 })).toBe('one-timers');
  });

  it('takes the cycle from repeat customers’ gaps and the spend cuts from the base’s quartiles', () => {
    const gaps = Float64Array.of(Number.NaN, 10, 20, 30, Number.NaN);
    const th = namingThresholds(Float64Array.of(1, 2, 3, 4, 10), Float64Array.of(10, 20, 30, 40, 50), gaps);
    expect(th).toMatchObject({ cycleDays: 20, recentDays: 20, lapsedDays: 60, spendLow: 20, spendHigh: 40, frequentOrders: 4 });
    expect(namingThresholds(Float64Array.of(1), Float64Array.of(5), undefined).cycleDays).toBe(NAMING.defaultCycleDays);
  });

  it('keeps last run’s word when a cluster moves slightly across a cut, and changes it when it really moves', () => {
    const before = nameFromTypical({ recencyDays: 28, frequency: 1, monetary: 45 }, TH);
    expect(englishClusterName(before)).toBe('recent one-timers');
    // a little past the recency cut (30 days) and under a second order: same name
    expect(name({ recencyDays: 32, frequency: 1.6, monetary: 45 }, before)).toBe('recent one-timers');
    // without last run's name the same values read differently: the hysteresis is what held it
    expect(name({ recencyDays: 32, frequency: 1.6, monetary: 45 })).toBe('occasional mid spenders');
    // well past the cut (more than 15%): the name follows
    expect(name({ recencyDays: 36, frequency: 1, monetary: 45 }, before)).toBe('one-timers');
    // and back: from mid recency, "recent" needs to be under 30 / 1.15 days
    const mid = nameFromTypical({ recencyDays: 36, frequency: 1, monetary: 45 }, TH);
    expect(name({ recencyDays: 27, frequency: 1, monetary: 45 }, mid)).toBe('one-timers');
    expect(name({ recencyDays: 25, frequency: 1, monetary: 45 }, mid)).toBe('recent one-timers');
  });
});

describe('details of same-named clusters across runs', () => {
  const features = ['recency_days', 'tenure_days'];
  const standardized = Float64Array.of(0, -1, 0, 1);
  const previous = ['lapsed one-timers (~40 days a customer)', 'lapsed one-timers (~300 days a customer)'].map((n) => parseClusterName(n)!);

  it('keep last run’s text while the value drifts less than 15%', () => {
    const drifted = Float64Array.of(400, 43, 410, 290); // 40 → 43 would read "~43" afresh
    expect(uniqueNames(['lapsed one-timers', 'lapsed one-timers'], standardized, drifted, features)).toEqual([
      'lapsed one-timers (~43 days a customer)',
      'lapsed one-timers (~290 days a customer)',
    ]);
    expect(uniqueNames(['lapsed one-timers', 'lapsed one-timers'], standardized, drifted, features, previous)).toEqual([
      'lapsed one-timers (~40 days a customer)',
      'lapsed one-timers (~300 days a customer)',
    ]);
  });

  it('are written afresh once a value really moves', () => {
    const moved = Float64Array.of(400, 60, 410, 290);
    expect(uniqueNames(['lapsed one-timers', 'lapsed one-timers'], standardized, moved, features, previous)[0]).toBe('lapsed one-timers (~60 days a customer)');
  });
});

describe('suggested actions and lift', () => {
  it('follow the documented rules in order', () => {
    const parts = (p: Partial<Parameters<typeof clusterAction>[0]>) => ({ recency: null, frequency: null, spend: 'mid' as const, oneTimers: false, ...p });
    expect(clusterAction(parts({ recency: 'lapsed', spend: 'high' }))).toBe('win_back');
    expect(clusterAction(parts({ recency: 'lapsed', oneTimers: true }))).toBe('win_back');
    expect(clusterAction(parts({ recency: 'recent', oneTimers: true }))).toBe('second_order');
    expect(clusterAction(parts({ recency: 'recent', spend: 'high' }))).toBe('reward');
    expect(clusterAction(parts({ spend: 'low' }))).toBe('upsell');
  });

  it('compares each cluster’s mean with the whole base’s', () => {
    const l = featureLift({ x: Float64Array.of(1, 3, 10, 10), z: new Float64Array(4) }, Int32Array.of(0, 0, 1, 1), 2);
    expect(l.base['x']).toBe(6);
    expect(l.lift[0]!['x']).toBeCloseTo(2 / 6, 12);
    expect(l.lift[1]!['x']).toBeCloseTo(10 / 6, 12);
    expect(l.lift[0]!['z']).toBeNaN();
  });
});

describe('names across runs', () => {
  it('do not flip when a cluster’s median drifts just across a cut between runs', () => {
    const n = 4000;
    // the third archetype sits just under the recency cut of the default 90-day cycle (no gaps given)
    const week1: Archetype[] = [[5, 20, 5000], [400, 1, 30], [85, 4, 400], [200, 9, 1200]];
    const week2: Archetype[] = [[5, 20, 5000], [400, 1, 30], [95, 4, 400], [200, 9, 1200]];
    const run1 = clusterCustomers(customers(n, week1, 3, 0.05), { seed: 1 });
    const at85 = run1.profiles.find((p) => Math.abs(p.median.recencyDays - 85) < 5)!;
    expect(at85.parts.recency).toBe('recent');
    const data2 = customers(n, week2, 4, 0.05);
    const fresh = clusterCustomers(data2, { seed: 1 });
    const at95 = (r: typeof fresh) => r.profiles.find((p) => Math.abs(p.median.recencyDays - 95) < 5)!;
    expect(at95(fresh).parts.recency).toBe(null); // read afresh, 95 days is past the 90-day cut
    const next = clusterCustomers(data2, { seed: 1, previousCentres: run1.centres, previousNames: run1.profiles.map((p) => p.name) });
    expect(at95(next).id).toBe(at85.id);
    expect(at95(next).name).toBe(at85.name);
    expect(next.profiles.map((p) => p.name)).toEqual(run1.profiles.map((p) => p.name));
  });
});
