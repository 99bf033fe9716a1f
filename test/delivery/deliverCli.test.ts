import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../src/store/database.js';
import { packageRoot } from '../../src/util/paths.js';
import { crm } from '../helpers/cli.js';
import { rows, withTempDir, writeText } from '../helpers/db.js';
import { startSmtp, type TestSmtp } from './servers.js';

describe('crm deliver RUN', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp({ user: 'crm', pass: 'pw' });
  });
  afterAll(async () => {
    await smtp.close();
    delete process.env['CRM_TEST_DELIVER_PW'];
  });

  it('skips a delivered week, re-sends with --resend, writes files with --dry-run, records a missing password as a failure', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'crm.duckdb');
      const file = writeText(dir, 'weekly.json', JSON.stringify({
        name: 'weekly', schedule: { cron: '0 6 * * 1' }, asOf: 'week-ending-sunday',
        inputs: { files: [join(packageRoot(), 'fixtures/sample/transactions.csv')], mapping: join(packageRoot(), 'fixtures/sample/mapping.json') },
        outputs: { reportsDir: join(dir, 'reports') },
        delivery: {
          email: { to: ['ops@example.com'], from: 'crm@example.com', subject: '[{pipeline}] week ending {asOf}', smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: 'crm', passwordEnv: 'CRM_TEST_DELIVER_PW' } },
          retry: { attempts: 2, backoffMs: 1 },
        },
      }));
      delete process.env['CRM_TEST_DELIVER_PW'];
      const run = await crm('run', file, '--db', db);
      expect(run.code, run.err).toBe(0); // the run stands; its delivery failed
      expect(run.out).toContain('delivery: delivered-with-errors');
      const runId = /run: (\d+)/.exec(run.out)![1]!;
      expect(run.err).toMatch(/CRM_TEST_DELIVER_PW, which is not set/);

      process.env['CRM_TEST_DELIVER_PW'] = 'pw';
      const first = await crm('deliver', runId, '--pipeline', file, '--db', db);
      expect(first.code, first.err).toBe(0);
      expect(first.out).toMatch(/^email \(all\): sent </m);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.mail.subject).toMatch(/^\[weekly\] week ending \d{4}-\d{2}-\d{2}$/);

      const again = await crm('deliver', runId, '--pipeline', file, '--db', db);
      expect(again.out).toContain(`email (all): skipped — already sent by run ${runId}; --resend sends again`);
      expect(smtp.received).toHaveLength(1);

      expect((await crm('deliver', runId, '--pipeline', file, '--resend', '--db', db)).code).toBe(0);
      expect(smtp.received).toHaveLength(2);

      const dry = await crm('deliver', runId, '--pipeline', file, '--dry-run', join(dir, 'outbox'), '--db', db);
      expect(dry.code, dry.err).toBe(0);
      const eml = /dry-run (\S+\.eml)/.exec(dry.out)?.[1];
      expect(eml && existsSync(eml)).toBe(true);
      expect(smtp.received).toHaveLength(2);

      await withDatabase(db, {}, async (conn) => {
        const d = await rows(conn, `SELECT status, attempts, left(coalesce(error, ''), 40) AS e FROM deliveries ORDER BY delivery_id`);
        expect(d.map((x) => [x['status'], x['attempts']])).toEqual([['failed', 0], ['sent', 1], ['skipped', 0], ['sent', 1], ['dry-run', 0]]);
        expect((await rows(conn, `SELECT delivery FROM runs WHERE run_id = ${runId}`))[0]!['delivery']).toBe('dry-run');
      });

      expect((await crm('deliver', '999', '--pipeline', file, '--db', db)).code).toBe(3);
      const none = await crm('deliver', runId, '--db', db); // the repo's pipelines/weekly.json delivers nothing
      expect(none.code).toBe(3);
      expect(none.err).toMatch(/has no "delivery" key.*--pipeline FILE/);
      expect((await crm('deliver', 'x', '--db', db)).code).toBe(2);
    });
  });
});
