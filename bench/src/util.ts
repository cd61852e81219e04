import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

/**
 * The shared data folder beside the repository (../shared), or FOURPORTS_SHARED when set (a
 * worktree that does not sit beside it). Data is read in place there, never copied in.
 */
export const SHARED_DIR: string = process.env["FOURPORTS_SHARED"] ?? fileURLToPath(new URL("../../../shared/", import.meta.url));

/** Best wall time of `runs` runs of f after one warm-up, in ms. */
export function best(runs: number, f: () => unknown): number {
  f();
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    b = Math.min(b, performance.now() - t0);
  }
  return b;
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One comparison: our time and a peer's on the same task; ratio = peer / ours (>1: we are faster). */
export interface Row {
  graph: string;
  task: string;
  ours: number;
  peer: string;
  peerMs: number;
  goal: string;
}

/** One timed run, for peers too slow to repeat. */
export function once(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/**
 * Rewrites one script's section of bench/RESULTS.md (between <!-- name:start --> and
 * <!-- name:end -->), stamped with the date and machine; other sections are kept.
 */
export function writeResultsSection(name: string, title: string, lines: string[]): void {
  const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const section = [`<!-- ${name}:start -->`, `## ${title}`, "", `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}.`, ...lines, `<!-- ${name}:end -->`].join("\n");
  const file = fileURLToPath(new URL("../RESULTS.md", import.meta.url));
  const old = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n\nWritten by the bench scripts; each section is replaced by its script's latest run.\n";
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  writeFileSync(file, marked.test(old) ? old.replace(marked, section) : `${old.trimEnd()}\n\n${section}\n`);
  log(`\nwrote ${file}`);
}
