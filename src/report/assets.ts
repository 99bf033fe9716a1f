import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The browser builds the report inlines, so the page works offline and from file://. */
export interface VegaAssets {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

let cached: VegaAssets | undefined;

/**
 * The minified UMD builds of vega, vega-lite and vega-embed, made safe to inline in a `<script>`
 * element. Read from node_modules on first call, then cached for the life of the process.
 *
 * @example
 * const { vega } = vegaAssets();
 * html += `<script>${vega}</script>`;
 */
export function vegaAssets(): VegaAssets {
  cached ??= {
    vega: readBuild('vega', 'vega.min.js'),
    vegaLite: readBuild('vega-lite', 'vega-lite.min.js'),
    vegaEmbed: readBuild('vega-embed', 'vega-embed.min.js'),
  };
  return cached;
}

/**
 * Read a file from a package's build/ folder. The packages' "exports" maps do not expose
 * build/*.min.js, so `require.resolve('vega/build/vega.min.js')` throws; instead resolve the
 * package entry point, which lives in the same build/ folder in all three packages.
 */
function readBuild(pkg: string, file: string): string {
  const entry = createRequire(import.meta.url).resolve(pkg);
  return scriptSafe(readFileSync(join(dirname(entry), file), 'utf8'));
}

/**
 * Make JavaScript source safe inside an inline `<script>` element. `</script` would end the
 * element early, and `<!--` followed by `<script` would make the HTML parser skip our real closing
 * tag. Both only occur inside string or regex literals, where the escaped forms mean the same.
 *
 * @example
 * scriptSafe('s = "</script>"') // 's = "<\\/script>"'
 */
export function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\x21--');
}
