import { checkVariability } from "./check-variability.js";
import { dayNumber } from "./dates.js";
import { IssueList, jsonPath, type PathKey } from "./issues.js";
import { didYouMean } from "./suggest.js";
import { COMMODITY_LIMITS, MODES } from "./types.js";
import type { Closure, DemandFlow, Hub, Scenario, Service, Sourced, TransferLink } from "./types.js";

// The semantic half of validation (the structural half is the schema). Local checks look at one
// entity; cross checks need the whole resolved scenario. Both return problems with a path
// relative to where the entity stands, so the caller can point into the right file.

export interface LocalProblem {
  at: PathKey[];
  message: string;
}

function checkDate(out: LocalProblem[], at: PathKey[], date: string | undefined): number {
  if (date === undefined) return NaN;
  const d = dayNumber(date);
  if (Number.isNaN(d)) out.push({ at, message: `"${date}" is not a calendar date` });
  return d;
}

function checkClosures(out: LocalProblem[], key: string, closures: Closure[] | undefined): void {
  closures?.forEach((c, i) => {
    const from = checkDate(out, [key, i, "from"], c.from);
    const to = checkDate(out, [key, i, "to"], c.to);
    if (from > to) {
      out.push({ at: [key, i, "to"], message: `ends (${c.to}) before it starts (${c.from})` });
    }
  });
}

const MODE_SET: ReadonlySet<string> = new Set(MODES);

export function checkHubLocal(hub: Hub): LocalProblem[] {
  const out: LocalProblem[] = [];
  const opens = checkDate(out, ["opens"], hub.opens);
  const closes = checkDate(out, ["closes"], hub.closes);
  if (opens >= closes) {
    out.push({ at: ["closes"], message: `closes (${hub.closes}) on or before it opens (${hub.opens})` });
  }
  checkClosures(out, "closures", hub.closures);
  if (hub.transferMin["default"] === undefined) {
    out.push({ at: ["transferMin"], message: 'expected a "default" transfer time in minutes' });
  }
  for (const key of Object.keys(hub.transferMin)) {
    if (key === "default") continue;
    const [a, b, extra] = key.split(">");
    if (extra !== undefined || !a || !b || !MODE_SET.has(a) || !MODE_SET.has(b)) {
      const bad = [a, b].find((m) => m !== undefined && !MODE_SET.has(m)) ?? key;
      out.push({
        at: ["transferMin", key],
        message: `expected "default" or "arrivingMode>departingMode" with modes ${MODES.join(", ")}${didYouMean(bad, MODES)}`,
      });
    }
  }
  if (hub.backgroundTrainsPerDay !== undefined && hub.kind !== "border-crossing") {
    out.push({ at: ["backgroundTrainsPerDay"], message: `only a border crossing has background trains (kind is "${hub.kind}")` });
  }
  if (hub.kind === "border-crossing") {
    if (hub.gaugeChangeMin === undefined) {
      out.push({ at: ["gaugeChangeMin"], message: "a border crossing needs its gauge-change dwell in minutes" });
    }
    if (hub.handling?.trainsPerDay === undefined) {
      out.push({ at: ["handling", "trainsPerDay"], message: "a border crossing needs its daily train capacity" });
    }
  }
  return out;
}

