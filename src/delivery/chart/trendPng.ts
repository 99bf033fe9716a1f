import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ReportText } from '../../report/i18n/index.js';
import { weeklyTrendChart } from '../../report/trend/trendChart.js';
import type { TrendReport } from '../../report/trend/types.js';

/** CSS pixels of the image in the message; it is drawn at twice that for sharp high-density screens. */
export const TREND_IMAGE_WIDTH = 560;
export const TREND_IMAGE_HEIGHT = 180;

/**
 * The report's net-revenue trend chart at a fixed size, without its title: the message prints the
 * title as text, in the reader's font.
 */
export function emailTrendSpec(trend: TrendReport, t: ReportText): TopLevelSpec {
  const spec = weeklyTrendChart(trend, 'net_revenue', t) as unknown as Record<string, unknown>;
  const { title: _title, ...rest } = spec;
  void _title;
  return { ...rest, width: TREND_IMAGE_WIDTH, height: TREND_IMAGE_HEIGHT, autosize: { type: 'fit', contains: 'padding' }, background: '#ffffff' } as TopLevelSpec;
}

/**
 * The 26-week (or however many weeks the run has) net-revenue trend as a PNG, rendered without a
 * browser: Vega draws SVG in Node and resvg rasterises it with the system fonts (the CJK ones
 * included, for zh-CN axis dates). Mail clients show a PNG where many hide inline SVG.
 *
 * @example const png = await trendPng(data.trend, reportText('en', 'USD')); png.subarray(1, 4).toString() // 'PNG'
 */
export async function trendPng(trend: TrendReport, t: ReportText): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(emailTrendSpec(trend, t)).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: TREND_IMAGE_WIDTH * 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } }).render().asPng();
    return Buffer.from(png);
  } finally {
    view.finalize();
  }
}
