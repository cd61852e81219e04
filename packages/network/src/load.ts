import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  checkDemandLocal,
  checkHubLocal,
  checkScenarioCross,
  checkServiceLocal,
  checkTransferLocal,
  type LocalProblem,
  type Origins,
} from "./check.js";
import { isRealDate } from "./dates.js";
import { IssueList, ScenarioError, type Issue, type PathKey } from "./issues.js";
import { findForbiddenKeys, parseJsonText } from "./json.js";
import { applyOverridesTo } from "./overrides.js";
import { checkStructure } from "./structure.js";
import type { Scenario, ScenarioFile, SourceRef } from "./types.js";

export interface LoadOptions {
  /** Reads a file as UTF-8 text; defaults to node:fs. Lets tests and browsers load from memory. */
  readFile?: (path: string) => string;
}

interface Resolved {
  scenario: Scenario | null;
  issues: Issue[];
  origins: Origins;
}

function readText(file: string, display: string, options: LoadOptions): string | Issue {
  try {
    return (options.readFile ?? ((p: string) => readFileSync(p, "utf8")))(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : `cannot read file (${(err as Error).message})`;
    return { file: display, path: "$", message: why };
  }
}

function sameSource(a: SourceRef, b: SourceRef): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function localChecks(list: IssueList, origins: Origins, file: string, data: ScenarioFile): void {
  const each = <T extends object>(key: string, items: T[] | undefined, check: (x: T) => LocalProblem[]): void =>
    items?.forEach((x, i) => {
      origins.set(x, { file, path: [key, i] });
      for (const p of check(x)) list.add([key, i, ...p.at], p.message);
    });
  each("hubs", data.hubs, checkHubLocal);
  each("services", data.services, checkServiceLocal);
  each("transfers", data.transfers, checkTransferLocal);
  each("demand", data.demand, checkDemandLocal);
}

function resolveValue(
  value: unknown,
  file: string,
  absPath: string | null,
  chain: string[],
  options: LoadOptions,
): Resolved {
  const origins: Origins = new Map();
  const forbidden = findForbiddenKeys(value, file);
  if (forbidden.length > 0) return { scenario: null, issues: forbidden, origins };
  const structure = checkStructure(value, file);
  if (!structure.ok) return { scenario: null, issues: structure.list.issues, origins };
  const data = structure.data;
  const list = new IssueList(file);

  let base: Scenario | null = null;
  const issues: Issue[] = [];
  if (data.extends !== undefined) {
    for (const key of ["hubs", "services", "transfers", "demand"] as const) {
      if (data[key] !== undefined) {
        list.add([key], `a scenario that extends another adds ${key} with an "add-${key}" override`);
      }
    }
    const baseDisplay = join(dirname(file), data.extends);
    const baseAbs = resolve(absPath ? dirname(absPath) : process.cwd(), data.extends);
    if (chain.includes(baseAbs)) {
      list.add(["extends"], `circular extends: ${[...chain, baseAbs].join(" → ")}`);
    } else {
      const text = readText(baseAbs, baseDisplay, options);
      if (typeof text !== "string") {
        list.add(["extends"], `cannot load "${data.extends}": ${text.message}`);
      } else {
        const parsed = parseJsonText(text, baseDisplay);
        if (!parsed.ok) issues.push(...parsed.issues);
        else {
          const r = resolveValue(parsed.value, baseDisplay, baseAbs, [...chain, baseAbs], options);
          issues.push(...r.issues);
          for (const [k, v] of r.origins) origins.set(k, v);
          base = r.scenario;
        }
      }
    }
    if (!base) return { scenario: null, issues: [...issues, ...list.issues], origins };
  } else {
    for (const key of ["epoch", "horizonDays", "homeCity", "hubs", "services"] as const) {
      if (data[key] === undefined) {
        list.add([key], `required field is missing (a scenario without "extends" must give it)`);
      }
    }
  }
  if (data.epoch !== undefined && !isRealDate(data.epoch)) {
    list.add(["epoch"], `"${data.epoch}" is not a calendar date`);
  }

  const sources: Record<string, SourceRef> = { ...base?.sources };
  for (const [key, ref] of Object.entries(data.sources ?? {})) {
    const had = sources[key];
    if (had && !sameSource(had, ref)) {
      list.add(["sources", key], `source "${key}" is already defined differently in the scenario this one extends; use a new key`);
    }
    sources[key] = ref;
  }
  localChecks(list, origins, file, data);
  if (data.variability) origins.set(data.variability, { file, path: ["variability"] });

  let scenario: Scenario = {
    id: data.id,
    name: data.name,
    ...(data.description !== undefined ? { description: data.description } : {}),
    epoch: data.epoch ?? base?.epoch ?? "1970-01-01",
    horizonDays: data.horizonDays ?? base?.horizonDays ?? 1,
    homeCity: data.homeCity ?? base?.homeCity ?? "",
    sources,
    hubs: base ? base.hubs : (data.hubs ?? []),
    services: base ? base.services : (data.services ?? []),
    transfers: base ? base.transfers : (data.transfers ?? []),
    demand: base ? base.demand : (data.demand ?? []),
    ...((data.variability ?? base?.variability) !== undefined ? { variability: (data.variability ?? base?.variability)! } : {}),
    lineage: base ? [base.id, ...base.lineage] : [],
    applied: base ? base.applied : [],
  };
  if (data.overrides) {
    scenario = applyOverridesTo(scenario, data.overrides, { file, at: ["overrides"], list, origins });
  }
  return { scenario, issues: [...issues, ...list.issues], origins };
}

function finish(r: Resolved, file: string): Scenario {
  const issues = [...r.issues];
  if (r.scenario) {
    for (const list of checkScenarioCross(r.scenario, r.origins, file)) issues.push(...list.issues);
  }
  if (issues.length > 0 || !r.scenario) throw new ScenarioError(issues);
  return r.scenario;
}

/**
 * Loads a scenario file, follows its `extends` chain and applies its overrides. Throws a
 * ScenarioError listing every problem found, each with file, JSON path and what was expected.
 */
export function loadScenarioFile(path: string, options: LoadOptions = {}): Scenario {
  const abs = resolve(path);
  const text = readText(abs, path, options);
  if (typeof text !== "string") throw new ScenarioError([text]);
  const parsed = parseJsonText(text, path);
  if (!parsed.ok) throw new ScenarioError(parsed.issues);
  return finish(resolveValue(parsed.value, path, abs, [abs], options), path);
}

/**
 * Loads a scenario from a parsed value (never mutated). `file` names it in errors; `extends`
 * is resolved against `baseDir` (default: the working directory).
 */
export function loadScenarioValue(
  value: unknown,
  options: LoadOptions & { file?: string; baseDir?: string } = {},
): Scenario {
  const file = options.file ?? "<scenario>";
  const abs = options.baseDir ? join(resolve(options.baseDir), file) : null;
  return finish(resolveValue(value, file, abs, abs ? [abs] : [], options), file);
}

/** Every problem in a scenario file, or an empty list when it is valid. */
export function validateScenarioFile(path: string, options: LoadOptions = {}): Issue[] {
  try {
    loadScenarioFile(path, options);
    return [];
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
}

export type { PathKey };
