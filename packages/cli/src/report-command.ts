import { mkdirSync, statSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { didYouMean } from "@fourports/network";
import { baseline, compareScenarios, type BaselineOptions, type BaselineProgress, type BaselineResult } from "@fourports/planner";
import { baselineCsv, baselineHtml, baselineMarkdown, comparisonCsv, comparisonHtml, comparisonMarkdown, toJson, type FlowWidth } from "@fourports/report";
import { parseArgs, UsageError } from "./args.js";
import { BASELINE_INPUT_OPTIONS, baselineInputs } from "./baseline.js";
import type { Io } from "./commands.js";
import { writeFileAtomic } from "./out.js";
import { userPath } from "./paths.js";

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

function render(format: Format, r: BaselineResult, cmp: ReturnType<typeof compareScenarios> | null, html: { footer: string; flowWidth: FlowWidth | undefined }): Rendered {
  if (format === "json") return [{ name: null, text: toJson(cmp ?? r) }];
  if (format === "md") return [{ name: null, text: cmp ? comparisonMarkdown(cmp) : baselineMarkdown(r) }];
  if (format === "html") return [{ name: null, text: cmp ? comparisonHtml(cmp, { footer: html.footer, comparators: r.targets }) : baselineHtml(r, { footer: html.footer, ...(html.flowWidth ? { flowWidth: html.flowWidth } : {}) }) }];
  // A UTF-8 byte-order mark: without it Excel reads the CSV as the local code page and garbles
  // 中文 names. Only these files get it: they are a folder of tables for a spreadsheet, while
  // `--csv` of every other command (stdout, or --out with the same bytes) is for pipes and
  // scripts, where a BOM would land in the first header name.
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

/** Formats a user may type as an option (--json) where report takes --format json. */
const FORMAT_FLAGS = FORMATS.map((f) => `--${f}`);

/**
 * An unknown option that looks like a format flag (--jsn, --csv) gets "did you mean --format
 * json": report names its format with --format, so parseArgs' did-you-mean over report's own
 * options found nothing near it and said only "unknown option".
 */
function formatFlagHint(args: readonly string[], known: readonly string[]): void {
  for (const arg of args) {
    if (arg === "--") return;
    const a = arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
    if (!a.startsWith("--") || known.includes(a) || didYouMean(a, known)) continue;
    const hint = FORMAT_FLAGS.includes(a) ? ` (did you mean "${a}"?)` : didYouMean(a, FORMAT_FLAGS);
    if (hint) throw new UsageError(`unknown option ${a}${hint.replace(/"--(\w+)"/, `"--format $1"`)}; expected one of ${known.join(", ")}`);
  }
}

/**
 * `fourports report [SCENARIO] --out FILE [--compare OTHER] [--format html|md|json|csv]
 * [--flow-width linear|sqrt] [--targets FILE] [--history FILE] [--forecast FILE] [--rural FILE]
 * [--fit-cutoff DATE] [--forecast-cutoff DATE] [--runs N] [--seed S] [--workers W]`: the baseline
 * (or the comparison with OTHER) rendered by @fourports/report and written atomically; the
 * baseline options are read as `fourports baseline` reads them, so a customised baseline can be
 * reproduced. --flow-width draws the baseline's flow map, so it is refused where there is none
 * (with --compare, or a format other than html). Returns the exit code.
 */
export async function reportCommand(args: string[], io: Io): Promise<number> {
  const known = ["--out", "--compare", "--format", "--flow-width", ...BASELINE_INPUT_OPTIONS];
  formatFlagHint(args, known);
  const { positional, opts } = parseArgs(args, known, [], 1);
  const outArg = opts.get("--out");
  if (outArg === undefined) throw new UsageError("report needs --out FILE (report.html, report.md, report.json, or a folder with --format csv)");
  const format = formatOf(outArg, opts.get("--format"));
  const flowWidth = opts.get("--flow-width");
  if (flowWidth !== undefined && flowWidth !== "linear" && flowWidth !== "sqrt") throw new UsageError(`--flow-width: expected linear or sqrt, got "${flowWidth}"`);
  if (flowWidth !== undefined && format !== "html") throw new UsageError(`--flow-width: only the html report has a flow map; ${format} has none`);
  if (flowWidth !== undefined && opts.has("--compare")) throw new UsageError("--flow-width: the comparison report (--compare) has no flow map");
  const out = userPath(outArg);
  checkOut(out, format);
  const other = opts.has("--compare") ? inputFile("--compare", userPath(opts.get("--compare")!)) : undefined;
  if (positional[0] !== undefined) inputFile("SCENARIO", userPath(positional[0]));
  const common = baselineInputs(positional[0], opts);
  const sim = { runs: common.replications ?? 0, seed: common.seed };
  const a = await runBaseline(common, io);
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
