import { EN, reportText, type ReportText } from '../i18n/index.js';
import type { CurrencyTotals, ReportCurrency } from '../types.js';
import { renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

/** A currency's name in the report's language, e.g. "British Pound", "英镑". */
function currencyName(code: string, t: ReportText): string {
  return new Intl.DisplayNames([t.locale === 'en' ? 'en-US' : t.locale], { type: 'currency' }).of(code) ?? code;
}

/** The amount left out in one currency, in that currency's own format (never converted). */
const moneyIn = (o: CurrencyTotals, t: ReportText): string => reportText(t.locale, o.currency).fmt.money(o.revenue);

/** Each left-out currency's totals; its revenue in its own format. */
function otherColumns(t: ReportText): Column<CurrencyTotals>[] {
  const { m, fmt } = t;
  return [
    { header: m.currency.currency, cell: (o) => (o.currency === null ? m.currency.notKnown : `${o.currency} · ${currencyName(o.currency, t)}`) },
    { header: m.currency.transactions, cell: (o) => fmt.int(o.transactions), numeric: true },
    { header: m.common.orders, cell: (o) => fmt.int(o.orders), numeric: true },
    { header: m.common.customers, cell: (o) => fmt.int(o.customers), numeric: true },
    { header: m.common.netSpend, cell: (o) => moneyIn(o, t), numeric: true },
  ];
}

/**
 * The first-screen line on currency: what every amount is in (or that the currency is not known,
 * and how to name it) and, when the data hold other currencies, what was left out, linking the
 * Currencies section.
 *
 * @example renderCurrencyNote({ code: 'GBP', chosen: 'most revenue', others: [] }, reportText('en', 'GBP'))
 *   // <div class="currency-note"><p class="note">Every amount in this report is in British Pound (GBP).</p></div>
 */
export function renderCurrencyNote(c: ReportCurrency, t: ReportText = EN): SafeHtml {
  const m = t.m.currency;
  const said = c.code === null ? html`<p class="warning">${m.unknown}</p>` : html`<p class="note">${m.amountsIn(currencyName(c.code, t), c.code)}</p>`;
  if (c.others.length === 0) return html`<div class="currency-note">${said}</div>`;
  const items = c.others.map((o) => m.leftOutItem(o.currency ?? m.notKnown, moneyIn(o, t), t.fmt.int(o.customers), o.customers === 1));
  return html`<div class="currency-note">${said}<p class="note">${m.leftOut(items.join('; '))} <a href="#currency">${m.seeSection}</a></p></div>`;
}

/**
 * The Currencies section, only when the data hold more than one: which currency this run
 * analysed and why, and the totals of every currency it left out.
 *
 * @example renderCurrencySection({ code: 'GBP', chosen: 'most revenue', others: [eurTotals] }, reportText('en', 'GBP'))
 */
export function renderCurrencySection(c: ReportCurrency, t: ReportText = EN): SafeHtml {
  if (c.others.length === 0) return html``;
  const m = t.m.currency;
  const why = c.chosen === 'named' ? m.named : m.mostRevenue;
  const example = c.others.find((o) => o.currency !== null)?.currency ?? c.code ?? 'GBP';
  return html`<section id="currency" aria-labelledby="currency-h">
<h2 id="currency-h">${m.title}</h2>
<p>${m.onlyOne(c.code ?? m.unknownCode, why)}</p>
${renderTable(m.caption, otherColumns(t), c.others, { compact: true, t })}
<p class="note">${m.analyseOther(example)}</p>
</section>`;
}
