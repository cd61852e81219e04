import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expandTimetable, FourportsInputError, loadScenarioFile, type InputErrorCode } from "@fourports/network";
import { ConnectionScan, csrFromArrays, DataError, paretoJourneys, parseDimacs, prepareRouting, ShortestPathSearch } from "@fourports/routing";
import { assignDemand, parseDimacsMin } from "@fourports/flow";
import { quickFreightCircle } from "@fourports/targets";

// Every exported function checks its arguments and throws a typed error with a code: never a
// hang, a runaway allocation or an internal TypeError.
const mini = loadScenarioFile(fileURLToPath(new URL("../../network/test/fixtures/mini.json", import.meta.url)));
const net = prepareRouting(mini, expandTimetable(mini));

function inputError(f: () => unknown): { code: InputErrorCode; message: string } {
  try {
    f();
  } catch (err) {
    if (err instanceof FourportsInputError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected a FourportsInputError");
}

const spec = { origin: "CGO", days: { domestic: 1, neighbouring: 2, worldwide: 3 }, neighbouringCountries: ["KZ"] };

describe("library options are checked before any work", () => {
  it("assignDemand: logitScale NaN, k 0, a bad release time, an unknown choice", () => {
    expect(inputError(() => assignDemand(mini, net, { choice: "logit", logitScale: NaN }))).toEqual({
      code: "invalid-option",
      message: "assignDemand: logitScale: expected a finite number >= 0 <= 1000, got number NaN",
    });
    expect(inputError(() => assignDemand(mini, net, { k: 0 })).message).toMatch(/^assignDemand: k: /);
    expect(inputError(() => assignDemand(mini, net, { releaseTime: "24:00" })).message).toMatch(/^assignDemand: releaseTime: /);
    expect(inputError(() => assignDemand(mini, net, { choice: "fastest" as "cost" })).message).toMatch(/^assignDemand: choice: /);
  });

  it("quickFreightCircle: stepMin 0 or negative, an impossible weekStart", () => {
    expect(inputError(() => quickFreightCircle(mini, net, spec, { stepMin: 0 })).message).toBe(
      "quickFreightCircle: stepMin: expected a whole number >= 1 <= 10080, got number 0",
    );
    expect(inputError(() => quickFreightCircle(mini, net, spec, { stepMin: -5 })).code).toBe("invalid-option");
    expect(inputError(() => quickFreightCircle(mini, net, spec, { weekStart: "2025-02-30" })).message).toMatch(/weekStart: expected a calendar date/);
  });

  it("expandTimetable: days 1e7, days 0, an impossible from", () => {
    expect(inputError(() => expandTimetable(mini, { days: 1e7 })).message).toBe("expandTimetable: days: expected a whole number >= 1 <= 3660, got number 10000000");
    expect(inputError(() => expandTimetable(mini, { days: 0 })).code).toBe("invalid-option");
    expect(inputError(() => expandTimetable(mini, { from: "2025-13-01" })).message).toMatch(/from: expected a calendar date/);
  });

  it("ConnectionScan and paretoJourneys: a hub out of range, a NaN departure, no labels", () => {
    const scan = new ConnectionScan(net);
    expect(inputError(() => scan.run(99, 0)).message).toMatch(/^ConnectionScan\.run: source: expected a whole number >= 0 <= 4/);
    expect(inputError(() => scan.run(0, NaN)).message).toMatch(/^ConnectionScan\.run: departMin: /);
    expect(inputError(() => paretoJourneys(net, 0, 1, 0, { maxLabels: 0 })).message).toMatch(/^paretoJourneys: maxLabels: /);
  });

  it("graph searches: a node id out of range, a NaN weight", () => {
    const g = csrFromArrays({ nodeCount: 2, from: [0], to: [1], weight: [1] });
    expect(inputError(() => new ShortestPathSearch(g).pointToPoint(0, 2)).message).toBe("ShortestPathSearch.pointToPoint: target: expected a whole number >= 0 <= 1, got number 2");
    expect(inputError(() => csrFromArrays({ nodeCount: 2, from: [0], to: [1], weight: [NaN] })).message).toMatch(/^csrFromArrays: edge 0: weight/);
  });
});

describe("DIMACS readers check header counts against the file size before allocating", () => {
  const dataError = (f: () => unknown): string[] => {
    try {
      f();
    } catch (err) {
      if (err instanceof DataError) return err.issues.map((i) => `${i.path}: ${i.message}`);
      throw err;
    }
    throw new Error("expected a DataError");
  };

  it("an 18-byte .gr header asking for 2^31 nodes", () => {
    expect(dataError(() => parseDimacs("p sp 2147483647 0", "huge.gr"))).toEqual([
      'line 1, column 1: the "p" line declares 2147483647 nodes, more than a file of 17 bytes may declare (at most 1088, 64 per byte)',
    ]);
  });

  it("a .min header asking for 2^31 nodes or arcs", () => {
    expect(dataError(() => parseDimacsMin("p min 2147483647 0", "huge.min"))).toEqual([
      'line 1, column 1: the "p" line declares 2147483647 nodes, more than a file of 18 bytes may declare (at most 1152, 64 per byte)',
    ]);
    expect(dataError(() => parseDimacsMin("p min 2 1000000\n", "arcs.min"))[0]).toMatch(/declares 1000000 arcs, more than a file of 16 bytes can hold/);
  });

  it(".min: a negative capacity and a lower bound above the capacity, with file and line", () => {
    const text = readFileSync(fileURLToPath(new URL("../../flow/test/fixtures/small.min", import.meta.url)), "utf8");
    const lines = text.split("\n");
    lines[7] = "a 1 3 0 -8 2";
    lines[8] = "a 1 4 5 3 4";
    expect(dataError(() => parseDimacsMin(lines.join("\n"), "bad.min"))).toEqual([
      'line 8, column 9: expected a capacity >= 0 (or "inf"), got -8',
      "line 9, column 7: lower bound 5 exceeds the capacity 3",
    ]);
  });
});
