import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCvrplib, routeCost } from "@fourports/rural";

// These run the built CLI (the test script builds first with tsc -b), as a planner would.
const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, INIT_CWD: root } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const small = "packages/rural/test/fixtures/small.vrp";

describe("fourports vrp", () => {
  it("prints a CVRPLIB .sol: Route #r lines, then the cost of those routes", () => {
    const r = run("vrp", small, "--iterations", "2000", "--seed", "3");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    const routes = lines.slice(0, -1);
    for (const [i, l] of routes.entries()) expect(l).toMatch(new RegExp(`^Route #${i + 1}:( \\d+)+$`));
    const parsed = routes.map((l) => l.split(": ")[1]!.split(" ").map(Number));
    expect(parsed.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const inst = parseCvrplib(readFileSync(`${root}${small}`, "utf8"));
    expect(lines.at(-1)).toBe(`Cost ${parsed.reduce((a, rt) => a + routeCost(inst, rt), 0)}`);
    expect(run("vrp", small, "--iterations", "2000", "--seed", "3").out).toBe(r.out);
  });

  it("exits 2 with a message for bad arguments, 1 naming file and line for a bad instance", () => {
    expect(run("vrp")).toMatchObject({ code: 2, err: expect.stringContaining("usage: fourports vrp FILE.vrp") });
    expect(run("vrp", "nope.vrp")).toMatchObject({ code: 2, err: expect.stringContaining("no such file: nope.vrp") });
    expect(run("vrp", small, "--time-limit", "soon")).toMatchObject({ code: 2, err: '--time-limit: expected a positive number, got "soon"\n' });
    const bad = run("vrp", "packages/rural/test/fixtures/broken.vrp");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('packages/rural/test/fixtures/broken.vrp: line 4: EDGE_WEIGHT_TYPE must be EUC_2D, got "GEO"');
    expect(bad.err).not.toMatch(/\n\s+at /);
  });
});

describe("fourports rural", () => {
  it("prints coverage, misses, lines, routes, siting, simulated days and counts against the targets", () => {
    const r = run("rural", "--days", "5");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/villages within 24 h: down \d+\.\d%, up \d+\.\d%, both \d+\.\d% of 290/);
    expect(r.out).toMatch(/^misses \(\d+\):/m);
    expect(r.out).toMatch(/^lines carrying parcels \(\d+ of \d+/m);
    expect(r.out).toMatch(/^bus lines without parcel room, if each alone carried \d+ parcels a trip/m);
    expect(r.out).toMatch(/^van routes: \d+, [\d.]+ van-km/m);
    expect(r.out).toMatch(/^siting \(stations cover villages within 8 km/m);
    expect(r.out).toMatch(/^simulated 5 days/m);
    expect(r.out).toMatch(/^passengerFreightMailLines\s+\d+\s+230 (not )?met\s+260 (not )?met\s+300 (not )?met/m);
  });

  it("exits 2 on a missing file or a bad option", () => {
    expect(run("rural", "nowhere.json")).toMatchObject({ code: 2, err: expect.stringContaining("no such file") });
    expect(run("rural", "--days", "0")).toMatchObject({ code: 2, err: '--days: expected a positive integer, got "0"\n' });
  });
});

describe("rural and vrp inputs that are not files", () => {
  it("refuse a device or a folder with exit 1 and no read", () => {
    for (const args of [["rural", "/dev/zero"], ["vrp", "/dev/zero"], ["rural", "/tmp"]]) {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 30_000 });
      expect(r.status, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(/: \$: not a regular file/);
    }
  });
});
