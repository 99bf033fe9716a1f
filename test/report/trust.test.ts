import { describe, expect, it } from 'vitest';
import { renderTrustNote } from '../../src/report/html/highlights.js';
import { reportText } from '../../src/report/i18n/index.js';
import { trustIssues } from '../../src/report/models/trust.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import type { ReportData } from '../../src/report/types.js';
import { sampleReportData } from './sampleData.js';

/** The sample as a thin run: few customers, a short history, few repeat buyers, a fit at the no-dropout limit. */
function thin(): ReportData {
  const data = sampleReportData();
  data.window = { ...data.window, firstOrderDate: '2024-04-01', customers: 42 };
  data.run.asOf = '2024-06-30';
  data.models!.repeatBuyers = 12;
  data.models!.fits = data.models!.fits.map((f) => (f.model === 'mbgnbd' ? { ...f, boundary: true, message: '|grad| = 7.02e-5 … Nelder–Mead fallback' } : f));
  return data;
}

describe('how far to trust these numbers', () => {
  it('is silent when the data are ample and the fits stood', () => {
    expect(trustIssues(sampleReportData())).toEqual([]);
    expect(renderTrustNote(sampleReportData())).toBeNull();
    expect(renderHtml(sampleReportData())).not.toContain('id="trust"');
  });

  it('names each reason in plain words: thin data first, then the fit that fell back', () => {
    expect(trustIssues(thin()).map((i) => i.kind)).toEqual(['fewCustomers', 'shortHistory', 'fewRepeat', 'noDropout']);
    const note = renderTrustNote(thin())!.value;
    expect(note).toContain('How far to trust these numbers');
    expect(note).toContain('Only 42 customers: churn risk and CLV need about 300 or more');
    expect(note).toContain('Only 90 days of history');
    expect(note).toContain('Only 12 customers have ordered more than once');
    expect(note).toContain('found no sign of customers stopping for good');
    expect(note).not.toMatch(/grad|Nelder|optimi[sz]er|converg/i);
  });

  it('notes a spend fallback, a failed fit and a horizon without a cycle', () => {
    const data = sampleReportData();
    data.models!.fits = data.models!.fits.map((f) => (f.model === 'gammagamma' ? { ...f, params: null } : f));
    data.models!.assumptions = { ...data.models!.assumptions!, horizonDays: 91, horizon: { source: 'auto', days: 91, cycleDays: null, repeatCustomers: 4, fallback: true } };
    expect(trustIssues(data).map((i) => i.kind)).toEqual(['spendFallback', 'horizonFallback']);
    data.models!.fits = data.models!.fits.map((f) => ({ ...f, usedForScoring: false }));
    expect(trustIssues(data).map((i) => i.kind)).toContain('noModel');
  });

  it('sits on the first screen right after the highlights, in the report’s language', () => {
    const page = renderHtml(thin(), { locale: 'zh-CN' });
    const at = (s: string) => page.indexOf(s);
    expect(at('id="trust"')).toBeGreaterThan(at('id="highlights"'));
    expect(at('id="trust"')).toBeLessThan(at('id="churn"'));
    expect(page).toContain(reportText('zh-CN').m.trust.title);
    expect(page).toContain('只有 42 位客户');
  });
});

describe('the churn, CLV, highlights and trust texts in zh-CN', () => {
  it('carry no English word but model names, commands, settings keys and customer data', async () => {
    const { renderChurn } = await import('../../src/report/html/churn.js');
    const { renderClv } = await import('../../src/report/html/clv.js');
    const { renderHighlights } = await import('../../src/report/html/highlights.js');
    const { highlights } = await import('../../src/report/highlights.js');
    const t = reportText('zh-CN');
    const data = thin();
    const page = [renderChurn(data.models, t), renderClv(data.models, t), renderHighlights(highlights(data, t), t), renderTrustNote(data, t)!]
      .map((h) => h.value).join(' ');
    const data_words = [...data.segments.map((s) => s.segment), 'At risk', 'Champions', ...data.models!.churn!.atRisk.flatMap((c) => [c.customerId, c.segment])];
    const unescape = (x: string) => x.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    let text = unescape(page.replace(/<[^>]+>/g, ' '));
    for (const w of data_words) text = text.replaceAll(w, ' ');
    const allowed = new Set(['MBG/NBD', 'Gamma-Gamma', 'CLV', 'RFM', 'JavaScript', 'crm', 'backtest', 'pipelines/weekly', 'json', 'models', 'clv', 'margin', 'horizonDays', 'highValueTiers', 'alive', 'US']); // US$: Intl's zh-CN dollar sign
    const english = [...new Set(text.match(/[A-Za-z][A-Za-z/-]+/g) ?? [])].filter((w) => !allowed.has(w));
    expect(english).toEqual([]);
  });
});
