import { checkChoiceOption, checkClockOption, checkNumberOption, checkOptionsObject, LIMITS, clockMinutes, dateOfDayNumber, dayNumber, MIN_PER_DAY, MODES, type DemandFlow, type Mode, type PortGroup, type Scenario } from "@fourports/network";
import { ConnectionScan, UNREACHED, type Journey, type JourneyLeg, type RoutingNetwork } from "@fourports/routing";

export type UnservedReason = "no route" | "capacity" | "too late";

export interface DemandOutcome {
  demandId: string;
  demandT: number;
  servedT: number;
  unservedT: Record<UnservedReason, number>;
}

export interface PortThroughput {
  portGroup: PortGroup;
  mode: Mode;
  loadedT: number;
  unloadedT: number;
}

export interface Assignment {
  scenarioId: string;
  /** Tonnes on each connection of the timetable. */
  connectionT: Float64Array;
  /** TEU on each connection (tonnes of flows that give teuPerYear, at their TEU per tonne). */
  connectionTeu: Float64Array;
  /** Tonnes loaded plus unloaded at each hub on each day: [hub × horizonDays + day]. */
  hubDayT: Float64Array;
  /** Loaded and unloaded tonnes at the home city's hubs, by the hub's port group and the mode. */
  ports: PortThroughput[];
  demand: DemandOutcome[];
  servedT: number;
  unservedT: Record<UnservedReason, number>;
  tonneKm: number;
  costCny: number;
  co2Kg: number;
  /** Bookings made (one per journey a batch was split over). */
  bookings: number;
  /** Every booking, when recordBookings was set. */
  bookingList?: Booking[];
}

export interface AssignOptions {
  /** Local time each day's batch of a flow is ready (default "08:00"). */
  releaseTime?: string;
  /** A batch must arrive within this many days of its release (default 30); later is "too late". */
  maxTransitDays?: number;
  /**
   * How a batch picks its journey among those with room: "earliest" arrival (default);
   * "cost", the least generalised cost (tariffs + trucking + value of time × hours) among the
   * earliest journey and the earliest by each allowed main mode — the system's view; or
   * "logit", the shipper's view: the batch splits over the k cheapest of those by a multinomial
   * logit, share ∝ exp(−logitScale × (g / g_min − 1)).
   */
  choice?: "earliest" | "cost" | "logit";
  /** Routes in the logit choice set (default 3). */
  k?: number;
  /** Logit sensitivity to relative generalised cost (default 10, ASSUMPTION: a route 10% dearer gets e^-1 of the weight). */
  logitScale?: number;
  /** Keep every booking (demand id, tonnes, journey legs) in the result, for audits and maps. */
  recordBookings?: boolean;
  onProgress?: (day: number, days: number) => void;
  signal?: AbortSignal;
}

export interface Booking {
  demandId: string;
  tonnes: number;
  releaseMin: number;
  legs: JourneyLeg[];
}

function checkAssignOptions(options: AssignOptions): void {
  const where = "assignDemand";
  checkOptionsObject(where, options);
  checkClockOption(`${where}: releaseTime`, options.releaseTime);
  checkNumberOption(`${where}: maxTransitDays`, options.maxTransitDays, { integer: true, min: 1, max: LIMITS.horizonDays });
  checkChoiceOption(`${where}: choice`, options.choice, ["earliest", "cost", "logit"]);
  checkNumberOption(`${where}: k`, options.k, { integer: true, min: 1, max: 100 });
  // NaN or Infinity here made every share NaN and the placing loop never finished.
  checkNumberOption(`${where}: logitScale`, options.logitScale, { min: 0, max: 1000 });
}

/**
 * Assigns a year of demand to the timetable by priority on residual capacities: each day every
 * flow releases its tonnes (its yearly tonnes spread over the horizon by its monthly
 * seasonality), highest value of time first; a batch takes the earliest-arriving journey in the
 * modes it allows whose departures and hubs still have room, as much as fits, then the next,
 * until it is placed or nothing fits. Every departure's capacity (a trip's capacityT over its
 * whole run) and every hub's daily handling (handling.tPerDay, counted on loading and unloading)
 * is respected, and flow is conserved: each booked tonne travels a whole journey. Tonnes that
 * find no journey are unserved with their reason.
 */
