/**
 * Domain types of a fourports scenario. These are the shapes of a *resolved* scenario: the
 * result of loading a file, following its `extends` chain and applying its overrides.
 *
 * Time: dates are local dates in Asia/Shanghai ("YYYY-MM-DD"); clock times are "HH:MM" in
 * Asia/Shanghai too, also at foreign hubs (a Luxembourg departure at 14:00 CET is written
 * "21:00"). Shanghai has had no daylight saving since 1991, so minutes since the epoch are
 * plain arithmetic. Durations are elapsed minutes.
 */

export const MODES = ["air", "rail", "hsr", "road", "river", "sea"] as const;
export type Mode = (typeof MODES)[number];

export const HUB_KINDS = [
  "airport",
  "rail-terminal",
  "hsr-station",
  "road-hub",
  "river-port",
  "seaport",
  "border-crossing",
  "city",
] as const;
export type HubKind = (typeof HUB_KINDS)[number];

export const PORT_GROUPS = ["air", "rail", "road", "water"] as const;
export type PortGroup = (typeof PORT_GROUPS)[number];

/** Provenance labels: policy goal, official statistic, press claim, estimate, our assumption. */
export const LABELS = ["TARGET", "OFF", "PRESS", "EST", "ASSUMPTION"] as const;
export type Label = (typeof LABELS)[number];

export const COMMODITIES = ["general", "express", "cold-chain", "vehicles", "bulk"] as const;
export type Commodity = (typeof COMMODITIES)[number];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "YYYY-MM-DD", a local date in Asia/Shanghai. */
export type IsoDate = string;

/** Where a figure comes from. `source` is a key of the scenario's `sources` table. */
export interface Provenance {
  source: string;
  label: Label;
  note?: string;
}

/**
 * An entity's own source and label cover all its figures, except those named here: keys are
 * field names ("capacityT", "schedule", "handling.tPerDay") whose figure comes from elsewhere.
 */
export interface Sourced extends Provenance {
  figures?: Record<string, Provenance>;
}

export interface SourceRef {
  title: string;
  /** Document number, clause or section, e.g. "豫政办〔2024〕40号, clause 10". */
  reference?: string;
  date?: string;
  url?: string;
}

/** Daily handling capacity of a hub; any subset may be given. */
export interface HubHandling {
  tPerDay?: number;
  teuPerDay?: number;
  trainsPerDay?: number;
  flightsPerDay?: number;
  trucksPerDay?: number;
}

/** A closed period, both dates inclusive. */
export interface Closure {
  from: IsoDate;
  to: IsoDate;
  reason?: string;
}

/**
 * Minimum transfer time at a hub, keyed by "arrivingMode>departingMode" (e.g. "air>road"),
 * with a required "default" for pairs not listed.
 */
export type TransferTimes = Record<string, number>;

export interface Hub extends Sourced {
  id: string;
  name: string;
  nameZh?: string;
  kind: HubKind;
  /** The port group whose throughput this hub counts for; null for hubs that count for none. */
  portGroup: PortGroup | null;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lon: number;
  lat: number;
  handling?: HubHandling;
  transferMin: TransferTimes;
  /** Border crossings: the dwell for changing gauge (or transhipping) a train. */
  gaugeChangeMin?: number;
  /**
   * Border crossings: trains a day from other origins (other Chinese cities' China-Europe
   * trains) that share the crossing's gauge-change and customs capacity
   * (`handling.trainsPerDay`), so the crossing can bind for this network's trains.
   */
  backgroundTrainsPerDay?: number;
  /** Tonnes the hub's yard can hold at once (simulation: a full yard holds arrivals at the gate). */
  storageT?: number;
  /** Road access time from the hub gate to the nearest expressway entrance. */
  expresswayAccessMin?: number;
  /** First day open. */
  opens?: IsoDate;
  /** First day closed for good. */
  closes?: IsoDate;
  /** A planned hub has no services running until an override sets planned: false. */
  planned?: boolean;
  closures?: Closure[];
}

