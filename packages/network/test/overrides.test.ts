import { describe, expect, it } from "vitest";
import { applyOverrides, loadScenarioFile, type Override, type Scenario } from "@fourports/network";
import { fixture, overrideProblems } from "./helpers.js";

const P = { source: "test", label: "ASSUMPTION" } as const;
const base = (): Scenario => loadScenarioFile(fixture("mini.json"));

const problems = overrideProblems;

describe("applyOverrides", () => {
  it("does not touch the scenario it is given", () => {
    const sc = base();
    const before = structuredClone(sc);
    applyOverrides(sc, [{ op: "scale-services", select: { modes: ["air"] }, capacityFactor: 2, ...P }]);
    expect(sc).toEqual(before);
  });

  it("update-hub merges handling field by field", () => {
    const sc = applyOverrides(base(), [{ op: "update-hub", hub: "CGO", set: { handling: { flightsPerDay: 40 } }, ...P }]);
    expect(sc.hubs[0]!.handling).toEqual({ tPerDay: 500, flightsPerDay: 40 });
  });

  it("update-services, remove-services and add-services", () => {
    const sc = applyOverrides(base(), [
      { op: "update-services", select: { lines: ["AIR-LUX"] }, set: { capacityT: 134 }, ...P },
      { op: "remove-services", select: { ids: ["AIR-LUX-IN"] }, ...P },
    ]);
    expect(sc.services.map((s) => [s.id, s.capacityT])).toEqual([["AIR-LUX-OUT", 134], ["CRE-HAM-OUT", 1100]]);
  });

  it("move-services ends the originals the day before and starts copies at the new hub", () => {
    const sc = base();
    const withIlp = applyOverrides(sc, [
      { op: "add-hubs", hubs: [{ ...sc.hubs[1]!, id: "ILP", name: "New land port" }], ...P },
      { op: "move-services", select: { hubs: ["ZZR"] }, fromHub: "ZZR", toHub: "ILP", on: "2025-01-15", idSuffix: "-NEW", ...P },
    ]);
    const old = withIlp.services.find((s) => s.id === "CRE-HAM-OUT")!;
    const moved = withIlp.services.find((s) => s.id === "CRE-HAM-OUT-NEW")!;
    expect(old.ends).toBe("2025-01-14");
    expect([moved.from, moved.to, moved.starts, moved.via![0]!.hub]).toEqual(["ILP", "HAM", "2025-01-15", "ALA"]);
  });

  it("rejects a selection that matches nothing instead of doing nothing", () => {
    expect(problems(base(), [{ op: "remove-services", select: { modes: ["hsr"] }, ...P }])).toEqual([
      "what-if.json: $[0].select: this selection matches no service",
    ]);
  });

  it("rejects an empty selection rather than selecting everything", () => {
    expect(problems(base(), [{ op: "scale-demand", select: {}, factor: 2, ...P }])).toEqual([
      "what-if.json: $[0].select: expected at least one of ids, commodities, hubs",
    ]);
  });

  it("refuses a closure wholly outside the horizon (it would change nothing) but keeps one that overlaps it", () => {
    expect(problems(base(), [
      { op: "close-hub", hub: "CGO", from: "2026-07-01", to: "2026-07-31", ...P },
      { op: "close-services", select: { ids: ["AIR-LUX-OUT"] }, from: "2024-12-01", to: "2024-12-31", ...P },
    ])).toEqual([
      "what-if.json: $[0].from: 2026-07-01..2026-07-31 lies outside the scenario's horizon (2025-01-01 + 28 days), so it would change nothing",
      "what-if.json: $[1].from: 2024-12-01..2024-12-31 lies outside the scenario's horizon (2025-01-01 + 28 days), so it would change nothing",
    ]);
    expect(problems(base(), [{ op: "close-hub", hub: "CGO", from: "2024-12-20", to: "2025-01-03", ...P }])).toEqual([]);
  });

  it("points problems at the override that caused them", () => {
    expect(problems(base(), [
      { op: "scale-demand", select: { ids: ["D1"] }, factor: 2, ...P },
      { op: "close-hub", hub: "HMA", from: "2025-01-01", to: "2025-01-02", ...P },
      { op: "update-services", select: { ids: ["AIR-LUX-OUT"] }, set: { ends: "2024-01-01", starts: "2024-06-01" }, ...P },
      { op: "update-hub", hub: "LUX", set: { closes: "2025-01-01" }, source: "nope", label: "EST" },
    ])).toEqual([
      'what-if.json: $[1].hub: unknown hub "HMA" (did you mean "HAM"?)',
      "what-if.json: $[2].set.ends: ends (2024-01-01) before it starts (2024-06-01)",
      'what-if.json: $[3].source: unknown source "nope"; add it to "sources"',
    ]);
  });

  it("validates the structure of overrides built in code", () => {
    const bad = [{ op: "scale-demand", select: { ids: ["D1"] }, factor: -1, ...P }] as Override[];
    expect(problems(base(), bad)).toEqual(["what-if.json: $[0].factor: expected a number >= 0, got number -1"]);
  });
});
