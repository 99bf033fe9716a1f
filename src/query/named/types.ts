/** The parameter types a named query can declare; each value is checked and converted to it. */
export const PARAM_TYPES = ['VARCHAR', 'INTEGER', 'BIGINT', 'DOUBLE', 'DATE', 'BOOLEAN'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

/** One declared parameter: `-- param: limit INTEGER = 20  how many rows`. */
export interface QueryParam {
  name: string;
  type: ParamType;
  /** false when the header gives a default (possibly NULL) */
  required: boolean;
  /** the default as written, null for an unquoted NULL; absent when required */
  default?: string | null;
  description: string;
}

/** A SQL file in queries/ with its header: name, description, typed parameters. */
export interface NamedQuery {
  name: string;
  description: string;
  params: QueryParam[];
  /** the statement, bound with $name parameters */
  sql: string;
  file: string;
}
