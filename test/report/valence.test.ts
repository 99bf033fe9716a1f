import { describe, expect, it } from 'vitest';
import { kpiDelta } from '../../src/report/delta.js';
import { renderKpis } from '../../src/report/html/kpis.js';
import { reportText } from '../../src/report/i18n/index.js';
import type { Kpi } from '../../src/report/types.js';
import { KPI_VALENCE, toneOf } from '../../src/report/valence.js';
import { highlights } from '../../src/report/highlights.js';
import { sampleReportData } from './sampleData.js';

const kpi = (key: string, value: number, previous: number | null, format: Kpi['format'] = 'int'): Kpi => ({
  key, label: key, value, previous, format, windowDays: 28, comparedWith: 'previous_window',
});

describe('KPI valence', () => {
  it('declares up as good for sales and customers, bad for lapsed and returns, neutral for customers to date', () => {
    for (const k of ['revenue', 'orders', 'active_customers', 'new_customers', 'aov', 'repeat_rate', 'won_back']) expect(KPI_VALENCE[k], k).toBe('up_good');
    expect(KPI_VALENCE['churned']).toBe('up_bad');
    expect(KPI_VALENCE['return_rate']).toBe('up_bad');
    expect(KPI_VALENCE['customers']).toBe('neutral');
  });

  it('colours by valence, not by the arrow', () => {
    expect(kpiDelta(kpi('revenue', 110, 100))).toMatchObject({ arrow: '▲', tone: 'good' });
    expect(kpiDelta(kpi('revenue', 90, 100))).toMatchObject({ arrow: '▼', tone: 'bad' });
    // the cases: newly lapsed up is bad, newly lapsed down is good, return rate down is good
    expect(kpiDelta(kpi('churned', 1144, 900))).toMatchObject({ arrow: '▲', tone: 'bad' });
    expect(kpiDelta(kpi('churned', 18, 20))).toMatchObject({ arrow: '▼', tone: 'good', absolute: '−2' });
    expect(kpiDelta(kpi('return_rate', 0.04, 0.05, 'pct'))).toMatchObject({ arrow: '▼', tone: 'good', absolute: '−1.0 pp' });
    expect(kpiDelta(kpi('return_rate', 0.06, 0.05, 'pct'))).toMatchObject({ arrow: '▲', tone: 'bad' });
    expect(kpiDelta(kpi('customers', 120, 100))).toMatchObject({ arrow: '▲', tone: 'neutral' });
    expect(kpiDelta(kpi('some_new_kpi', 120, 100))).toMatchObject({ tone: 'neutral' });
  });

  it('makes a zero change neutral, with no sign', () => {
    expect(kpiDelta(kpi('revenue', 100, 100))).toEqual({ direction: 'flat', arrow: '▶', tone: 'neutral', absolute: 'no change', relative: null });
    expect(toneOf('up_bad', 'flat')).toBe('neutral');
  });

  it('treats a change that rounds to zero as zero: "0.0 pp", never "−0.0 pp"', () => {
    const d = kpiDelta(kpi('repeat_rate', 0.40001, 0.40004, 'pct'))!;
    expect(d).toEqual({ direction: 'flat', arrow: '▶', tone: 'neutral', absolute: '0.0 pp', relative: null });
    expect(kpiDelta(kpi('return_rate', 0.0500001, 0.05, 'pct'))).toMatchObject({ tone: 'neutral', absolute: '0.0 pp' });
    expect(kpiDelta(kpi('aov', 84.501, 84.5, 'money'))).toMatchObject({ tone: 'neutral', absolute: '$0.00' });
    // a real change whose ratio rounds to zero keeps its sign, the ratio loses it
    expect(kpiDelta(kpi('revenue', 1_000_001, 1_000_000, 'money'))).toMatchObject({ tone: 'good', absolute: '+$1.00', relative: '0.0%' });
  });

  it('puts the tone on the tile and the window in its label, in both languages', () => {
    const kpis = [kpi('churned', 18, 20), kpi('return_rate', 0.06, 0.05, 'pct'), { ...kpi('repeat_rate', 0.4, 0.40004, 'pct'), windowDays: null, comparedWith: 'window_start' as const }];
    const page = renderKpis(kpis, { runId: 3, asOf: '2024-06-23' }).value;
    expect(page).toMatch(/data-kpi="churned" data-tone="good"/);
    expect(page).toMatch(/data-kpi="return_rate" data-tone="bad"/);
    expect(page).toMatch(/data-kpi="repeat_rate" data-tone="neutral"/);
    expect(page).toContain('Return rate (last 28 days)');
    expect(page).toContain('Repeat customer rate (to date)');
    expect(page).toContain('Newly lapsed (since the previous run)');
    expect(page).toContain('28 days earlier: 40.0%');
    expect(page).not.toContain('−0.0');
    const zh = renderKpis(kpis, { runId: 3, asOf: '2024-06-23' }, reportText('zh-CN')).value;
    expect(zh).toContain('退货率（最近 28 天）');
    expect(zh).toContain('新增流失（自上次运行以来）');
  });

  it('states a revenue change only against the period its sentence names', () => {
    const withRevenue = (comparedWith: Kpi['comparedWith']) => ({ ...sampleReportData(), kpis: [{ ...kpi('revenue', 8800, 10000, 'money'), comparedWith }] });
    expect(highlights(withRevenue('previous_window')).map((h) => h.text)).toContain('Net revenue over the last 28 days is down 12.0% on the 28 days before, at $8,800.');
    // a run made before migration 010 compared with the previous run: no sentence about "the 28 days before"
    expect(highlights(withRevenue('previous_run')).map((h) => h.kind)).not.toContain('revenueChange');
  });
});

describe('key figures and weekly trend in Chinese', () => {
  it('leave no English UI word (window names, comparisons, trend headings and table)', async () => {
    const { renderTrend } = await import('../../src/report/trend/section.js');
    const { sampleTrend } = await import('./sampleTrend.js');
    const zh = reportText('zh-CN');
    const kpis: Kpi[] = [
      kpi('revenue', 1200, 1000, 'money'), kpi('return_rate', 0.06, 0.05, 'pct'),
      { ...kpi('customers', 120, 100), windowDays: null, comparedWith: 'window_start' },
      { ...kpi('churned', 5, 7), windowDays: null, comparedWith: 'previous_run' },
      { ...kpi('won_back', 3, null), windowDays: 90, comparedWith: 'none' },
    ];
    const page = renderKpis(kpis, { runId: 3, asOf: '2024-06-23' }, zh, 28, sampleTrend()).value + renderTrend(sampleTrend(26, '2024-06-30', 10), zh).value;
    const text = page.replace(/<[^>]*>/g, ' ').replace(/"[^"]*"/g, ' ');
    // what may stay Latin: the currency code prefix of amounts ("US$") and the name JavaScript (the no-script note)
    expect(text.replace(/US\$|JavaScript/g, '').match(/[A-Za-z]{2,}/g)).toBeNull();
    expect(text).toContain('每周趋势');
    expect(text).toContain('星期日');
  });
});
