import { existsSync } from "node:fs";
import { readTextFile, ScenarioError } from "@fourports/network";
import { formatCvrplibSolution, parseCvrplib, solveVrp, VRP_LIMITS } from "@fourports/rural";
import { DataError } from "@fourports/routing";
import seedrandom from "seedrandom";
import { parseArgs, UsageError } from "./args.js";
import type { Io } from "./commands.js";
import { userPath } from "./paths.js";
import { emit, outputOptions } from "./emit.js";

const USAGE = "usage: fourports vrp FILE.vrp [--time-limit S] [--iterations N] [--seed N] [--json] [--out FILE]";

/** A positive number from an option, or a usage error naming it. */
export function positiveOption(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
    throw new UsageError(`${name}: expected a positive ${integer ? "integer" : "number"}, got "${value}"`);
  }
  return v;
}

/**
 * Solves a CVRPLIB instance and prints the routes in CVRPLIB `.sol` format on stdout. Only a
 * time limit (default 10 s) makes the result depend on the machine; --iterations alone is
 * reproducible anywhere.
 */
export function vrp(args: string[], io: Io): number {
  const { positional, opts } = parseArgs(args, ["--time-limit", "--iterations", "--seed", "--json", "--out"], ["--json"]);
  if (positional.length !== 1) throw new UsageError(USAGE);
  const out = outputOptions(opts);
  const file = userPath(positional[0]!);
  if (!existsSync(file)) throw new UsageError(`no such file: ${positional[0]}\n${USAGE}`);
  const timeLimitS = positiveOption("--time-limit", opts.get("--time-limit"), false);
  const iterations = positiveOption("--iterations", opts.get("--iterations"), true);
  if (timeLimitS !== undefined && timeLimitS * 1000 > VRP_LIMITS.timeLimitMs) throw new UsageError(`--time-limit: expected at most ${VRP_LIMITS.timeLimitMs / 1000} s, got ${timeLimitS}`);
  if (iterations !== undefined && iterations > VRP_LIMITS.maxIterations) throw new UsageError(`--iterations: expected at most ${VRP_LIMITS.maxIterations}, got ${iterations}`);
  const seed = opts.get("--seed") ?? "1";
  if (!/^\d+$/.test(seed)) throw new UsageError(`--seed: expected a non-negative integer, got "${seed}"`);
  let inst;
  try {
    inst = parseCvrplib(readTextFile(file), positional[0]!);
  } catch (e) {
    if (e instanceof DataError) throw new ScenarioError(e.issues);
    throw e;
  }
  let sol;
  try {
    sol = solveVrp(inst, {
      rng: seedrandom(seed),
      ...(iterations !== undefined ? { maxIterations: iterations } : {}),
      ...(timeLimitS !== undefined || iterations === undefined ? { timeLimitMs: (timeLimitS ?? 10) * 1000 } : {}),
      onProgress: (p) => io.progress(`${inst.name}: best ${p.bestCost} after ${p.iterations} iterations`),
    });
  } catch (e) {
    // An instance no vehicle can serve (a demand above capacity): bad input, not a crash.
    if (e instanceof RangeError) throw new ScenarioError([{ file: positional[0]!, path: "$", message: e.message }]);
    throw e;
  }
  io.progress("");
  const solution = sol;
  emit(io, out, {
    json: () => ({ instance: inst.name, seed, ...solution }),
    text: () => formatCvrplibSolution(solution).trimEnd().split("\n"),
  });
  return 0;
}