export function assignDemand(scenario: Scenario, net: RoutingNetwork, options: AssignOptions = {}): Assignment {
  checkAssignOptions(options);
  const t = net.timetable;
  const days = scenario.horizonDays;
  const nHubs = net.hubCount;
  const C = t.length;
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const release = clockMinutes(options.releaseTime ?? "08:00");
  const maxTransit = (options.maxTransitDays ?? 30) * MIN_PER_DAY;

  // Trip → its connections (in departure order), and each trip's residual capacity.
  const tripStart = new Int32Array(t.tripCount + 1);
  for (let c = 0; c < C; c++) tripStart[t.trip[c]! + 1]!++;
  for (let i = 0; i < t.tripCount; i++) tripStart[i + 1]! += tripStart[i]!;
  const fill = tripStart.slice(0, t.tripCount);
  const tripConns = new Int32Array(C);
  for (let c = 0; c < C; c++) tripConns[fill[t.trip[c]!]!++] = c;
  const tripResidual = new Float64Array(t.tripCount);
  for (let c = 0; c < C; c++) tripResidual[t.trip[c]!] = t.capacityT[c]!;

  // Hub-day residual handling, and hub-day → connections loading or unloading there.
  const hubDayResidual = new Float64Array(nHubs * days);
  scenario.hubs.forEach((h, i) => hubDayResidual.fill(h.handling?.tPerDay ?? Infinity, i * days, (i + 1) * days));
  const dayOf = (minute: number): number => Math.min(days - 1, Math.max(0, Math.floor(minute / MIN_PER_DAY)));
  const hdStart = new Int32Array(nHubs * days + 1);
  for (let c = 0; c < C; c++) {
    hdStart[t.depHub[c]! * days + dayOf(t.depMin[c]!) + 1]!++;
    hdStart[t.arrHub[c]! * days + dayOf(t.arrMin[c]!) + 1]!++;
  }
  for (let i = 0; i < nHubs * days; i++) hdStart[i + 1]! += hdStart[i]!;
  const hdFill = hdStart.slice(0, nHubs * days);
  const hdConns = new Int32Array(2 * C);
  for (let c = 0; c < C; c++) {
    hdConns[hdFill[t.depHub[c]! * days + dayOf(t.depMin[c]!)]!++] = c;
    hdConns[hdFill[t.arrHub[c]! * days + dayOf(t.arrMin[c]!)]!++] = c;
  }

  const skip = new Uint8Array(C);
  const connectionT = new Float64Array(C);
  const connectionTeu = new Float64Array(C);
  const hubDayT = new Float64Array(nHubs * days);
  const connKm = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const s = scenario.services[t.service[c]!]!;
    connKm[c] = (s.distanceKm * (t.arrMin[c]! - t.depMin[c]!)) / s.durationMin;
  }
  const loadedT = new Float64Array(nHubs * MODES.length);
  const unloadedT = new Float64Array(nHubs * MODES.length);

  const flows = scenario.demand
    .map((d) => {
      let mask = 0;
      for (const m of d.modes) mask |= 1 << MODES.indexOf(m);
      const teuPerT = d.teuPerYear !== undefined && d.tPerYear > 0 ? d.teuPerYear / d.tPerYear : 0;
      return { d, daily: dailyTonnes(scenario, d), mask, teuPerT, from: hubIndex.get(d.from)!, to: hubIndex.get(d.to)!, routable: true };
    })
    .sort((a, b) => b.d.valueOfTimeCnyPerTHour - a.d.valueOfTimeCnyPerTHour || (a.d.id < b.d.id ? -1 : 1));
  const outcome = new Map(flows.map((f) => [f.d.id, { demandId: f.d.id, demandT: 0, servedT: 0, unservedT: { "no route": 0, capacity: 0, "too late": 0 } }]));

  const scan = new ConnectionScan(net);
  // A flow with no journey at all in its modes, even with every departure empty, has no route.
  for (const f of flows) {
    scan.run(f.from, release, { target: f.to, modeMask: f.mask });
    f.routable = scan.arrival[f.to] !== UNREACHED;
  }

  const closeHubDay = (hd: number): void => {
    for (let i = hdStart[hd]!; i < hdStart[hd + 1]!; i++) skip[hdConns[i]!] = 1;
  };
  /** Tonnes a journey can still take: its trips' room and its hub-days' room (a hub-day used twice gives each use half). */
  const room = (j: Journey): number => {
    let amount = Infinity;
    const uses = new Map<number, number>();
    for (const leg of j.legs) {
      if (leg.kind !== "service") continue;
      const [b, a] = leg.connections;
      amount = Math.min(amount, tripResidual[t.trip[b]!]!);
      for (const hd of [t.depHub[b]! * days + dayOf(t.depMin[b]!), t.arrHub[a]! * days + dayOf(t.arrMin[a]!)]) uses.set(hd, (uses.get(hd) ?? 0) + 1);
    }
    for (const [hd, k] of uses) amount = Math.min(amount, hubDayResidual[hd]! / k);
    return amount;
  };
  /** Tariffs and trucking of a journey, CNY per tonne. */
  const journeyCny = (j: Journey): number => {
    let cny = 0;
    for (const leg of j.legs) {
      if (leg.kind === "transfer") cny += net.linkCostCny[linkSlot(net, hubIndex.get(leg.fromHub)!, hubIndex.get(leg.toHub)!)]!;
      else for (const c of legConnections(leg.connections[0], leg.connections[1])) cny += net.connCostCny[c]!;
    }
    return cny;
  };
  const legConnections = (b: number, a: number): number[] => {
    const trip = t.trip[b]!;
    const out: number[] = [];
    for (let i = tripStart[trip]!; i < tripStart[trip + 1]!; i++) {
      const c = tripConns[i]!;
      if (t.depMin[c]! >= t.depMin[b]! && t.depMin[c]! <= t.depMin[a]!) out.push(c);
    }
    return out;
  };
  /**
   * Journeys with room that arrive within the transit limit: the earliest overall and, for the
   * choice views, the earliest by each allowed main mode (with road for the first and last mile).
   */
  const candidates = (f: (typeof flows)[number], ready: number): Journey[] => {
    const masks = [f.mask];
    if (choice !== "earliest") {
      const road = f.mask & (1 << MODES.indexOf("road"));
      for (let m = 0; m < MODES.length; m++) if (f.mask & (1 << m)) masks.push((1 << m) | road);
    }
    const out: Journey[] = [];
    const seen = new Set<string>();
    for (const mask of new Set(masks)) {
      scan.run(f.from, ready, { target: f.to, modeMask: mask, skip, windowMin: maxTransit + 1 });
      const j = scan.journey(f.to);
      if (!j || j.arriveMin - ready > maxTransit) continue;
      const key = j.legs.map((l) => (l.kind === "service" ? `${l.trip}:${l.connections[0]}-${l.connections[1]}` : `${l.fromHub}>${l.toHub}@${l.departMin}`)).join("|");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(j);
    }
    return out;
  };
  /** Generalised cost per tonne: tariffs and trucking plus value of time × hours from release. */
  const choose = (found: Journey[], vot: number, ready: number): { j: Journey; share: number }[] => {
    if (choice === "earliest") return [{ j: found[0]!, share: 1 }];
    const priced = found
      .map((j) => ({ j, g: journeyCny(j) + (vot * (j.arriveMin - ready)) / 60 }))
      .sort((x, y) => x.g - y.g || x.j.arriveMin - y.j.arriveMin);
    if (choice === "cost") return [{ j: priced[0]!.j, share: 1 }];
    const best = priced.slice(0, k);
    const gMin = Math.max(best[0]!.g, 1e-9);
    const w = best.map((x) => Math.exp(-logitScale * (x.g / gMin - 1)));
    const sum = w.reduce((a, b) => a + b, 0);
    return best.map((x, i) => ({ j: x.j, share: w[i]! / sum }));
  };
  const book = (j: Journey, amount: number, teuPerT: number): void => {
    for (const leg of j.legs) {
      if (leg.kind === "transfer") {
        const slot = linkSlot(net, hubIndex.get(leg.fromHub)!, hubIndex.get(leg.toHub)!);
        costCny += amount * net.linkCostCny[slot]!;
        tonneKm += amount * net.linkKm[slot]!;
        co2Kg += amount * net.linkCo2Kg[slot]!;
        continue;
      }
      const [b, a] = leg.connections;
      const trip = t.trip[b]!;
      for (const c of legConnections(b, a)) {
        connectionT[c]! += amount;
        connectionTeu[c]! += amount * teuPerT;
        tonneKm += amount * connKm[c]!;
        costCny += amount * net.connCostCny[c]!;
        co2Kg += amount * net.connCo2Kg[c]!;
      }
      loadedT[t.depHub[b]! * MODES.length + net.connMode[b]!]! += amount;
      unloadedT[t.arrHub[a]! * MODES.length + net.connMode[a]!]! += amount;
      tripResidual[trip]! -= amount;
      if (tripResidual[trip]! <= 1e-9) {
        tripResidual[trip] = 0;
        for (let i = tripStart[trip]!; i < tripStart[trip + 1]!; i++) skip[tripConns[i]!] = 1;
      }
      for (const hd of [t.depHub[b]! * days + dayOf(t.depMin[b]!), t.arrHub[a]! * days + dayOf(t.arrMin[a]!)]) {
        hubDayT[hd]! += amount;
        hubDayResidual[hd]! -= amount;
        if (hubDayResidual[hd]! <= 1e-9) {
          hubDayResidual[hd] = 0;
          closeHubDay(hd);
        }
      }
    }
  };
  const choice = options.choice ?? "earliest";
  const k = options.k ?? 3;
  const logitScale = options.logitScale ?? 10;

  let tonneKm = 0;
  let costCny = 0;
  let co2Kg = 0;
  let bookings = 0;
  const bookingList: Booking[] | undefined = options.recordBookings ? [] : undefined;
  for (let day = 0; day < days; day++) {
    options.signal?.throwIfAborted();
    const ready = day * MIN_PER_DAY + release;
    for (const f of flows) {
      let left = f.daily[day]!;
      const o = outcome.get(f.d.id)!;
      o.demandT += left;
      if (!f.routable) {
        o.unservedT["no route"] += left;
        continue;
      }
      while (left > 1e-9) {
        const found = candidates(f, ready);
        if (found.length === 0) {
          // Without the capacity mask it would have gone: the departures or hubs were full.
          scan.run(f.from, ready, { target: f.to, modeMask: f.mask, windowMin: maxTransit + 1 });
          const a = scan.arrival[f.to]!;
          o.unservedT[a === UNREACHED || a - ready > maxTransit ? "too late" : "capacity"] += left;
          break;
        }
        // Shares of this round: all on the best journey, or split by the logit.
        const shares = choose(found, f.d.valueOfTimeCnyPerTHour, ready);
        const round = left;
        for (const { j, share } of shares) {
          const amount = Math.min(round * share, left, room(j));
          if (!(amount > 1e-12)) continue;
          book(j, amount, f.teuPerT);
          o.servedT += amount;
          left -= amount;
          bookings++;
          bookingList?.push({ demandId: f.d.id, tonnes: amount, releaseMin: ready, legs: j.legs });
        }
      }
    }
    options.onProgress?.(day + 1, days);
  }

  // Throughput at the home city's hubs by port group and mode.
  const ports = new Map<string, PortThroughput>();
  const home = scenario.hubs.map((h) => (h.city === scenario.homeCity ? h.portGroup : null));
  for (let h = 0; h < nHubs; h++) {
    const g = home[h];
    if (!g) continue;
    for (let m = 0; m < MODES.length; m++) {
      const l = loadedT[h * MODES.length + m]!;
      const u = unloadedT[h * MODES.length + m]!;
      if (l === 0 && u === 0) continue;
      const e = entry(ports, g, MODES[m]!);
      e.loadedT += l;
      e.unloadedT += u;
    }
  }
  const demand = [...outcome.values()];
  const unservedT = { "no route": 0, capacity: 0, "too late": 0 };
  let servedT = 0;
  for (const o of demand) {
    servedT += o.servedT;
    for (const k of Object.keys(unservedT) as UnservedReason[]) unservedT[k] += o.unservedT[k];
  }
  return {
    scenarioId: scenario.id,
    connectionT,
    connectionTeu,
    hubDayT,
    ports: [...ports.values()].sort((a, b) => (a.portGroup + a.mode < b.portGroup + b.mode ? -1 : 1)),
    demand,
    servedT,
    unservedT,
    tonneKm,
    costCny,
    co2Kg,
    bookings,
    ...(bookingList ? { bookingList } : {}),
  };
}

