import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { clvDistributionChart } from '../../src/report/charts/clvDistribution.js';
import { renderCurrencyNote, renderCurrencySection } from '../../src/report/html/currency.js';
import { reportText } from '../../src/report/i18n/index.js';
import { numberFormats } from '../../src/report/i18n/numbers.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { sampleReportData } from './sampleData.js';

const textOf = (page: string): string =>
  page.replace(/<script>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('money in the run\'s currency', () => {
  it('is formatted by Intl for the locale and the currency', () => {
    expect(reportText('en', 'EUR').fmt.money(1234)).toBe('€1,234');
    expect(reportText('zh-CN', 'GBP').fmt.money(1234)).toBe('£1,234');
    expect(reportText('zh-CN', 'USD').fmt.money(1234)).toBe('US$1,234');
    expect(reportText('en', 'GBP').fmt.money(-12.5)).toBe('-£12.50');
    expect(reportText('en', 'CHF').fmt.money(1234)).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CHF', maximumFractionDigits: 0 }).format(1234));
  });

  it('uses the currency\'s own minor unit (none for yen)', () => {
    expect(reportText('en', 'JPY').fmt.money(863.6)).toBe('¥864');
    expect(reportText('en', 'GBP').fmt.money(863.6)).toBe('£863.60');
  });

  it('is a plain number, with no symbol, when the currency is not known', () => {
    const fmt = reportText('en', null).fmt;
    expect(fmt.money(12345.6)).toBe('12,346');
    expect(fmt.money(863.6)).toBe('863.60');
    expect(fmt.currency).toBeNull();
    expect(fmt.chartLocale.currency).toEqual(['', '']);
  });

  it('gives the charts the same symbol, taken from Intl', () => {
    expect(numberFormats('en', 'GBP').chartLocale).toEqual({ decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] });
    expect(numberFormats('zh-CN', 'USD').chartLocale.currency).toEqual(['US$', '']);
    const chf = numberFormats('en', 'CHF').chartLocale.currency;
    expect(chf[0]!.startsWith('CHF')).toBe(true);
    expect(chf[0]!.length).toBe(4); // the space Intl writes between code and number
  });

  it('reaches the compiled chart spec as Vega\'s number locale', () => {
    const t = reportText('en', 'EUR');
    const spec = clvDistributionChart([{ lower: 0, upper: 100, customers: 3, open: false }], t);
    const vega = compile(spec).spec as { config?: { locale?: { number?: { currency?: string[] } } } };
    expect(vega.config?.locale?.number?.currency).toEqual(['€', '']);
  });
});

describe('the currency note', () => {
  it('names the one currency when the run saw only it', () => {
    const t = reportText('en', 'GBP');
    const one = { code: 'GBP', chosen: 'most revenue', others: [] } as const;
    expect(textOf(renderCurrencyNote({ ...one, others: [] }, t).value)).toBe(' Every amount in this report is in British Pound (GBP). ');
    expect(textOf(renderCurrencyNote({ ...one, others: [] }, reportText('zh-CN', 'GBP')).value)).toContain('英镑（GBP）');
    expect(renderCurrencySection({ ...one, others: [] }, t).value).toBe('');
  });

  it('lists the currencies left out, each in its own format, and says why this one was analysed', () => {
    const others = [
      { currency: 'EUR', transactions: 27, orders: 26, customers: 8, revenue: 4048.32 },
      { currency: null, transactions: 3, orders: 3, customers: 2, revenue: 99.5 },
    ];
    const c = { code: 'GBP', chosen: 'named', others } as const;
    const note = textOf(renderCurrencyNote(c, reportText('en', 'GBP')).value);
    expect(note).toContain('Left out, not converted: EUR, €4,048 from 8 customers; not known, 99.50 from 2 customers. See Currencies');
    expect(renderCurrencyNote(c, reportText('en', 'GBP')).value).toContain('<a href="#currency">');
    const text = textOf(renderCurrencySection(c, reportText('en', 'GBP')).value);
    expect(text).toContain('analyses the transactions in GBP only (the currency named for this run)');
    expect(text).toContain('EUR · Euro 27 26 8 €4,048');
    expect(text).toContain('not known 3 3 2 99.50');
    expect(text).toContain('crm analyze --currency CODE (e.g. EUR)');
  });

  it('says when the currency is not known and how to name it', () => {
    const page = renderHtml({ ...sampleReportData(), currency: { code: null, chosen: 'most revenue', others: [] } });
    const text = textOf(page);
    expect(text).toContain('The currency of these amounts is not known');
    expect(text).toContain('"currency": "GBP"');
    expect(text).toContain('crm load --currency GBP');
    expect(text).not.toMatch(/\$\d/);
  });

  it('sets every amount of the page in the run\'s currency', () => {
    const gbp = textOf(renderHtml({ ...sampleReportData(), currency: { code: 'GBP', chosen: 'most revenue', others: [] } }));
    expect(gbp).toContain('£412,346');
    expect(gbp).not.toContain('$');
  });
});
