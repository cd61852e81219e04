import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  expandTimetable,
  formatIssue,
  FourportsInputError,
  loadScenarioFile,
  ScenarioError,
  type Issue,
} from "@fourports/network";
import { fixture, seed } from "./helpers.js";

// A hostile or careless user's scenarios: the seeds and fixtures with one or two mutations
// (type swaps, extreme numbers, deep nesting, odd keys, truncation). Every load must end as a
// valid scenario whose timetable expands, or as a clean typed error — never a TypeError, a
// RangeError from the stack, a hang or a runaway allocation.

type Node = unknown;
type Path = (string | number)[];

const BASES: Record<string, string> = {
  "/virtual/zhengzhou-2024.json": readFileSync(seed("zhengzhou-2024.json"), "utf8"),
  "/virtual/mini.json": readFileSync(fixture("mini.json"), "utf8"),
  "/virtual/mini-whatif.json": readFileSync(fixture("mini-whatif.json"), "utf8"),
};
const NAMES = Object.keys(BASES);

/** Every path of a JSON value, the root included. */
function pathsOf(v: Node, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

const deep = (depth: number): Node => {
  let v: Node = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

const oddValue: fc.Arbitrary<Node> = fc.oneof(
  fc.constantFrom<Node>(0, -1, -0.5, 1e-9, 2 ** 31, 2 ** 31 - 1, 3e9, 2 ** 53, 1e308, -1e308, Infinity, -Infinity, NaN),
  fc.constantFrom<Node>("", "toString", "__proto__", "\u001b[31mred", "2025-02-30", "24:00", "../../etc/passwd", "/dev/zero", "x".repeat(30_000)),
  fc.constantFrom<Node>(null, true, [], {}, [[]], { toString: 1 }),
  fc.integer({ min: 10, max: 3000 }).map(deep),
  fc.double(),
  fc.string(),
);

const oddKey = fc.constantFrom("toString", "hasOwnProperty", "valueOf", "__proto__", "constructor", "", "\u0000", "k".repeat(5000), "default");

type Mutation =
  | { kind: "set"; at: number; value: Node }
  | { kind: "swap"; at: number }
  | { kind: "delete"; at: number }
  | { kind: "key"; at: number; key: string; value: Node }
  | { kind: "repeat"; at: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("key" as const), at: fc.nat(), key: oddKey, value: oddValue }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), times: fc.integer({ min: 2, max: 2000 }) }),
);

/** A string where there was a number and so on: the type a careless edit gives. */
function swapped(v: Node): Node {
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return Number.isNaN(Number(v)) ? [v] : Number(v);
  if (typeof v === "boolean") return v ? 1 : "false";
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (v !== null && typeof v === "object") return Object.values(v);
  return 0;
}

function apply(root: Node, paths: Path[], m: Mutation): Node {
  const path = paths[m.at % paths.length]!;
  if (path.length === 0) return m.kind === "set" ? m.value : m.kind === "swap" ? swapped(root) : root;
  let parent = root as Record<string | number, Node>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Node>;
  const last = path[path.length - 1]!;
  const here = parent[last];
  if (m.kind === "set") parent[last] = m.value;
  else if (m.kind === "swap") parent[last] = swapped(here);
  else if (m.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === "key") {
    const target = here !== null && typeof here === "object" ? (here as Record<string, Node>) : (parent as Record<string, Node>);
    // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else if (Array.isArray(parent)) {
    parent.splice(Number(last), 0, ...Array.from({ length: Math.min(m.times, 200) }, () => structuredClone(here)));
  }
  return root;
}

/** Text-level damage after the value is written back: truncation, a stray byte, a BOM. */
const textDamage: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), char: fc.constantFrom("{", "]", '"', ",", "\\", "\u0000", "\uFEFF", "1e999") }),
  fc.constant({ kind: "bom" as const }),
);

type Damage = { kind: "none" | "truncate" | "insert" | "bom"; at?: number; char?: string };

function damage(text: string, d: Damage): string {
  if (d.kind === "truncate") return text.slice(0, (d.at ?? 0) % (text.length + 1));
  if (d.kind === "insert") {
    const at = (d.at ?? 0) % (text.length + 1);
    return text.slice(0, at) + d.char + text.slice(at);
  }
  if (d.kind === "bom") return `\uFEFF${text}`;
  return text;
}

function wellFormed(issues: Issue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(typeof i.file).toBe("string");
    expect(i.path).toMatch(/^(\$|line \d+, column \d+)/);
    expect(i.message.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-control-regex
    expect(formatIssue(i)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  }
}

/**
 * A fixed seed keeps CI reproducible; FOURPORTS_FUZZ_RUNS and FOURPORTS_FUZZ_SEED explore further
 * (FOURPORTS_FUZZ_RUNS=5000 FOURPORTS_FUZZ_SEED=$RANDOM npx vitest run …/fuzz.test.ts).
 */
const FUZZ = { numRuns: Number(process.env["FOURPORTS_FUZZ_RUNS"] ?? 300), seed: Number(process.env["FOURPORTS_FUZZ_SEED"] ?? 20_251_123) };

/** Guards against hangs only; a run takes milliseconds to a few hundred. */
const RUN_BUDGET_MS = 10_000;
const HEAP_BUDGET_BYTES = 1.5 * 1024 ** 3;

describe("fuzzed scenarios", () => {
  it("load as a valid scenario or fail with a clean typed error, within time and memory", () => {
    let loaded = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.array(mutation, { minLength: 1, maxLength: 2 }), textDamage, (name, mutations, d) => {
        const started = performance.now();
        let value: Node = JSON.parse(BASES[name]!);
        for (const m of mutations) value = apply(value, pathsOf(value), m);
        const text = damage(JSON.stringify(value) ?? "", d);
        const files: Record<string, string> = { ...BASES, [name]: text };
        const readFile = (p: string): string => {
          const t = files[p];
          if (t === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
          return t;
        };
        try {
          const sc = loadScenarioFile(name, { readFile });
          expandTimetable(sc, { days: 7 });
          loaded++;
        } catch (err) {
          if (err instanceof ScenarioError) wellFormed(err.issues);
          else if (!(err instanceof FourportsInputError)) throw err;
          refused++;
        }
        expect(performance.now() - started).toBeLessThan(RUN_BUDGET_MS);
        expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BUDGET_BYTES);
      }),
      FUZZ,
    );
    // Both outcomes occur, so the property checked something on each side.
    expect(loaded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
