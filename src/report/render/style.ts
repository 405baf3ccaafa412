/** The reports' stylesheet, every rule under `.jr`: embedded in standalone documents, adopted by the web UI. */
export const REPORT_CSS = `
.jr { font-family: "IPAPGothic", "IPAGothic", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, system-ui, sans-serif; color: #1c2330; line-height: 1.6; max-width: 60rem; margin: 0 auto; }
.jr h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
.jr h2 { font-size: 1.25rem; border-bottom: 2px solid #1f5fbf; padding-bottom: 0.2rem; margin: 2rem 0 0.75rem; }
.jr h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
.jr h4 { font-size: 0.95rem; margin: 0.6rem 0 0.2rem; }
.jr a { color: #1f5fbf; }
.jr .jr-summary { font-size: 1.05rem; font-weight: bold; margin: 0.25rem 0; }
.jr .jr-note { color: #5a6473; font-size: 0.85rem; margin: 0.25rem 0 1rem; }
.jr .jr-toc ol { columns: 2; margin: 0.25rem 0; padding-left: 1.5rem; }
.jr .jr-entry { border: 1px solid #d5dae1; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; background: #fff; }
.jr .jr-block, .jr .jr-facts, .jr .jr-entry h3 { break-inside: avoid-page; }
.jr .jr-entry h3, .jr .jr-entry h4 { break-after: avoid-page; }
.jr .jr-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0 0 0.5rem; font-size: 0.9rem; }
.jr .jr-facts dt { color: #5a6473; }
.jr .jr-facts dd { margin: 0; }
.jr .jr-quote { margin: 0.15rem 0 0.15rem 0.5rem; padding: 0.1rem 0.6rem; border-left: 3px solid #d5dae1; font-size: 0.92rem; }
.jr .jr-cite { font-size: 0.75rem; margin-left: 0.4rem; white-space: nowrap; }
.jr .jr-none { color: #5a6473; font-size: 0.9rem; margin: 0.1rem 0 0.1rem 0.5rem; }
.jr .jr-sources { font-size: 0.85rem; margin: 0.5rem 0 0; padding-left: 1.25rem; }
.jr .jr-sources .jr-source { color: #5a6473; word-break: break-all; }
.jr .jr-badge { display: inline-block; font-size: 0.75rem; border: 1px solid #5a6473; border-radius: 3px; padding: 0 0.3rem; margin-right: 0.3rem; }
.jr table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
.jr th, .jr td { border-bottom: 1px solid #d5dae1; padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
.jr td.jr-n, .jr th.jr-n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.jr .jr-chart { max-width: 100%; overflow-x: auto; margin: 0.5rem 0; }
.jr .jr-chart svg { max-width: 100%; height: auto; }
.jr .jr-foot { color: #5a6473; font-size: 0.8rem; margin-top: 2rem; border-top: 1px solid #d5dae1; padding-top: 0.5rem; }
@media print {
  .jr { max-width: none; }
  .jr h2 { break-after: avoid-page; }
  .jr table, .jr .jr-chart, .jr .jr-figure { break-inside: avoid-page; }
  .jr .jr-entry { border-color: #999; }
}
`;

/** The page itself, for standalone documents (the web UI has its own). */
export const PAGE_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; }
body { margin: 1.5rem; background: #fff; }
@media print { body { margin: 0; } }
`;
