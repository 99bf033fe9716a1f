import type { DynamicsConfig } from '../../dynamics/config.js';
import { usedHighValueTiers, type UsedModelsConfig } from '../../models/config.js';
import { EN, type ReportText } from '../i18n/index.js';
import { html, type SafeHtml } from './tag.js';

/** What the Methods section states besides the fixed RFM definitions: the run's stored settings. */
export interface MethodsInput {
  /** run_config 'models' (null when the run did not record it) */
  models: UsedModelsConfig | null;
  /** run_config 'dynamics' (empty or partial for older runs) */
  dynamics: Partial<DynamicsConfig> | null;
}

const MODEL_NAMES: Record<string, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD' };

/**
 * The Methods section: how scores, segments, clusters, churn risk, CLV, states and stages are
 * defined, with the thresholds this run actually used (read from run_config), and the rule that
 * picks the highlights.
 *
 * @example renderMethods({ models: data.models?.assumptions ?? null, dynamics: data.dynamics?.config ?? null })
 */
export function renderMethods(input: MethodsInput = { models: null, dynamics: null }, t: ReportText = EN): SafeHtml {
  const m = t.m.methods;
  return html`<section id="methods" aria-labelledby="methods-h">
<h2 id="methods-h">${m.title}</h2>
<h3>${m.rfm}</h3>
<ul class="methods">${[m.recency, m.frequency, m.monetary, m.scores, m.segments].map((x) => html`<li>${x}</li>`)}</ul>
<h3>${m.clustersTitle}</h3>
<ul class="methods">${[m.clusterSetAside, m.clusterFeatures, m.clusterK, m.clusterIds, m.clusterActions].map((x) => html`<li>${x}</li>`)}</ul>
<h3>${m.modelsTitle}</h3>
<ul class="methods">${modelItems(input.models, t).map((x) => html`<li>${x}</li>`)}</ul>
<h3>${m.statesTitle}</h3>
<ul class="methods">${stateItems(input.dynamics, t).map((x) => html`<li>${x}</li>`)}</ul>
<h3>${m.highlightsTitle}</h3>
<p>${m.highlightsRule}</p>
</section>`;
}

function modelItems(c: UsedModelsConfig | null, t: ReportText): string[] {
  const { m: { methods: m, names }, fmt } = t;
  if (c === null) return [m.modelsNone];
  return [
    m.model(c.scoringModel === 'auto' ? m.autoModel : MODEL_NAMES[c.scoringModel] ?? c.scoringModel, names.timeUnits[c.timeUnit] ?? c.timeUnit),
    m.horizon(fmt.int(c.horizonDays)),
    m.bands(fmt.pct(c.churnBands.high), fmt.pct(c.churnBands.medium)),
    m.clvDef(fmt.int(c.clv.months), fmt.pct(c.clv.margin), fmt.pct(c.clv.monthlyDiscount)),
    m.tiers(fmt.pct(c.valueTiers.top), fmt.pct(c.valueTiers.mid)),
    m.highValue(usedHighValueTiers(c).map((x) => t.m.clv.tierNames[x] ?? x).join(', ')),
  ];
}

function stateItems(c: Partial<DynamicsConfig> | null, { m: { methods: m }, fmt }: ReportText): string[] {
  const needed = ['lostMinDays', 'lostGapMultiple', 'wonBackDays', 'newDays', 'atRiskMinDays', 'atRiskGapMultiple', 'loyalMinOrders', 'loyalMinTenureDays', 'explorationDays', 'stabilityMinTenureDays', 'declineRateRatio'] as const;
  if (c === null || needed.some((k) => typeof c[k] !== 'number')) return [m.statesNone];
  const d = c as DynamicsConfig;
  const n = (v: number): string => fmt.decimal(v, Number.isInteger(v) ? 0 : 1);
  return [
    m.lost(n(d.lostMinDays), n(d.lostGapMultiple)),
    m.wonBack(n(d.wonBackDays)),
    m.newState(n(d.newDays)),
    m.atRisk(n(d.atRiskMinDays), n(d.atRiskGapMultiple)),
    m.loyal(n(d.loyalMinOrders), n(d.loyalMinTenureDays)),
    m.stages(n(d.explorationDays), n(d.stabilityMinTenureDays), fmt.pct(d.declineRateRatio)),
  ];
}
