import type { Hub, TransferLink } from "@fourports/network";
import { field, type Table } from "./gtfs-feed.js";
import { scenarioId } from "./gtfs-ids.js";
// transfers.txt type 3 ("no transfer possible here") uses the same "never ready" transfer time as border crossings.
import { NO_TRANSFER_MIN } from "./network.js";

export interface Stops {
  /** stop_id → hub, for stops and platforms (location_type 0); vehicles call only there. */
  hubs: Map<string, Hub>;
  /** stop_id → location_type, for every row of stops.txt. */
  kinds: Map<string, number>;
  /** station stop_id → its platforms' stop_ids. */
  children: Map<string, string[]>;
}

export interface StopOptions {
  country: string;
  minTransferMin: number;
}

export type Bad = (t: Table, index: number, column: string, message: string) => void;

export function readStops(t: Table, options: StopOptions, bad: Bad): Stops {
  const col = (c: string): number => t.columns.indexOf(c);
  const [iId, iName, iLat, iLon, iType, iParent] = ["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type", "parent_station"].map(col) as [number, number, number, number, number, number];
  const hubs = new Map<string, Hub>();
  const kinds = new Map<string, number>();
  const parentOf = new Map<string, { parent: string; index: number }>();
  t.rows.forEach((row, i) => {
    const raw = field(row, iId);
    const typeText = field(row, iType);
    const type = typeText === "" ? 0 : Number(typeText);
    if (!/^[0-4]$/.test(typeText) && typeText !== "") bad(t, i, "location_type", `expected 0–4, got "${typeText}"`);
    if (raw === "") bad(t, i, "stop_id", "empty stop_id");
    else if (kinds.has(raw)) bad(t, i, "stop_id", `duplicate stop_id "${raw}" (duplicate_key)`);
    kinds.set(raw, type);
    const parent = field(row, iParent);
    if (parent !== "") parentOf.set(raw, { parent, index: i });
    // Generic nodes and boarding areas may omit coordinates; stops, stations and entrances may not.
    const needsPlace = type <= 2;
    const latText = field(row, iLat);
    const lonText = field(row, iLon);
    const lat = Number(latText);
    const lon = Number(lonText);
    if (needsPlace && (latText === "" || !(Math.abs(lat) <= 90))) bad(t, i, "stop_lat", `expected a latitude -90..90, got "${latText}"`);
    if (needsPlace && (lonText === "" || !(Math.abs(lon) <= 180))) bad(t, i, "stop_lon", `expected a longitude -180..180, got "${lonText}"`);
    if (type !== 0) return;
    const name = field(row, iName) || raw;
    hubs.set(raw, {
      id: scenarioId(raw), name, kind: "city", portGroup: null, city: name, country: options.country,
      lon, lat, transferMin: { default: options.minTransferMin }, source: "gtfs", label: "OFF",
    });
  });
  const children = new Map<string, string[]>();
  for (const [child, { parent, index }] of parentOf) {
    const ptype = kinds.get(parent);
    if (ptype === undefined) {
      bad(t, index, "parent_station", `unknown stop "${parent}" (foreign_key_violation)`);
      continue;
    }
    if (kinds.get(child) !== 0) continue;
    if (ptype !== 1) {
      bad(t, index, "parent_station", `"${parent}" has location_type ${ptype}; a stop's parent must be a station, 1 (wrong_parent_location_type)`);
      continue;
    }
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(child);
  }
  return { hubs, kinds, children };
}

export interface LinkOptions {
  /** Walking links between stops closer than this, m (0: none). */
  walkRadiusM: number;
  walkSpeedKmH: number;
}

interface Rule {
  type: number;
  minSec: number;
}

/**
 * Per-stop transfer times and transfer links from parent stations, transfers.txt and, when
 * asked, walking within a radius. transfers.txt wins over walking estimates for its pair.
 * Rules restricted to routes or trips are applied to the whole stop pair only where that makes
 * transferring harder (types 2 and 3): the scan cannot tell routes apart at a stop, and a
 * journey must never be easier than the feed allows.
 */
