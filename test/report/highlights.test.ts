import { describe, expect, it } from 'vitest';
import { highlights, MAX_HIGHLIGHTS } from '../../src/report/highlights.js';
import { reportText } from '../../src/report/i18n/index.js';
import type { ReportData } from '../../src/report/types.js';
import { sampleReportData } from './sampleData.js';

/** The sample with a 28-day revenue KPI (changed by `change`) and churned / won-back counts. */
function withKpis(change: number, churned = 0, wonBack = 0): ReportData {
  const data = sampleReportData();
  data.kpis = [
    { key: 'revenue', label: 'Net revenue', value: 10_000 * (1 + change), previous: 10_000, format: 'money' },
    { key: 'churned', label: 'Newly lost', value: churned, previous: null, format: 'int' },
    { key: 'won_back', label: 'Won back', value: wonBack, previous: 3, format: 'int' },
  ];
  data.dynamics!.config = { kpiWindowDays: 28 };
  return data;
}

describe('highlights', () => {
  it('writes the issue’s example sentences from the data', () => {
    const texts = highlights(withKpis(-0.12, 17, 4)).map((h) => h.text);
    expect(texts[0]).toBe('42 high-value customers are now at high churn risk: $18,400 in 12-month CLV and $61,000 spent to date.');
    expect(texts[1]).toBe('42 Champions moved to At risk since the last run, worth $18,400 in 12-month CLV.');
    expect(texts[2]).toBe('Net revenue over the last 28 days is down 12.0% on the 28 days before, at $8,800.');
    expect(texts[3]).toBe('17 customers became lost since the last run.');
    expect(texts[4]).toBe('4 customers were won back: they ordered again after a long break.');
  });

  it('picks at most five, most actionable first, by the documented order', () => {
    const all = highlights(withKpis(0.3, 5, 2));
    expect(all).toHaveLength(MAX_HIGHLIGHTS);
    expect(all.map((h) => h.kind)).toEqual(['atRiskValue', 'segmentMove', 'revenueChange', 'churned', 'wonBack']);
    expect(all[2]).toMatchObject({ tone: 'good', text: expect.stringContaining('up 30.0%') });
  });

  it('states a small revenue change last, as about level, after the concentration', () => {
    const kinds = highlights(withKpis(0.01)).map((h) => h.kind);
    expect(kinds).toEqual(['atRiskValue', 'segmentMove', 'concentration', 'revenueSteady']);
    expect(highlights(withKpis(0.01)).at(-1)!.text).toContain('about level with the 28 days before (+1.0%)');
  });

  it('only states what the data support', () => {
    const bare = withKpis(0);
    bare.previousRun = null;
    bare.kpis = [];
    bare.models = null;
    bare.dynamics!.previousAsOf = null;
    expect(highlights(bare).map((h) => h.kind)).toEqual(['concentration']);
    expect(highlights({ ...bare, dynamics: null })).toEqual([]);
  });

  it('takes the move with the most CLV, ignoring customers who stayed and first-seen ones', () => {
    const data = withKpis(0);
    data.dynamics!.segmentMoves = [
      { from: 'Champions', to: 'Champions', customers: 500, clv: 90_000 },
      { from: 'new', to: 'Promising', customers: 80, clv: 40_000 },
      { from: 'Loyal', to: 'At risk', customers: 3, clv: 2_000 },
      { from: 'Promising', to: 'Lost', customers: 50, clv: 150 },
    ];
    expect(highlights(data).find((h) => h.kind === 'segmentMove')!.text).toBe('3 Loyal moved to At risk since the last run, worth $2,000 in 12-month CLV.');
  });

  it('speaks Chinese with Chinese number formats', () => {
    const texts = highlights(withKpis(-0.12, 17, 4), reportText('zh-CN')).map((h) => h.text);
    expect(texts[0]).toBe('42 位高价值客户目前处于高流失风险：12 个月 CLV 合计 US$18,400，累计消费 US$61,000。');
    expect(texts[2]).toContain('下降 12.0%');
  });
});
