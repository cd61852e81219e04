import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The built CLI (the test script builds first), as a planner would run it.
const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, INIT_CWD: root } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe("fourports report: bad arguments fail at once (exit 2), naming the option", () => {
  it("needs --out, and a format it can tell", () => {
    expect(run("report")).toMatchObject({ code: 2, err: "report needs --out FILE (report.html, report.md, report.json, or a folder with --format csv)\n" });
    expect(run("report", "--out", "x.pdf").err).toContain(`--out x.pdf: cannot tell the format from ".pdf"`);
    expect(run("report", "--out", "x.html", "--format", "pdf")).toMatchObject({ code: 2, err: `--format: expected one of html, md, json, csv, got "pdf"\n` });
    expect(run("report", "--out", "x.html", "--flow-width", "log")).toMatchObject({ code: 2, err: `--flow-width: expected linear or sqrt, got "log"\n` });
  });

  it("checks the output folder and the input files before any work", () => {
    expect(run("report", "--out", "/no/such/dir/x.html")).toMatchObject({ code: 2, err: "--out: no such folder: /no/such/dir\n" });
    expect(run("report", "--out", "seeds")).toMatchObject({ code: 2 });
    expect(run("report", "--out", `${root}seeds`, "--format", "html")).toMatchObject({ code: 2, err: `--out: ${root}seeds is a folder; name a file\n` });
    expect(run("report", "nope.json", "--out", "/tmp/x.html")).toMatchObject({ code: 2, err: `SCENARIO: no such file: ${root}nope.json\n` });
    expect(run("report", "--compare", "seeds", "--out", "/tmp/x.html")).toMatchObject({ code: 2, err: `--compare: not a regular file: ${root}seeds\n` });
    expect(run("report", "--runs", "x", "--out", "/tmp/x.html")).toMatchObject({ code: 2, err: `--runs expects a whole number 0..10000, got "x"\n` });
  });

  it("shows its usage with --help", () => {
    const r = run("report", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: fourports report \[FILE\] --out FILE \[--compare OTHER\]/);
  });
});
