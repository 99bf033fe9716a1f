import type { TopLevelSpec } from 'vega-lite';
import { formatDecimal } from '../format.js';
import type { ClusterSection } from '../types.js';
import { CHART_CONFIG, VL_SCHEMA } from './common.js';

/** One k tried, with a preformatted silhouette for the tooltip and whether it was chosen. */
export interface SilhouetteDatum {
  k: number;
  silhouette: number | null;
  silhouetteLabel: string;
  chosen: boolean;
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
export function silhouetteByKChart(rows: ClusterSection['silhouette']): TopLevelSpec {
  const values: SilhouetteDatum[] = [...rows]
    .sort((a, b) => a.k - b.k)
    .map((r) => ({ k: r.k, silhouette: r.silhouette, silhouetteLabel: r.silhouette === null ? '—' : formatDecimal(r.silhouette, 3), chosen: r.chosen }));
  return {
    $schema: VL_SCHEMA,
    title: { text: 'How well separated the clusters are, by k', subtitle: 'Mean silhouette on a seeded sample; the highest wins' },
    description:
      'Line chart of the mean silhouette (vertical, higher is better separated) for each number of clusters k tried ' +
      '(horizontal). The chosen k is highlighted.',
    data: { values },
    width: 320,
    height: 220,
    transform: [{ filter: 'datum.silhouette !== null' }],
    encoding: {
      x: { field: 'k', type: 'ordinal', title: 'Number of clusters (k)', axis: { labelAngle: 0 } },
      y: { field: 'silhouette', type: 'quantitative', title: 'Mean silhouette', scale: { zero: false }, axis: { format: '.2f', tickCount: 5, grid: true, gridColor: '#eef0f3' } },
      tooltip: [
        { field: 'k', type: 'ordinal', title: 'k' },
        { field: 'silhouetteLabel', type: 'nominal', title: 'Mean silhouette' },
        { field: 'chosen', type: 'nominal', title: 'Chosen' },
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
        encoding: { text: { value: 'chosen' } },
      },
    ],
    config: CHART_CONFIG,
  };
}
