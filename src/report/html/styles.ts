/** The page's only stylesheet, inlined so the report needs no network and prints cleanly. */
export const REPORT_CSS = `
:root {
  --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --panel: #f9fafb; --accent: #2563eb;
  --up: #047857; --down: #b91c1c;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: #ffffff;
  /* CJK faces after the Latin ones: Chinese reports pick the system's Chinese UI font, English ones are unchanged */
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  font-variant-numeric: tabular-nums;
}
main { max-width: 1120px; margin: 0 auto; padding: 32px 24px 64px; }
header.report { border-bottom: 2px solid var(--ink); padding-bottom: 16px; margin-bottom: 24px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 8px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 8px; }
section { margin: 36px 0; }
p { margin: 0 0 12px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; color: var(--muted); }
.meta dt { font-weight: 600; color: var(--ink); }
.meta dd { margin: 0; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; margin: 0; padding: 0; list-style: none; }
.kpi { display: flex; flex-direction: column; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; background: var(--panel); }
.kpi .label { flex: 1; font-size: 13px; color: var(--muted); } /* grows so values line up across a row */
.kpi .value { white-space: nowrap; font-size: 24px; font-weight: 650; line-height: 1.25; margin: 2px 0; }
.kpi .delta { font-size: 13px; color: var(--muted); } /* may wrap: a long change must not spill out of its tile */
#kpis .note { margin-bottom: 10px; }
/* colour by valence (good / bad / neutral), never by the arrow's direction */
.kpi .delta.good { color: var(--up); }
.kpi .delta.bad { color: var(--down); }
.kpi .delta.neutral { color: var(--muted); }
.kpi .spark-wrap { margin-top: 6px; color: var(--accent); line-height: 0; }
.kpi .spark { width: 100%; max-width: 160px; height: 28px; overflow: visible; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.trend-flag { margin: 0 0 12px; }
.trend-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0 24px; }
.trend-grid .chart { overflow: visible; }
details.behind { margin-top: 8px; }
details.behind summary { cursor: pointer; color: var(--accent); font-size: 14px; }
.runs-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 16px; margin-bottom: 16px; }
.runs-chart { margin: 0; }
.runs-chart figcaption { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
/* charts take their box's width (vega-lite width 'container'); the few with one column per value scroll inside it */
.chart { margin: 8px 0 16px; overflow-x: auto; min-height: 40px; width: 100%; max-width: 760px; }
.chart-row { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 32px; } /* charts side by side when they fit */
.chart-row > .chart { flex: 1 1 340px; min-width: 0; }
#chart-rf-heatmap { max-width: 520px; } /* square cells read better than wide ones */
#chart-churn-bands { max-width: 600px; }
#chart-cohorts, #chart-segment-moves, #chart-state-moves, #chart-segments { max-width: none; } /* sized by their columns */
.chart-row > .table-wrap { flex: 0 1 auto; min-width: 0; }
.chart-error { color: var(--down); border: 1px solid #fecaca; background: #fef2f2; padding: 8px 12px; border-radius: 6px; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: 8px 0 16px; } /* a wide table scrolls in its own box, never the page */
table { border-collapse: collapse; width: 100%; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--panel); border-bottom: 2px solid #d1d5db; font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fcfcfd; }
tfoot td { font-weight: 600; border-top: 2px solid #d1d5db; }
.num { text-align: right; white-space: nowrap; }
.path { overflow-wrap: anywhere; }
td.prose { min-width: 20em; } /* reasons and descriptions stay readable on a phone: the table scrolls instead */
table.cohorts th, table.cohorts td { padding: 3px 5px; font-size: 12px; }
table.cohorts tbody th { white-space: nowrap; }
table.cohorts thead th[colspan] { text-align: left; }
details.more { margin: 4px 0 16px; }
details.more > summary { cursor: pointer; color: var(--accent); font-size: 14px; padding: 4px 0; }
details.more[open] > summary { margin-bottom: 4px; }
.empty-scores { margin: 0 0 12px; padding-left: 20px; }
.summary { border-bottom: 2px solid var(--ink); padding-bottom: 8px; margin-bottom: 8px; }
.summary section { margin: 24px 0; }
.toc ol { margin: 0; padding-left: 20px; columns: 3 14em; column-gap: 32px; font-size: 14px; }
.toc li { margin-bottom: 4px; break-inside: avoid; }
#contents-title { border-bottom: none; padding-bottom: 0; }
table.grid, table.compact { width: auto; min-width: 360px; }
table.grid th, table.grid td { text-align: right; min-width: 56px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.note { color: var(--muted); font-size: 14px; }
.warning { color: #92400e; background: #fffbeb; border: 1px solid #fde68a; border-radius: 6px; padding: 8px 12px 8px 28px; font-size: 14px; }
.empty { color: var(--muted); font-style: italic; padding: 12px 16px; background: var(--panel); border-radius: 6px; }
.methods li { margin-bottom: 6px; }
#highlights h2, #kpis h2, #actions h2 { border-bottom: none; padding-bottom: 0; }
.two-col > * { min-width: 0; }
.highlights { margin: 0; padding: 0; list-style: none; display: grid; gap: 6px; }
.highlights li { padding: 8px 12px; border-left: 4px solid #9ca3af; background: var(--panel); border-radius: 0 6px 6px 0; }
.highlights li.bad { border-left-color: var(--down); }
.highlights li.good { border-left-color: var(--up); }
.actions { margin: 0 0 8px; padding: 0; list-style: none; display: grid; gap: 6px; counter-reset: action; }
.actions li { padding: 8px 12px 8px 40px; border: 1px solid var(--line); border-radius: 6px; position: relative; counter-increment: action; }
.actions li::before { content: counter(action); position: absolute; left: 12px; top: 8px; font-weight: 700; color: var(--accent); }
.actions .do { display: block; }
.actions .file { white-space: nowrap; }
a { color: var(--accent); }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 12px; }
@media (max-width: 600px) {
  main { padding: 20px 12px 40px; }
  h1 { font-size: 24px; }
  .kpi .value { font-size: 22px; }
  .toc ol { columns: 1; }
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; } /* two tiles a row: the summary stays short */
  .kpi { padding: 10px 12px; }
  /* wide tables keep a readable row height and scroll sideways in their box instead of squeezing */
  .table-wrap > table:not(.compact):not(.grid) { min-width: 600px; }
}
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; color: #000; }
  main { max-width: none; padding: 0; }
  section { margin: 20px 0; }
  h2 { break-after: avoid; }
  .kpis { grid-template-columns: repeat(3, 1fr); }
  .kpi { background: none; break-inside: avoid; }
  .highlights li { background: none; break-inside: avoid; }
  a { color: inherit; }
  .chart, figure, tr, caption { break-inside: avoid; }
  .chart, .table-wrap { overflow: visible; }
  .chart svg { max-width: 100%; height: auto; } /* shrink to the paper; on screen we scroll instead */
  table { font-size: 9pt; }
  th, td { padding: 3px 6px; }
  thead th { white-space: normal; }
  thead { display: table-header-group; }
  thead th, tbody tr:nth-child(even), .empty { background: none; }
  .vega-embed details, .vega-actions { display: none !important; }
  /* folded tables print open: the script opens them, and ::details-content does where supported */
  table.cohorts th, table.cohorts td { padding: 2px 3px; font-size: 7pt; } /* two years of months on one sheet */
  main details > summary { display: none; }
  main details::details-content { content-visibility: visible; display: block; }
  .summary { break-after: page; border-bottom: none; }
  .toc { break-after: page; }
}
.two-col { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 0 2rem; align-items: start; }
p.lead { font-size: 1.05rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; background: #f3f4f6; padding: 0.05rem 0.3rem; border-radius: 3px; }
`;
