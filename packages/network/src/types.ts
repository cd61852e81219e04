/**
 * Domain types of a fourports scenario. These are the shapes of a *resolved* scenario: the
 * result of loading a file, following its `extends` chain and applying its overrides.
 *
 * Time: dates are local dates in Asia/Shanghai ("YYYY-MM-DD"); clock times are "HH:MM" in
 * Asia/Shanghai too, also at foreign hubs (a Luxembourg departure at 14:00 CET is written
 * "21:00"). Shanghai has had no daylight saving since 1991, so minutes since the epoch are
 * plain arithmetic. Durations are elapsed minutes.
 */

/**
 * The transport modes a service runs on: air, conventional rail, high-speed rail (hsr), road, inland
 * river and sea.
 */
export const MODES = ["air", "rail", "hsr", "road", "river", "sea"] as const;
/** A transport mode, one of {@link MODES}. */
export type Mode = (typeof MODES)[number];

/**
 * The kinds of hub a scenario may contain; a kind says what the hub is, not which port group it counts
 * for.
 */
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
/** A hub kind, one of {@link HUB_KINDS}. */
export type HubKind = (typeof HUB_KINDS)[number];

/** The four ports of the linkage (air, rail, road, water) whose throughput the 2025 targets count. */
export const PORT_GROUPS = ["air", "rail", "road", "water"] as const;
/** A port group, one of {@link PORT_GROUPS}. */
export type PortGroup = (typeof PORT_GROUPS)[number];

/** Provenance labels: policy goal, official statistic, press claim, estimate, our assumption. */
export const LABELS = ["TARGET", "OFF", "PRESS", "EST", "ASSUMPTION"] as const;
/** A provenance label, one of {@link LABELS}. */
export type Label = (typeof LABELS)[number];

/** Freight classes; a class limits the modes a flow may use (see {@link COMMODITY_LIMITS}). */
export const COMMODITIES = ["general", "express", "cold-chain", "vehicles", "bulk"] as const;
/** A commodity class, one of {@link COMMODITIES}. */
export type Commodity = (typeof COMMODITIES)[number];

/** Days of the week, Monday first, as weekly schedules name them. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** A weekday, one of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

/** "YYYY-MM-DD", a local date in Asia/Shanghai. */
export type IsoDate = string;

/** Where a figure comes from. `source` is a key of the scenario's `sources` table. */
export interface Provenance {
  /** Key of the scenario's `sources` table that the figure comes from. */
  source: string;
  /**
   * What kind of figure it is: a policy goal, an official statistic, a press claim, an estimate or our
   * assumption.
   */
  label: Label;
  /** Free-text remark, e.g. how an estimate was derived. */
  note?: string;
}

/**
 * An entity's own source and label cover all its figures, except those named here: keys are
 * field names ("capacityT", "schedule", "handling.tPerDay") whose figure comes from elsewhere.
 */
export interface Sourced extends Provenance {
  /** Per-field provenance where a figure comes from another source than the entity's own. */
  figures?: Record<string, Provenance>;
}

/** A document a scenario's figures cite, an entry of the scenario's `sources` table. */
export interface SourceRef {
  /** Title of the document. */
  title: string;
  /** Document number, clause or section, e.g. "豫政办〔2024〕40号, clause 10". */
  reference?: string;
  /** Publication date, as the document gives it. */
  date?: string;
  /** Where the document can be read. */
  url?: string;
}

/** Daily handling capacity of a hub; any subset may be given. */
export interface HubHandling {
  /** Tonnes the hub can handle (load plus unload) per day. */
  tPerDay?: number;
  /** Twenty-foot equivalent units the hub can handle per day. */
  teuPerDay?: number;
  /** Trains the hub can handle per day; at border crossings, gauge changes per day. */
  trainsPerDay?: number;
  /** Flights the hub can handle per day. */
  flightsPerDay?: number;
  /** Trucks the hub can handle per day. */
  trucksPerDay?: number;
}

/** A closed period, both dates inclusive. */
export interface Closure {
  /** First closed day. */
  from: IsoDate;
  /** Last closed day. */
  to: IsoDate;
  /** Why it is closed, for reports. */
  reason?: string;
}

