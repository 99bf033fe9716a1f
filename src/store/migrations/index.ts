import type { Migration } from './types.js';
import { migration as m001 } from './001-foundation.js';
import { migration as m002 } from './002-hardened-loader.js';
import { migration as m003 } from './003-run-notes.js';
import { migration as m004 } from './004-clusters.js';
import { migration as m005 } from './005-dynamics.js';
import { migration as m006 } from './006-run-history.js';
import { migration as m007 } from './007-models.js';
import { migration as m008 } from './008-exact-row-identity.js';
import { migration as m009 } from './009-scores-without-key.js';
import { migration as m010 } from './010-weekly-trend.js';
import { migration as m011 } from './011-one-meaning-per-word.js';
import { migration as m012 } from './012-currency.js';
import { migration as m013 } from './013-latest-views.js';
import { migration as m014 } from './014-no-customer-revenue.js';
import { migration as m015 } from './015-refunds.js';
import { migration as m016 } from './016-house-accounts.js';
import { migration as m018 } from './018-model-selection.js';
import { migration as m019 } from './019-cluster-choice.js';
import { migration as m020 } from './020-products.js';
import { migration as m021 } from './021-deliveries.js';

export type { Migration } from './types.js';

/**
 * Forward-only schema migrations, one file each, applied in version order. `schema_version`
 * records which have been applied, so an older database is brought up to date on first use.
 */
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016, m018, m019, m020, m021];
