import { dayNumber, MIN_PER_DAY, type Disruption, type Scenario } from "@fourports/network";
import type { Rng } from "./rng.js";

/** A disruption placed on the clock: [startMin, endMin) at a hub. */
export interface Placed {
  kind: Disruption["kind"];
  hub: number;
  startMin: number;
  endMin: number;
  capacityFactor: number;
}

/**
 * The disruptions of one replication: scheduled ones as given, random ones drawn day by day
 * (each day, with probabilityPerDay, one starts at a uniformly drawn minute of that day).
 */
export function placeDisruptions(scenario: Scenario, rng: Rng): Placed[] {
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const epochDay = dayNumber(scenario.epoch);
  const out: Placed[] = [];
  for (const d of scenario.variability?.disruptions ?? []) {
    const hub = hubIndex.get(d.hub)!;
    const capacityFactor = d.capacityFactor ?? 0;
    if (d.from !== undefined && d.to !== undefined) {
      out.push({ kind: d.kind, hub, capacityFactor, startMin: (dayNumber(d.from) - epochDay) * MIN_PER_DAY, endMin: (dayNumber(d.to) - epochDay + 1) * MIN_PER_DAY });
      continue;
    }
    const p = d.probabilityPerDay ?? 0;
    const duration = d.durationMin ?? 0;
    for (let day = 0; day < scenario.horizonDays; day++) {
      // Two draws a day whatever the outcome, so one disruption's draws never shift another's.
      const hit = rng() < p;
      const at = Math.floor(rng() * MIN_PER_DAY);
      if (hit) out.push({ kind: d.kind, hub, capacityFactor, startMin: day * MIN_PER_DAY + at, endMin: day * MIN_PER_DAY + at + duration });
    }
  }
  return out;
}

/** Closed periods per hub, merged and sorted, answering "when is hub h open again after t?". */
export class Closures {
  private readonly periods: Map<number, { start: number; end: number }[]> = new Map();

  constructor(placed: readonly Placed[]) {
    for (const p of placed) {
      if (p.kind !== "hub-closure") continue;
      let list = this.periods.get(p.hub);
      if (!list) this.periods.set(p.hub, (list = []));
      list.push({ start: p.startMin, end: p.endMin });
    }
    for (const [h, list] of this.periods) {
      list.sort((a, b) => a.start - b.start);
      const merged: { start: number; end: number }[] = [];
      for (const x of list) {
        const last = merged[merged.length - 1];
        if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
        else merged.push({ ...x });
      }
      this.periods.set(h, merged);
    }
  }

  /** t itself when hub h is open at t, else the end of the closure that covers t. */
  openAt(h: number, t: number): number {
    const list = this.periods.get(h);
    if (!list) return t;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.end <= t) lo = mid + 1;
      else hi = mid;
    }
    const p = list[lo];
    return p && p.start <= t ? p.end : t;
  }
}
