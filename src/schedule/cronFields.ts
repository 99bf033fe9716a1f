const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};

/**
 * A cron expression's six fields (second minute hour day-of-month month day-of-week): five-field
 * expressions run at second 0, nicknames (@daily …) are expanded as node-cron does.
 *
 * @example cronFields('0 6 * * 1') // ['0', '0', '6', '*', '*', '1']
 */
export function cronFields(expression: string): string[] {
  const fields = (NICKNAMES[expression.trim().toLowerCase()] ?? expression).trim().split(/\s+/);
  return fields.length === 5 ? ['0', ...fields] : fields;
}
