import { clockMinutes, dayNumber, MIN_PER_DAY, MIN_PER_WEEK, minuteOfDateTime, weekdayIndex } from "./dates.js";
import { checkDateOption, checkNumberOption, checkOptionsObject, FourportsInputError } from "./input-error.js";
import { BOUNDS, LIMITS } from "./limits.js";
import { MODES, WEEKDAYS, type Closure, type Hub, type IsoDate, type Scenario, type Service } from "./types.js";

/**
 * A scenario's departures as a flat connection table (struct of typed arrays), sorted by
 * departure minute, then arrival minute, service and trip. One connection per leg: a service
 * with intermediate stops gives one connection per segment of each trip, all with the same
 * trip number. Plain data, so it can be transferred to worker threads as is.
 */
export interface Timetable {
  /** Date of minute 0, 00:00 Asia/Shanghai. */
  epoch: IsoDate;
  /** Departures lie in [0, horizonMin); arrivals may lie beyond. */
  horizonMin: number;
  /** Hub index → id, in the scenario's hub order. */
  hubIds: string[];
  /** Service index → id, in the scenario's service order. */
  serviceIds: string[];
  /** Service index → index into MODES. */
  serviceMode: Uint8Array;
  /**
   * Service index → 1 where the service is dispatched on demand: its trips here are path
   * slots, which run only when loaded and a vehicle is at hand (see OnDemandDispatch).
   */
  serviceOnDemand: Uint8Array;
  /** Number of connections; every per-connection array has this length. */
  length: number;
  /** Per connection: index of the departure hub. */
  depHub: Int32Array;
  /** Per connection: index of the arrival hub. */
  arrHub: Int32Array;
  /** Per connection: departure, minutes since the epoch. */
  depMin: Int32Array;
  /** Per connection: arrival, minutes since the epoch. */
  arrMin: Int32Array;
  /** Per connection: index of the service. */
  service: Int32Array;
  /** Per connection: trip number; the legs of one trip (a service with stops) share it. */
  trip: Int32Array;
  /** Capacity of the trip the connection belongs to. */
  capacityT: Float64Array;
  /** 0 where the service states no TEU capacity. */
  capacityTeu: Float64Array;
  /** Trips that run in the horizon. */
  tripCount: number;
  /** Departures in the horizon that did not run because a hub or the service was closed. */
  cancelledTrips: number;
}

/** Which part of the horizon to expand. */
export interface TimetableOptions {
  /** Start of the expansion (default: the scenario epoch). Minutes stay relative to the epoch. */
  from?: IsoDate;
  /** Days to expand (default: to the end of the scenario horizon). */
  days?: number;
}

function inClosure(day: number, closures: Closure[] | undefined): boolean {
  return closures?.some((c) => dayNumber(c.from) <= day && day <= dayNumber(c.to)) ?? false;
}

/**
 * Which days of [first, last] some closure covers, built in time linear in the closures and the
 * days (a difference array), so a service with thousands of suspensions and departures costs
 * their sum, not their product. null when there are no closures.
 */
function closedDays(closures: Closure[] | undefined, first: number, last: number): Uint8Array | null {
  if (!closures || closures.length === 0) return null;
  const n = last - first + 1;
  const diff = new Int32Array(n + 1);
  for (const c of closures) {
    const a = Math.max(first, dayNumber(c.from));
    const b = Math.min(last, dayNumber(c.to));
    if (a > b) continue;
    diff[a - first]!++;
    diff[b - first + 1]!--;
  }
  const out = new Uint8Array(n);
  let open = 0;
  for (let i = 0; i < n; i++) out[i] = (open += diff[i]!) > 0 ? 1 : 0;
  return out;
}

/** hubOpenOn and a service's suspensions answered from per-day lookups over a window of days. */
function dayChecks(scenario: Scenario, first: number, last: number) {
  const hubClosed = scenario.hubs.map((h) => closedDays(h.closures, first, last));
  const inWindow = (day: number): boolean => day >= first && day <= last;
  return {
    hubOpen(hub: number, day: number): boolean {
      const h = scenario.hubs[hub]!;
      if (!inWindow(day)) return hubOpenOn(h, day);
      if (h.planned) return false;
      if (h.opens !== undefined && day < dayNumber(h.opens)) return false;
      if (h.closes !== undefined && day >= dayNumber(h.closes)) return false;
      return hubClosed[hub]?.[day - first] !== 1;
    },
    suspended(closed: Uint8Array | null, closures: Closure[] | undefined, day: number): boolean {
      return inWindow(day) ? closed?.[day - first] === 1 : inClosure(day, closures);
    },
  };
}

/** Whether a hub is open on a day number (see dayNumber): not planned, opened, not closed. */
export function hubOpenOn(hub: Hub, day: number): boolean {
  if (hub.planned) return false;
  if (hub.opens !== undefined && day < dayNumber(hub.opens)) return false;
  if (hub.closes !== undefined && day >= dayNumber(hub.closes)) return false;
  return !inClosure(day, hub.closures);
}