/**
 * A flow's tonnes released on each day of the horizon: tPerYear spread over the horizon in
 * proportion to its monthly seasonality weights (flat when it has none).
 */
export function dailyTonnes(scenario: Scenario, d: DemandFlow): Float64Array {
  const days = scenario.horizonDays;
  const epochDay = dayNumber(scenario.epoch);
  const w = d.seasonality ?? new Array<number>(12).fill(1);
  const weight = Float64Array.from({ length: days }, (_, day) => w[Number(dateOfDayNumber(epochDay + day).slice(5, 7)) - 1]!);
  let sum = 0;
  for (const x of weight) sum += x;
  return weight.map((x) => (d.tPerYear * x) / sum);
}

function entry(map: Map<string, PortThroughput>, portGroup: PortGroup, mode: Mode): PortThroughput {
  const key = `${portGroup}/${mode}`;
  let e = map.get(key);
  if (!e) map.set(key, (e = { portGroup, mode, loadedT: 0, unloadedT: 0 }));
  return e;
}

function linkSlot(net: RoutingNetwork, from: number, to: number): number {
  for (let k = net.linkOffsets[from]!; k < net.linkOffsets[from + 1]!; k++) if (net.linkTo[k] === to) return k;
  throw new Error(`no transfer link ${from} → ${to}`);
}
