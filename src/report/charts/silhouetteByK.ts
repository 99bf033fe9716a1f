import type { TopLevelSpec } from 'vega-lite';
import { EN, type ReportText } from '../i18n/index.js';
import type { ClusterSection } from '../types.js';
import { CHART_CONFIG, FIT_WIDTH, VL_SCHEMA } from './common.js';

/** One k tried, with a preformatted silhouette for the tooltip and whether it was chosen. */
export interface SilhouetteDatum {
  k: number;
  silhouette: number | null;
  silhouetteLabel: string;
  chosen: boolean;
  chosenLabel: string;
}

const LINE_COLOR = '#9ca3af';
const CHOSEN_COLOR = '#2563eb';

/**
 * Mean silhouette for each k tried (higher = better separated clusters), as a line with a point
 * per k; the chosen k is highlighted and labelled. A k whose silhouette is undefined is left out.
 *
 * @example
 * const spec = silhouetteByKChart(data.clusters.silhouette);
 * vegaEmbed('#chart-cluster-silhouette', spec);
 */
export function silhouetteByKChart(rows: ClusterSection['silhouette'], t: ReportText = EN): TopLevelSpec {
  const c = t.m.charts.silhouette;
  const values: SilhouetteDatum[] = [...rows]
    .sort((a, b) => a.k - b.k)
    .map((r) => ({ k: r.k, silhouette: r.silhouette, silhouetteLabel: r.silhouette === null ? '—' : t.fmt.decimal(r.silhouette, 3), chosen: r.chosen, chosenLabel: r.chosen ? t.m.common.yes : t.m.common.no }));
  return {
    $schema: VL_SCHEMA,
    title: { text: c.title, subtitle: c.subtitle },
    description: c.description,
    data: { values },
    ...FIT_WIDTH,
    height: 220,
    transform: [{ filter: 'datum.silhouette !== null' }],
    encoding: {
      x: { field: 'k', type: 'ordinal', title: c.x, axis: { labelAngle: 0 } },
      y: { field: 'silhouette', type: 'quantitative', title: c.y, scale: { zero: false }, axis: { format: '.2f', tickCount: 5, grid: true, gridColor: '#eef0f3' } },
      tooltip: [
        { field: 'k', type: 'ordinal', title: 'k' },
        { field: 'silhouetteLabel', type: 'nominal', title: c.y },
        { field: 'chosenLabel', type: 'nominal', title: c.chosenTitle },
      ],
    },
    layer: [
      { mark: { type: 'line', color: LINE_COLOR, strokeWidth: 2 } },
      {
        mark: { type: 'point', filled: true, opacity: 1 },
        encoding: {
          color: { condition: { test: 'datum.chosen', value: CHOSEN_COLOR }, value: LINE_COLOR },
          size: { condition: { test: 'datum.chosen', value: 140 }, value: 50 },
        },
      },
      {
        transform: [{ filter: 'datum.chosen' }],
        mark: { type: 'text', dy: -14, fontSize: 12, fontWeight: 600, color: CHOSEN_COLOR },
        encoding: { text: { value: c.chosen } },
      },
    ],
    config: CHART_CONFIG,
  };
}