/** Departure minutes (since the epoch) of a schedule inside [start, end). */
export function scheduleDepartures(service: Service, epoch: IsoDate, start: number, end: number): number[] {
  const span = LIMITS.horizonDays * MIN_PER_DAY;
  checkNumberOption("scheduleDepartures: start", start, { integer: true, required: true, min: -span, max: span });
  checkNumberOption("scheduleDepartures: end", end, { integer: true, required: true, min: start, max: start + span });
  const sch = service.schedule;
  const epochDay = dayNumber(epoch);
  const out: number[] = [];
  const periodic = (period: number, anchor: number, offsets: number[]): void => {
    // Every departure is anchor + q·period + offset; take q over all periods that touch [start, end).
    const qFirst = Math.floor((start - anchor) / period) - 1;
    const qLast = Math.ceil((end - anchor) / period) + 1;
    for (let q = qFirst; q <= qLast; q++) {
      for (const off of offsets) {
        const m = anchor + q * period + off;
        if (m >= start && m < end) out.push(m);
      }
    }
  };
  const mondayAnchor = -weekdayIndex(epochDay) * MIN_PER_DAY;
  if (sch.type === "weekly") {
    const offsets: number[] = [];
    for (const d of sch.days) {
      for (const t of sch.times) offsets.push(WEEKDAYS.indexOf(d) * MIN_PER_DAY + clockMinutes(t));
    }
    periodic(MIN_PER_WEEK, mondayAnchor, offsets);
  } else if (sch.type === "frequency") {
    const first = clockMinutes(sch.firstTime ?? "00:00");
    const n = sch.perDay ?? sch.perWeek ?? 0;
    const period = sch.perDay !== undefined ? MIN_PER_DAY : MIN_PER_WEEK;
    // Spacing is rounded to whole minutes per departure, so the pattern repeats exactly.
    const offsets = Array.from({ length: n }, (_, k) => first + Math.round((k * period) / n));
    periodic(period, sch.perDay !== undefined ? 0 : mondayAnchor, offsets);
  } else {
    for (const at of sch.at) {
      const m = minuteOfDateTime(epoch, at);
      if (m >= start && m < end) out.push(m);
    }
  }
  return out.sort((a, b) => a - b);
}

/** The window [start, end) in minutes since the epoch, after checking the scenario and options. */
function expansionWindow(scenario: Scenario, options: TimetableOptions): { start: number; end: number } {
  const where = "expandTimetable";
  if (scenario === null || typeof scenario !== "object" || !Array.isArray(scenario.services) || !Array.isArray(scenario.hubs)) {
    throw new FourportsInputError("invalid-option", `${where}: scenario: expected a loaded scenario`);
  }
  checkDateOption(`${where}: scenario.epoch`, scenario.epoch);
  checkNumberOption(`${where}: scenario.horizonDays`, scenario.horizonDays, { integer: true, min: 1, max: LIMITS.horizonDays });
  checkOptionsObject(where, options);
  checkDateOption(`${where}: from`, options.from);
  // Both ends stay within a horizon's length of the epoch, so every minute fits the int32 arrays.
  checkNumberOption(`${where}: days`, options.days, { integer: true, min: 1, max: LIMITS.horizonDays });
  const epochDay = dayNumber(scenario.epoch);
  const fromDay = options.from === undefined ? 0 : dayNumber(options.from) - epochDay;
  if (Math.abs(fromDay) > LIMITS.horizonDays) {
    throw new FourportsInputError("invalid-option", `${where}: from: ${options.from} lies more than ${LIMITS.horizonDays} days (the horizon limit) from the epoch ${scenario.epoch}`);
  }
  const start = fromDay * MIN_PER_DAY;
  const end = options.days === undefined ? scenario.horizonDays * MIN_PER_DAY : start + options.days * MIN_PER_DAY;
  return { start, end };
}

/** Departures of a schedule in a window of `minutes`, at most (before closures). */
function departuresAtMost(service: Service, minutes: number): number {
  const sch = service.schedule;
  if (sch.type === "departures") return sch.at.length;
  const period = sch.type === "weekly" || sch.perDay === undefined ? MIN_PER_WEEK : MIN_PER_DAY;
  const perPeriod = sch.type === "weekly" ? sch.days.length * sch.times.length : (sch.perDay ?? sch.perWeek ?? 0);
  return (Math.ceil(minutes / period) + 1) * perPeriod;
}

/** Refuses, before anything is allocated, a timetable past LIMITS.connections. */
function checkConnectionCount(scenario: Scenario, start: number, end: number): void {
  let total = 0;
  for (const s of scenario.services) total += departuresAtMost(s, end - start) * ((s.via?.length ?? 0) + 1);
  if (total > LIMITS.connections) {
    throw new FourportsInputError(
      "limit-exceeded",
      `expandTimetable: the timetable would hold up to ${total} connections, more than the limit of ${LIMITS.connections}; expand fewer days (option days) or thin the schedules`,
    );
  }
}

