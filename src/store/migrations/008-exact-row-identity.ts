import type { Migration } from './types.js';

export const migration: Migration = {
  version: 8,
  name: 'exact row identity: occurrence column instead of a 128-bit row_key hash',
  sql: `
      -- A row's identity stays its canonical content plus which occurrence of that content it is in
      -- its file, but is now compared field by field against the stored columns: exact (no hash
      -- collision can drop a row), and 16 incompressible bytes per row lighter to write.
      ALTER TABLE transactions DROP COLUMN row_key;
      DROP MACRO crm_row_key;
      ALTER TABLE transactions ADD COLUMN occurrence INTEGER DEFAULT 1;
      UPDATE transactions SET occurrence = k.occ
      FROM (
        SELECT rowid AS rid, row_number() OVER (PARTITION BY load_id, customer_id, order_id, order_date, product_id, quantity, amount
                                                ORDER BY source_line) AS occ
        FROM transactions
      ) k
      WHERE transactions.rowid = k.rid AND k.occ > 1;
    `,
};
