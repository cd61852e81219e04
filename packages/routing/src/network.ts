import { BOUNDS, checkNumberOption, checkOptionsObject, FourportsInputError } from "@fourports/network";
import { MODES, type Mode, type Scenario, type Timetable } from "@fourports/network";
import { DEFAULT_EMISSION_FACTORS, type EmissionFactor } from "./emissions.js";

/** Number of modes; mode indices run 0..MODE_COUNT-1 in the order of MODES. */
export const MODE_COUNT: number = MODES.length;
/** Arrival states are the six modes plus "starting here" (no transfer needed). */
export const STATE_COUNT: number = MODE_COUNT + 1;
/** The arrival state of cargo that starts at a hub (no transfer time before boarding). */
export const ORIGIN_STATE: number = MODE_COUNT;
/** Index of "road" in MODES; transfer links are driven by road. */
export const ROAD: number = MODES.indexOf("road");
/**
 * Transfer time that forbids a transfer: longer than any horizon, so no departure is ever
 * ready. Used at border crossings for mode pairs without a modelled transshipment.
 */
export const NO_TRANSFER_MIN = 100_000_000;

/**
 * Everything timetable routing needs, as flat arrays: the connection table, minimum transfer
 * times per hub and (arrival state, departure mode), the transfer links between hubs of a
 * city, and each connection's cost and CO2 per tonne.
 */
export interface RoutingNetwork {
  /** The connection table the network routes over. */
  timetable: Timetable;
  /** Number of hubs. */
  hubCount: number;
  /** Hub index → id. */
  hubIds: string[];
  /** [(hub × STATE_COUNT + arrivalState) × MODE_COUNT + departureMode] → minutes. */
  transferMin: Int32Array;
  /** Transfer links in CSR form by origin hub. Links are not chained: list every pair needed. */
  linkOffsets: Int32Array;
  /** Per link slot: the hub index it leads to. */
  linkTo: Int32Array;
  /** Per link slot: driving time, minutes. */
  linkMin: Int32Array;
  /** Per link slot: road distance, km. */
  linkKm: Float64Array;
  /** Per link slot: trucking cost per tonne, CNY. */
  linkCostCny: Float64Array;
  /** Per link slot: CO2 per tonne driven, kg. */
  linkCo2Kg: Float64Array;
  /** Per connection: mode index, cost and CO2 per tonne carried on that leg. */
  connMode: Uint8Array;
  /** Per connection: tariff per tonne, CNY; a multi-leg service's tariff is shared over its legs by time, so they add up to it. */
  connCostCny: Float64Array;
  /** Per connection: CO2 per tonne, kg. */
  connCo2Kg: Float64Array;
}

/** Options of {@link prepareRouting}. */
export interface PrepareOptions {
  /** g CO2e per tonne-km by mode (default {@link DEFAULT_EMISSION_FACTORS}). */
  emissionFactors?: Record<Mode, EmissionFactor>;
  /** Trucking cost on transfer links, CNY per tonne-km (default 0.3, ASSUMPTION as in the seeds). */
  linkCostCnyPerTKm?: number;
}

