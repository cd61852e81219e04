import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// These run the built CLI (the test script builds first with tsc -b), as a planner would.
const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, INIT_CWD: root } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const brokenDir = "packages/network/test/fixtures/broken";
const expected = JSON.parse(readFileSync(`${root}${brokenDir}/expected.json`, "utf8")) as Record<string, { path: string; message: string }>;

describe("fourports validate", () => {
  it("accepts both seed scenarios and the target registry with exit 0", () => {
    const r = run("validate", "seeds/zhengzhou-2024.json", "seeds/zhengzhou-2025.json", "seeds/targets-2025.json", "seeds/observed-2024.json");
    expect(r.code).toBe(0);
    expect(r.out).toContain("seeds/targets-2025.json: valid target registry");
    expect(r.out).toContain("seeds/observed-2024.json: valid observed figures");
    expect(r.out).toMatch(/seeds\/zhengzhou-2025.json: valid \(\d+ hubs/);
    expect(r.err).toBe("");
  });

  it("rejects each broken scenario with exit 1, one error per line naming file and JSON path", () => {
    for (const [name, want] of Object.entries(expected)) {
      const file = `${brokenDir}/${name}.json`;
      const r = run("validate", file);
      expect(r.code, name).toBe(1);
      const lines = r.err.trim().split("\n");
      expect(lines.some((l) => l.includes(`: ${want.path}: `) && l.includes(want.message)), `${name}:\n${r.err}`).toBe(true);
      for (const l of lines) expect(l).toMatch(/^\S+\.json: (\$|line \d+)/);
    }
  });
});

describe("fourports summary", () => {
  it("prints hubs, services and weekly capacity by port group and mode", () => {
    const r = run("summary", "seeds/zhengzhou-2024.json");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/hubs \d+: /);
    expect(r.out).toMatch(/^air\s+air\s+\d/m);
    expect(r.out).toMatch(/^rail\s+rail\s+\d/m);
    expect(r.out).toMatch(/^rail\s+hsr\s+\d/m);
    expect(r.out).toMatch(/^road\s+road\s+\d/m);
  });
});

describe("fourports baseline", () => {
  it("prints assigned, simulated, forecast and ceiling figures for every 2025 target, to --out atomically", { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "fourports-out-"));
    const file = join(dir, "baseline.txt");
    const done = run("baseline", "--runs", "2", "--workers", "2", "--out", file);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toBe("");
    expect(readdirSync(dir)).toEqual(["baseline.txt"]); // no temporary file left beside it
    const r = { out: readFileSync(file, "utf8"), err: done.err };
    rmSync(dir, { recursive: true });
    expect(r.out).toMatch(/^target\s+goal\s+least cost\s+shipper logit\s+simulated P50\s+P\(met\)\s+forecast\s+ceiling/m);
    expect(r.out).toMatch(/^simulated: 2 seeded replications \(seed 1\)/m);
    expect(r.out).toMatch(/^air-cargo-city\s.*\d[\d,]* t\s+\d+%\s/m);
    expect(r.err).toMatch(/simulated zhengzhou-2025: 2 replications/);
    const targets = JSON.parse(readFileSync(`${root}seeds/targets-2025.json`, "utf8")) as { targets: { id: string }[] };
    for (const t of targets.targets) expect(r.out).toMatch(new RegExp(`^${t.id}\\s`, "m"));
    // The access-time goal is met only by the ASSUMPTION that sets it, and the table says so.
    expect(r.out).toMatch(/^land-port-highway\s.*met only by ASSUMPTION/m);
    expect(r.out).toMatch(/^quick-freight-circle\s.*domestic \d+% · neighbouring \d+% · worldwide \d+%/m);
    // A forecast with its band beside the air and train targets.
    expect(r.out).toMatch(/^air-cargo-province\s.*\d[\d,]* t \([\d,]+–[\d,]+\)/m);
    expect(r.out).toMatch(/^cr-express-trains\s.*\d[\d,]* trains \([\d,]+–[\d,]+\)/m);
    // The calibration shows the fit and the hold-out, and the on-demand trips that ran.
    expect(r.out).toMatch(/fit error \(RMS of log errors, in sample\): \d+\.\d% on \d+ figures; hold-out error \(never seen by the fit, nor sized from\): \d+\.\d% on \d+/);
    expect(r.out).toMatch(/^cgo-2024\s+2024-01-01–2024-12-31\s+hold-out\s+825,000 t\s+OFF\s+[\d,]+ t\s+-?\d+\.\d%/m);
    expect(r.out).toMatch(/on-demand services: [\d,]+ of [\d,]+ path slots ran/);
  });

  it("reports a missing --targets or --history file or an impossible cutoff at once with exit 2", () => {
    expect(run("baseline", "--targets", "nope.json")).toMatchObject({ code: 2, err: `--targets: no such file: ${root}nope.json\n` });
    expect(run("baseline", "--history", "nope.json").code).toBe(2);
    expect(run("baseline", "--fit-cutoff", "2024-02-30")).toMatchObject({ code: 2, err: `--fit-cutoff: expected a calendar date YYYY-MM-DD, got "2024-02-30"\n` });
    expect(run("baseline", "--out", "/no/such/dir/x.txt")).toMatchObject({ code: 2, err: "--out: no such folder: /no/such/dir\n" });
    expect(existsSync("/no/such/dir")).toBe(false);
  });

  it("refuses unknown flags and extra arguments with exit 2", () => {
    expect(run("baseline", "--bogus", "x").code).toBe(2);
    expect(run("baseline", "a.json", "b.json")).toMatchObject({ code: 2, err: 'unexpected argument "b.json"; expected at most 1 besides the options\n' });
    expect(run("summary", "seeds/zhengzhou-2024.json", "extra.json").code).toBe(2);
    expect(run("validate", "--strict", "seeds/zhengzhou-2024.json").code).toBe(2);
    expect(run("reach", "extra").code).toBe(2);
  });

  it("exits 2 with usage on an unknown command", () => {
    const r = run("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });
});

describe("fourports backtest", () => {
  it("fits on Jan–Aug 2024 and prints the full-year forecast beside the observed figure, with both choice-fit errors", () => {
    const r = run("backtest", "--cutoff", "2024-08-31");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^air\s+cgo-2024\s+2024-01-01–2024-12-31\s+825,000 t\s+[\d,]+ t\s+[\d,]+–[\d,]+\s+[+-]\d+\.\d%/m);
    expect(r.out).toMatch(/fit error \(RMS of log errors, in sample\): \d+\.\d% on \d+ figures; hold-out error/);
    expect(r.out).toMatch(/^cgo-2024\s+2024-01-01–2024-12-31\s+hold-out/m);
  }, 120_000);

  it("needs a cutoff date", () => {
    const r = run("backtest");
    expect(r.code).toBe(2);
    expect(r.err).toContain("usage: fourports backtest --cutoff YYYY-MM-DD");
  });
});

