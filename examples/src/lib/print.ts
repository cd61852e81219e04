/** Whole numbers with thousands separators: 1,234,567. */
export const fmt = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A signed change: +1,234 / −56 / 0. */
export function signed(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  // What rounds to zero prints as 0, not "−0".
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r > 0 ? `+${fmt(r, digits)}` : r < 0 ? `−${fmt(-r, digits)}` : fmt(0, digits);
}

/** A share as a percentage: 0.1234 → 12.3%. */
export const pct = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(digits)}%`;

/** A table of text cells, as printed and as written into the HTML report. */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
}

/** Prints a table with aligned columns: numbers right-aligned, text left-aligned. */
export function printTable(t: Table): void {
  const widths = t.headers.map((h, c) => Math.max(h.length, ...t.rows.map((r) => (r[c] ?? "").length)));
  const numeric = t.headers.map((_, c) => t.rows.length > 0 && t.rows.every((r) => /^[-+−–0-9.,%×() ]*$/.test(r[c] ?? "")));
  const line = (cells: string[]): string =>
    cells.map((v, c) => (numeric[c] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join("  ").trimEnd();
  console.log(`\n${t.title}`);
  console.log(line(t.headers));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of t.rows) console.log(line(r));
}

/** Times a step and reports it on stderr, so long runs show progress and stdout stays the table. */
export async function timed<T>(label: string, work: (progress: (done: number, total: number) => void) => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  let last = 0;
  const progress = (done: number, total: number): void => {
    const now = performance.now();
    if (now - last < 500 && done < total) return;
    last = now;
    process.stderr.write(`\r${label}: ${Math.round((done / total) * 100)}%   `);
  };
  process.stderr.write(`${label}…`);
  const out = await work(progress);
  process.stderr.write(`\r${label}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return out;
}