/** An intermediate call; minutes are offsets from the departure at the service's origin. */
export interface Stop {
  hub: string;
  arriveMin: number;
  departMin: number;
}

export interface WeeklySchedule {
  type: "weekly";
  days: Weekday[];
  /** "HH:MM" Asia/Shanghai. */
  times: string[];
}

/**
 * Evenly spaced departures: perWeek departures spaced 10080/perWeek minutes apart from
 * Monday `firstTime`, or perDay departures spaced 1440/perDay apart from `firstTime` daily.
 */
export interface FrequencySchedule {
  type: "frequency";
  perWeek?: number;
  perDay?: number;
  firstTime?: string;
}

export interface DepartureListSchedule {
  type: "departures";
  /** "YYYY-MM-DDTHH:MM" Asia/Shanghai. */
  at: string[];
}

export type Schedule = WeeklySchedule | FrequencySchedule | DepartureListSchedule;

/**
 * How a service's trips come about. "scheduled" (the default): every departure of the schedule
 * runs. "on-demand": the schedule's departures are path slots, the most trips that may run; a
 * trip runs only when enough freight is consolidated for it and a vehicle of the pool is at
 * the origin (China-Europe trains, international trucks), so the number run is an output.
 */
export const DISPATCH_KINDS = ["scheduled", "on-demand"] as const;
export type DispatchKind = (typeof DISPATCH_KINDS)[number];

/** The vehicle pool and dispatch rule of an on-demand service. */
export interface OnDemandDispatch {
  /** Vehicles (train sets, tractor units) in the service's own pool. */
  vehicles: number;
  /**
   * Minutes from a vehicle's departure until it can leave the origin again: the run out, the
   * turnaround and the way back. At least durationMin.
   */
  rotationMin: number;
  /** A trip runs only with at least this share of capacityT loaded (0 < f <= 1). */
  minLoadFactor: number;
  /**
   * Consolidation (simulation): the longest the first consignment waits for minLoadFactor
   * before the next slot's trip leaves with what it has.
   */
  maxWaitMin: number;
}

export interface Service extends Sourced {
  id: string;
  /** Services of one line (both directions, several operators) share a line id. */
  line: string;
  mode: Mode;
  from: string;
  to: string;
  via?: Stop[];
  distanceKm: number;
  durationMin: number;
  capacityT: number;
  capacityTeu?: number;
  schedule: Schedule;
  tariffCnyPerT: number;
  international: boolean;
  /** First day with a departure. */
  starts?: IsoDate;
  /** Last day with a departure. */
  ends?: IsoDate;
  suspensions?: Closure[];
  operator?: string;
  vehicle?: string;
  /** Default "scheduled". "on-demand" needs `onDemand`. */
  dispatch?: DispatchKind;
  onDemand?: OnDemandDispatch;
}

/** A road link between hubs of one city (airport ↔ land port ↔ HSR station by truck). */
export interface TransferLink extends Sourced {
  from: string;
  to: string;
  durationMin: number;
  distanceKm: number;
  /** True: usable in both directions. */
  bidirectional: boolean;
}

export interface DemandFlow extends Sourced {
  id: string;
  from: string;
  to: string;
  commodity: Commodity;
  tPerYear: number;
  teuPerYear?: number;
  valueOfTimeCnyPerTHour: number;
  /**
   * An explicit restriction of the modes the flow may use. When absent (the open mode choice),
   * every mode the commodity physically allows (COMMODITY_LIMITS) competes; see allowedModes.
   */
  modes?: Mode[];
  /** Twelve relative monthly weights, January first; the share of month m is w[m] / sum(w). */
  seasonality?: number[];
  /**
   * First and last day (inclusive) the flow releases freight, e.g. while the route it was sized
   * for exists. tPerYear is released within these days only (the tonnes of the horizon's year,
   * not an annual rate).
   */
  releaseFrom?: IsoDate;
  releaseTo?: IsoDate;
  /** Longest transit from release to delivery, days; default the commodity's limit, if any. */
  maxTransitDays?: number;
}

