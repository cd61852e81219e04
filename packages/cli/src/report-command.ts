import { mkdirSync, statSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { baseline, compareScenarios, type BaselineOptions, type BaselineProgress, type BaselineResult } from "@fourports/planner";
import { baselineCsv, baselineHtml, baselineMarkdown, comparisonCsv, comparisonHtml, comparisonMarkdown, toJson, type FlowWidth } from "@fourports/report";
import { parseArgs, UsageError } from "./args.js";
import type { Io } from "./commands.js";
import { writeFileAtomic } from "./out.js";
import { userPath } from "./paths.js";
import { simArgs } from "./simulate.js";

const FORMATS = ["html", "md", "json", "csv"] as const;
type Format = (typeof FORMATS)[number];

/** The format named by --format, or else by the --out file's extension (a folder for csv). */
function formatOf(out: string, given: string | undefined): Format {
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given)) throw new UsageError(`--format: expected one of ${FORMATS.join(", ")}, got "${given}"`);
    return given as Format;
  }
  const ext = extname(out).toLowerCase();
  const byExt: Record<string, Format> = { ".html": "html", ".htm": "html", ".md": "md", ".json": "json" };
  const f = byExt[ext];
  if (!f) throw new UsageError(`--out ${out}: cannot tell the format from "${ext || "no extension"}"; name a .html, .md or .json file, or give --format (csv writes one file per table into the folder --out names)`);
  return f;
}

const isDir = (p: string): boolean | null => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return null;
  }
};

/**
 * Where --out will write, checked before minutes of work: a file's folder must exist and the
 * file must not be a folder; csv's folder may be new, but its parent must exist.
 */
function checkOut(out: string, format: Format): void {
  if (isDir(dirname(out)) !== true) throw new UsageError(`--out: no such folder: ${dirname(out)}`);
  const here = isDir(out);
  if (format === "csv" && here === false) throw new UsageError(`--out: ${out} is a file; with --format csv, name a folder for the CSV files`);
  if (format !== "csv" && here === true) throw new UsageError(`--out: ${out} is a folder; name a file`);
}

/** An input file named on the command line must exist before minutes of work are spent. */
function inputFile(what: string, path: string): string {
  if (isDir(path) !== false) throw new UsageError(`${what}: ${isDir(path) ? "not a regular file" : "no such file"}: ${path}`);
  return path;
}

/** One text per file to write: the report in its format (csv: one file per table). */
type Rendered = { name: string | null; text: string }[];

function render(format: Format, r: BaselineResult, cmp: ReturnType<typeof compareScenarios> | null, html: { footer: string; flowWidth: FlowWidth }): Rendered {
  if (format === "json") return [{ name: null, text: toJson(cmp ?? r) }];
  if (format === "md") return [{ name: null, text: cmp ? comparisonMarkdown(cmp) : baselineMarkdown(r) }];
  if (format === "html") return [{ name: null, text: cmp ? comparisonHtml(cmp, { footer: html.footer }) : baselineHtml(r, html) }];
  // A UTF-8 byte-order mark: without it Excel reads the CSV as the local code page and garbles 中文 names.
  return Object.entries(cmp ? comparisonCsv(cmp) : baselineCsv(r)).map(([name, text]) => ({ name: `${name}.csv`, text: `\uFEFF${text}` }));
}

/** Runs one baseline with progress on stderr, and says how long it took. */
async function runBaseline(options: BaselineOptions, io: Io): Promise<BaselineResult> {
  const t0 = performance.now();
  const onProgress = (p: BaselineProgress): void => io.progress(`${p.stage} ${p.scenarioId}${p.choice ? ` (${p.choice})` : ""}: ${p.done}/${p.total}`);
  const r = await baseline({ ...options, onProgress });
  io.progress("");
  io.err(`baseline of ${r.scenario.id} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

/**
 * `fourports report [SCENARIO] --out FILE [--compare OTHER] [--format html|md|json|csv]
 * [--flow-width linear|sqrt] [--targets FILE] [--runs N] [--seed S] [--workers W]`: the baseline (or the comparison with
 * OTHER) rendered by @fourports/report and written atomically. Returns the exit code.
 */
export async function reportCommand(args: string[], io: Io): Promise<number> {
  const { positional, opts } = parseArgs(args, ["--out", "--compare", "--format", "--flow-width", "--targets", "--runs", "--seed", "--workers"], [], 1);
  const outArg = opts.get("--out");
  if (outArg === undefined) throw new UsageError("report needs --out FILE (report.html, report.md, report.json, or a folder with --format csv)");
  const format = formatOf(outArg, opts.get("--format"));
  const flowWidth = opts.get("--flow-width") ?? "sqrt";
  if (flowWidth !== "linear" && flowWidth !== "sqrt") throw new UsageError(`--flow-width: expected linear or sqrt, got "${flowWidth}"`);
  const out = userPath(outArg);
  checkOut(out, format);
  const scenario = positional[0] !== undefined ? inputFile("SCENARIO", userPath(positional[0])) : undefined;
  const other = opts.has("--compare") ? inputFile("--compare", userPath(opts.get("--compare")!)) : undefined;
  const sim = simArgs(opts, 6);
  const common: BaselineOptions = {
    replications: sim.runs,
    seed: sim.seed,
    workers: sim.workers,
    ...(opts.has("--targets") ? { targets: inputFile("--targets", userPath(opts.get("--targets")!)) } : {}),
  };
  const a = await runBaseline({ ...common, ...(scenario !== undefined ? { scenario } : {}) }, io);
  const cmp = other !== undefined ? compareScenarios(a, await runBaseline({ ...common, scenario: other }, io)) : null;
  const footer = `Made by fourports report${sim.runs > 0 ? ` (${sim.runs} replications, seed ${sim.seed})` : " (no simulation)"}.`;
  const files = render(format, a, cmp, { footer, flowWidth });
  if (format === "csv") mkdirSync(out, { recursive: true });
  for (const f of files) {
    const path = f.name === null ? out : join(out, f.name);
    writeFileAtomic(path, f.text);
    io.err(`wrote ${path} (${(Buffer.byteLength(f.text) / 1024).toFixed(0)} KB)`);
  }
  return 0;
}
