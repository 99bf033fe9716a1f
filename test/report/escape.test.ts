import { fileName } from '../../src/report/format.js';
import { describe, expect, it } from 'vitest';
import { scriptSafe, vegaAssets } from '../../src/report/assets.js';
import { escapeHtml, jsonForScript } from '../../src/report/escape.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { sampleReportData } from './sampleData.js';

const SCRIPT = '<script>alert(1)</script>';
const ATTR_BREAK = '"><img src=x onerror=alert(1)>';

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('leaves plain text alone', () => {
    expect(escapeHtml('Champions – R 4–5')).toBe('Champions – R 4–5');
  });
});

describe('jsonForScript', () => {
  const nasty = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'a\u2028b\u2029c', d: '&amp;' };

  it('never contains characters that could end the script element', () => {
    const out = jsonForScript(nasty);
    expect(out.toLowerCase()).not.toContain('</script');
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('round-trips through JSON.parse', () => {
    expect(JSON.parse(jsonForScript(nasty))).toEqual(nasty);
  });

  it('writes undefined as null', () => {
    expect(jsonForScript(undefined)).toBe('null');
  });
});

describe('inlined libraries', () => {
  it('cannot close or comment out the script element', () => {
    for (const js of Object.values(vegaAssets())) {
      expect(js.length).toBeGreaterThan(10_000);
      expect(js.toLowerCase()).not.toContain('</script');
      expect(js).not.toContain('<!--');
    }
  });

  it('escapes </script in any case', () => {
    expect(scriptSafe('x = "</SCRIPT>" + "<!--"')).toBe('x = "<\\/SCRIPT>" + "<\\x21--"');
  });
});

describe('renderHtml escaping', () => {
  for (const hostile of [SCRIPT, ATTR_BREAK]) {
    it(`escapes ${hostile} as a segment name and as a load path`, () => {
      const data = sampleReportData();
      data.segments[0]!.segment = hostile;
      data.rules[0]!.segment = hostile;
      data.rfGrid[0]!.segment = hostile;
      data.loads[0]!.path = `data/${hostile}.csv`;
      const out = renderHtml(data);
      expect(out).not.toContain(hostile);
      expect(out).toContain(escapeHtml(hostile));
      // the load shows its file name only (a mailed report shows no folders), escaped
      expect(out).toContain(`<span class="path">${escapeHtml(fileName(data.loads[0]!.path))}</span>`);
      expect(out).not.toContain(`data/${escapeHtml(hostile)}`);
      expect(out.match(/<script>/g)).toHaveLength(5); // three libraries, the chart script and the print script
    });
  }

  it('escapes every other data string', () => {
    const data = sampleReportData();
    const tag = '<i>x</i>';
    data.run.rulesName = tag;
    data.run.pipeline = tag;
    data.rules[0]!.description = tag;
    data.quarantineByReason[0]!.reason = tag;
    data.loads[0]!.status = tag;
    data.kpis[0]!.label = tag;
    expect(renderHtml(data)).not.toContain(tag);
  });
});
