import type { DuckDBConnection } from '@duckdb/node-api';
import type { ItemKind } from '../../products/chooseItemKind.js';
import { cellNumber as num, cellNumberOrNull as numOrNull, cellString as str, selectRows as select } from '../../query/selectRows.js';
import type { MixCell, PairRule, ProductsReport } from './types.js';

/** Rules shown (per scope), items in the weekly chart, share changes listed. */
export const SHOWN = { pairs: 12, weeklyItems: 6, changes: 5 };

/**
 * The products section of one run (product_mix, product_pairs, product_offers, product_excluded,
 * product_weekly; run_config 'products'); null when the run has none.
 *
 * @example const products = await readProducts(conn, runId, previousRunId);
 */
export async function readProducts(conn: DuckDBConnection, runId: number, previousRunId: number | null): Promise<ProductsReport | null> {
  const cfg = await select(conn, `SELECT config->>'itemKind' AS kind, (config->>'topProducts')::INTEGER AS top FROM run_config WHERE run_id = $run AND section = 'products'`, { run: runId });
  if (cfg.length === 0 || cfg[0]!['kind'] === null) return null;
  return {
    itemKind: str(cfg[0]!['kind']) as ItemKind,
    topProducts: num(cfg[0]!['top']),
    mix: await readMix(conn, runId),
    pairs: await readPairs(conn, runId),
    excluded: (await select(conn, `SELECT product_id, product_name, lines FROM product_excluded WHERE run_id = $run ORDER BY lines DESC, product_id`, { run: runId }))
      .map((r) => ({ code: str(r['product_id']), name: r['product_name'] === null ? null : str(r['product_name']), lines: num(r['lines']) })),
    loaderExcluded: (await select(conn, `SELECT regexp_extract(reason, 'product code (.+) is not a purchase', 1) AS code, count(*) AS lines
        FROM excluded WHERE reason LIKE 'excluded product code%' GROUP BY 1 ORDER BY lines DESC, code`)).map((r) => ({ code: str(r['code']), lines: num(r['lines']) })),
    offers: (await select(conn, `SELECT offer_name, basis, count(*) AS n FROM product_offers WHERE run_id = $run GROUP BY ALL ORDER BY n DESC, offer_name, basis LIMIT 10`, { run: runId }))
      .map((r) => ({ name: str(r['offer_name']), basis: str(r['basis']) as 'pair' | 'segment', customers: num(r['n']) })),
    changes: previousRunId === null ? [] : await readChanges(conn, runId, previousRunId),
    weekly: await readWeekly(conn, runId),
  };
}

async function readMix(conn: DuckDBConnection, runId: number): Promise<MixCell[]> {
  const rows = await select(conn, `SELECT * FROM product_mix WHERE run_id = $run ORDER BY group_kind, group_value, customer_share DESC, item`, { run: runId });
  return rows.map((r) => ({
    groupKind: str(r['group_kind']) as MixCell['groupKind'], group: str(r['group_value']), item: str(r['item']), name: str(r['item_name']),
    customers: num(r['customers']), groupCustomers: num(r['group_customers']), customerShare: num(r['customer_share']),
    revenueShare: numOrNull(r['revenue_share']), customerLift: numOrNull(r['customer_lift']),
  }));
}

/**
 * The strongest rules of each scope, by lift then confidence. A pair's two rules share support and
 * lift, so only its more confident direction is listed (product_pairs holds both).
 */
async function readPairs(conn: DuckDBConnection, runId: number): Promise<PairRule[]> {
  const rows = await select(
    conn,
    `WITH one AS (
       SELECT * FROM product_pairs WHERE run_id = $run
       QUALIFY row_number() OVER (PARTITION BY scope, least(antecedent, consequent), greatest(antecedent, consequent)
                                  ORDER BY confidence DESC, antecedent) = 1
     )
     SELECT * FROM one
     QUALIFY row_number() OVER (PARTITION BY scope ORDER BY lift DESC, confidence DESC, both_count DESC, antecedent_name, consequent_name) <= $n
     ORDER BY scope, lift DESC, confidence DESC, both_count DESC, antecedent_name, consequent_name`,
    { run: runId, n: SHOWN.pairs },
  );
  return rows.map((r) => ({
    scope: str(r['scope']) as PairRule['scope'], antecedent: str(r['antecedent_name']), consequent: str(r['consequent_name']), both: num(r['both_count']),
    baskets: num(r['baskets']), support: num(r['support']), confidence: num(r['confidence']), lift: num(r['lift']), minCount: num(r['min_count']),
  }));
}

/** Items whose share of product revenue moved most since the previous run (both runs' base rows). */
async function readChanges(conn: DuckDBConnection, runId: number, prev: number): Promise<ProductsReport['changes']> {
  const rows = await select(
    conn,
    `SELECT c.item_name AS name, c.revenue_share AS share, p.revenue_share AS previous
     FROM product_mix c JOIN product_mix p ON p.run_id = $prev AND p.group_kind = 'all' AND p.item = c.item AND p.item_kind = c.item_kind
     WHERE c.run_id = $run AND c.group_kind = 'all' AND c.revenue_share IS NOT NULL AND p.revenue_share IS NOT NULL
     ORDER BY abs(c.revenue_share - p.revenue_share) DESC, c.item_name LIMIT $n`,
    { run: runId, prev, n: SHOWN.changes },
  );
  return rows.map((r) => ({ name: str(r['name']), share: num(r['share']), previous: num(r['previous']) }));
}

/** Weekly revenue of the items with the most product revenue in the run's weeks. */
async function readWeekly(conn: DuckDBConnection, runId: number): Promise<ProductsReport['weekly']> {
  const rows = await select(
    conn,
    `WITH top AS (SELECT item FROM product_weekly WHERE run_id = $run GROUP BY item ORDER BY sum(revenue) DESC, item LIMIT $n)
     SELECT w.week_start::VARCHAR AS week, n.item_name AS name, w.revenue
     FROM product_weekly w SEMI JOIN top USING (item)
     JOIN product_mix n ON n.run_id = w.run_id AND n.group_kind = 'all' AND n.item = w.item
     WHERE w.run_id = $run ORDER BY week, name`,
    { run: runId, n: SHOWN.weeklyItems },
  );
  return rows.map((r) => ({ weekStart: str(r['week']), name: str(r['name']), revenue: num(r['revenue']) }));
}
