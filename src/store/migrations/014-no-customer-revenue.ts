import type { Migration } from './types.js';

export const migration: Migration = {
  version: 14,
  name: 'revenue of rows with no customer, per load',
  sql: `
      -- Orders with no customer id (marketplace orders, blank e-mails) are quarantined as
      -- "missing customer_id"; their net amount is kept here so a report can say what share of
      -- revenue came from them. In the file's amounts as written (not converted); NULL for loads
      -- made before this migration.
      ALTER TABLE loads ADD COLUMN no_customer_revenue DOUBLE;
    `,
};
