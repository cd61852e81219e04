import { readFileSync } from "node:fs";
import type { AssignmentView, BaselineResult, ComparisonResult, HubPoint, ScenarioInfo, TargetRow } from "@fourports/planner";

/** A small deterministic generator (LCG), so the fixture is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HUBS: HubPoint[] = [
  { id: "CGO", name: "Zhengzhou Xinzheng Airport", nameZh: "郑州新郑国际机场", kind: "airport", portGroup: "air", city: "Zhengzhou", country: "CN", lon: 113.84, lat: 34.53, home: true },
  { id: "ZZ-PUTIAN", name: "Zhengzhou Putian rail port", nameZh: "郑州圃田站", kind: "rail-terminal", portGroup: "rail", city: "Zhengzhou", country: "CN", lon: 113.88, lat: 34.76, home: true },
  { id: "ZZ-ROAD", name: "Zhengzhou road port", nameZh: "郑州公路港", kind: "road-hub", portGroup: "road", city: "Zhengzhou", country: "CN", lon: 113.59, lat: 34.71, home: true },
  { id: "ZZ-WATER", name: "Zhengzhou river port", nameZh: "郑州港", kind: "river-port", portGroup: "water", city: "Zhengzhou", country: "CN", lon: 113.5, lat: 34.9, home: true },
  { id: "LUX", name: "Luxembourg Findel", nameZh: "卢森堡", kind: "airport", portGroup: "air", city: "Luxembourg", country: "LU", lon: 6.2, lat: 49.63, home: false },
  { id: "HAM", name: "Hamburg Billwerder", nameZh: null, kind: "rail-terminal", portGroup: "rail", city: "Hamburg", country: "DE", lon: 10.1, lat: 53.52, home: false },
  { id: "ALA", name: "Alashankou", nameZh: "阿拉山口", kind: "border-crossing", portGroup: null, city: "Alashankou", country: "CN", lon: 82.57, lat: 45.17, home: false },
  { id: "QDG", name: "Qingdao Port", nameZh: "青岛港", kind: "seaport", portGroup: "water", city: "Qingdao", country: "CN", lon: 120.32, lat: 36.07, home: false },
  { id: "PVG", name: "Shanghai Pudong", nameZh: "上海浦东", kind: "airport", portGroup: "air", city: "Shanghai", country: "CN", lon: 121.8, lat: 31.14, home: false },
];

const PORTS = [
  { portGroup: "air", mode: "air" },
  { portGroup: "rail", mode: "rail" },
  { portGroup: "road", mode: "road" },
  { portGroup: "water", mode: "river" },
] as const;

const LEGS: [string, string, AssignmentView["legs"][number]["mode"], number][] = [
  ["CGO", "LUX", "air", 410_000],
  ["LUX", "CGO", "air", 260_000],
  ["CGO", "PVG", "air", 55_000],
  ["ZZ-PUTIAN", "ALA", "rail", 380_000],
  ["ALA", "HAM", "rail", 370_000],
  ["HAM", "ALA", "rail", 120_000],
  ["ZZ-WATER", "QDG", "river", 90_000],
  ["ZZ-ROAD", "CGO", "road", 45_000],
  ["ZZ-ROAD", "QDG", "road", 0],
];

function view(choice: "cost" | "logit", scale: number, hubs: HubPoint[]): AssignmentView {
  const rnd = lcg(choice === "cost" ? 7 : 11);
  const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`);
  const base: Record<string, number> = { air: 60_000, rail: 45_000, road: 30_000, water: 9_000 };
  const lines = Array.from({ length: 14 }, (_, i) => {
    const capacityT = 20_000 + Math.round(rnd() * 60_000);
    const loadedT = Math.round(capacityT * Math.min(1, (0.2 + rnd() * 0.8) * scale));
    return { line: `L${String(i + 1).padStart(2, "0")}`, mode: (["air", "rail", "road", "river"] as const)[i % 4]!, from: "CGO", to: i % 2 ? "LUX" : "HAM", departures: 50 + i * 7, capacityT, loadedT, utilisation: loadedT / capacityT };
  });
  const legs = LEGS.map(([from, to, mode, t]) => ({ from, to, mode, tonnes: Math.round(t * scale) }));
  return {
    choice,
    demandT: 2_000_000,
    servedT: Math.round(1_850_000 * scale),
    unservedT: { "no route": 12_000, capacity: 30_000, "too late": 5_000, "not dispatched": 0 },
    tonneKm: 6.1e9 * scale,
    costCny: 4.2e9 * scale,
    co2Kg: 3.3e8 * scale,
    bookings: 15_234,
    dispatch: { slots: 120, ran: 96, belowMinimumLoad: 9 },
    ports: PORTS.map((p) => ({ ...p, loadedT: Math.round(base[p.portGroup]! * 6 * scale), unloadedT: Math.round(base[p.portGroup]! * 5 * scale) })),
    monthly: months.flatMap((month) => PORTS.map((p) => ({ portGroup: p.portGroup, month, throughputT: Math.round(base[p.portGroup]! * (0.8 + rnd() * 0.4) * scale) }))),
    lines,
    legs,
    hubs: hubs.map((h, i) => ({ hub: h.id, throughputT: Math.round((200_000 - i * 15_000) * scale) })),
  };
}

const scenario = (id: string, name: string): ScenarioInfo => ({
  id,
  name,
  file: `seeds/${id}.json`,
  epoch: id.endsWith("2024") ? "2024-01-01" : "2025-01-01",
  horizonDays: 365,
  homeCity: "Zhengzhou",
  lineage: id.endsWith("2025") ? ["zhengzhou-2024"] : [],
  hubCount: HUBS.length,
  serviceCount: 42,
  tripCount: 9_876,
  demandFlows: 310,
});

const TARGETS: TargetRow[] = [
  { id: "air-cargo-t", title: "Air cargo throughput", metric: "portThroughputT:air", unit: "t", comparator: ">=", goal: 1_000_000, leastCost: 930_000, shipperLogit: 905_000, simulated: { p5: 880_000, p50: 915_000, p95: 948_000 }, pMet: 0.05, forecast: { p5: 760_000, p50: 812_000, p95: 870_000 }, ceiling: 1_240_000, status: "within-ceiling", limitedBy: "CGO apron slots", basis: ["OFF", "EST"], missing: [], detail: "" },
  { id: "cre-trains", title: "中欧班列 trains a year", metric: "departures:rail", unit: "trains", comparator: ">=", goal: 5_000, leastCost: 3_650, shipperLogit: 3_650, simulated: { p5: 3_590, p50: 3_622, p95: 3_650 }, pMet: 0, forecast: null, ceiling: 4_100, status: "beyond-ceiling", limitedBy: "Alashankou tracks", basis: ["PRESS", "ASSUMPTION"], missing: [], detail: "" },
  { id: "multimodal-share", title: "Multimodal share", metric: "multimodalShare", unit: "share", comparator: ">=", goal: 0.12, leastCost: 0.14, shipperLogit: 0.11, simulated: null, pMet: null, forecast: null, ceiling: 0.31, status: "met", limitedBy: "", basis: ["TARGET"], missing: [], detail: "" },
  { id: "sea-rail-open", title: "Sea-rail line to Qingdao opens", metric: "opens", unit: "date", comparator: "<=", goal: "2025-06-30", leastCost: null, shipperLogit: null, simulated: null, pMet: null, forecast: null, ceiling: "2025-03-01", status: "assumed", limitedBy: "", basis: ["ASSUMPTION"], missing: ["ZZ-QDG-SEA-RAIL"], detail: "line modelled from March" },
  { id: "hubs-reported", title: "Logistics hubs reported", metric: "report", unit: "", comparator: "report", goal: null, leastCost: null, shipperLogit: null, simulated: null, pMet: null, forecast: null, ceiling: null, status: "reported", limitedBy: "", basis: [], missing: [], detail: "reported figure, no threshold" },
];

/**
 * A realistic, small baseline: 9 hubs (four at home, CJK names), 5 targets covering every kind of
 * goal (tonnes with a simulated band, a count beyond its ceiling, a share, a date, a report),
 * two assignment views, a simulation, a calibration and a reach circle. `hubName` renames the
 * first foreign hub (for the escaping test).
 */
