import { describe, expect, it } from 'vitest';
import { clusterName, englishClusterName, parseClusterName, uniqueNames, type Level } from '../../src/cluster/names.js';
import { fileName, formatDateTime, moneyColumn } from '../../src/report/format.js';
import { quarantineReason } from '../../src/report/html/quality.js';
import { fitMessage } from '../../src/report/i18n/fitMessage.js';
import { EN, reportText } from '../../src/report/i18n/index.js';
import { clusterDisplayName, ruleDescription, ruleSetName, segmentName, stateName } from '../../src/report/i18n/names.js';
import { count, isOne } from '../../src/report/i18n/plural.js';
import { DEFAULT_RULES } from '../../src/rfm/defaultRules.js';

const ZH = reportText('zh-CN', 'USD');
const LEVELS: Level[] = ['low', 'mid', 'high'];

describe('cluster names as parts', () => {
  it('parse back every name the grammar makes, and render it in English exactly as stored', () => {
    for (const r of LEVELS) for (const f of LEVELS) for (const m of LEVELS) for (const one of [true, false]) {
      const name = clusterName(r, f, m, one);
      const parts = parseClusterName(name);
      expect(parts, name).not.toBeNull();
      expect(englishClusterName(parts!)).toBe(name);
      expect(clusterDisplayName(name, EN)).toBe(name);
    }
  });

  it('parse the suffixes that tell same-named clusters apart', () => {
    const names = uniqueNames(['mid spenders', 'mid spenders'], Float64Array.of(0, 0, 0, 1), Float64Array.of(0, 3, 0, 8), ['recency_days', 'frequency']);
    expect(names).toEqual(['mid spenders (~3 orders)', 'mid spenders (~8 orders)']);
    expect(parseClusterName(names[1]!)).toMatchObject({ spend: 'mid', detail: { feature: 'frequency', value: '8' } });
    expect(clusterDisplayName(names[1]!, ZH)).toBe('中等消费客户（约 8 单）');
    expect(clusterDisplayName('mid spenders (x ~1) #1', ZH)).toBe('中等消费客户（x ~1） #1');
  });

  it('render in Chinese with no English word, and leave a name the grammar did not make as stored', () => {
    expect(clusterDisplayName('recent frequent high spenders', ZH)).toBe('近期活跃的高频高消费客户');
    expect(clusterDisplayName('lapsed low-spend one-timers', ZH)).toBe('久未购买的低消费一次性客户');
    for (const r of LEVELS) for (const f of LEVELS) for (const m of LEVELS) for (const one of [true, false]) {
      expect(clusterDisplayName(clusterName(r, f, m, one), ZH)).not.toMatch(/[A-Za-z]/);
    }
    expect(parseClusterName('VIP whales')).toBeNull();
    expect(clusterDisplayName('VIP whales', ZH)).toBe('VIP whales');
  });
});

