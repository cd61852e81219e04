import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandTimetable, formatIssue, loadScenarioValue, ScenarioError } from "@fourports/network";
import { fixture } from "./helpers.js";

type Raw = { services: Record<string, unknown>[]; hubs: Record<string, unknown>[] };
const mini = (): Raw => JSON.parse(readFileSync(fixture("mini.json"), "utf8")) as Raw;

function problems(raw: unknown): string[] {
  try {
    loadScenarioValue(raw, { file: "x.json" });
    return [];
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return err.issues.map(formatIssue);
  }
}

const pool = { vehicles: 4, rotationMin: 40_000, minLoadFactor: 0.8, maxWaitMin: 4320 };

describe("on-demand dispatch", () => {
  it("loads an on-demand service and flags it in the timetable", () => {
    const raw = mini();
    const rail = raw.services.findIndex((s) => s["mode"] === "rail");
    raw.services[rail] = { ...raw.services[rail], dispatch: "on-demand", onDemand: pool };
    const sc = loadScenarioValue(raw, { file: "x.json" });
    const tt = expandTimetable(sc);
    expect(Array.from(tt.serviceOnDemand)).toEqual(sc.services.map((s) => (s.dispatch === "on-demand" ? 1 : 0)));
    expect(tt.serviceOnDemand[rail]).toBe(1);
  });

  it("needs the pool when on demand, and the on-demand flag when a pool is given", () => {
    const raw = mini();
    raw.services[0] = { ...raw.services[0], dispatch: "on-demand" };
    raw.services[1] = { ...raw.services[1], onDemand: pool };
    const p = problems(raw);
    expect(p.some((m) => m.includes("$.services[0].onDemand") && m.includes("vehicle pool"))).toBe(true);
    expect(p.some((m) => m.includes("$.services[1].dispatch") && m.includes('"on-demand"'))).toBe(true);
  });

  it("rejects a rotation shorter than the run", () => {
    const raw = mini();
    raw.services[0] = { ...raw.services[0], dispatch: "on-demand", onDemand: { ...pool, rotationMin: 1 } };
    const p = problems(raw);
    expect(p.some((m) => m.includes("$.services[0].onDemand.rotationMin") && m.includes("run time"))).toBe(true);
  });

  it("rejects a load factor outside (0, 1]", () => {
    for (const minLoadFactor of [0, 1.5]) {
      const raw = mini();
      raw.services[1] = { ...raw.services[1], dispatch: "on-demand", onDemand: { ...pool, minLoadFactor } };
      expect(problems(raw).some((m) => m.includes("$.services[1].onDemand.minLoadFactor"))).toBe(true);
    }
  });

  it("allows background trains only at border crossings", () => {
    const raw = mini();
    const border = raw.hubs.findIndex((h) => h["kind"] === "border-crossing");
    const other = raw.hubs.findIndex((h) => h["kind"] !== "border-crossing");
    raw.hubs[border] = { ...raw.hubs[border], backgroundTrainsPerDay: 12 };
    raw.hubs[other] = { ...raw.hubs[other], backgroundTrainsPerDay: 12 };
    const p = problems(raw);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain(`$.hubs[${other}].backgroundTrainsPerDay`);
  });
});
