import { parseClusterName } from '../../cluster/names.js';
import { DEFAULT_RULES } from '../../rfm/defaultRules.js';
import type { ReportText } from './index.js';

/**
 * Names the database stores as codes or as the default rule set's English words, rendered in the
 * report's language. Anything a catalogue does not know (a user's own segment, an unknown code)
 * is shown as stored: it is the user's data.
 */

/**
 * A segment name: the default rule set's names are translated, a user's own names stay as typed.
 * @example segmentName('Champions', reportText('zh-CN')) // '冠军客户'; segmentName('VIP', …) // 'VIP'
 */
export const segmentName = (name: string, t: ReportText): string => t.m.names.segments[name] ?? name;

/**
 * A rule's description: the default rules' descriptions are translated, others shown as typed.
 * @example ruleDescription('Lost', 'Long gone, bought rarely', reportText('zh-CN')) // '很久未购买，且购买很少'
 */
export function ruleDescription(segment: string, description: string | null, t: ReportText): string | null {
  if (description === null) return null;
  const fromDefault = DEFAULT_RULES.rules.some((r) => r.segment === segment && r.description === description);
  return fromDefault ? (t.m.names.segmentDescriptions[segment] ?? description) : description;
}

/** The default rule set's id: the part of its stored name before the description. */
export const DEFAULT_RULES_ID = DEFAULT_RULES.name.split(' ')[0]!;

/**
 * The rule set's name as an id and a description: the default set's description is translated,
 * a user's own name is shown as typed (with no separate description).
 *
 * @example ruleSetName('rfm-grid-v1 (R×F grid, R1F1 = Lost)', reportText('zh-CN')) // { id: 'rfm-grid-v1', note: '（R×F 网格，R1F1 = 流失客户）' }
 */
export function ruleSetName(name: string, t: ReportText): { id: string; note: string } {
  return name === DEFAULT_RULES.name ? { id: DEFAULT_RULES_ID, note: t.m.names.defaultRuleSet } : { id: name, note: '' };
}

/**
 * A customer-state code; the codes before the rename (new, loyal, at_risk, lost) read as the new ones.
 * @example stateName('lapsing', EN) // 'lapsing'; stateName('at_risk', EN) // 'lapsing'
 */
export const stateName = (code: string, t: ReportText): string => t.m.names.states[code] ?? code.replace(/_/g, ' ');

/**
 * A lifecycle-stage code.
 * @example stageName('decline', reportText('zh-CN')) // '衰退期'
 */
export const stageName = (code: string, t: ReportText): string => t.m.names.stages[code] ?? code;

/**
 * A cluster's stored English name in the report's language, from the parts the name was built
 * from; a name the grammar does not recognise is shown as stored.
 *
 * @example clusterDisplayName('recent frequent high spenders', reportText('zh-CN')) // '近期活跃的高频高消费客户'
 */
export function clusterDisplayName(name: string, t: ReportText): string {
  const parts = parseClusterName(name);
  if (parts === null) return name;
  const d = parts.detail;
  const detail = d === undefined ? null : (t.m.names.clusterDetail[d.feature]?.(d.value) ?? `${d.feature} ~${d.value}`);
  return t.m.names.cluster(parts, detail) + (parts.suffix === undefined ? '' : ` #${parts.suffix}`);
}
