import { dirname, resolve } from "node:path";
import { checkAgainst, didYouMean, IssueList, readJsonFile, readTextFile, ScenarioError } from "@fourports/network";
import { DataError, type CsrGraph } from "@fourports/routing";
import { countySchema } from "./county-schema.js";
import type { County, LoadedCounty, RuralLine } from "./county-types.js";
import { nearestRoadNode, readDimacsRoads, readGeoJsonRoads } from "./roads.js";

/** Reads a file named in a county file, relative to it. */
export type ReadRelative = (relativePath: string) => {
  /** The file's text. */
  text: string;
  /** The file's path, as problems should name it. */
  file: string;
};

/** Loads and checks a county scenario file and the road files it names; every problem at once. */
export function loadCountyFile(path: string): LoadedCounty {
  const value = readJsonFile(path);
  const dir = dirname(path);
  return loadCountyValue(value, path, (rel) => {
    const file = resolve(dir, rel);
    try {
      return { text: readTextFile(file), file };
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      throw new ScenarioError([{ file: path, path: "$.roads", message: `cannot read road file "${rel}": ${e.issues.map((i) => i.message).join("; ")}` }]);
    }
  });
}

/** Checks a parsed county value; `read` supplies the road files it names. */
export function loadCountyValue(value: unknown, file: string, read: ReadRelative): LoadedCounty {
  const checked = checkAgainst(countySchema, value, file);
  if (!checked.ok) throw new ScenarioError(checked.list.issues);
  const county = checked.data;
  const list = new IssueList(file);
  checkReferences(county, list);
  if (list.issues.length > 0) throw new ScenarioError(list.issues);
  let road: CsrGraph;
  try {
    const r = county.roads;
    road = r.format === "dimacs" ? readDimacsRoads(read(r.gr), read(r.co), r.coordScale) : readGeoJsonRoads(read(r.file).text, read(r.file).file);
  } catch (e) {
    if (e instanceof DataError) throw new ScenarioError(e.issues);
    throw e;
  }
  const roadNode: Record<string, number> = {};
  const snap = (kind: string, pts: { id: string; lon: number; lat: number }[]): void =>
    pts.forEach((p, i) => {
      const s = nearestRoadNode(road, p.lon, p.lat);
      if (s.node < 0 || s.distanceKm > county.maxSnapKm) {
        list.add([kind, i], `"${p.id}" is ${s.distanceKm.toFixed(2)} km from the nearest road node; expected ≤ maxSnapKm (${county.maxSnapKm})`);
      }
      roadNode[p.id] = s.node;
    });
  snap("centres", county.centres);
  snap("townships", county.townships);
  snap("villages", county.villages);
  if (list.issues.length > 0) throw new ScenarioError(list.issues);
  return { county, file, road, roadNode };
}

function checkReferences(c: County, list: IssueList): void {
  const ids = new Map<string, string>();
  const stations = (kind: string, pts: { id: string }[]): void =>
    pts.forEach((p, i) => {
      const prev = ids.get(p.id);
      if (prev) list.add([kind, i, "id"], `duplicate station id "${p.id}" (also ${prev}); expected ids unique across centres, townships and villages`);
      else ids.set(p.id, `${kind}[${i}]`);
    });
  stations("centres", c.centres);
  stations("townships", c.townships);
  stations("villages", c.villages);
  const lineIds = new Set<string>();
  const lines = (kind: string, ls: RuralLine[]): void =>
    ls.forEach((l, i) => {
      if (lineIds.has(l.id)) list.add([kind, i, "id"], `duplicate line id "${l.id}"`);
      lineIds.add(l.id);
      l.stops.forEach((s, k) => {
        if (!ids.has(s)) list.add([kind, i, "stops", k], `unknown station "${s}"${didYouMean(s, ids.keys())}`);
        if (k > 0 && l.stops[k - 1] === s) list.add([kind, i, "stops", k], `stop "${s}" repeats the previous stop`);
      });
      if (l.runMin.length !== l.stops.length - 1) {
        list.add([kind, i, "runMin"], `expected ${l.stops.length - 1} run times (one per pair of consecutive stops), got ${l.runMin.length}`);
      }
    });
  c.villages.forEach((v, i) => {
    const w = v.deliveryWindow;
    if (w && w.close <= w.open) list.add(["villages", i, "deliveryWindow", "close"], `expected a time after open (${w.open}), got ${w.close}`);
  });
  lines("busLines", c.busLines);
  lines("freightLines", c.freightLines);
  c.freightLines.forEach((l, i) => {
    if (l.parcelCapacityPerTrip === 0) list.add(["freightLines", i, "parcelCapacityPerTrip"], "a freight line must carry parcels; expected > 0");
  });
  const depots = new Set([...c.centres.map((p) => p.id), ...c.townships.map((p) => p.id)]);
  const vanIds = new Set<string>();
  const fleetAt = new Map<string, string>();
  c.vans.forEach((v, i) => {
    if (vanIds.has(v.id)) list.add(["vans", i, "id"], `duplicate van fleet id "${v.id}"`);
    vanIds.add(v.id);
    const other = fleetAt.get(v.depot);
    if (other) list.add(["vans", i, "depot"], `depot "${v.depot}" already has fleet "${other}"; expected one fleet per depot (raise its count)`);
    fleetAt.set(v.depot, v.id);
    if (!depots.has(v.depot)) list.add(["vans", i, "depot"], `unknown depot "${v.depot}"; expected a centre or township id${didYouMean(v.depot, depots)}`);
  });
}
