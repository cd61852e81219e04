import { dayNumber } from "./dates.js";
import type { PathKey } from "./issues.js";
import { didYouMean } from "./suggest.js";
import type { Hub, Provenance, Variability } from "./types.js";

/**
 * Checks a scenario's variability block against the resolved scenario: hubs exist, capacity
 * cuts are at border crossings, each disruption is either scheduled (from/to) or random
 * (probabilityPerDay/durationMin), and sources are known. `add` takes a path inside the block.
 */
export function checkVariability(
  v: Variability,
  hubs: ReadonlyMap<string, Hub>,
  knownSource: (at: PathKey[], p: Provenance) => void,
  add: (at: PathKey[], message: string) => void,
): void {
  knownSource(["consignment"], v.consignment);
  knownSource(["gaugeChange"], v.gaugeChange);
  for (const [mode, mv] of Object.entries(v.modes)) if (mv) knownSource(["modes", mode], mv);
  v.disruptions?.forEach((d, i) => {
    const at = (k: string): PathKey[] => ["disruptions", i, k];
    knownSource(["disruptions", i], d);
    const hub = hubs.get(d.hub);
    if (!hub) add(at("hub"), `unknown hub "${d.hub}"${didYouMean(d.hub, [...hubs.keys()])}`);
    const scheduled = d.from !== undefined || d.to !== undefined;
    const random = d.probabilityPerDay !== undefined || d.durationMin !== undefined;
    if (scheduled === random) {
      add(["disruptions", i], "expected either from and to (scheduled) or probabilityPerDay and durationMin (random)");
    } else if (scheduled) {
      if (d.from === undefined || d.to === undefined) add(at(d.from === undefined ? "from" : "to"), "a scheduled disruption needs both from and to");
      else if (dayNumber(d.from) > dayNumber(d.to)) add(at("to"), `ends (${d.to}) before it starts (${d.from})`);
    } else if (d.probabilityPerDay === undefined || d.durationMin === undefined) {
      add(at(d.probabilityPerDay === undefined ? "probabilityPerDay" : "durationMin"), "a random disruption needs both probabilityPerDay and durationMin");
    }
    if (d.kind === "capacity-cut") {
      if (d.capacityFactor === undefined || d.capacityFactor >= 1) add(at("capacityFactor"), "a capacity cut needs the share of capacity left, 0 <= f < 1");
      if (hub && hub.kind !== "border-crossing") add(at("hub"), `a capacity cut applies to a border crossing; "${hub.id}" is a ${hub.kind}`);
    } else if (d.capacityFactor !== undefined) {
      add(at("capacityFactor"), "only a capacity cut has a capacityFactor");
    }
  });
}
