import stringWidth from "string-width";

/**
 * Plain-text table: left-aligned text, right-aligned numbers, a rule under the header. Columns
 * are measured in terminal cells (string-width), so Chinese names, two cells per character,
 * line up with Latin ones.
 */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === "number" ? fmtNumber(c) : c)));
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === "number"));
  // A reduce, not Math.max(...cells): spreading thousands of rows into a call overflows the stack.
  const width = header.map((h, j) => cells.reduce((w, r) => Math.max(w, stringWidth(r[j] ?? "")), stringWidth(h)));
  const pad = (c: string, w: number, left: boolean): string => {
    const fill = " ".repeat(Math.max(0, w - stringWidth(c)));
    return left ? fill + c : c + fill;
  };
  const line = (r: string[]): string => r.map((c, j) => pad(c, width[j]!, numeric[j]!)).join("  ").trimEnd();
  return [line(header), width.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** A number for reading: thousands separators, at most two decimals below 100. */
export function fmtNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100 || Number.isInteger(n)) return Math.round(n).toLocaleString("en-US");
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
