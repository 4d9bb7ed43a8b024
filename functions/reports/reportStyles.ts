/**
 * The report's only stylesheet, inlined: the file is mailed, archived and printed, so it may not
 * depend on anything it would have to fetch. System fonts only; print gets its own page rules.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #5b6673; --rule: #d9dee4; --panel: #f5f7f9; --accent: #1d5fa8; --negative: #a61b1b; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 32px 24px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 24px 0 8px; }
.eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: 12px; }
.meta { margin: 4px 0 0; color: var(--muted); }
.note { color: var(--muted); font-size: 13px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; margin: 0; }
.tiles > div { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 12px 14px; }
.tiles dt { color: var(--muted); font-size: 13px; }
.tiles dd { margin: 2px 0 0; }
.figure { display: block; font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
.detail { display: block; color: var(--muted); font-size: 13px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--rule); border-radius: 6px; padding: 12px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { display: block; width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { font-size: 13px; color: var(--muted); border-bottom: 2px solid var(--ink); }
tfoot th, tfoot td { font-weight: 600; border-bottom: 0; }
tfoot tr:first-child > * { border-top: 2px solid var(--ink); }
.num { text-align: right; white-space: nowrap; }
.negative { color: var(--negative); }
.person { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.statement { break-inside: avoid; }
.pill { display: inline-block; padding: 0 8px; border-radius: 10px; background: var(--panel); border: 1px solid var(--rule); font-size: 12px; color: var(--muted); font-weight: 400; }
.gate-failed { color: var(--negative); font-weight: 600; }
.change { display: block; font-size: 12px; color: var(--muted); }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
.sides table { font-size: 13px; }
.sides th, .sides td { padding: 5px 4px; }
.refunded s { color: var(--muted); }
.refunded .pill { color: var(--negative); }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; margin-top: 18pt; }
  .charts { grid-template-columns: 1fr 1fr; gap: 8pt; }
  figure, .tiles > div, tr, .statement { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
