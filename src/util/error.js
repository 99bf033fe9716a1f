/** An error whose message names the bad input and says how to fix it. */
export class CrmError extends Error {
    kind;
    constructor(kind, message, options) {
        super(message, options);
        this.kind = kind;
        this.name = 'CrmError';
    }
}
/** A wrong invocation: unknown flag, missing argument, bad flag value. */
export const usageError = (message) => new CrmError('usage', message);
/** A problem with the user's data or configuration, e.g. a mapping naming a missing column. */
export const inputError = (message, cause) => new CrmError('input', message, { cause });
/** Exit code for an error: 2 usage, 3 input, 1 anything else. */
export function exitCodeOf(err) {
    if (!(err instanceof CrmError))
        return 1;
    switch (err.kind) {
        case 'usage':
            return 2;
        case 'input':
            return 3;
        case 'failure':
            return 1;
        default:
            throw new Error(`unknown error kind ${String(err.kind)}`);
    }
}