describe("fourports route and reach", () => {
  it("prints the earliest journey with its legs", () => {
    const r = run("route", "ZZ-CITY", "LUX", "--depart", "2025-07-01T08:00");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/earliest arrival 2025-07-0\d \d\d:\d\d/);
    expect(r.out).toMatch(/^AIR-CGO-LUX-OUT\s+air\s+CGO/m);
  });

  it("prints Pareto-optimal journeys over time, cost and CO2", () => {
    const r = run("route", "ZZ-CITY", "HAMBURG", "--depart", "2025-07-01T08:00", "--criteria", "time,cost,co2");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Pareto-optimal journey\(s\) over time, cost, co2/);
    expect(r.out).toMatch(/CNY\/t, [\d,.]+ kg CO2e\/t/);
  });

  it("explains a misspelt hub and a bad option with exit 2", () => {
    expect(run("route", "ZZ-CITY", "HAMBRUG")).toMatchObject({ code: 2, err: 'unknown hub "HAMBRUG" (did you mean "HAMBURG"?); `fourports hubs` lists them\n' });
    expect(run("route", "ZZ-CITY", "LUX", "--criteria", "speed").err).toContain('unknown criterion "speed"');
  });

  it("validates every date and time with exit 2 and no stack trace", () => {
    for (const depart of ["2025-02-30T08:00", "2025-07-01T25:61", "2025-07-01T24:00", "2025-07-01", "2024-01-01T08:00"]) {
      const r = run("route", "ZZ-CITY", "LUX", "--depart", depart);
      expect(r.code, depart).toBe(2);
      expect(r.err, depart).toMatch(/^--depart: /);
      expect(r.err, depart).not.toMatch(/\n\s+at /);
    }
    expect(run("reach", "--week", "soon")).toMatchObject({ code: 2, err: '--week: expected a calendar date YYYY-MM-DD, got "soon"\n' });
    expect(run("reach", "--week", "2025-02-30").code).toBe(2);
  });

  it("escapes control characters it echoes", () => {
    const r = run("route", "ZZ-CITY", "\u001b[31mLUX");
    expect(r.code).toBe(2);
    expect(r.err).toContain("\\u001b[31mLUX");
    expect(r.err).not.toContain("\u001b");
  });

  it("prints the reach circle with the destinations that miss and why", () => {
    const r = run("reach");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^domestic\s+1 d\s+\d+\s+\d+%/m);
    expect(r.out).toMatch(/^worldwide\s+3 d/m);
    expect(r.out).toMatch(/too slow|too few departures|no service|not connected/);
  });
});

describe("fourports simulate", () => {
  const mini = "packages/network/test/fixtures/mini.json";
  it("prints per-target P(met) from seeded replications, the same for the same seed", () => {
    const a = run("simulate", mini, "--runs", "3", "--workers", "1", "--seed", "4", "--json");
    expect(a.code, a.err).toBe(0);
    const r = JSON.parse(a.out) as { replications: number; targets: { id: string; pMet: number | null }[] };
    expect(r.replications).toBe(3);
    expect(r.targets.map((t) => t.id)).toContain("air-cargo-city");
    expect(a.err).toMatch(/simulated mini: 3 replications \(seed 4, 1 worker\)/);
    const b = run("simulate", mini, "--runs=3", "--workers=2", "--seed=4", "--json");
    expect(b.out).toBe(a.out);
    const text = run("simulate", mini, "--runs", "2", "--workers", "1");
    expect(text.out).toContain("simulated P50 (P5–P95)");
    expect(text.out).toContain("Bottlenecks");
  });

  it("shows its usage for -h and --help without running anything", () => {
    for (const h of ["-h", "--help"]) {
      const r = run("simulate", mini, h);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^usage: fourports simulate \[FILE\] \[--runs N\]/);
      expect(r.err).toBe("");
    }
  });

  it("rejects bad options with exit 2 and a clear message", () => {
    const bad = run("simulate", mini, "--runs", "many");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--runs expects a whole number 0..10000, got "many"');
    const typo = run("simulate", mini, "--wrokers", "2");
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('unknown option --wrokers (did you mean "--workers"?)');
    expect(run("simulate", mini, "--workers", "1000").err).toBe('--workers expects a whole number 1..64, got "1000"\n');
    expect(run("simulate", mini, mini).code).toBe(2);
  });
});
