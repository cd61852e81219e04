import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { baseline } from "@fourports/planner";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const MINI = "packages/network/test/fixtures/mini.json";
const TARGETS = "packages/planner/test/fixtures/mini-targets.json";

describe("fourports baseline --json", () => {
  it("prints what the library's baseline() returns, so a notebook and the terminal agree", async () => {
    // Run from a subfolder: relative paths mean what the user typed there.
    const cwd = `${root}packages`;
    const r = spawnSync(process.execPath, [bin, "baseline", `../${MINI}`, "--targets", `../${TARGETS}`, "--runs", "0", "--json"], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: cwd },
    });
    expect(r.status, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as Awaited<ReturnType<typeof baseline>>;
    const lib = await baseline({ scenario: `${root}${MINI}`, targets: `${root}${TARGETS}`, replications: 0 });
    expect(printed.kind).toBe("fourports/baseline");
    expect(printed.targets).toEqual(lib.targets);
    expect(printed.views).toEqual(lib.views);
    expect(printed.scenario.file).toBe("network/test/fixtures/mini.json");
  });
});