/**
 * Minimum transfer time at a hub, keyed by "arrivingMode>departingMode" (e.g. "air>road"),
 * with a required "default" for pairs not listed.
 */
export type TransferTimes = Record<string, number>;

/**
 * A place where freight is loaded, unloaded or transferred: an airport, terminal, port, border
 * crossing or city.
 */
export interface Hub extends Sourced {
  /** Unique id the services, transfers and demand refer to (e.g. "CGO"). */
  id: string;
  /** English name. */
  name: string;
  /** Chinese name. */
  nameZh?: string;
  /** What kind of hub it is. */
  kind: HubKind;
  /** The port group whose throughput this hub counts for; null for hubs that count for none. */
  portGroup: PortGroup | null;
  /** City the hub belongs to; hubs of the scenario's `homeCity` count for its targets. */
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Longitude, decimal degrees (WGS 84). */
  lon: number;
  /** Latitude, decimal degrees (WGS 84). */
  lat: number;
  /** Daily handling limits; absent means the hub is not a bottleneck. */
  handling?: HubHandling;
  /** Minimum minutes to transfer freight between arriving and departing modes at this hub. */
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
  /** Periods the hub is closed: no departures or arrivals. */
  closures?: Closure[];
}

/** An intermediate call; minutes are offsets from the departure at the service's origin. */
export interface Stop {
  /** Id of the hub called at. */
  hub: string;
  /** Minutes after the origin departure that the service arrives here. */
  arriveMin: number;
  /** Minutes after the origin departure that the service leaves here. */
  departMin: number;
}

/** Departures at fixed clock times on given weekdays. */
export interface WeeklySchedule {
  /** Discriminant: a weekly timetable. */
  type: "weekly";
  /** Weekdays with departures. */
  days: Weekday[];
  /** "HH:MM" Asia/Shanghai. */
  times: string[];
}

/**
 * Evenly spaced departures: perWeek departures spaced 10080/perWeek minutes apart from
 * Monday `firstTime`, or perDay departures spaced 1440/perDay apart from `firstTime` daily.
 */
export interface FrequencySchedule {
  /** Discriminant: evenly spaced departures. */
  type: "frequency";
  /** Departures a week (spaced 10080/perWeek minutes from Monday `firstTime`); give this or `perDay`. */
  perWeek?: number;
  /** Departures a day (spaced 1440/perDay minutes from `firstTime`); give this or `perWeek`. */
  perDay?: number;
  /** "HH:MM" Asia/Shanghai of the first departure; default "00:00". */
  firstTime?: string;
}

/** An explicit list of dated departures, for irregular services. */
export interface DepartureListSchedule {
  /** Discriminant: a list of departures. */
  type: "departures";
  /** "YYYY-MM-DDTHH:MM" Asia/Shanghai. */
  at: string[];
}

/** When a service departs: weekly clock times, an even frequency or a list of dated departures. */
export type Schedule = WeeklySchedule | FrequencySchedule | DepartureListSchedule;

/**
 * How a service's trips come about. "scheduled" (the default): every departure of the schedule
 * runs. "on-demand": the schedule's departures are path slots, the most trips that may run; a
 * trip runs only when enough freight is consolidated for it and a vehicle of the pool is at
 * the origin (China-Europe trains, international trucks), so the number run is an output.
 */
export const DISPATCH_KINDS = ["scheduled", "on-demand"] as const;
/** How a service's trips come about, one of {@link DISPATCH_KINDS}. */
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

