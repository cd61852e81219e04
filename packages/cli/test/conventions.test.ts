import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { USAGE } from "../src/usage.js";

// These run the built CLI (the test script builds first with tsc -b), as a planner would.
const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const runIn = (cwd: string, initCwd: string | undefined, ...args: string[]) => {
  const env = { ...process.env };
  delete env["INIT_CWD"];
  if (initCwd !== undefined) env["INIT_CWD"] = initCwd;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const run = (...args: string[]) => runIn(root, root, ...args);
const mini = "packages/network/test/fixtures/mini.json";
const commands = USAGE.split("\n").flatMap((l) => /^ {2}([a-z]+)\b/.exec(l)?.[1] ?? []);

describe("help and version", () => {
  it("lists every command in USAGE, hubs among them", () => {
    expect(commands).toEqual(expect.arrayContaining(["baseline", "simulate", "validate", "summary", "hubs", "route", "reach", "backtest", "rural", "vrp"]));
  });

  it("prints each command's usage for -h and --help, before any argument is checked and without running it", () => {
    for (const c of commands) {
      for (const h of ["-h", "--help"]) {
        // Arguments that would fail (a missing file) or take minutes (baseline) if the command ran.
        const t0 = Date.now();
        const r = run(c, "no-such-file.json", h);
        expect(r.code, `${c} ${h}: ${r.err}`).toBe(0);
        expect(r.out, `${c} ${h}`).toMatch(new RegExp(`^usage: fourports ${c}\\b`));
        expect(r.err, `${c} ${h}`).toBe("");
        expect(Date.now() - t0, `${c} ${h} ran no work`).toBeLessThan(10_000);
      }
    }
    expect(run("help", "route").out).toMatch(/^usage: fourports route FROM TO/);
    expect(run("route", "-h").out).toContain("OUTPUT: --json");
  });

  it("prints the whole usage for -h, --help and help, and exits 2 without a command", () => {
    for (const h of ["-h", "--help", "help"]) expect(run(h)).toMatchObject({ code: 0, out: expect.stringContaining("commands:\n  baseline") });
    expect(run()).toMatchObject({ code: 2, out: "", err: expect.stringContaining("usage: fourports <command>") });
  });

  it("prints the version of @fourports/cli from its package.json", () => {
    const { version } = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as { version: string };
    for (const v of ["--version", "-V", "version"]) expect(run(v)).toMatchObject({ code: 0, out: `${version}\n`, err: "" });
  });

  it("suggests the nearest command for a misspelt one", () => {
    expect(run("rout", "ZZ-CITY", "LUX")).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "rout" (did you mean "route"?)') });
    expect(run("help", "hbus")).toMatchObject({ code: 2, err: expect.stringContaining('(did you mean "hubs"?)') });
  });
});

describe("options", () => {
  it("takes --opt=value and --opt value alike", () => {
    const a = run("route", "ZZ-CITY", "LUX", "--depart", "2025-07-01T08:00", "--criteria", "time");
    const b = run("route", "ZZ-CITY", "LUX", "--depart=2025-07-01T08:00", "--criteria=time");
    expect(a.code, a.err).toBe(0);
    expect(b).toEqual(a);
  });

  it("rejects an unknown option in every command with exit 2 and a did-you-mean", () => {
    const typos: [string[], string][] = [
      [["summary", mini, "--jsn"], "--json"],
      [["hubs", "--moed", "air"], "--mode"],
      [["route", "ZZ-CITY", "LUX", "--dpart", "x"], "--depart"],
      [["reach", "--orgin", "CGO"], "--origin"],
      [["simulate", mini, "--wrokers", "2"], "--workers"],
      [["backtest", "--cuttoff", "2024-08-31"], "--cutoff"],
      [["rural", "--dasy", "2"], "--days"],
      [["vrp", "x.vrp", "--sed", "2"], "--seed"],
      [["baseline", "--runz", "2"], "--runs"],
    ];
    for (const [args, want] of typos) {
      const r = run(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toContain(`(did you mean "${want}"?)`);
    }
    expect(run("validate", "--strict", mini)).toMatchObject({ code: 2, err: "unknown option --strict (this command takes none)\n" });
  });

  it("rejects a missing value with exit 2", () => {
    for (const args of [["route", "ZZ-CITY", "LUX", "--depart"], ["hubs", "--mode", "--json"], ["summary", mini, "--out"]]) {
      expect(run(...args), args.join(" ")).toMatchObject({ code: 2, err: `option ${args.at(-1) === "--json" ? "--mode" : args.at(-1)} needs a value\n` });
    }
  });

  it("reads every argument after -- as a file, not an option", () => {
    expect(run("validate", "--", "--strict")).toMatchObject({ code: 1, err: expect.stringContaining("--strict") });
  });
});

describe("fourports hubs and hub names", () => {
  it("lists every hub with its Chinese name, kind, city, port group and modes, aligned in cells", () => {
    const r = run("hubs");
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^114 of 114 hubs of zhengzhou-2025:$/);
    expect(lines[1]).toMatch(/^id\s+name\s+中文名\s+kind\s+city\s+country\s+port group\s+modes$/);
    const cgo = lines.find((l) => l.startsWith("CGO "))!;
    expect(cgo).toMatch(/郑州新郑国际机场\s+airport\s+Zhengzhou\s+CN\s+air\s+air$/);
    // The kind column starts at the same terminal column on every row, whatever the Chinese names' widths.
    const col = stringWidth(lines[1]!.slice(0, lines[1]!.indexOf("kind")));
    const hubs = (JSON.parse(run("hubs", "--json").out) as { hubs: { id: string; kind: string }[] }).hubs;
    expect(lines.slice(3)).toHaveLength(hubs.length);
    lines.slice(3).forEach((l, i) => {
      let w = 0;
      let at = 0;
      for (const ch of l) {
        if (w >= col) break;
        w += stringWidth(ch);
        at += ch.length;
      }
      expect(l.slice(at), l).toMatch(new RegExp(`^${hubs[i]!.kind} `));
      expect(l.slice(at - 2, at), l).toBe("  ");
    });
  });

  it("filters by --city (English or Chinese) and --mode, as JSON and CSV", () => {
    const j = JSON.parse(run("hubs", "--city", "郑州", "--mode", "air", "--json").out) as { scenarioId: string; hubs: { id: string; nameZh: string | null; modes: string[] }[] };
    expect(j.scenarioId).toBe("zhengzhou-2025");
    expect(j.hubs.map((h) => h.id)).toEqual(["CGO"]);
    expect(j.hubs[0]).toMatchObject({ nameZh: "郑州新郑国际机场", modes: ["air"] });
    const csv = run("hubs", "--city", "Zhengzhou", "--csv").out.trimEnd().split("\n");
    expect(csv[0]).toBe("id,name,nameZh,kind,city,country,portGroup,modes");
    expect(csv).toContain("ZZ-ILP,Zhengzhou International Land Port (Airport Economy Zone site; China-Europe assembly centre),郑州国际陆港,rail-terminal,Zhengzhou,CN,rail,rail");
    expect(csv).toHaveLength(8);
    expect(run("hubs", "--mode", "ari")).toMatchObject({ code: 2, err: expect.stringContaining('--mode: unknown mode "ari" (did you mean "air"?)') });
    expect(run("hubs", "--city", "Hamburgg")).toMatchObject({ code: 2, err: expect.stringContaining('(did you mean "Hamburg"?)') });
  });

  it("routes between hubs named by city, English name or Chinese name, as by id", () => {
    const byId = run("route", "ZZ-CITY", "HAMBURG", "--depart", "2025-07-01T08:00", "--json");
    expect(byId.code, byId.err).toBe(0);
    for (const [from, to] of [["Zhengzhou", "Hamburg"], ["郑州", "HAMBURG"], ["zhengzhou", "hamburg"], ["郑州市", "Hamburg (Billwerder)"]]) {
      expect(run("route", from!, to!, "--depart", "2025-07-01T08:00", "--json").out, `${from} ${to}`).toBe(byId.out);
    }
    const cgo = run("route", "郑州新郑国际机场", "LUX", "--depart", "2025-07-01T08:00", "--json");
    expect((JSON.parse(cgo.out) as { fromHub: string }).fromHub).toBe("CGO");
    expect(run("route", "Liège", "HAMBURG")).toMatchObject({ code: 2, err: expect.stringMatching(/^hub "Liège" is ambiguous: the city has 2 hubs, .*LGG.*; give the id\n$/) });
  });

  it("takes the reach origin by name", () => {
    const r = run("reach", "--origin", "Zhengzhou Xinzheng International Airport", "--json");
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { origin: string }).origin).toBe("CGO");
    expect(run("reach", "--origin", "Zhengzou")).toMatchObject({ code: 2, err: expect.stringContaining('unknown hub "Zhengzou" (did you mean "Zhengzhou"?)') });
  });
});

