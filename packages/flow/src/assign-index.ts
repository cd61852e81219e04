import { MIN_PER_DAY, type Scenario, type Timetable } from "@fourports/network";

/** Flat lookups the assignment needs over a timetable: trips, hub-days, distances. Plain arrays. */
export interface AssignIndex {
  /** Trip → its connections in departure order: tripConns[tripStart[trip] .. tripStart[trip + 1]). */
  tripStart: Int32Array;
  tripConns: Int32Array;
  /** Capacity of each trip, t. */
  tripCapT: Float64Array;
  /** Hub-day (hub × horizonDays + day) → the connections loading or unloading there. */
  hdStart: Int32Array;
  hdConns: Int32Array;
  /** The hub-day a connection loads at (departure) and unloads at (arrival). */
  depHD: (c: number) => number;
  arrHD: (c: number) => number;
  /** Kilometres of each connection: its share of the service's distance by running time. */
  connKm: Float64Array;
}

export function indexTimetable(scenario: Scenario, t: Timetable): AssignIndex {
  const C = t.length;
  const days = scenario.horizonDays;
  const nHubs = t.hubIds.length;
  const tripStart = new Int32Array(t.tripCount + 1);
  for (let c = 0; c < C; c++) tripStart[t.trip[c]! + 1]!++;
  for (let i = 0; i < t.tripCount; i++) tripStart[i + 1]! += tripStart[i]!;
  const fill = tripStart.slice(0, t.tripCount);
  const tripConns = new Int32Array(C);
  for (let c = 0; c < C; c++) tripConns[fill[t.trip[c]!]!++] = c;
  const tripCapT = new Float64Array(t.tripCount);
  for (let c = 0; c < C; c++) tripCapT[t.trip[c]!] = t.capacityT[c]!;

  // Arrivals after the horizon count on its last day, departures before it on its first.
  const dayOf = (minute: number): number => Math.min(days - 1, Math.max(0, Math.floor(minute / MIN_PER_DAY)));
  const depHD = (c: number): number => t.depHub[c]! * days + dayOf(t.depMin[c]!);
  const arrHD = (c: number): number => t.arrHub[c]! * days + dayOf(t.arrMin[c]!);
  const hdStart = new Int32Array(nHubs * days + 1);
  for (let c = 0; c < C; c++) {
    hdStart[depHD(c) + 1]!++;
    hdStart[arrHD(c) + 1]!++;
  }
  for (let i = 0; i < nHubs * days; i++) hdStart[i + 1]! += hdStart[i]!;
  const hdFill = hdStart.slice(0, nHubs * days);
  const hdConns = new Int32Array(2 * C);
  for (let c = 0; c < C; c++) {
    hdConns[hdFill[depHD(c)]!++] = c;
    hdConns[hdFill[arrHD(c)]!++] = c;
  }
  const connKm = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const s = scenario.services[t.service[c]!]!;
    connKm[c] = (s.distanceKm * (t.arrMin[c]! - t.depMin[c]!)) / s.durationMin;
  }
  return { tripStart, tripConns, tripCapT, hdStart, hdConns, depHD, arrHD, connKm };
}
