import { allowedModes, clockMinutes, COMMODITY_LIMITS, expandTimetable, MIN_PER_DAY, MODES, type Scenario, type Timetable } from "@fourports/network";
import { dailyTonnes } from "@fourports/flow";
import { ConnectionScan, prepareRouting, UNREACHED, type RoutingNetwork } from "@fourports/routing";

/** A demand flow as the simulation releases it, in booking priority order. */
export interface SimFlow {
  /** Id of the demand flow. */
  id: string;
  /** Position of the flow in scenario.demand. */
  index: number;
  /** Origin hub index. */
  from: number;
  /** Destination hub index. */
  to: number;
  /** Bit m set: mode m (index into MODES) may be used; from the flow's explicit modes or its commodity. */
  modeMask: number;
  /** TEU per tonne (teuPerYear / tPerYear; 0 when the flow gives no TEU). */
  teuPerT: number;
  /** What an hour of transit costs per tonne, CNY; sets the booking priority. */
  valueOfTimeCnyPerTHour: number;
  /** Tonnes released on each day of the horizon (seasonality and release window applied). */
  daily: Float64Array;
  /** Longest transit from release to delivery: the flow's, else its commodity's, else the model's. */
  maxTransitMin: number;
  /** False when no journey in the flow's modes exists even with every departure empty (as the assignment judges it). */
  routable: boolean;
}

/**
 * Everything a replication reads and never changes: the timetable, the routing network, trips
 * and their connections, hubs' handling and border data, flows. Built once per worker from the
 * plain scenario, so replications can run anywhere the scenario can be sent.
 */
export interface SimModel {
  /** The resolved scenario. */
  scenario: Scenario;
  /** Its timetable, expanded over the horizon. */
  timetable: Timetable;
  /** The routing network over that timetable. */
  net: RoutingNetwork;
  /** Connections of trip i are tripConns[tripStart[i] .. tripStart[i+1]) in running order. */
  tripStart: Int32Array;
  /** Connection indices of the trips, trip after trip (see tripStart). */
  tripConns: Int32Array;
  /** Per trip: its service index. */
  tripService: Int32Array;
  /** Trips of service s are serviceTrips[serviceTripStart[s] .. serviceTripStart[s+1]), by first departure. */
  serviceTripStart: Int32Array;
  /** Trip indices of the services, service after service (see serviceTripStart). */
  serviceTrips: Int32Array;
  /** The trip's next connection after c, or -1 at its last stop. */
  connNext: Int32Array;
  /** Distance of each connection (km), pro-rated by running time. */
  connKm: Float64Array;
  /** Handling rate per hub in tonnes a minute (Infinity: the scenario gives no limit). */
  hubRatePerMin: Float64Array;
  /** Per hub: tonnes the yard holds at once (Infinity: no limit). */
  hubStorageT: Float64Array;
  /** Border crossings: gauge-change tracks (0 elsewhere), dwell, background trains a day. */
  hubTracks: Int32Array;
  /** Per hub: minutes one gauge change takes (0 where not a border crossing). */
  hubGaugeMin: Float64Array;
  /** Per hub: background trains a day sharing the crossing (0 where not a border crossing). */
  hubBackgroundPerDay: Float64Array;
  /** Home-city hubs: index into PORT_GROUPS order, -1 elsewhere. */
  hubPortGroup: Int8Array;
  /** In booking priority order. */
  flows: SimFlow[];
  /** By the flow's index in scenario.demand. */
  flowByIndex: SimFlow[];
  /** Minute of the day each day's consignments are released (from releaseTime). */
  releaseMin: number;
  /** The longest any flow may take (the run goes on this long past the horizon at most). */
  maxTransitMin: number;
}

/** Options of {@link buildModel}. */
export interface ModelOptions {
  /** Local time each day's consignments of a flow are released (default "08:00", as the assignment). */
  releaseTime?: string;
  /** A consignment must arrive within this many days of its release (default 30, as the assignment). */
  maxTransitDays?: number;
}

const PORT_GROUPS = ["air", "rail", "road", "water"] as const;

/**
 * Builds the read-only model of a scenario for a replication: expands the timetable, prepares routing,
 * indexes trips, hubs and flows, and marks flows no journey can serve.
 */
