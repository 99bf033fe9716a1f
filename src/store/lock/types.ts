/** Who holds the writer lock: the JSON content of `<database>.lock`. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO timestamp (UTC) of when the lock was taken */
  started_at: string;
  /** the command line that took it, e.g. "crm schedule weekly" */
  command: string;
}
