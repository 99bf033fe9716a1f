import type { Migration } from './types.js';

export const migration: Migration = {
  version: 6,
  name: 'run history: trigger (schedule | manual), per-step timings and row counts; as_of unknown for runs that fail before analysis',
  sql: `
      ALTER TABLE runs ADD COLUMN trigger VARCHAR DEFAULT 'manual'; -- 'schedule' | 'manual'
      -- {"load": {"ms": 812, "files": 1, "rows_read": 18420, "loaded": 18420, ...}, "summary": {"ms": 40, "customers": 2200}, "rfm": {"ms": 35}, "report": {"ms": 300}}
      ALTER TABLE runs ADD COLUMN steps JSON;
      -- a pipeline run that fails while loading has no as-of date yet
      ALTER TABLE runs ALTER COLUMN as_of DROP NOT NULL;
    `,
};
