import type { Migration } from './types.js';

export const migration: Migration = {
  version: 12,
  name: 'currency of every transaction',
  sql: `
      -- The ISO 4217 code of a row's amount: from the row's currency column, else the mapping's
      -- "currency", else the load's --currency. NULL means not known: rows loaded before this
      -- migration, or loaded with no currency declared. An analysis run reads one currency only.
      ALTER TABLE transactions ADD COLUMN currency VARCHAR;
    `,
};
