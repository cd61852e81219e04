// Runs examples/notebooks/*.ipynb headlessly, each in the kernel its metadata names (Deno's,
// or tslab), and saves their outputs into the notebooks: `pnpm notebooks` (after `tsc -b`), or
// `pnpm notebooks examples/notebooks/tutorial.ipynb` for one. Exits nonzero when a cell fails
// (that notebook is left as it was) or a notebook lacks its rich outputs.
//
// Needs Debian's Jupyter client pieces: apt-get install -y python3-nbclient python3-nbformat jupyter-client
// Deno and tslab come from npm, at the versions pinned below (fetched on first use). The
// kernelspecs are written to a temporary JUPYTER_PATH, with the argv `deno jupyter --install`
// and `tslab install` write, so the run neither needs nor changes the user's installed kernels.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DENO = "deno@2.9.6";
const TSLAB = "tslab@1.0.22";
const PYTHON = "/usr/bin/python3"; // Debian's, where apt puts nbclient (not a pyenv or venv one)
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const folder = join(root, "examples", "notebooks");

function fail(message) {
  process.stderr.write(`notebooks: ${message}\n`);
  process.exit(1);
}

function run(cmd, args, what) {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  } catch (e) {
    return fail(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The binary npx fetched, so the kernel runs the pinned Deno without npx in between. */
function denoKernel() {
  const deno = run("npx", ["-y", DENO, "eval", "console.log(Deno.execPath())"], `could not run ${DENO} through npx`);
  // NO_COLOR: plain-text outputs without ANSI escapes, so the saved notebook reads and diffs cleanly.
  return { argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"], display_name: "Deno", language: "typescript", env: { NO_COLOR: "1" } };
}

/** tslab installed once into a cache folder (it brings zeromq's prebuilt binaries). */
function tslabKernel() {
  const prefix = join(tmpdir(), `fourports-${TSLAB.replace("@", "-")}`);
  const bin = join(prefix, "node_modules", ".bin", "tslab");
  if (!existsSync(bin)) {
    process.stderr.write(`notebooks: installing ${TSLAB} into ${prefix}\n`);
    mkdirSync(prefix, { recursive: true });
    run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", prefix, TSLAB], `could not install ${TSLAB}`);
  }
  return { argv: [bin, "kernel", "--config-path", "{connection_file}"], display_name: "TypeScript (tslab)", language: "typescript" };
}

const KERNELS = { deno: denoKernel, tslab: tslabKernel };

if (!existsSync(join(root, "packages", "fourports", "dist", "index.js"))) fail("packages/fourports/dist is missing: run `npx tsc -b` first (the root script does)");
const probe = spawnSync(PYTHON, ["-c", "import nbclient, nbformat"], { encoding: "utf8" });
if (probe.status !== 0) fail(`${PYTHON} cannot import nbclient and nbformat: apt-get install -y python3-nbclient python3-nbformat jupyter-client\n${probe.stderr ?? probe.error ?? ""}`);

const args = process.argv.slice(2);
const notebooks = args.length > 0 ? args.map((a) => resolve(a)) : readdirSync(folder).filter((f) => f.endsWith(".ipynb")).sort().map((f) => join(folder, f));
if (notebooks.length === 0) fail(`no .ipynb files in ${folder}`);
const kernelNames = new Set(
  notebooks.map((nb) => {
    let name;
    try {
      name = JSON.parse(readFileSync(nb, "utf8"))?.metadata?.kernelspec?.name;
    } catch (e) {
      fail(`${nb}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!Object.hasOwn(KERNELS, name)) fail(`${nb}: metadata.kernelspec.name: expected one of ${Object.keys(KERNELS).join(", ")}, got ${JSON.stringify(name)}`);
    return name;
  }),
);

const jupyterPath = mkdtempSync(join(tmpdir(), "fourports-kernels-"));
try {
  for (const name of kernelNames) {
    const spec = join(jupyterPath, "kernels", name);
    mkdirSync(spec, { recursive: true });
    writeFileSync(join(spec, "kernel.json"), JSON.stringify(KERNELS[name](), null, 2));
  }
  const t0 = performance.now();
  const result = spawnSync(PYTHON, [join(root, "scripts", "notebooks-run.py"), ...notebooks], { stdio: "inherit", env: { ...process.env, JUPYTER_PATH: jupyterPath } });
  process.stderr.write(`notebooks: ${notebooks.length} notebook(s) in ${((performance.now() - t0) / 1000).toFixed(0)} s (${[...kernelNames].map((k) => (k === "deno" ? DENO : TSLAB)).join(", ")})\n`);
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(jupyterPath, { recursive: true, force: true });
}
