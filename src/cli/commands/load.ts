import { existsSync } from 'node:fs';
import { dryRunLoad, loadFiles } from '../../load/loadFiles.js';
import { EMPTY_MAPPING, readMapping } from '../../load/mapping.js';
import { presetNamed } from '../../load/presets/index.js';
import type { FileLoadResult, LoadHouseAccount, LoadSummary } from '../../load/types.js';
import { loadProgress } from '../../log/loadProgress.js';
import { resolveDbPath, withDatabase } from '../../store/database.js';
import { COMMON_DETAILS, type Command } from '../command.js';
import { lockTimeoutFlag, stringFlag } from '../parse.js';
import { parseCurrency } from '../../load/currency.js';
import { usageError } from '../../util/error.js';
import { timeZoneFlag } from '../../timezone/parseTimeZone.js';

export const loadCommand: Command = {
  name: 'load',
  summary: 'load transaction exports (CSV/TSV, whitespace text, Parquet, JSON, NDJSON) into the database',
  synopsis: 'crm load <file|glob>... [--mapping FILE] [--preset shopify|stripe] [--currency CODE] [--timezone ZONE] [--dry-run] [--json] [--db PATH]',
  details: `Every row read ends up loaded, a duplicate, excluded (non-purchase lines) or in \`quarantine\`
with a reason; each file is recorded in \`loads\`. All files land in one transaction: on an error
nothing is written. A file loaded before (same checksum) counts as duplicates; rows already stored
from an overlapping export count as duplicates too.

  --mapping FILE   JSON mapping (see README "Mapping format"); default: recognise usual headers
                   (CustomerID, Customer ID, InvoiceNo, InvoiceDate, Quantity, UnitPrice, Amount…);
                   a Shopify orders or Stripe payments export is recognised from its header
  --preset NAME    read the files as a platform's export: shopify (orders export) or stripe
                   (payments export); a --mapping overrides the preset's keys (README "Presets")
  --currency CODE  ISO 4217 code of the amounts (GBP, EUR, USD…) where neither a row's currency
                   column nor the mapping's "currency" says; without any, the currency is not known
  --timezone ZONE  IANA zone of order dates written without a UTC offset, where the mapping's
                   "timezone" does not say (default UTC); dates with an offset are exact anyway
  --dry-run        show the mapping, detected formats, counts and first rows; write nothing
  --json           print the counts as JSON
${COMMON_DETAILS}`,
  options: { mapping: { type: 'string' }, preset: { type: 'string' }, currency: { type: 'string' }, timezone: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  positionals: [1, Infinity],
  async run(values, files, io) {
    const mappingPath = stringFlag(values, 'mapping');
    const mapping = mappingPath ? readMapping(mappingPath) : EMPTY_MAPPING;
    const timezone = timeZoneFlag(stringFlag(values, 'timezone'));
    const currency = currencyFlag(stringFlag(values, 'currency'));
    const preset = presetFlag(stringFlag(values, 'preset'));
    const opts = { mapping, mappingSource: mappingPath ?? 'the detected mapping (no --mapping given)', ...(currency ? { currency } : {}), ...(preset ? { preset } : {}), ...(timezone ? { timezone } : {}) };
    const db = resolveDbPath(stringFlag(values, 'db'));
    const dry = Boolean(values['dry-run']);
    // a dry run against a database that does not exist yet must not create it
    const target = dry && !existsSync(db) ? ':memory:' : db;
    const progress = loadProgress();
    const summary = await withDatabase(target, { lockTimeoutMs: lockTimeoutFlag(values), onWait: (m) => io.err(`crm load: ${m}\n`) }, (conn) =>
      (dry ? dryRunLoad : loadFiles)(conn, files, { ...opts, onFile: progress.file }),
    ).finally(() => progress.done());
    if (values['json']) io.out(JSON.stringify(summary) + '\n');
    else io.out(dry ? describeDryRun(summary) : describe(summary, db));
    return 0;
  },
};

/** --preset checked here, so a mistyped name is a usage error (exit 2) before anything is read. */
function presetFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return presetNamed(value, '--preset').name;
  } catch (err) {
    throw usageError((err as Error).message);
  }
}

