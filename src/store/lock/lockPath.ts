/** The writer lock file of a database: beside it, same name plus `.lock`. */
export const lockPathOf = (dbPath: string): string => `${dbPath}.lock`;
