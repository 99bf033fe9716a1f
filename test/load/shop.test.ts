import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING, parseMapping, type Mapping } from '../../src/load/mapping.js';
import type { LoadSummary } from '../../src/load/types.js';
import { rows, withTempDb, writeText } from '../helpers/db.js';
import { shopFixtures } from '../../fixtures/shop/build.js';

type Conn = Parameters<Parameters<typeof withTempDb>[0]>[0];
const SHOP = (name: string): string => `fixtures/shop/${name}`;
const EXPORT_1 = SHOP('shopify-export-1.csv');
const EXPORT_2 = SHOP('shopify-export-2.csv');
const STRIPE = SHOP('stripe-payments.csv');

async function load(conn: Conn, files: string[], opts: { mapping?: Mapping; preset?: string } = {}): Promise<LoadSummary> {
  const s = await loadFiles(conn, files, { mapping: opts.mapping ?? EMPTY_MAPPING, mappingSource: 'm.json', ...(opts.preset ? { preset: opts.preset } : {}) });
  for (const f of s.files) expect(f.loaded + f.duplicates + f.excluded + f.quarantined, f.path).toBe(f.rowsRead);
  // every stored row is a loaded row or a refund entry
  const [t] = await rows(conn, 'SELECT count(*) AS n, count(*) FILTER (WHERE is_refund) AS refunds FROM transactions');
  const [l] = await rows(conn, 'SELECT sum(rows_loaded) AS loaded, sum(refunds) AS refunds FROM loads');
  expect(t).toEqual({ n: Number(l!['loaded']) + Number(l!['refunds']), refunds: Number(l!['refunds']) });
  return s;
}

/** Net revenue, purchase orders and customers per currency, as the analysis counts them. */
const perCurrency = (conn: Conn) =>
  rows(conn, `SELECT currency, round(sum(amount), 2) AS net, count(DISTINCT order_id) FILTER (WHERE NOT is_return) AS orders,
    count(DISTINCT customer_id) AS customers FROM transactions GROUP BY currency ORDER BY currency`);

describe('shop fixtures', () => {
  it('are what fixtures/shop/build.ts writes from its order lists', () => {
    for (const [name, text] of Object.entries(shopFixtures())) expect(readFileSync(SHOP(name), 'utf8'), name).toBe(text);
  });
});

