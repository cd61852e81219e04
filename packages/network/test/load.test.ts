import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  formatIssue,
  loadScenarioFile,
  loadScenarioValue,
  ScenarioError,
  validateScenarioFile,
  type Issue,
} from "@fourports/network";
import { fixture, seed } from "./helpers.js";

const expected = JSON.parse(readFileSync(fixture("broken/expected.json"), "utf8")) as Record<
  string,
  { path: string; message: string }
>;

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === "object") {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe("loadScenarioFile", () => {
  it("loads the mini fixture", () => {
    const sc = loadScenarioFile(fixture("mini.json"));
    expect(sc.hubs.map((h) => h.id)).toEqual(["CGO", "ZZR", "ALA", "HAM", "LUX"]);
    expect(sc.services).toHaveLength(3);
    expect(sc.lineage).toEqual([]);
  });

  it("follows extends and applies overrides in order", () => {
    const sc = loadScenarioFile(fixture("mini-whatif.json"));
    expect(sc.lineage).toEqual(["mini"]);
    expect(sc.services.find((s) => s.id === "AIR-LUX-OUT")!.capacityT).toBe(150);
    expect(sc.hubs.find((h) => h.id === "HAM")!.closures).toEqual([{ from: "2025-01-20", to: "2025-01-31", reason: "strike" }]);
    expect(sc.demand.find((d) => d.id === "D1")!.tPerYear).toBe(10000);
    expect(sc.applied.map((a) => a.op)).toEqual(["scale-services", "close-hub", "scale-demand"]);
  });

  it("loads both seed scenarios", () => {
    const y24 = loadScenarioFile(seed("zhengzhou-2024.json"));
    const y25 = loadScenarioFile(seed("zhengzhou-2025.json"));
    expect(y24.hubs.length).toBeGreaterThanOrEqual(40);
    expect(y25.lineage).toEqual(["zhengzhou-2024"]);
    expect(y25.hubs.length).toBeGreaterThan(y24.hubs.length);
    // The land port move: every Putian service ends the day before the new port takes over.
    const putian = y25.services.filter((s) => s.from === "ZZ-PUTIAN" || s.to === "ZZ-PUTIAN");
    expect(putian.length).toBeGreaterThan(0);
    for (const s of putian) expect(s.ends).toBe("2025-05-30");
    const ilp = y25.services.filter((s) => s.from === "ZZ-ILP" || s.to === "ZZ-ILP");
    expect(ilp.filter((s) => s.id.endsWith("-ILP"))).toHaveLength(putian.length);
  });

  it("never mutates the value it is given", () => {
    const raw = JSON.parse(readFileSync(fixture("mini.json"), "utf8")) as unknown;
    const copy = structuredClone(raw);
    deepFreeze(raw);
    const sc = loadScenarioValue(raw, { file: "mini.json" });
    expect(raw).toEqual(copy);
    sc.hubs[0]!.name = "changed";
    expect(raw).toEqual(copy);
  });

  it("reports every problem at once, not only the first", () => {
    const raw = JSON.parse(readFileSync(fixture("mini.json"), "utf8")) as {
      hubs: { lon: unknown }[];
      services: { to: string; mode: string }[];
    };
    raw.hubs[0]!.lon = "east";
    raw.services[0]!.mode = "plane";
    let issues: Issue[] = [];
    try {
      loadScenarioValue(raw, { file: "x.json" });
    } catch (err) {
      issues = (err as ScenarioError).issues;
    }
    expect(issues.map(formatIssue)).toEqual([
      'x.json: $.hubs[0].lon: expected number, got "east"',
      'x.json: $.services[0].mode: expected one of "air", "rail", "hsr", "road", "river", "sea", got "plane"',
    ]);
  });

  it("says which file is missing", () => {
    expect(validateScenarioFile("no/such.json")).toEqual([
      { file: "no/such.json", path: "$", message: "file not found" },
    ]);
  });
});

describe("each kind of broken scenario is rejected with its JSON path", () => {
  it.each(Object.entries(expected))("%s", (name, want) => {
    const issues = validateScenarioFile(fixture(`broken/${name}.json`));
    expect(issues.length).toBeGreaterThan(0);
    const hit = issues.find((i) => i.path === want.path);
    expect(hit, issues.map(formatIssue).join("\n")).toBeDefined();
    expect(hit!.message).toContain(want.message);
  });
});