/** Prepares a scenario and its expanded timetable for timetable routing. */
export function prepareRouting(scenario: Scenario, timetable: Timetable, options: PrepareOptions = {}): RoutingNetwork {
  checkOptionsObject("prepareRouting", options);
  checkNumberOption("prepareRouting: linkCostCnyPerTKm", options.linkCostCnyPerTKm, { min: 0, max: BOUNDS.tariffCnyPerT });
  if (!timetable || !(timetable.depMin instanceof Int32Array) || timetable.hubIds?.length !== scenario.hubs.length) {
    throw new FourportsInputError("invalid-option", "prepareRouting: timetable: expected the expanded timetable of this scenario (expandTimetable)");
  }
  const factors = options.emissionFactors ?? DEFAULT_EMISSION_FACTORS;
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const n = scenario.hubs.length;
  const transferMin = new Int32Array(n * STATE_COUNT * MODE_COUNT);
  scenario.hubs.forEach((h, i) => {
    // At a border crossing cargo stays on its train or truck (gauge change and customs happen
    // to the vehicle, in its via-stop dwell): changing vehicles there is allowed only for the
    // mode pairs the hub lists explicitly, which model a transshipment. Its "default" does not
    // open the other pairs, so a China-Europe journey cannot hop between lines at the border.
    const border = h.kind === "border-crossing";
    const def = border ? NO_TRANSFER_MIN : (h.transferMin["default"] ?? 0);
    for (let a = 0; a < MODE_COUNT; a++) {
      for (let m = 0; m < MODE_COUNT; m++) {
        transferMin[(i * STATE_COUNT + a) * MODE_COUNT + m] = h.transferMin[`${MODES[a]}>${MODES[m]}`] ?? def;
      }
    }
    // Starting at the hub: the cargo is there, ready to board (row ORIGIN_STATE stays 0).
  });

  const links: { from: number; to: number; min: number; km: number }[] = [];
  for (const t of scenario.transfers) {
    const a = hubIndex.get(t.from)!;
    const b = hubIndex.get(t.to)!;
    links.push({ from: a, to: b, min: t.durationMin, km: t.distanceKm });
    if (t.bidirectional) links.push({ from: b, to: a, min: t.durationMin, km: t.distanceKm });
  }
  links.sort((p, q) => p.from - q.from || p.to - q.to);
  const linkOffsets = new Int32Array(n + 1);
  for (const l of links) linkOffsets[l.from + 1]!++;
  for (let i = 0; i < n; i++) linkOffsets[i + 1]! += linkOffsets[i]!;
  const linkCost = options.linkCostCnyPerTKm ?? 0.3;
  const roadFactor = factors.road.gCo2ePerTKm;

  // Per service, each call's arrival offset in call order (origin 0, via stops, destination),
  // to charge a leg from its departure stop's *arrival*: the dwell at a via stop (gauge change,
  // customs at a border) is paid by the cargo that travels on from it.
  const callArr = scenario.services.map((s) => [0, ...(s.via ?? []).map((v) => v.arriveMin), s.durationMin]);
  const callHub = scenario.services.map((s) => [s.from, ...(s.via ?? []).map((v) => v.hub), s.to].map((id) => hubIndex.get(id)!));
  const c = timetable.length;
  const connMode = new Uint8Array(c);
  const connCostCny = new Float64Array(c);
  const connCo2Kg = new Float64Array(c);
  for (let i = 0; i < c; i++) {
    const si = timetable.service[i]!;
    const s = scenario.services[si]!;
    // A leg of a service with intermediate stops gets its share of the tariff by time, the
    // dwell before it included, so the legs' tariffs add up to the service's whole tariff.
    const k = legIndex(callHub[si]!, timetable.depHub[i]!, timetable.arrHub[i]!);
    const arr = callArr[si]!;
    const ride = timetable.arrMin[i]! - timetable.depMin[i]!;
    const charged = k < 0 ? ride : arr[k + 1]! - arr[k]!;
    connMode[i] = timetable.serviceMode[si]!;
    // A GTFS trip whose times all fall in one minute lasts 0 min: its legs share evenly.
    const even = 1 / ((s.via?.length ?? 0) + 1);
    connCostCny[i] = s.durationMin > 0 ? (s.tariffCnyPerT * charged) / s.durationMin : s.tariffCnyPerT * even;
    // Emissions follow the distance ridden, not the time standing at a border.
    connCo2Kg[i] = (factors[s.mode].gCo2ePerTKm * s.distanceKm * (s.durationMin > 0 ? ride / s.durationMin : even)) / 1000;
  }
  return {
    timetable,
    hubCount: n,
    hubIds: timetable.hubIds,
    transferMin,
    linkOffsets,
    linkTo: Int32Array.from(links, (l) => l.to),
    linkMin: Int32Array.from(links, (l) => l.min),
    linkKm: Float64Array.from(links, (l) => l.km),
    linkCostCny: Float64Array.from(links, (l) => l.km * linkCost),
    linkCo2Kg: Float64Array.from(links, (l) => (l.km * roadFactor) / 1000),
    connMode,
    connCostCny,
    connCo2Kg,
  };
}

/** The leg k (call k to call k + 1) of a service's calls running from hub `from` to hub `to`; -1 if none. */
function legIndex(calls: number[], from: number, to: number): number {
  for (let k = 0; k + 1 < calls.length; k++) if (calls[k] === from && calls[k + 1] === to) return k;
  return -1;
}

/** First connection departing at or after minute t (binary search). */
export function firstConnectionAtOrAfter(t: Timetable, minute: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.depMin[mid]! < minute) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
