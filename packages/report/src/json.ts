/** A JSON value with object keys sorted, so two equal results give the same text. */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sorted(o[k])]));
  }
  return v;
}

/**
 * A result as stable, pretty JSON: keys sorted at every level, two-space indent, a final newline.
 * Non-finite numbers are refused rather than written as null, which would read back as a
 * different figure.
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(sorted(value), (key, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`toJson: ${key || "(root)"} is ${v}; a result holds finite numbers only`);
    return v;
  }, 2)}\n`;
}
