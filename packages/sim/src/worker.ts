import type { Scenario } from "@fourports/network";
import { buildModel, type ModelOptions, type SimModel } from "./model.js";
import type { ReplicationResult } from "./result.js";
import { runLogged, type TargetSpec } from "./run.js";

/** One task for a worker thread: plain data only. */
export interface ReplicationTask {
  /** Identifies the scenario and model options, so a worker builds the model once. */
  key: string;
  /** The resolved scenario, sent as plain data. */
  scenario: Scenario;
  /** Options the model is built with. */
  model: ModelOptions;
  /** Master seed. */
  seed: string | number;
  /** Replication number. */
  replication: number;
  /** Targets to count. */
  targets: TargetSpec[];
  /** Stream the replication's event log to this JSON Lines file. */
  eventLogFile?: string;
}

let cached: { key: string; model: SimModel } | null = null;

/** Runs one replication in a worker thread (tinypool calls the default export). */
export default function replicate(task: ReplicationTask): ReplicationResult {
  if (cached?.key !== task.key) cached = { key: task.key, model: buildModel(task.scenario, task.model) };
  return runLogged(cached.model, task.seed, task.replication, task.targets, task.eventLogFile);
}
