import type { IssueList, PathKey } from "./issues.js";
import { didYouMean } from "./suggest.js";
import type { DemandFlow, DemandSelector, Scenario, Service, ServiceSelector } from "./types.js";

// The selections of overrides: every named id, line and hub must exist (a typo is an error,
// not an empty selection), and a selection that matches nothing is an error too, so an
// override never silently does nothing.

const lazy = (make: () => Set<string>): (() => Set<string>) => {
  let made: Set<string> | undefined;
  return () => (made ??= make());
};

/** The services a selector picks, or null after reporting why it picks none. */
export function servicesMatching(
  sc: Scenario,
  sel: ServiceSelector,
  at: PathKey[],
  list: IssueList,
): Set<Service> | null {
  if (Object.keys(sel).length === 0) {
    list.add(at, "expected at least one of ids, idPrefixes, lines, modes, hubs, fromHubs, toHubs, international");
    return null;
  }
  // Sets of the selector's values, so many ids over many services cost linear time, not their
  // product; the pools of every id and line are built only when a value is not found.
  const ids = sel.ids && new Set(sel.ids);
  const lines = sel.lines && new Set(sel.lines);
  const modes = sel.modes && new Set<string>(sel.modes);
  const hubs = sel.hubs && new Set(sel.hubs);
  const fromHubs = sel.fromHubs && new Set(sel.fromHubs);
  const toHubs = sel.toHubs && new Set(sel.toHubs);
  const prefixes = sel.idPrefixes;
  const seenIds = new Set<string>();
  const seenLines = new Set<string>();
  const seenPrefixes = new Set<string>();
  for (const s of sc.services) {
    if (ids?.has(s.id)) seenIds.add(s.id);
    if (lines?.has(s.line)) seenLines.add(s.line);
    prefixes?.forEach((p) => s.id.startsWith(p) && seenPrefixes.add(p));
  }
  let ok = true;
  const known = (values: string[] | undefined, seen: ReadonlySet<string>, pool: () => Set<string>, key: string, what: string): void =>
    values?.forEach((v, i) => {
      if (!seen.has(v)) {
        list.add([...at, key, i], `unknown ${what} "${v}"${didYouMean(v, pool())}`);
        ok = false;
      }
    });
  const hubPool = lazy(() => new Set(sc.hubs.map((h) => h.id)));
  const idPool = lazy(() => new Set(sc.services.map((s) => s.id)));
  known(sel.ids, seenIds, idPool, "ids", "service");
  known(sel.lines, seenLines, lazy(() => new Set(sc.services.map((s) => s.line))), "lines", "line");
  for (const key of ["hubs", "fromHubs", "toHubs"] as const) known(sel[key], sel[key] ? hubPool() : new Set(), hubPool, key, "hub");
  prefixes?.forEach((p, i) => {
    if (!seenPrefixes.has(p)) {
      list.add([...at, "idPrefixes", i], `no service id starts with "${p}"`);
      ok = false;
    }
  });
  if (!ok) return null;
  const matched = new Set(
    sc.services.filter(
      (s) =>
        (!ids || ids.has(s.id)) &&
        (!prefixes || prefixes.some((p) => s.id.startsWith(p))) &&
        (!lines || lines.has(s.line)) &&
        (!modes || modes.has(s.mode)) &&
        (!fromHubs || fromHubs.has(s.from)) &&
        (!toHubs || toHubs.has(s.to)) &&
        (sel.international === undefined || sel.international === s.international) &&
        (!hubs || hubs.has(s.from) || hubs.has(s.to) || (s.via?.some((v) => hubs.has(v.hub)) ?? false)),
    ),
  );
  if (matched.size === 0) {
    list.add(at, "this selection matches no service");
    return null;
  }
  return matched;
}

/** The demand flows a selector picks, or null after reporting why it picks none. */
export function demandMatching(
  sc: Scenario,
  sel: DemandSelector,
  at: PathKey[],
  list: IssueList,
): Set<DemandFlow> | null {
  if (Object.keys(sel).length === 0) {
    list.add(at, "expected at least one of ids, commodities, hubs");
    return null;
  }
  let ok = true;
  const ids = new Set(sc.demand.map((d) => d.id));
  sel.ids?.forEach((v, i) => {
    if (!ids.has(v)) {
      list.add([...at, "ids", i], `unknown demand flow "${v}"${didYouMean(v, ids)}`);
      ok = false;
    }
  });
  const hubs = new Set(sc.hubs.map((h) => h.id));
  sel.hubs?.forEach((v, i) => {
    if (!hubs.has(v)) {
      list.add([...at, "hubs", i], `unknown hub "${v}"${didYouMean(v, hubs)}`);
      ok = false;
    }
  });
  if (!ok) return null;
  const idSet = sel.ids && new Set(sel.ids);
  const commodities = sel.commodities && new Set<string>(sel.commodities);
  const hubSet = sel.hubs && new Set(sel.hubs);
  const matched = new Set(
    sc.demand.filter(
      (d) =>
        (!idSet || idSet.has(d.id)) &&
        (!commodities || commodities.has(d.commodity)) &&
        (!hubSet || hubSet.has(d.from) || hubSet.has(d.to)),
    ),
  );
  if (matched.size === 0) {
    list.add(at, "this selection matches no demand flow");
    return null;
  }
  return matched;
}
