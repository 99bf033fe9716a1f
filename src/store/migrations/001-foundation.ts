import type { Migration } from './types.js';

export const migration: Migration = {
  version: 1,
  name: 'foundation: loads, transactions, quarantine, runs, customer_scores, rfm rules and bins',
  sql: `
      CREATE SEQUENCE load_id_seq START 1;
      CREATE TABLE loads (
        load_id INTEGER PRIMARY KEY DEFAULT nextval('load_id_seq'),
        path VARCHAR NOT NULL,
        checksum VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        mapping JSON NOT NULL,
        loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        rows_read BIGINT NOT NULL,
        rows_loaded BIGINT NOT NULL,
        rows_duplicate BIGINT NOT NULL,
        rows_excluded BIGINT NOT NULL,
        rows_quarantined BIGINT NOT NULL,
        status VARCHAR NOT NULL -- 'loaded' | 'skipped (already loaded)'
      );
      CREATE TABLE transactions (
        customer_id VARCHAR NOT NULL,
        order_id VARCHAR NOT NULL,
        order_date TIMESTAMP NOT NULL,
        amount DOUBLE NOT NULL,
        quantity DOUBLE,
        unit_price DOUBLE,
        product_id VARCHAR,
        product_name VARCHAR,
        category VARCHAR,
        channel VARCHAR,
        country VARCHAR,
        is_return BOOLEAN NOT NULL,
        source_file VARCHAR NOT NULL,
        source_line BIGINT NOT NULL,
        load_id INTEGER NOT NULL
      );
      CREATE TABLE quarantine (
        load_id INTEGER NOT NULL,
        source_file VARCHAR NOT NULL,
        source_line BIGINT NOT NULL,
        reason VARCHAR NOT NULL,
        detail VARCHAR NOT NULL,
        raw JSON NOT NULL
      );
      CREATE SEQUENCE run_id_seq START 1;
      CREATE TABLE runs (
        run_id INTEGER PRIMARY KEY DEFAULT nextval('run_id_seq'),
        pipeline VARCHAR,
        as_of DATE NOT NULL,
        started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        finished_at TIMESTAMP,
        status VARCHAR NOT NULL, -- 'running' | 'ok' | 'failed'
        error VARCHAR,
        customers BIGINT,
        rules_name VARCHAR
      );
      CREATE TABLE customer_scores (
        run_id INTEGER NOT NULL,
        as_of DATE NOT NULL,
        customer_id VARCHAR NOT NULL,
        first_order TIMESTAMP NOT NULL,
        last_order TIMESTAMP NOT NULL,
        recency_days INTEGER NOT NULL,
        frequency INTEGER NOT NULL,
        monetary DOUBLE NOT NULL,
        returns_amount DOUBLE NOT NULL,
        tenure_days INTEGER NOT NULL,
        x INTEGER NOT NULL,
        t_x DOUBLE NOT NULL,
        T DOUBLE NOT NULL,
        m_bar DOUBLE NOT NULL,
        r_score TINYINT NOT NULL,
        f_score TINYINT NOT NULL,
        m_score TINYINT NOT NULL,
        segment VARCHAR NOT NULL,
        PRIMARY KEY (run_id, customer_id)
      );
      CREATE TABLE rfm_rules (
        run_id INTEGER NOT NULL,
        rules_name VARCHAR NOT NULL,
        priority INTEGER NOT NULL,
        segment VARCHAR NOT NULL,
        r_min TINYINT NOT NULL, r_max TINYINT NOT NULL,
        f_min TINYINT NOT NULL, f_max TINYINT NOT NULL,
        m_min TINYINT NOT NULL, m_max TINYINT NOT NULL,
        description VARCHAR
      );
      CREATE TABLE rfm_bins (
        run_id INTEGER NOT NULL,
        metric VARCHAR NOT NULL, -- 'recency_days' | 'frequency' | 'monetary'
        score TINYINT NOT NULL,
        lower DOUBLE, -- exclusive; NULL = no lower bound
        upper DOUBLE, -- inclusive; NULL = no upper bound
        customers BIGINT NOT NULL
      );
    `,
};