describe('names stored as words or codes', () => {
  it('translate the default rule set (segments, descriptions, name) and keep a user’s own as typed', () => {
    for (const rule of DEFAULT_RULES.rules) {
      expect(segmentName(rule.segment, ZH)).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(ruleDescription(rule.segment, rule.description!, ZH)).not.toMatch(/[A-Za-z]{3,}/);
      expect(segmentName(rule.segment, EN)).toBe(rule.segment);
    }
    expect(segmentName('VIP', ZH)).toBe('VIP');
    expect(ruleDescription('Lost', 'my own words', ZH)).toBe('my own words');
    expect(ruleSetName(DEFAULT_RULES.name, ZH)).toEqual({ id: 'rfm-grid-v1', note: '（R×F 网格，R1F1 = 流失客户）' });
    expect(ruleSetName('shop rules', ZH)).toEqual({ id: 'shop rules', note: '' });
  });

  it('read the state codes before and after the rename alike, and never with a segment word', () => {
    expect(['first_order', 'repeat', 'regular', 'lapsing', 'lapsed', 'won_back'].map((c) => stateName(c, EN))).toEqual(['first order', 'repeat', 'regular', 'lapsing', 'lapsed', 'won back']);
    expect(['new', 'loyal', 'at_risk', 'lost'].map((c) => stateName(c, EN))).toEqual(['first order', 'regular', 'lapsing', 'lapsed']);
    const segmentWords = new Set(DEFAULT_RULES.rules.map((r) => segmentName(r.segment, ZH)));
    for (const c of ['first_order', 'repeat', 'regular', 'lapsing', 'lapsed', 'won_back']) expect(segmentWords.has(stateName(c, ZH))).toBe(false);
    expect(stateName('some_code', EN)).toBe('some code');
  });

  it('translate the loader’s quarantine reasons, column names as code', () => {
    expect(quarantineReason('missing customer_id', ZH).value).toBe('缺少 <code>customer_id</code>');
    expect(quarantineReason('unparseable amount', EN).value).toBe('unparseable <code>amount</code>');
    expect(quarantineReason('malformed record', ZH).value).toBe('格式错误的记录');
    expect(quarantineReason('<b>new reason</b>', ZH).value).toBe('&lt;b&gt;new reason&lt;/b&gt;');
  });

  it('translate the fitting step’s messages fragment by fragment', () => {
    const message = 'relative change of the objective below tolerance; 939 customers excluded (no repeat purchase or mean spend ≤ 0)';
    expect(fitMessage(message, EN)).toBe(message);
    expect(fitMessage(message, ZH)).toBe('目标函数的相对变化低于容差；939 位客户未计入（没有复购，或平均消费 ≤ 0）');
    expect(fitMessage('1 customers excluded (no repeat purchase or mean spend ≤ 0)', EN)).toBe('1 customer excluded (no repeat purchase or mean spend ≤ 0)');
    expect(fitMessage('something new; gradient below tolerance', ZH)).toBe('something new；梯度低于容差');
  });
});

describe('small-data details', () => {
  it('pluralise English counts from their formatted text', () => {
    expect(count('1', 'customer', 'customers')).toBe('1 customer');
    expect(count('0', 'customer', 'customers')).toBe('0 customers');
    expect(count('1,001', 'row', 'rows')).toBe('1,001 rows');
    expect(isOne('1.0')).toBe(false);
    expect(EN.m.actions.worthSavingWhat('1')).toMatch(/^1 customer in the high churn band/);
    expect(EN.m.layout.showTable('T', '1')).toBe('Show the table: T (1 row)');
    expect(EN.m.highlights.wonBack('1', '90')).toMatch(/^1 customer is won back \(customer state/);
    expect(EN.m.highlights.worthSaving('1', 'top', '9 weeks', '80%', '$5', '$9')).toMatch(/^1 customer in the top value tier .* is in the high churn band/);
    expect(EN.m.header.windowValue('a', 'b', '1', '1')).toBe('a to b · 1 transaction · 1 customer');
    expect(EN.m.common.days('1')).toBe('1 day');
    expect(EN.m.common.days('1.0')).toBe('1.0 days');
  });

  it('never print a negative zero', () => {
    for (const t of [EN, ZH]) {
      expect(t.fmt.pct(-0.00001)).toBe(t.fmt.pct(0));
      expect(t.fmt.decimal(-0.004, 2)).toBe(t.fmt.decimal(0, 2));
      expect(t.fmt.money(-0.001)).toBe(t.fmt.money(0));
      expect(t.fmt.int(-0.2)).toBe('0');
    }
  });

  it('pick one money format per column from its values', () => {
    const mixed = moneyColumn([4727, 863.6, null], EN);
    expect([mixed(4727), mixed(863.6), mixed(null)]).toEqual(['$4,727', '$864', '—']);
    const small = moneyColumn([299.3, 4.55], EN);
    expect([small(299.3), small(4.55)]).toEqual(['$299.30', '$4.55']);
  });

  it('show a load’s file name and a local date, not a path and a raw timestamp', () => {
    expect(fileName('/work/me/fixtures/sample/transactions.csv')).toBe('transactions.csv');
    expect(fileName('C:\\exports\\day1.csv')).toBe('day1.csv');
    expect(formatDateTime('2026-12-04 18:42:04.491912', EN)).toBe('Dec 4, 2026, 18:42');
    expect(formatDateTime('2026-12-04 18:42:04.491912', ZH)).toBe('2026年12月4日 18:42');
    expect(formatDateTime('not a date', EN)).toBe('not a date');
  });
});
