import seedrandom from "seedrandom";
import { generateCounty, loadCountyValue, type County, type CountyGeneratorParams, type LoadedCounty } from "../src/index.js";

export const SMALL_PARAMS: CountyGeneratorParams = {
  seed: "test-small",
  id: "test-county",
  name: "Test county",
  lon: 114,
  lat: 34,
  areaKm2: 80,
  townships: 4,
  candidateTownships: 1,
  villages: 16,
  roadSpacingKm: 1.6,
  meanDownParcelsPerDay: 12,
  meanUpParcelsPerDay: 4,
  parcelBusShare: 0.7,
  sources: [{ label: "ASSUMPTION", source: "test" }],
};

/** A small generated county, loaded through the same path as a file (roads as DIMACS text). */
export function smallCounty(seed = "test-small", edit?: (c: County) => void): LoadedCounty {
  const g = generateCounty({ ...SMALL_PARAMS, seed }, seedrandom(seed), { gr: "t.gr", co: "t.co" });
  edit?.(g.county);
  return loadCountyValue(JSON.parse(JSON.stringify(g.county)), "test-county.json", (rel) => ({ text: rel === "t.gr" ? g.gr : g.co, file: rel }));
}

/** All-pairs road km by Floyd–Warshall over the graph's edges: independent of the Dijkstra used by the code. */
export function floydKm(loaded: LoadedCounty): (a: number, b: number) => number {
  const g = loaded.road;
  const n = g.nodeCount;
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let u = 0; u < n; u++) {
    for (let e = g.offsets[u]!; e < g.offsets[u + 1]!; e++) d[u * n + g.targets[e]!] = Math.min(d[u * n + g.targets[e]!]!, g.weights[e]!);
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) {
    const ik = d[i * n + k]!;
    if (ik === Infinity) continue;
    for (let j = 0; j < n; j++) if (ik + d[k * n + j]! < d[i * n + j]!) d[i * n + j] = ik + d[k * n + j]!;
  }
  return (a, b) => d[a * n + b]!;
}
