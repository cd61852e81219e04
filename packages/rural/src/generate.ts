import type { County, RuralLine, RuralSource, Township, VanFleet, Village } from "./county-types.js";
import { haversineKm } from "./roads.js";

/** What a generated county follows; every figure is stored in the county file with the seed. */
export interface CountyGeneratorParams {
  /** Seed of the generator's random stream; the same parameters and seed give the same county. */
  seed: string;
  /** Id of the generated county. */
  id: string;
  /** Name of the generated county. */
  name: string;
  /** Centre of the (fictional) county, longitude. */
  lon: number;
  /** Centre of the county, latitude. */
  lat: number;
  /** Area of the county (a square of this area), km². */
  areaKm2: number;
  /** Townships, with and without a station. */
  townships: number;
  /** Township sites that have no station yet (candidates for the siting). */
  candidateTownships: number;
  /** Villages. */
  villages: number;
  /** Spacing of the jittered road grid; with areaKm2 it sets the road density (km per km²). */
  roadSpacingKm: number;
  /** Mean goods parcels a day from the centre to a village. */
  meanDownParcelsPerDay: number;
  /** Mean produce parcels a day from a village to the centre. */
  meanUpParcelsPerDay: number;
  /** Share of village bus lines that already carry parcels (客货邮). */
  parcelBusShare: number;
  /** The statistics the parameters follow, stored in the county's provenance. */
  sources: RuralSource[];
}

/** A generated county and its road files, ready to be written. */
export interface GeneratedCounty {
  /** The county file's content. */
  county: County;
  /** DIMACS `.gr` text (arc lengths in metres) and `.co` text (lon/lat × 1e6). */
  gr: string;
  /** See `gr`: the `.co` text with node coordinates. */
  co: string;
  /** Length of the road grid, km (both directions counted once). */
  roadKm: number;
}

const KM_PER_DEG_LAT = 111.195;

/**
 * A synthetic county: a jittered road grid, a centre in the middle, townships spread out and
 * villages on road nodes, trunk buses centre → township, village buses township → nearest
 * villages, freight lines to the largest townships and vans at the centre and open
 * townships. Counts and densities come from the params; nothing here is a real place.
 */
export function generateCounty(p: CountyGeneratorParams, rng: () => number, roadsFile: { gr: string; co: string }): GeneratedCounty {
  const side = Math.sqrt(p.areaKm2);
  const k = Math.max(2, Math.round(side / p.roadSpacingKm) + 1);
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180);
  const lon = new Float64Array(k * k);
  const lat = new Float64Array(k * k);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      const jx = (rng() - 0.5) * 0.5 * p.roadSpacingKm;
      const jy = (rng() - 0.5) * 0.5 * p.roadSpacingKm;
      const xKm = -side / 2 + c * p.roadSpacingKm + jx;
      const yKm = -side / 2 + r * p.roadSpacingKm + jy;
      lon[r * k + c] = round6(p.lon + xKm / kmPerDegLon);
      lat[r * k + c] = round6(p.lat + yKm / KM_PER_DEG_LAT);
    }
  }
  const arcs: string[] = [];
  let roadKm = 0;
  const dist = (a: number, b: number): number => haversineKm(lon[a]!, lat[a]!, lon[b]!, lat[b]!);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      const a = r * k + c;
      for (const b of [c + 1 < k ? a + 1 : -1, r + 1 < k ? a + k : -1]) {
        if (b < 0) continue;
        // Rural roads wind: 1.15 × the straight line (ASSUMPTION, stored in the params' note).
        const m = Math.round(dist(a, b) * 1.15 * 1000);
        arcs.push(`a ${a + 1} ${b + 1} ${m}`, `a ${b + 1} ${a + 1} ${m}`);
        roadKm += m / 1000;
      }
    }
  }
  const gr = [`c generated road grid for ${p.id} (seed ${p.seed})`, `p sp ${k * k} ${arcs.length}`, ...arcs, ""].join("\n");
  const co = [`c lon/lat × 1e6`, `p aux sp co ${k * k}`, ...Array.from(lon, (x, i) => `v ${i + 1} ${Math.round(x * 1e6)} ${Math.round(lat[i]! * 1e6)}`), ""].join("\n");

  const used = new Set<number>();
  const centreNode = Math.floor(k / 2) * k + Math.floor(k / 2);
  used.add(centreNode);
  const pick = (minSepKm: number): number => {
    for (let attempt = 0; ; attempt++) {
      const n = Math.floor(rng() * k * k);
      if (used.has(n)) continue;
      const sep = attempt < 200 ? minSepKm : 0;
      if ([...used].some((u) => dist(u, n) < sep)) continue;
      used.add(n);
      return n;
    }
  };
  const at = (n: number): { lon: number; lat: number } => ({ lon: lon[n]!, lat: lat[n]! });
  const townSep = 0.6 * Math.sqrt(p.areaKm2 / p.townships);
  const townships: Township[] = Array.from({ length: p.townships }, (_, i) => ({
    id: `T${String(i + 1).padStart(2, "0")}`,
    name: `Township ${i + 1}`,
    ...at(pick(townSep)),
    status: i < p.townships - p.candidateTownships ? "open" : "candidate",
  }));
  const villages: Village[] = Array.from({ length: p.villages }, (_, i) => ({
    id: `V${String(i + 1).padStart(3, "0")}`,
    name: `Village ${i + 1}`,
    ...at(pick(0)),
    downParcelsPerDay: poissonish(p.meanDownParcelsPerDay, rng),
    upParcelsPerDay: poissonish(p.meanUpParcelsPerDay, rng),
    stationOpen: rng() < 0.8,
  }));
  const centre = { id: "C1", name: `${p.name} centre`, ...at(centreNode) };
  const lines = makeLines(centre, townships, villages, p, rng);
  const vans: VanFleet[] = [
    { id: "VAN-C1", depot: "C1", count: 4, capacityParcels: 200, shiftStart: "08:30", shiftMin: 480, costCnyPerKm: 1.6, speedKmh: 40 },
    ...townships
      .filter((t) => t.status === "open")
      .map((t) => ({ id: `VAN-${t.id}`, depot: t.id, count: 1, capacityParcels: 150, shiftStart: "10:00", shiftMin: 420, costCnyPerKm: 1.6, speedKmh: 35 })),
  ];
  const county: County = {
    kind: "county",
    id: p.id,
    name: p.name,
    provenance: {
      label: "ASSUMPTION",
      note: "GENERATED, not a real county: counts and densities follow the cited statistics, positions, lines, timetables, volumes and fleets are drawn from the generator with the seed below. Regenerate with `pnpm gen:rural-county`.",
      sources: p.sources,
      generator: { ...p, roadNodes: k * k, roadKm: Math.round(roadKm), roadDensityKmPerKm2: Math.round((roadKm / p.areaKm2) * 100) / 100 },
    },
    parcelReadyClock: "07:00",
    stopServiceMin: 5,
    maxSnapKm: 1,
    roads: { format: "dimacs", gr: roadsFile.gr, co: roadsFile.co, lengthUnit: "m", coordScale: 1e6 },
    centres: [centre],
    townships,
    villages,
    busLines: lines.bus,
    freightLines: lines.freight,
    vans,
  };
  return { county, gr, co, roadKm };
}

