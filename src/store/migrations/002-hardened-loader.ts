import type { Migration } from './types.js';

export const migration: Migration = {
  version: 2,
  name: 'hardened loader: row identity, sources, excluded lines, detected formats, return rate',
  sql: `
      -- A row's identity: its canonical content plus which occurrence of that content it is in its
      -- file, so overlapping exports never double count while repeated lines in one file survive.
      -- Two 64-bit hashes of the fields in opposite orders make a 128-bit key (md5 is 4× slower).
      CREATE MACRO crm_row_key(customer_id, order_id, order_date, product_id, quantity, amount, occurrence) AS
        (hash(customer_id, order_id, order_date, product_id, quantity, amount, occurrence)::UHUGEINT << 64)
        | hash(occurrence, amount, quantity, product_id, order_date, order_id, customer_id)::UHUGEINT;
      ALTER TABLE transactions ADD COLUMN source VARCHAR;
      ALTER TABLE transactions ADD COLUMN row_key UHUGEINT;
      UPDATE transactions SET row_key = k.key
      FROM (
        SELECT rowid AS rid, crm_row_key(customer_id, order_id, order_date, product_id, quantity, amount,
          row_number() OVER (PARTITION BY load_id, customer_id, order_id, order_date, product_id, quantity, amount
                             ORDER BY source_line)) AS key
        FROM transactions
      ) k
      WHERE transactions.rowid = k.rid;
      CREATE TABLE excluded (
        load_id INTEGER NOT NULL,
        source_file VARCHAR NOT NULL,
        source_line BIGINT NOT NULL,
        reason VARCHAR NOT NULL,
        raw JSON NOT NULL
      );
      ALTER TABLE loads ADD COLUMN detected JSON;
      ALTER TABLE loads ADD COLUMN duplicate_lines_kept BIGINT DEFAULT 0;
      ALTER TABLE customer_scores ADD COLUMN return_rate DOUBLE;
    `,
};
