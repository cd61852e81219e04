import { BusBooker } from "./bus-booking.js";
import { buildBusNetwork } from "./bus-network.js";
import type { CoverageResult } from "./coverage.js";
import type { LoadedCounty } from "./county-types.js";
import { checkNumberOption } from "@fourports/network";
import { poisson } from "@fourports/sim";

/** Options of {@link simulateDays}. */
export interface DaySimOptions {
  /** Days to simulate, 1 to {@link MAX_SIM_DAYS}. */
  days: number;
  /** Seeded generator: volumes and bus delays are drawn from it, in a fixed order. */
  rng: () => number;
  /** Probability that a bus or freight trip runs late (default 0.1, ASSUMPTION). */
  tripDelayProb?: number;
  /** A late trip is late by U(0, this) minutes (default 90, ASSUMPTION). */
  tripDelayMaxMin?: number;
  /** Minutes to move parcels between two lines at a station (default 15, ASSUMPTION). */
  transferMin?: number;
  /** Aborts the simulation between days. */
  signal?: AbortSignal;
}

/** One simulated day of a county. */
export interface SimDay {
  /** Day number, 0-based. */
  day: number;
  /** Parcels generated this day, both directions. */
  generatedParcels: number;
  /** Delivered within 24 h of being ready. */
  onTimeParcels: number;
  /** Delivered, but more than 24 h after they were ready (a full vehicle, a late bus). */
  lateParcels: number;
  /** Parcels of villages the plan serves by nothing: never delivered. */
  unservedParcels: number;
  /** Parcels left waiting for the next day at the end of this day. */
  backlogParcels: number;
  /** onTime / generated of this day. */
  rate24h: number;
}

/** Simulated days of a county: each day, the 24-hour rate's spread and the totals. */
export interface DaySimResult {
  /** One entry per day. */
  days: SimDay[];
  /** The daily 24-hour rate over the days (quantiles are order statistics, no interpolation). */
  rate24h: {
    /** Mean over the days. */
    mean: number;
    /** Lowest day. */
    min: number;
    /** 5th percentile. */
    p5: number;
    /** Median. */
    p50: number;
    /** 95th percentile. */
    p95: number;
    /** Highest day. */
    max: number;
  };
  /** Parcels over all days; generated = on time + late + unserved + final backlog. */
  totals: {
    /** Parcels generated. */
    generatedParcels: number;
    /** Delivered within 24 h of being ready. */
    onTimeParcels: number;
    /** Delivered later than 24 h. */
    lateParcels: number;
    /** Never delivered: their village is served by nothing. */
    unservedParcels: number;
    /** Still waiting at the end of the last day. */
    finalBacklogParcels: number;
  };
}

/** The most days one call simulates (ten years): beyond it is a typo, not a study. */
export const MAX_SIM_DAYS = 3660;

/**
 * Days of parcel flows through the planned network, stepped a day at a time (buses are booked
 * through the Connection Scan, vans load in route order, so no event calendar is needed), with
 * `@fourports/sim`'s exact Poisson draws from the caller's seeded stream. Each day draws volumes per
 * village and direction and a delay per trip, books bus villages' parcels on the lines with
 * room, loads the planned van routes up to capacity; what does not fit waits for the next
 * day (late). Parcels are conserved: generated = on time + late + unserved + final backlog.
 */