export function checkServiceLocal(s: Service): LocalProblem[] {
  const out: LocalProblem[] = [];
  if (s.from === s.to) out.push({ at: ["to"], message: `same as "from" (${s.from})` });
  const starts = checkDate(out, ["starts"], s.starts);
  const ends = checkDate(out, ["ends"], s.ends);
  if (starts > ends) out.push({ at: ["ends"], message: `ends (${s.ends}) before it starts (${s.starts})` });
  checkClosures(out, "suspensions", s.suspensions);
  let last = 0;
  s.via?.forEach((stop, i) => {
    if (stop.arriveMin <= last && i > 0) {
      out.push({ at: ["via", i, "arriveMin"], message: `expected later than the previous stop's departure (${last} min)` });
    } else if (stop.arriveMin <= 0) {
      out.push({ at: ["via", i, "arriveMin"], message: "expected a positive offset from the origin departure" });
    }
    if (stop.departMin < stop.arriveMin) {
      out.push({ at: ["via", i, "departMin"], message: `expected >= arriveMin (${stop.arriveMin})` });
    }
    if (stop.departMin >= s.durationMin) {
      out.push({ at: ["via", i, "departMin"], message: `expected before the arrival at the destination (durationMin ${s.durationMin})` });
    }
    if (stop.hub === s.from || stop.hub === s.to) {
      out.push({ at: ["via", i, "hub"], message: `"${stop.hub}" is the service's own origin or destination` });
    }
    last = stop.departMin;
  });
  checkDispatch(out, s);
  const sch = s.schedule;
  if (sch.type === "frequency" && (sch.perWeek === undefined) === (sch.perDay === undefined)) {
    out.push({ at: ["schedule"], message: "expected exactly one of perWeek or perDay" });
  }
  if (sch.type === "weekly") {
    if (new Set(sch.days).size !== sch.days.length) out.push({ at: ["schedule", "days"], message: "a day is listed twice" });
    if (new Set(sch.times).size !== sch.times.length) out.push({ at: ["schedule", "times"], message: "a time is listed twice" });
  }
  if (sch.type === "departures") {
    const seen = new Set<string>();
    sch.at.forEach((t, i) => {
      checkDate(out, ["schedule", "at", i], t.slice(0, 10));
      if (seen.has(t)) out.push({ at: ["schedule", "at", i], message: `departure ${t} is listed twice` });
      seen.add(t);
    });
  }
  return out;
}

function checkDispatch(out: LocalProblem[], s: Service): void {
  const onDemand = s.dispatch === "on-demand";
  if (onDemand && s.onDemand === undefined) {
    out.push({ at: ["onDemand"], message: 'an on-demand service needs its vehicle pool: { vehicles, rotationMin, minLoadFactor, maxWaitMin }' });
  }
  if (!onDemand && s.onDemand !== undefined) {
    out.push({ at: ["dispatch"], message: 'onDemand is given, so expected dispatch "on-demand"' });
  }
  if (s.onDemand !== undefined && s.onDemand.rotationMin < s.durationMin) {
    out.push({
      at: ["onDemand", "rotationMin"],
      message: `expected at least the run time (durationMin ${s.durationMin}): a vehicle cannot be back before it arrives`,
    });
  }
}

export function checkTransferLocal(t: TransferLink): LocalProblem[] {
  return t.from === t.to ? [{ at: ["to"], message: `same as "from" (${t.from})` }] : [];
}

export function checkDemandLocal(d: DemandFlow): LocalProblem[] {
  const out: LocalProblem[] = [];
  if (d.from === d.to) out.push({ at: ["to"], message: `same as "from" (${d.from})` });
  if (d.modes && new Set(d.modes).size !== d.modes.length) out.push({ at: ["modes"], message: "a mode is listed twice" });
  const physical = COMMODITY_LIMITS[d.commodity].modes;
  d.modes?.forEach((m, i) => {
    if (!physical.includes(m)) out.push({ at: ["modes", i], message: `${d.commodity} cannot travel by ${m} (allowed: ${physical.join(", ")})` });
  });
  if (d.releaseFrom !== undefined && d.releaseTo !== undefined && d.releaseTo < d.releaseFrom) {
    out.push({ at: ["releaseTo"], message: `before releaseFrom (${d.releaseFrom})` });
  }
  return out;
}

/** Where each entity of a resolved scenario was written: file and JSON path. */
export interface Origin {
  file: string;
  path: PathKey[];
}
/** Keyed by the entity object itself, so duplicates keep their own origins. */
export type Origins = Map<object, Origin>;