/**
 * Expands every service's schedule over the horizon. A departure runs when its date lies in
 * the service's starts–ends, outside its suspensions, and every hub it calls at is open on the
 * day it calls there (planned hubs are never open).
 */
export function expandTimetable(scenario: Scenario, options: TimetableOptions = {}): Timetable {
  const { start, end } = expansionWindow(scenario, options);
  const epochDay = dayNumber(scenario.epoch);
  const horizonMin = scenario.horizonDays * MIN_PER_DAY;
  checkConnectionCount(scenario, start, end);
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const hubs = scenario.hubs;

  const dep: number[] = [];
  const arr: number[] = [];
  const dh: number[] = [];
  const ah: number[] = [];
  const svc: number[] = [];
  const trp: number[] = [];
  let trips = 0;
  let cancelled = 0;
  const serviceMode = new Uint8Array(scenario.services.length);
  const serviceOnDemand = new Uint8Array(scenario.services.length);

  // Every day a departure or a call can fall on: the window, plus the longest leg after it.
  const firstDay = epochDay + Math.floor(start / MIN_PER_DAY);
  const lastDay = epochDay + Math.floor(end / MIN_PER_DAY) + Math.ceil(BOUNDS.legMin / MIN_PER_DAY) + 1;
  const days = dayChecks(scenario, firstDay, lastDay);

  scenario.services.forEach((s, si) => {
    serviceMode[si] = MODES.indexOf(s.mode);
    serviceOnDemand[si] = s.dispatch === "on-demand" ? 1 : 0;
    const suspendedDays = closedDays(s.suspensions, firstDay, lastDay);
    const startsDay = s.starts === undefined ? -Infinity : dayNumber(s.starts);
    const endsDay = s.ends === undefined ? Infinity : dayNumber(s.ends);
    const calls: { hub: number; arr: number; dep: number }[] = [
      { hub: hubIndex.get(s.from)!, arr: 0, dep: 0 },
      ...(s.via ?? []).map((v) => ({ hub: hubIndex.get(v.hub)!, arr: v.arriveMin, dep: v.departMin })),
      { hub: hubIndex.get(s.to)!, arr: s.durationMin, dep: s.durationMin },
    ];
    for (const d of scheduleDepartures(s, scenario.epoch, start, end)) {
      const day = epochDay + Math.floor(d / MIN_PER_DAY);
      if (day < startsDay || day > endsDay) continue;
      const dayAt = (m: number): number => epochDay + Math.floor((d + m) / MIN_PER_DAY);
      const runs =
        !days.suspended(suspendedDays, s.suspensions, day) &&
        calls.every(
          (c, k) =>
            (k === 0 || days.hubOpen(c.hub, dayAt(c.arr))) &&
            (k === calls.length - 1 || days.hubOpen(c.hub, dayAt(c.dep))),
        );
      if (!runs) {
        cancelled++;
        continue;
      }
      for (let k = 0; k + 1 < calls.length; k++) {
        dh.push(calls[k]!.hub);
        ah.push(calls[k + 1]!.hub);
        dep.push(d + calls[k]!.dep);
        arr.push(d + calls[k + 1]!.arr);
        svc.push(si);
        trp.push(trips);
      }
      trips++;
    }
  });

  const n = dep.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => dep[a]! - dep[b]! || arr[a]! - arr[b]! || svc[a]! - svc[b]! || trp[a]! - trp[b]!);
  const t: Timetable = {
    epoch: scenario.epoch,
    horizonMin,
    hubIds: hubs.map((h) => h.id),
    serviceIds: scenario.services.map((s) => s.id),
    serviceMode,
    serviceOnDemand,
    length: n,
    depHub: new Int32Array(n),
    arrHub: new Int32Array(n),
    depMin: new Int32Array(n),
    arrMin: new Int32Array(n),
    service: new Int32Array(n),
    trip: new Int32Array(n),
    capacityT: new Float64Array(n),
    capacityTeu: new Float64Array(n),
    tripCount: trips,
    cancelledTrips: cancelled,
  };
  // Trips are numbered in order of their first departure, so the trips a scan has in hand at
  // any moment sit close together in memory.
  const renumber = new Int32Array(trips).fill(-1);
  let nextTrip = 0;
  for (const src of order) if (renumber[trp[src]!] === -1) renumber[trp[src]!] = nextTrip++;
  order.forEach((src, i) => {
    const s = scenario.services[svc[src]!]!;
    t.depHub[i] = dh[src]!;
    t.arrHub[i] = ah[src]!;
    t.depMin[i] = dep[src]!;
    t.arrMin[i] = arr[src]!;
    t.service[i] = svc[src]!;
    t.trip[i] = renumber[trp[src]!]!;
    t.capacityT[i] = s.capacityT;
    t.capacityTeu[i] = s.capacityTeu ?? 0;
  });
  return t;
}
