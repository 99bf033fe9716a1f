/** One forward schema step. Never edit a released migration: add a new file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