export function fixtureBaseline(opts: { hubName?: string; scale?: number } = {}): BaselineResult {
  const hubs = HUBS.map((h) => (opts.hubName !== undefined && h.id === "LUX" ? { ...h, name: opts.hubName } : h));
  const scale = opts.scale ?? 1;
  return {
    kind: "fourports/baseline",
    scenario: scenario("zhengzhou-2025", "Zhengzhou four ports 2025"),
    baseYear: scenario("zhengzhou-2024", "Zhengzhou four ports 2024"),
    inputs: { targets: "seeds/targets-2025.json", history: "seeds/observed-history.json", forecast: "seeds/forecast.json", rural: null },
    targets: TARGETS.map((t) => ({ ...t })),
    views: { leastCost: view("cost", scale, hubs), shipperLogit: view("logit", scale * 0.97, hubs) },
    simulation: {
      replications: 2,
      seed: "fixture",
      targets: [{ id: "air-cargo-t", metric: "portThroughputT:air", comparator: ">=", goal: 1_000_000, value: { mean: 915_000, p5: 880_000, p50: 915_000, p95: 948_000, ciHalfWidth: 30_000 }, pMet: 0.05 }],
      totals: { deliveredT: { mean: 1.8e6, p5: 1.78e6, p50: 1.8e6, p95: 1.82e6, ciHalfWidth: 2e4 } },
      ports: [],
      lines: [],
      crossings: [],
      hubs: [],
      corridors: [],
      bottlenecks: [{ kind: "crossing", id: "ALA", utilisation: 0.97, detail: "2 tracks" }],
    },
    calibration: {
      scenarioId: "zhengzhou-2024",
      fit: {
        cutoff: "2024-09-30",
        prior: { logitScale: 10, valueOfTimeCnyPerTHour: { general: 15 }, modeConstantCnyPerT: {} },
        fitted: { logitScale: 12, valueOfTimeCnyPerTHour: { general: 18 }, modeConstantCnyPerT: { rail: -40 } },
        rows: [],
        fitRmsPct: 6.2,
        holdOutRmsPct: 9.8,
        holdOutSizedRmsPct: null,
        evaluations: 140,
        sampleDays: [10, 100, 200],
      },
      rows: [
        { figureId: "cgo-cargo-2024", from: "2024-01-01", to: "2024-12-31", clipped: false, role: "fit", observed: 820_000, unit: "t", label: "OFF", assigned: 801_000, error: -0.0232 },
        { figureId: "cre-trains-2024", from: "2024-01-01", to: "2024-12-31", clipped: true, role: "hold-out", observed: 3_400, unit: "trains", label: "PRESS", assigned: 3_520, error: 0.0353 },
      ],
    },
    reach: {
      origin: "CGO",
      fromMin: 0,
      samples: 168,
      groups: [
        { group: "domestic", limitDays: 1, destinationCount: 30, share: 0.93, misses: [{ destination: "URC", name: "Ürümqi 乌鲁木齐", country: "CN", weight: 1, share: 0.4, fastestHours: 30.5, via: "CGO", reason: "too slow" }] },
        { group: "neighbouring", limitDays: 2, destinationCount: 12, share: 0.81, misses: [] },
        { group: "worldwide", limitDays: 3, destinationCount: 20, share: 0.66, misses: [{ destination: "SCL", name: "Santiago", country: "CL", weight: 0.5, share: 0, fastestHours: null, via: null, reason: "not connected" }] },
      ],
    },
    hubs,
    provenance: [
      { label: "OFF", targets: ["air-cargo-t"] },
      { label: "PRESS", targets: ["cre-trains"] },
      { label: "EST", targets: ["air-cargo-t"] },
      { label: "ASSUMPTION", targets: ["cre-trains", "sea-rail-open"] },
      { label: "TARGET", targets: ["multimodal-share"] },
    ],
    forecastCutoff: "2024-12-31",
    cannotReach: ["cre-trains"],
  };
}

