import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { churnBandsChart } from '../../src/report/charts/churnBands.js';
import { clvDistributionChart } from '../../src/report/charts/clvDistribution.js';
import { renderChurn } from '../../src/report/html/churn.js';
import { renderClv } from '../../src/report/html/clv.js';
import { renderModelQuality } from '../../src/report/html/modelQuality.js';
import { niceStep } from '../../src/report/models/readModels.js';
import { HOSTILE_SEGMENT } from './sampleData.js';
import { sampleModels } from './sampleModels.js';

const models = sampleModels();

/** Every `field` named anywhere in a spec. */
function fieldsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(fieldsOf);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'field' && typeof v === 'string' ? [v] : fieldsOf(v)));
}

const values = (spec: TopLevelSpec): Record<string, unknown>[] => (spec as { data: { values: Record<string, unknown>[] } }).data.values;

describe.each([
  ['churn bands', churnBandsChart(models.churn!.bands)],
  ['CLV distribution', clvDistributionChart(models.clv!.bins)],
  ['empty churn bands', churnBandsChart([])],
  ['empty CLV distribution', clvDistributionChart([])],
] as [string, TopLevelSpec][])('%s spec', (_name, spec) => {
  it('compiles with vega-lite', () => {
    expect(() => compile(spec)).not.toThrow();
  });

  it('has a title, an accessible description and a tooltip', () => {
    expect(spec.title).toBeTruthy();
    expect(spec.description!.length).toBeGreaterThan(20);
    expect(JSON.stringify(spec)).toContain('"tooltip"');
  });

  it('only encodes fields present in the data', () => {
    const keys = new Set(values(spec).flatMap((v) => Object.keys(v)));
    if (keys.size > 0) for (const f of fieldsOf(spec)) expect(keys, f).toContain(f);
  });
});

describe('clvDistributionChart', () => {
  it('labels the open-ended tail bin', () => {
    const labels = values(clvDistributionChart(models.clv!.bins)).map((v) => v['rangeLabel']);
    expect(labels[0]).toBe('$0.00 to $25.00');
    expect(labels.at(-1)).toBe('$275.00 or more');
  });
});

describe('niceStep', () => {
  it('rounds the bin width to 1, 2, 2.5 or 5 × 10^k', () => {
    expect(niceStep(1234, 20)).toBe(100);
    expect(niceStep(950, 20)).toBe(50);
    expect(niceStep(43, 20)).toBe(2.5);
    expect(niceStep(0, 20)).toBe(1);
  });
});

describe('churn, CLV and model quality sections', () => {
  it('show the bands with their thresholds, how the horizon was chosen, and the worth-saving customers with reasons, escaping data', () => {
    const page = renderChurn(models).value;
    expect(page).toContain('id="chart-churn-bands"');
    expect(page).toContain('no order in the next 9 weeks');
    expect(page).toContain('The horizon, 9 weeks, follows this business’s purchase cycle: three in four of the 887 repeat buyers usually order again within 58 days');
    expect(page).toContain('High: 80.0% or more; medium: 50.0% or more');
    expect(page).toContain('no order in the 90 days after, against the mean predicted risk: low 29.6% (predicted 31.2%); medium 68.0% (predicted 66.5%); high 95.0% (predicted 94.5%)');
    for (const range of ['<td>80.0% or more</td>', '<td>50.0% to under 80.0%</td>', '<td>under 50.0%</td>']) expect(page).toContain(range);
    expect(page).toContain('The first 2 of the 42 customers on the worth-saving list: in the high churn band and the top value tier');
    // reasons are worded from the numbers in the report's language, agreeing with the high band
    expect(page).toContain('overdue by 3 cycles: last order 3 months ago, usually every 21 days; an order within 9 weeks is unlikely');
    expect(page).toContain('one order 7 months ago; most one-time buyers never return');
    expect(page).toContain('$1,331'); // value if kept
    expect(page).toContain(`<td>${HOSTILE_SEGMENT.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</td>`);
    expect(page).not.toContain(HOSTILE_SEGMENT);
    // optimiser messages live in Model quality, not in the churn section's text
    expect(page).not.toContain('class="warning"');
    expect(renderModelQuality(models).value).toContain('class="warning"');
  });

  it('say when the horizon was set, or fell back for want of repeat buyers', () => {
    const set = { ...models, assumptions: { ...models.assumptions!, horizonDays: 90, horizon: { source: 'set' as const, days: 90, cycleDays: null, repeatCustomers: 0, fallback: false } } };
    expect(renderChurn(set).value).toContain('The horizon, 90 days, is set in the settings (horizonDays).');
    const thin = { ...models, assumptions: { ...models.assumptions!, horizonDays: 91, horizon: { source: 'auto' as const, days: 91, cycleDays: null, repeatCustomers: 4, fallback: true } } };
    expect(renderChurn(thin).value).toContain('The horizon is 13 weeks: with only 4 repeat buyers there is no purchase cycle to measure.');
  });

  it('state the CLV assumptions, historic against future value and the tiers', () => {
    const page = renderClv(models).value;
    expect(page).toContain('gross margin of 100%');
    expect(page).toContain('discounted at 1.0% a month (12.7% a year)');
    expect(page).toContain('next 12 months');
    expect(page).toContain('$299,700');
    expect(page).toContain('$78,551');
    expect(page).toContain('Top 20.0%');
    expect(page).toContain('Next 30.0%');
    expect(page).toContain('id="chart-clv-distribution"');
  });

  it('list the fitted parameters, convergence and the latest backtest', () => {
    const page = renderModelQuality(models).value;
    expect(page).toContain('α = 4.414');
    expect(page).toContain('γ = 15.44');
    expect(page).toContain('-9,582.43');
    expect(page).toContain('yes (28 iterations)');
    expect(page).toContain('0.781');
    expect(page).toContain('AUC, recency alone (baseline)');
    expect(page).toContain('Fitted on data up to 2023-12-31 with the MBG/NBD');
  });

  it('say so when data are missing', () => {
    expect(renderChurn(null).value).toContain('No churn scores for this run');
    expect(renderClv(null).value).toContain('No CLV for this run');
    const empty = renderModelQuality(null).value;
    expect(empty).toContain('No models were fitted in this run');
    expect(empty).toContain('No backtest yet: run <code>crm backtest');
    expect(renderModelQuality({ ...models, backtest: null }).value).toContain('No backtest yet');
    const limit = renderModelQuality({ ...models, fits: [{ ...models.fits[1]!, params: { r: 0.5, alpha: 6, a: null, b: null }, boundary: true }] }).value;
    expect(limit).toContain('a → 0 / b → ∞: no dropout');
  });
});
