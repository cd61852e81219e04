import type { AssignmentView, BaselineResult, ComparisonResult, Delta, HubChange, LineChange, LineUtilisation, PortChange, TargetChange, TargetRow } from "./types.js";

/** Changes smaller than this many tonnes are rounding, not a change of the network. */
export const COMPARE_EPSILON_T = 0.5;

function delta(a: number | null | undefined, b: number | null | undefined): Delta {
  const x = a ?? null;
  const y = b ?? null;
  return { a: x, b: y, change: x !== null && y !== null ? y - x : null };
}

const num = (v: number | string | null | undefined): number | null => (typeof v === "number" ? v : null);

/** Keys of a then the keys only in b, each once: a's order first keeps tables stable. */
function unionKeys<T>(a: T[], b: T[], key: (x: T) => string): string[] {
  const keys = a.map(key);
  const seen = new Set(keys);
  for (const x of b) if (!seen.has(key(x))) keys.push(key(x)), seen.add(key(x));
  return keys;
}

function targetChanges(a: TargetRow[], b: TargetRow[]): TargetChange[] {
  const ofA = new Map(a.map((t) => [t.id, t]));
  const ofB = new Map(b.map((t) => [t.id, t]));
  return unionKeys(a, b, (t) => t.id).map((id) => {
    const x = ofA.get(id);
    const y = ofB.get(id);
    const t = (x ?? y)!;
    return {
      id,
      title: t.title,
      unit: t.unit,
      comparator: t.comparator,
      goal: t.goal,
      leastCost: delta(x?.leastCost, y?.leastCost),
      shipperLogit: delta(x?.shipperLogit, y?.shipperLogit),
      simulatedP50: delta(x?.simulated?.p50, y?.simulated?.p50),
      pMet: delta(x?.pMet, y?.pMet),
      ceiling: delta(num(x?.ceiling), num(y?.ceiling)),
      ceilingA: x?.ceiling ?? null,
      ceilingB: y?.ceiling ?? null,
      statusA: x?.status ?? null,
      statusB: y?.status ?? null,
    };
  });
}

function portChanges(a: AssignmentView, b: AssignmentView): PortChange[] {
  const key = (p: { portGroup: string; mode: string }): string => `${p.portGroup}/${p.mode}`;
  const tOf = (v: AssignmentView): Map<string, number> => new Map(v.ports.map((p) => [key(p), p.loadedT + p.unloadedT]));
  const [ta, tb] = [tOf(a), tOf(b)];
  const rows = new Map([...a.ports, ...b.ports].map((p) => [key(p), p]));
  return unionKeys(a.ports, b.ports, key).map((k) => {
    const p = rows.get(k)!;
    return { portGroup: p.portGroup, mode: p.mode, throughputT: delta(ta.get(k) ?? 0, tb.get(k) ?? 0) };
  });
}

function lineChanges(a: LineUtilisation[], b: LineUtilisation[]): LineChange[] {
  const key = (l: LineUtilisation): string => `${l.line}\u0000${l.from}\u0000${l.to}`;
  const ofA = new Map(a.map((l) => [key(l), l]));
  const ofB = new Map(b.map((l) => [key(l), l]));
  const out: LineChange[] = [];
  for (const k of unionKeys(a, b, key)) {
    const x = ofA.get(k);
    const y = ofB.get(k);
    const l = (x ?? y)!;
    const change = !x ? "added" : !y ? "removed" : "changed";
    if (x && y && x.departures === y.departures && Math.abs(x.loadedT - y.loadedT) < COMPARE_EPSILON_T) continue;
    out.push({
      line: l.line,
      mode: l.mode,
      from: l.from,
      to: l.to,
      change,
      departures: delta(x?.departures ?? 0, y?.departures ?? 0),
      loadedT: delta(x?.loadedT ?? 0, y?.loadedT ?? 0),
      utilisation: delta(x?.utilisation ?? 0, y?.utilisation ?? 0),
    });
  }
  // Biggest moves of tonnes first: what a planner looks at.
  return out.sort((p, q) => Math.abs(q.loadedT.change ?? 0) - Math.abs(p.loadedT.change ?? 0) || p.line.localeCompare(q.line));
}

function hubChanges(a: BaselineResult, b: BaselineResult): HubChange[] {
  const ta = new Map(a.views.leastCost.hubs.map((h) => [h.hub, h.throughputT]));
  const tb = new Map(b.views.leastCost.hubs.map((h) => [h.hub, h.throughputT]));
  const names = new Map([...a.hubs, ...b.hubs].map((h) => [h.id, h.name]));
  const out: HubChange[] = [];
  for (const hub of unionKeys([...ta.keys()], [...tb.keys()], (h) => h)) {
    const d = delta(ta.get(hub) ?? 0, tb.get(hub) ?? 0);
    if (Math.abs(d.change ?? 0) < COMPARE_EPSILON_T) continue;
    out.push({ hub, name: names.get(hub) ?? hub, throughputT: d });
  }
  return out.sort((p, q) => Math.abs(q.throughputT.change ?? 0) - Math.abs(p.throughputT.change ?? 0) || p.hub.localeCompare(q.hub));
}

/**
 * What changed from baseline a to baseline b: every target's figures side by side, port
 * throughput, the lines and hubs whose load moved, and the year's totals. Both are
 * `baseline()` results; b is usually a what-if of a, run with the same seed.
 */
export function compareScenarios(a: BaselineResult, b: BaselineResult): ComparisonResult {
  for (const [name, r] of [["a", a], ["b", b]] as const) {
    if (r === null || typeof r !== "object" || r.kind !== "fourports/baseline") {
      throw new TypeError(`compareScenarios(): ${name}: expected a baseline() result (kind "fourports/baseline")`);
    }
  }
  const [x, y] = [a.views.leastCost, b.views.leastCost];
  const unserved = (v: AssignmentView): number => v.demandT - v.servedT;
  return {
    kind: "fourports/comparison",
    a: a.scenario,
    b: b.scenario,
    targets: targetChanges(a.targets, b.targets),
    ports: portChanges(x, y),
    lines: lineChanges(x.lines, y.lines),
    hubs: hubChanges(a, b),
    totals: {
      servedT: delta(x.servedT, y.servedT),
      unservedT: delta(unserved(x), unserved(y)),
      costCny: delta(x.costCny, y.costCny),
      co2Kg: delta(x.co2Kg, y.co2Kg),
      tonneKm: delta(x.tonneKm, y.tonneKm),
    },
  };
}