const d = (a: number | null, b: number | null): { a: number | null; b: number | null; change: number | null } => ({ a, b, change: a !== null && b !== null ? b - a : null });

/** A comparison of the fixture against itself at 110% (the cut of one line, one hub added). */
export function fixtureComparison(): ComparisonResult {
  const a = fixtureBaseline();
  const b = fixtureBaseline({ scale: 1.1 });
  const tp = (v: AssignmentView, i: number): number => v.ports[i]!.loadedT + v.ports[i]!.unloadedT;
  return {
    kind: "fourports/comparison",
    a: a.scenario,
    b: { ...b.scenario, id: "zhengzhou-2025-more", name: "Zhengzhou 2025, more air slots" },
    targets: a.targets.map((t, i) => {
      const u = b.targets[i]!;
      const num = (v: number | string | null): number | null => (typeof v === "number" ? v : null);
      return { id: t.id, title: t.title, unit: t.unit, comparator: t.comparator, goal: t.goal, leastCost: d(t.leastCost, u.leastCost === null ? null : u.leastCost * 1.1), shipperLogit: d(t.shipperLogit, u.shipperLogit), simulatedP50: d(t.simulated?.p50 ?? null, u.simulated ? u.simulated.p50 * 1.08 : null), pMet: d(t.pMet, u.pMet), ceiling: d(num(t.ceiling), num(u.ceiling)), ceilingA: t.ceiling, ceilingB: u.ceiling, statusA: t.status, statusB: i === 0 ? "met" : u.status };
    }),
    ports: a.views.leastCost.ports.map((p, i) => ({ portGroup: p.portGroup, mode: p.mode, throughputT: d(tp(a.views.leastCost, i), i === 3 ? tp(a.views.leastCost, i) * 0.9 : tp(b.views.leastCost, i)) })),
    lines: [
      { line: "L03", mode: "road", from: "ZZ-ROAD", to: "QDG", change: "removed", departures: d(64, null), loadedT: d(30_000, null), utilisation: d(0.6, null) },
      { line: "L15", mode: "air", from: "CGO", to: "LUX", change: "added", departures: d(null, 104), loadedT: d(null, 52_000), utilisation: d(null, 0.81) },
      { line: "L01", mode: "air", from: "CGO", to: "LUX", change: "changed", departures: d(50, 50), loadedT: d(40_000, 44_000), utilisation: d(0.7, 0.77) },
    ],
    hubs: a.views.leastCost.hubs.map((h, i) => ({ hub: h.hub, name: a.hubs.find((x) => x.id === h.hub)!.name, throughputT: d(h.throughputT, i === 2 ? h.throughputT * 0.8 : b.views.leastCost.hubs[i]!.throughputT) })),
    totals: { servedT: d(a.views.leastCost.servedT, b.views.leastCost.servedT), unservedT: d(47_000, 40_000), costCny: d(a.views.leastCost.costCny, b.views.leastCost.costCny), co2Kg: d(a.views.leastCost.co2Kg, b.views.leastCost.co2Kg), tonneKm: d(a.views.leastCost.tonneKm, b.views.leastCost.tonneKm) },
  };
}

/**
 * A real result: `baseline({ replications: 2, seed: "1" })` of seeds/zhengzhou-2025.json as
 * main had it on 2026-11-23, with the simulation's corridors, lines, crossings and hubs emptied
 * (the report does not draw them) and file paths made relative, to keep it at 177 KB.
 */
export function realBaseline(): BaselineResult {
  return JSON.parse(readFileSync(new URL("./fixtures/baseline-zhengzhou-2025.json", import.meta.url), "utf8")) as BaselineResult;
}
