// The cheap half of every example, checked on each test run: its what-if applies to the 2025
// seed and changes what it says, its scenario files load, and every script has its
// `pnpm example:<name>` and a README entry. The year-long runs themselves are not run here.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyOverrides, expandTimetable, loadScenarioFile, scheduleDepartures, type Scenario } from "fourports";
import { DEFAULT_OUT, exampleArgs } from "./lib/args.js";
import { creSlots, erenhotClosure, hsrTariff, newAirRoute, railSeaPush, seed, whatIfFile } from "./lib/what-ifs.js";

const base: Scenario = loadScenarioFile(seed("zhengzhou-2025.json"));
const WEEK = 7 * 1440;
const perWeek = (sc: Scenario, id: string): number => scheduleDepartures(sc.services.find((s) => s.id === id)!, sc.epoch, 0, 4 * WEEK).length / 4;

describe("the examples' what-ifs on the 2025 seed", () => {
  it("border closure: Erenhot closed for the second quarter, no train through it then", () => {
    const sc = applyOverrides(base, erenhotClosure());
    expect(sc.hubs.find((h) => h.id === "ERENHOT")!.closures).toEqual([{ from: "2025-04-01", to: "2025-06-30", reason: "what-if: border closed for a quarter" }]);
    const tt = expandTimetable(sc, { from: "2025-05-01", days: 10 });
    const erenhot = tt.hubIds.indexOf("ERENHOT");
    let through = 0;
    for (let c = 0; c < tt.length; c++) if (tt.depHub[c] === erenhot || tt.arrHub[c] === erenhot) through++;
    expect(through).toBe(0);
    expect(expandTimetable(base, { from: "2025-05-01", days: 10 }).cancelledTrips).toBeLessThan(tt.cancelledTrips);
  });

  it("rail-sea push: twice the rail-sea trains, the port-bound export flows on rail only", () => {
    const sc = applyOverrides(base, railSeaPush());
    for (const s of base.services.filter((x) => x.id.startsWith("RS-"))) expect(perWeek(sc, s.id)).toBe(2 * perWeek(base, s.id));
    expect(sc.demand.filter((d) => d.id.startsWith("RS-X-")).map((d) => d.modes)).toEqual([["rail"], ["rail"], ["rail"], ["rail"]]);
  });

  it("new air route: WAW with its road link to the Warsaw gateway and two freighters a week each way", () => {
    const sc = applyOverrides(base, newAirRoute());
    expect(sc.hubs.some((h) => h.id === "WAW")).toBe(true);
    expect(sc.transfers.some((t) => t.from === "WAW" && t.to === "WARSAW")).toBe(true);
    expect([perWeek(sc, "AIR-CGO-WAW-OUT"), perWeek(sc, "AIR-CGO-WAW-IN")]).toEqual([2, 2]);
  });

  it("HSR pricing: every HSR tariff scaled, nothing else", () => {
    const sc = applyOverrides(base, hsrTariff(0.8));
    sc.services.forEach((s, i) => expect(s.tariffCnyPerT).toBeCloseTo(base.services[i]!.tariffCnyPerT * (s.mode === "hsr" ? 0.8 : 1), 6));
  });

  it("China-Europe slots: every CRE rail service's departures per week × 1.5, rounded halves up", () => {
    const sc = applyOverrides(base, creSlots(1.5));
    const cre = base.services.filter((s) => s.id.startsWith("CRE-") && s.mode === "rail");
    expect(cre.length).toBeGreaterThan(20);
    for (const s of cre) expect(perWeek(sc, s.id)).toBe(Math.floor(perWeek(base, s.id) * 1.5 + 0.5));
  });

  it("every what-if file under examples/scenarios loads", () => {
    const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(loadScenarioFile(whatIfFile(f)).applied.length).toBeGreaterThan(base.applied.length);
  });
});

describe("the examples' command line", () => {
  it("takes --out DIR and refuses anything else by name", () => {
    expect(exampleArgs([]).outDir).toBe(DEFAULT_OUT);
    expect(exampleArgs(["--out", "/tmp/r"]).outDir).toBe("/tmp/r");
    expect(exampleArgs(["--out=/tmp/s"]).outDir).toBe("/tmp/s");
    expect(() => exampleArgs(["--out"])).toThrow("--out: expected a folder");
    expect(() => exampleArgs(["--outt", "x"])).toThrow('unknown option "--outt"');
  });

  it("every example script has a root `example:<name>` script and a README section", () => {
    const root = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { scripts: Record<string, string> };
    const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
    const scripts = readdirSync(fileURLToPath(new URL(".", import.meta.url))).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(scripts.length).toBeGreaterThanOrEqual(6);
    for (const f of scripts) {
      const name = f.replace(/\.ts$/, "");
      expect(root.scripts[`example:${name}`], name).toBe(`tsc -b && node examples/dist/${name}.js`);
      expect(readme, name).toContain(`pnpm example:${name}`);
    }
  });
});
