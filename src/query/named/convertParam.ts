import { BIGINT, BOOLEAN, DATE, DOUBLE, INTEGER, VARCHAR, dateValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { ParamType, QueryParam } from './types.js';

/** A parameter value ready to bind: the converted value and its DuckDB type. */
export interface BoundValue {
  value: DuckDBValue;
  type: DuckDBType;
}

const INT = /^[+-]?\d+$/;
const NUM = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TRUE = ['true', 't', 'yes', 'y', '1'];
const FALSE = ['false', 'f', 'no', 'n', '0'];

/**
 * Check a text value against a parameter's declared type and convert it for binding, or return
 * why it does not fit. The value is never put into SQL text.
 *
 * @example convertParam({ name: 'limit', type: 'INTEGER', … }, '50') // { value: 50, type: INTEGER }
 * @example convertParam({ name: 'limit', type: 'INTEGER', … }, '1; drop table transactions') // 'expected an INTEGER …'
 */
export function convertParam(p: Pick<QueryParam, 'type'>, text: string): BoundValue | string {
  const v = text.trim();
  // an explicit NULL means "not given" for typed parameters; for text it is the word NULL
  if (v.toUpperCase() === 'NULL' && p.type !== 'VARCHAR') return { value: null, type: duckType(p.type) };
  switch (p.type) {
    case 'VARCHAR':
      return { value: text, type: VARCHAR };
    case 'INTEGER': {
      const n = Number(v);
      return INT.test(v) && n >= -(2 ** 31) && n < 2 ** 31 ? { value: n, type: INTEGER } : `expected an INTEGER (a whole number), got "${text}"`;
    }
    case 'BIGINT': {
      if (!INT.test(v)) return `expected a BIGINT (a whole number), got "${text}"`;
      const n = BigInt(v);
      return n >= -(2n ** 63n) && n < 2n ** 63n ? { value: n, type: BIGINT } : `BIGINT out of range: "${text}"`;
    }
    case 'DOUBLE':
      return NUM.test(v) && Number.isFinite(Number(v)) ? { value: Number(v), type: DOUBLE } : `expected a DOUBLE (a number such as 12.5), got "${text}"`;
    case 'DATE': {
      const m = ISO_DATE.exec(v);
      const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
      if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) return `expected a DATE as YYYY-MM-DD, got "${text}"`;
      return { value: dateValue({ year: +m[1]!, month: +m[2]!, day: +m[3]! }), type: DATE };
    }
    case 'BOOLEAN':
      if (TRUE.includes(v.toLowerCase())) return { value: true, type: BOOLEAN };
      if (FALSE.includes(v.toLowerCase())) return { value: false, type: BOOLEAN };
      return `expected a BOOLEAN (true or false), got "${text}"`;
    default:
      throw new Error(`unknown parameter type ${String(p.type satisfies never)}`);
  }
}

/** The DuckDB type a declared parameter type binds as. */
export function duckType(t: ParamType): DuckDBType {
  switch (t) {
    case 'VARCHAR':
      return VARCHAR;
    case 'INTEGER':
      return INTEGER;
    case 'BIGINT':
      return BIGINT;
    case 'DOUBLE':
      return DOUBLE;
    case 'DATE':
      return DATE;
    case 'BOOLEAN':
      return BOOLEAN;
    default:
      throw new Error(`unknown parameter type ${String(t satisfies never)}`);
  }
}
