/** Quote an SQL identifier (a source header may contain spaces, quotes or anything else). */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Quote an SQL string literal, for the few places DuckDB takes no parameter (table function options). */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