export function simulateDays(loaded: LoadedCounty, plan: CoverageResult, options: DaySimOptions): DaySimResult {
  checkNumberOption("simulateDays(): days", options.days, { integer: true, min: 1, max: MAX_SIM_DAYS, required: true });
  checkNumberOption("simulateDays(): tripDelayProb", options.tripDelayProb, { min: 0, max: 1 });
  checkNumberOption("simulateDays(): tripDelayMaxMin", options.tripDelayMaxMin, { min: 0, max: 10_080 });
  checkNumberOption("simulateDays(): transferMin", options.transferMin, { min: 0, max: 1440 });
  const { county } = loaded;
  const rng = options.rng;
  const bus = buildBusNetwork(county, { transferMin: options.transferMin ?? 15, days: 3 });
  const pDelay = options.tripDelayProb ?? 0.1;
  const maxDelay = options.tripDelayMaxMin ?? 90;
  const readyMin = plan.readyMin;
  const fleetCap = new Map(county.vans.map((f) => [f.id, f.capacityParcels]));
  const planOf = new Map(plan.villages.map((v) => [v.villageId, v]));
  // Backlog per village and direction: parcels that missed their vehicle, delivered next day.
  const backlog = new Map<string, { down: number; up: number }>(county.villages.map((v) => [v.id, { down: 0, up: 0 }]));
  const days: SimDay[] = [];
  for (let day = 0; day < options.days; day++) {
    options.signal?.throwIfAborted();
    const booker = new BusBooker(bus);
    const delay = Float64Array.from({ length: bus.trips.length }, () => (rng() < pDelay ? rng() * maxDelay : 0));
    const s = { generated: 0, onTime: 0, late: 0, unserved: 0 };
    const fresh = new Map(county.villages.map((v) => [v.id, { down: poisson(rng, v.downParcelsPerDay), up: poisson(rng, v.upParcelsPerDay) }]));
    for (const f of fresh.values()) s.generated += f.down + f.up;
    const deliver = (fromBacklog: number, today: number, onTimeToday: boolean): void => {
      s.late += fromBacklog + (onTimeToday ? 0 : today);
      s.onTime += onTimeToday ? today : 0;
    };
    for (const v of county.villages) {
      const p = planOf.get(v.id)!;
      const f = fresh.get(v.id)!;
      const b = backlog.get(v.id)!;
      if (p.down.mode === null) {
        s.unserved += f.down + f.up + b.down + b.up;
        b.down = b.up = 0;
        continue;
      }
      if (p.down.mode !== "bus") continue;
      for (const dir of ["down", "up"] as const) {
        const qty = f[dir] + b[dir];
        const c = bus.hubIndex.get(p.centre)!;
        const h = bus.hubIndex.get(v.id)!;
        const bk = qty === 0 ? null : dir === "down" ? booker.book(c, h, readyMin, qty) : booker.book(h, c, readyMin, qty);
        if (qty === 0) continue;
        if (!bk) {
          // No room today: everything waits (the day's parcels become tomorrow's backlog).
          b[dir] = qty;
          continue;
        }
        const lastTrip = bus.net.timetable.trip[bk.connections[bk.connections.length - 1]!]!;
        deliver(b[dir], f[dir], bk.arriveMin + delay[lastTrip]! - readyMin <= 1440);
        b[dir] = 0;
      }
    }
    for (const r of plan.routes) {
      let room = fleetCap.get(r.fleetId)!;
      r.villageIds.forEach((id) => {
        const f = fresh.get(id)!;
        const b = backlog.get(id)!;
        const p = planOf.get(id)!;
        for (const dir of ["down", "up"] as const) {
          const qty = f[dir] + b[dir];
          // The plan bounds down + up by the capacity; a heavy day fills the van before its last stops.
          if (qty > room) {
            b[dir] = qty;
            continue;
          }
          room -= qty;
          deliver(b[dir], f[dir], p[dir].within24h);
          b[dir] = 0;
        }
      });
    }
    let waiting = 0;
    for (const b of backlog.values()) waiting += b.down + b.up;
    days.push({
      day,
      generatedParcels: s.generated,
      onTimeParcels: s.onTime,
      lateParcels: s.late,
      unservedParcels: s.unserved,
      backlogParcels: waiting,
      rate24h: s.generated === 0 ? 1 : s.onTime / s.generated,
    });
  }
  return summariseDays(days);
}

function summariseDays(days: SimDay[]): DaySimResult {
  const rates = days.map((d) => d.rate24h).sort((a, b) => a - b);
  const q = (p: number): number => rates[Math.min(rates.length - 1, Math.floor(p * rates.length))] ?? 0;
  const sum = (f: (d: SimDay) => number): number => days.reduce((a, d) => a + f(d), 0);
  return {
    days,
    rate24h: { mean: rates.reduce((a, b) => a + b, 0) / Math.max(1, rates.length), min: rates[0] ?? 0, p5: q(0.05), p50: q(0.5), p95: q(0.95), max: rates[rates.length - 1] ?? 0 },
    totals: {
      generatedParcels: sum((d) => d.generatedParcels),
      onTimeParcels: sum((d) => d.onTimeParcels),
      lateParcels: sum((d) => d.lateParcels),
      unservedParcels: sum((d) => d.unservedParcels),
      finalBacklogParcels: days.length ? days[days.length - 1]!.backlogParcels : 0,
    },
  };
}
