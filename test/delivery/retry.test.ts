import { describe, expect, it } from 'vitest';
import { chatPayload } from '../../src/delivery/chat/chatPayload.js';
import { isPermanent, withRetry } from '../../src/delivery/retry.js';
import { deliverySummary, fillTemplate } from '../../src/delivery/summary.js';
import { renderEmailHtml } from '../../src/delivery/email/renderEmailHtml.js';
import { renderEmailText } from '../../src/delivery/email/renderEmailText.js';
import { HOSTILE_SEGMENT, sampleReportData } from '../report/sampleData.js';
import { crm } from '../helpers/cli.js';

describe('retries with backoff', () => {
  it('waits backoff, then twice that, and returns the value of the attempt that worked', async () => {
    const waits: number[] = [];
    let calls = 0;
    const r = await withRetry(async () => {
      if (++calls < 3) throw new Error(`busy ${calls}`);
      return 'ok';
    }, { attempts: 5, backoffMs: 10 }, async (ms) => void waits.push(ms));
    expect(r).toEqual({ ok: true, value: 'ok', attempts: 3 });
    expect(waits).toEqual([10, 20]);
  });

  it('gives up after the last attempt with its error, and at once on a permanent refusal', async () => {
    const waits: number[] = [];
    const down = await withRetry(async () => { throw new Error('ECONNREFUSED'); }, { attempts: 3, backoffMs: 5 }, async (ms) => void waits.push(ms));
    expect(down).toMatchObject({ ok: false, attempts: 3, error: { message: 'ECONNREFUSED' } });
    expect(waits).toEqual([5, 10]);
    const login = Object.assign(new Error('535 Invalid login'), { responseCode: 535 });
    expect(await withRetry(async () => { throw login; }, { attempts: 3, backoffMs: 5 }, async () => undefined)).toMatchObject({ ok: false, attempts: 1 });
    expect(isPermanent(Object.assign(new Error('451'), { responseCode: 451 }))).toBe(false);
    expect(isPermanent(Object.assign(new Error('404'), { httpStatus: 404 }))).toBe(true);
    expect(isPermanent(Object.assign(new Error('429'), { httpStatus: 429 }))).toBe(false);
    expect(isPermanent(Object.assign(new Error('503'), { httpStatus: 503 }))).toBe(false);
  });
});

describe('message parts', () => {
  it('fills subject placeholders and leaves unknown ones as written', () => {
    expect(fillTemplate('{title}: {pipeline} as of {asOf} {nope}', { title: 'Customer report', pipeline: 'weekly', asOf: '2024-06-30' })).toBe('Customer report: weekly as of 2024-06-30 {nope}');
  });

  it('escapes chat markup in data (a segment or id with < > &) and links the report', () => {
    const s = deliverySummary(sampleReportData(), 'en');
    s.highlights = [{ kind: 'concentration', tone: 'neutral', text: 'A <b> & C' }];
    const p = chatPayload(s, 'https://x.example/r/2024-06-30/report.html');
    expect(p.blocks[1]!.text!.text).toBe('• A &lt;b&gt; &amp; C');
    expect(p.blocks[0]!.text!.text).toMatch(/^\*<https:\/\/x\.example\/r\/2024-06-30\/report\.html\|Customer report · /);
    expect(p.text).toContain('• A <b> & C');
  });

  it('escapes data in the HTML part (a hostile segment name stays text) and keeps it readable in the text part', () => {
    const s = deliverySummary(sampleReportData(), 'en');
    const links = { reportLink: 'https://x.example/r.html', filesNote: 'n', trendSrc: 'cid:trend@crm', trendAlt: 'alt' };
    // a pipeline name is a word, but a highlight can carry a segment name from the rules file
    s.highlights = [{ kind: 'segmentMove', tone: 'neutral', text: `3 customers moved to ${HOSTILE_SEGMENT}` }];
    const html = renderEmailHtml(s, links);
    expect(html).not.toContain(HOSTILE_SEGMENT);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(renderEmailText(s, links)).toContain(HOSTILE_SEGMENT);
  });

  it('crm run --dry-run on a pipeline without delivery is a usage error naming the file', async () => {
    const r = await crm('run', 'weekly', '--dry-run', '/tmp/x', '--db', '/nonexistent/none.duckdb');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--dry-run: pipelines\/weekly\.json has no "delivery" key/);
  });
});
