import { EN, reportText, type ReportText } from '../i18n/index.js';
import type { CurrencyTotals, ReportCurrency } from '../types.js';
import { renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** A currency's name in the report's language, e.g. "British Pound", "英镑". */
function currencyName(code: string, t: ReportText): string {
  return new Intl.DisplayNames([t.locale === 'en' ? 'en-US' : t.locale], { type: 'currency' }).of(code) ?? code;
}

/** Each left-out currency's revenue in its own currency's format: no amount is converted. */
function otherColumns(t: ReportText): Column<CurrencyTotals>[] {
  const { m, fmt } = t;
  return [
    { header: m.currency.currency, cell: (o) => (o.currency === null ? m.currency.notKnown : `${o.currency} · ${currencyName(o.currency, t)}`) },
    { header: m.currency.transactions, cell: (o) => fmt.int(o.transactions), numeric: true },
    { header: m.common.orders, cell: (o) => fmt.int(o.orders), numeric: true },
    { header: m.common.customers, cell: (o) => fmt.int(o.customers), numeric: true },
    { header: m.common.netSpend, cell: (o) => reportText(t.locale, o.currency).fmt.money(o.revenue), numeric: true },
  ];
}

/**
 * What currency the amounts are in: one line when the run saw one currency; when the data hold
 * others, which one this run analysed and the totals of those it left out; when the currency is
 * not known, that the amounts are plain numbers and how to name the currency.
 *
 * @example renderCurrency({ code: 'GBP', chosen: 'most revenue', others: [] }, reportText('en', 'GBP'))
 *   // <p class="note" id="currency">Every amount in this report is in British Pound (GBP).</p>
 */
export function renderCurrency(c: ReportCurrency, t: ReportText = EN): SafeHtml {
  const m = t.m.currency;
  const said = c.code === null ? html`<p class="warning">${m.unknown}</p>` : html`<p class="note">${m.amountsIn(currencyName(c.code, t), c.code)}</p>`;
  if (c.others.length === 0) return html`<div id="currency">${said}</div>`;
  const why = c.chosen === 'named' ? m.named : m.mostRevenue;
  const example = c.others.find((o) => o.currency !== null)?.currency ?? c.code ?? 'GBP';
  return html`<section id="currency" aria-labelledby="currency-h">
<h2 id="currency-h">${m.title}</h2>
${said}
<p>${m.onlyOne(c.code ?? m.unknownCode, why)}</p>
${renderTable(m.caption, otherColumns(t), c.others, { compact: true, t })}
<p class="note">${m.analyseOther(example)}</p>
</section>`;
}
