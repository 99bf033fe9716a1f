import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindParams } from '../../src/query/named/bindParams.js';
import { findNamedQuery } from '../../src/query/named/findNamedQuery.js';
import { runQuery } from '../../src/query/runQuery.js';
import { writeActionLists } from '../../src/report/actionLists.js';
import { toCsvDocument } from '../../src/report/csv.js';
import { withDatabase } from '../../src/store/database.js';
import { crm } from '../helpers/cli.js';

// DuckDB writes the action lists itself (COPY, cells formatted in SQL). Each file must be exactly
// what the JS CSV writer (csv.ts) makes of the same rows: same order, quoting and formula escaping.
// worth-saving.csv is the named query worth-saving exactly as `crm query worth-saving` runs it.
const NAMED = { 'worth-saving.csv': 'worth-saving' };
const REFERENCE = {
  'win-back.csv': `SELECT customer_id, state, segment, round(historic_value, 2) AS historic_value, round(monetary, 2) AS net_spend, frequency AS orders,
      last_order::DATE::VARCHAR AS last_order, recency_days, round(clv_12m, 2) AS clv_12m, round(churn_risk, 4) AS churn_risk,
      coalesce(churn_reason, 'last order ' || recency_days || ' days ago; ' || frequency || ' orders') AS reason,
      (SELECT offer_name FROM product_offers o WHERE o.run_id = s.run_id AND o.customer_id = s.customer_id) AS next_best_offer,
      (SELECT reason FROM product_offers o WHERE o.run_id = s.run_id AND o.customer_id = s.customer_id) AS offer_reason
    FROM customer_scores s WHERE run_id = $run AND state IN ('lapsed', 'lapsing')
    ORDER BY coalesce(historic_value, monetary) DESC, customer_id LIMIT 1000`,
  'segments.csv': `SELECT s.customer_id, s.segment, s.state, s.lifecycle_stage, s.cluster, p.name AS cluster_name, p.action AS cluster_action,
      s.cluster_set_aside, round(s.clv_12m, 2) AS clv_12m
    FROM customer_scores s LEFT JOIN cluster_profiles p ON p.run_id = s.run_id AND p.cluster = s.cluster
    WHERE s.run_id = $run ORDER BY s.customer_id`,
};

// Hostile ids (formulas, quotes, markup) and the bundled sample (every list non-empty).
const DATASETS = {
  hostile: ['fixtures/report/hostile-ids.csv', 'fixtures/report/hostile-ids.json'],
  sample: ['fixtures/sample/transactions.csv', 'fixtures/sample/mapping.json'],
} as const;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-lists-'));
  for (const [name, [file, mapping]] of Object.entries(DATASETS)) {
    const db = join(dir, `${name}.duckdb`);
    const load = await crm('load', file, '--mapping', mapping, '--db', db);
    expect(load.code, load.err).toBe(0);
    expect((await crm('analyze', '--db', db)).code).toBe(0);
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('action lists written by DuckDB', () => {
  it.each(Object.keys(DATASETS))('equal the JS CSV writer byte for byte, with row counts (%s)', async (name) => {
    const out = join(dir, name);
    mkdirSync(out);
    await withDatabase(join(dir, `${name}.duckdb`), {}, async (conn) => {
      const lists = await writeActionLists(conn, 1, out);
      const named = Object.entries(NAMED).map(([file, name]) => {
        const q = findNamedQuery(name);
        return [file, q.sql, bindParams(q, [['run', '1'], ['limit', '1000']])] as const;
      });
      const plain = Object.entries(REFERENCE).map(([file, sql]) => [file, sql, { values: { run: 1 }, types: undefined }] as const);
      for (const [file, sql, bound] of [...named, ...plain]) {
        const { columns, rows } = await runQuery(conn, sql, bound.values, bound.types);
        const cells = rows.map((r) => r.map((v) => (v === null || typeof v !== 'object' ? v : JSON.stringify(v))));
        expect(readFileSync(join(out, file), 'utf8'), file).toBe(toCsvDocument(columns, cells as (string | number | null)[][]));
        expect(lists.find((l) => l.file === file)!.rows).toBe(rows.length);
        if (name === 'sample') expect(rows.length, file).toBeGreaterThan(0);
      }
    });
  });
});
