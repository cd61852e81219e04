import { describe, expect, it } from "vitest";
import { FourportsInputError, ScenarioError } from "@fourports/network";
import { UsageError } from "../src/args.js";
import { reportError } from "../src/report-error.js";

const report = (err: unknown, debug = false): { code: number; lines: string[] } => {
  const lines: string[] = [];
  const code = reportError(err, (l) => lines.push(l), debug);
  return { code, lines };
};

describe("reportError", () => {
  it("prints an internal error as one line and a hint, with exit 3", () => {
    expect(report(new TypeError("cannot read properties of undefined\n    at x"))).toEqual({
      code: 3,
      lines: ["fourports: internal error: TypeError: cannot read properties of undefined", "rerun with --debug to see where it happened, and please report it"],
    });
  });

  it("prints the stack with --debug", () => {
    const r = report(new RangeError("boom"), true);
    expect(r.lines[1]).toMatch(/^RangeError: boom\n\s+at /);
  });

  it("gives exit 2 for bad arguments and 1 for invalid files", () => {
    expect(report(new UsageError("--week: bad"))).toEqual({ code: 2, lines: ["--week: bad"] });
    expect(report(new FourportsInputError("invalid-option", "assignDemand: k: bad"))).toEqual({ code: 2, lines: ["assignDemand: k: bad"] });
    expect(report(new FourportsInputError("limit-exceeded", "expandTimetable: too many"))).toEqual({ code: 1, lines: ["expandTimetable: too many"] });
    expect(report(new ScenarioError([{ file: "a.json", path: "$.id", message: "bad" }]))).toEqual({ code: 1, lines: ["a.json: $.id: bad"] });
  });
});