/**
 * What a commodity physically allows: bulk does not fly or ride high-speed trains, finished
 * vehicles neither; high-speed freight carries parcels (express, cold-chain boxes), not
 * containers; perishables (cold chain) have a longest transit. ASSUMPTION, see seeds/README.md.
 */
export const COMMODITY_LIMITS: Record<Commodity, { modes: readonly Mode[]; maxTransitDays?: number }> = {
  general: { modes: ["air", "rail", "road", "river", "sea"] },
  express: { modes: ["air", "rail", "hsr", "road", "river", "sea"] },
  "cold-chain": { modes: ["air", "rail", "hsr", "road", "river", "sea"], maxTransitDays: 20 },
  vehicles: { modes: ["rail", "road", "river", "sea"] },
  bulk: { modes: ["rail", "road", "river", "sea"] },
};

/** The modes a flow may use: its explicit list, else what its commodity allows. */
export function allowedModes(d: Pick<DemandFlow, "modes" | "commodity">): readonly Mode[] {
  return d.modes ?? COMMODITY_LIMITS[d.commodity].modes;
}

/**
 * Which services an override acts on: a service matches when it meets every field given (the
 * fields are ANDed; the values within one field are ORed). At least one field is required.
 */
export interface ServiceSelector {
  ids?: string[];
  /** Services whose id starts with any of these prefixes, e.g. "CRE-" for every China-Europe train. */
  idPrefixes?: string[];
  lines?: string[];
  modes?: Mode[];
  /** Services calling at any of these hubs (origin, destination or via). */
  hubs?: string[];
  /** Services whose origin is one of these hubs. */
  fromHubs?: string[];
  /** Services whose final destination is one of these hubs. */
  toHubs?: string[];
  international?: boolean;
}

export interface DemandSelector {
  ids?: string[];
  commodities?: Commodity[];
  /** Flows starting or ending at any of these hubs. */
  hubs?: string[];
}

export type HubPatch = Partial<
  Pick<
    Hub,
    | "name"
    | "nameZh"
    | "handling"
    | "transferMin"
    | "gaugeChangeMin"
    | "expresswayAccessMin"
    | "backgroundTrainsPerDay"
    | "opens"
    | "closes"
    | "planned"
    | "portGroup"
  >
>;

export type ServicePatch = Partial<
  Pick<
    Service,
    | "capacityT"
    | "capacityTeu"
    | "schedule"
    | "starts"
    | "ends"
    | "tariffCnyPerT"
    | "durationMin"
    | "distanceKm"
    | "operator"
    | "vehicle"
    | "dispatch"
    | "onDemand"
  >
>;

/**
 * What an "update-demand" override may change on a demand flow: the modes it may use (each
 * must be one its commodity physically allows, COMMODITY_LIMITS) and its value of time. To
 * lift a restriction, list every mode the commodity allows: that is the open choice.
 */
export type DemandPatch = Partial<Pick<DemandFlow, "modes" | "valueOfTimeCnyPerTHour">>;

export type Override = Provenance &
  (
    | { op: "add-hubs"; hubs: Hub[] }
    | { op: "add-services"; services: Service[] }
    | { op: "add-transfers"; transfers: TransferLink[] }
    | { op: "add-demand"; demand: DemandFlow[] }
    | { op: "remove-services"; select: ServiceSelector }
    | { op: "remove-demand"; select: DemandSelector }
    | { op: "update-hub"; hub: string; set: HubPatch }
    | { op: "update-services"; select: ServiceSelector; set: ServicePatch }
    | { op: "scale-services"; select: ServiceSelector; capacityFactor: number }
    | { op: "close-hub"; hub: string; from: IsoDate; to: IsoDate; reason?: string }
    | { op: "close-services"; select: ServiceSelector; from: IsoDate; to: IsoDate; reason?: string }
    | { op: "scale-demand"; select: DemandSelector; factor: number }
    | { op: "update-demand"; select: DemandSelector; set: DemandPatch }
    /** Multiplies the selected services' tariffs (CNY per tonne) by factor (>= 0). */
    | { op: "scale-tariffs"; select: ServiceSelector; factor: number }
    | {
        op: "scale-frequency";
        select: ServiceSelector;
        /**
         * Departures per week are multiplied by this factor (> 0) and rounded to whole
         * departures, halves up; see the "scale-frequency" handler for the exact rule.
         */
        factor: number;
      }
    | {
        op: "move-services";
        select: ServiceSelector;
        /** The hub the selected services leave; every selected service must call at it. */
        fromHub: string;
        toHub: string;
        /** First day served from toHub: originals run until the day before, copies from this day. */
        on: IsoDate;
        /** Appended to each copy's id. */
        idSuffix: string;
      }
  );

