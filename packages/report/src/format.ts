/**
 * Number formatting of the report. Written out by hand rather than with toLocaleString so the
 * same result gives byte-identical output on every machine, whatever its ICU data or locale.
 */

/** Thousands separated with commas, rounded to `digits` decimals. */
export function fmtNumber(v: number, digits = 0): string {
  if (!Number.isFinite(v)) return String(v);
  const fixed = Math.abs(v).toFixed(digits);
  const [int, frac] = fixed.split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = v < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${frac ? `.${frac}` : ""}`;
}

/** A table cell's number: integers grouped, others to 3 decimals below 10 and 1 above, trailing zeros dropped. */
export function fmtCell(v: number): string {
  if (Number.isInteger(v)) return fmtNumber(v);
  const s = fmtNumber(v, Math.abs(v) < 10 ? 3 : 1);
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** A figure in its unit: shares as percent, large tonnages without decimals, small ones with one. */
export function fmtValue(v: number | string | null, unit: string): string {
  if (v === null) return "–";
  if (typeof v === "string") return v;
  if (unit === "share") return `${fmtNumber(v * 100, 1)}%`;
  const digits = Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : 2;
  return `${fmtNumber(v, digits)} ${unit}`.trim();
}

/** A change with its sign (+1,200 t, −3.5%). */
export function fmtChange(v: number | null, unit: string): string {
  if (v === null) return "–";
  const s = fmtValue(Math.abs(v), unit);
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}

/** Tonnes in a short form for axis ticks and labels: 1.2 Mt, 340 kt, 12 t. */
export function fmtTonnes(t: number): string {
  const a = Math.abs(t);
  if (a >= 1e6) return `${fmtNumber(t / 1e6, a >= 1e7 ? 0 : 1)} Mt`;
  if (a >= 1e3) return `${fmtNumber(t / 1e3, a >= 1e4 ? 0 : 1)} kt`;
  return `${fmtNumber(t, 0)} t`;
}

/** Text cut to `n` characters with an ellipsis, for labels with little room (callers keep the full text in a tooltip). */
export function shorten(s: string, n: number): string {
  const cs = [...s];
  return cs.length <= n ? s : `${cs.slice(0, n - 1).join("")}…`;
}

/** Rough width in px of text at 11–12 px: CJK about 11.5, capitals and digits about 7.6, other characters about 6.6 (erring wide). */
export function textWidthPx(s: string): number {
  return [...s].reduce((w, c) => w + (/[\u2E80-\u9FFF\uF900-\uFAFF]/.test(c) ? 11.5 : /[A-Z0-9→—–]/.test(c) ? 7.6 : 6.6), 0);
}

/** Text cut at a whole character, with an ellipsis, so its estimated width stays within `px` (callers keep the full text in a tooltip). */
export function fitText(s: string, px: number): string {
  if (textWidthPx(s) <= px) return s;
  const cs = [...s];
  while (cs.length > 1 && textWidthPx(`${cs.join("")}…`) > px) cs.pop();
  return `${cs.join("")}…`;
}
