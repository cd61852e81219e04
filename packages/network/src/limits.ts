/**
 * Resource limits and value bounds, in one place so the schema, the loader, the timetable and
 * the README agree. Each is far above any real freight network and far below what would exhaust
 * memory or overflow the engine's 32-bit minute arrays; a value past one is an error naming the
 * limit, found before anything large is allocated.
 */
export interface Limits {
  /** Size of a scenario file, in bytes (the seeds are under 150 kB). */
  readonly fileBytes: number;
  /** Nesting of arrays and objects in a scenario (a scenario needs about 7). */
  readonly nestingDepth: number;
  /** Files in an `extends` chain, the scenario itself included. */
  readonly extendsDepth: number;
  /** Characters in an id (hub, service, line, demand, source key). */
  readonly idLength: number;
  /** Characters in a name, note or other free text. */
  readonly textLength: number;
  /** Hubs in one list: a scenario file's, or an add-hubs override's. */
  readonly hubs: number;
  /** Services in one list: a scenario file's, or an add-services override's. */
  readonly services: number;
  /** Transfer links in one list: a scenario file's, or an add-transfers override's. */
  readonly transfers: number;
  /** Demand flows in one list: a scenario file's, or an add-demand override's. */
  readonly demandFlows: number;
  /** Overrides in one scenario file. */
  readonly overrides: number;
  /** Items in any other array of a scenario (via stops, listed departures, closures). */
  readonly arrayItems: number;
  /** Days of a scenario horizon (about ten years). */
  readonly horizonDays: number;
  /** Connections of an expanded timetable (each takes about 150 bytes while it is built). */
  readonly connections: number;
  /** Overrides × entities (hubs, services, transfers, demand): each override visits them all. */
  readonly overrideSteps: number;
}

/** The resource limits the loader and the timetable enforce (see {@link Limits}). */
export const LIMITS: Limits = {
  fileBytes: 16 * 1024 * 1024,
  nestingDepth: 64,
  extendsDepth: 16,
  idLength: 128,
  textLength: 10_000,
  hubs: 10_000,
  services: 100_000,
  transfers: 100_000,
  demandFlows: 100_000,
  overrides: 10_000,
  arrayItems: 100_000,
  horizonDays: 3660,
  connections: 5_000_000,
  overrideSteps: 20_000_000,
};

/**
 * Bounds of the numbers in a scenario. Minutes: a leg, dwell or transfer lasts at most 100
 * days, so every minute the engine computes (horizon + legs + transfers) stays below 2^23,
 * well inside the int32 arrays of the timetable.
 */
export interface Bounds {
  /** Longest leg, dwell or transfer, minutes (100 days). */
  readonly legMin: number;
  /** Most departures a day a frequency schedule may give (one a minute). */
  readonly perDay: number;
  /** Most departures a week a frequency schedule may give (one a minute). */
  readonly perWeek: number;
  /** Longest distance of a service or link, km (Earth's circumference is 40,075 km). */
  readonly distanceKm: number;
  /** Largest capacity of one departure, tonnes. */
  readonly capacityTPerDeparture: number;
  /** Largest capacity of one departure, TEU. */
  readonly capacityTeuPerDeparture: number;
  /** Largest daily handling figure of a hub (tonnes, TEU, trains, flights or trucks a day). */
  readonly handlingPerDay: number;
  /** Largest tariff, CNY per tonne. */
  readonly tariffCnyPerT: number;
  /** Largest value of time, CNY per tonne-hour. */
  readonly valueOfTimeCnyPerTHour: number;
  /** Largest demand of one flow, tonnes a year. */
  readonly tPerYear: number;
  /** Largest monthly seasonality weight. */
  readonly seasonalityWeight: number;
  /** Largest factor of a scale-services or scale-demand override. */
  readonly scaleFactor: number;
  /** Vehicles in an on-demand service's pool. */
  readonly vehiclesPerPool: number;
}

/** The bounds the schema and the loader check the numbers of a scenario against (see {@link Bounds}). */
export const BOUNDS: Bounds = {
  legMin: 100 * 1440,
  perDay: 1440,
  perWeek: 10_080,
  distanceKm: 50_000,
  capacityTPerDeparture: 10_000_000,
  capacityTeuPerDeparture: 1_000_000,
  handlingPerDay: 1_000_000_000,
  tariffCnyPerT: 10_000_000,
  valueOfTimeCnyPerTHour: 1_000_000,
  tPerYear: 100_000_000_000,
  seasonalityWeight: 1_000_000,
  scaleFactor: 1_000_000,
  vehiclesPerPool: 100_000,
};

/**
 * Did-you-mean looks at words up to wordLength characters, at most `candidates` candidates per
 * word, and spends at most stepsPerCall steps (letters read, cells of the edit-distance table)
 * on one word and stepsPerLoad on one load.
 */
export const SUGGEST_LIMITS: {
  /** Characters of the longest word looked at. */
  readonly wordLength: number;
  /** Most candidates compared per word. */
  readonly candidates: number;
  /** Most steps spent on one word. */
  readonly stepsPerCall: number;
  /** Most steps spent on one load. */
  readonly stepsPerLoad: number;
} = {
  wordLength: 64,
  candidates: 10_000,
  stepsPerCall: 2_000_000,
  stepsPerLoad: 100_000_000,
};
