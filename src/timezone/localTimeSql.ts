/**
 * A zone's offset from UTC over a span of time: `offset` seconds before the first transition,
 * then each transition's instant (UTC TIMESTAMP text) and the offset from it on.
 */
export interface OffsetSegments {
  offset: number;
  transitions: { at: string; offset: number }[];
}

/**
 * SQL turning a UTC TIMESTAMP into the wall time of a zone: the UTC value plus the zone's offset
 * at that instant, the offset picked by a balanced tree of comparisons with the transitions
 * (log2 of their number per row). DuckDB's ICU conversion costs ~300 ns a value; this ~30 ns,
 * which is the difference between ~3 s and ~0.3 s per pass over 8.5M transactions.
 *
 * @example localTimeSql('order_date', { offset: -18000, transitions: [{ at: '2024-03-10 07:00:00', offset: -14400 }] })
 *   // "(order_date + to_seconds(CASE WHEN order_date < TIMESTAMP '2024-03-10 07:00:00' THEN -18000 ELSE -14400 END))"
 */
export function localTimeSql(utc: string, s: OffsetSegments): string {
  const starts = [{ at: '', offset: s.offset }, ...s.transitions];
  const tree = (lo: number, hi: number): string => {
    if (hi - lo === 1) return String(starts[lo]!.offset);
    const mid = (lo + hi) >> 1;
    return `CASE WHEN ${utc} < TIMESTAMP '${starts[mid]!.at}' THEN ${tree(lo, mid)} ELSE ${tree(mid, hi)} END`;
  };
  return `(${utc} + to_seconds(${tree(0, starts.length)}))`;
}
