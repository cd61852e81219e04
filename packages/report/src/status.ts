import type { TargetRow } from "@fourports/planner";

/**
 * A target's status in words, as the terminal and the report both show it (the raw value, such
 * as "within-ceiling", stays in the JSON and CSV). One table, so `fourports baseline` and the
 * HTML report never word a status differently.
 */
export const STATUS_TEXT: Readonly<Record<TargetRow["status"], string>> = {
  "within-ceiling": "reachable at ≤100% load",
  "beyond-ceiling": "CANNOT REACH even at 100% load",
  met: "met by the network",
  assumed: "met only by ASSUMPTION",
  "not-met": "NOT MET by the network",
  reported: "reported (no threshold)",
  "not-computed": "not computed",
};
