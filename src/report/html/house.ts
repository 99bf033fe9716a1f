import { EN, type ReportText } from '../i18n/index.js';
import type { HouseAccountRow, NoCustomerRevenue } from '../types.js';
import { noData, renderTable, type Column } from './table.js';
import { html, type SafeHtml } from './tag.js';

function houseColumns(t: ReportText): Column<HouseAccountRow>[] {
  const { m, fmt } = t;
  return [
    { header: m.house.customer, cell: (h) => html`<code>${h.customerId}</code>` },
    { header: m.common.orders, cell: (h) => fmt.int(h.orders), numeric: true },
    { header: m.house.orderShare, cell: (h) => fmt.pct(h.orderShare), numeric: true },
    { header: m.common.netSpend, money: (h) => h.revenue, numeric: true },
    { header: m.house.revenueShare, cell: (h) => fmt.pct(h.revenueShare), numeric: true },
    { header: m.house.why, cell: (h) => m.house.reasons[h.reason] ?? h.reason, prose: true },
  ];
}

/**
 * The house accounts of the run (README "House accounts"): who, their shares of the orders and
 * net revenue analysed, why, and what they are left out of — or a line saying there are none;
 * nothing for a run that did not look (null).
 *
 * @example renderHouseAccounts(data.houseAccounts, reportText('en', 'GBP'))
 */
export function renderHouseAccounts(accounts: readonly HouseAccountRow[] | null, t: ReportText = EN): SafeHtml {
  const m = t.m.house;
  if (accounts === null) return html``;
  if (accounts.length === 0) return html`<h3>${m.houseTitle}</h3>${noData(m.noHouse)}`;
  const kept = accounts.some((h) => h.keptInModels);
  return html`<h3 id="house-accounts">${m.houseTitle}</h3>
<p class="warning" data-house-accounts="${String(accounts.length)}">${m.houseIntro(t.fmt.int(accounts.length))}</p>
${renderTable(m.houseCaption, houseColumns(t), accounts, { compact: true, t })}
<p class="note">${kept ? m.kept : m.leftOut}</p>`;
}

/**
 * The share of revenue that came from orders with no customer id, in the loads that fed the run;
 * nothing when no load recorded it (loads made before that was counted).
 *
 * @example renderNoCustomer({ revenue: 400, total: 8000, share: 0.05, loads: 1 }, EN) // "5% of revenue came from orders with no customer id …"
 */
export function renderNoCustomer(n: NoCustomerRevenue | null, t: ReportText = EN): SafeHtml {
  if (n === null) return html``;
  const m = t.m.house;
  const said = n.revenue === 0 ? m.noCustomerNone : m.noCustomer(t.fmt.pct(n.share), t.fmt.money(n.revenue), t.fmt.money(n.total));
  return html`<h3>${m.noCustomerTitle}</h3>
<p class="${n.share >= 0.05 ? 'warning' : 'note'}" data-no-customer-share="${String(n.share)}">${said}</p>`;
}

/**
 * The first-screen line when the run has house accounts: who, and that they are left out of the
 * models, linking the Data quality section; nothing otherwise.
 *
 * @example renderHouseNote(data.houseAccounts, EN)
 */
export function renderHouseNote(accounts: readonly HouseAccountRow[] | null, t: ReportText = EN): SafeHtml {
  if (accounts === null || accounts.length === 0) return html``;
  const { m, fmt } = t;
  const who = accounts.map((h) => m.house.noteItem(h.customerId, fmt.pct(h.orderShare), fmt.pct(h.revenueShare))).join(m.house.listSeparator);
  const kept = accounts.some((h) => h.keptInModels);
  return html`<p class="note house-note">${m.house.note(who, kept)} <a href="#house-accounts">${m.house.seeSection}</a></p>`;
}
