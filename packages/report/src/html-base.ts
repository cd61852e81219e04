import { escapeHtml } from "./escape.js";
import { fmtCell } from "./format.js";
import { FONT } from "./svg.js";
import type { Cell, ReportTable } from "./tables.js";

const CSS = `
:root{color-scheme:light}
body{font-family:${FONT};font-size:15px;line-height:1.5;color:#1f2328;background:#fff;margin:0}
main{max-width:960px;margin:0 auto;padding:24px 20px 60px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 6px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
p.lede,p.caption{color:#57606a;margin:4px 0 10px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0}dl.facts dt{color:#57606a}dl.facts dd{margin:0}
.callout{border-left:4px solid #b42318;background:#fff5f5;padding:8px 12px;margin:12px 0}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border-bottom:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.up,td.better{color:#1a7f37}td.down,td.worse{color:#b42318}
svg{max-width:100%;height:auto;display:block}svg text{font-family:${FONT};font-size:12px;fill:#1f2328}
svg .axis{fill:#57606a;font-size:11px}svg .hub-label{font-size:11px;paint-order:stroke;stroke:#f6f8fa;stroke-width:3px}svg .zh{fill:#57606a}
.label{display:inline-block;border-radius:4px;padding:0 5px;margin-right:3px;font-size:11px;font-weight:600;background:#eaeef2}
.label-TARGET{background:#ddf4ff}.label-OFF{background:#dafbe1}.label-PRESS{background:#fff8c5}.label-EST{background:#fbefff}.label-ASSUMPTION{background:#ffebe9}
footer{margin-top:40px;color:#57606a;font-size:12px}
`;

/** A cell as HTML table text; numbers right-aligned with separators. */
function cellHtml(c: Cell): string {
  if (c === null) return "<td>–</td>";
  if (typeof c === "number") return `<td class="num">${escapeHtml(fmtCell(c))}</td>`;
  return `<td>${escapeHtml(String(c))}</td>`;
}

/** An HTML table of a report table; `cells` may render chosen columns (by header) differently, returning an escaped `<td>`. */
export function htmlTable(t: ReportTable, cells: Record<string, (c: Cell, row: number) => string> = {}): string {
  const head = t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const body = t.rows.map((r, row) => `<tr>${r.map((c, i) => cells[t.header[i]!]?.(c, row) ?? cellHtml(c)).join("")}</tr>`).join("\n");
  return `<div class="table-wrap"><table class="table-${escapeHtml(t.name)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** Provenance labels as coloured badges. */
export function labelBadges(labels: readonly string[]): string {
  return labels.map((l) => `<span class="label label-${escapeHtml(l)}">${escapeHtml(l)}</span>`).join("");
}

/** A section with a heading, a caption and content (already markup). */
export function section(id: string, heading: string, caption: string, ...content: string[]): string {
  return `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(heading)}</h2>\n<p class="caption">${escapeHtml(caption)}</p>\n${content.join("\n")}\n</section>`;
}

/**
 * A whole page: no script, no external resource. The Content-Security-Policy forbids any fetch,
 * so even a string that slipped past escaping could neither run nor phone home.
 */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
