import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  closest,
  expandTimetable,
  formatIssue,
  FourportsInputError,
  LIMITS,
  loadScenarioValue,
  parseJsonText,
  ScenarioError,
  SUGGEST_LIMITS,
  type Issue,
  type Override,
} from "@fourports/network";
import { fixture } from "./helpers.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const mini = (): Json => JSON.parse(readFileSync(fixture("mini.json"), "utf8")) as Json;

/** The issues a load reports, formatted; fails the test when the load succeeds. */
function problems(value: unknown): string[] {
  try {
    loadScenarioValue(value, { file: "x.json" });
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues.map(formatIssue);
    throw err;
  }
  throw new Error("expected the load to fail");
}

describe("numbers are bounded by what the engine represents", () => {
  it("rejects minutes that would wrap the int32 timetable (durationMin, transferMin, link durationMin)", () => {
    const a = mini();
    a["services"][0].durationMin = 3_000_000_000;
    a["hubs"][0].transferMin.default = 3_000_000_000;
    a["transfers"][0].durationMin = 3_000_000_000;
    expect(problems(a)).toEqual([
      "x.json: $.hubs[0].transferMin.default: expected a number <= 144000, got number 3000000000",
      "x.json: $.services[0].durationMin: expected a number <= 144000, got number 3000000000",
      "x.json: $.transfers[0].durationMin: expected a number <= 144000, got number 3000000000",
    ]);
  });

  it("rejects frequencies beyond one departure a minute", () => {
    const a = mini();
    a["services"][1].schedule = { type: "frequency", perDay: 1_000_000 };
    expect(problems(a)).toEqual(["x.json: $.services[1].schedule.perDay: expected a number <= 1440, got number 1000000"]);
  });

  it("rejects a capacity that JSON turned into Infinity", () => {
    const parsed = parseJsonText(readFileSync(fixture("mini.json"), "utf8").replace('"capacityT": 100', '"capacityT": 1e999'), "x.json");
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(problems(parsed.value)[0]).toMatch(/^x\.json: \$\.services\[0\]\.capacityT: expected /);
  });
});

describe("overrides never produce what the schema forbids", () => {
  const sc = loadScenarioValue(mini(), { file: "mini.json" });
  const fail = (o: Override): string[] => {
    try {
      applyOverrides(sc, [o], { file: "w.json" });
    } catch (err) {
      if (err instanceof ScenarioError) return err.issues.map(formatIssue);
      throw err;
    }
    throw new Error("expected the overrides to fail");
  };
  const prov = { source: "test", label: "ASSUMPTION" } as const;

  it("capacityFactor 0 is refused", () => {
    expect(fail({ op: "scale-services", select: { modes: ["air"] }, capacityFactor: 0, ...prov })).toEqual([
      "w.json: $[0].capacityFactor: expected a number > 0, got number 0",
    ]);
  });

  it("a factor that would take demand past its bound is refused, not turned into Infinity", () => {
    expect(fail({ op: "scale-demand", select: { ids: ["D1"] }, factor: 1e308, ...prov })).toEqual([
      "w.json: $[0].factor: expected a number <= 1000000, got number 1e+308",
    ]);
    expect(fail({ op: "scale-services", select: { ids: ["AIR-LUX-OUT"] }, capacityFactor: 1_000_000, ...prov })).toEqual([
      'w.json: $[0].capacityFactor: gives service "AIR-LUX-OUT" capacityT = 100000000, above the limit of 10000000',
    ]);
  });

  it("move-services from a hub to itself is refused", () => {
    expect(fail({ op: "move-services", select: { ids: ["AIR-LUX-OUT"] }, fromHub: "CGO", toHub: "CGO", on: "2025-01-10", idSuffix: "-X", ...prov })).toEqual([
      'w.json: $[0].toHub: same as "fromHub" (CGO); a move needs two different hubs',
    ]);
  });
});

