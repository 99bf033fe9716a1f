import type { CanonicalField, Mapping } from '../mapping.js';

/** A documented mapping for one platform's export, recognised from its header. */
export interface Preset {
  name: string;
  /** what it reads, for messages: "Shopify orders export" */
  title: string;
  /** headers every version of the export has; all present = this preset */
  signature: string[];
  mapping: Mapping;
  /**
   * fields whose columns must be in the file; the preset's other columns are used when the
   * export has them (older exports lack some) and dropped when it does not
   */
  required: CanonicalField[];
}
