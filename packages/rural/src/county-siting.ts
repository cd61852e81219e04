import type { LoadedCounty } from "./county-types.js";
import { roadDistanceRows } from "./road-matrix.js";
import type { SitingInstance } from "./siting.js";

/** Options of {@link countySitingInstance}. */
export interface CountySitingOptions {
  /** A station covers the villages within this road distance (default 8 km, ASSUMPTION). */
  radiusKm?: number;
  /** Township stations the plan may open among the candidates (default: all candidates). */
  maxNewSites?: number;
  /** Weigh villages by parcels per day (default) or count them. */
  weightBy?: "parcels" | "villages";
}

/**
 * The county's siting question as a maximal covering instance: sites are the centres (open)
 * and township sites (open ones fixed, candidates free), a site covers a village within
 * `radiusKm` by road.
 */
export function countySitingInstance(loaded: LoadedCounty, options: CountySitingOptions = {}): SitingInstance {
  const { county } = loaded;
  const radius = options.radiusKm ?? 8;
  const sites = [...county.centres.map((c) => ({ id: c.id, open: true })), ...county.townships.map((t) => ({ id: t.id, open: t.status === "open" }))];
  const vs = county.villages;
  const km = roadDistanceRows(loaded.road, sites.map((s) => loaded.roadNode[s.id]!), vs.map((v) => loaded.roadNode[v.id]!));
  const candidates = sites.filter((s) => !s.open).length;
  return {
    siteIds: sites.map((s) => s.id),
    villageIds: vs.map((v) => v.id),
    weight: vs.map((v) => (options.weightBy === "villages" ? 1 : v.downParcelsPerDay + v.upParcelsPerDay)),
    covers: sites.map((_, j) => vs.map((_, i) => i).filter((i) => km[j * vs.length + i]! <= radius)),
    fixedOpen: sites.map((s) => s.open),
    maxNewSites: Math.min(options.maxNewSites ?? candidates, candidates),
  };
}

/** A seeded random siting instance (sites and villages in a square), for tests and the bench. */
export function randomSitingInstance(
  rng: () => number,
  size: { sites: number; villages: number; fixed: number; maxNewSites: number; radius: number },
): SitingInstance {
  const pt = (): [number, number] => [rng() * 100, rng() * 100];
  const sites = Array.from({ length: size.sites }, pt);
  const villages = Array.from({ length: size.villages }, pt);
  return {
    siteIds: sites.map((_, j) => `S${j}`),
    villageIds: villages.map((_, v) => `V${v}`),
    weight: villages.map(() => 1 + Math.floor(rng() * 40)),
    covers: sites.map(([x, y]) => villages.map((_, v) => v).filter((v) => Math.hypot(villages[v]![0] - x, villages[v]![1] - y) <= size.radius)),
    fixedOpen: sites.map((_, j) => j < size.fixed),
    maxNewSites: size.maxNewSites,
  };
}
