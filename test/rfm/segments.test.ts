import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/rfm/defaultRules.js';
import { OTHER, parseRules } from '../../src/rfm/rules.js';
import { compileRules, segmentOf, uncoveredCells } from '../../src/rfm/segment.js';
import { scoreCustomers } from '../../src/rfm/scoreCustomers.js';

// DOMAIN.md §6, written out cell by cell: row = R1..R5, column = F1..F5.
const H = 'Hibernating', AR = 'At Risk', CL = "Can't Lose Them", AS = 'About to Sleep', NA = 'Need Attention';
const LC = 'Loyal Customers', PR = 'Promising', NC = 'New Customers', PL = 'Potential Loyalists', CH = 'Champions';
const GRID = [
  ['Lost', H, AR, AR, CL],
  [H, H, AR, AR, CL],
  [AS, AS, NA, LC, LC],
  [PR, PL, PL, LC, LC],
  [NC, PL, PL, CH, CH],
];

describe('default segment rules (R×F grid, R1F1 = Lost)', () => {
  const lookup = compileRules(DEFAULT_RULES);

  it('maps every one of the 25 R×F cells to the DOMAIN.md segment, for every M', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          expect(lookup.names[segmentOf(lookup, r, f, m)], `R${r}F${f}M${m}`).toBe(GRID[r - 1]![f - 1]);
        }
      }
    }
  });

  it('leaves no cell to Other', () => {
    expect(uncoveredCells(lookup)).toEqual([]);
  });
});

describe('rule tables are data', () => {
  it('first matching rule wins and uncovered cells fall into Other', () => {
    const rules = parseRules(
      {
        name: 'two rules',
        rules: [
          { segment: 'Best', r: [5, 5], f: [5, 5], m: [5, 5] },
          { segment: 'Recent', r: [4, 5], f: [1, 5] },
        ],
      },
      'test',
    );
    const lookup = compileRules(rules);
    expect(lookup.names[segmentOf(lookup, 5, 5, 5)]).toBe('Best');
    expect(lookup.names[segmentOf(lookup, 5, 5, 4)]).toBe('Recent');
    expect(lookup.names[segmentOf(lookup, 3, 5, 5)]).toBe(OTHER);
    expect(uncoveredCells(lookup)).toHaveLength(75);
  });

  it('gives every customer exactly one segment and counts Other', () => {
    const n = 50;
    const input = {
      recencyDays: Float64Array.from({ length: n }, (_, i) => (i * 37) % 400),
      frequency: Float64Array.from({ length: n }, (_, i) => 1 + ((i * 13) % 9)),
      monetary: Float64Array.from({ length: n }, (_, i) => 10 + ((i * 71) % 500)),
    };
    const rules = parseRules({ name: 'partial', rules: [{ segment: 'Recent', r: [4, 5], f: [1, 5] }] }, 'test');
    const res = scoreCustomers(input, rules);
    const counts = new Map<string, number>();
    res.segment.forEach((s) => counts.set(res.segments[s]!, (counts.get(res.segments[s]!) ?? 0) + 1));
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(n);
    expect(counts.get('Recent')).toBe(res.r.filter((r) => r >= 4).length);
    expect(counts.get(OTHER)).toBe(res.r.filter((r) => r < 4).length);
  });

  it.each([
    [{ rules: [] }, 'a rules file is'],
    [{ name: 'x', rules: [{ segment: 'A', r: [0, 5], f: [1, 5] }] }, 'rules[0].r must be [min, max]'],
    [{ name: 'x', rules: [{ segment: 'A', r: [4, 2], f: [1, 5] }] }, 'min ≤ max'],
    [{ name: 'x', rules: [{ r: [1, 5], f: [1, 5] }] }, 'rules[0] needs a non-empty "segment"'],
  ])('refuses a bad rules file with a message naming the problem (%j)', (value, message) => {
    expect(() => parseRules(value, 'my-rules.json')).toThrow(message);
  });
});