export function buildModel(scenario: Scenario, options: ModelOptions = {}): SimModel {
  const t = expandTimetable(scenario);
  const net = prepareRouting(scenario, t);
  const C = t.length;
  const tripStart = new Int32Array(t.tripCount + 1);
  const tripService = new Int32Array(t.tripCount);
  for (let c = 0; c < C; c++) {
    tripStart[t.trip[c]! + 1]!++;
    tripService[t.trip[c]!] = t.service[c]!;
  }
  for (let i = 0; i < t.tripCount; i++) tripStart[i + 1]! += tripStart[i]!;
  const fill = tripStart.slice(0, t.tripCount);
  const tripConns = new Int32Array(C);
  // Connections are sorted by departure, so each trip's list comes out in running order.
  for (let c = 0; c < C; c++) tripConns[fill[t.trip[c]!]!++] = c;
  // Trips are numbered by first departure, so each service's list comes out in departure order.
  const S = scenario.services.length;
  const serviceTripStart = new Int32Array(S + 1);
  for (let i = 0; i < t.tripCount; i++) serviceTripStart[tripService[i]! + 1]!++;
  for (let s = 0; s < S; s++) serviceTripStart[s + 1]! += serviceTripStart[s]!;
  const serviceFill = serviceTripStart.slice(0, S);
  const serviceTrips = new Int32Array(t.tripCount);
  for (let i = 0; i < t.tripCount; i++) serviceTrips[serviceFill[tripService[i]!]!++] = i;
  const connNext = new Int32Array(C).fill(-1);
  for (let i = 0; i < t.tripCount; i++) {
    for (let k = tripStart[i]!; k + 1 < tripStart[i + 1]!; k++) connNext[tripConns[k]!] = tripConns[k + 1]!;
  }
  const connKm = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const s = scenario.services[t.service[c]!]!;
    connKm[c] = (s.distanceKm * (t.arrMin[c]! - t.depMin[c]!)) / s.durationMin;
  }
  const n = scenario.hubs.length;
  const hubRatePerMin = new Float64Array(n);
  const hubStorageT = new Float64Array(n);
  const hubTracks = new Int32Array(n);
  const hubGaugeMin = new Float64Array(n);
  const hubBackgroundPerDay = new Float64Array(n);
  const hubPortGroup = new Int8Array(n).fill(-1);
  scenario.hubs.forEach((h, i) => {
    const perDay = h.handling?.tPerDay;
    hubRatePerMin[i] = perDay === undefined ? Infinity : perDay / MIN_PER_DAY;
    hubStorageT[i] = h.storageT ?? Infinity;
    if (h.kind === "border-crossing" && h.gaugeChangeMin !== undefined && h.gaugeChangeMin > 0) {
      // The tracks that, each busy for one gauge change at a time, give the daily train capacity.
      const trainsPerDay = h.handling?.trainsPerDay ?? MIN_PER_DAY / h.gaugeChangeMin;
      hubTracks[i] = Math.max(1, Math.ceil((trainsPerDay * h.gaugeChangeMin) / MIN_PER_DAY));
      hubGaugeMin[i] = h.gaugeChangeMin;
      hubBackgroundPerDay[i] = h.backgroundTrainsPerDay ?? 0;
    }
    if (h.city === scenario.homeCity && h.portGroup !== null) hubPortGroup[i] = PORT_GROUPS.indexOf(h.portGroup);
  });
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const maxTransitMin = (options.maxTransitDays ?? 30) * MIN_PER_DAY;
  const flows = scenario.demand
    .map((d, index): SimFlow => {
      let modeMask = 0;
      for (const m of allowedModes(d)) modeMask |= 1 << MODES.indexOf(m);
      const limitDays = d.maxTransitDays ?? COMMODITY_LIMITS[d.commodity].maxTransitDays;
      return {
        id: d.id,
        index,
        from: hubIndex.get(d.from)!,
        to: hubIndex.get(d.to)!,
        modeMask,
        teuPerT: d.teuPerYear !== undefined && d.tPerYear > 0 ? d.teuPerYear / d.tPerYear : 0,
        valueOfTimeCnyPerTHour: d.valueOfTimeCnyPerTHour,
        daily: dailyTonnes(scenario, d),
        maxTransitMin: Math.min(maxTransitMin, limitDays === undefined ? Infinity : limitDays * MIN_PER_DAY),
        routable: true,
      };
    })
    // The assignment's priority: highest value of time first, then id.
    .sort((a, b) => b.valueOfTimeCnyPerTHour - a.valueOfTimeCnyPerTHour || (a.id < b.id ? -1 : 1));
  const releaseMin = clockMinutes(options.releaseTime ?? "08:00");
  const scan = new ConnectionScan(net);
  for (const f of flows) {
    scan.run(f.from, releaseMin, { target: f.to, modeMask: f.modeMask });
    f.routable = scan.arrival[f.to] !== UNREACHED;
  }
  return {
    scenario,
    timetable: t,
    net,
    tripStart,
    tripConns,
    tripService,
    serviceTripStart,
    serviceTrips,
    connNext,
    connKm,
    hubRatePerMin,
    hubStorageT,
    hubTracks,
    hubGaugeMin,
    hubBackgroundPerDay,
    hubPortGroup,
    flows,
    flowByIndex: [...flows].sort((a, b) => a.index - b.index),
    releaseMin,
    maxTransitMin,
  };
}

export { PORT_GROUPS };
