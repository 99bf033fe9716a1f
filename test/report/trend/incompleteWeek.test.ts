import { describe, expect, it } from 'vitest';
import { highlights } from '../../../src/report/highlights.js';
import { renderTrend } from '../../../src/report/trend/section.js';
import { incompleteWeek } from '../../../src/report/trend/incompleteWeek.js';
import { sampleReportData } from '../sampleData.js';
import { sampleTrend } from '../sampleTrend.js';

describe('possibly incomplete latest week', () => {
  // the 8 weeks before the latest of a 26-week sample have 107..114 orders: median 110.5
  it('flags a latest week under half the median of the 8 weeks before', () => {
    expect(incompleteWeek(sampleTrend(26, '2024-06-30', 55).weeks)).toEqual({
      weekStart: '2024-06-24', weekEnd: '2024-06-30', orders: 55, median: 110.5, weeksCompared: 8,
    });
  });

  it('does not flag half the median or more, nor too short a history, nor a median of zero', () => {
    expect(incompleteWeek(sampleTrend(26, '2024-06-30', 56).weeks)).toBeNull(); // 56 ≥ 55.25
    expect(incompleteWeek(sampleTrend(26).weeks)).toBeNull();
    expect(incompleteWeek(sampleTrend(4, '2024-06-30', 0).weeks)).toBeNull(); // 3 earlier weeks only
    expect(incompleteWeek(sampleTrend(5, '2024-06-30', 0).weeks)).toMatchObject({ weeksCompared: 4, median: 91.5 });
    const quiet = sampleTrend(10, '2024-06-30', 0).weeks.map((w) => ({ ...w, orders: 0 }));
    expect(incompleteWeek(quiet)).toBeNull();
    expect(incompleteWeek([])).toBeNull();
  });

  it('says so in the trend section and first in the highlights', () => {
    const trend = sampleTrend(26, '2024-06-30', 12);
    const flagged = { ...trend, incomplete: incompleteWeek(trend.weeks) };
    expect(renderTrend(flagged).value).toContain('Possibly incomplete data: the latest week (2024-06-24 – 2024-06-30) has 12 orders, less than half the median of the 8 weeks before (110.5).');
    expect(renderTrend(trend).value).not.toContain('Possibly incomplete');
    const first = highlights({ ...sampleReportData(), trend: flagged })[0]!;
    expect(first).toEqual({ kind: 'incompleteWeek', tone: 'bad', text: 'Possibly incomplete data: the latest week (2024-06-24 – 2024-06-30) has only 12 orders against a median of 110.5 in the 8 weeks before.' });
    expect(highlights(sampleReportData()).map((h) => h.kind)).not.toContain('incompleteWeek');
  });
});
