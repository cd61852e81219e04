// Runs examples/notebooks/*.ipynb headlessly in Deno's Jupyter kernel and saves their outputs
// into the notebooks (`pnpm notebooks`, after `tsc -b`; or `pnpm notebooks path/to/one.ipynb`).
//
// Needs: Deno from npm (pinned below; npx fetches it), and Debian's Jupyter client pieces:
//   apt-get install -y python3-nbclient python3-nbformat jupyter-client
// The kernelspec is written to a temporary JUPYTER_PATH (same argv as `deno jupyter --install`
// writes), so the run neither needs nor changes a kernel installed in the user's Jupyter.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DENO = "deno@2.9.6";
const PYTHON = "/usr/bin/python3"; // Debian's, where apt puts nbclient (not a pyenv or venv one)
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const folder = join(root, "examples", "notebooks");

function fail(message) {
  process.stderr.write(`notebooks: ${message}\n`);
  process.exit(1);
}

if (!existsSync(join(root, "packages", "fourports", "dist", "index.js"))) fail("packages/fourports/dist is missing: run `npx tsc -b` first (the root script does)");
const probe = spawnSync(PYTHON, ["-c", "import nbclient, nbformat"], { encoding: "utf8" });
if (probe.status !== 0) fail(`${PYTHON} cannot import nbclient and nbformat: apt-get install -y python3-nbclient python3-nbformat jupyter-client\n${probe.stderr ?? probe.error ?? ""}`);

// The binary npx fetched, so the kernel runs the pinned Deno without npx in between.
let deno;
try {
  deno = execFileSync("npx", ["-y", DENO, "eval", "console.log(Deno.execPath())"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
} catch (e) {
  fail(`could not run ${DENO} through npx: ${e instanceof Error ? e.message : String(e)}`);
}

const args = process.argv.slice(2);
const notebooks = args.length > 0 ? args.map((a) => resolve(a)) : readdirSync(folder).filter((f) => f.endsWith(".ipynb")).sort().map((f) => join(folder, f));
if (notebooks.length === 0) fail(`no .ipynb files in ${folder}`);

const jupyterPath = mkdtempSync(join(tmpdir(), "fourports-kernels-"));
try {
  const spec = join(jupyterPath, "kernels", "deno");
  mkdirSync(spec, { recursive: true });
  // NO_COLOR: plain text outputs without ANSI escapes, so the saved notebook reads (and diffs) cleanly.
  const kernel = { argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"], display_name: "Deno", language: "typescript", env: { NO_COLOR: "1" } };
  writeFileSync(join(spec, "kernel.json"), JSON.stringify(kernel, null, 2));
  const t0 = performance.now();
  const run = spawnSync(PYTHON, [join(root, "scripts", "notebooks-run.py"), ...notebooks], {
    stdio: "inherit",
    env: { ...process.env, JUPYTER_PATH: jupyterPath, NOTEBOOK_KERNEL: "deno" },
  });
  process.stderr.write(`notebooks: ${notebooks.length} notebook(s) in ${((performance.now() - t0) / 1000).toFixed(0)} s with ${DENO}\n`);
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(jupyterPath, { recursive: true, force: true });
}
