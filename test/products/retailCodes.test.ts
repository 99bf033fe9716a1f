import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { parseMapping } from '../../src/load/mapping.js';
import { NON_PRODUCT_CODES } from '../../src/products/config.js';
import { rows, withTempDb, writeText } from '../helpers/db.js';

/**
 * The Online Retail-shaped fixture (fixtures/loader/retail.csv: stock codes, no category) loaded
 * WITHOUT the mapping's exclude.product_ids, so its POST line reaches transactions, plus lines of
 * the other non-product codes real logs carry (DOT, BANK CHARGES, C2, AMAZONFEE), lower case too.
 */
const EXTRA = `536390,DOT,DOTCOM POSTAGE,1,2024-12-06 10:00,11.50,17850,United Kingdom
536390,85123A,WHITE HANGING HEART,2,2024-12-06 10:00,2.55,17850,United Kingdom
536391,BANK CHARGES,Bank Charges,1,2024-12-06 11:00,15.00,12583,France
536391,c2,CARRIAGE,1,2024-12-06 11:00,50.00,12583,France
536391,AMAZONFEE,AMAZON FEE,1,2024-12-06 11:00,1.00,12583,France
536391,71053,WHITE METAL LANTERN,1,2024-12-06 11:00,3.39,12583,France
`;

describe('products on the Online Retail-shaped fixture', () => {
  it('falls back to products (no category) and never counts a non-product code as one', async () => {
    await withTempDb(async (conn, dir) => {
      const json = JSON.parse(readFileSync('fixtures/loader/retail.json', 'utf8')) as Record<string, unknown>;
      delete json['exclude'];
      const mapping = parseMapping(json, 'retail.json');
      const csv = readFileSync('fixtures/loader/retail.csv', 'utf8');
      await loadFiles(conn, [writeText(dir, 'retail.csv', csv.endsWith('\n') ? csv + EXTRA : `${csv}\n${EXTRA}`)], { mapping, mappingSource: 'retail.json' });
      const loaded = await rows(conn, `SELECT DISTINCT upper(product_id) AS code FROM transactions ORDER BY 1`);
      // the codes did reach the transactions: the products step itself must leave them out
      expect(loaded.map((r) => r['code'])).toEqual(expect.arrayContaining(['POST', 'DOT', 'BANK CHARGES', 'C2', 'AMAZONFEE']));
      const { runId } = await analyze(conn, { asOf: '2024-12-31' });
      const kind = await rows(conn, `SELECT config->>'itemKind' AS kind FROM run_config WHERE run_id = ${runId} AND section = 'products'`);
      expect(kind).toEqual([{ kind: 'product' }]);
      const items = (await rows(conn, `SELECT item FROM product_mix WHERE run_id = ${runId} UNION SELECT antecedent FROM product_pairs WHERE run_id = ${runId}
        UNION SELECT consequent FROM product_pairs WHERE run_id = ${runId} UNION SELECT offer FROM product_offers WHERE run_id = ${runId}
        UNION SELECT item FROM product_weekly WHERE run_id = ${runId} ORDER BY 1`)).map((r) => String(r['item']));
      // 22633 (HAND WARMER) has only lines the loader quarantined (price 0, no customer, a 2099 date, quantity "three")
      expect(items).toEqual(['22423', '71053', '85123A']);
      for (const item of items) expect(NON_PRODUCT_CODES).not.toContain(item.toUpperCase());
      const excluded = await rows(conn, `SELECT product_id FROM product_excluded WHERE run_id = ${runId} ORDER BY 1`);
      expect(excluded.map((r) => r['product_id'])).toEqual(['AMAZONFEE', 'BANK CHARGES', 'DOT', 'POST', 'c2']);
      // product names come from the descriptions
      const names = await rows(conn, `SELECT item, item_name FROM product_mix WHERE run_id = ${runId} AND group_kind = 'all' ORDER BY item`);
      expect(names.find((n) => n['item'] === '85123A')?.['item_name']).toBe('WHITE HANGING HEART');
    });
  });
});
