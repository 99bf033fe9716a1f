import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { churnBandsChart } from '../../src/report/charts/churnBands.js';
import { clusterScatterChart } from '../../src/report/charts/clusterScatter.js';
import { clvDistributionChart } from '../../src/report/charts/clvDistribution.js';
import { cohortTriangleChart } from '../../src/report/charts/cohortTriangle.js';
import { moveMatrixChart } from '../../src/report/charts/moveMatrix.js';
import { paretoCurveChart } from '../../src/report/charts/paretoCurve.js';
import { rfHeatmapChart } from '../../src/report/charts/rfHeatmap.js';
import { segmentSizesChart } from '../../src/report/charts/segmentSizes.js';
import { silhouetteByKChart } from '../../src/report/charts/silhouetteByK.js';
import { en } from '../../src/report/i18n/en.js';
import { isLocale, parseLocale, reportText } from '../../src/report/i18n/index.js';
import { zhCN } from '../../src/report/i18n/zh-CN.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { sampleReportData } from './sampleData.js';

/** Every key path of a catalogue, functions included, so the two can be compared at run time too. */
const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

const markupOf = (page: string): string => page.replace(/<script>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/, '');
const headings = (page: string): string[] => [...markupOf(page).matchAll(/<h[23][^>]*>([^<]+)<\/h[23]>/g)].map((m) => m[1]!);

describe('message catalogues', () => {
  it('have the same keys in English and Chinese (the type already insists)', () => {
    expect(keysOf(zhCN).sort()).toEqual(keysOf(en).sort());
  });

  it('accept only known locales', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(parseLocale(undefined)).toBeUndefined();
    expect(() => parseLocale('fr')).toThrow(/--locale expects one of en, zh-CN, got "fr"/);
  });

  it('format numbers with the locale', () => {
    expect(reportText('en').fmt.money(12345.6)).toBe('$12,346');
    expect(reportText('zh-CN').fmt.money(12345.6)).toBe('US$12,346');
    expect(reportText('zh-CN').fmt.pct(0.1234)).toBe('12.3%');
  });
});

describe('the report in Chinese', () => {
  const zh = renderHtml(sampleReportData(), { locale: 'zh-CN' });
  const enPage = renderHtml(sampleReportData());

  it('sets the page language and translates every heading', () => {
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<h1>客户报告</h1>');
    expect(markupOf(zh)).toContain('客户');
    const enHeadings = new Set(headings(enPage));
    // the only headings shared with English are names that are the same in both (R×F, CLV terms)
    const shared = headings(zh).filter((h) => enHeadings.has(h));
    expect(shared).toEqual([]);
    for (const h of headings(zh)) expect(h, h).toMatch(/[\u4e00-\u9fff]/);
  });

  it('translates table headers and KPI labels', () => {
    const ths = [...markupOf(zh).matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]!).filter((h) => /[a-z]{3}/.test(h));
    // what stays Latin: abbreviations and the score / k column names
    for (const h of ths) expect(h, h).toMatch(/^(k|RMSE|R \d|.*CLV.*|.*RFM.*|[RFM] .*)$/);
    expect(markupOf(zh)).toContain('订单数（最近 28 天）');
    expect(markupOf(zh)).toContain('退货率（最近 28 天）');
    expect(markupOf(zh)).toContain('上一次运行未统计');
    expect(markupOf(zh)).toContain('上一次运行：20');
  });

  it('leaves the English report as it was', () => {
    expect(enPage).toContain('<html lang="en">');
    expect(headings(enPage).slice(0, 4)).toEqual(['Highlights', 'Key figures', 'Weekly trend', 'Contents']);
    expect(enPage).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('every chart, in both languages', () => {
  const data = sampleReportData();
  const builders: [string, (t: ReturnType<typeof reportText>) => TopLevelSpec][] = [
    ['segments', (t) => segmentSizesChart(data.segments, t)],
    ['heatmap', (t) => rfHeatmapChart(data.rfGrid, t)],
    ['scatter', (t) => clusterScatterChart(data.clusters!.profiles, data.clusters!.sample, t)],
    ['silhouette', (t) => silhouetteByKChart(data.clusters!.silhouette, t)],
    ['moves', (t) => moveMatrixChart(data.dynamics!.stateMoves, { title: t.m.charts.moves.statesTitle, subtitle: 's', from: 'a', to: 'b', name: (s) => t.m.names.states[s] ?? s }, t)],
    ['cohorts', (t) => cohortTriangleChart(data.dynamics!.cohorts, t)],
    ['pareto', (t) => paretoCurveChart(data.dynamics!.pareto, t)],
    ['churn', (t) => churnBandsChart(data.models!.churn!.bands, t)],
    ['clv', (t) => clvDistributionChart(data.models!.clv!.bins, t)],
  ];
  for (const [name, build] of builders) {
    it(`${name}: has a title and a description, and compiles`, () => {
      for (const locale of ['en', 'zh-CN'] as const) {
        const spec = build(reportText(locale));
        const title = spec.title as { text: string };
        expect(title.text.length).toBeGreaterThan(3);
        expect(spec.description!.length).toBeGreaterThan(20);
        if (locale === 'zh-CN') expect(`${title.text}${spec.description}`).toMatch(/[\u4e00-\u9fff]/);
        expect(() => compile(spec)).not.toThrow();
      }
    });
  }
});
