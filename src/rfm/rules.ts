import { readFileSync } from 'node:fs';
import { inputError } from '../util/error.js';

/** One row of a segment rule table: score ranges (inclusive) and the segment name. */
export interface SegmentRule {
  segment: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
  description?: string;
}

/** A named rule table; the first rule that matches a customer's scores wins. */
export interface RuleSet {
  name: string;
  rules: SegmentRule[];
}

/** The segment of customers no rule matches. */
export const OTHER = 'Other';

/**
 * Check a parsed rules file. Ranges are [min, max] of 1..5 scores; "m" may be left out (any M).
 *
 * @example parseRules({ name: 'mine', rules: [{ segment: 'Best', r: [5, 5], f: [4, 5] }] }, 'rules.json')
 */
export function parseRules(value: unknown, source: string): RuleSet {
  const v = value as { name?: unknown; rules?: unknown };
  if (typeof v !== 'object' || v === null || typeof v.name !== 'string' || !Array.isArray(v.rules) || v.rules.length === 0) {
    throw inputError(`${source}: a rules file is {"name": "...", "rules": [{"segment": "...", "r": [1, 5], "f": [1, 5], "m": [1, 5]}, ...]}`);
  }
  return { name: v.name, rules: v.rules.map((rule, i) => parseRule(rule, `${source}: rules[${i}]`)) };
}

/** Read and check a rules JSON file. */
export function readRules(path: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw inputError(`cannot read rules file ${path}: ${(err as Error).message}`, err);
  }
  return parseRules(json, path);
}

function parseRule(value: unknown, where: string): SegmentRule {
  const v = value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || typeof v['segment'] !== 'string' || v['segment'] === '') {
    throw inputError(`${where} needs a non-empty "segment" name`);
  }
  const rule: SegmentRule = {
    segment: v['segment'],
    r: range(v['r'], `${where}.r`),
    f: range(v['f'], `${where}.f`),
    m: v['m'] === undefined ? [1, 5] : range(v['m'], `${where}.m`),
  };
  if (typeof v['description'] === 'string') rule.description = v['description'];
  return rule;
}

function range(value: unknown, where: string): [number, number] {
  const ok = Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n) && n >= 1 && n <= 5);
  if (!ok || value[0] > value[1]) throw inputError(`${where} must be [min, max] with whole scores 1..5 and min ≤ max`);
  return [value[0], value[1]];
}
