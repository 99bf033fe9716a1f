/** A file read into the temp table `staging`: `source_line` plus one VARCHAR column per field. */
export interface Staged {
  /** field names in staging: the file's headers, or "1", "2", … for files without a header */
  headers: string[];
  /** records read into `staging` */
  accepted: number;
  /** records that could not be read (bad quoting, wrong field count, bytes not valid UTF-8) */
  rejected: { line: number; error: string; text: string }[];
  /**
   * Set when `staging` is a view over the file with source_line NULL: the parse pass reads it
   * once (in parallel, collecting unreadable records) and numbers its rows after — see
   * numberParsed. Until then `accepted` and `rejected` are not known.
   */
  pending?: { firstLine: number };
  /** what was detected while reading, shown by --dry-run and stored in loads.detected */
  detected: Record<string, string | boolean | number>;
}