describe('Shopify orders export', () => {
  // By hand from fixtures/shop/orders.ts, export 1: 12 orders on 14 lines (#1012 and #1010 have
  // two). Voided #1007, pending #1006 and authorised #1005 took no money; #1003 is a zero-total
  // exchange: 4 lines excluded. #1004 has no e-mail: quarantined, 75 of revenue. 9 lines load.
  // USD: 1250 + 100 + 40 + 30 + 60 + 20 = 1500 bought, refunds 25 (#1010) + 30 (#1008) + 25
  // (#1001, more than its total of 20) = 80: net 1420 over 6 orders; CAD: #1011, 80.
  it('is recognised from its header and counts each order once, net of refunds', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [EXPORT_1]);
      expect(s.files[0]!.preset).toEqual({ name: 'shopify', how: 'recognised from the header' });
      expect(s).toMatchObject({
        rows_read: 14, loaded: 9, duplicates: 0, excluded: 4, quarantined: 1, refunds: 3, refunded_amount: 80, no_customer_revenue: 75,
        excluded_reasons: { 'status voided': 1, 'status pending': 1, 'status authorized': 1, 'zero-total order': 1 },
        quarantine_reasons: { 'missing customer_id': 1 },
      });
      expect(await perCurrency(conn)).toEqual([
        { currency: 'CAD', net: 80, orders: 1, customers: 1 },
        { currency: 'USD', net: 1420, orders: 6, customers: 5 },
      ]);
    });
  });

  it('takes an order total once however many lines the order has, and keeps every line for its product', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [EXPORT_1]);
      expect(await rows(conn, `SELECT product_id, quantity, amount FROM transactions WHERE order_id = '#1012' ORDER BY source_line`)).toEqual([
        { product_id: 'DESK-1', quantity: 1, amount: 1250 },
        // no SKU: the line's name stands in, so two such lines stay two products
        { product_id: 'Cable tray', quantity: 2, amount: 0 },
      ]);
    });
  });

  it('stores a refund as a negative entry on the order, dated with it, never an order', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [EXPORT_1]);
      expect(await rows(conn, `SELECT order_id, amount, is_return, product_id, quantity, strftime(order_date, '%Y-%m-%d %H:%M') AS d
        FROM transactions WHERE is_refund ORDER BY order_id`)).toEqual([
        { order_id: '#1001', amount: -25, is_return: true, product_id: null, quantity: null, d: '2024-03-01 14:30' },
        { order_id: '#1008', amount: -30, is_return: true, product_id: null, quantity: null, d: '2024-03-08 17:00' },
        { order_id: '#1010', amount: -25, is_return: true, product_id: null, quantity: null, d: '2024-03-10 07:15' },
      ]);
    });
  });

  it('fills an order\'s lines with its first line\'s status and currency', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [EXPORT_1]);
      // #1010's second line has no Financial Status or Currency in the file
      expect(await rows(conn, `SELECT currency, channel, country FROM transactions WHERE order_id = '#1010' AND NOT is_refund ORDER BY source_line`)).toEqual([
        { currency: 'USD', channel: 'web', country: 'US' },
        { currency: 'USD', channel: 'web', country: 'US' },
      ]);
    });
  });

  it('reads offsets across the daylight-saving change as UTC instants', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [EXPORT_1]);
      const d = await rows(conn, `SELECT order_id, strftime(order_date, '%Y-%m-%d %H:%M') AS utc FROM transactions
        WHERE order_id IN ('#1009', '#1010') AND NOT is_refund GROUP BY ALL ORDER BY order_id`);
      // 23:30 -0500 on 9 March and 03:15 -0400 on 10 March (after the 2:00 switch)
      expect(d).toEqual([{ order_id: '#1009', utc: '2024-03-10 04:30' }, { order_id: '#1010', utc: '2024-03-10 07:15' }]);
    });
  });

  it('explains the rows it leaves out, line by line', async () => {
    await withTempDb(async (conn) => {
      await load(conn, [EXPORT_1]);
      const excluded = await rows(conn, `SELECT source_line, reason FROM excluded ORDER BY source_line`);
      // physical lines ≠ records: #1012's note holds a line break, so records are numbered
      expect(excluded.map((r) => String(r['reason']).split(': ')[0])).toEqual(['excluded status voided', 'excluded status pending', 'excluded status authorized', 'excluded zero-total order']);
      expect(String(excluded[3]!['reason'])).toContain('order #1003 has a total of 0');
      const q = await rows(conn, `SELECT reason, json_extract_string(raw, '$."Name"') AS name FROM quarantine`);
      expect(q).toEqual([{ reason: 'missing customer_id', name: '#1004' }]);
    });
  });

  // Export 2 repeats #1010–#1012 line for line, adds #1013 (55), and #1010 is now refunded in
  // full: its cumulative Refunded Amount went from 25 to 100, so 75 more. USD net 1420 + 55 − 75.
  it('counts every order once over overlapping split exports, in either order', async () => {
    for (const files of [[EXPORT_1, EXPORT_2], [EXPORT_2, EXPORT_1]]) {
      await withTempDb(async (conn) => {
        for (const f of files) await load(conn, [f]);
        expect(await perCurrency(conn), files.join(' then ')).toEqual([
          { currency: 'CAD', net: 80, orders: 1, customers: 1 },
          { currency: 'USD', net: 1400, orders: 7, customers: 6 },
        ]);
        expect(await rows(conn, `SELECT sum(amount) AS refunded FROM transactions WHERE is_refund AND order_id = '#1010'`)).toEqual([{ refunded: -100 }]);
      });
    }
  });

  it('takes the user\'s keys over the preset\'s, and --preset over recognition', async () => {
    await withTempDb(async (conn) => {
      // the user counts pending orders as bought and drops the refund column
      const mapping = parseMapping({ preset: 'shopify', columns: { refunded_amount: null }, statuses: { count: ['paid', 'partially_paid', 'partially_refunded', 'refunded', 'pending'], exclude: ['voided', 'authorized'] } }, 'm.json');
      const s = await load(conn, [EXPORT_1], { mapping });
      expect(s.files[0]!.preset).toEqual({ name: 'shopify', how: 'named' });
      expect(s).toMatchObject({ loaded: 10, excluded: 3, refunds: 0 });
      expect(await perCurrency(conn)).toContainEqual({ currency: 'USD', net: 1520, orders: 7, customers: 6 });
    });
  });

  it('quarantines a status the rules do not name, saying how to name it', async () => {
    await withTempDb(async (conn) => {
      const mapping = parseMapping({ preset: 'shopify', statuses: { count: ['paid'], exclude: ['voided'] } }, 'm.json');
      const s = await load(conn, [EXPORT_1], { mapping });
      expect(s.quarantine_reasons['unknown status']).toBe(7); // partially_refunded ×2 lines, refunded ×2, pending, authorized, partially_paid
      const [d] = await rows(conn, `SELECT detail FROM quarantine WHERE reason = 'unknown status' ORDER BY source_line LIMIT 1`);
      expect(String(d!['detail'])).toMatch(/status "partially_refunded" \(column Financial Status\) is neither counted \(paid\) nor excluded \(voided\); add it to "statuses"/);
    });
  });
});

