// docs/tutorial.md must not drift from the API: every ```ts block is type-checked against the
// packages' sources, the blocks marked `run` are executed, and the what-if file the tutorial
// tells the reader to save is loaded. Long steps (a year's baseline, a simulation) are only
// type-checked: running them takes minutes, which belongs in examples, not in the test suite.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tutorialFile = join(root, "docs/tutorial.md");

interface Block {
  lang: string;
  tag: string;
  arg: string;
  code: string;
  line: number;
}

/** Fenced blocks whose info string names the tutorial: "ts tutorial", "ts tutorial run", "json tutorial-file NAME". */
function tutorialBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const re = /^```(\w+) (tutorial[\w-]*)(?: ([^\n]*))?\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    out.push({ lang: m[1]!, tag: m[2]!, arg: (m[3] ?? "").trim(), code: m[4]!, line: markdown.slice(0, m.index).split("\n").length });
  }
  return out;
}

const blocks = tutorialBlocks(readFileSync(tutorialFile, "utf8"));
const tsBlocks = blocks.filter((b) => b.lang === "ts" && b.tag === "tutorial");
const runBlocks = tsBlocks.filter((b) => b.arg === "run");
const files = blocks.filter((b) => b.tag === "tutorial-file");

// What each run block must print, in page order: a run block added to the page needs a line here.
const EXPECTED_OUTPUT: RegExp[] = [
  /^zhengzhou-2025: \d+ hubs, \d+ services, \d+ trips in 365 days$/m,
  /^ready 2025-06-02 08:00, arrives 2025-\d\d-\d\d \d\d:\d\d$/m,
  /^ {2}override 0: close-hub \(ASSUMPTION, source tutorial\)$/m,
];

const dir = mkdtempSync(join(tmpdir(), "fourports-tutorial-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The snippets are ES modules with top-level await, as in examples/.
writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
const stepFile = (i: number): string => join(dir, `step-${i}.ts`);
tsBlocks.forEach((b, i) => writeFileSync(stepFile(i), b.code));

describe("docs/tutorial.md", () => {
  it("has the blocks this test checks", () => {
    expect(tsBlocks.length).toBeGreaterThanOrEqual(6);
    expect(runBlocks.length).toBe(EXPECTED_OUTPUT.length);
    expect(files.map((f) => f.arg)).toEqual(["whatif-alashankou.json"]);
  });

  it("type-checks every ts block against the packages' sources", () => {
    const base = ts.readConfigFile(join(root, "tsconfig.base.json"), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(base.config, ts.sys, root);
    const options: ts.CompilerOptions = {
      ...parsed.options,
      noEmit: true,
      composite: false,
      declaration: false,
      declarationMap: false,
      sourceMap: false,
      isolatedDeclarations: false,
      incremental: false,
      typeRoots: [join(root, "node_modules/@types")],
      baseUrl: root,
      paths: { fourports: ["packages/fourports/src/index.ts"], "@fourports/*": ["packages/*/src/index.ts"] },
    };
    const program = ts.createProgram(tsBlocks.map((_, i) => stepFile(i)), options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const block = d.file ? tsBlocks[Number(/step-(\d+)\.ts$/.exec(d.file.fileName)?.[1] ?? NaN)] : undefined;
      const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
      const where = block ? `docs/tutorial.md:${block.line + line}` : (d.file?.fileName ?? "");
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(diagnostics).toEqual([]);
  });

  it("runs the quick blocks and they print what the page says", async () => {
    // The what-if file as the reader saves it in the repository root, beside seeds/.
    for (const f of files) writeFileSync(join(dir, f.arg), f.code);
    symlinkSync(join(root, "seeds"), join(dir, "seeds"), "dir");
    const umbrella = pathToFileURL(join(root, "packages/fourports/src/index.ts")).href;
    const cwd = process.cwd();
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    try {
      process.chdir(dir);
      for (const [k, b] of runBlocks.entries()) {
        printed.length = 0;
        // Only the module specifier changes: the test imports the umbrella from source.
        const file = join(dir, `run-${k}.ts`);
        writeFileSync(file, b.code.replaceAll('from "fourports"', `from ${JSON.stringify(umbrella)}`));
        await import(pathToFileURL(file).href);
        expect(printed.join("\n"), `block at tutorial line ${b.line}`).toMatch(EXPECTED_OUTPUT[k]!);
      }
    } finally {
      process.chdir(cwd);
      log.mockRestore();
    }
  });
});
