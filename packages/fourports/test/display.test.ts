import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { simulate as simulatePlain } from "@fourports/sim";
import {
  assignDemand,
  assignmentSummary,
  baseline,
  baselineSvgDashboard,
  compareScenarios,
  displayable,
  expandTimetable,
  JUPYTER_DISPLAY,
  loadScenarioFile,
  mimeBundle,
  prepareRouting,
  routeQuery,
  simulate,
  summarizeScenario,
  type BaselineResult,
} from "../src/index.js";
import { tablesBundle } from "../src/tables.js";

const mini = loadScenarioFile(fileURLToPath(new URL("../../network/test/fixtures/mini.json", import.meta.url)));

/** A real baseline of zhengzhou-2025, as @fourports/report's tests keep it. */
const fixture = JSON.parse(readFileSync(new URL("../../report/test/fixtures/baseline-zhengzhou-2025.json", import.meta.url), "utf8")) as BaselineResult;

/** Every typed array written by JSON.stringify shows up as an object keyed "0", "1", …. */
const TYPED_ARRAY_KEYS = /"0":/;

describe("Jupyter display protocol", () => {
  it("is the symbol Deno's kernel looks up", () => {
    expect(JUPYTER_DISPLAY).toBe(Symbol.for("Jupyter.display"));
  });

  it("simulate() results display as tables and stay the plain data sim returns", async () => {
    const r = await simulate(mini, { replications: 2, seed: 7 });
    const plain = await simulatePlain(mini, { replications: 2, seed: 7 });
    expect(typeof r[JUPYTER_DISPLAY]).toBe("function");
    expect(Object.getOwnPropertyDescriptor(r, JUPYTER_DISPLAY)?.enumerable).toBe(false);
    expect(Object.keys(r)).toEqual(Object.keys(plain));
    expect(JSON.stringify(r)).toBe(JSON.stringify(plain));
    const clone = structuredClone(r) as object;
    expect(JUPYTER_DISPLAY in clone).toBe(false);
    expect(mimeBundle(clone)).toBeNull();
    const b = mimeBundle(r)!;
    expect(b["text/html"]).toContain("<table");
    expect(b["text/html"]).toContain("Simulation of mini: 2 replications");
    expect(b["text/plain"]).toContain("deliveredT");
    expect(JSON.stringify(r)).not.toMatch(TYPED_ARRAY_KEYS);
  });

  it("a scenario summary displays its counts and weekly capacity", () => {
    const s = summarizeScenario(mini, expandTimetable(mini));
    const b = mimeBundle(s)!;
    expect(b["text/plain"]).toMatch(new RegExp(`hubs\\s+${s.hubCount}\\n`));
    expect(b["text/html"]).toContain("<caption");
    expect(s.weekly.length).toBeGreaterThan(0);
    expect(b["text/html"]!.match(/<tr>/g)!.length).toBe(1 + 7 + 1 + s.weekly.length);
  });

  it("an assignment displays and serialises as its summary, without typed arrays", () => {
    const a = assignDemand(mini, prepareRouting(mini, expandTimetable(mini)));
    // The Assignment itself keeps its typed arrays (the simulation indexes them) …
    expect(JSON.stringify(a)).toMatch(TYPED_ARRAY_KEYS);
    // … and what a notebook shows or writes is the plain summary.
    const summary = assignmentSummary(a);
    const json = JSON.stringify(summary);
    expect(json).not.toMatch(TYPED_ARRAY_KEYS);
    expect(json.length).toBeLessThan(JSON.stringify(a).length);
    expect(JSON.parse(json)).toEqual(summary);
    expect(summary.servedT).toBe(a.servedT);
    expect(summary.connections).toBe(a.connectionT.length);
    expect(summary.tripsRan).toBe(a.tripRan.reduce((s, x) => s + x, 0));
    expect(summary.servedT + Object.values(summary.unservedT).reduce((s, x) => s + x, 0)).toBeCloseTo(summary.demandT, 6);
    const b = mimeBundle(a)!;
    expect(b["text/plain"]).toContain("Assignment of mini");
    expect(b["text/html"]!.length).toBeLessThan(20_000);
  });

  it("escapes text from scenario files in the HTML", () => {
    const b = tablesBundle("<b>x</b>", [{ caption: "c & d", headers: ["h"], rows: [['<script>alert("x")</script>']] }]);
    expect(b["text/html"]).not.toContain("<script>");
    expect(b["text/html"]).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(b["text/html"]).toContain("c &amp; d");
  });

  it("displayable() names what it expected for an unknown kind", () => {
    const bogus = { kind: "fourports/other" } as unknown as BaselineResult;
    expect(() => displayable(bogus)).toThrow(/displayable\(\): kind: expected "fourports\/baseline" or "fourports\/comparison", got "fourports\/other"/);
  });

  it("under Deno, runs the simulation in one thread and refuses more (worker threads hang there)", async () => {
    const g = globalThis as { Deno?: unknown };
    g.Deno = {};
    try {
      await expect(simulate(mini, { replications: 1, workers: 2 })).rejects.toThrow(/simulate\(\): workers: 2 worker threads do not start under Deno.*pass workers: 1/);
      await expect(baseline({ workers: 3 })).rejects.toThrow(/baseline\(\): workers: 3 worker threads do not start under Deno/);
      const r = await simulate(mini, { replications: 1, seed: 3 });
      expect(JSON.stringify(r)).toBe(JSON.stringify(await simulatePlain(mini, { replications: 1, seed: 3 })));
    } finally {
      delete g.Deno;
    }
  });

  it("a route answer displays each journey's legs", () => {
    const net = prepareRouting(mini, expandTimetable(mini));
    const r = routeQuery(mini, net, { from: mini.hubs[0]!.id, to: "HAM", criteria: ["time", "cost"] });
    expect(r.journeys.length).toBeGreaterThan(0);
    const b = mimeBundle(r)!;
    expect(b["text/html"]!.match(/<caption/g)!.length).toBe(r.journeys.length);
    const legs = r.journeys.reduce((s, j) => s + j.legs.length, 0);
    expect(b["text/html"]!.match(/<tr>/g)!.length).toBe(r.journeys.length + legs);
    expect(b["text/plain"]).toContain(r.journeys[0]!.arrives);
    expect(JSON.stringify(r)).not.toMatch(TYPED_ARRAY_KEYS);
  });

  it("a baseline displays @fourports/report's target dashboard above its tables", () => {
    const r = displayable(structuredClone(fixture));
    const b = mimeBundle(r)!;
    expect(b["image/svg+xml"]).toBe(baselineSvgDashboard(fixture));
    expect(b["image/svg+xml"]).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(b["text/html"]!.startsWith(b["image/svg+xml"]!)).toBe(true);
    for (const t of fixture.targets) expect(b["text/plain"]).toMatch(new RegExp(`^${t.id} `, "m"));
    expect(JSON.stringify(r)).toBe(JSON.stringify(fixture));
  });

  it("a comparison displays each target's change", () => {
    const b2 = structuredClone(fixture);
    const moved = b2.targets.find((t) => typeof t.leastCost === "number")!;
    moved.leastCost = (moved.leastCost as number) + 1000;
    const c = compareScenarios(fixture, b2);
    const text = mimeBundle(c)!["text/plain"];
    expect(text).toMatch(new RegExp(`^${moved.id} .*\\+1,000`, "m"));
    expect(c.kind).toBe("fourports/comparison");
    expect(Object.keys(c)).not.toContain(String(JUPYTER_DISPLAY));
  });
});
