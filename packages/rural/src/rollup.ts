import { dirname, resolve } from "node:path";
import { checkAgainst, readJsonFile, ScenarioError } from "@fourports/network";
import { z } from "zod";
import { countyCoverage, type CoverageOptions, type CoverageResult } from "./coverage.js";
import { provinceSchema, type ProvinceFile } from "./county-schema.js";
import type { LoadedCounty, RuralLabel } from "./county-types.js";
import { loadCountyFile } from "./load-county.js";

/**
 * What the rural opinion counts: county logistics centres, township stations, village stations, and
 * passenger-freight-mail (客货邮) lines.
 */
export const RURAL_COUNTS = ["countyCentres", "townshipStations", "villageStations", "passengerFreightMailLines"] as const;
/** One of the {@link RURAL_COUNTS}. */
export type RuralCount = (typeof RURAL_COUNTS)[number];

/** The opinion's targets for one year: counts, and the share of villages served within 24 h. */
export interface RuralYearTargets {
  /** The target year. */
  year: number;
  /** Target counts for that year. */
  counts: Record<RuralCount, number>;
  /** Target share of villages served within 24 h both ways (0..1). */
  share24h: number;
}

/**
 * The rural targets file (seeds/rural/targets-rural.json): targets per year and the document that sets
 * them.
 */
export interface RuralTargets {
  /** Id of the targets file. */
  id: string;
  /** The document that sets the targets. */
  source: string;
  /** What kind of figure the targets are. */
  label: RuralLabel;
  /** One entry per target year. */
  years: RuralYearTargets[];
}

const countsSchema = z.strictObject({
  countyCentres: z.number().int().nonnegative(),
  townshipStations: z.number().int().nonnegative(),
  villageStations: z.number().int().nonnegative(),
  passengerFreightMailLines: z.number().int().nonnegative(),
});
const targetsSchema = z.strictObject({
  id: z.string(),
  source: z.string(),
  reference: z.string(),
  label: z.enum(["TARGET", "OFF", "PRESS", "EST", "ASSUMPTION"]),
  years: z.array(z.strictObject({ year: z.number().int(), counts: countsSchema, share24h: z.number().min(0).max(1), note: z.string().optional() })).min(1),
});

const readJson = readJsonFile;

/** Loads the 2024–2026 rural targets (seeds/rural/targets-rural.json). */
export function loadRuralTargets(path: string): RuralTargets {
  const c = checkAgainst(targetsSchema, readJson(path), path);
  if (!c.ok) throw new ScenarioError(c.list.issues);
  return c.data;
}

/** A province file with every county it names loaded. */
export interface LoadedProvince {
  /** The province file as read. */
  province: ProvinceFile;
  /** Path of the province file. */
  file: string;
  /** The counties, in the province file's order. */
  counties: LoadedCounty[];
}

/** Loads a province roll-up file and every county it names (problems of all files at once). */
export function loadProvinceFile(path: string): LoadedProvince {
  const c = checkAgainst(provinceSchema, readJson(path), path);
  if (!c.ok) throw new ScenarioError(c.list.issues);
  const issues: ScenarioError["issues"] = [];
  const counties: LoadedCounty[] = [];
  for (const entry of c.data.counties) {
    try {
      counties.push(loadCountyFile(resolve(dirname(path), entry.file)));
    } catch (e) {
      if (e instanceof ScenarioError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return { province: c.data, file: path, counties };
}

/** Whether a file is a province roll-up or a county (by its "kind"). */
export function ruralFileKind(path: string): "province" | "county" {
  const v = readJson(path) as { kind?: unknown } | null;
  return v !== null && typeof v === "object" && v.kind === "province" ? "province" : "county";
}

/** One county's counts as the rural targets count them. */
export interface CountyCounts {
  /** Id of the county. */
  countyId: string;
  /** Centres, open township and village stations, and bus lines that carry parcels in the day's plan. */
  counts: Record<RuralCount, number>;
  /** Villages in the county. */
  villages: number;
  /** Villages served within 24 h both ways. */
  villagesWithin24h: number;
}

/**
 * A county's counts as the opinion counts them: centres, open township stations, open village
 * stations, and 客货邮 lines = bus lines that carry parcels in the day's plan.
 */
export function countyCounts(loaded: LoadedCounty, coverage: CoverageResult): CountyCounts {
  const c = loaded.county;
  const busIds = new Set(c.busLines.map((l) => l.id));
  return {
    countyId: c.id,
    counts: {
      countyCentres: c.centres.length,
      townshipStations: c.townships.filter((t) => t.status === "open").length,
      villageStations: c.villages.filter((v) => v.stationOpen).length,
      passengerFreightMailLines: coverage.lines.filter((l) => busIds.has(l.lineId) && l.parcelsPerDay > 0).length,
    },
    villages: c.villages.length,
    villagesWithin24h: coverage.villages.filter((v) => v.down.within24h && v.up.within24h).length,
  };
}

/** One figure of the province roll-up beside its target in each year. */
export interface RollupRow {
  /** Which figure: a count, or the share of villages served within 24 h. */
  what: RuralCount | "share24h";
  /** The figure summed over the modelled counties (the share: over all their villages). */
  modelled: number;
  /** Per target year: the target and whether the modelled counties meet it. */
  years: {
    /** The target year. */
    year: number;
    /** The target for that year (a count, or a share for "share24h"). */
    target: number;
    /** Whether the modelled figure reaches the target. */
    met: boolean;
  }[];
}

/** The modelled counties summed and set against the rural targets (see {@link provinceRollup}). */
export interface ProvinceRollup {
  /** Id of the province. */
  provinceId: string;
  /** Each county's counts, in province order. */
  counties: CountyCounts[];
  /** Each county's coverage, in province order. */
  coverage: CoverageResult[];
  /** One row per count, then the 24-hour share. */
  rows: RollupRow[];
  /** The document that sets the targets. */
  targetsSource: string;
  /** Provenance labels of the counties summed (ASSUMPTION for a generated county). */
  labels: RuralLabel[];
}

/** Counts of every modelled county summed and set against each year's targets. */
export function provinceRollup(p: LoadedProvince, targets: RuralTargets, options: CoverageOptions): ProvinceRollup {
  const coverage = p.counties.map((c) => countyCoverage(c, options));
  const counties = p.counties.map((c, i) => countyCounts(c, coverage[i]!));
  const total = (k: RuralCount): number => counties.reduce((a, c) => a + c.counts[k], 0);
  const villages = counties.reduce((a, c) => a + c.villages, 0);
  const share = villages === 0 ? 0 : counties.reduce((a, c) => a + c.villagesWithin24h, 0) / villages;
  const rows: RollupRow[] = [
    ...RURAL_COUNTS.map((k) => ({ what: k, modelled: total(k), years: targets.years.map((y) => ({ year: y.year, target: y.counts[k], met: total(k) >= y.counts[k] })) })),
    { what: "share24h" as const, modelled: share, years: targets.years.map((y) => ({ year: y.year, target: y.share24h, met: share >= y.share24h - 1e-12 })) },
  ];
  const labels = [...new Set(p.counties.map((c) => c.county.provenance.label))].sort();
  return { provinceId: p.province.id, counties, coverage, rows, targetsSource: targets.source, labels };
}