export type OverrideOp = Override["op"];

/**
 * How departures of one mode vary (simulation). Delays are lognormal with the given mean and
 * coefficient of variation; running times are scaled by a lognormal factor of mean 1.
 */
export interface ModeVariability extends Provenance {
  departureDelayMeanMin: number;
  departureDelayCv: number;
  runTimeCv: number;
  /** Probability that a departure is cancelled. */
  cancelProbability: number;
}

/**
 * A disruption the simulation applies: at `hub`, either a closure (no departures or arrivals)
 * or a cut of a border crossing's gauge-change capacity to `capacityFactor`. Scheduled ones
 * give `from`/`to` dates (inclusive); random ones give `probabilityPerDay` and `durationMin`.
 */
export interface Disruption extends Provenance {
  kind: "hub-closure" | "capacity-cut";
  hub: string;
  from?: IsoDate;
  to?: IsoDate;
  probabilityPerDay?: number;
  durationMin?: number;
  /** capacity-cut: the share of capacity left, 0 <= f < 1. */
  capacityFactor?: number;
}

/** The random elements of a simulated year, each with its provenance. */
export interface Variability {
  /**
   * A flow's consignments of a day total its daily tonnes times a lognormal factor of mean 1
   * and this coefficient of variation; 0 releases exactly the daily tonnes.
   */
  consignmentCv: number;
  consignment: Provenance;
  /** Per mode; a mode not listed runs exactly to its timetable. */
  modes: Partial<Record<Mode, ModeVariability>>;
  /** Coefficient of variation of a gauge change's duration at border crossings (lognormal). */
  gaugeChangeCv: number;
  gaugeChange: Provenance;
  disruptions?: Disruption[];
}

/** A scenario as written in a file: either complete, or `extends` another file and overrides it. */
export interface ScenarioFile {
  $schema?: string;
  id: string;
  name: string;
  description?: string;
  extends?: string;
  epoch?: IsoDate;
  horizonDays?: number;
  homeCity?: string;
  sources?: Record<string, SourceRef>;
  hubs?: Hub[];
  services?: Service[];
  transfers?: TransferLink[];
  demand?: DemandFlow[];
  /** Replaces the extended scenario's variability as a whole when given. */
  variability?: Variability;
  overrides?: Override[];
}

/** Where an applied override came from, kept so reports can show what a scenario changed. */
export interface AppliedOverride {
  file: string;
  index: number;
  op: OverrideOp;
  source: string;
  label: Label;
  note?: string;
}

export interface Scenario {
  id: string;
  name: string;
  description?: string;
  /** Minute 0 is 00:00 Asia/Shanghai on this date. */
  epoch: IsoDate;
  horizonDays: number;
  /** The city whose ports the targets count (Zhengzhou). */
  homeCity: string;
  sources: Record<string, SourceRef>;
  hubs: Hub[];
  services: Service[];
  transfers: TransferLink[];
  demand: DemandFlow[];
  /** Random elements for the simulation; without it a simulated year runs exactly to plan. */
  variability?: Variability;
  /** Ids of the scenarios this one extends, nearest first. */
  lineage: string[];
  applied: AppliedOverride[];
}
