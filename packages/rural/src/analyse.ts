import { countySitingInstance, type CountySitingOptions } from "./county-siting.js";
import type { CoverageResult } from "./coverage.js";
import type { LoadedCounty } from "./county-types.js";
import { simulateDays, type DaySimResult } from "./day-sim.js";
import { countyCounts, provinceRollup, type CountyCounts, type LoadedProvince, type ProvinceRollup, type RuralTargets } from "./rollup.js";
import { busLineCandidates, type LineCandidates } from "./line-candidates.js";
import { siteGreedy, sitingCoverage, type SitingSolution } from "./siting.js";

/**
 * One county's analysis: coverage, counts against the targets, a siting plan, the simulated 24-hour
 * rate and bus-line candidates.
 */
export interface CountyAnalysis {
  /** Id of the county. */
  countyId: string;
  /** Name of the county. */
  name: string;
  /** The county file's provenance label (a GENERATED county says so here). */
  provenanceLabel: string;
  /** Which villages the network serves, and how. */
  coverage: CoverageResult;
  /** The county's counts as the rural targets count them. */
  counts: CountyCounts;
  /** The siting heuristic's plan, beside what the open stations cover today. */
  siting: {
    /** Coverage radius of a station, road km. */
    radiusKm: number;
    /** What the stations open today cover. */
    today: {
      /** Weight of the villages covered (daily parcels, or one per village; see CountySitingOptions.weightBy). */
      coveredWeight: number;
      /** Villages covered. */
      coveredVillages: number;
    };
    /** The greedy siting plan. */
    plan: SitingSolution;
    /** Villages in the county. */
    villages: number;
    /** Weight of all villages, as coveredWeight counts it. */
    totalWeight: number;
  };
  /** Simulated days: the share of parcels delivered within 24 hours. */
  simulation: DaySimResult;
  /** Bus lines without parcel room, by what carrying parcels would gain. */
  lines: LineCandidates;
}

/** The province's rural analysis: the roll-up against the targets and each county's analysis. */
export interface RuralAnalysis {
  /** The province roll-up against the rural targets. */
  rollup: ProvinceRollup;
  /** One analysis per county, in province order. */
  counties: CountyAnalysis[];
}

/** Options of {@link analyseRural}. */
export interface RuralAnalysisOptions {
  /** One seeded generator: the van routing draws first, then the day simulation. */
  rng: () => number;
  /** Days to simulate per county (default 30). */
  days?: number;
  /** Station coverage radius and siting limits. */
  siting?: CountySitingOptions;
  /** Aborts the analysis; passed to the roll-up, the day simulation and the line candidates. */
  signal?: AbortSignal;
}

/**
 * Everything `fourports rural` shows, as plain data: the roll-up against the targets, and per
 * county its coverage, counts, a siting plan and the simulated 24-hour rate over `days` days.
 */
export function analyseRural(p: LoadedProvince, targets: RuralTargets, options: RuralAnalysisOptions): RuralAnalysis {
  const rollup = provinceRollup(p, targets, { rng: options.rng, ...(options.signal ? { signal: options.signal } : {}) });
  const counties = p.counties.map((c, i) => analyseCounty(c, rollup.coverage[i]!, options));
  return { rollup, counties };
}

function analyseCounty(c: LoadedCounty, coverage: CoverageResult, options: RuralAnalysisOptions): CountyAnalysis {
  const inst = countySitingInstance(c, options.siting);
  const plan = siteGreedy(inst);
  return {
    countyId: c.county.id,
    name: c.county.name,
    provenanceLabel: c.county.provenance.label,
    coverage,
    counts: countyCounts(c, coverage),
    siting: {
      radiusKm: options.siting?.radiusKm ?? 8,
      today: sitingCoverage(inst, inst.fixedOpen),
      plan,
      villages: inst.villageIds.length,
      totalWeight: inst.weight.reduce((a, b) => a + b, 0),
    },
    simulation: simulateDays(c, coverage, { days: options.days ?? 30, rng: options.rng, ...(options.signal ? { signal: options.signal } : {}) }),
    lines: busLineCandidates(c, { rng: options.rng, capacityPerTrip: typicalCapacity(c), ...(options.signal ? { signal: options.signal } : {}) }),
  };
}

/** The median parcel room of the county's parcel-carrying buses (20 when none carries any, ASSUMPTION). */
function typicalCapacity(c: LoadedCounty): number {
  const caps = c.county.busLines.map((l) => l.parcelCapacityPerTrip).filter((x) => x > 0).sort((a, b) => a - b);
  return caps.length === 0 ? 20 : caps[Math.floor(caps.length / 2)]!;
}

/** A county file alone, rolled up as a province of one. */
export function provinceOfOne(c: LoadedCounty): LoadedProvince {
  return { province: { kind: "province", id: c.county.id, name: c.county.name, note: "one county file", counties: [{ id: c.county.id, file: c.file }] }, file: c.file, counties: [c] };
}
