import { csrFromArrays, type CsrGraph } from "./csr.js";
import { at, DataError, headerCountProblem } from "./errors.js";
import { FourportsInputError, type Issue } from "@fourports/network";

/**
 * Reads a DIMACS shortest-path graph (`.gr`: "p sp N M" then "a U V W" arcs, 1-based) and,
 * optionally, its coordinates (`.co`: "p aux sp co N" then "v ID X Y"). Node i of the result is
 * DIMACS node i+1. Every malformed line is reported with file, line and column.
 */
export function parseDimacs(gr: string, file = "<graph.gr>", co?: { text: string; file?: string }): CsrGraph {
  if (typeof gr !== "string") throw new FourportsInputError("invalid-option", "parseDimacs: expected the text of a .gr file");
  if (co !== undefined && typeof co?.text !== "string") throw new FourportsInputError("invalid-option", "parseDimacs: co.text: expected the text of a .co file");
  const issues: Issue[] = [];
  let n = -1;
  let m = -1;
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const lines = gr.split("\n");
  const num = (tok: string, line: number, col: number, what: string, min: number, max: number): number => {
    const v = Number(tok);
    if (!/^-?\d+$/.test(tok) || v < min || v > max) {
      issues.push({ file, path: at(line, col), message: `expected ${what} (an integer ${min}..${max}), got "${tok}"` });
      return NaN;
    }
    return v;
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.replace(/\r$/, "");
    if (text.trim() === "" || text.startsWith("c")) return;
    const toks: { t: string; col: number }[] = [];
    for (const mt of text.matchAll(/\S+/g)) toks.push({ t: mt[0], col: mt.index + 1 });
    const kind = toks[0]!.t;
    if (kind === "p") {
      if (n >= 0) issues.push({ file, path: at(line, 1), message: 'a second "p" line; expected exactly one' });
      if (toks.length !== 4 || toks[1]!.t !== "sp") {
        issues.push({ file, path: at(line, 1), message: 'expected "p sp NODES ARCS"' });
        return;
      }
      n = num(toks[2]!.t, line, toks[2]!.col, "the node count", 1, 2 ** 31 - 1);
      m = num(toks[3]!.t, line, toks[3]!.col, "the arc count", 0, 2 ** 31 - 1);
      const tooMany = Number.isNaN(n + m) ? null : headerCountProblem(gr, n, m);
      if (tooMany) {
        issues.push({ file, path: at(line, 1), message: tooMany });
        n = NaN;
      }
      if (Number.isNaN(n + m)) throw new DataError(issues); // nothing after a bad header can be checked
    } else if (kind === "a") {
      if (n < 0) {
        issues.push({ file, path: at(line, 1), message: 'arc before the "p sp" line' });
        return;
      }
      if (toks.length !== 4) {
        issues.push({ file, path: at(line, 1), message: `expected "a FROM TO WEIGHT", got ${toks.length - 1} fields` });
        return;
      }
      const u = num(toks[1]!.t, line, toks[1]!.col, "a node id", 1, n);
      const v = num(toks[2]!.t, line, toks[2]!.col, "a node id", 1, n);
      const w = num(toks[3]!.t, line, toks[3]!.col, "a weight", 0, Number.MAX_SAFE_INTEGER);
      if (Number.isNaN(u + v + w)) return;
      from.push(u - 1);
      to.push(v - 1);
      weight.push(w);
    } else {
      issues.push({ file, path: at(line, toks[0]!.col), message: `unknown line type "${kind}"; expected c, p or a` });
    }
  });
  if (n < 0) issues.push({ file, path: "$", message: 'no "p sp NODES ARCS" line' });
  else if (issues.length === 0 && from.length !== m) {
    issues.push({ file, path: "$", message: `the "p" line promises ${m} arcs, the file has ${from.length}` });
  }
  let x: Float64Array | undefined;
  let y: Float64Array | undefined;
  if (co && n > 0) {
    const cfile = co.file ?? "<graph.co>";
    x = new Float64Array(n).fill(NaN);
    y = new Float64Array(n).fill(NaN);
    co.text.split("\n").forEach((raw, i) => {
      const text = raw.replace(/\r$/, "");
      if (text.trim() === "" || text.startsWith("c") || text.startsWith("p")) return;
      const toks = [...text.matchAll(/\S+/g)];
      if (toks[0]![0] !== "v" || toks.length !== 4) {
        issues.push({ file: cfile, path: at(i + 1, 1), message: 'expected "v ID X Y"' });
        return;
      }
      const id = Number(toks[1]![0]);
      const vx = Number(toks[2]![0]);
      const vy = Number(toks[3]![0]);
      if (!Number.isInteger(id) || id < 1 || id > n) {
        issues.push({ file: cfile, path: at(i + 1, toks[1]!.index + 1), message: `expected a node id 1..${n}, got "${toks[1]![0]}"` });
      } else if (!Number.isFinite(vx) || !Number.isFinite(vy)) {
        issues.push({ file: cfile, path: at(i + 1, toks[2]!.index + 1), message: "expected numeric coordinates" });
      } else {
        x![id - 1] = vx;
        y![id - 1] = vy;
      }
    });
    const missing = x.findIndex((v) => Number.isNaN(v));
    if (missing >= 0) issues.push({ file: cfile, path: "$", message: `no coordinates for node ${missing + 1}` });
  }
  if (issues.length > 0) throw new DataError(issues);
  return csrFromArrays({ nodeCount: n, from, to, weight, ...(x && y ? { x, y } : {}) });
}
