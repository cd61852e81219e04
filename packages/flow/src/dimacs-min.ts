import { FourportsInputError, type Issue } from "@fourports/network";
import { DataError, headerCountProblem } from "@fourports/routing";
import type { MinCostFlowProblem } from "./min-cost-flow.js";

/**
 * Reads a DIMACS minimum-cost flow file ("p min N M", "n ID SUPPLY", "a FROM TO LOW CAP COST",
 * 1-based ids) so any instance can be checked against any other solver. Every malformed line
 * is reported with file, line and column.
 */
export function parseDimacsMin(text: string, file = "<flow.min>"): MinCostFlowProblem {
  if (typeof text !== "string") throw new FourportsInputError("invalid-option", "parseDimacsMin: expected the text of a .min file");
  const issues: Issue[] = [];
  let n = -1;
  let m = -1;
  let supply: Float64Array = new Float64Array(0);
  const arcs: MinCostFlowProblem["arcs"] = [];
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    const t = raw.replace(/\r$/, "");
    if (t.trim() === "" || t.startsWith("c")) return;
    const toks = [...t.matchAll(/\S+/g)];
    const bad = (k: number, what: string): void =>
      void issues.push({ file, path: `line ${line}, column ${toks[k] ? toks[k]!.index + 1 : t.length + 1}`, message: `expected ${what}, got "${toks[k]?.[0] ?? ""}"` });
    const int = (k: number, what: string, min: number, max: number): number => {
      const s = toks[k]?.[0] ?? "";
      const v = Number(s);
      if (!/^-?\d+$/.test(s) || v < min || v > max) {
        bad(k, `${what} (an integer ${min}..${max})`);
        return NaN;
      }
      return v;
    };
    const num = (k: number, what: string): number => {
      const s = toks[k]?.[0] ?? "";
      const v = Number(s);
      if (s === "" || !Number.isFinite(v)) {
        bad(k, what);
        return NaN;
      }
      return v;
    };
    switch (toks[0]![0]) {
      case "p":
        if (toks[1]?.[0] !== "min" || toks.length !== 4) return void issues.push({ file, path: `line ${line}, column 1`, message: 'expected "p min NODES ARCS"' });
        n = int(2, "the node count", 1, 2 ** 31 - 1);
        m = int(3, "the arc count", 0, 2 ** 31 - 1);
        if (Number.isNaN(n + m)) throw new DataError(issues); // nothing after a bad header can be checked
        {
          const tooMany = headerCountProblem(text, n, m);
          if (tooMany) throw new DataError([...issues, { file, path: `line ${line}, column 1`, message: tooMany }]);
        }
        supply = new Float64Array(n);
        return;
      case "n": {
        if (n < 0) return void issues.push({ file, path: `line ${line}, column 1`, message: 'node line before the "p min" line' });
        const id = int(1, "a node id", 1, n);
        const s = num(2, "a supply");
        if (!Number.isNaN(id + s)) supply[id - 1] = s;
        return;
      }
      case "a": {
        if (n < 0) return void issues.push({ file, path: `line ${line}, column 1`, message: 'arc before the "p min" line' });
        if (toks.length !== 6) return void issues.push({ file, path: `line ${line}, column 1`, message: `expected "a FROM TO LOW CAP COST", got ${toks.length - 1} fields` });
        const u = int(1, "a node id", 1, n);
        const v = int(2, "a node id", 1, n);
        const low = num(3, "a lower bound");
        const cap = toks[4]![0] === "inf" ? Infinity : num(4, 'a capacity (or "inf")');
        const cost = num(5, "a cost");
        const col = (k: number): string => `line ${line}, column ${toks[k]!.index + 1}`;
        if (low < 0) return void issues.push({ file, path: col(3), message: `expected a lower bound >= 0, got ${toks[3]![0]}` });
        if (cap < 0) return void issues.push({ file, path: col(4), message: `expected a capacity >= 0 (or "inf"), got ${toks[4]![0]}` });
        if (low > cap) return void issues.push({ file, path: col(3), message: `lower bound ${toks[3]![0]} exceeds the capacity ${toks[4]![0]}` });
        if (!Number.isNaN(u + v + low + cap + cost)) arcs.push({ from: u - 1, to: v - 1, lower: low, capacity: cap, cost });
        return;
      }
      default:
        issues.push({ file, path: `line ${line}, column 1`, message: `unknown line type "${toks[0]![0]}"; expected c, p, n or a` });
    }
  });
  if (n < 0) issues.push({ file, path: "$", message: 'no "p min NODES ARCS" line' });
  else if (issues.length === 0 && arcs.length !== m) issues.push({ file, path: "$", message: `the "p" line promises ${m} arcs, the file has ${arcs.length}` });
  if (issues.length > 0) throw new DataError(issues);
  return { nodeCount: n, arcs, supply };
}

/** Writes a problem as a DIMACS minimum-cost flow file (1-based ids; "inf" for no capacity). */
export function writeDimacsMin(problem: MinCostFlowProblem, comment?: string): string {
  const lines: string[] = [];
  if (comment) for (const c of comment.split("\n")) lines.push(`c ${c}`);
  lines.push(`p min ${problem.nodeCount} ${problem.arcs.length}`);
  for (let u = 0; u < problem.nodeCount; u++) {
    const s = problem.supply[u]!;
    if (s !== 0) lines.push(`n ${u + 1} ${s}`);
  }
  for (const a of problem.arcs) {
    lines.push(`a ${a.from + 1} ${a.to + 1} ${a.lower ?? 0} ${a.capacity === Infinity ? "inf" : a.capacity} ${a.cost}`);
  }
  return `${lines.join("\n")}\n`;
}
