import type { Mapping } from './mapping.js';

/**
 * What counts as a purchase when a mapping names a status column but no `statuses`: the
 * vocabularies of Shopify's Financial Status and Stripe's payment Status. Orders paid in full or
 * in part count, net of their refunds (a refunded order was still bought; its refund is a
 * negative amount); money never taken — voided, pending, authorised, failed, cancelled — is not
 * a purchase. Any other value is quarantined, so an unknown status never counts by accident.
 */
export const DEFAULT_STATUSES: NonNullable<Mapping['statuses']> = {
  count: ['paid', 'partially_paid', 'partially_refunded', 'refunded', 'succeeded', 'complete', 'completed'],
  exclude: ['voided', 'pending', 'authorized', 'authorised', 'expired', 'failed', 'canceled', 'cancelled', 'unpaid', 'requires_payment_method', 'blocked'],
};

/**
 * A status as compared: trimmed, lower-case, runs of spaces and dashes as one underscore, so
 * "Partially refunded", "partially-refunded" and "partially_refunded" are one status.
 *
 * @example normalizeStatus(' Partially refunded ') // 'partially_refunded'
 */
export const normalizeStatus = (s: string): string => s.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** SQL of normalizeStatus. */
export const normalizeStatusSql = (x: string): string => `lower(regexp_replace(trim(${x}), '[\\s-]+', '_', 'g'))`;

/** The mapping's status rules, normalised (DEFAULT_STATUSES when it gives none). */
export function statusRules(m: Mapping): { count: string[]; exclude: string[] } {
  const s = m.statuses ?? DEFAULT_STATUSES;
  return { count: [...new Set(s.count.map(normalizeStatus))], exclude: [...new Set(s.exclude.map(normalizeStatus))] };
}
