import type { Table } from "./print.js";

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A small self-contained HTML page of an example's tables, for the sweeps that are not a
 * baseline or a comparison (those use @fourports/report).
 */
export function tablesPage(title: string, intro: string[], tables: Table[]): string {
  const body = tables
    .map(
      (t) =>
        `<h2>${escape(t.title)}</h2>\n<table>\n<thead><tr>${t.headers.map((h) => `<th>${escape(h)}</th>`).join("")}</tr></thead>\n<tbody>\n${t.rows
          .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join("")}</tr>`)
          .join("\n")}\n</tbody>\n</table>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}</style>
</head><body>
<h1>${escape(title)}</h1>
${intro.map((p) => `<p>${escape(p)}</p>`).join("\n")}
${body}
</body></html>
`;
}
