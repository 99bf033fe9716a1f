import type { Migration } from './types.js';

export const migration: Migration = {
  version: 3,
  name: 'runs.notes: what a run wants its readers to know (fallbacks, exclusions)',
  sql: `ALTER TABLE runs ADD COLUMN notes JSON;`,
};
