import type { Migration } from './types.js';

export const migration: Migration = {
  version: 21,
  name: 'deliveries',
  sql: `
      -- One row per message a run's report was delivered as (or failed to be): the email of an
      -- audience, its chat post. Kept per run, so the history says who got which week's numbers.
      CREATE SEQUENCE delivery_id_seq START 1;
      CREATE TABLE deliveries (
        delivery_id INTEGER PRIMARY KEY DEFAULT nextval('delivery_id_seq'),
        run_id INTEGER NOT NULL,
        pipeline VARCHAR,
        as_of DATE,
        audience VARCHAR NOT NULL,     -- 'all' unless the pipeline declares audiences
        channel VARCHAR NOT NULL,      -- 'email' | 'chat'
        recipients VARCHAR NOT NULL,   -- comma-separated addresses; the webhook's host for chat
        status VARCHAR NOT NULL,       -- 'sent' | 'failed' | 'dry-run'
        message_id VARCHAR,            -- the SMTP Message-ID, or the webhook's HTTP status
        error VARCHAR,                 -- the last attempt's error when failed
        attempts INTEGER NOT NULL,
        path VARCHAR,                  -- the file a dry run wrote
        delivered_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      );
      -- the run's delivery as a whole: NULL (none configured or not yet), 'delivered',
      -- 'delivered-with-errors' (at least one message failed; the report is written regardless)
      ALTER TABLE runs ADD COLUMN delivery VARCHAR;
    `,
};