describe("resource limits give a clear error naming the limit", () => {
  it("a list past its limit (hubs)", () => {
    const a = mini();
    a["hubs"] = Array.from({ length: LIMITS.hubs + 1 }, () => a["hubs"][0]);
    expect(problems(a)).toEqual([`x.json: $.hubs: expected an array with <= ${LIMITS.hubs} items`]);
  });

  it("overrides × entities past the override-steps limit, refused before any is applied", () => {
    const a = mini();
    const s0 = a["services"][0];
    a["services"] = Array.from({ length: 20_000 }, (_, i) => ({ ...s0, id: `S${i}` }));
    a["overrides"] = Array.from({ length: 1_001 }, () => ({ op: "scale-services", select: { ids: ["S1"] }, capacityFactor: 1, source: "test", label: "EST" }));
    expect(problems(a)).toEqual([
      `x.json: $.overrides: 1001 overrides on a scenario of 20008 entities take 20028008 steps, more than the limit of ${LIMITS.overrideSteps} (overrides × entities); use fewer overrides (one selector can name many services)`,
    ]);
  });

  it("an id past the id-length limit", () => {
    const a = mini();
    a["id"] = "A".repeat(LIMITS.idLength + 1);
    expect(problems(a)).toEqual([`x.json: $.id: expected a string of length <= ${LIMITS.idLength}`]);
  });

  it("text nested 3,000 deep is refused before any recursive parser sees it", () => {
    const r = parseJsonText(`{"a":${"[".repeat(3000)}${"]".repeat(3000)}}`, "deep.json");
    expect(r).toEqual({ ok: false, issues: [{ file: "deep.json", path: "line 1, column 69", message: `nested deeper than ${LIMITS.nestingDepth} levels (the nesting-depth limit)` }] });
  });

  it("a value nested 3,000 deep, a cycle and a non-plain object are refused", () => {
    let deep: unknown = [];
    for (let i = 0; i < 3000; i++) deep = [deep];
    const a = mini();
    a["description"] = deep;
    expect(problems(a)).toEqual([expect.stringMatching(/^x\.json: \$\.description(\[0\])+: nested deeper than 64 levels/)]);
    const b = mini();
    b["hubs"][0].handling.self = b["hubs"][0];
    expect(problems(b)).toEqual(["x.json: $.hubs[0].handling.self: a cycle: this value contains itself"]);
    const c = mini();
    c["hubs"][0].opens = new Date(0);
    expect(problems(c)).toEqual(["x.json: $.hubs[0].opens: expected JSON data, got an instance of Date"]);
  });

  it("a file past the size limit", () => {
    const big = `{"id":"x","name":"${"a".repeat(LIMITS.fileBytes)}"}`;
    expect(parseJsonText(big, "big.json")).toEqual({ ok: false, issues: [{ file: "big.json", path: "$", message: `larger than the file-size limit of ${LIMITS.fileBytes} bytes` }] });
  });

  it("a timetable past the connection limit is refused before it is built", () => {
    const a = mini();
    a["horizonDays"] = LIMITS.horizonDays;
    for (const s of a["services"]) s.schedule = { type: "frequency", perDay: 1440 };
    const sc = loadScenarioValue(a, { file: "x.json" });
    const err = (() => {
      try {
        expandTimetable(sc);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FourportsInputError);
    expect(err).toMatchObject({ code: "limit-exceeded", message: expect.stringContaining(`more than the limit of ${LIMITS.connections}`) });
  });

  it("150,000 problems are reported without spreading them into a call", () => {
    const a = mini();
    const s0 = a["services"][0];
    a["services"] = Array.from({ length: 50_000 }, (_, i) => ({ ...s0, id: `S${i}`, from: "NOWHERE", to: "NOWHERE" }));
    const list = problems(a);
    expect(list.length).toBeGreaterThanOrEqual(150_000);
    expect(list[0]).toBe('x.json: $.services[0].to: same as "from" (NOWHERE)');
  });
});

describe("names are compared as own properties; control characters are escaped", () => {
  it("sources keys toString and hasOwnProperty are ordinary keys", () => {
    const a = mini();
    a["sources"] = { toString: { title: "A" }, hasOwnProperty: { title: "B" }, test: a["sources"].test };
    a["hubs"][0].source = "toString";
    const sc = loadScenarioValue(a, { file: "x.json" });
    expect(Object.keys(sc.sources)).toEqual(["toString", "hasOwnProperty", "test"]);
  });

  it('figures {"toString": …} is checked like any other figure name', () => {
    const a = mini();
    a["hubs"][0].figures = { toString: { source: "test", label: "EST" } };
    expect(problems(a)).toEqual(['x.json: $.hubs[0].figures.toString: names no figure of this entry ("toString" is not set)']);
  });

  it("a UTF-8 byte-order mark is accepted", () => {
    const r = parseJsonText(`\uFEFF${readFileSync(fixture("mini.json"), "utf8")}`, "bom.json");
    expect(r.ok).toBe(true);
  });

  it("an ANSI escape in an id is rejected and printed escaped", () => {
    const a = mini();
    a["services"][0].to = "\u001b[31mLUX";
    const list = problems(a);
    expect(list).toEqual(['x.json: $.services[0].to: expected an id of letters, digits, ".", "_" or "-", got "\\u001b[31mLUX"']);
    expect(list.join("").includes("\u001b")).toBe(false);
  });

  it("did-you-mean is bounded in word length and candidates compared", () => {
    const long = "H".repeat(30_000);
    expect(closest(long, [long.slice(1), "HAM"])).toBeUndefined();
    const many = Array.from({ length: 20_000 }, (_, i) => `C${i}`);
    expect(closest("HAMX", [...many, "HAM"])).toBeUndefined();
    expect(closest("HAMX", ["HAM", ...many])).toBe("HAM");
    // Thousands of misspellings in one load: the first ones get a suggestion, the load stays fast.
    const a = mini();
    const h0 = a["hubs"][0];
    const pad = (id: string): string => `${id}${"x".repeat(64)}`.slice(0, 64);
    a["hubs"] = Array.from({ length: 5000 }, (_, i) => ({ ...h0, id: pad(`HUB${i}`) }));
    a["services"] = Array.from({ length: 5000 }, (_, i) => ({ ...a["services"][0], id: `S${i}`, from: pad(`HUB${i}`), to: pad(`HUBX${i}`) }));
    a["transfers"] = [];
    a["demand"] = [];
    const unknown = problems(a).filter((p) => p.includes("unknown hub"));
    expect(unknown).toHaveLength(5000);
    const suggested = unknown.filter((p) => p.includes("did you mean")).length;
    expect(suggested).toBeGreaterThan(0);
    expect(suggested).toBeLessThan(5000);
    expect(problems(a).filter((p) => p.includes("did you mean"))).toHaveLength(suggested); // same input, same output
  });
});

export type { Issue };
