import { statSync } from "node:fs";
import { dirname } from "node:path";
import { stringify } from "csv-stringify/sync";
import { UsageError } from "./args.js";
import type { Io } from "./commands.js";
import { writeFileAtomic } from "./out.js";
import { shown, userPath } from "./paths.js";

/**
 * The output plumbing every result-printing command shares. A command parses its arguments,
 * calls a library function for a plain-JSON result, and hands `emit` three renderings of it:
 *
 * ```ts
 * const { positional, opts } = parseArgs(args, [...MY_OPTIONS, ...OUTPUT_OPTIONS], OUTPUT_FLAGS);
 * const out = outputOptions(opts);          // before any work: --json/--csv clash, --out's folder
 * const result = libraryFunction(...);      // plain JSON-safe data
 * emit(io, out, {
 *   json: () => result,                     // --json: printed with JSON.stringify(…, null, 2)
 *   csv: () => ({ header, rows }),          // --csv: one table, RFC 4180 via csv-stringify
 *   text: () => lines,                      // otherwise: the lines a person reads
 * });
 * ```
 *
 * With `--out FILE` the same text goes to FILE, written atomically (all or nothing), and
 * "wrote FILE" to stderr. Only the rendering chosen is called.
 */

/** The options `outputOptions` reads; add them to a command's known options. */
export const OUTPUT_OPTIONS: readonly string[] = ["--json", "--csv", "--out"];
/** The value-less ones among OUTPUT_OPTIONS. */
export const OUTPUT_FLAGS: readonly string[] = ["--json", "--csv"];

/** How a command's result is written: the format, and the file (absolute) or stdout. */
export interface OutputOptions {
  format: "text" | "json" | "csv";
  /** Absolute path of --out, or undefined for stdout. */
  file: string | undefined;
}

/** One CSV table: a header row and data rows. */
export interface CsvTable {
  header: string[];
  rows: (string | number | boolean | null)[][];
}

/** The three renderings of one result; `emit` calls only the one asked for. */
export interface Renderings {
  json: () => unknown;
  /** Absent for a command whose result is no table (vrp): --csv is then refused. */
  csv?: () => CsvTable;
  text: () => string[];
}

/**
 * --json / --csv / --out from parsed options, checked before any work is done: --json and
 * --csv together are an error, and --out must name a file in an existing folder.
 * @throws UsageError naming the option.
 */
export function outputOptions(opts: ReadonlyMap<string, string>): OutputOptions {
  if (opts.has("--json") && opts.has("--csv")) throw new UsageError("--json and --csv exclude each other: choose one format");
  const format = opts.has("--json") ? "json" : opts.has("--csv") ? "csv" : "text";
  const out = opts.get("--out");
  return { format, file: out === undefined ? undefined : outputFile(out) };
}

/** An output path whose folder exists and which is not a folder itself, resolved from the user's directory. */
export function outputFile(path: string): string {
  if (path === "") throw new UsageError("--out: expected a file name, got an empty string");
  const abs = userPath(path);
  const folder = dirname(abs);
  const isDir = (p: string): boolean | undefined => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return undefined;
    }
  };
  if (isDir(folder) !== true) throw new UsageError(`--out: no such folder: ${folder}`);
  if (isDir(abs) === true) throw new UsageError(`--out: is a folder, expected a file: ${abs}`);
  return abs;
}

/** A CSV table as text (header first, CRLF-free "\n" line ends, quoted where needed). */
export function csvText(t: CsvTable): string {
  return stringify([t.header, ...t.rows.map((r) => r.map((c) => (c === null ? "" : c)))], { cast: { boolean: (b) => String(b) } });
}

/** The chosen rendering as text, without a final newline. */
export function render(out: OutputOptions, r: Renderings): string {
  if (out.format === "json") return JSON.stringify(r.json(), null, 2);
  if (out.format === "csv") {
    if (r.csv === undefined) throw new UsageError("--csv: this command's result is not one table; use --json");
    return csvText(r.csv()).trimEnd();
  }
  return r.text().join("\n");
}

/** Writes a result as the options ask: to stdout line by line, or atomically to the --out file. */
export function emit(io: Io, out: OutputOptions, r: Renderings): void {
  const text = render(out, r);
  if (out.file === undefined) {
    for (const line of text.split("\n")) io.out(line);
    return;
  }
  writeFileAtomic(out.file, `${text}\n`);
  io.err(`wrote ${shown(out.file)}`);
}
