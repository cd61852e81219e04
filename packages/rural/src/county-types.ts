import type { CsrGraph } from "@fourports/routing";

/** "HH:MM" on a 24-hour clock. */
export type ClockTime = string;

/** Where a figure comes from and how far to trust it (the seeds' labels). */
export type RuralLabel = "TARGET" | "OFF" | "PRESS" | "EST" | "ASSUMPTION";

/** A document a county's figures come from, with its label. */
export interface RuralSource {
  /** How far to trust the figure. */
  label: RuralLabel;
  /** The document: title, table or URL. */
  source: string;
  /** Free-text remark. */
  note?: string;
}

/** A named place of a county: a centre, township or village station. */
export interface Point {
  /** Unique id within the county. */
  id: string;
  /** Name of the place. */
  name: string;
  /** Longitude, decimal degrees (WGS 84). */
  lon: number;
  /** Latitude, decimal degrees (WGS 84). */
  lat: number;
}

/** Whether a township station runs today ("open") or is a site the siting may open ("candidate"). */
export type TownshipStatus = "open" | "candidate";

/** A township and its station. */
export interface Township extends Point {
  /** open: a township station runs today; candidate: a site the siting may open. */
  status: TownshipStatus;
}

/** A village, its daily parcels and its station. */
export interface Village extends Point {
  /** Parcels per day from the county centre to the village (goods down). */
  downParcelsPerDay: number;
  /** Parcels per day from the village to the county centre (farm products up). */
  upParcelsPerDay: number;
  /** Whether a "one-stop" village station (村级寄递物流综合服务站) is open. */
  stationOpen: boolean;
  /** When a van may deliver (the station's opening hours); none: any time of the shift. */
  deliveryWindow?: {
    /** First minute a van may deliver. */
    open: ClockTime;
    /** Last minute a van may deliver. */
    close: ClockTime;
  };
}

/**
 * A scheduled line through stops (centre, township or village ids), run both ways when
 * `bothWays`. Return trips leave the last stop at the same clock times.
 */
export interface RuralLine {
  /** Unique id of the line. */
  id: string;
  /** Name of the line. */
  name: string;
  /** Station ids served, in order. */
  stops: string[];
  /** Minutes from each stop to the next (stops.length − 1 entries). */
  runMin: number[];
  /** Departures from the first stop (and, when bothWays, from the last stop), every day. */
  departures: ClockTime[];
  /** Parcels one trip may carry; 0 for a bus line that carries no parcels. */
  parcelCapacityPerTrip: number;
  /** Whether the line also runs from the last stop back to the first. */
  bothWays: boolean;
}

/** A depot's delivery vans, all alike. */
export interface VanFleet {
  /** Unique id of the fleet. */
  id: string;
  /** The station the vans start and end at: a centre or a township id. */
  depot: string;
  /** Vans in the fleet. */
  count: number;
  /** Parcels one van carries. */
  capacityParcels: number;
  /** When the vans' shift starts. */
  shiftStart: ClockTime;
  /** Length of the shift, minutes; a van's route must end within it. */
  shiftMin: number;
  /** Running cost of a van, CNY per km. */
  costCnyPerKm: number;
  /** Average road speed of a van, km/h. */
  speedKmh: number;
}

/** Where a county's road graph comes from. */
export type RoadSource =
  /** A DIMACS road graph: arc lengths in metres, coordinates as integers. */
  | {
      /** Which format the roads are in. */
      format: "dimacs";
      /** The `.gr` file (arcs and lengths), relative to the county file. */
      gr: string;
      /** The `.co` file (node coordinates), relative to the county file. */
      co: string;
      /** Unit of the arc lengths; metres is the only one read. */
      lengthUnit: "m";
      /** The `.co` file stores lon and lat times this factor (1e6 in the 9th DIMACS challenge). */
      coordScale: number;
    }
  /** A GeoJSON file of LineStrings in lon/lat; segment lengths are great-circle km. */
  | {
      /** Which format the roads are in. */
      format: "geojson";
      /** The GeoJSON file, relative to the county file. */
      file: string;
    };

/** A county: its centre(s), township and village stations, roads, lines and vans. */
export interface County {
  /** Discriminant: a county file. */
  kind: "county";
  /** Unique id of the county. */
  id: string;
  /** Name of the county. */
  name: string;
  /** Where the county comes from: a real county's figures, or the generator and its parameters. */
  provenance: {
    /** How far to trust the county as a whole. */
    label: RuralLabel;
    /** What the county is, e.g. "GENERATED, not a real county: …". */
    note: string;
    /** The statistics its counts and densities follow. */
    sources: RuralSource[];
    /** The generator's parameters, for a generated county. */
    generator?: Record<string, unknown>;
  };
  /** Minute of the day at which the day's parcels are sorted at the centre and ready at villages. */
  parcelReadyClock: ClockTime;
  /** Minutes a van spends at each stop. */
  stopServiceMin: number;
  /** Farthest a station may be from its nearest road node. */
  maxSnapKm: number;
  /** The road graph file(s). */
  roads: RoadSource;
  /** County logistics centres, where the day's parcels are sorted. */
  centres: Point[];
  /** Township stations, open or candidate. */
  townships: Township[];
  /** Villages. */
  villages: Village[];
  /** Bus lines; those with parcel room carry parcels. */
  busLines: RuralLine[];
  /** Freight lines that carry only parcels. */
  freightLines: RuralLine[];
  /** Delivery van fleets. */
  vans: VanFleet[];
}

/** A county with its road graph read and every station snapped to a road node. */
export interface LoadedCounty {
  /** The county file as read. */
  county: County;
  /** Path of the county file. */
  file: string;
  /** The road graph: weights in km, x/y in lon/lat. */
  road: CsrGraph;
  /** Road node of each station id. */
  roadNode: Record<string, number>;
}
