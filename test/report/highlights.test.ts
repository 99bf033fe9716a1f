import { describe, expect, it } from 'vitest';
import { highlights, MAX_HIGHLIGHTS, type HighlightKind } from '../../src/report/highlights.js';
import { reportText } from '../../src/report/i18n/index.js';
import type { ReportData } from '../../src/report/types.js';
import { sampleReportData } from './sampleData.js';

/** The sample with a 28-day revenue KPI (changed by `change`) and lapsed / won-back counts. */
function withKpis(change: number, churned = 0, wonBack = 0): ReportData {
  const data = sampleReportData();
  data.kpis = [
    { key: 'revenue', label: 'Net revenue', value: 10_000 * (1 + change), previous: 10_000, format: 'money' },
    { key: 'churned', label: 'Newly lapsed', value: churned, previous: null, format: 'int' },
    { key: 'won_back', label: 'Won back', value: wonBack, previous: 3, format: 'int' },
  ];
  data.dynamics!.config = { kpiWindowDays: 28, lostGapMultiple: 3, lostMinDays: 180, wonBackDays: 90 };
  return data;
}

const one = (data: ReportData, kind: HighlightKind, locale: 'en' | 'zh-CN' = 'en') => highlights(data, reportText(locale)).find((h) => h.kind === kind)?.text;

/** Words that name a population in one vocabulary; a highlight must not use another's word bare. */
const STATE_WORDS = /\b(lapsed|lapsing|won back|first order|regular)\b/;

describe('highlight rules: each names its population and its vocabulary', () => {
  it('worthSaving: the top value tier (by value if kept) in the high churn band, with the band’s threshold and horizon', () => {
    const text = one(withKpis(0), 'worthSaving')!;
    expect(text).toBe(
      '42 customers in the top value tier (ranked by 12-month value if kept) are in the high churn band, P(no order within 9 weeks) ≥ 80.0%: worth $52,300 over 12 months if kept, $61,000 spent to date.',
    );
    expect(text).not.toMatch(/high-value|at risk|lost/i);
  });

  it('worthSaving follows the run’s high-value tiers, says “customer” for one, and is left out when nobody qualifies', () => {
    const data = withKpis(0);
    data.models!.churn!.highValueTiers = ['top', 'mid'];
    data.models!.churn!.highValueAtRisk.customers = 1;
    expect(one(data, 'worthSaving')).toMatch(/^1 customer in the top, middle value tier .* is in the high churn band/);
    data.models!.churn!.highValueAtRisk.customers = 0;
    expect(one(data, 'worthSaving')).toBeUndefined();
  });

  it('segmentMove: says both ends are RFM segments', () => {
    expect(one(withKpis(0), 'segmentMove')).toBe('42 customers moved from the RFM segment Champions to the RFM segment At risk since the last run, worth $18,400 in 12-month CLV.');
  });

  it('churned: the customer state lapsed, with the rule that defines it', () => {
    expect(one(withKpis(0, 18), 'churned')).toBe(
      '18 customers became lapsed since the last run (customer state: no order for 3× their usual gap between orders, and at least 180 days).',
    );
    expect(one(withKpis(0, 1), 'churned')).toMatch(/^1 customer became lapsed/);
  });

  it('wonBack: the customer state won back, with its window, so it does not read as this week', () => {
    expect(one(withKpis(0, 0, 4), 'wonBack')).toBe('4 customers are won back (customer state: ordered again in the last 90 days after a lapsed gap).');
  });

  it('revenueChange and revenueSteady: net revenue over the named window', () => {
    expect(one(withKpis(-0.12), 'revenueChange')).toBe('Net revenue over the last 28 days is down 12.0% on the 28 days before, at $8,800.');
    expect(one(withKpis(0.01), 'revenueSteady')).toBe('Net revenue over the last 28 days is about level with the 28 days before (+1.0%), at $10,100.');
  });

  it('concentration: the top 20% of customers by net revenue to date', () => {
    expect(one(withKpis(0), 'concentration')).toMatch(/^The top 20% of customers bring \d+\.\d% of net revenue to date\.$/);
  });

  it('no highlight uses a state word without saying it is a customer state', () => {
    for (const h of highlights(withKpis(-0.3, 18, 4))) {
      if (STATE_WORDS.test(h.text)) expect(h.text, h.kind).toContain('customer state');
    }
  });
});

describe('highlights', () => {
  it('picks at most five, most actionable first, by the documented order', () => {
    const all = highlights(withKpis(0.3, 5, 2));
    expect(all).toHaveLength(MAX_HIGHLIGHTS);
    expect(all.map((h) => h.kind)).toEqual(['worthSaving', 'segmentMove', 'revenueChange', 'churned', 'wonBack']);
    expect(all[2]).toMatchObject({ tone: 'good', text: expect.stringContaining('up 30.0%') });
  });

  it('states a small revenue change last, as about level, after the concentration', () => {
    const kinds = highlights(withKpis(0.01)).map((h) => h.kind);
    expect(kinds).toEqual(['worthSaving', 'segmentMove', 'concentration', 'revenueSteady']);
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
    expect(one(data, 'segmentMove')).toBe('3 customers moved from the RFM segment Loyal to the RFM segment At risk since the last run, worth $2,000 in 12-month CLV.');
  });

  it('speaks Chinese with Chinese number formats, naming the same populations', () => {
    const data = withKpis(-0.12, 17, 4);
    expect(one(data, 'worthSaving', 'zh-CN')).toBe(
      '42 位客户属于头部价值层级（按留存时 12 个月价值排名）且处于高流失风险等级（9 周内不下单的概率 ≥ 80.0%）：若能留住，12 个月价值 US$52,300，累计消费 US$61,000。',
    );
    expect(one(data, 'segmentMove', 'zh-CN')).toContain('RFM 分群「冠军客户」'); // default segment names render in the locale
    expect(one(data, 'churned', 'zh-CN')).toContain('“已停购”状态（客户状态');
    expect(one(data, 'revenueChange', 'zh-CN')).toContain('下降 12.0%');
  });
});
