import type { DuckDBConnection } from '@duckdb/node-api';
import { countItemFields, pickItemKind } from '../products/chooseItemKind.js';
import { DEFAULT_PRODUCTS, productsParams, type ProductsConfig } from '../products/config.js';
import { literal } from '../util/sql.js';
import { runPipelineSql } from './runPipelineSql.js';
import type { AnalysisStep, StepContext } from './step.js';

/** Temp tables of the step, dropped once its tables are written. */
const CLEANUP = ['product_baskets', 'basket_masks', 'basket_total', 'item_counts', 'pair_counts', 'item_ids', 'customer_items',
  'product_customers', 'product_house', 'item_names', 'product_codes_out'].map((t) => `DROP TABLE IF EXISTS ${t};`).join(' ') + ' DROP MACRO TABLE IF EXISTS product_lines;';

/**
 * What customers buy (README "Products and categories"), once the run's customer_scores rows
 * (segments, clusters, value tiers, churn bands, states) and weekly_trend are written: the mix per
 * group, cross-sell rules per customer and per order, next-best offers, the lines left out as no
 * product and revenue by item by week. All set-based, in queries/pipeline/products_*.sql; the
 * config used is stored in run_config 'products' with the item kind chosen.
 *
 * @example const step = productsStep({ ...DEFAULT_PRODUCTS, topProducts: 10 });
 */
export function productsStep(config: ProductsConfig = DEFAULT_PRODUCTS): AnalysisStep {
  return {
    name: 'products',
    async run(ctx: StepContext) {
      const { conn, runId, asOf, currency } = ctx;
      const kind = pickItemKind(await countItemFields(conn, asOf, currency.filter), config.minCategoryShare);
      await conn.run('INSERT INTO run_config VALUES ($run, $section, $config)', { run: runId, section: 'products', config: JSON.stringify({ ...config, itemKind: kind }) });
      if (kind === null) {
        ctx.notes.push('products skipped: no line carries a product id or a category');
        return;
      }
      await stageCodes(conn, config.nonProductCodes);
      const params = { ...productsParams(config), run: runId, as_of: asOf, currency: currency.filter, kind };
      try {
        await runPipelineSql(conn, 'products_excluded', params);
        await runPipelineSql(conn, 'products_items', params);
        await runPipelineSql(conn, 'products_mix', params);
        const items = Number((await conn.runAndReadAll('SELECT count(*) FROM item_names')).getRows()[0]![0]);
        // up to 64 items, baskets are bit masks: the same counts and offers, far fewer rows
        const masks = items <= Math.min(config.maxMaskItems, 64);
        for (const scope of ['customer', 'order']) {
          await runPipelineSql(conn, masks ? 'products_pairs_mask' : 'products_pairs_join', { ...params, scope });
          await runPipelineSql(conn, 'products_pairs', { ...params, scope });
        }
        await runPipelineSql(conn, masks ? 'products_offers_mask' : 'products_offers', params);
        await runPipelineSql(conn, 'products_weekly', params);
      } finally {
        await conn.run(CLEANUP);
      }
    },
  };
}

/** The non-product codes as a temp table (trimmed, upper case, as the SQL compares them). */
async function stageCodes(conn: DuckDBConnection, codes: readonly string[]): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE product_codes_out (code VARCHAR)');
  const values = [...new Set(codes.map((c) => c.trim().toUpperCase()))].map((c) => `(${literal(c)})`).join(', ');
  if (values !== '') await conn.run(`INSERT INTO product_codes_out VALUES ${values}`);
}