/** Checks that need the whole scenario: references, uniqueness, provenance keys. */
export function checkScenarioCross(
  sc: Scenario,
  origins: Origins,
  fallbackFile: string,
): IssueList[] {
  const lists = new Map<string, IssueList>();
  const add = (origin: Origin | undefined, sub: PathKey[], message: string): void => {
    const file = origin?.file ?? fallbackFile;
    let list = lists.get(file);
    if (!list) lists.set(file, (list = new IssueList(file)));
    list.add([...(origin?.path ?? []), ...sub], message);
  };
  const hubIds = new Set(sc.hubs.map((h) => h.id));
  const hubById = new Map(sc.hubs.map((h) => [h.id, h]));
  const sourceIds = Object.keys(sc.sources);
  const ref = (origin: Origin | undefined, sub: PathKey[], id: string): void => {
    if (!hubIds.has(id)) add(origin, sub, `unknown hub "${id}"${didYouMean(id, hubIds)}`);
  };
  const prov = (origin: Origin | undefined, entity: Sourced): void => {
    const known = (at: PathKey[], source: string): void => {
      if (!Object.hasOwn(sc.sources, source)) {
        add(origin, at, `unknown source "${source}"${didYouMean(source, sourceIds)}; add it to "sources"`);
      }
    };
    known(["source"], entity.source);
    for (const [field, p] of Object.entries(entity.figures ?? {})) {
      known(["figures", field, "source"], p.source);
      const [head, sub] = field.split(".") as [string, string | undefined];
      // Own properties only: "toString" names no figure, whatever Object.prototype holds.
      const fields = entity as unknown as Record<string, unknown>;
      const value = Object.hasOwn(fields, head) ? fields[head] : undefined;
      const present =
        value !== undefined &&
        (sub === undefined || (value !== null && typeof value === "object" && Object.hasOwn(value, sub) && (value as Record<string, unknown>)[sub] !== undefined));
      if (!present) add(origin, ["figures", field], `names no figure of this entry ("${field}" is not set)`);
    }
  };

  if (!sc.hubs.some((h) => h.city === sc.homeCity)) {
    add({ file: fallbackFile, path: [] }, ["homeCity"], `no hub has city "${sc.homeCity}"`);
  }
  const where = (o: Origin | undefined): string =>
    o ? `${o.file}: ${jsonPath(o.path)}` : "another entry";
  const seen = new Map<string, Origin | undefined>();
  const unique = (kind: string, key: string, o: Origin | undefined): void => {
    if (seen.has(key)) add(o, kind === "transfer link" ? [] : ["id"], `duplicate ${kind} "${key}"; first defined at ${where(seen.get(key))}`);
    else seen.set(key, o);
  };
  for (const h of sc.hubs) {
    const o = origins.get(h);
    unique("hub id", h.id, o);
    prov(o, h);
  }
  seen.clear();
  for (const s of sc.services) {
    const o = origins.get(s);
    unique("service id", s.id, o);
    ref(o, ["from"], s.from);
    ref(o, ["to"], s.to);
    s.via?.forEach((stop, i) => {
      ref(o, ["via", i, "hub"], stop.hub);
      const hub = hubById.get(stop.hub);
      const dwell = stop.departMin - stop.arriveMin;
      if (s.mode === "rail" && hub?.kind === "border-crossing" && hub.gaugeChangeMin !== undefined && dwell < hub.gaugeChangeMin) {
        add(o, ["via", i, "departMin"], `dwell of ${dwell} min at ${hub.id} is shorter than its gauge change (${hub.gaugeChangeMin} min)`);
      }
    });
    prov(o, s);
  }
  seen.clear();
  for (const t of sc.transfers) {
    const o = origins.get(t);
    unique("transfer link", `${t.from}>${t.to}`, o);
    ref(o, ["from"], t.from);
    ref(o, ["to"], t.to);
    prov(o, t);
  }
  seen.clear();
  for (const d of sc.demand) {
    const o = origins.get(d);
    unique("demand id", d.id, o);
    ref(o, ["from"], d.from);
    ref(o, ["to"], d.to);
    prov(o, d);
  }
  if (sc.variability) {
    const o = origins.get(sc.variability) ?? { file: fallbackFile, path: ["variability"] };
    checkVariability(
      sc.variability,
      hubById,
      (at, p) => {
        if (!Object.hasOwn(sc.sources, p.source)) add(o, [...at, "source"], `unknown source "${p.source}"${didYouMean(p.source, sourceIds)}; add it to "sources"`);
      },
      (at, message) => add(o, at, message),
    );
  }
  return [...lists.values()];
}
