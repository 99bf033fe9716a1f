import type { DuckDBConnection } from '@duckdb/node-api';
import { literal } from '../util/sql.js';
import type { Mapping } from './mapping.js';

/**
 * E-mail domains that stand for a relay, not the buyer's own mailbox: marketplaces and privacy
 * services hand the shop a forwarding address. Such a customer is real (orders under one relay
 * address are one buyer) but cannot be reached or matched across channels, so the load counts
 * them. `identity.relay_domains` adds domains.
 */
export const RELAY_DOMAINS = [
  'privaterelay.appleid.com', 'marketplace.amazon.com', 'marketplace.amazon.co.uk', 'marketplace.amazon.de',
  'members.ebay.com', 'relay.walmart.com', 'scs.tiktokw.us', 'relay.etsy.com', 'duck.com',
];

/** The relay domains a mapping uses (the built-in ones plus its own). */
export const relayDomains = (m: Mapping): string[] => [...new Set([...RELAY_DOMAINS, ...(m.identity?.relay_domains ?? [])])];

/**
 * Customers of the usable rows of `parsed` whose id is an address at a relay domain (or a
 * subdomain of one). Ids are already case-folded, so the domain compares lower-case.
 *
 * @example await relayCustomers(conn, 'crm_load_0_parsed', mapping) // 3
 */
export async function relayCustomers(conn: DuckDBConnection, parsed: string, m: Mapping): Promise<number> {
  const domain = `lower(split_part(customer_id, '@', -1))`;
  const match = relayDomains(m).map((d) => `${domain} = ${literal(d)} OR suffix(${domain}, ${literal('.' + d)})`).join(' OR ');
  const r = await conn.runAndReadAll(
    `SELECT count(DISTINCT customer_id) FROM ${parsed} WHERE reason IS NULL AND contains(customer_id, '@') AND (${match})`,
  );
  return Number(r.getRows()[0]![0]);
}
