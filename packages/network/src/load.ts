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
import { extendsRoots, readScenarioText, type ExtendsRoots } from "./files.js";
import { FourportsInputError } from "./input-error.js";
import { IssueList, ScenarioError, type Issue, type PathKey } from "./issues.js";
import { findForbiddenKeys, parseJsonText } from "./json.js";
import { LIMITS } from "./limits.js";
import { applyOverridesTo } from "./overrides.js";
import { checkStructure } from "./structure.js";
import { withSuggestionBudget } from "./suggest.js";
import type { Scenario, ScenarioFile, SourceRef } from "./types.js";

/** Options of the scenario loaders. */
export interface LoadOptions {
  /** Reads a file as UTF-8 text; defaults to node:fs. Lets tests and browsers load from memory. */
  readFile?: (path: string) => string;
  /**
   * Folders besides the loaded scenario's own folder tree and the seeds folder that `extends`
   * may read from. Nothing else is ever read.
   */
  extendsRoots?: string[];
}

/** What one load shares across its extends chain, so following it costs linear time in its depth. */
interface Context {
  options: LoadOptions;
  roots: ExtendsRoots;
  origins: Origins;
  issues: Issue[];
  /** Absolute paths of the files being resolved, outermost first. */
  chain: string[];
}

function checkLoadOptions(where: string, options: unknown): LoadOptions {
  if (options === undefined) return {};
  const o = options as Record<string, unknown>;
  const bad = (what: string): never => {
    throw new FourportsInputError("invalid-option", `${where}: ${what}`);
  };
  if (o === null || typeof o !== "object" || Array.isArray(o)) bad("expected an options object");
  if (o["readFile"] !== undefined && typeof o["readFile"] !== "function") bad("readFile: expected a function");
  const roots = o["extendsRoots"];
  if (roots !== undefined && (!Array.isArray(roots) || !roots.every((r) => typeof r === "string" && r.length > 0))) {
    bad("extendsRoots: expected an array of folder paths");
  }
  for (const key of ["file", "baseDir"]) {
    if (o[key] !== undefined && (typeof o[key] !== "string" || o[key] === "")) bad(`${key}: expected a non-empty string`);
  }
  return o as LoadOptions;
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

function mergeSources(list: IssueList, base: Scenario | null, own: Record<string, SourceRef> | undefined): Record<string, SourceRef> {
  const sources: Record<string, SourceRef> = { ...base?.sources };
  for (const [key, ref] of Object.entries(own ?? {})) {
    // Own-property check: "toString" is a key like any other, not something every object has.
    if (Object.hasOwn(sources, key) && !sameSource(sources[key]!, ref)) {
      list.add(["sources", key], `source "${key}" is already defined differently in the scenario this one extends; use a new key`);
    }
    sources[key] = ref;
  }
  return sources;
}

/** Resolves the scenario a file extends, or null (with its problems added) when it cannot. */
function resolveBase(data: ScenarioFile, file: string, absPath: string | null, list: IssueList, ctx: Context): Scenario | null {
  const target = data.extends!;
  const baseDisplay = join(dirname(file), target);
  const baseAbs = resolve(absPath ? dirname(absPath) : process.cwd(), target);
  if (ctx.chain.includes(baseAbs)) {
    list.add(["extends"], `circular extends: ${[...ctx.chain, baseAbs].join(" → ")}`);
    return null;
  }
  if (ctx.chain.length >= LIMITS.extendsDepth) {
    list.add(["extends"], `the extends chain is longer than ${LIMITS.extendsDepth} files (the extends-depth limit)`);
    return null;
  }
  const text = readScenarioText({
    abs: baseAbs,
    display: baseDisplay,
    confine: { roots: ctx.roots },
    ...(ctx.options.readFile ? { readFile: ctx.options.readFile } : {}),
  });
  if (typeof text !== "string") {
    list.add(["extends"], `cannot load "${target}": ${text.message}`);
    return null;
  }
  const parsed = parseJsonText(text, baseDisplay);
  if (!parsed.ok) {
    for (const i of parsed.issues) ctx.issues.push(i);
    return null;
  }
  ctx.chain.push(baseAbs);
  const base = resolveValue(parsed.value, baseDisplay, baseAbs, ctx);
  ctx.chain.pop();
  return base;
}

/** Resolves one file of a chain; its problems go to ctx.issues, after those of the files it extends. */
function resolveValue(value: unknown, file: string, absPath: string | null, ctx: Context): Scenario | null {
  const forbidden = findForbiddenKeys(value, file);
  if (forbidden.length > 0) {
    for (const i of forbidden) ctx.issues.push(i);
    return null;
  }
  const structure = checkStructure(value, file);
  if (!structure.ok) {
    for (const i of structure.list.issues) ctx.issues.push(i);
    return null;
  }
  const data = structure.data;
  const list = new IssueList(file);
  const flush = (): void => {
    for (const i of list.issues) ctx.issues.push(i);
  };

  let base: Scenario | null = null;
  if (data.extends !== undefined) {
    for (const key of ["hubs", "services", "transfers", "demand"] as const) {
      if (data[key] !== undefined) {
        list.add([key], `a scenario that extends another adds ${key} with an "add-${key}" override`);
      }
    }
    base = resolveBase(data, file, absPath, list, ctx);
    if (!base) {
      flush();
      return null;
    }
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

  const sources = mergeSources(list, base, data.sources);
  localChecks(list, ctx.origins, file, data);
  if (data.variability) ctx.origins.set(data.variability, { file, path: ["variability"] });

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
    scenario = applyOverridesTo(scenario, data.overrides, { file, at: ["overrides"], list, origins: ctx.origins });
  }
  flush();
  return scenario;
}

function finish(scenario: Scenario | null, ctx: Context, file: string): Scenario {
  const issues = ctx.issues;
  if (scenario) {
    for (const list of checkScenarioCross(scenario, ctx.origins, file)) for (const i of list.issues) issues.push(i);
  }
  if (issues.length > 0 || !scenario) throw new ScenarioError(issues);
  return scenario;
}

function context(options: LoadOptions, scenarioDir: string, chain: string[]): Context {
  return { options, roots: extendsRoots(scenarioDir, options.extendsRoots), origins: new Map(), issues: [], chain };
}

/**
 * Loads a scenario file, follows its `extends` chain and applies its overrides. Throws a
 * ScenarioError listing every problem found, each with file, JSON path and what was expected.
 */
export function loadScenarioFile(path: string, options: LoadOptions = {}): Scenario {
  return withSuggestionBudget(() => loadFile(path, options));
}

function loadFile(path: string, options: LoadOptions): Scenario {
  if (typeof path !== "string" || path === "") throw new FourportsInputError("invalid-option", "loadScenarioFile: path: expected a file path");
  options = checkLoadOptions("loadScenarioFile", options);
  const abs = resolve(path);
  const text = readScenarioText({ abs, display: path, ...(options.readFile ? { readFile: options.readFile } : {}) });
  if (typeof text !== "string") throw new ScenarioError([text]);
  const parsed = parseJsonText(text, path);
  if (!parsed.ok) throw new ScenarioError(parsed.issues);
  const ctx = context(options, dirname(abs), [abs]);
  return finish(resolveValue(parsed.value, path, abs, ctx), ctx, path);
}

/**
 * Loads a scenario from a parsed value (never mutated). `file` names it in errors; `extends`
 * is resolved against `baseDir` (default: the working directory).
 */
export function loadScenarioValue(
  value: unknown,
  options: LoadOptions & { file?: string; baseDir?: string } = {},
): Scenario {
  return withSuggestionBudget(() => loadValue(value, options));
}

function loadValue(value: unknown, options: LoadOptions & { file?: string; baseDir?: string }): Scenario {
  options = checkLoadOptions("loadScenarioValue", options);
  const file = options.file ?? "<scenario>";
  const dir = resolve(options.baseDir ?? process.cwd());
  const abs = options.baseDir ? join(dir, file) : null;
  const ctx = context(options, dir, abs ? [abs] : []);
  return finish(resolveValue(value, file, abs, ctx), ctx, file);
}

/**
 * Reads and parses a JSON data file (target registry, observed figures) under the same rules
 * as a scenario: a regular file within the size limit, a BOM allowed, nesting bounded,
 * duplicate and reserved keys rejected. Throws a ScenarioError naming the file.
 */
export function readJsonFile(path: string): unknown {
  if (typeof path !== "string" || path === "") throw new FourportsInputError("invalid-option", "readJsonFile: path: expected a file path");
  const text = readScenarioText({ abs: resolve(path), display: path });
  if (typeof text !== "string") throw new ScenarioError([text]);
  const parsed = parseJsonText(text, path);
  if (!parsed.ok) throw new ScenarioError(parsed.issues);
  return parsed.value;
}

/**
 * Reads a data file as text with the loader's guards: a regular file (never a device such as
 * /dev/zero) within the file-size limit; a ScenarioError naming the file otherwise.
 */
export function readTextFile(path: string): string {
  if (typeof path !== "string" || path === "") throw new FourportsInputError("invalid-option", "readTextFile: path: expected a file path");
  const text = readScenarioText({ abs: resolve(path), display: path });
  if (typeof text !== "string") throw new ScenarioError([text]);
  return text;
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