/** A scheduled or on-demand transport service between two hubs, possibly calling at others on the way. */
export interface Service extends Sourced {
  /** Unique id of the service. */
  id: string;
  /** Services of one line (both directions, several operators) share a line id. */
  line: string;
  /** Transport mode; decides which transfer times apply and which commodities may ride. */
  mode: Mode;
  /** Origin hub id. */
  from: string;
  /** Destination hub id. */
  to: string;
  /** Intermediate calls, in order. */
  via?: Stop[];
  /** Distance origin to destination, km (for tonne-km and CO2). */
  distanceKm: number;
  /** Running time from the origin departure to the destination arrival, minutes. */
  durationMin: number;
  /** Tonnes one trip can carry. */
  capacityT: number;
  /** Twenty-foot equivalent units one trip can carry. */
  capacityTeu?: number;
  /** When the service departs from its origin. */
  schedule: Schedule;
  /** Price to carry one tonne origin to destination, CNY. */
  tariffCnyPerT: number;
  /** True when the service crosses a border (counts for the international targets). */
  international: boolean;
  /** First day with a departure. */
  starts?: IsoDate;
  /** Last day with a departure. */
  ends?: IsoDate;
  /** Periods with no departures (e.g. a line suspended). */
  suspensions?: Closure[];
  /** Carrier running the service. */
  operator?: string;
  /** Vehicle type (aircraft, train set, truck), for reports. */
  vehicle?: string;
  /** Default "scheduled". "on-demand" needs `onDemand`. */
  dispatch?: DispatchKind;
  /** The vehicle pool and dispatch rule; required when `dispatch` is "on-demand". */
  onDemand?: OnDemandDispatch;
}

/** A road link between hubs of one city (airport ↔ land port ↔ HSR station by truck). */
export interface TransferLink extends Sourced {
  /** Hub id at one end (the origin when not bidirectional). */
  from: string;
  /** Hub id at the other end. */
  to: string;
  /** Driving time, minutes. */
  durationMin: number;
  /** Road distance, km. */
  distanceKm: number;
  /** True: usable in both directions. */
  bidirectional: boolean;
}

/** A year's freight between two hubs: the demand the assignment and the simulation carry. */
export interface DemandFlow extends Sourced {
  /** Unique id of the flow. */
  id: string;
  /** Origin hub id, where the freight is released. */
  from: string;
  /** Destination hub id. */
  to: string;
  /** What the freight is; limits the modes it may use and its longest transit. */
  commodity: Commodity;
  /** Tonnes released over the horizon's year. */
  tPerYear: number;
  /** Twenty-foot equivalent units a year, when the flow is containerised. */
  teuPerYear?: number;
  /**
   * What an hour of transit costs the shipper per tonne, CNY; weighs time against tariff in the
   * generalised cost.
   */
  valueOfTimeCnyPerTHour: number;
  /**
   * The flow's own value of time stands even where a fitted choice model sets one per commodity
   * (flow's AssignOptions.valueOfTimeCnyPerTHour). The `update-demand` override sets it, so a
   * what-if's value of time is not replaced by the fit.
   */
  valueOfTimeFixed?: boolean;
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
  /** Last day (inclusive) the flow releases freight; see `releaseFrom`. */
  releaseTo?: IsoDate;
  /** Longest transit from release to delivery, days; default the commodity's limit, if any. */
  maxTransitDays?: number;
}

/**
 * What a commodity physically allows: bulk does not fly or ride high-speed trains, finished
 * vehicles neither; high-speed freight carries parcels (express, cold-chain boxes), not
 * containers; perishables (cold chain) have a longest transit. ASSUMPTION, see seeds/README.md.
 */
export const COMMODITY_LIMITS: Record<
  Commodity,
  {
    /** The modes the commodity may use. */
    modes: readonly Mode[];
    /** Longest transit from release to delivery, days, when the commodity has one. */
    maxTransitDays?: number;
  }
> = {
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
  /** Service ids. */
  ids?: string[];
  /** Services whose id starts with any of these prefixes, e.g. "CRE-" for every China-Europe train. */
  idPrefixes?: string[];
  /** Line ids. */
  lines?: string[];
  /** Modes. */
  modes?: Mode[];
  /** Services calling at any of these hubs (origin, destination or via). */
  hubs?: string[];
  /** Services whose origin is one of these hubs. */
  fromHubs?: string[];
  /** Services whose final destination is one of these hubs. */
  toHubs?: string[];
  /** Only international (true) or only domestic (false) services. */
  international?: boolean;
}

/**
 * Which demand flows an override applies to. Criteria combine with AND; a list matches any of its
 * entries.
 */
export interface DemandSelector {
  /** Flow ids. */
  ids?: string[];
  /** Commodity classes. */
  commodities?: Commodity[];
  /** Flows starting or ending at any of these hubs. */
  hubs?: string[];
}

