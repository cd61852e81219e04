import type { UnservedReason } from "@fourports/flow";

/**
 * One entry of a replication's event log. Consignments are numbered in the order they are
 * made; `t` is minutes since the scenario epoch. A log is streamed (onEvent), never kept.
 */
export type SimLogEvent =
  | { t: number; kind: "release"; k: number; flow: string; tonnes: number }
  | { t: number; kind: "split"; k: number; into: number; tonnes: number }
  | { t: number; kind: "board"; k: number; trip: number; conn: number; tonnes: number }
  | { t: number; kind: "alight"; k: number; trip: number; conn: number; tonnes: number }
  | { t: number; kind: "missed"; k: number; conn: number }
  | { t: number; kind: "deliver"; k: number; tonnes: number }
  | { t: number; kind: "unserved"; k: number; tonnes: number; reason: UnservedReason }
  | { t: number; kind: "depart"; trip: number; service: string; capacityT: number }
  | { t: number; kind: "cancel"; trip: number; service: string; why: "random" | "not enough cargo" | "no vehicle" };
