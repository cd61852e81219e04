import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { departureArg, parseArgs, UsageError, weekArg } from "../src/args.js";
import type { Io } from "../src/commands.js";
import { csvText, emit, outputOptions, type Renderings } from "../src/emit.js";
import { PLAIN_EVERY_MS, progressReporter, withBar } from "../src/progress.js";
import { table } from "../src/table.js";
import { usageOf } from "../src/usage.js";

const usageError = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("expected a UsageError");
};

describe("parseArgs", () => {
  const known = ["--depart", "--json", "--out"];
  it("takes --opt value, --opt=value and flags, and everything after -- as positional", () => {
    const a = parseArgs(["A", "--depart", "x", "--json", "B"], known, ["--json"]);
    const b = parseArgs(["A", "--depart=x", "--json", "B"], known, ["--json"]);
    expect(a).toEqual(b);
    expect(a.positional).toEqual(["A", "B"]);
    expect([...a.opts]).toEqual([["--depart", "x"], ["--json", ""]]);
    expect(parseArgs(["--", "--json", "-h"], known, ["--json"]).positional).toEqual(["--json", "-h"]);
    expect(parseArgs(["--depart="], known).opts.get("--depart")).toBe("");
  });

  it("rejects unknown options with a did-you-mean, missing values, repeats, values on flags and extra arguments", () => {
    expect(usageError(() => parseArgs(["--dpart", "x"], known))).toBe('unknown option --dpart (did you mean "--depart"?); expected one of --depart, --json, --out');
    expect(usageError(() => parseArgs(["--depart"], known))).toBe("option --depart needs a value");
    expect(usageError(() => parseArgs(["--depart", "--json"], known, ["--json"]))).toBe("option --depart needs a value");
    expect(usageError(() => parseArgs(["--out", "a", "--out=b"], known))).toBe("option --out is given twice");
    expect(usageError(() => parseArgs(["--json=yes"], known, ["--json"]))).toBe("option --json takes no value");
    expect(usageError(() => parseArgs(["a", "b"], known, [], 1))).toBe('unexpected argument "b"; expected at most 1 besides the options');
    expect(usageError(() => parseArgs(["-x"], []))).toBe("unknown option -x (this command takes none)");
  });
});