/** The hub fields an `update-hub` override may change; fields given replace the hub's. */
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

/** The service fields an `update-services` override may change; fields given replace the services'. */
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

/**
 * One change a what-if scenario makes to the scenario it extends, with the source it rests on. `op`
 * says which change; overrides apply in order.
 */
export type Override = Provenance &
  (
    | {
        /** Adds hubs. */
        op: "add-hubs";
        /** The hubs to add; ids must be new. */
        hubs: Hub[];
      }
    | {
        /** Adds services. */
        op: "add-services";
        /** The services to add; ids must be new. */
        services: Service[];
      }
    | {
        /** Adds road transfer links. */
        op: "add-transfers";
        /** The links to add. */
        transfers: TransferLink[];
      }
    | {
        /** Adds demand flows. */
        op: "add-demand";
        /** The flows to add; ids must be new. */
        demand: DemandFlow[];
      }
    | {
        /** Removes the selected services. */
        op: "remove-services";
        /** Which services. */
        select: ServiceSelector;
      }
    | {
        /** Removes the selected demand flows. */
        op: "remove-demand";
        /** Which flows. */
        select: DemandSelector;
      }
    | {
        /** Changes fields of one hub. */
        op: "update-hub";
        /** Id of the hub. */
        hub: string;
        /** The fields to replace. */
        set: HubPatch;
      }
    | {
        /** Changes fields of the selected services. */
        op: "update-services";
        /** Which services. */
        select: ServiceSelector;
        /** The fields to replace. */
        set: ServicePatch;
      }
    | {
        /** Multiplies the capacity of the selected services. */
        op: "scale-services";
        /** Which services. */
        select: ServiceSelector;
        /** Factor applied to capacityT and capacityTeu. */
        capacityFactor: number;
      }
    | {
        /** Closes a hub for a period. */
        op: "close-hub";
        /** Id of the hub. */
        hub: string;
        /** First closed day. */
        from: IsoDate;
        /** Last closed day (inclusive). */
        to: IsoDate;
        /** Why, for reports. */
        reason?: string;
      }
    | {
        /** Suspends the selected services for a period. */
        op: "close-services";
        /** Which services. */
        select: ServiceSelector;
        /** First day without departures. */
        from: IsoDate;
        /** Last day without departures (inclusive). */
        to: IsoDate;
        /** Why, for reports. */
        reason?: string;
      }
    | {
        /** Multiplies the tonnes (and TEU) of the selected demand flows. */
        op: "scale-demand";
        /** Which flows. */
        select: DemandSelector;
        /** Factor applied to tPerYear and teuPerYear. */
        factor: number;
      }
    | {
        /** Changes the allowed modes or the value of time of the selected demand flows. */
        op: "update-demand";
        /** Which flows. */
        select: DemandSelector;
        /** The fields to replace. */
        set: DemandPatch;
      }
    | {
        /** Multiplies the selected services' tariffs (CNY per tonne) by factor (>= 0). */
        op: "scale-tariffs";
        /** Which services. */
        select: ServiceSelector;
        /** Factor applied to tariffCnyPerT. */
        factor: number;
      }
    | {
        /** Multiplies the selected services' departures per week. */
        op: "scale-frequency";
        /** Which services. */
        select: ServiceSelector;
        /**
         * Departures per week are multiplied by this factor (> 0) and rounded to whole
         * departures, halves up; see the "scale-frequency" handler for the exact rule.
         */
        factor: number;
      }
    | {
        /** Moves the selected services from one hub to another from a date on (a relocation). */
        op: "move-services";
        /** Which services. */
        select: ServiceSelector;
        /** The hub the selected services leave; every selected service must call at it. */
        fromHub: string;
        /** The hub that replaces it in the copies. */
        toHub: string;
        /** First day served from toHub: originals run until the day before, copies from this day. */
        on: IsoDate;
        /** Appended to each copy's id. */
        idSuffix: string;
      }
  );

/** The name of an override operation, e.g. "close-hub". */
export type OverrideOp = Override["op"];

/**
 * How departures of one mode vary (simulation). Delays are lognormal with the given mean and
 * coefficient of variation; running times are scaled by a lognormal factor of mean 1.
 */
