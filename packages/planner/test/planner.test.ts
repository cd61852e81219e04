import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyOverrides, loadScenarioFile } from "@fourports/network";
import { baseline, baseYearOfLineage, compareScenarios, findBaseYearFile, type BaselineResult } from "@fourports/planner";

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const MINI = here("../../network/test/fixtures/mini.json");
const TARGETS = here("fixtures/mini-targets.json");
const SEEDS = here("../../../seeds/");

const run = (scenario: Parameters<typeof baseline>[0] extends infer O ? (O extends { scenario?: infer S } ? S : never) : never): Promise<BaselineResult> =>
  baseline({ scenario, targets: TARGETS, replications: 0, baseYear: null });

/** Every value a JSON round trip keeps: no typed arrays, Maps, class instances, NaN or undefined. */
function expectJsonSafe(v: unknown, path = "$"): void {
  if (v === null || typeof v === "string" || typeof v === "boolean") return;
  if (typeof v === "number") {
    expect(Number.isFinite(v), `${path} is ${v}`).toBe(true);
    return;
  }
  expect(typeof v, path).toBe("object");
  const proto = Object.getPrototypeOf(v);
  expect(proto === Object.prototype || proto === Array.prototype, `${path} is a ${proto?.constructor?.name}`).toBe(true);
  for (const [k, x] of Object.entries(v as object)) {
    expect(x, `${path}.${k}`).not.toBeUndefined();
    expectJsonSafe(x, `${path}.${k}`);
  }
}

describe("baseline()", () => {
  it("returns plain JSON-safe data that survives a round trip unchanged, the same on every run", async () => {
    const a = await run(MINI);
    expectJsonSafe(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(await run(MINI)).toEqual(a);
    expect(a.kind).toBe("fourports/baseline");
    expect(a.targets.map((t) => t.id)).toEqual(["air", "cre"]);
    expect(a.simulation).toBeNull();
  });

  it("its views add up: served plus unserved is the demand; line loads never exceed capacity; legs carry the served tonnes", async () => {
    const r = await run(MINI);
    for (const v of [r.views.leastCost, r.views.shipperLogit]) {
      const unserved = Object.values(v.unservedT).reduce((s, x) => s + x, 0);
      expect(v.servedT + unserved).toBeCloseTo(v.demandT, 6);
      expect(v.servedT).toBeGreaterThan(0);
      for (const l of v.lines) expect(l.loadedT).toBeLessThanOrEqual(l.capacityT + 1e-6);
      // Every served tonne rides at least one leg, so the legs carry at least the served tonnes.
      expect(v.legs.reduce((s, l) => s + l.tonnes, 0)).toBeGreaterThanOrEqual(v.servedT - 1e-6);
      const monthlyT = v.monthly.reduce((s, m) => s + m.throughputT, 0);
      const portsT = v.ports.reduce((s, p) => s + p.loadedT + p.unloadedT, 0);
      expect(monthlyT).toBeCloseTo(portsT, 3);
    }
    // The assigned figure of the air target is the CGO throughput the ports table shows.
    const air = r.targets.find((t) => t.id === "air")!;
    const cgo = r.views.leastCost.ports.filter((p) => p.portGroup === "air").reduce((s, p) => s + p.loadedT + p.unloadedT, 0);
    expect(air.leastCost).toBeCloseTo(cgo, 3);
  });

  it("rejects bad options with the option named", async () => {
    await expect(baseline({ replications: -1 })).rejects.toThrow(/replications/);
    await expect(baseline({ fitCutoff: "2025-02-30" })).rejects.toThrow(/fitCutoff/);
    await expect(baseline({ scenario: join(tmpdir(), "no-such-scenario.json") })).rejects.toThrow(/no-such-scenario\.json/);
    // A misspelt option must not run with the default.
    await expect(baseline({ replication: 0 } as never)).rejects.toThrow(/unknown option "replication" \(did you mean "replications"\?\)/);
    // Growth against the same year would read as no growth at all.
    await expect(baseline({ scenario: MINI, baseYear: MINI, targets: TARGETS, replications: 0 })).rejects.toThrow(/not in a year before/);
  });
});

describe("base year of a what-if", () => {
  it("is the nearest earlier year up the extends chain, not the file it extends", () => {
    const dir = mkdtempSync(join(tmpdir(), "fourports-whatif-"));
    const file = join(dir, "what-if.json");
    writeFileSync(file, JSON.stringify({ id: "w", name: "what-if", extends: join(SEEDS, "zhengzhou-2025.json"), overrides: [] }));
    expect(findBaseYearFile(file)).toBe(join(SEEDS, "zhengzhou-2024.json"));
    expect(findBaseYearFile(join(SEEDS, "zhengzhou-2025.json"))).toBe(join(SEEDS, "zhengzhou-2024.json"));
    expect(findBaseYearFile(join(SEEDS, "zhengzhou-2024.json"))).toBeNull();
  });
});

describe("base year of a what-if built in code", () => {
  it("is found from the lineage's seed scenarios, and an unknown lineage is an error, not a silent null", () => {
    const seed = loadScenarioFile(join(SEEDS, "zhengzhou-2025.json"));
    const whatIf = applyOverrides(seed, []);
    expect(baseYearOfLineage(whatIf)).toBe(join(SEEDS, "zhengzhou-2024.json"));
    expect(baseYearOfLineage(loadScenarioFile(join(SEEDS, "zhengzhou-2024.json")))).toBeNull();
    expect(() => baseYearOfLineage({ ...seed, lineage: ["somewhere-else"] })).toThrow(/"somewhere-else", which is not a seed scenario.*pass baseYear/);
  });
});

describe("compareScenarios()", () => {
  it("finds nothing changed between a baseline and itself", async () => {
    const a = await run(MINI);
    const c = compareScenarios(a, a);
    expect(c.lines).toEqual([]);
    expect(c.hubs).toEqual([]);
    for (const t of c.targets) expect([t.leastCost.change, t.shipperLogit.change]).toEqual([0, 0]);
    expect(c.totals.servedT.change).toBe(0);
  });

  it("shows the lines, hubs and targets a what-if moves", async () => {
    const base = loadScenarioFile(MINI);
    // Doubling the air line's capacity lets more cargo fly: the air line and CGO must show it.
    const more = applyOverrides(base, [{ op: "scale-services", select: { lines: ["AIR-LUX"] }, capacityFactor: 2, source: "test", label: "ASSUMPTION" }]);
    const a = await run(base);
    const b = await run(more);
    const c = compareScenarios(a, b);
    const air = c.targets.find((t) => t.id === "air")!;
    expect(air.leastCost.change).toBe(b.targets[0]!.leastCost! - a.targets[0]!.leastCost!);
    const airLines = c.lines.filter((l) => l.line === "AIR-LUX");
    expect(air.leastCost.change).toBeGreaterThan(0);
    expect(airLines.length).toBeGreaterThan(0);
    expect(airLines.every((l) => l.loadedT.change! > 0)).toBe(true);
    expect(c.hubs.map((h) => h.hub)).toContain("CGO");
    for (const l of c.lines) expect(l.change === "changed" || l.change === "added" || l.change === "removed").toBe(true);
    expect(() => compareScenarios(a, { kind: "other" } as unknown as BaselineResult)).toThrow(/b: expected a baseline/);
  });
});
