import { checkNumberOption } from "@fourports/network";
import { checkQuery, QUERY_SPAN_MIN, type ConnectionScan, type Journey, UNREACHED } from "./csa.js";
import { firstConnectionAtOrAfter, MODE_COUNT, ROAD, STATE_COUNT } from "./network.js";

/** One Pareto-optimal (departure, arrival) pair of a profile. */
export interface ProfileEntry {
  /** Latest departure from the source for this arrival, minutes since the epoch. */
  departMin: number;
  /** Earliest arrival at the target, minutes since the epoch. */
  arriveMin: number;
  /** A journey that realises the pair. */
  journey: Journey;
}

/** All useful departures from a source to a target over a period (see {@link profileQuery}). */
export interface Profile {
  /** Entries by departure time, earliest first; later departures arrive later. */
  entries: ProfileEntry[];
  /** Duration of a direct transfer link from source to target, usable at any time; null if none. */
  directMin: number | null;
}

/**
 * Every Pareto-optimal (departure, arrival) pair from source to target for departures in
 * [fromMin, toMin): no other journey leaves later and arrives no later. Found by one
 * earliest-arrival scan per useful departure time (each departure from the source, or from a
 * hub one transfer link away, less the link's time), latest first. A direct transfer link is
 * usable at any moment, so it is reported once as `directMin`, and entries it beats are left out.
 */
export function profileQuery(scan: ConnectionScan, source: number, target: number, fromMin: number, toMin: number): Profile {
  const net = scan.net;
  checkQuery("profileQuery", net, source, fromMin, {});
  checkNumberOption("profileQuery: target", target, { integer: true, required: true, min: 0, max: net.hubCount - 1 });
  checkNumberOption("profileQuery: toMin", toMin, { required: true, min: fromMin, max: QUERY_SPAN_MIN });
  const t = net.timetable;
  // Latest moment to leave the source for each departure reachable directly or over one link.
  const lead = new Map<number, number>([[source, 0]]);
  for (let k = net.linkOffsets[source]!; k < net.linkOffsets[source + 1]!; k++) {
    const w = net.linkTo[k]!;
    lead.set(w, Math.min(lead.get(w) ?? Infinity, net.linkMin[k]!));
  }
  let maxLead = 0;
  for (const v of lead.values()) maxLead = Math.max(maxLead, v + 24 * 60);
  const candidates = new Set<number>();
  for (let c = firstConnectionAtOrAfter(t, fromMin); c < t.length && t.depMin[c]! < toMin + maxLead; c++) {
    const u = t.depHub[c]!;
    const l = lead.get(u);
    if (l === undefined) continue;
    const m = net.connMode[c]!;
    // Over a link the cargo arrives by road and transfers road → mode at u.
    const transfer = u === source ? 0 : net.transferMin[(u * STATE_COUNT + ROAD) * MODE_COUNT + m]!;
    const leave = t.depMin[c]! - l - transfer;
    if (leave >= fromMin && leave < toMin) candidates.add(leave);
  }
  const direct = lead.has(target) && target !== source ? lead.get(target)! : null;
  const out: ProfileEntry[] = [];
  let best = UNREACHED;
  for (const leave of [...candidates].sort((a, b) => b - a)) {
    scan.run(source, leave, { target });
    const a = scan.arrival[target]!;
    if (a < best && (direct === null || a < leave + direct)) {
      best = a;
      out.push({ departMin: leave, arriveMin: a, journey: scan.journey(target)! });
    }
  }
  return { entries: out.reverse(), directMin: direct };
}
