import fc from "fast-check";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FourportsInputError } from "@fourports/network";
import { DataError, parseDimacs } from "@fourports/routing";
import { minCostFlow, parseDimacsMin } from "@fourports/flow";

// DIMACS fixtures mangled as a careless export or a hostile file would be: every read ends as a
// graph or problem, or as a DataError with file and line — never a crash or a huge allocation.

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), "utf8");
const GR = read("../../routing/test/fixtures/dimacs/small.gr");
const CO = read("../../routing/test/fixtures/dimacs/small.co");
const MIN = read("./fixtures/small.min");

const oddToken = fc.oneof(
  fc.constantFrom("2147483647", "2147483648", "-1", "0", "1e308", "inf", "NaN", "", "0x10", "1.5", "-0", "99999999999999999999", "p", "a", "\u0000"),
  fc.integer().map(String),
  fc.string({ maxLength: 5 }),
);

type Edit =
  | { kind: "token"; line: number; token: number; value: string }
  | { kind: "drop"; line: number }
  | { kind: "repeat"; line: number; times: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("token" as const), line: fc.nat(), token: fc.nat({ max: 5 }), value: oddToken }),
  fc.record({ kind: fc.constant("drop" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("repeat" as const), line: fc.nat(), times: fc.integer({ min: 2, max: 500 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom("\n", "\r\n", " ", "\t", "p sp 2147483647 0\n", "p min 3 2147483647\n", "a 1 1 -5\n") }),
);

function mangle(text: string, edits: Edit[]): string {
  for (const e of edits) {
    const lines = text.split("\n");
    if (e.kind === "token") {
      const i = e.line % lines.length;
      const toks = lines[i]!.split(" ");
      toks[e.token % Math.max(1, toks.length)] = e.value;
      lines[i] = toks.join(" ");
    } else if (e.kind === "drop") lines.splice(e.line % lines.length, 1);
    else if (e.kind === "repeat") {
      const i = e.line % lines.length;
      lines.splice(i, 0, ...Array.from({ length: e.times }, () => lines[i]!));
    }
    text = lines.join("\n");
    if (e.kind === "truncate") text = text.slice(0, e.at % (text.length + 1));
    if (e.kind === "insert") {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.text + text.slice(at);
    }
  }
  return text;
}

/** Guards against hangs and runaway allocation only. */
const RUN_BUDGET_MS = 10_000;
const HEAP_BUDGET_BYTES = 1.5 * 1024 ** 3;
const FUZZ = { numRuns: Number(process.env["FOURPORTS_FUZZ_RUNS"] ?? 300), seed: Number(process.env["FOURPORTS_FUZZ_SEED"] ?? 20_251_123) };

function clean(err: unknown): void {
  if (err instanceof DataError) {
    expect(err.issues.length).toBeGreaterThan(0);
    for (const i of err.issues) expect(i.path).toMatch(/^(\$|line \d+, column \d+)$/);
  } else if (!(err instanceof FourportsInputError)) throw err;
}

describe("fuzzed DIMACS files", () => {
  it(".gr and .co: a graph or a clean DataError", () => {
    const outcomes = { read: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), fc.array(edit, { maxLength: 1 }), (grEdits, coEdits) => {
        const started = performance.now();
        try {
          const g = parseDimacs(mangle(GR, grEdits), "f.gr", { text: mangle(CO, coEdits), file: "f.co" });
          expect(g.nodeCount).toBeGreaterThan(0);
          outcomes.read++;
        } catch (err) {
          clean(err);
          outcomes.refused++;
        }
        expect(performance.now() - started).toBeLessThan(RUN_BUDGET_MS);
        expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BUDGET_BYTES);
      }),
      FUZZ,
    );
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it(".min: a problem the solver accepts or rejects with a typed error, or a clean DataError", () => {
    const outcomes = { solved: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const started = performance.now();
        try {
          const p = parseDimacsMin(mangle(MIN, edits), "f.min");
          for (const a of p.arcs) {
            expect(a.capacity).toBeGreaterThanOrEqual(0);
            expect(a.lower ?? 0).toBeLessThanOrEqual(a.capacity);
          }
          expect(["optimal", "infeasible", "unbounded"]).toContain(minCostFlow(p).status);
          outcomes.solved++;
        } catch (err) {
          clean(err);
          outcomes.refused++;
        }
        expect(performance.now() - started).toBeLessThan(RUN_BUDGET_MS);
        expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BUDGET_BYTES);
      }),
      FUZZ,
    );
    expect(outcomes.solved).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
