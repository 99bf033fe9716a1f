import { describe, expect, it } from 'vitest';
import { canonicalZone, isUtc, parseTimeZone, timeZoneProblem } from '../../src/timezone/parseTimeZone.js';

describe('timezone settings', () => {
  it('accepts IANA names in any case, spelled as ICU spells them', () => {
    expect(canonicalZone('america/new_york')).toBe('America/New_York');
    expect(canonicalZone('UTC')).toBe('UTC');
    expect(canonicalZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(parseTimeZone('europe/berlin', 'm.json: "timezone"')).toBe('Europe/Berlin');
  });

  it('knows which names are UTC itself', () => {
    expect(isUtc('UTC')).toBe(true);
    expect(isUtc('Etc/UTC')).toBe(true);
    expect(isUtc('utc')).toBe(true);
    expect(isUtc('Europe/London')).toBe(false);
  });

  it('refuses offsets, spaces and unknown names, naming a close zone', () => {
    expect(canonicalZone('+05:00')).toBeUndefined();
    expect(canonicalZone('New York')).toBeUndefined();
    expect(timeZoneProblem('America/New_Yrok')).toBe(
      'unknown time zone "America/New_Yrok" (did you mean "America/New_York"?); use an IANA name such as "UTC", "America/New_York" or "Europe/Berlin"',
    );
    expect(timeZoneProblem(5)).toMatch(/^unknown time zone 5; use an IANA name/);
    expect(() => parseTimeZone('Europe/Berln', 'shop.json: "timezone"')).toThrow('shop.json: "timezone": unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?)');
  });
});