describe("date arguments", () => {
  const h = { epoch: "2025-01-01", horizonDays: 365 };
  it("turns a departure inside the horizon into minutes since the epoch", () => {
    expect(departureArg("--depart", "2025-01-01T00:00", h)).toBe(0);
    expect(departureArg("--depart", "2025-01-02T08:30", h)).toBe(1440 + 510);
    expect(departureArg("--depart", "2025-12-31T23:59", h)).toBe(364 * 1440 + 1439);
  });
  it("rejects impossible dates and times, and times or weeks outside the horizon", () => {
    for (const v of ["2025-02-30T08:00", "2025-07-01T25:00", "2025-07-01T24:00", "2025-07-01T08:60", "2025-07-01", "soon"]) {
      expect(usageError(() => departureArg("--depart", v, h))).toMatch(/^--depart: expected a local date-time YYYY-MM-DDTHH:MM/);
    }
    expect(usageError(() => departureArg("--depart", "2026-01-01T00:00", h))).toBe("--depart: 2026-01-01T00:00 lies outside the scenario's horizon (2025-01-01 + 365 days)");
    expect(usageError(() => departureArg("--depart", "2024-12-31T23:59", h))).toMatch(/outside the scenario's horizon/);
    expect(weekArg("--week", "2025-12-25", h)).toBe("2025-12-25");
    expect(usageError(() => weekArg("--week", "2025-12-26", h))).toMatch(/^--week: the week from 2025-12-26 does not lie inside/);
    expect(usageError(() => weekArg("--week", "2025-02-29", h))).toMatch(/^--week: expected a calendar date/);
  });
});

describe("emit", () => {
  const fakeIo = (): Io & { lines: string[]; errs: string[] } => {
    const lines: string[] = [];
    const errs: string[] = [];
    return { lines, errs, out: (l) => void lines.push(l), err: (l) => void errs.push(l), progress: () => {} };
  };
  const called: string[] = [];
  const r: Renderings = {
    json: () => (called.push("json"), { a: 1, b: ["x"] }),
    csv: () => (called.push("csv"), { header: ["name", "n", "ok"], rows: [["a, \"b\"", 1.5, true], ["郑州", null, false]] }),
    text: () => (called.push("text"), ["one", "two"]),
  };

  it("prints the rendering asked for, and only calls that one", () => {
    for (const [opts, want, fn] of [
      [new Map(), ["one", "two"], "text"],
      [new Map([["--json", ""]]), ['{', '  "a": 1,', '  "b": [', '    "x"', "  ]", "}"], "json"],
      [new Map([["--csv", ""]]), ["name,n,ok", '"a, ""b""",1.5,true', "郑州,,false"], "csv"],
    ] as const) {
      called.length = 0;
      const io = fakeIo();
      emit(io, outputOptions(opts), r);
      expect(io.lines).toEqual(want);
      expect(called).toEqual([fn]);
    }
  });

  it("refuses --json with --csv, --out into a missing folder or onto a folder, and --csv without a table", () => {
    expect(usageError(() => outputOptions(new Map([["--json", ""], ["--csv", ""]])))).toBe("--json and --csv exclude each other: choose one format");
    expect(usageError(() => outputOptions(new Map([["--out", "/no/such/dir/x"]])))).toBe("--out: no such folder: /no/such/dir");
    expect(usageError(() => outputOptions(new Map([["--out", tmpdir()]])))).toMatch(/^--out: is a folder/);
    const { csv: _, ...noTable } = r;
    expect(usageError(() => emit(fakeIo(), outputOptions(new Map([["--csv", ""]])), noTable))).toMatch(/^--csv: this command's result is not one table/);
  });

  it("writes --out atomically, with a final newline, and says so on stderr", () => {
    const dir = mkdtempSync(join(tmpdir(), "fourports-emit-"));
    try {
      const io = fakeIo();
      emit(io, outputOptions(new Map([["--out", join(dir, "x.csv")], ["--csv", ""]])), r);
      expect(io.lines).toEqual([]);
      expect(io.errs).toEqual([`wrote ${join(dir, "x.csv")}`]);
      expect(readFileSync(join(dir, "x.csv"), "utf8")).toBe(`${csvText(r.csv!())}`);
      expect(readdirSync(dir)).toEqual(["x.csv"]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe("progress", () => {
  it("redraws one line with a bar on a terminal and clears it when done", () => {
    const written: string[] = [];
    const p = progressReporter({ isTTY: true, columns: 61, write: (t) => written.push(t) });
    p("simulating mini: replication 5/20");
    p("");
    expect(written[0]).toBe(`\r${"simulating mini: replication [#####---------------] 5/20".padEnd(60)}`);
    expect(written[1]).toBe(`\r${" ".repeat(60)}\r`);
    expect(withBar("best 123 after 9 iterations")).toBe("best 123 after 9 iterations");
  });

  it("prints a plain line at most every few seconds elsewhere, none for quick work", () => {
    const written: string[] = [];
    let t = 0;
    const p = progressReporter({ isTTY: false, write: (s) => written.push(s) }, () => t);
    for (let i = 1; i <= 20; i++) {
      p(`simulating x: ${i}/20`);
      t += 1000;
    }
    p("");
    // Lines at 3, 6, 9, … s after the start: about one in three calls, each a whole line.
    expect(written).toEqual(["simulating x: 4/20\n", "simulating x: 7/20\n", "simulating x: 10/20\n", "simulating x: 13/20\n", "simulating x: 16/20\n", "simulating x: 19/20\n"]);
    written.length = 0;
    p("quick: 1/2");
    t += PLAIN_EVERY_MS - 1;
    p("quick: 2/2");
    p("");
    expect(written).toEqual([]);
  });
});

describe("table", () => {
  it("aligns Chinese text by terminal cells", () => {
    const t = table(["id", "中文名", "n"], [["CGO", "郑州新郑国际机场", 1], ["ZZ-ILP", "郑州国际陆港", 22]]).split("\n");
    expect(t).toEqual([
      "id      中文名             n",
      "------  ----------------  --",
      "CGO     郑州新郑国际机场   1",
      "ZZ-ILP  郑州国际陆港      22",
    ]);
  });
});

describe("usage", () => {
  it("gives each command its own lines, and the meaning of OUTPUT where a command takes it", () => {
    expect(usageOf("hubs")).toMatch(/^usage: fourports hubs \[FILE\] \[--mode MODE\] \[--city CITY\] \[OUTPUT\]\n[\s\S]*\nOUTPUT: --json/);
    expect(usageOf("validate")).toBe("usage: fourports validate FILE...      check scenario files; one error per line on stderr, exit 1 if any");
    expect(usageOf("nosuch")).toBeNull();
  });
});
