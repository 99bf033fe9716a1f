import { describe, expect, it } from 'vitest';
import { renderClusters } from '../../src/report/html/clusters.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { clusters, HOSTILE_SEGMENT, sampleReportData } from './sampleData.js';

const text = (markup: string): string =>
  markup.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the Clusters section', () => {
  const data = clusters(1000);
  const previous = { runId: 6, asOf: '2024-06-23' };

  it('shows a profile row per cluster with size, shares, mean / median R, F, M and the main segment', () => {
    const markup = renderClusters(data, previous).value;
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(markup)![1]!;
    expect(body.match(/<tr>/g)).toHaveLength(4);
    const t = text(markup);
    expect(t).toContain('0 · recent frequent high spenders 200 20.0% 60.0% 20 / 12 9.5 / 8.0 $821 / $640 Champions (70.0%)');
    expect(t).toContain('-$4 / $0'); // a net refund stays negative (−3.5 rounds away from zero)
    expect(t).toContain('4 clusters');
    expect(t).toContain('among k = 2–8');
  });

  it('says how many customers changed cluster since the previous run', () => {
    expect(text(renderClusters(data, previous).value)).toContain(
      'Since the previous run (as of 2024-06-23), 84 of the 1,200 customers in both runs (7.0%) moved to another cluster.',
    );
    expect(text(renderClusters({ ...data, changes: null }, previous).value)).toContain('has no clusters to compare with');
    expect(text(renderClusters({ ...data, changes: null }, null).value)).toContain('This is the first run');
  });

  it('holds the scatter and silhouette chart placeholders and a silhouette table', () => {
    const markup = renderClusters(data, previous).value;
    expect(markup).toContain('id="chart-cluster-scatter"');
    expect(markup).toContain('id="chart-cluster-silhouette"');
    expect(text(markup)).toMatch(/4 0\.450 yes/);
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
});
