/**
 * The catch-up rule: a pipeline missed a run when its latest successful run (any trigger) started
 * before the latest time its schedule fired, or it never ran successfully. A schedule that has
 * not fired in the last 400 days (`previousFire` null) has nothing to catch up.
 *
 * @example needsCatchUp(new Date('2025-01-06T06:00Z'), new Date('2024-12-30T06:00:02Z')) // true
 */
export function needsCatchUp(previousFire: Date | null, lastSuccess: Date | null): boolean {
  if (previousFire === null) return false;
  return lastSuccess === null || lastSuccess.getTime() < previousFire.getTime();
}
