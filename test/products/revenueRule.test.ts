import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { loadFiles } from '../../src/load/loadFiles.js';
import { EMPTY_MAPPING } from '../../src/load/mapping.js';
import { rows, withTempDb, writeText } from '../helpers/db.js';

/**
 * Line revenue (docs/products.md): quantity × unit_price, returns negative, the order's total on
 * its first line ignored. A bought Kitchen ×2 at 10 and Garden ×1 at 5 in one order whose first
 * line carries the total with shipping (27), then returned one Kitchen; B bought Garden ×1 at 5
 * and returned a Toys item it never bought here.
 *   Kitchen: 1 buyer, 20 − 10 = 10    Garden: 2 buyers, 5 + 5 = 10    Toys: no buyer, −3
 */
const LOG = `customer_id,order_id,order_date,category,quantity,unit_price,amount
A,a1,2024-06-01,Kitchen,2,10,27
A,a1,2024-06-01,Garden,1,5,0
A,r1,2024-06-10,Kitchen,-1,10,-10
B,b1,2024-06-02,Garden,1,5,5
B,r2,2024-06-11,Toys,-1,3,-3
`;

describe('product revenue of a line', () => {
  it('is quantity × unit_price, net of returns; a return alone is no purchase', async () => {
    await withTempDb(async (conn, dir) => {
      await loadFiles(conn, [writeText(dir, 'log.csv', LOG)], { mapping: EMPTY_MAPPING, mappingSource: 'test' });
      const { runId } = await analyze(conn, { asOf: '2024-06-30' });
      const mix = await rows(conn, `SELECT item, customers, revenue, revenue_share FROM product_mix WHERE run_id = ${runId} AND group_kind = 'all' ORDER BY item`);
      // Toys has no buyer, so it is not in the mix; its −3 still counts in the revenue it shares: 10 + 10 − 3 = 17
      expect(mix).toEqual([
        { item: 'Garden', customers: 2, revenue: 10, revenue_share: 10 / 17 },
        { item: 'Kitchen', customers: 1, revenue: 10, revenue_share: 10 / 17 },
      ]);
    });
  });
});
