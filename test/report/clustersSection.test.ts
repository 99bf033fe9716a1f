import { describe, expect, it } from 'vitest';
import { renderClusters } from '../../src/report/html/clusters.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { clusters, HOSTILE_SEGMENT, sampleReportData } from './sampleData.js';
import { highlights } from '../../src/report/highlights.js';

const text = (markup: string): string =>
  markup.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the Clusters section', () => {
  const data = clusters(1000);
  const previous = { runId: 6, asOf: '2024-06-23' };

  it('shows a profile row per cluster with its action, size, shares, mean / median R, F, M and the main segment', () => {
    const markup = renderClusters(data, previous).value;
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(markup)![1]!;
    expect(body.match(/<tr>/g)).toHaveLength(4);
    const t = text(markup);
    expect(t).toContain('0 · recent frequent high spenders Reward 200 20.0% 60.0% 20 / 12 9.5 / 8.0 $821 / $640 Champions (70.0%)');
    expect(t).toContain('1 · recent one-timers Nurture to a second order 300');
    expect(t).toContain('-$4 / $0'); // a net refund stays negative (−3.5 rounds away from zero)
    expect(t).toContain('4 clusters');
    expect(t).toContain('among k = 3–8');
  });

  it('states the rule and why this k, with the stored settings', () => {
    const t = text(renderClusters(data, previous).value);
    expect(t).toContain('the largest k whose every cluster holds at least 2% of the clustered customers and whose mean silhouette is within 10% of the best such k (k = 4)');
    expect(text(renderClusters({ ...data, choice: { ...data.choice!, reason: 'only_two', bestK: 2 } }, previous).value)).toContain('Only 2 clusters: no k from 3 up');
    // a run from before the rule was stored: no reason sentence, no set-aside part
    const old = text(renderClusters({ ...data, choice: null, setAside: [] }, previous).value);
    expect(old).not.toContain('The rule');
    expect(old).not.toContain('set aside');
  });

  it('gives each cluster’s lift per feature against the whole base', () => {
    const t = text(renderClusters(data, previous).value);
    expect(t).toContain('Days since last order Orders Net spend Tenure (days)');
    expect(t).toContain('0 · recent frequent high spenders ×0.10 ×3.10 ×2.95 ×1.40');
    expect(t).toContain(`3 · ${HOSTILE_SEGMENT} ×0.90 ×0.50 — ×0.80`);
  });

  it('names and counts the set-aside groups with their rules', () => {
    const t = text(renderClusters(data, previous).value);
    expect(t).toContain('25 customers (2.4% of the run) are set aside before clustering');
    expect(t).toContain('No net spend 21 2.0% 0.0% 128 1.0 $0 ');
    expect(t).toContain('No net spend : Net spend 0 or less: returns cancel the purchases');
    expect(t).toContain('Extreme outliers 4 0.4% 31.0% 9 120.0 $456,000 ');
    expect(t).toContain('Extreme outliers : Orders, net spend or order value above the far-out fence (Orders > 77.1, Net spend > 24,526, Order value > 877)');
    expect(text(renderClusters({ ...data, setAside: [] }, previous).value)).toContain('No customer was set aside before clustering');
  });

  it('shows the naming cut-offs of the run', () => {
    expect(text(renderClusters(data, previous).value)).toContain('the purchase cycle is 32 days');
  });

  it('says how many customers changed cluster since the previous run, and the adjusted Rand index', () => {
    const t = text(renderClusters(data, previous).value);
    expect(t).toContain('Since the previous run (as of 2024-06-23), 84 of the 1,200 customers clustered in both runs (7.0%) moved to another cluster.');
    expect(t).toContain('(adjusted Rand index, 1 = the same, 0 = chance): 0.91.');
    expect(t).not.toContain('sudden drop');
    const drop = renderClusters({ ...data, changes: { ...data.changes!, ari: 0.55 } }, previous).value;
    expect(text(drop)).toContain('That is a sudden drop from 0.93 the run before');
    expect(drop).toContain('<p class="warning">');
    expect(text(renderClusters({ ...data, changes: null }, previous).value)).toContain('has no clusters to compare with');
    expect(text(renderClusters({ ...data, changes: null }, null).value)).toContain('This is the first run');
  });

  it('holds the scatter and silhouette chart placeholders and a silhouette table', () => {
    const markup = renderClusters(data, previous).value;
    expect(markup).toContain('id="chart-cluster-scatter"');
    expect(markup).toContain('id="chart-cluster-silhouette"');
    expect(text(markup)).toMatch(/4 0\.450 5\.0% yes yes/);
    expect(text(markup)).toMatch(/6 0\.370 1\.2% no /);
  });

  it('escapes names and segments', () => {
    const markup = renderClusters(data, previous).value;
    expect(markup).not.toContain(HOSTILE_SEGMENT);
    expect(markup).toContain('3 · &lt;img src=x onerror=alert(1)&gt;');
  });

  it('says so when the run has no clusters, and draws no cluster chart', () => {
    const page = renderHtml({ ...sampleReportData(), clusters: null });
    expect(page).toContain('<h2 id="clusters-h">Clusters</h2>');
    expect(page).toContain('No clusters for this run');
    expect(page).not.toContain('chart-cluster');
  });

  it('keeps the sample out of reach of the page: the customer id only appears escaped in the script data', () => {
    const page = renderHtml(sampleReportData());
    expect(page).not.toContain('<b>C-0003</b>');
    expect(page).toContain('\\u003cb\\u003eC-0003\\u003c/b\\u003e');
  });

  it('makes a sudden drop in stability a highlight, and only then', () => {
    const base = sampleReportData();
    const kinds = (d: typeof base) => highlights(d).map((h) => h.kind);
    expect(kinds(base)).not.toContain('clusterStability');
    const fell = { ...base, clusters: { ...base.clusters!, changes: { ...base.clusters!.changes!, ari: 0.6, previousAri: 0.9 } } };
    const h = highlights(fell).find((x) => x.kind === 'clusterStability');
    expect(h?.text).toContain('adjusted Rand index) is 0.60, down from 0.90');
    const low = { ...base, clusters: { ...base.clusters!, changes: { ...base.clusters!.changes!, ari: 0.45, previousAri: null } } };
    expect(kinds(low)).toContain('clusterStability');
  });
});
