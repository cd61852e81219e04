import { clockMinutes, MODES, type Timetable } from "@fourports/network";
import { MODE_COUNT, ROAD, STATE_COUNT, type RoutingNetwork } from "@fourports/routing";
import type { County, RuralLine } from "./county-types.js";

/** One run of a line in one direction on one day. */
export interface LineTrip {
  /** Id of the line. */
  lineId: string;
  /** A bus line with parcel room, or a freight line. */
  kind: "bus" | "freight";
  /** Stop ids in the order served. */
  stops: string[];
  /** Departure from the first stop, minutes from 00:00 of day 0. */
  departMin: number;
  /** Parcels the trip can carry on each hop. */
  capacityParcels: number;
}

/**
 * The county's parcel-carrying lines (buses with parcel room and freight lines) as a
 * timetable the routing core's Connection Scan runs on: every station is a hub, every run of
 * a line a trip, each hop a connection whose `capacityT` holds the trip's parcel capacity.
 * Days 0..days−1 are expanded so a 24-hour window from any clock time fits.
 */
export interface BusNetwork {
  /** The routing network: stations as hubs, line runs as trips. */
  net: RoutingNetwork;
  /** Station id → hub index. */
  hubIndex: Map<string, number>;
  /** Trip index → the run it stands for. */
  trips: LineTrip[];
}

/**
 * The county's bus network over `options.days` days, with `options.transferMin` minutes to change
 * lines at any station.
 */
export function buildBusNetwork(county: County, options: { transferMin: number; days: number }): BusNetwork {
  const hubIds = [...county.centres, ...county.townships, ...county.villages].map((p) => p.id);
  const hubIndex = new Map(hubIds.map((h, i) => [h, i]));
  const lines: { line: RuralLine; kind: "bus" | "freight" }[] = [
    ...county.busLines.filter((l) => l.parcelCapacityPerTrip > 0).map((line) => ({ line, kind: "bus" as const })),
    ...county.freightLines.map((line) => ({ line, kind: "freight" as const })),
  ];
  const trips: LineTrip[] = [];
  const conn: { dep: number; arr: number; from: number; to: number; trip: number; service: number }[] = [];
  lines.forEach(({ line, kind }, service) => {
    const directions = line.bothWays ? [line.stops, [...line.stops].reverse()] : [line.stops];
    directions.forEach((stops, dir) => {
      const run = dir === 0 ? line.runMin : [...line.runMin].reverse();
      for (let day = 0; day < options.days; day++) {
        for (const clock of line.departures) {
          const trip = trips.length;
          const departMin = day * 1440 + clockMinutes(clock);
          trips.push({ lineId: line.id, kind, stops, departMin, capacityParcels: line.parcelCapacityPerTrip });
          let t = departMin;
          for (let k = 0; k + 1 < stops.length; k++) {
            conn.push({ dep: t, arr: t + run[k]!, from: hubIndex.get(stops[k]!)!, to: hubIndex.get(stops[k + 1]!)!, trip, service });
            t += run[k]!;
          }
        }
      }
    });
  });
  conn.sort((a, b) => a.dep - b.dep || a.arr - b.arr || a.trip - b.trip);
  const n = conn.length;
  const col = (f: (c: (typeof conn)[number]) => number): Int32Array => Int32Array.from(conn, f);
  const timetable: Timetable = {
    epoch: "2025-01-01",
    horizonMin: options.days * 1440,
    hubIds,
    serviceIds: lines.map((l) => l.line.id),
    serviceMode: new Uint8Array(lines.length).fill(ROAD),
    // Rural lines run to their timetable, never only when loaded.
    serviceOnDemand: new Uint8Array(lines.length),
    length: n,
    depHub: col((c) => c.from),
    arrHub: col((c) => c.to),
    depMin: col((c) => c.dep),
    arrMin: col((c) => c.arr),
    service: col((c) => c.service),
    trip: col((c) => c.trip),
    capacityT: Float64Array.from(conn, (c) => trips[c.trip]!.capacityParcels),
    capacityTeu: new Float64Array(n),
    tripCount: trips.length,
    cancelledTrips: 0,
  };
  const h = hubIds.length;
  // Changing vehicles at a station takes the handling time; the starting state needs none.
  const transferMin = new Int32Array(h * STATE_COUNT * MODE_COUNT);
  for (let v = 0; v < h; v++) {
    for (let a = 0; a < MODES.length; a++) {
      for (let m = 0; m < MODE_COUNT; m++) transferMin[(v * STATE_COUNT + a) * MODE_COUNT + m] = options.transferMin;
    }
  }
  const net: RoutingNetwork = {
    timetable,
    hubCount: h,
    hubIds,
    transferMin,
    linkOffsets: new Int32Array(h + 1),
    linkTo: new Int32Array(0),
    linkMin: new Int32Array(0),
    linkKm: new Float64Array(0),
    linkCostCny: new Float64Array(0),
    linkCo2Kg: new Float64Array(0),
    connMode: new Uint8Array(n).fill(ROAD),
    connCostCny: new Float64Array(n),
    connCo2Kg: new Float64Array(n),
  };
  return { net, hubIndex, trips };
}
