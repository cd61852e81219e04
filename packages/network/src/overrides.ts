import type { Origins } from "./check.js";
import type { IssueList, PathKey } from "./issues.js";
import { LIMITS } from "./limits.js";
import { applyOne } from "./override-ops.js";
import { didYouMean } from "./suggest.js";
import type { Override, Scenario } from "./types.js";

/** Where the overrides being applied stand, so every problem points into their file. */
export interface OverrideTarget {
  file: string;
  /** Path of the overrides array in that file, normally ["overrides"]. */
  at: PathKey[];
  list: IssueList;
  origins: Origins;
}

/**
 * Each override visits every entity, so a list of them costs overrides × entities: refused past
 * LIMITS.overrideSteps before any is applied.
 */
function withinOverrideSteps(sc: Scenario, overrides: Override[], t: OverrideTarget): boolean {
  const steps = overrides.length * (sc.hubs.length + sc.services.length + sc.demand.length + sc.transfers.length);
  if (steps <= LIMITS.overrideSteps) return true;
  t.list.add(t.at, `${overrides.length} overrides on a scenario of ${sc.hubs.length + sc.services.length + sc.demand.length + sc.transfers.length} entities take ${steps} steps, more than the limit of ${LIMITS.overrideSteps} (overrides × entities); use fewer overrides (one selector can name many services)`);
  return false;
}

/** Applies overrides in order to a resolved scenario; never mutates it. */
export function applyOverridesTo(sc: Scenario, overrides: Override[], t: OverrideTarget): Scenario {
  if (!withinOverrideSteps(sc, overrides, t)) return sc;
  let out: Scenario = { ...sc, applied: [...sc.applied] };
  overrides.forEach((o, index) => {
    const at: PathKey[] = [...t.at, index];
    const before = t.list.issues.length;
    if (!Object.hasOwn(out.sources, o.source)) {
      t.list.add([...at, "source"], `unknown source "${o.source}"${didYouMean(o.source, Object.keys(out.sources))}; add it to "sources"`);
    }
    out = applyOne(out, o, at, t);
    if (t.list.issues.length === before) {
      out.applied.push({
        file: t.file,
        index,
        op: o.op,
        source: o.source,
        label: o.label,
        ...(o.note !== undefined ? { note: o.note } : {}),
      });
    }
  });
  return out;
}
