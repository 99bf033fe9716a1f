import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestion } from '../../src/util/didYouMean.js';

describe('didYouMean', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('fromat', 'format')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the nearest candidate only when it is close, ignoring case, - and _', () => {
    const flags = ['as-of', 'allow-future-as-of', 'rules', 'json', 'db', 'lock-timeout', 'help'];
    expect(didYouMean('asof', flags)).toBe('as-of');
    expect(didYouMean('rulse', flags)).toBe('rules');
    expect(didYouMean('lock_timeout', flags)).toBe('lock-timeout');
    expect(didYouMean('zh-cn', ['en', 'zh-CN'])).toBe('zh-CN');
    expect(didYouMean('xml', flags)).toBeUndefined();
    expect(didYouMean('banana', flags)).toBeUndefined();
  });

  it('formats the suffix of a message', () => {
    expect(suggestion('fromat', ['format', 'limit'], (c) => `--${c}`)).toBe(' (did you mean --format?)');
    expect(suggestion('zzz', ['format'])).toBe('');
  });
});
