import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { DEFAULT_HOUSE_ACCOUNTS } from '../../src/house/config.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { parseMapping } from '../../src/load/mapping.js';
import { readDynamics } from '../../src/report/dynamics/readDynamics.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHouseAccounts } from '../../src/report/readTrust.js';
import { writeActionLists } from '../../src/report/actionLists.js';
import { crm } from '../helpers/cli.js';
import { rows, withTempDb, withTempDir } from '../helpers/db.js';

type Conn = Parameters<Parameters<typeof withTempDb>[0]>[0];
const MAPPING = parseMapping({ columns: { customer_id: 'Customer ID', order_id: 'Order Number', order_date: 'Order Date', amount: 'Total' } }, 'house.json');
const MARKET = 'orders@marketplace.example';

async function loadFixture(conn: Conn, name: string) {
  return loadFiles(conn, [`fixtures/house/${name}`], { mapping: MAPPING, mappingSource: 'house.json' });
}

const houseRows = (conn: Conn, run: number) => rows(conn, `SELECT customer_id, orders, revenue, order_share, revenue_share, reason, kept_in_models FROM house_accounts WHERE run_id = ${run} ORDER BY customer_id`);
const fits = (conn: Conn, run: number) => rows(conn, `SELECT model, n_customers FROM model_fits WHERE run_id = ${run} ORDER BY model`);

