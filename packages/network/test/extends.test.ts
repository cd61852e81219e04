import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatIssue, LIMITS, loadScenarioFile, ScenarioError, validateScenarioFile } from "@fourports/network";
import { fixture } from "./helpers.js";

const root = mkdtempSync(join(tmpdir(), "fourports-extends-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = readFileSync(fixture("mini.json"), "utf8");
const whatIf = (id: string, target: string): string => JSON.stringify({ id, name: id, extends: target });

/** Writes files under a fresh folder of the temporary root and returns its path. */
function tree(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const messages = (file: string, options = {}): string[] => validateScenarioFile(file, options).map((i) => i.message);

describe("extends stays inside the scenario's folder tree", () => {
  const outside = tree("outside", { "secret.json": base, "not-json.txt": "hello" });
  const dir = tree("project", { "base.json": base, "sub/base.json": base });
  symlinkSync(join(outside, "secret.json"), join(dir, "link.json"));
  symlinkSync(outside, join(dir, "linked-dir"));

  it("reads a file in the same folder or below", () => {
    writeFileSync(join(dir, "a.json"), whatIf("a", "base.json"));
    writeFileSync(join(dir, "b.json"), whatIf("b", "sub/base.json"));
    expect(loadScenarioFile(join(dir, "a.json")).lineage).toEqual(["mini"]);
    expect(loadScenarioFile(join(dir, "b.json")).lineage).toEqual(["mini"]);
  });

  it("gives one message for every target outside, whatever exists there", () => {
    const targets = [
      "/etc/passwd",
      "../../../../../../../../etc/passwd",
      "/dev/zero",
      "../outside/secret.json",
      "../outside/not-json.txt",
      "../outside/missing.json",
      "link.json",
      "linked-dir/secret.json",
      "linked-dir/missing.json",
    ];
    const seen = new Set<string>();
    targets.forEach((t, i) => {
      writeFileSync(join(dir, `x${i}.json`), whatIf(`x${i}`, t));
      const m = messages(join(dir, `x${i}.json`));
      expect(m, t).toHaveLength(1);
      seen.add(m[0]!.replace(`"${t}"`, "TARGET"));
    });
    expect([...seen]).toHaveLength(1);
    expect([...seen][0]).toMatch(/^cannot load TARGET: not allowed: extends may only name a regular file inside /);
  });

  it("a library option widens it explicitly", () => {
    writeFileSync(join(dir, "wide.json"), whatIf("wide", "../outside/secret.json"));
    expect(loadScenarioFile(join(dir, "wide.json"), { extendsRoots: [outside] }).lineage).toEqual(["mini"]);
  });

  it("the seeds folder is always allowed", () => {
    const seeds = fixture("../../../../seeds/zhengzhou-2024.json");
    writeFileSync(join(dir, "seeded.json"), whatIf("seeded", seeds));
    expect(loadScenarioFile(join(dir, "seeded.json")).lineage).toEqual(["zhengzhou-2024"]);
  });

  it("a top-level file that is not a regular file is refused without reading it", () => {
    expect(validateScenarioFile("/dev/zero").map(formatIssue)).toEqual(["/dev/zero: $: not a regular file"]);
  });
});

describe("extends chains", () => {
  const chain = (name: string, depth: number): string => {
    const files: Record<string, string> = { "f0.json": base };
    for (let i = 1; i < depth; i++) files[`f${i}.json`] = whatIf(`f${i}`, `f${i - 1}.json`);
    return join(tree(name, files), `f${depth - 1}.json`);
  };

  it(`load up to ${LIMITS.extendsDepth} files deep`, () => {
    expect(loadScenarioFile(chain("ok", LIMITS.extendsDepth)).lineage).toHaveLength(LIMITS.extendsDepth - 1);
  });

  it("stop past the limit with a message naming it, also for 2,000 files", () => {
    for (const [name, depth] of [["over", LIMITS.extendsDepth + 1], ["huge", 2000]] as const) {
      let err: unknown;
      try {
        loadScenarioFile(chain(name, depth));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ScenarioError);
      expect((err as ScenarioError).issues.map((i) => i.message)).toEqual([`the extends chain is longer than ${LIMITS.extendsDepth} files (the extends-depth limit)`]);
    }
  });
});
