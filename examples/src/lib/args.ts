import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Where an example writes its HTML report: `--out DIR`, default examples/out (gitignored). */
export interface ExampleArgs {
  outDir: string;
}

/** The default output folder, examples/out, whatever the working directory. */
export const DEFAULT_OUT: string = fileURLToPath(new URL("../../out", import.meta.url));

/**
 * Reads the options every example takes: `--out DIR` (or `--out=DIR`). Anything else is an
 * error that names it, so a typo is not silently ignored.
 */
export function exampleArgs(argv: string[] = process.argv.slice(2)): ExampleArgs {
  let outDir = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--out" || a.startsWith("--out=")) {
      const v = a === "--out" ? argv[++i] : a.slice("--out=".length);
      if (v === undefined || v === "" || v.startsWith("--")) throw new Error("--out: expected a folder, e.g. --out /tmp/reports");
      outDir = resolve(v);
    } else {
      throw new Error(`unknown option "${a}"; this example takes only --out DIR (default ${DEFAULT_OUT})`);
    }
  }
  return { outDir };
}

/** Writes `html` to DIR/name, creating DIR, and says where. */
export function writeReport(args: ExampleArgs, name: string, html: string): string {
  mkdirSync(args.outDir, { recursive: true });
  const path = join(args.outDir, name);
  writeFileSync(path, html);
  console.log(`\nreport: ${path}`);
  return path;
}