describe('Stripe payments export', () => {
  // By hand: 8 charges. Failed ch_2 and uncaptured ch_6 are excluded; ch_8 has no customer (10).
  // USD bought 49 + 49 + 120 + 80 = 298, refunded 120 + 30: net 148; EUR 15 (cus_D, no e-mail).
  it('counts paid charges net of refunds and leaves out failed and uncaptured ones', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, [STRIPE]);
      expect(s.files[0]!.preset).toEqual({ name: 'stripe', how: 'recognised from the header' });
      expect(s).toMatchObject({
        rows_read: 8, loaded: 5, excluded: 2, quarantined: 1, refunds: 2, refunded_amount: 150, no_customer_revenue: 10,
        excluded_reasons: { 'status failed': 1, 'Captured = false': 1 },
      });
      expect(await perCurrency(conn)).toEqual([
        { currency: 'EUR', net: 15, orders: 1, customers: 1 },
        { currency: 'USD', net: 148, orders: 4, customers: 3 },
      ]);
      // e-mail first (case-folded), Stripe's customer id when there is none
      expect(await rows(conn, `SELECT DISTINCT customer_id FROM transactions ORDER BY 1`)).toEqual(
        ['a@shop.test', 'b@shop.test', 'c@shop.test', 'cus_D'].map((customer_id) => ({ customer_id })));
    });
  });
});

describe('a generic shop export with a refund column', () => {
  // By hand: 1250 + 40 + 60 + 20 = 1370 bought; refunds 40 (dated 10 April), 15 (on the order's
  // date, none given), 5 (written with a minus sign, dated 20 April): net 1310, 4 orders, 2 customers.
  it('recognises Refunded and Refund Date with no mapping and dates each refund as the export says', async () => {
    await withTempDb(async (conn) => {
      const s = await load(conn, ['fixtures/loader/shop-refunds.csv']);
      expect(s.files[0]!.preset).toBeUndefined();
      expect(s).toMatchObject({ rows_read: 4, loaded: 4, refunds: 3, refunded_amount: 60 });
      expect(await perCurrency(conn)).toEqual([{ currency: null, net: 1310, orders: 4, customers: 2 }]);
      expect(await rows(conn, `SELECT order_id, amount, strftime(order_date, '%Y-%m-%d') AS d FROM transactions WHERE is_refund ORDER BY order_id`)).toEqual([
        { order_id: '5002', amount: -40, d: '2024-04-10' },
        { order_id: '5003', amount: -15, d: '2024-04-05' },
        { order_id: '5004', amount: -5, d: '2024-04-20' },
      ]);
    });
  });
});

describe('declared exchange rates and relay addresses', () => {
  // The Shopify export with 1 CAD = 0.74 USD declared: #1011's 80 CAD is stored as 59.2 USD.
  it('converts only the currencies the mapping gives a rate for, and stores them in the target currency', async () => {
    await withTempDb(async (conn) => {
      const mapping = parseMapping({ preset: 'shopify', exchange_rates: { to: 'USD', rates: { CAD: 0.74 } } }, 'm.json');
      await load(conn, [EXPORT_1], { mapping });
      expect(await perCurrency(conn)).toEqual([{ currency: 'USD', net: 1479.2, orders: 7, customers: 5 }]);
      expect(await rows(conn, `SELECT amount, unit_price FROM transactions WHERE order_id = '#1011'`)).toEqual([{ amount: 59.2, unit_price: 29.6 }]);
    });
  });

  it('refuses a rate that is not a positive number, naming the key', () => {
    expect(() => parseMapping({ exchange_rates: { to: 'USD', rates: { CAD: 0 } } }, 'm.json')).toThrow(/m\.json: exchange_rates\.rates\.CAD must be a positive number/);
    expect(() => parseMapping({ exchange_rates: { rates: { CAD: 0.7 } } }, 'm.json')).toThrow(/needs "to" and "rates"/);
  });

  it('keeps relay addresses as customers and counts them', async () => {
    await withTempDb(async (conn, dir) => {
      const file = writeText(dir, 'relay.csv', [
        'Order Number,Customer Email,Order Date,Total',
        '1,x7k2@privaterelay.appleid.com,2024-01-02,10', '2,X7K2@privaterelay.appleid.com,2024-01-09,12',
        '3,buyer-9@marketplace.amazon.com,2024-01-03,20', '4,ann@example.com,2024-01-04,30',
        '5,zed@shop.relay.example,2024-01-05,5',
      ].join('\n') + '\n');
      const s = await load(conn, [file], { mapping: parseMapping({ columns: {}, identity: { relay_domains: ['relay.example'] } }, 'm.json') });
      expect(s).toMatchObject({ loaded: 5, relay_customers: 3 });
      expect(await rows(conn, 'SELECT count(DISTINCT customer_id) AS n FROM transactions')).toEqual([{ n: 4 }]);
    });
  });
});
