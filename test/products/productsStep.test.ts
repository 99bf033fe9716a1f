import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { productsStep } from '../../src/analyze/productsStep.js';
import type { StepContext } from '../../src/analyze/step.js';
import { DEFAULT_PRODUCTS } from '../../src/products/config.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING } from '../../src/load/mapping.js';
import { writeActionLists } from '../../src/report/actionLists.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rows, withTempDb, writeText } from '../helpers/db.js';
import { AS_OF, PRICES, customerItems, handWorkedCsv } from './handWorked.js';

type Conn = Parameters<Parameters<typeof withTempDb>[0]>[0];

async function runOnFixture<T>(fn: (conn: Conn, runId: number, dir: string) => Promise<T>): Promise<T> {
  return withTempDb(async (conn, dir) => {
    await loadFiles(conn, [writeText(dir, 'log.csv', handWorkedCsv())], { mapping: EMPTY_MAPPING, mappingSource: 'test' });
    const { runId } = await analyze(conn, { asOf: AS_OF });
    return fn(conn, runId, dir);
  });
}

const CATEGORIES = ['Books', 'Garden', 'Kitchen', 'Toys'];

describe('products step on the hand-worked log (test/products/handWorked.ts)', () => {
  it('counts the whole base as worked out by hand, revenue from quantity × unit_price', async () => {
    await runOnFixture(async (conn, runId) => {
      const mix = await rows(conn, `SELECT item, item_name, item_kind, customers, group_customers, customer_share, revenue, revenue_share, customer_lift
        FROM product_mix WHERE run_id = ${runId} AND group_kind = 'all' ORDER BY item`);
      const buyers: Record<string, number> = { Books: 10, Garden: 16, Kitchen: 13, Toys: 8 };
      const revenue = Object.fromEntries(CATEGORIES.map((c) => [c, buyers[c]! * PRICES[c]!]));
      const total = Object.values(revenue).reduce((a, b) => a + b, 0); // 80 + 320 + 130 + 40 = 570
      expect(total).toBe(570);
      expect(mix).toEqual(CATEGORIES.map((item) => ({
        item, item_name: item, item_kind: 'category', customers: buyers[item], group_customers: 23, customer_share: buyers[item]! / 23,
        revenue: revenue[item], revenue_share: revenue[item]! / total, customer_lift: 1,
      })));
    });
  });

  it('gives each segment its shares and lifts, recounted from the fixture and the run’s segments', async () => {
    await runOnFixture(async (conn, runId) => {
      const segOf = new Map((await rows(conn, `SELECT customer_id, segment FROM customer_scores WHERE run_id = ${runId}`)).map((r) => [r['customer_id'] as string, r['segment'] as string]));
      const items = customerItems();
      const mix = await rows(conn, `SELECT group_value, item, customers, group_customers, customer_share, customer_lift, revenue_share
        FROM product_mix WHERE run_id = ${runId} AND group_kind = 'segment'`);
      expect(mix.length).toBeGreaterThan(0);
      for (const m of mix) {
        const members = [...items].filter(([id]) => segOf.get(id) === m['group_value']);
        const buying = members.filter(([, set]) => set.has(m['item'] as string)).length;
        const base = [...items.values()].filter((s) => s.has(m['item'] as string)).length / items.size;
        const spend = (set: Set<string>, only?: string) => [...set].filter((i) => only === undefined || i === only).reduce((s, i) => s + PRICES[i]!, 0);
        const groupSpend = members.reduce((s, [, set]) => s + spend(set), 0);
        expect(m['customers']).toBe(buying);
        expect(m['group_customers']).toBe(members.length);
        expect(m['customer_share']).toBeCloseTo(buying / members.length, 12);
        expect(m['customer_lift']).toBeCloseTo(buying / members.length / base, 12);
        expect(m['revenue_share']).toBeCloseTo(members.reduce((s, [, set]) => s + spend(set, m['item'] as string), 0) / groupSpend, 12);
      }
    });
  });

  it('computes support, confidence and lift of every kept rule exactly, per customer and per order', async () => {
    await runOnFixture(async (conn, runId) => {
      const pairs = await rows(conn, `SELECT scope, antecedent, consequent, baskets, antecedent_count, consequent_count, both_count, support, confidence, lift, min_count
        FROM product_pairs WHERE run_id = ${runId} ORDER BY scope, antecedent, consequent`);
      const rule = (scope: string, a: string, c: string, baskets: number, na: number, nc: number, both: number) => ({
        scope, antecedent: a, consequent: c, baskets, antecedent_count: na, consequent_count: nc, both_count: both,
        support: both / baskets, confidence: both / na, lift: (both * baskets) / (na * nc), min_count: 5,
      });
      // customer baskets: 23. Garden & Books (6 both) has lift 6·23/(16·10) = 0.8625 < 1: dropped
      // order baskets: 30. Kitchen & Toys share only 2 orders (< min_count 5); Garden & Books lift 0.9375
      expect(pairs).toEqual([
        rule('customer', 'Garden', 'Kitchen', 23, 16, 13, 10),
        rule('customer', 'Garden', 'Toys', 23, 16, 8, 6),
        rule('customer', 'Kitchen', 'Garden', 23, 13, 16, 10),
        rule('customer', 'Kitchen', 'Toys', 23, 13, 8, 8),
        rule('customer', 'Toys', 'Garden', 23, 8, 16, 6),
        rule('customer', 'Toys', 'Kitchen', 23, 8, 13, 8),
        rule('order', 'Garden', 'Kitchen', 30, 16, 13, 10),
        rule('order', 'Kitchen', 'Garden', 30, 13, 16, 10),
      ]);
      expect(pairs[3]!['lift']).toBeCloseTo(23 / 13, 12);
    });
  });

  it('counts the same rules and offers by self-join (more than 64 items) as by bit masks', async () => {
    await runOnFixture(async (conn, runId) => {
      const read = async () => ({
        pairs: await rows(conn, `SELECT * FROM product_pairs WHERE run_id = ${runId} ORDER BY scope, antecedent, consequent`),
        offers: await rows(conn, `SELECT * FROM product_offers WHERE run_id = ${runId} ORDER BY customer_id`),
      });
      const masks = await read();
      expect(masks.pairs.length).toBe(8);
      expect(new Set(masks.offers.map((o) => o['basis']))).toEqual(new Set(['pair', 'segment']));
      for (const t of ['product_pairs', 'product_mix', 'product_offers', 'product_excluded', 'product_weekly', 'run_config']) {
        await conn.run(`DELETE FROM ${t} WHERE run_id = ${runId}${t === 'run_config' ? " AND section = 'products'" : ''}`);
      }
      const ctx = { conn, runId, asOf: AS_OF, currency: { filter: '*' }, notes: [] } as unknown as StepContext;
      await productsStep({ ...DEFAULT_PRODUCTS, maxMaskItems: 0 }).run(ctx);
      expect(await read()).toEqual(masks);
    });
  });

  it('offers each lapsed customer the best item not bought, with the reason', async () => {
    await runOnFixture(async (conn, runId) => {
      const offers = await rows(conn, `SELECT customer_id, offer, basis, because, share, lift, reason FROM product_offers WHERE run_id = ${runId} ORDER BY customer_id`);
      const byId = new Map(offers.map((o) => [o['customer_id'], o]));
      // L1 bought Kitchen: Kitchen → Garden (10/13) beats Kitchen → Toys (8/13)
      expect(byId.get('L1')).toMatchObject({ offer: 'Garden', basis: 'pair', because: 'Kitchen', share: 10 / 13, reason: 'bought Kitchen; 77% of customers who bought Kitchen also bought Garden' });
      // L2 bought Garden and Books: Garden → Kitchen (10/16 = 62.5%, rounded half away from zero) beats Garden → Toys (6/16)
      expect(byId.get('L2')).toMatchObject({ offer: 'Kitchen', basis: 'pair', because: 'Garden', share: 10 / 16, reason: 'bought Garden; 63% of customers who bought Garden also bought Kitchen' });
      // L3 bought only Books, which starts no rule: the item most bought in L3's segment
      const seg = (await rows(conn, `SELECT segment FROM customer_scores WHERE run_id = ${runId} AND customer_id = 'L3'`))[0]!['segment'] as string;
      const segOf = new Map((await rows(conn, `SELECT customer_id, segment FROM customer_scores WHERE run_id = ${runId}`)).map((r) => [r['customer_id'], r['segment']]));
      const members = [...customerItems()].filter(([id]) => segOf.get(id) === seg);
      const share = (c: string) => members.filter(([, s]) => s.has(c)).length / members.length;
      const best = ['Garden', 'Kitchen', 'Toys'].filter((c) => share(c) > 0).sort((a, b) => share(b) - share(a) || a.localeCompare(b))[0];
      expect(best).toBeDefined();
      expect(byId.get('L3')).toMatchObject({ offer: best, basis: 'segment', because: seg, share: share(best!) });
      expect(byId.get('L3')!['reason']).toMatch(new RegExp(`^${Math.round(share(best!) * 100)}% of ${seg} customers bought ${best}`));
      // offers go to exactly the customers at high churn risk or lapsing/lapsed who have something left to buy
      const targets = await rows(conn, `SELECT customer_id FROM customer_scores WHERE run_id = ${runId} AND (churn_band = 'high' OR state IN ('lapsing', 'lapsed')) ORDER BY customer_id`);
      const left = targets.map((t) => t['customer_id'] as string).filter((id) => customerItems().get(id)!.size < 4);
      expect(offers.map((o) => o['customer_id'])).toEqual(left);
      for (const o of offers) expect(customerItems().get(o['customer_id'] as string)!.has(o['offer'] as string)).toBe(false);
    });
  });

  it('adds the offer and its reason to win-back.csv', async () => {
    await runOnFixture(async (conn, runId, dir) => {
      await writeActionLists(conn, runId, dir);
      const lines = readFileSync(join(dir, 'win-back.csv'), 'utf8').split('\r\n');
      expect(lines[0]).toMatch(/,"?next_best_offer"?,"?offer_reason"?$/);
      const l1 = lines.find((l) => l.startsWith('"L1"') || l.startsWith('L1,'));
      expect(l1).toMatch(/,"?Garden"?,"?bought Kitchen; 77% of customers who bought Kitchen also bought Garden"?$/);
    });
  });

  it('never counts postage, fees or manual lines as products, and lists them', async () => {
    await runOnFixture(async (conn, runId) => {
      const seen = await rows(conn, `SELECT item FROM product_mix WHERE run_id = ${runId} UNION SELECT antecedent FROM product_pairs WHERE run_id = ${runId}
        UNION SELECT consequent FROM product_pairs WHERE run_id = ${runId} UNION SELECT offer FROM product_offers WHERE run_id = ${runId} UNION SELECT item FROM product_weekly WHERE run_id = ${runId} ORDER BY 1`);
      expect(seen.map((r) => r['item'])).toEqual(CATEGORIES);
      const excluded = await rows(conn, `SELECT product_id, lines FROM product_excluded WHERE run_id = ${runId} ORDER BY product_id`);
      // 30 orders, one fee line each, in turn POST, DOT, BANK CHARGES, M: 8, 8, 7, 7
      expect(excluded).toEqual([{ product_id: 'BANK CHARGES', lines: 7 }, { product_id: 'DOT', lines: 8 }, { product_id: 'M', lines: 7 }, { product_id: 'POST', lines: 8 }]);
    });
  });
});
