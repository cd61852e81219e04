import type { MimeBundle } from "./display.js";

/** A table a result displays as: the same cells drawn as HTML and as aligned text. */
export interface DisplayTable {
  caption: string;
  headers: string[];
  rows: string[][];
  /** Columns (by index) aligned right: numbers. */
  numeric?: number[];
}

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to place in HTML (scenario names and notes come from user files). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

function htmlTable(t: DisplayTable): string {
  const right = new Set(t.numeric ?? []);
  const cell = (tag: "th" | "td", text: string, i: number): string =>
    // Both alignments explicit: notebook front ends right-align every cell by default.
    `<${tag} style="text-align:${right.has(i) ? "right" : "left"}">${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${t.headers.map((h, i) => cell("th", h, i)).join("")}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`).join("\n");
  return `<table class="fourports"><caption style="text-align:left;font-weight:bold">${escapeHtml(t.caption)}</caption>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function textTable(t: DisplayTable): string {
  const right = new Set(t.numeric ?? []);
  const widths = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [t.caption, line(t.headers), ...t.rows.map(line)].join("\n");
}

/** One bundle from a heading and tables: HTML for notebooks, aligned text for terminals. */
export function tablesBundle(heading: string, tables: DisplayTable[], notes: string[] = []): MimeBundle {
  const html = [
    `<div class="fourports-result"><h4>${escapeHtml(heading)}</h4>`,
    ...tables.map(htmlTable),
    ...notes.map((n) => `<p>${escapeHtml(n)}</p>`),
    "</div>",
  ].join("\n");
  const text = [heading, ...tables.map(textTable), ...notes].join("\n\n");
  return { "text/plain": text, "text/html": html };
}

/**
 * A number as planners read it: grouped thousands, at most `digits` decimals, and none from
 * 100 up (896,005 t, not 896,005.03 t); "-" for null.
 */
export function num(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined) return "-";
  if (!Number.isFinite(v)) return String(v);
  return v.toLocaleString("en-US", { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : digits, minimumFractionDigits: 0 });
}

/** A share (0..1) as a percentage; "-" for null. */
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? "-" : `${Math.round(v * 100)}%`;
}

/** A change with its sign; "-" for null. */
export function signed(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined) return "-";
  return v > 0 ? `+${num(v, digits)}` : num(v, digits);
}
