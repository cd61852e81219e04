import { dirname, resolve } from "node:path";
import { expandTimetable, FourportsInputError, loadScenarioFile, readJsonFile, type Scenario } from "@fourports/network";
import {
  loadCountyFile,
  loadProvinceFile,
  loadRuralTargets,
  provinceOfOne,
  provinceRollup,
  ruralFileKind,
  type ProvinceRollup,
} from "@fourports/rural";
import { listSeeds, seedPath } from "@fourports/seeds";
import type { Year } from "@fourports/targets";
import seedrandom from "seedrandom";

/**
 * A default input from @fourports/seeds (the repository's seeds/ in a checkout, the installed
 * package's copy elsewhere); throws naming the file and listing the seeds when it is missing.
 */
export function defaultSeedPath(name: string): string {
  return seedPath(name);
}

/** A scenario year loaded from a file or taken as given, with its timetable. */
export interface LoadedYear extends Year {
  /** The file it came from, as the caller gave it (null when passed as an object). */
  file: string | null;
}

/** A scenario file (loaded with its `extends` chain) or a loaded scenario, with its timetable expanded. */
export function loadYear(input: string | Scenario): LoadedYear {
  const scenario = typeof input === "string" ? loadScenarioFile(input) : input;
  return { file: typeof input === "string" ? input : null, scenario, timetable: expandTimetable(scenario) };
}

/**
 * The base year a scenario's growth targets are measured against: the nearest scenario up its
 * `extends` chain whose epoch falls in an earlier year. A what-if that extends the 2025 seed is
 * thus compared with 2024, not with the 2025 file it changes. Null when no ancestor is earlier.
 */
export function findBaseYearFile(file: string): string | null {
  const year = (f: string): number => Number(loadScenarioFile(f).epoch.slice(0, 4));
  const own = year(file);
  const seen = new Set<string>([resolve(file)]);
  let current = file;
  for (;;) {
    const raw = readJsonFile(current) as { extends?: unknown };
    if (typeof raw !== "object" || raw === null || typeof raw.extends !== "string") return null;
    const parent = resolve(dirname(current), raw.extends);
    // The loader rejects cycles; this guard only keeps the walk finite if it is ever bypassed.
    if (seen.has(parent)) return null;
    seen.add(parent);
    if (year(parent) < own) return parent;
    current = parent;
  }
}

/** The rural roll-up the rural-delivery target is measured on: a province file, or one county as a province. */
export function ruralRollupFromFile(file: string, targetsFile: string): ProvinceRollup {
  const province = ruralFileKind(file) === "province" ? loadProvinceFile(file) : provinceOfOne(loadCountyFile(file));
  // The roll-up's day simulation is seeded so the rural row is the same on every run.
  return provinceRollup(province, loadRuralTargets(targetsFile), { rng: seedrandom("1") });
}

/**
 * The base year of a scenario passed as an object (a what-if built in code): the nearest
 * scenario of its lineage that is a seed scenario (matched by id) in an earlier year. A lineage
 * that names no seed cannot be resolved from an object: the caller must pass `baseYear`.
 */
export function baseYearOfLineage(scenario: Scenario): string | null {
  if (scenario.lineage.length === 0) return null;
  const own = Number(scenario.epoch.slice(0, 4));
  const seeds = new Map<string, string>();
  for (const name of listSeeds()) {
    if (!name.endsWith(".json") || name.includes("/")) continue;
    const raw = readJsonFile(seedPath(name)) as { id?: unknown; hubs?: unknown; extends?: unknown };
    if (typeof raw.id === "string" && (raw.hubs !== undefined || raw.extends !== undefined)) seeds.set(raw.id, seedPath(name));
  }
  for (const id of scenario.lineage) {
    const file = seeds.get(id);
    if (file === undefined) {
      throw new FourportsInputError(
        "invalid-option",
        `baseline(): scenario "${scenario.id}" extends "${id}", which is not a seed scenario, so its base year cannot be found from the object; pass baseYear (a file, a scenario, or null)`,
      );
    }
    if (Number(loadScenarioFile(file).epoch.slice(0, 4)) < own) return file;
  }
  return null;
}
