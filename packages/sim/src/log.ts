import type { UnservedReason } from "@fourports/flow";

/**
 * One entry of a replication's event log. Consignments are numbered in the order they are
 * made; `t` is minutes since the scenario epoch. A log is streamed (onEvent), never kept.
 */
export type SimLogEvent =
  /** A flow released a consignment at its origin. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "release";
    /** Consignment number. */
    k: number;
    /** Id of the demand flow. */
    flow: string;
    /** Tonnes released. */
    tonnes: number;
  }
  /** A consignment was split because its departure had too little room; `k` keeps what fits. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "split";
    /** Consignment number. */
    k: number;
    /** Number of the new consignment holding the rest. */
    into: number;
    /** Tonnes moved to the new consignment. */
    tonnes: number;
  }
  /** A consignment boarded a trip. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "board";
    /** Consignment number. */
    k: number;
    /** Trip number. */
    trip: number;
    /** Connection boarded. */
    conn: number;
    /** Tonnes boarded. */
    tonnes: number;
  }
  /** A consignment left a trip. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "alight";
    /** Consignment number. */
    k: number;
    /** Trip number. */
    trip: number;
    /** Connection alighted from. */
    conn: number;
    /** Tonnes alighted. */
    tonnes: number;
  }
  /** A consignment missed a departure it was booked on. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "missed";
    /** Consignment number. */
    k: number;
    /** Connection missed. */
    conn: number;
  }
  /** A consignment reached its destination. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "deliver";
    /** Consignment number. */
    k: number;
    /** Tonnes delivered. */
    tonnes: number;
  }
  /** A consignment was given up. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "unserved";
    /** Consignment number. */
    k: number;
    /** Tonnes not served. */
    tonnes: number;
    /** Why. */
    reason: UnservedReason;
  }
  /** A trip left its origin. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "depart";
    /** Trip number. */
    trip: number;
    /** Service id. */
    service: string;
    /** Tonnes the trip can carry. */
    capacityT: number;
  }
  /** A trip did not run. */
  | {
    /** Minutes since the scenario epoch. */
    t: number;
    /** The kind of event. */
    kind: "cancel";
    /** Trip number. */
    trip: number;
    /** Service id. */
    service: string;
    /** A random cancellation, an on-demand slot below its minimum load, or no vehicle of the pool at the origin. */
    why: "random" | "not enough cargo" | "no vehicle";
  };