function makeLines(
  centre: { id: string; lon: number; lat: number },
  townships: Township[],
  villages: Village[],
  p: CountyGeneratorParams,
  rng: () => number,
): { bus: RuralLine[]; freight: RuralLine[] } {
  // Bus run times: straight line × 1.3 winding at 35 km/h, plus a minute per stop (ASSUMPTION).
  const runMin = (a: { lon: number; lat: number }, b: { lon: number; lat: number }): number =>
    Math.max(2, Math.round((haversineKm(a.lon, a.lat, b.lon, b.lat) * 1.3 * 60) / 35 + 1));
  const bus: RuralLine[] = townships.map((t, i) => ({
    id: `BUS-C-${t.id}`,
    name: `Centre – ${t.name}`,
    stops: [centre.id, t.id],
    runMin: [runMin(centre, t)],
    departures: ["06:30", "09:30", "13:30", "17:00"],
    parcelCapacityPerTrip: i % 3 === 2 ? 0 : 80,
    bothWays: true,
  }));
  const near = (t: Township): Village[] =>
    villages
      .map((v) => ({ v, d: haversineKm(t.lon, t.lat, v.lon, v.lat) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 8)
      .map((x) => x.v);
  townships.forEach((t) => {
    const vs = near(t);
    const halves = [vs.filter((_, i) => i % 2 === 0), vs.filter((_, i) => i % 2 === 1)];
    halves.forEach((h, j) => {
      const stops = [t, ...h];
      bus.push({
        id: `BUS-${t.id}-${j + 1}`,
        name: `${t.name} village line ${j + 1}`,
        stops: stops.map((s) => s.id),
        runMin: stops.slice(1).map((s, q) => runMin(stops[q]!, s)),
        departures: ["07:40", "15:30"],
        parcelCapacityPerTrip: rng() < p.parcelBusShare ? 40 : 0,
        bothWays: true,
      });
    });
  });
  const freight: RuralLine[] = townships.slice(0, 3).map((t) => ({
    id: `FRT-C-${t.id}`,
    name: `Freight centre – ${t.name}`,
    stops: [centre.id, t.id],
    runMin: [runMin(centre, t)],
    departures: ["07:30"],
    parcelCapacityPerTrip: 400,
    bothWays: true,
  }));
  return { bus, freight };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** A Poisson draw (Knuth's method; the means here are small). */
export function poissonish(mean: number, rng: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const l = Math.exp(-mean);
  let k = 0;
  let prod = rng();
  while (prod > l) {
    k++;
    prod *= rng();
  }
  return k;
}

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}
