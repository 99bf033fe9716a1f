import { describe, expect, it } from 'vitest';
import { checkDelivery, DEFAULT_ATTACH_LIMIT_BYTES } from '../../src/delivery/validateDelivery.js';
import { validatePipeline } from '../../src/pipeline/validatePipeline.js';

const BASE = { name: 'weekly', schedule: { cron: '0 6 * * 1' }, inputs: { files: [] } };
const EMAIL = { to: ['ops@example.com'], from: 'CRM <crm@example.com>', smtp: { host: 'smtp.example.com', user: 'crm', passwordEnv: 'CRM_SMTP_PASSWORD' } };

describe('the pipeline delivery key', () => {
  it('completes a minimal email block with the defaults', () => {
    const p = validatePipeline({ ...BASE, delivery: { email: EMAIL } }, 'p.json');
    expect(p.delivery).toEqual({
      email: { to: ['ops@example.com'], cc: [], from: 'CRM <crm@example.com>', subject: null, smtp: { host: 'smtp.example.com', port: 587, tls: 'starttls', user: 'crm', passwordEnv: 'CRM_SMTP_PASSWORD' } },
      chat: null, reportUrl: null, attachLimitBytes: DEFAULT_ATTACH_LIMIT_BYTES, retry: { attempts: 3, backoffMs: 2000 },
    });
    expect(validatePipeline(BASE, 'p.json').delivery).toBeUndefined();
  });

  it('refuses a password in the file, naming the variable to use instead', () => {
    expect(() => validatePipeline({ ...BASE, delivery: { email: { ...EMAIL, smtp: { ...EMAIL.smtp, password: 'hunter2' } } } }, 'p.json'))
      .toThrow(/p\.json: delivery\.email\.smtp\.password: a password does not belong in the pipeline file; put it in an environment variable and name it in "passwordEnv"/);
  });

  it('names each problem with its key and fix, with did-you-mean for misspelt keys', () => {
    const problems: string[] = [];
    checkDelivery({ emial: {}, email: { to: 'not an address', from: 'x', smtp: { host: 'h', tls: 'ssl', passwordEnv: 'bad name' } }, chat: {}, retry: { attempts: 0 } }, problems);
    expect(problems.join('\n')).toMatch(/emial.*did you mean "email"/);
    expect(problems).toContainEqual(expect.stringMatching(/^delivery\.email\.to: must be a list of e-mail addresses/));
    expect(problems).toContainEqual(expect.stringMatching(/^delivery\.email\.from: the sender's address is required/));
    expect(problems).toContainEqual(expect.stringMatching(/^delivery\.email\.smtp\.tls: must be one of tls, starttls, none/));
    expect(problems).toContainEqual(expect.stringMatching(/^delivery\.email\.smtp\.passwordEnv: must name an environment variable/));
    expect(problems).toContainEqual(expect.stringMatching(/^delivery\.chat: give exactly one of "webhookUrl"/));
    expect(problems).toContainEqual('delivery.retry.attempts: must be a whole number ≥ 1, got 0');
  });

  it('takes port 465 as the default for TLS from the first byte', () => {
    const problems: string[] = [];
    expect(checkDelivery({ email: { ...EMAIL, smtp: { host: 'h', tls: 'tls' } } }, problems)?.email?.smtp.port).toBe(465);
    expect(problems).toEqual([]);
  });
});
