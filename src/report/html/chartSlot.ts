import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import { html, type SafeHtml } from './tag.js';

/** A chart to draw: the id of its placeholder div and its Vega-Lite spec. */
export interface ChartSlot {
  id: string;
  spec: TopLevelSpec;
}

/**
 * The placeholder a chart is drawn into. Without JavaScript it says where the same numbers are,
 * so the page stays useful when scripts are blocked.
 *
 * @example chartDiv('chart-segments', 'Segment sizes chart')
 */
export function chartDiv(id: string, label: string, t: ReportText = EN): SafeHtml {
  return html`<div class="chart" id="${id}" data-chart role="figure" aria-label="${label}"><noscript><p class="note">${t.m.common.chartNoScript}</p></noscript></div>`;
}
