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

  it("gives a did-you-mean for an unknown option, pointing format flags to --format", () => {
    const known = "--out, --compare, --format, --flow-width, --targets, --history, --forecast, --rural, --fit-cutoff, --forecast-cutoff, --runs, --seed, --workers";
    expect(run("report", "--jsn", "--out", "/tmp/x.json")).toMatchObject({ code: 2, err: `unknown option --jsn (did you mean "--format json"?); expected one of ${known}\n` });
    expect(run("report", "--csv", "--out", "/tmp/x")).toMatchObject({ code: 2, err: `unknown option --csv (did you mean "--format csv"?); expected one of ${known}\n` });
    expect(run("report", "--outt", "/tmp/x.html")).toMatchObject({ code: 2, err: `unknown option --outt (did you mean "--out"?); expected one of ${known}\n` });
  });

  it("refuses --flow-width where there is no flow map, instead of ignoring it", () => {
    expect(run("report", "--flow-width", "linear", "--out", "/tmp/x.md")).toMatchObject({ code: 2, err: "--flow-width: only the html report has a flow map; md has none\n" });
    expect(run("report", "--flow-width", "linear", "--format", "csv", "--out", "/tmp/x")).toMatchObject({ code: 2, err: "--flow-width: only the html report has a flow map; csv has none\n" });
    expect(run("report", "--flow-width", "sqrt", "--compare", "seeds/zhengzhou-2025.json", "--out", "/tmp/x.html")).toMatchObject({ code: 2, err: "--flow-width: the comparison report (--compare) has no flow map\n" });
  });

  it("takes baseline's input options, checked as baseline checks them", () => {
    expect(run("report", "--history", "nope.json", "--out", "/tmp/x.html")).toMatchObject({ code: 2, err: `--history: no such file: ${root}nope.json\n` });
    expect(run("report", "--rural", "seeds", "--out", "/tmp/x.html")).toMatchObject({ code: 2, err: `--rural: not a regular file: ${root}seeds\n` });
    expect(run("report", "--fit-cutoff", "2024-13-01", "--out", "/tmp/x.html").code).toBe(2);
    expect(run("report", "--fit-cutoff", "2024-13-01", "--out", "/tmp/x.html").err).toMatch(/^--fit-cutoff: /);
    expect(run("report", "--forecast-cutoff", "soon", "--out", "/tmp/x.html").err).toMatch(/^--forecast-cutoff: /);
  });

  it("shows its usage with --help", () => {
    const r = run("report", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: fourports report \[FILE\] --out FILE \[--compare OTHER\]/);
  });
});
