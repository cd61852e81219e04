import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { checkVrpSolution, clarkeWright, formatCvrplibSolution, parseCvrplib, routeCost, solveVrp, type VrpInstance } from "../src/index.js";
import { bruteForceVrp, randomVrp } from "./brute.js";

const fixture = (f: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${f}`, import.meta.url)), "utf8");

describe("parseCvrplib", () => {
  it("reads a CVRPLIB instance with TSPLIB-rounded Euclidean costs", () => {
    const inst = parseCvrplib(fixture("small.vrp"), "small.vrp");
    expect(inst).toMatchObject({ name: "small-n8", customerCount: 8, capacity: 30 });
    expect(Array.from(inst.demand)).toEqual([0, 9, 7, 12, 8, 10, 6, 11, 5]);
    // depot (50,50) → node 2 (20,80): sqrt(1800) = 42.43 → 42
    expect(inst.cost[1]).toBe(42);
  });

  it("reports every problem with file and line", () => {
    let issues: { file: string; path: string; message: string }[] = [];
    try {
      parseCvrplib(fixture("broken.vrp"), "broken.vrp");
    } catch (e) {
      issues = (e as { issues: typeof issues }).issues;
    }
    const text = issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        'broken.vrp: line 4: EDGE_WEIGHT_TYPE must be EUC_2D, got "GEO"',
        'broken.vrp: line 8: expected numbers in NODE_COORD_SECTION, got "2 1 x"',
        "broken.vrp: line 13: expected a demand ≥ 0, got -1",
        "broken.vrp: $: no coordinates for node 4",
      ]),
    );
  });
});

describe("solveVrp", () => {
  it("finds the brute-force optimum on small instances", () => {
    const cases: VrpInstance[] = [parseCvrplib(fixture("small.vrp")), ...[1, 2, 3].map((s) => randomVrp(seedrandom(`bf-${s}`), 9, 20))];
    for (const inst of cases) {
      const opt = bruteForceVrp(inst);
      const sol = solveVrp(inst, { rng: seedrandom("t"), maxIterations: 3000 });
      expect(checkVrpSolution(inst, sol)).toEqual([]);
      expect(sol.cost).toBe(opt);
    }
  });

  it("keeps every route within capacity and the shift, each customer once", () => {
    const inst = randomVrp(seedrandom("shift"), 40, 25);
    const n1 = 41;
    const durationMin = Float64Array.from(inst.cost);
    const serviceMin = Float64Array.from({ length: n1 }, (_, i) => (i === 0 ? 0 : 5));
    // The shortest shift that still lets every customer be served alone.
    let single = 0;
    for (let v = 1; v < n1; v++) single = Math.max(single, durationMin[v]! + durationMin[v * n1]! + 5);
    const withShift: VrpInstance = { ...inst, shift: { durationMin, serviceMin, maxRouteMin: single } };
    const sol = solveVrp(withShift, { rng: seedrandom("s"), maxIterations: 2000 });
    expect(checkVrpSolution(withShift, sol)).toEqual([]);
    // Without the shift some route would be longer: the limit binds.
    const free = solveVrp(inst, { rng: seedrandom("s"), maxIterations: 2000 });
    expect(checkVrpSolution(withShift, free).some((v) => v.message.includes("shift allows"))).toBe(true);
  });

  it("keeps every arrival inside its customer's time window (waiting when early)", () => {
    const inst = randomVrp(seedrandom("tw"), 30, 40);
    const n1 = 31;
    const durationMin = Float64Array.from(inst.cost);
    const serviceMin = Float64Array.from({ length: n1 }, (_, i) => (i === 0 ? 0 : 5));
    const rng = seedrandom("windows");
    // Each customer opens a 90-minute window that a direct trip from the depot can reach.
    const windowOpenMin = Float64Array.from({ length: n1 }, (_, i) => (i === 0 ? -Infinity : durationMin[i]! + Math.floor(rng() * 200)));
    const windowCloseMin = Float64Array.from(windowOpenMin, (o, i) => (i === 0 ? Infinity : o + 90));
    const tw: VrpInstance = { ...inst, shift: { durationMin, serviceMin, maxRouteMin: 600, windowOpenMin, windowCloseMin } };
    const sol = solveVrp(tw, { rng: seedrandom("s"), maxIterations: 2000 });
    expect(checkVrpSolution(tw, sol)).toEqual([]);
    for (const r of sol.routes) {
      let t = 0;
      let prev = 0;
      for (const v of r) {
        t = Math.max(t + durationMin[prev * n1 + v]!, windowOpenMin[v]!);
        expect(t, `customer ${v}`).toBeLessThanOrEqual(windowCloseMin[v]!);
        t += 5;
        prev = v;
      }
    }
  });

  it("gives the same routes for the same seed and iterations", () => {
    const inst = randomVrp(seedrandom("det"), 30, 30);
    const a = solveVrp(inst, { rng: seedrandom("7"), maxIterations: 1500 });
    const b = solveVrp(inst, { rng: seedrandom("7"), maxIterations: 1500 });
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
  });

  it("never does worse than its Clarke-Wright start", () => {
    const inst = randomVrp(seedrandom("cw"), 50, 30);
    const start = clarkeWright(inst);
    expect(checkVrpSolution(inst, start)).toEqual([]);
    expect(solveVrp(inst, { rng: seedrandom("1"), maxIterations: 500 }).cost).toBeLessThanOrEqual(start.cost);
  });

  it("refuses a customer heavier than the vehicle", () => {
    const inst = randomVrp(seedrandom("heavy"), 5, 10);
    inst.demand[3] = 11;
    expect(() => solveVrp(inst, { rng: seedrandom("1"), maxIterations: 10 })).toThrow(/customer 3: demand 11 exceeds the vehicle capacity 10/);
  });
});

describe("formatCvrplibSolution", () => {
  it("writes Route #r lines then the cost", () => {
    const inst = parseCvrplib(fixture("small.vrp"));
    const routes = [[1, 2, 8], [3, 4], [5, 6, 7]];
    const cost = routes.reduce((a, r) => a + routeCost(inst, r), 0);
    expect(formatCvrplibSolution({ routes, cost })).toBe(`Route #1: 1 2 8\nRoute #2: 3 4\nRoute #3: 5 6 7\nCost ${cost}\n`);
  });
});
