import type { Issue } from "@fourports/network";
import { DataError } from "@fourports/routing";
import type { VrpInstance, VrpSolution } from "./vrp-instance.js";

const at = (line: number): string => `line ${line}`;

/**
 * Reads a CVRPLIB / TSPLIB `.vrp` file (TYPE CVRP, EDGE_WEIGHT_TYPE EUC_2D, one depot): costs
 * are Euclidean distances rounded to the nearest integer, as CVRPLIB's optima are computed.
 * Customers keep the file's order, so `.vrp` node k+1 is customer k. Every problem is reported
 * with the file and line.
 */
export function parseCvrplib(text: string, file = "<instance.vrp>"): VrpInstance {
  const issues: Issue[] = [];
  const head = new Map<string, { value: string; line: number }>();
  let section = "";
  let x: Float64Array | undefined;
  let y: Float64Array | undefined;
  let demand: Float64Array | undefined;
  const depots: number[] = [];
  let dim = -1;
  const lines = text.split("\n");
  const need = (line: number): number => {
    if (dim < 0) {
      issues.push({ file, path: at(line), message: "a data section before DIMENSION" });
      return -1;
    }
    return dim;
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = raw.replace(/\r$/, "").trim();
    if (t === "" || t === "EOF") return;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(t);
    if (kv) {
      head.set(kv[1]!, { value: kv[2]!.trim(), line });
      if (kv[1] === "DIMENSION") dim = Number(kv[2]!.trim());
      section = "";
      return;
    }
    if (/^[A-Z_]+_SECTION$/.test(t)) {
      section = t;
      const d = need(line);
      if (d > 0 && t === "NODE_COORD_SECTION") {
        x = new Float64Array(d).fill(NaN);
        y = new Float64Array(d).fill(NaN);
      } else if (d > 0 && t === "DEMAND_SECTION") demand = new Float64Array(d).fill(NaN);
      return;
    }
    const f = t.split(/\s+/).map(Number);
    if (f.some((v) => !Number.isFinite(v))) {
      issues.push({ file, path: at(line), message: `expected numbers in ${section || "the header"}, got "${t}"` });
      return;
    }
    const id = f[0]!;
    const okId = (): boolean => {
      if (Number.isInteger(id) && id >= 1 && id <= dim) return true;
      issues.push({ file, path: at(line), message: `expected a node id 1..${dim}, got ${id}` });
      return false;
    };
    if (section === "NODE_COORD_SECTION" && x && y) {
      if (f.length !== 3) issues.push({ file, path: at(line), message: 'expected "ID X Y"' });
      else if (okId()) {
        x[id - 1] = f[1]!;
        y[id - 1] = f[2]!;
      }
    } else if (section === "DEMAND_SECTION" && demand) {
      if (f.length !== 2) issues.push({ file, path: at(line), message: 'expected "ID DEMAND"' });
      else if (okId()) {
        if (!Number.isInteger(f[1]) || f[1]! < 0) issues.push({ file, path: at(line), message: `expected a demand ≥ 0, got ${f[1]}` });
        demand[id - 1] = f[1]!;
      }
    } else if (section === "DEPOT_SECTION") {
      if (id !== -1) depots.push(id);
    } else {
      issues.push({ file, path: at(line), message: `unexpected data outside NODE_COORD_SECTION, DEMAND_SECTION or DEPOT_SECTION` });
    }
  });
  const headValue = (key: string, expected?: string): string | undefined => {
    const h = head.get(key);
    if (!h) issues.push({ file, path: "$", message: `no ${key} line` });
    else if (expected !== undefined && h.value !== expected) issues.push({ file, path: at(h.line), message: `${key} must be ${expected}, got "${h.value}"` });
    return h?.value;
  };
  headValue("TYPE", "CVRP");
  headValue("EDGE_WEIGHT_TYPE", "EUC_2D");
  const cap = Number(headValue("CAPACITY"));
  if (head.has("CAPACITY") && !(cap > 0)) issues.push({ file, path: at(head.get("CAPACITY")!.line), message: "CAPACITY must be a positive number" });
  if (head.has("DIMENSION") && !(Number.isInteger(dim) && dim >= 2)) issues.push({ file, path: at(head.get("DIMENSION")!.line), message: "DIMENSION must be an integer ≥ 2" });
  headValue("DIMENSION");
  if (!x || !y) issues.push({ file, path: "$", message: "no NODE_COORD_SECTION" });
  if (!demand) issues.push({ file, path: "$", message: "no DEMAND_SECTION" });
  if (depots.length !== 1 || depots[0] !== 1) issues.push({ file, path: "$", message: `expected exactly one depot, node 1, in DEPOT_SECTION; got [${depots.join(", ")}]` });
  if (x && y && demand) {
    for (let i = 0; i < dim; i++) {
      if (Number.isNaN(x[i]!)) issues.push({ file, path: "$", message: `no coordinates for node ${i + 1}` });
      if (Number.isNaN(demand[i]!)) issues.push({ file, path: "$", message: `no demand for node ${i + 1}` });
    }
    if (demand[0] !== 0 && !Number.isNaN(demand[0]!)) issues.push({ file, path: "$", message: `the depot (node 1) must have demand 0, got ${demand[0]}` });
  }
  if (issues.length > 0) throw new DataError(issues);
  const cost = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < dim; j++) {
      // TSPLIB nint: floor(d + 0.5).
      cost[i * dim + j] = Math.floor(Math.hypot(x![i]! - x![j]!, y![i]! - y![j]!) + 0.5);
    }
  }
  const name = head.get("NAME")?.value ?? file;
  return { name, customerCount: dim - 1, capacity: cap, demand: demand!, cost, x: x!, y: y! };
}

/**
 * A solution in CVRPLIB `.sol` format: `Route #r: c1 c2 …` (customers numbered 1..n, depot
 * not written, as in the published solutions), then `Cost N`.
 */
export function formatCvrplibSolution(sol: VrpSolution): string {
  const lines = sol.routes.filter((r) => r.length > 0).map((r, i) => `Route #${i + 1}: ${r.join(" ")}`);
  const cost = Number.isInteger(sol.cost) ? String(sol.cost) : String(Math.round(sol.cost * 1e6) / 1e6);
  return `${lines.join("\n")}\nCost ${cost}\n`;
}

/** Reads the `Cost` line of a CVRPLIB `.sol` file. */
export function parseCvrplibSolutionCost(text: string, file = "<solution.sol>"): number {
  const m = /^Cost\s+([0-9.]+)\s*$/m.exec(text.replace(/\r/g, ""));
  if (!m) throw new DataError([{ file, path: "$", message: 'no "Cost N" line' }]);
  return Number(m[1]);
}