describe("--json, --csv and --out", () => {
  const isPlain = (v: unknown): boolean => JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v);

  it("summary: JSON of the library summary, CSV of the weekly table, text to a file", () => {
    const j = JSON.parse(run("summary", mini, "--json").out) as { id: string; hubCount: number; weekly: unknown[] };
    expect(j.id).toBe("mini");
    expect(j.hubCount).toBeGreaterThan(0);
    expect(isPlain(j)).toBe(true);
    const csv = run("summary", mini, "--csv").out.split("\n");
    expect(csv[0]).toBe("portGroup,mode,departuresPerWeek,arrivalsPerWeek,capacityTPerWeek,capacityTeuPerWeek");
    expect(csv.length - 2).toBe(j.weekly.length);
    const dir = mkdtempSync(join(tmpdir(), "fourports-emit-"));
    try {
      const r = run("summary", mini, "--out", join(dir, "s.txt"));
      expect(r).toMatchObject({ code: 0, out: "", err: `wrote ${join(dir, "s.txt")}\n` });
      expect(readFileSync(join(dir, "s.txt"), "utf8")).toBe(run("summary", mini).out);
      expect(readdirSync(dir)).toEqual(["s.txt"]);
      const c = run("summary", mini, "--csv", `--out=${join(dir, "s.csv")}`);
      expect(c.code).toBe(0);
      expect(readFileSync(join(dir, "s.csv"), "utf8")).toBe(run("summary", mini, "--csv").out);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("refuses --json with --csv, --out into a missing folder, and --csv where the result is no table", () => {
    for (const c of [["summary", mini], ["hubs"], ["route", "ZZ-CITY", "LUX"], ["reach"], ["simulate", mini], ["backtest", "--cutoff", "2024-08-31"], ["rural"]]) {
      expect(run(...c, "--json", "--csv"), c.join(" ")).toMatchObject({ code: 2, err: "--json and --csv exclude each other: choose one format\n" });
      expect(run(...c, "--out", "/no/such/dir/x.txt"), c.join(" ")).toMatchObject({ code: 2, err: "--out: no such folder: /no/such/dir\n" });
    }
    expect(run("vrp", "packages/rural/test/fixtures/small.vrp", "--csv").code).toBe(2);
  });

  it("route: JSON journeys with legs, CSV one row per leg", () => {
    const j = JSON.parse(run("route", "ZZ-CITY", "HAMBURG", "--depart", "2025-07-01T08:00", "--criteria", "time,cost", "--json").out) as {
      criteria: string[];
      journeys: { costCny: number; legs: { fromHub: string; toHub: string }[] }[];
    };
    expect(j.criteria).toEqual(["time", "cost"]);
    expect(j.journeys.length).toBeGreaterThan(0);
    for (const jr of j.journeys) {
      expect(jr.legs[0]!.fromHub).toBe("ZZ-CITY");
      expect(jr.legs.at(-1)!.toHub).toBe("HAMBURG");
      expect(jr.costCny).toBeGreaterThan(0);
    }
    const csv = run("route", "ZZ-CITY", "HAMBURG", "--depart", "2025-07-01T08:00", "--criteria", "time,cost", "--csv").out.trimEnd().split("\n");
    expect(csv[0]).toBe("journey,arrives,durationMin,costCny,co2Kg,leg,service,mode,from,departs,to,legArrives");
    expect(csv.length - 1).toBe(j.journeys.reduce((n, jr) => n + jr.legs.length, 0));
  });

  it("reach, simulate, backtest and vrp: JSON that parses, CSV with its header", () => {
    const reach = run("reach", "--csv");
    expect(reach.out.split("\n")[0]).toBe("group,limitDays,destination,name,country,weight,share,fastestHours,via,reason");
    const sim = run("simulate", mini, "--runs", "2", "--workers", "1", "--csv");
    expect(sim.code, sim.err).toBe(0);
    expect(sim.out.split("\n")[0]).toBe("target,comparator,goal,unit,p5,p50,p95,mean,ciHalfWidth,pMet");
    expect(sim.out).toMatch(/^air-cargo-city,>=,/m);
    const vrp = JSON.parse(run("vrp", "packages/rural/test/fixtures/small.vrp", "--iterations", "200", "--json").out) as { routes: number[][]; cost: number };
    expect(vrp.routes.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(vrp.cost).toBeGreaterThan(0);
  });

  it("backtest: the forecast table as CSV and the whole report as JSON", { timeout: 120_000 }, () => {
    const csv = run("backtest", "--cutoff", "2024-08-31", "--csv").out.split("\n");
    expect(csv[0]).toBe("series,figure,period,unit,observed,forecast,p5,p95,errorPct,inBand,method");
    expect(csv.some((l) => l.startsWith("air,cgo-2024,2024-01-01–2024-12-31,t,825000,"))).toBe(true);
    const j = JSON.parse(run("backtest", "--cutoff", "2024-08-31", "--json").out) as { scenarioId: string; forecast: { rows: unknown[] }; choice: unknown };
    expect(j.scenarioId).toBe("zhengzhou-2024");
    expect(j.forecast.rows.length).toBe(csv.filter((l) => l !== "").length - 1);
    expect(j.choice).not.toBeNull();
  });

  it("rural: JSON of the analysis and CSV of the roll-up, written with --out", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "fourports-rural-"));
    try {
      const r = run("rural", "seeds/rural/example-county.json", "--days", "2", "--json", "--out", join(dir, "r.json"));
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe("");
      const a = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as { counties: { countyId: string }[]; rollup: { rows: { what: string }[] } };
      expect(a.counties).toHaveLength(1);
      expect(a.rollup.rows.map((x) => x.what)).toContain("passengerFreightMailLines");
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe("dates", () => {
  it("rejects an impossible or rolled-over time, and a departure or week outside the horizon, with exit 2", () => {
    const cases: [string[], RegExp][] = [
      [["route", "ZZ-CITY", "LUX", "--depart", "2025-02-30T08:00"], /^--depart: expected a local date-time/],
      [["route", "ZZ-CITY", "LUX", "--depart=2025-07-01T25:00"], /^--depart: expected a local date-time/],
      [["route", "ZZ-CITY", "LUX", "--depart", "2026-03-01T08:00"], /^--depart: 2026-03-01T08:00 lies outside the scenario's horizon \(2025-01-01 \+ 365 days\)/],
      [["reach", "--week", "notadate"], /^--week: expected a calendar date YYYY-MM-DD, got "notadate"/],
      [["reach", "--week", "2025-12-29"], /^--week: the week from 2025-12-29 does not lie inside the scenario's horizon/],
      [["backtest", "--cutoff", "2024-13-01"], /^--cutoff: expected a calendar date/],
    ];
    for (const [args, want] of cases) {
      const r = run(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(want);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe("the user's directory", () => {
  const seeds = join(root, "seeds");
  it("resolves relative paths from where the user runs, directly or through pnpm (INIT_CWD)", () => {
    for (const [cwd, init] of [[seeds, undefined], [root, seeds], [join(root, "packages/cli"), seeds]] as const) {
      const v = runIn(cwd, init, "validate", "zhengzhou-2024.json", "targets-2025.json");
      expect(v, `${cwd} ${init}`).toMatchObject({ code: 0, out: expect.stringContaining("zhengzhou-2024.json: valid (") });
      const s = runIn(cwd, init, "hubs", "zhengzhou-2024.json", "--city", "Hamburg", "--json");
      expect(s.code, s.err).toBe(0);
      expect((JSON.parse(s.out) as { scenarioId: string }).scenarioId).toBe("zhengzhou-2024");
    }
    // Error messages show the path as the user typed it.
    expect(runIn(root, seeds, "validate", "nope.json")).toMatchObject({ code: 1, err: "nope.json: $: file not found\n" });
  });
});

describe("a closed pipe", () => {
  const piped = (cmd: string): { code: number | null; status: string; err: string } => {
    const r = spawnSync("bash", ["-c", `${cmd}; echo "status \${PIPESTATUS[0]}" >&2`], { cwd: root, encoding: "utf8" });
    return { code: r.status, status: /status (\d+)/.exec(r.stderr)?.[1] ?? "", err: r.stderr.replace(/status \d+\n/, "") };
  };
  it("ends the output quietly when the reader stops early (| head, | true), on stdout and on stderr", () => {
    const b = JSON.stringify(bin);
    const head = piped(`node ${b} hubs | head -3 >/dev/null`);
    expect(head).toMatchObject({ status: "0", err: "" });
    const closed = piped(`node ${b} hubs seeds/zhengzhou-2024.json | true`);
    expect(closed).toMatchObject({ status: "0", err: "" });
    const errPipe = piped(`node ${b} route ZZ-CITY NOWHERE 2>&1 >/dev/null | true`);
    expect(errPipe).toMatchObject({ status: "2", err: "" });
  });
});
