import { countyCoverage, type CoverageOptions } from "./coverage.js";
import type { LoadedCounty } from "./county-types.js";
import { mulberry32 } from "./rng.js";

/** What one bus line would change if it carried parcels. */
export interface LineCandidate {
  /** Id of the bus line. */
  lineId: string;
  /** Name of the bus line. */
  name: string;
  /** Villages served within 24 h both ways if this line carried parcels. */
  villagesWithin24h: number;
  /** villagesWithin24h minus today's. */
  gainVillages: number;
  /** Van-kilometres a day with the line carrying parcels. */
  vanKmPerDay: number;
  /** Van-km a day saved against today (negative: more). */
  savedVanKm: number;
}

/** The bus lines worth turning into passenger-parcel lines (see {@link busLineCandidates}). */
export interface LineCandidates {
  /** Parcel room given to each candidate line per trip. */
  capacityPerTrip: number;
  /** The county as it is. */
  today: {
    /** Villages served within 24 h both ways. */
    villagesWithin24h: number;
    /** Van-kilometres a day. */
    vanKmPerDay: number;
  };
  /** Bus lines that carry no parcels today, most villages gained first. */
  candidates: LineCandidate[];
}

/**
 * Which bus lines should carry parcels (become 客货邮 lines): each bus line without parcel room
 * is given `capacityPerTrip` in turn and the county's coverage recomputed. Every run, today's
 * included, routes the vans with the same random stream, so the differences are the line's.
 */
export function busLineCandidates(loaded: LoadedCounty, options: CoverageOptions & { capacityPerTrip: number }): LineCandidates {
  const seed = Math.floor(options.rng() * 2 ** 32);
  const run = (l: LoadedCounty): { villagesWithin24h: number; vanKmPerDay: number } => {
    const cov = countyCoverage(l, { ...options, rng: mulberry32(seed) });
    return { villagesWithin24h: cov.villages.filter((v) => v.down.within24h && v.up.within24h).length, vanKmPerDay: cov.vanKmPerDay };
  };
  const today = run(loaded);
  const candidates = loaded.county.busLines
    .filter((l) => l.parcelCapacityPerTrip === 0)
    .map((line): LineCandidate => {
      options.signal?.throwIfAborted();
      const busLines = loaded.county.busLines.map((b) => (b.id === line.id ? { ...b, parcelCapacityPerTrip: options.capacityPerTrip } : b));
      const r = run({ ...loaded, county: { ...loaded.county, busLines } });
      return {
        lineId: line.id,
        name: line.name,
        villagesWithin24h: r.villagesWithin24h,
        gainVillages: r.villagesWithin24h - today.villagesWithin24h,
        vanKmPerDay: r.vanKmPerDay,
        savedVanKm: today.vanKmPerDay - r.vanKmPerDay,
      };
    })
    .sort((a, b) => b.gainVillages - a.gainVillages || b.savedVanKm - a.savedVanKm || a.lineId.localeCompare(b.lineId));
  return { capacityPerTrip: options.capacityPerTrip, today, candidates };
}
