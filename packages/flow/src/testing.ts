/**
 * Audits for property tests of assignments: `@fourports/flow/testing`. Pair with the random
 * scenarios of `@fourports/network/testing`.
 *
 * @module
 */
import type { Scenario, Timetable } from "@fourports/network";
import { UNSERVED_REASONS, type Assignment } from "./assign-types.js";

/** Absolute tolerance of per-connection and per-hub checks, tonnes. */
const EPS_T = 1e-6;

/**
 * Audits an assignment of `scenario` on `timetable` (the one it was routed on): no departure
 * loaded past its capacity, no hub past its daily handling, every flow's tonnes served or
 * unserved with a reason (conservation), and, when it was made with `recordBookings`, every
 * booking a whole journey from the flow's origin to its destination whose tonnes add up to
 * each connection's load. Returns the problems found in plain words; empty means it passed:
 * `expect(auditAssignment(sc, tt, a)).toEqual([])`.
 */
export function auditAssignment(scenario: Scenario, timetable: Timetable, a: Assignment): string[] {
  const problems: string[] = [];
  for (let c = 0; c < timetable.length; c++) {
    if (a.connectionT[c]! > timetable.capacityT[c]! + EPS_T) problems.push(`connection ${c}: ${a.connectionT[c]} t loaded, capacity ${timetable.capacityT[c]} t`);
  }
  scenario.hubs.forEach((h, i) => {
    const cap = h.handling?.tPerDay ?? Infinity;
    for (let d = 0; d < scenario.horizonDays; d++) {
      const t = a.hubDayT[i * scenario.horizonDays + d]!;
      if (t > cap + EPS_T) problems.push(`hub ${h.id} day ${d}: ${t} t handled, capacity ${cap} t a day`);
    }
  });
  for (const o of a.demand) {
    const un = UNSERVED_REASONS.reduce((s, r) => s + o.unservedT[r], 0);
    if (Math.abs(o.servedT + un - o.demandT) >= EPS_T * Math.max(1, o.demandT)) {
      problems.push(`demand ${o.demandId}: served ${o.servedT} t + unserved ${un} t ≠ ${o.demandT} t`);
    }
  }
  if (a.bookingList) problems.push(...auditBookings(scenario, timetable, a));
  return problems;
}

/** Bookings are whole journeys from origin to destination that add up to the loads. */
function auditBookings(scenario: Scenario, timetable: Timetable, a: Assignment): string[] {
  const problems: string[] = [];
  const flows = new Map(scenario.demand.map((d) => [d.id, d]));
  const load = new Float64Array(timetable.length);
  for (const b of a.bookingList ?? []) {
    const d = flows.get(b.demandId);
    const first = b.legs[0];
    const last = b.legs[b.legs.length - 1];
    if (!d || !first || !last) {
      problems.push(`booking of ${b.demandId}: ${d ? "no legs" : "unknown demand flow"}`);
      continue;
    }
    if (first.fromHub !== d.from || last.toHub !== d.to) problems.push(`booking of ${d.id}: runs ${first.fromHub} → ${last.toHub}, the flow ${d.from} → ${d.to}`);
    for (let i = 1; i < b.legs.length; i++) {
      if (b.legs[i]!.fromHub !== b.legs[i - 1]!.toHub) problems.push(`booking of ${d.id}: leg ${i} starts at ${b.legs[i]!.fromHub}, not where leg ${i - 1} ended (${b.legs[i - 1]!.toHub})`);
    }
    for (const l of b.legs) {
      if (l.kind !== "service") continue;
      for (let c = l.connections[0]; c <= l.connections[1]; c++) if (timetable.trip[c] === l.trip) load[c]! += b.tonnes;
    }
  }
  for (let c = 0; c < timetable.length; c++) {
    if (Math.abs(load[c]! - a.connectionT[c]!) >= EPS_T) problems.push(`connection ${c}: bookings add up to ${load[c]} t, the load is ${a.connectionT[c]} t`);
  }
  return problems;
}