describe('house accounts at analysis', () => {
  // By hand (fixtures/house/marketplace.csv): 40 shoppers × 2 orders × 50.00 and the marketplace
  // operator's 120 orders × 30.00: 41 customers, 200 orders, 7,600 net. The operator holds
  // 120/200 = 60% of orders and 3,600/7,600 of revenue; the bar on 41 customers is 10/41 = 24.4%,
  // the next customer holds 1% of orders: flagged on both measures.
  it('flags a marketplace operator holding most orders, leaves it out of the fits and the top customers', async () => {
    await withTempDb(async (conn) => {
      await loadFixture(conn, 'marketplace.csv');
      const { runId, notes } = await analyze(conn);
      expect(await houseRows(conn, runId)).toEqual([
        { customer_id: MARKET, orders: 120, revenue: 3600, order_share: 0.6, revenue_share: 3600 / 7600, reason: 'orders and revenue', kept_in_models: false },
      ]);
      const scores = await rows(conn, `SELECT customer_id, segment, house_account FROM customer_scores WHERE run_id = ${runId} AND (house_account OR segment = 'House account')`);
      expect(scores).toEqual([{ customer_id: MARKET, segment: 'House account', house_account: true }]);
      expect(await rows(conn, `SELECT count(*) AS n FROM customer_scores WHERE run_id = ${runId} AND house_account = false`)).toEqual([{ n: 40 }]);
      // fitted on the 40 shoppers; the Gamma-Gamma on the repeat buyers among them (all 40)
      expect(await fits(conn, runId)).toEqual([
        // 40 customers are too few for model selection, so the default MBG/NBD is fitted (README "Model selection")
        { model: 'gammagamma', n_customers: 40 }, { model: 'mbgnbd', n_customers: 40 },
      ]);
      // still scored by the models fitted without it
      const scored = await rows(conn, `SELECT p_alive IS NOT NULL AS scored FROM customer_scores WHERE run_id = ${runId} AND customer_id = '${MARKET}'`);
      expect(scored).toEqual([{ scored: true }]);
      // the biggest spender by far, yet not the report's top customer
      const top = (await readDynamics(conn, runId))!.topCustomers.map((c) => c.customerId);
      expect(top.length).toBeGreaterThan(0);
      expect(top).not.toContain(MARKET);
      expect(notes.join('\n')).toContain(`house accounts: ${MARKET} (60.0% of orders, 47.4% of revenue); left out of the model fits and clusters`);
      const config = await rows(conn, `SELECT config::VARCHAR AS c FROM run_config WHERE run_id = ${runId} AND section = 'houseAccounts'`);
      expect(JSON.parse(String(config[0]!['c']))).toEqual(DEFAULT_HOUSE_ACCOUNTS);
    });
  });

  it('keeps it in the fits with keepInModels, still named and given its segment', async () => {
    await withTempDb(async (conn) => {
      await loadFixture(conn, 'marketplace.csv');
      const { runId } = await analyze(conn, { houseAccounts: { ...DEFAULT_HOUSE_ACCOUNTS, keepInModels: true } });
      expect((await houseRows(conn, runId)).map((h) => [h['customer_id'], h['kept_in_models']])).toEqual([[MARKET, true]]);
      expect((await fits(conn, runId)).map((f) => f['n_customers'])).toEqual([41, 41]);
      expect(await rows(conn, `SELECT segment FROM customer_scores WHERE run_id = ${runId} AND house_account`)).toEqual([{ segment: 'House account' }]);
    });
  });

  // By hand (fixtures/house/big-buyer.csv): bigbuyer 10 × 300 = 3,000 of 10,010 net (30.0%, over the
  // bar of 10/40 = 25%) but c01 holds 1,500 (15.0%): only 2× the next, not 3×. Orders: 10 of 91.
  it('does not flag a big but plausible customer', async () => {
    await withTempDb(async (conn) => {
      await loadFixture(conn, 'big-buyer.csv');
      const { runId } = await analyze(conn);
      expect(await houseRows(conn, runId)).toEqual([]);
      expect(await rows(conn, `SELECT count(*) AS n FROM customer_scores WHERE run_id = ${runId} AND house_account`)).toEqual([{ n: 0 }]);
      expect((await fits(conn, runId)).map((f) => f['n_customers'])).toEqual([40, 40]);
    });
  });

  it('always flags a declared id, whatever its share', async () => {
    await withTempDb(async (conn) => {
      await loadFixture(conn, 'big-buyer.csv');
      const { runId } = await analyze(conn, { houseAccounts: { ...DEFAULT_HOUSE_ACCOUNTS, ids: ['c07'] } });
      // c07: 2 × 72.50 of 10,010; 2 of 91 orders
      expect(await houseRows(conn, runId)).toEqual([
        { customer_id: 'c07', orders: 2, revenue: 145, order_share: 2 / 91, revenue_share: 145 / 10010, reason: 'declared', kept_in_models: false },
      ]);
      expect((await readHouseAccounts(conn, runId))!.map((h) => h.customerId)).toEqual(['c07']);
      // a run made before the house step stored no settings: the report says nothing either way
      await conn.run(`DELETE FROM run_config WHERE run_id = ${runId} AND section = 'houseAccounts'`);
      expect(await readHouseAccounts(conn, runId)).toBeNull();
    });
  });

  it('leaves it out of the worth-saving and win-back lists, keeps it in the segment list', async () => {
    await withTempDb(async (conn, dir) => {
      await loadFixture(conn, 'marketplace.csv');
      const { runId } = await analyze(conn);
      // make every customer one to save and to win back, so only the house rule can keep it off
      await conn.run(`UPDATE customer_scores SET churn_band = 'high', value_tier = 'top', state = 'lapsed' WHERE run_id = ${runId}`);
      const lists = await writeActionLists(conn, runId, dir);
      const ids = (kind: string) => {
        const file = lists.find((l) => l.kind === kind)!.file;
        return readFileSync(join(dir, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[kind === 'worthSaving' ? 1 : 0]);
      };
      expect(ids('worthSaving')).toHaveLength(40);
      expect(ids('worthSaving')).not.toContain(MARKET);
      expect(ids('winBack')).toHaveLength(40);
      expect(ids('winBack')).not.toContain(MARKET);
      expect(ids('segments')).toHaveLength(41);
      expect(ids('segments')).toContain(MARKET);
    });
  });

  // CDNOW sample (2,357 customers): the bar is 5%; its biggest customers hold 0.7% of the orders and
  // 2.7% of the revenue, so an ordinary retail base flags nobody.
  it('flags nobody in CDNOW', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const load = await crm('load', 'fixtures/cdnow/CDNOW_sample.txt', '--mapping', 'fixtures/cdnow/mapping-sample.json', '--json', '--db', db);
      expect(JSON.parse(load.out).house_accounts).toEqual([]);
      expect((await crm('analyze', '--db', db)).code).toBe(0);
      const q = await crm('query', 'SELECT count(*) AS n FROM house_accounts', '--format', 'json', '--db', db);
      expect(JSON.parse(q.out)).toEqual([{ n: 0 }]);
    });
  });
});
