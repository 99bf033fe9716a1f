/**
 * Why a command stopped. `usage` is a wrong invocation (exit 2), `input` is a file, mapping or
 * value the user can fix (exit 3); anything else is an unexpected failure (exit 1).
 */
export type ErrorKind = 'usage' | 'input' | 'failure';

/** An error whose message names the bad input and says how to fix it. */
export class CrmError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = 'CrmError';
  }
}

/** A wrong invocation: unknown flag, missing argument, bad flag value. */
export const usageError = (message: string): CrmError => new CrmError('usage', message);

/** A problem with the user's data or configuration, e.g. a mapping naming a missing column. */
export const inputError = (message: string, cause?: unknown): CrmError =>
  new CrmError('input', message, { cause });

/** Exit code for an error: 2 usage, 3 input, 1 anything else. */
export function exitCodeOf(err: unknown): number {
  if (!(err instanceof CrmError)) return 1;
  switch (err.kind) {
    case 'usage':
      return 2;
    case 'input':
      return 3;
    case 'failure':
      return 1;
    default:
      throw new Error(`unknown error kind ${String(err.kind satisfies never)}`);
  }
}
