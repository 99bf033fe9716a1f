import { detectHouseAccounts } from '../house/detect.js';
import { readSummaryCandidates } from '../house/readSummaryCandidates.js';
import { writeHouseAccounts } from '../house/writeHouseAccounts.js';
import type { AnalysisStep } from './step.js';

/**
 * House accounts (README "House accounts"): ids holding an implausible share of the run's orders
 * or net revenue, and the declared ones. Stores them in house_accounts and the settings used in
 * run_config 'houseAccounts'; flags them in customer_summary (left out of the model fits and
 * clusters) unless houseAccounts.keepInModels. Runs before RFM: their segment is 'House account'.
 * Costs two passes over customer_summary (one row per customer), none over transactions.
 */
export const houseStep: AnalysisStep = {
  name: 'house',
  async run({ conn, runId, houseAccounts: config, notes }) {
    await conn.run('INSERT INTO run_config VALUES ($run, $section, $config)', { run: runId, section: 'houseAccounts', config: JSON.stringify(config) });
    const { base, candidates } = await readSummaryCandidates(conn, config);
    const found = detectHouseAccounts(candidates, base, config);
    await writeHouseAccounts(conn, runId, found, config.keepInModels);
    if (found.length === 0) return;
    const who = found.map((h) => `${h.customerId} (${pct(h.orderShare)} of orders, ${pct(h.revenueShare)} of revenue)`).join(', ');
    notes.push(`house accounts: ${who}; ${config.keepInModels ? 'kept in the models and clusters (houseAccounts.keepInModels)' : 'left out of the model fits and clusters'}, of the action lists, and given the segment "House account"`);
  },
};

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;
