import {
  checkDemandLocal,
  checkHubLocal,
  checkServiceLocal,
  checkTransferLocal,
  type LocalProblem,
  type Origins,
} from "./check.js";
import { dateOfDayNumber, dayNumber } from "./dates.js";
import type { IssueList, PathKey } from "./issues.js";
import { BOUNDS, LIMITS } from "./limits.js";
import { didYouMean } from "./suggest.js";
import type {
  Closure,
  DemandFlow,
  DemandSelector,
  Hub,
  Override,
  Scenario,
  Service,
  ServiceSelector,
} from "./types.js";

/** Where the overrides being applied stand, so every problem points into their file. */
export interface OverrideTarget {
  file: string;
  /** Path of the overrides array in that file, normally ["overrides"]. */
  at: PathKey[];
  list: IssueList;
  origins: Origins;
}

function sortClosures(cs: Closure[]): Closure[] {
  return [...cs].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

function servicesMatching(
  sc: Scenario,
  sel: ServiceSelector,
  at: PathKey[],
  list: IssueList,
): Set<Service> | null {
  const keys = Object.keys(sel);
  if (keys.length === 0) {
    list.add(at, "expected at least one of ids, lines, modes, hubs, international");
    return null;
  }
  // Sets of the selector's values, so many ids over many services cost linear time, not their
  // product; the pools of every id and line are built only when a value is not found.
  const ids = sel.ids && new Set(sel.ids);
  const lines = sel.lines && new Set(sel.lines);
  const modes = sel.modes && new Set<string>(sel.modes);
  const hubs = sel.hubs && new Set(sel.hubs);
  const seenIds = new Set<string>();
  const seenLines = new Set<string>();
  for (const s of sc.services) {
    if (ids?.has(s.id)) seenIds.add(s.id);
    if (lines?.has(s.line)) seenLines.add(s.line);
  }
  let ok = true;
  const known = (values: string[] | undefined, seen: ReadonlySet<string>, pool: () => Set<string>, key: string, what: string): void =>
    values?.forEach((v, i) => {
      if (!seen.has(v)) {
        list.add([...at, key, i], `unknown ${what} "${v}"${didYouMean(v, pool())}`);
        ok = false;
      }
    });
  const lazy = (make: () => Set<string>): (() => Set<string>) => {
    let made: Set<string> | undefined;
    return () => (made ??= make());
  };
  const hubPool = lazy(() => new Set(sc.hubs.map((h) => h.id)));
  known(sel.ids, seenIds, lazy(() => new Set(sc.services.map((s) => s.id))), "ids", "service");
  known(sel.lines, seenLines, lazy(() => new Set(sc.services.map((s) => s.line))), "lines", "line");
  known(sel.hubs, sel.hubs ? hubPool() : new Set(), hubPool, "hubs", "hub");
  if (!ok) return null;
  const matched = new Set(
    sc.services.filter(
      (s) =>
        (!ids || ids.has(s.id)) &&
        (!lines || lines.has(s.line)) &&
        (!modes || modes.has(s.mode)) &&
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

function demandMatching(
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

function report(list: IssueList, at: PathKey[], problems: LocalProblem[], prefix = ""): void {
  for (const p of problems) list.add([...at, ...p.at], prefix + p.message);
}

/**
 * Problems of an entity changed by a patch: shown at the patched field when the patch wrote
 * it, otherwise at the override with the entity named.
 */
function reportPatched(
  list: IssueList,
  at: PathKey[],
  patch: object,
  what: string,
  problems: LocalProblem[],
): void {
  for (const p of problems) {
    const first = p.at[0];
    if (typeof first === "string" && Object.hasOwn(patch, first)) list.add([...at, "set", ...p.at], p.message);
    else list.add(at, `after this change, ${what}: ${p.at.join(".")}: ${p.message}`);
  }
}

/**
 * Overrides derive values (a scaled capacity) the schema never saw; they must stay inside the
 * same bounds, or a what-if could produce what no file may contain.
 */
function withinBound(list: IssueList, at: PathKey[], what: string, value: number, max: number): void {
  if (!(value <= max)) list.add(at, `gives ${what} = ${value}, above the limit of ${max}`);
}

function checkPeriod(list: IssueList, at: PathKey[], from: string, to: string): boolean {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (Number.isNaN(a)) list.add([...at, "from"], `"${from}" is not a calendar date`);
  if (Number.isNaN(b)) list.add([...at, "to"], `"${to}" is not a calendar date`);
  if (a > b) list.add([...at, "to"], `ends (${to}) before it starts (${from})`);
  return a <= b;
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

function applyOne(sc: Scenario, o: Override, at: PathKey[], t: OverrideTarget): Scenario {
  const { list, origins } = t;
  const hubIds = new Set(sc.hubs.map((h) => h.id));
  const findHub = (id: string): Hub | undefined => {
    const hub = sc.hubs.find((h) => h.id === id);
    if (!hub) list.add([...at, "hub"], `unknown hub "${id}"${didYouMean(id, hubIds)}`);
    return hub;
  };
  const replaceHub = (old: Hub, next: Hub): Scenario => {
    const origin = origins.get(old);
    if (origin) origins.set(next, origin);
    return { ...sc, hubs: sc.hubs.map((h) => (h === old ? next : h)) };
  };
  const mapServices = (matched: Set<Service>, f: (s: Service) => Service): Scenario => ({
    ...sc,
    services: sc.services.map((s) => {
      if (!matched.has(s)) return s;
      const next = f(s);
      const origin = origins.get(s);
      if (origin) origins.set(next, origin);
      return next;
    }),
  });
  const added = <T extends object>(key: string, items: T[], check: (x: T) => LocalProblem[]): void =>
    items.forEach((x, j) => {
      origins.set(x, { file: t.file, path: [...at, key, j] });
      report(list, [...at, key, j], check(x));
    });

  switch (o.op) {
    case "add-hubs":
      added("hubs", o.hubs, checkHubLocal);
      return { ...sc, hubs: [...sc.hubs, ...o.hubs] };
    case "add-services":
      added("services", o.services, checkServiceLocal);
      return { ...sc, services: [...sc.services, ...o.services] };
    case "add-transfers":
      added("transfers", o.transfers, checkTransferLocal);
      return { ...sc, transfers: [...sc.transfers, ...o.transfers] };
    case "add-demand":
      added("demand", o.demand, checkDemandLocal);
      return { ...sc, demand: [...sc.demand, ...o.demand] };
    case "remove-services": {
      const m = servicesMatching(sc, o.select, [...at, "select"], list);
      return m ? { ...sc, services: sc.services.filter((s) => !m.has(s)) } : sc;
    }
    case "remove-demand": {
      const m = demandMatching(sc, o.select, [...at, "select"], list);
      return m ? { ...sc, demand: sc.demand.filter((d) => !m.has(d)) } : sc;
    }
    case "update-hub": {
      const old = findHub(o.hub);
      if (!old) return sc;
      // handling and transferMin are merged field by field: a patch names what changes.
      const next: Hub = {
        ...old,
        ...o.set,
        ...(o.set.handling ? { handling: { ...old.handling, ...o.set.handling } } : {}),
        ...(o.set.transferMin ? { transferMin: { ...old.transferMin, ...o.set.transferMin } } : {}),
      };
      reportPatched(list, at, o.set, `hub "${old.id}"`, checkHubLocal(next));
      return replaceHub(old, next);
    }
    case "update-services": {
      const m = servicesMatching(sc, o.select, [...at, "select"], list);
      if (!m) return sc;
      return mapServices(m, (s) => {
        const next: Service = { ...s, ...o.set };
        reportPatched(list, at, o.set, `service "${s.id}"`, checkServiceLocal(next));
        return next;
      });
    }
    case "scale-services": {
      const m = servicesMatching(sc, o.select, [...at, "select"], list);
      if (!m) return sc;
      return mapServices(m, (s) => {
        const next: Service = {
          ...s,
          capacityT: s.capacityT * o.capacityFactor,
          ...(s.capacityTeu !== undefined ? { capacityTeu: s.capacityTeu * o.capacityFactor } : {}),
        };
        withinBound(list, [...at, "capacityFactor"], `service "${s.id}" capacityT`, next.capacityT, BOUNDS.capacityTPerDeparture);
        withinBound(list, [...at, "capacityFactor"], `service "${s.id}" capacityTeu`, next.capacityTeu ?? 0, BOUNDS.capacityTeuPerDeparture);
        return next;
      });
    }
    case "close-hub": {
      const old = findHub(o.hub);
      if (!old || !checkPeriod(list, at, o.from, o.to)) return sc;
      const closure: Closure = { from: o.from, to: o.to, ...(o.reason ? { reason: o.reason } : {}) };
      return replaceHub(old, { ...old, closures: sortClosures([...(old.closures ?? []), closure]) });
    }
    case "close-services": {
      const m = servicesMatching(sc, o.select, [...at, "select"], list);
      if (!m || !checkPeriod(list, at, o.from, o.to)) return sc;
      const closure: Closure = { from: o.from, to: o.to, ...(o.reason ? { reason: o.reason } : {}) };
      return mapServices(m, (s) => ({ ...s, suspensions: sortClosures([...(s.suspensions ?? []), closure]) }));
    }
    case "move-services": {
      const m = servicesMatching(sc, o.select, [...at, "select"], list);
      const fromHub = sc.hubs.find((h) => h.id === o.fromHub);
      const toHub = sc.hubs.find((h) => h.id === o.toHub);
      if (o.fromHub === o.toHub) {
        list.add([...at, "toHub"], `same as "fromHub" (${o.fromHub}); a move needs two different hubs`);
        return sc;
      }
      if (!fromHub) list.add([...at, "fromHub"], `unknown hub "${o.fromHub}"${didYouMean(o.fromHub, hubIds)}`);
      if (!toHub) list.add([...at, "toHub"], `unknown hub "${o.toHub}"${didYouMean(o.toHub, hubIds)}`);
      const on = dayNumber(o.on);
      if (Number.isNaN(on)) list.add([...at, "on"], `"${o.on}" is not a calendar date`);
      if (!m || !fromHub || !toHub || Number.isNaN(on)) return sc;
      const calls = (s: Service): boolean =>
        s.from === o.fromHub || s.to === o.fromHub || (s.via?.some((v) => v.hub === o.fromHub) ?? false);
      const stray = [...m].filter((s) => !calls(s)).map((s) => s.id);
      if (stray.length > 0) {
        list.add([...at, "select"], `selected services that do not call at "${o.fromHub}": ${stray.join(", ")}`);
        return sc;
      }
      const dayBefore = dateOfDayNumber(on - 1);
      const swap = (h: string): string => (h === o.fromHub ? o.toHub : h);
      const copies: Service[] = [];
      const services = sc.services.map((s) => {
        if (!m.has(s)) return s;
        const copy: Service = {
          ...s,
          id: `${s.id}${o.idSuffix}`,
          from: swap(s.from),
          to: swap(s.to),
          ...(s.via ? { via: s.via.map((v) => ({ ...v, hub: swap(v.hub) })) } : {}),
          starts: s.starts !== undefined && dayNumber(s.starts) > on ? s.starts : o.on,
        };
        origins.set(copy, { file: t.file, path: at });
        copies.push(copy);
        const next: Service = { ...s, ends: s.ends !== undefined && dayNumber(s.ends) < on - 1 ? s.ends : dayBefore };
        const origin = origins.get(s);
        if (origin) origins.set(next, origin);
        return next;
      });
      return { ...sc, services: [...services, ...copies] };
    }
    case "scale-demand": {
      const m = demandMatching(sc, o.select, [...at, "select"], list);
      if (!m) return sc;
      return {
        ...sc,
        demand: sc.demand.map((d) => {
          if (!m.has(d)) return d;
          const next: DemandFlow = {
            ...d,
            tPerYear: d.tPerYear * o.factor,
            ...(d.teuPerYear !== undefined ? { teuPerYear: d.teuPerYear * o.factor } : {}),
          };
          withinBound(list, [...at, "factor"], `demand "${d.id}" tPerYear`, next.tPerYear, BOUNDS.tPerYear);
          withinBound(list, [...at, "factor"], `demand "${d.id}" teuPerYear`, next.teuPerYear ?? 0, BOUNDS.tPerYear);
          const origin = origins.get(d);
          if (origin) origins.set(next, origin);
          return next;
        }),
      };
    }
  }
}
