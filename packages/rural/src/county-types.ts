import type { CsrGraph } from "@fourports/routing";

/** "HH:MM" on a 24-hour clock. */
export type ClockTime = string;

/** Where a figure comes from and how far to trust it (the seeds' labels). */
export type RuralLabel = "TARGET" | "OFF" | "PRESS" | "EST" | "ASSUMPTION";

export interface RuralSource {
  label: RuralLabel;
  source: string;
  note?: string;
}

export interface Point {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export type TownshipStatus = "open" | "candidate";

export interface Township extends Point {
  /** open: a township station runs today; candidate: a site the siting may open. */
  status: TownshipStatus;
}

export interface Village extends Point {
  /** Parcels per day from the county centre to the village (goods down). */
  downParcelsPerDay: number;
  /** Parcels per day from the village to the county centre (farm products up). */
  upParcelsPerDay: number;
  /** Whether a "one-stop" village station (村级寄递物流综合服务站) is open. */
  stationOpen: boolean;
  /** When a van may deliver (the station's opening hours); none: any time of the shift. */
  deliveryWindow?: { open: ClockTime; close: ClockTime };
}

/**
 * A scheduled line through stops (centre, township or village ids), run both ways when
 * `bothWays`. Return trips leave the last stop at the same clock times.
 */
export interface RuralLine {
  id: string;
  name: string;
  stops: string[];
  /** Minutes from each stop to the next (stops.length − 1 entries). */
  runMin: number[];
  departures: ClockTime[];
  /** Parcels one trip may carry; 0 for a bus line that carries no parcels. */
  parcelCapacityPerTrip: number;
  bothWays: boolean;
}

export interface VanFleet {
  id: string;
  /** The station the vans start and end at: a centre or a township id. */
  depot: string;
  count: number;
  capacityParcels: number;
  shiftStart: ClockTime;
  shiftMin: number;
  costCnyPerKm: number;
  speedKmh: number;
}

export type RoadSource =
  | { format: "dimacs"; gr: string; co: string; lengthUnit: "m"; coordScale: number }
  | { format: "geojson"; file: string };

/** A county: its centre(s), township and village stations, roads, lines and vans. */
export interface County {
  kind: "county";
  id: string;
  name: string;
  provenance: { label: RuralLabel; note: string; sources: RuralSource[]; generator?: Record<string, unknown> };
  /** Minute of the day at which the day's parcels are sorted at the centre and ready at villages. */
  parcelReadyClock: ClockTime;
  /** Minutes a van spends at each stop. */
  stopServiceMin: number;
  /** Farthest a station may be from its nearest road node. */
  maxSnapKm: number;
  roads: RoadSource;
  centres: Point[];
  townships: Township[];
  villages: Village[];
  busLines: RuralLine[];
  freightLines: RuralLine[];
  vans: VanFleet[];
}

/** A county with its road graph read and every station snapped to a road node. */
export interface LoadedCounty {
  county: County;
  file: string;
  /** The road graph: weights in km, x/y in lon/lat. */
  road: CsrGraph;
  /** Road node of each station id. */
  roadNode: Record<string, number>;
}