/** --currency checked here, so a mistyped code is a usage error (exit 2) before anything is read. */
function currencyFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return parseCurrency(value, '--currency');
  } catch (err) {
    throw usageError((err as Error).message);
  }
}

function fileLine(f: FileLoadResult): string {
  const preset = f.preset ? ` (${f.preset.name} preset, ${f.preset.how})` : '';
  return `${f.path}${preset}: ${f.status}, ${f.rowsRead} rows read, ${f.loaded} loaded, ${f.duplicates} duplicates, ${f.excluded} excluded, ${f.quarantined} quarantined`;
}

function describe(s: LoadSummary, db: string): string {
  const reasons = [
    ...Object.entries(s.excluded_reasons).map(([r, n]) => `  excluded: ${n} × ${r}`),
    ...Object.entries(s.quarantine_reasons).map(([r, n]) => `  quarantined: ${n} × ${r}`),
  ];
  const refunds = s.refunds ? [`  refunds: ${s.refunds} ${s.refunds === 1 ? 'entry' : 'entries'}, ${Number(s.refunded_amount.toFixed(2))} refunded (negative amounts, never orders)`] : [];
  const claimed = s.currency_set ? [`  ${s.currency_set} rows stored earlier without a currency now have this load's`] : [];
  const kept = s.duplicate_lines_kept ? [`  kept ${s.duplicate_lines_kept} exact repeated lines (mapping "duplicate_lines": "keep")`] : [];
  // a "missing customer_id" count alone hides how much money those rows held
  const noCustomer = s.no_customer_revenue ? [`  rows with no customer id held ${Number(s.no_customer_revenue.toFixed(2))} of revenue (net, amounts as written)`] : [];
  const relays = s.relay_customers ? [`  ${s.relay_customers} customer${s.relay_customers === 1 ? ' has' : 's have'} a marketplace or privacy relay address (kept as customers; they cannot be reached or matched across channels)`] : [];
  const house = (s.house_accounts ?? []).map(houseLine);
  const hint = s.quarantined ? ['  see them: crm query "select * from quarantine order by load_id, source_line"'] : [];
  const total = `total: ${s.rows_read} read, ${s.loaded} loaded, ${s.duplicates} duplicates, ${s.excluded} excluded, ${s.quarantined} quarantined → ${db}`;
  return [...s.files.map(fileLine), total, ...reasons, ...refunds, ...noCustomer, ...relays, ...house, ...kept, ...claimed, ...hint].join('\n') + '\n';
}

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** A likely house account: the analysis leaves it out of the models unless told otherwise, so say so now. */
function houseLine(h: LoadHouseAccount): string {
  return `  likely house account: ${h.customer_id} holds ${pct(h.order_share)} of this load's orders (${h.orders}) and ${pct(h.revenue_share)} of its revenue; ` +
    'analysis leaves such ids out of the models (README "House accounts"; pipeline houseAccounts.ids / keepInModels)';
}

function describeDryRun(s: LoadSummary): string {
  const parts = s.files.map((f) => {
    const detected = Object.entries(f.detected).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    const m = f.mapping as { columns: Record<string, string>; fallbacks?: Record<string, string[]>; order_level?: string[] };
    const columns = Object.entries(m.columns).map(([k, v]) => {
      const names = [v, ...(m.fallbacks?.[k] ?? [])].map((x) => `"${x}"`).join(' else ');
      return `    ${k} ← ${names}${m.order_level?.includes(k) ? ' (once per order)' : ''}`;
    });
    const rows = (f.preview ?? []).map((r) => '    ' + JSON.stringify(r));
    return [fileLine(f), `  detected: ${detected}`, '  mapping:', ...columns, '  first rows:', ...rows].join('\n');
  });
  return [...parts, ...(s.house_accounts ?? []).map(houseLine), 'dry run: nothing was written'].join('\n') + '\n';
}