export function transferLinks(stops: Stops, transfers: Table | undefined, options: LinkOptions, bad: Bad): TransferLink[] {
  const rules = new Map<string, Rule>();
  const key = (a: string, b: string): string => `${a}\u0000${b}`;
  if (transfers) readTransferRules(stops, transfers, rules, key, bad);

  const walkMin = (a: Hub, b: Hub): number => Math.ceil((haversineKm(a.lon, a.lat, b.lon, b.lat) * 60) / options.walkSpeedKmH);
  const walkPairs = new Set<string>();
  const addWalk = (a: string, b: string): void => {
    if (a !== b) walkPairs.add(a < b ? key(a, b) : key(b, a));
  };
  for (const platforms of stops.children.values()) {
    for (let i = 0; i < platforms.length; i++) for (let j = i + 1; j < platforms.length; j++) addWalk(platforms[i]!, platforms[j]!);
  }
  if (options.walkRadiusM > 0) for (const [a, b] of pairsWithin(stops.hubs, options.walkRadiusM)) addWalk(a, b);

  const links: TransferLink[] = [];
  const link = (a: string, b: string, min: number, both: boolean, label: "OFF" | "ASSUMPTION"): void => {
    const ha = stops.hubs.get(a)!;
    const hb = stops.hubs.get(b)!;
    links.push({ from: ha.id, to: hb.id, durationMin: min, distanceKm: haversineKm(ha.lon, ha.lat, hb.lon, hb.lat), bidirectional: both, source: label === "OFF" ? "gtfs" : "walk", label });
  };
  for (const [k, rule] of rules) {
    const [a, b] = k.split("\u0000") as [string, string];
    if (a === b) {
      const hub = stops.hubs.get(a)!;
      hub.transferMin = { default: rule.type === 3 ? NO_TRANSFER_MIN : rule.type === 2 ? Math.ceil(rule.minSec / 60) : rule.type === 1 ? 0 : hub.transferMin["default"]! };
    } else if (rule.type === 2) link(a, b, Math.ceil(rule.minSec / 60), false, "OFF");
    else if (rule.type === 1) link(a, b, 0, false, "OFF");
    else if (rule.type === 0) link(a, b, walkMin(stops.hubs.get(a)!, stops.hubs.get(b)!), false, "ASSUMPTION");
  }
  for (const k of walkPairs) {
    const [a, b] = k.split("\u0000") as [string, string];
    const ab = rules.has(key(a, b));
    const ba = rules.has(key(b, a));
    const min = walkMin(stops.hubs.get(a)!, stops.hubs.get(b)!);
    if (!ab && !ba) link(a, b, min, true, "ASSUMPTION");
    else if (!ab) link(a, b, min, false, "ASSUMPTION");
    else if (!ba) link(b, a, min, false, "ASSUMPTION");
  }
  return links.sort((p, q) => (p.from < q.from ? -1 : p.from > q.from ? 1 : p.to < q.to ? -1 : p.to > q.to ? 1 : 0));
}

function readTransferRules(stops: Stops, t: Table, rules: Map<string, Rule>, key: (a: string, b: string) => string, bad: Bad): void {
  const col = (c: string): number => t.columns.indexOf(c);
  const iFrom = col("from_stop_id");
  const iTo = col("to_stop_id");
  const iType = col("transfer_type");
  const iMin = col("min_transfer_time");
  const restricted = ["from_route_id", "to_route_id", "from_trip_id", "to_trip_id"].map(col);
  // A stop id of a station stands for all its platforms.
  const platforms = (id: string): string[] => (stops.kinds.get(id) === 1 ? (stops.children.get(id) ?? []) : [id]);
  t.rows.forEach((row, i) => {
    const typeText = field(row, iType);
    const type = typeText === "" ? 0 : Number(typeText);
    if (!/^[0-5]$/.test(typeText) && typeText !== "") return bad(t, i, "transfer_type", `expected 0–5, got "${typeText}"`);
    // In-seat transfers (4, 5) are not modelled: staying seated is never needed for a journey to be rideable.
    if (type >= 4) return;
    const from = field(row, iFrom);
    const to = field(row, iTo);
    for (const [c, id] of [["from_stop_id", from], ["to_stop_id", to]] as const) {
      if (id === "") return bad(t, i, c, `required for transfer_type ${type}`);
      const k = stops.kinds.get(id);
      if (k === undefined) return bad(t, i, c, `unknown stop "${id}" (foreign_key_violation)`);
      if (k !== 0 && k !== 1) return bad(t, i, c, `"${id}" has location_type ${k}; expected a stop (0) or station (1)`);
    }
    const minText = field(row, iMin);
    const minSec = Number(minText);
    if (type === 2 && (minText === "" || !/^\d+$/.test(minText))) return bad(t, i, "min_transfer_time", `expected whole seconds ≥ 0 for transfer_type 2, got "${minText}"`);
    const isRestricted = restricted.some((c) => field(row, c) !== "");
    if (isRestricted && type < 2) return;
    for (const a of platforms(from)) {
      for (const b of platforms(to)) {
        const k = key(a, b);
        const old = rules.get(k);
        const rule = { type, minSec: type === 2 ? minSec : 0 };
        // Several rules for one pair: the hardest one holds.
        if (!old || hardness(rule) > hardness(old)) rules.set(k, rule);
      }
    }
  });
}

const hardness = (r: Rule): number => (r.type === 3 ? Infinity : r.type === 2 ? r.minSec : r.type === 0 ? 0.5 : 0);

/** Pairs of stops closer than radiusM, found through a grid of radius-sized cells. */
function pairsWithin(hubs: Map<string, Hub>, radiusM: number): [string, string][] {
  const cellDeg = radiusM / 111_000;
  // Longitude cells wide enough at the feed's highest latitude are wide enough everywhere in it.
  let maxLat = 0;
  for (const h of hubs.values()) maxLat = Math.max(maxLat, Math.min(89, Math.abs(h.lat)));
  const lonCellDeg = cellDeg / Math.cos((maxLat * Math.PI) / 180);
  const grid = new Map<string, string[]>();
  const cell = (h: Hub): [number, number] => [Math.floor(h.lat / cellDeg), Math.floor(h.lon / lonCellDeg)];
  for (const [id, h] of hubs) {
    const [y, x] = cell(h);
    const k = `${y},${x}`;
    let list = grid.get(k);
    if (!list) grid.set(k, (list = []));
    list.push(id);
  }
  const out: [string, string][] = [];
  for (const [id, h] of hubs) {
    const [y, x] = cell(h);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const other of grid.get(`${y + dy},${x + dx}`) ?? []) {
          if (other <= id) continue;
          const o = hubs.get(other)!;
          if (haversineKm(h.lon, h.lat, o.lon, o.lat) * 1000 <= radiusM) out.push([id, other]);
        }
      }
    }
  }
  return out;
}

export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

