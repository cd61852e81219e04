import { createHash } from "node:crypto";
import { checkClockOption, checkNumberOption, checkOptionsObject, describeValue, FourportsInputError, type Scenario } from "@fourports/network";
import { Tinypool } from "tinypool";
import { aggregate, type SimulationSummary } from "./aggregate.js";
import { buildModel, type ModelOptions } from "./model.js";
import type { ReplicationResult } from "./result.js";
import { eventLogPath } from "./event-log.js";
import { runLogged, type TargetSpec } from "./run.js";
import type { ReplicationTask } from "./worker.js";

/**
 * Options of {@link simulate}: the model options plus how many replications, which seed, and what to
 * keep.
 */
export interface SimulateOptions extends ModelOptions {
  /** Replications to run (default 20), or the most to run with untilRelativeCi. */
  replications?: number;
  /** Master seed (default 1): replication i draws from streams derived from (seed, i) alone. */
  seed?: string | number;
  /** Worker threads (default 1: in this thread). The results do not depend on it. */
  workers?: number;
  /**
   * Stop once every target metric's 95% CI half-width is below this share of its mean (e.g.
   * 0.01), checked after every `batch` replications, so the stopping point is the same for any
   * number of workers.
   */
  untilRelativeCi?: number;
  /** Replications between stopping checks (default 10). */
  batch?: number;
  /** Targets each replication counts and the summary reports (default none). */
  targets?: TargetSpec[];
  /** A folder to stream each replication's event log to (replication-0000.jsonl, …); it must exist. */
  eventLogDir?: string;
  /** Keep every replication's result in the output (default false). */
  keepReplications?: boolean;
  /** Called after each replication with the replications done and planned. */
  onProgress?: (done: number, planned: number) => void;
  /** Aborts the run: in this thread, between replications and after each simulated week; with workers, by cancelling their tasks. */
  signal?: AbortSignal;
}

/** What {@link simulate} returns: the summary of the replications plus how the run ended. */
export interface SimulationResult extends SimulationSummary {
  /** Id of the scenario simulated. */
  scenarioId: string;
  /** The master seed used. */
  seed: string | number;
  /** Replications run. */
  replications: number;
  /** "replications" when the planned number ran; "confidence interval" when untilRelativeCi was met first. */
  stoppedBy: "replications" | "confidence interval";
  /** Every replication's result, when keepReplications was set. */
  replicationResults?: ReplicationResult[];
}

/** Where the worker script is: beside this module when built; from sources (tests), in dist. */
function workerUrl(): string {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../dist/worker.js", here).href : new URL("./worker.js", here).href;
}

/** The most replications and workers one call takes (far beyond any use; a typo is caught). */
export const SIMULATE_LIMITS: {
  /** Most replications one call runs. */
  replications: number;
  /** Most worker threads one call starts. */
  workers: number;
} = { replications: 100_000, workers: 256 };

function check(options: SimulateOptions): void {
  checkOptionsObject("simulate() options", options);
  checkNumberOption("simulate(): replications", options.replications, { integer: true, min: 1, max: SIMULATE_LIMITS.replications });
  checkNumberOption("simulate(): workers", options.workers, { integer: true, min: 1, max: SIMULATE_LIMITS.workers });
  checkNumberOption("simulate(): batch", options.batch, { integer: true, min: 1, max: SIMULATE_LIMITS.replications });
  checkNumberOption("simulate(): untilRelativeCi", options.untilRelativeCi, { above: 0, max: 0.999 });
  checkNumberOption("simulate(): maxTransitDays", options.maxTransitDays, { above: 0, max: 366 });
  checkClockOption("simulate(): releaseTime", options.releaseTime);
  if (options.seed !== undefined && typeof options.seed !== "string" && !(typeof options.seed === "number" && Number.isFinite(options.seed))) {
    throw new FourportsInputError("invalid-option", `simulate(): seed: expected a string or a finite number, got ${describeValue(options.seed)}`);
  }
}

/**
 * Runs seeded replications of a scenario's year (over worker threads when asked) and
 * aggregates them: mean, P5/P50/P95 and the 95% CI half-width of every measure, and for each
 * target its P(met). Same scenario and seed give the same result whatever the worker count.
 */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  check(options);
  const planned = options.replications ?? 20;
  const seed = options.seed ?? 1;
  const workers = options.workers ?? 1;
  const batch = options.batch ?? 10;
  const targets = options.targets ?? [];
  const modelOptions: ModelOptions = {
    ...(options.releaseTime !== undefined ? { releaseTime: options.releaseTime } : {}),
    ...(options.maxTransitDays !== undefined ? { maxTransitDays: options.maxTransitDays } : {}),
  };
  const runs: ReplicationResult[] = [];
  const logFile = (i: number): string | undefined => (options.eventLogDir === undefined ? undefined : eventLogPath(options.eventLogDir, i));
  let stoppedBy: SimulationResult["stoppedBy"] = "replications";
  const converged = (): boolean => {
    if (options.untilRelativeCi === undefined || runs.length < 2) return false;
    const s = aggregate(runs, targets).targets.filter((t) => t.value !== null);
    return s.length > 0 && s.every((t) => t.value!.ciHalfWidth <= options.untilRelativeCi! * Math.abs(t.value!.mean));
  };

  let runBatch: (from: number, to: number) => Promise<ReplicationResult[]>;
  let pool: Tinypool | null = null;
  if (workers === 1) {
    const model = buildModel(scenario, modelOptions);
    runBatch = async (from, to) => {
      const out: ReplicationResult[] = [];
      for (let i = from; i < to; i++) {
        options.signal?.throwIfAborted();
        out.push(runLogged(model, seed, i, targets, logFile(i), options.signal));
        options.onProgress?.(i + 1, planned);
        // Let the caller's timers (progress output, abort) run between replications.
        await new Promise<void>((r) => setImmediate(r));
      }
      return out;
    };
  } else {
    pool = new Tinypool({ filename: workerUrl(), minThreads: workers, maxThreads: workers });
    const key = createHash("sha256").update(JSON.stringify({ scenario, modelOptions })).digest("hex");
    let done = 0;
    runBatch = (from, to) =>
      Promise.all(
        Array.from({ length: to - from }, async (_, j) => {
          const file = logFile(from + j);
          const task: ReplicationTask = { key, scenario, model: modelOptions, seed, replication: from + j, targets, ...(file !== undefined ? { eventLogFile: file } : {}) };
          const r = (await pool!.run(task, options.signal ? { signal: options.signal } : {})) as ReplicationResult;
          options.onProgress?.(++done, planned);
          return r;
        }),
      );
  }
  try {
    for (let from = 0; from < planned; from += batch) {
      runs.push(...(await runBatch(from, Math.min(planned, from + batch))));
      if (converged()) {
        stoppedBy = "confidence interval";
        break;
      }
    }
  } finally {
    await pool?.destroy();
  }
  return {
    scenarioId: scenario.id,
    seed,
    replications: runs.length,
    stoppedBy,
    ...aggregate(runs, targets),
    ...(options.keepReplications ? { replicationResults: runs } : {}),
  };
}
