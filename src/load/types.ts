/** What happened to one file's rows: every row read is loaded, a duplicate, excluded or quarantined. */
export interface FileLoadResult {
  path: string;
  loadId: number;
  status: 'loaded' | 'already loaded';
  rowsRead: number;
  loaded: number;
  duplicates: number;
  excluded: number;
  quarantined: number;
  quarantineReasons: Record<string, number>;
  /** excluded rows per reason ("status voided", "product code", "zero-total order", …) */
  excludedReasons: Record<string, number>;
  /** refund entries written (rows of their own, not rows read) and their total, positive */
  refunds: number;
  refundedAmount: number;
  /** exact repeats of a line within the file that were kept (duplicate_lines: keep) */
  duplicateLinesKept: number;
  /** rows stored earlier with no currency that took this file's (see claimCurrency); not counted as read */
  currencySet: number;
  /** net amount of the rows quarantined as "missing customer_id" (0 when the file was already loaded) */
  noCustomerRevenue: number;
  /** customers (in this file's usable rows) whose id is a marketplace or privacy relay address */
  relayCustomers: number;
  /** the platform preset the mapping came from, and how it was chosen */
  preset?: { name: string; how: string };
  /** the mapping as applied (columns resolved, date format chosen) and what was detected */
  mapping: object;
  detected: Record<string, string | boolean | number>;
  /** the first parsed rows, with --dry-run */
  preview?: Record<string, unknown>[];
}

/** The totals over all files of one `crm load`, in the shape `--json` prints. */
export interface LoadSummary {
  rows_read: number;
  loaded: number;
  duplicates: number;
  excluded: number;
  quarantined: number;
  quarantine_reasons: Record<string, number>;
  excluded_reasons: Record<string, number>;
  /** refund entries written and their total (positive, amounts as written) */
  refunds: number;
  refunded_amount: number;
  duplicate_lines_kept: number;
  /** rows stored earlier with no currency that these files gave one */
  currency_set: number;
  /** net amount of rows with no customer id, summed over files (amounts as written, not converted) */
  no_customer_revenue: number;
  /** likely house accounts among the rows stored (README "House accounts"); --dry-run computes them before rolling back */
  house_accounts?: LoadHouseAccount[];
  /** relay-address customers, summed over files (a customer in two files counts twice) */
  relay_customers: number;
  /** true when nothing was written (--dry-run) */
  dry_run?: boolean;
  files: FileLoadResult[];
}

/** A likely house account in a load's rows, its shares of those rows' orders and net amount. */
export interface LoadHouseAccount {
  customer_id: string;
  orders: number;
  revenue: number;
  order_share: number;
  revenue_share: number;
  reason: 'declared' | 'orders' | 'revenue' | 'orders and revenue';
}
