import {
  BOUNDS,
  checkChoiceOption,
  checkClockOption,
  checkNumberOption,
  checkOptionsObject,
  LIMITS,
} from "@fourports/network";
import type { AssignOptions } from "./assign-types.js";

/**
 * Checks assignDemand's options before any work: a NaN logit scale made every share NaN and the
 * placing loop never finished, so every number is finite and bounded.
 */
export function checkAssignOptions(options: AssignOptions): void {
  const where = "assignDemand";
  checkOptionsObject(where, options);
  checkClockOption(`${where}: releaseTime`, options.releaseTime);
  checkNumberOption(`${where}: maxTransitDays`, options.maxTransitDays, { integer: true, min: 1, max: LIMITS.horizonDays });
  checkChoiceOption(`${where}: choice`, options.choice, ["earliest", "cost", "logit"]);
  checkNumberOption(`${where}: k`, options.k, { integer: true, min: 1, max: 100 });
  checkNumberOption(`${where}: logitScale`, options.logitScale, { min: 0, max: 1000 });
  for (const [c, v] of Object.entries(options.valueOfTimeCnyPerTHour ?? {})) {
    checkNumberOption(`${where}: valueOfTimeCnyPerTHour.${c}`, v, { min: 0, max: BOUNDS.valueOfTimeCnyPerTHour });
  }
  for (const [m, v] of Object.entries(options.modeConstantCnyPerT ?? {})) {
    checkNumberOption(`${where}: modeConstantCnyPerT.${m}`, v, { min: -BOUNDS.tariffCnyPerT, max: BOUNDS.tariffCnyPerT });
  }
}
