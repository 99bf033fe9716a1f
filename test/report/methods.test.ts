import { describe, expect, it } from 'vitest';
import { DEFAULT_DYNAMICS } from '../../src/dynamics/config.js';
import { DEFAULT_MODELS } from '../../src/models/config.js';
import { renderMethods } from '../../src/report/html/methods.js';
import { reportText } from '../../src/report/i18n/index.js';
import { crm } from '../helpers/cli.js';

const text = (markup: string): string => markup.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('the Methods section', () => {
  it('states clusters, churn/CLV and state thresholds from the run’s stored settings', () => {
    const t = text(renderMethods({ models: { ...DEFAULT_MODELS, horizonDays: 60 }, dynamics: { ...DEFAULT_DYNAMICS, lostMinDays: 200 } }).value);
    expect(t).toContain('the largest eligible k whose mean silhouette is within 10% of the best eligible one wins');
    expect(t).toContain('Stable ids');
    expect(t).toContain('no order in the next 60 days');
    expect(t).toContain('high when churn risk is 80.0% or more, medium when 50.0% or more');
    expect(t).toContain('discounted at 1.0% a month');
    expect(t).toContain('top = the 20.0% of customers');
    expect(t).toContain('Lapsed: no order for longer than max(200 days, 3 × own mean gap');
    expect(t).toContain('Highlights are chosen by a fixed rule');
  });

  it('says so when a run recorded no settings, in either language', () => {
    expect(text(renderMethods().value)).toContain('were not recorded');
    expect(text(renderMethods({ models: null, dynamics: {} }, reportText('zh-CN')).value)).toContain('本次运行未记录状态阈值');
  });
});

describe('crm report --locale', () => {
  it('refuses an unknown locale as a usage error', async () => {
    const res = await crm('report', '--locale', 'fr', '--db', '/nonexistent/x.duckdb');
    expect(res.code).toBe(2);
    expect(res.err).toContain('--locale expects one of en, zh-CN');
  });
});