export interface ModeVariability extends Provenance {
  /** Mean delay of a departure, minutes. */
  departureDelayMeanMin: number;
  /** Coefficient of variation of the departure delay. */
  departureDelayCv: number;
  /** Coefficient of variation of the running-time factor. */
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
  /** Whether the hub closes or a border crossing loses gauge-change capacity. */
  kind: "hub-closure" | "capacity-cut";
  /** Id of the hub affected. */
  hub: string;
  /** Scheduled disruption: first day. */
  from?: IsoDate;
  /** Scheduled disruption: last day (inclusive). */
  to?: IsoDate;
  /** Random disruption: probability that one starts on a given day. */
  probabilityPerDay?: number;
  /** Random disruption: how long it lasts, minutes. */
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
  /** Where `consignmentCv` comes from. */
  consignment: Provenance;
  /** Per mode; a mode not listed runs exactly to its timetable. */
  modes: Partial<Record<Mode, ModeVariability>>;
  /** Coefficient of variation of a gauge change's duration at border crossings (lognormal). */
  gaugeChangeCv: number;
  /** Where `gaugeChangeCv` comes from. */
  gaugeChange: Provenance;
  /** Hub closures and capacity cuts, scheduled or random. */
  disruptions?: Disruption[];
}

/** A scenario as written in a file: either complete, or `extends` another file and overrides it. */
export interface ScenarioFile {
  /** URL or path of the JSON Schema, for editors; ignored by the loader. */
  $schema?: string;
  /** Unique id of the scenario. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** What the scenario is for. */
  description?: string;
  /** Path of the scenario this one extends, relative to this file. */
  extends?: string;
  /** Minute 0 of the timetable: 00:00 Asia/Shanghai on this date; inherited when absent. */
  epoch?: IsoDate;
  /** Days simulated and timetabled from the epoch; inherited when absent. */
  horizonDays?: number;
  /** The city whose ports the targets count; inherited when absent. */
  homeCity?: string;
  /** Documents the figures cite, by key; merged with the extended scenario's. */
  sources?: Record<string, SourceRef>;
  /** Hubs (a complete scenario must give them). */
  hubs?: Hub[];
  /** Services (a complete scenario must give them). */
  services?: Service[];
  /** Road transfer links between hubs. */
  transfers?: TransferLink[];
  /** Demand flows. */
  demand?: DemandFlow[];
  /** Replaces the extended scenario's variability as a whole when given. */
  variability?: Variability;
  /** Changes to the extended scenario, applied in order after the file's own lists. */
  overrides?: Override[];
}

/** Where an applied override came from, kept so reports can show what a scenario changed. */
export interface AppliedOverride {
  /** Scenario file the override was written in. */
  file: string;
  /** Position of the override in that file's `overrides` list (0-based). */
  index: number;
  /** Which operation it was. */
  op: OverrideOp;
  /** Key of the source it rests on. */
  source: string;
  /** Label of that source's figure. */
  label: Label;
  /** The override's note, if it gave one. */
  note?: string;
}

/**
 * A resolved scenario: a file loaded with its `extends` chain followed and overrides applied.
 * Everything the routing, assignment and simulation read.
 */
export interface Scenario {
  /** Unique id of the scenario. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** What the scenario is for. */
  description?: string;
  /** Minute 0 is 00:00 Asia/Shanghai on this date. */
  epoch: IsoDate;
  /** Days timetabled and simulated from the epoch. */
  horizonDays: number;
  /** The city whose ports the targets count (Zhengzhou). */
  homeCity: string;
  /** Documents the figures cite, by key. */
  sources: Record<string, SourceRef>;
  /** Every hub. */
  hubs: Hub[];
  /** Every service. */
  services: Service[];
  /** Road transfer links between hubs. */
  transfers: TransferLink[];
  /** Demand flows. */
  demand: DemandFlow[];
  /** Random elements for the simulation; without it a simulated year runs exactly to plan. */
  variability?: Variability;
  /** Ids of the scenarios this one extends, nearest first. */
  lineage: string[];
  /** Every override applied, in the order applied, for reports. */
  applied: AppliedOverride[];
}
