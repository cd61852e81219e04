import {
  checkDemandLocal,
  checkHubLocal,
  checkServiceLocal,
  checkTransferLocal,
  type LocalProblem,
} from "./check.js";
import { dateOfDayNumber, dayNumber } from "./dates.js";
import type { IssueList, PathKey } from "./issues.js";
import { BOUNDS } from "./limits.js";
import { scaledFrequency } from "./override-frequency.js";
import { demandMatching, servicesMatching } from "./override-select.js";
import type { OverrideTarget } from "./overrides.js";
import { didYouMean } from "./suggest.js";
import type { Closure, DemandFlow, Hub, Override, OverrideOp, Scenario, Service } from "./types.js";

// One small named handler per override op, in a table keyed by op: a new op is a new entry,
// and the type of the table makes a missing one a compile error.

/** Where one override stands: its JSON path and the target collecting problems and origins. */
interface Step {
  at: PathKey[];
  t: OverrideTarget;
}

type OpOf<K extends OverrideOp> = Extract<Override, { op: K }>;
type Handler<K extends OverrideOp> = (sc: Scenario, o: OpOf<K>, step: Step) => Scenario;

function sortClosures(cs: Closure[]): Closure[] {
  return [...cs].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

function report(list: IssueList, at: PathKey[], problems: LocalProblem[]): void {
  for (const p of problems) list.add([...at, ...p.at], p.message);
}

/**
 * Problems of an entity changed by a patch: shown at the patched field when the patch wrote
 * it, otherwise at the override with the entity named.
 */
function reportPatched(list: IssueList, at: PathKey[], patch: object, what: string, problems: LocalProblem[]): void {
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

function checkPeriod(list: IssueList, at: PathKey[], from: string, to: string, sc?: Scenario): boolean {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (Number.isNaN(a)) list.add([...at, "from"], `"${from}" is not a calendar date`);
  if (Number.isNaN(b)) list.add([...at, "to"], `"${to}" is not a calendar date`);
  if (a > b) list.add([...at, "to"], `ends (${to}) before it starts (${from})`);
  // A closure wholly outside the year would change nothing: that is a typo of the year, not a what-if.
  if (sc && a <= b) {
    const first = dayNumber(sc.epoch);
    const last = first + sc.horizonDays - 1;
    if (b < first || a > last) {
      list.add([...at, "from"], `${from}..${to} lies outside the scenario's horizon (${sc.epoch} + ${sc.horizonDays} days), so it would change nothing`);
      return false;
    }
  }
  return a <= b;
}

function findHub(sc: Scenario, id: string, { at, t }: Step, key = "hub"): Hub | undefined {
  const hub = sc.hubs.find((h) => h.id === id);
  if (!hub) t.list.add([...at, key], `unknown hub "${id}"${didYouMean(id, sc.hubs.map((h) => h.id))}`);
  return hub;
}

/** Replaces one entity by its changed copy, which keeps the original's origin for errors. */
function keepOrigin<T extends object>(t: OverrideTarget, old: T, next: T): T {
  const origin = t.origins.get(old);
  if (origin) t.origins.set(next, origin);
  return next;
}

function replaceHub(sc: Scenario, t: OverrideTarget, old: Hub, next: Hub): Scenario {
  keepOrigin(t, old, next);
  return { ...sc, hubs: sc.hubs.map((h) => (h === old ? next : h)) };
}

function mapServices(sc: Scenario, t: OverrideTarget, matched: Set<Service>, f: (s: Service) => Service): Scenario {
  return { ...sc, services: sc.services.map((s) => (matched.has(s) ? keepOrigin(t, s, f(s)) : s)) };
}

function mapDemand(sc: Scenario, t: OverrideTarget, matched: Set<DemandFlow>, f: (d: DemandFlow) => DemandFlow): Scenario {
  return { ...sc, demand: sc.demand.map((d) => (matched.has(d) ? keepOrigin(t, d, f(d)) : d)) };
}

/** Records where added entities were written and checks each on its own. */
function added<T extends object>({ at, t }: Step, key: string, items: T[], check: (x: T) => LocalProblem[]): void {
  items.forEach((x, j) => {
    t.origins.set(x, { file: t.file, path: [...at, key, j] });
    report(t.list, [...at, key, j], check(x));
  });
}

const selectServices = (sc: Scenario, o: { select: OpOf<"remove-services">["select"] }, { at, t }: Step): Set<Service> | null =>
  servicesMatching(sc, o.select, [...at, "select"], t.list);
const selectDemand = (sc: Scenario, o: { select: OpOf<"remove-demand">["select"] }, { at, t }: Step): Set<DemandFlow> | null =>
  demandMatching(sc, o.select, [...at, "select"], t.list);

const addHubs: Handler<"add-hubs"> = (sc, o, step) => {
  added(step, "hubs", o.hubs, checkHubLocal);
  return { ...sc, hubs: [...sc.hubs, ...o.hubs] };
};

const addServices: Handler<"add-services"> = (sc, o, step) => {
  added(step, "services", o.services, checkServiceLocal);
  return { ...sc, services: [...sc.services, ...o.services] };
};

const addTransfers: Handler<"add-transfers"> = (sc, o, step) => {
  added(step, "transfers", o.transfers, checkTransferLocal);
  return { ...sc, transfers: [...sc.transfers, ...o.transfers] };
};

const addDemand: Handler<"add-demand"> = (sc, o, step) => {
  added(step, "demand", o.demand, checkDemandLocal);
  return { ...sc, demand: [...sc.demand, ...o.demand] };
};

const removeServices: Handler<"remove-services"> = (sc, o, step) => {
  const m = selectServices(sc, o, step);
  return m ? { ...sc, services: sc.services.filter((s) => !m.has(s)) } : sc;
};

const removeDemand: Handler<"remove-demand"> = (sc, o, step) => {
  const m = selectDemand(sc, o, step);
  return m ? { ...sc, demand: sc.demand.filter((d) => !m.has(d)) } : sc;
};

const updateHub: Handler<"update-hub"> = (sc, o, step) => {
  const old = findHub(sc, o.hub, step);
  if (!old) return sc;
  // handling and transferMin are merged field by field: a patch names what changes.
  const next: Hub = {
    ...old,
    ...o.set,
    ...(o.set.handling ? { handling: { ...old.handling, ...o.set.handling } } : {}),
    ...(o.set.transferMin ? { transferMin: { ...old.transferMin, ...o.set.transferMin } } : {}),
  };
  reportPatched(step.t.list, step.at, o.set, `hub "${old.id}"`, checkHubLocal(next));
  return replaceHub(sc, step.t, old, next);
};

const updateServices: Handler<"update-services"> = (sc, o, step) => {
  const m = selectServices(sc, o, step);
  if (!m) return sc;
  return mapServices(sc, step.t, m, (s) => {
    const next: Service = { ...s, ...o.set };
    reportPatched(step.t.list, step.at, o.set, `service "${s.id}"`, checkServiceLocal(next));
    return next;
  });
};

const scaleServices: Handler<"scale-services"> = (sc, o, step) => {
  const m = selectServices(sc, o, step);
  if (!m) return sc;
  const at = [...step.at, "capacityFactor"];
  return mapServices(sc, step.t, m, (s) => {
    const next: Service = {
      ...s,
      capacityT: s.capacityT * o.capacityFactor,
      ...(s.capacityTeu !== undefined ? { capacityTeu: s.capacityTeu * o.capacityFactor } : {}),
    };
    withinBound(step.t.list, at, `service "${s.id}" capacityT`, next.capacityT, BOUNDS.capacityTPerDeparture);
    withinBound(step.t.list, at, `service "${s.id}" capacityTeu`, next.capacityTeu ?? 0, BOUNDS.capacityTeuPerDeparture);
    return next;
  });
};

const scaleTariffs: Handler<"scale-tariffs"> = (sc, o, step) => {
  const m = selectServices(sc, o, step);
  if (!m) return sc;
  return mapServices(sc, step.t, m, (s) => {
    const next: Service = { ...s, tariffCnyPerT: s.tariffCnyPerT * o.factor };
    withinBound(step.t.list, [...step.at, "factor"], `service "${s.id}" tariffCnyPerT`, next.tariffCnyPerT, BOUNDS.tariffCnyPerT);
    return next;
  });
};

/** Departures per week × factor, rounded to whole departures; the rule is on scaledFrequency. */
const scaleFrequency: Handler<"scale-frequency"> = (sc, o, step) => {
  const m = selectServices(sc, o, step);
  if (!m) return sc;
  return mapServices(sc, step.t, m, (s) => {
    const r = scaledFrequency(s, o.factor);
    if ("problem" in r) {
      step.t.list.add([...step.at, "factor"], r.problem);
      return s;
    }
    return { ...s, schedule: r.schedule };
  });
};

const closeHub: Handler<"close-hub"> = (sc, o, step) => {
  const old = findHub(sc, o.hub, step);
  if (!old || !checkPeriod(step.t.list, step.at, o.from, o.to, sc)) return sc;
  const closure: Closure = { from: o.from, to: o.to, ...(o.reason ? { reason: o.reason } : {}) };
  return replaceHub(sc, step.t, old, { ...old, closures: sortClosures([...(old.closures ?? []), closure]) });
};

const closeServices: Handler<"close-services"> = (sc, o, step) => {
  const m = selectServices(sc, o, step);
  if (!m || !checkPeriod(step.t.list, step.at, o.from, o.to, sc)) return sc;
  const closure: Closure = { from: o.from, to: o.to, ...(o.reason ? { reason: o.reason } : {}) };
  return mapServices(sc, step.t, m, (s) => ({ ...s, suspensions: sortClosures([...(s.suspensions ?? []), closure]) }));
};

const scaleDemand: Handler<"scale-demand"> = (sc, o, step) => {
  const m = selectDemand(sc, o, step);
  if (!m) return sc;
  const at = [...step.at, "factor"];
  return mapDemand(sc, step.t, m, (d) => {
    const next: DemandFlow = {
      ...d,
      tPerYear: d.tPerYear * o.factor,
      ...(d.teuPerYear !== undefined ? { teuPerYear: d.teuPerYear * o.factor } : {}),
    };
    withinBound(step.t.list, at, `demand "${d.id}" tPerYear`, next.tPerYear, BOUNDS.tPerYear);
    withinBound(step.t.list, at, `demand "${d.id}" teuPerYear`, next.teuPerYear ?? 0, BOUNDS.tPerYear);
    return next;
  });
};

/** Modes are checked against each flow's commodity (COMMODITY_LIMITS) by checkDemandLocal. */
const updateDemand: Handler<"update-demand"> = (sc, o, step) => {
  const m = selectDemand(sc, o, step);
  if (!m) return sc;
  return mapDemand(sc, step.t, m, (d) => {
    // A value of time set here is the planner's: a fitted per-commodity value must not replace it.
    const next: DemandFlow = { ...d, ...o.set, ...(o.set.valueOfTimeCnyPerTHour !== undefined ? { valueOfTimeFixed: true } : {}) };
    reportPatched(step.t.list, step.at, o.set, `demand flow "${d.id}"`, checkDemandLocal(next));
    return next;
  });
};

const moveServices: Handler<"move-services"> = (sc, o, step) => {
  const { at, t } = step;
  const m = selectServices(sc, o, step);
  if (o.fromHub === o.toHub) {
    t.list.add([...at, "toHub"], `same as "fromHub" (${o.fromHub}); a move needs two different hubs`);
    return sc;
  }
  const fromHub = findHub(sc, o.fromHub, step, "fromHub");
  const toHub = findHub(sc, o.toHub, step, "toHub");
  const on = dayNumber(o.on);
  if (Number.isNaN(on)) t.list.add([...at, "on"], `"${o.on}" is not a calendar date`);
  if (!m || !fromHub || !toHub || Number.isNaN(on)) return sc;
  const calls = (s: Service): boolean =>
    s.from === o.fromHub || s.to === o.fromHub || (s.via?.some((v) => v.hub === o.fromHub) ?? false);
  const stray = [...m].filter((s) => !calls(s)).map((s) => s.id);
  if (stray.length > 0) {
    t.list.add([...at, "select"], `selected services that do not call at "${o.fromHub}": ${stray.join(", ")}`);
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
    t.origins.set(copy, { file: t.file, path: at });
    copies.push(copy);
    return keepOrigin(t, s, { ...s, ends: s.ends !== undefined && dayNumber(s.ends) < on - 1 ? s.ends : dayBefore });
  });
  return { ...sc, services: [...services, ...copies] };
};

const HANDLERS: { [K in OverrideOp]: Handler<K> } = {
  "add-hubs": addHubs,
  "add-services": addServices,
  "add-transfers": addTransfers,
  "add-demand": addDemand,
  "remove-services": removeServices,
  "remove-demand": removeDemand,
  "update-hub": updateHub,
  "update-services": updateServices,
  "scale-services": scaleServices,
  "scale-frequency": scaleFrequency,
  "scale-tariffs": scaleTariffs,
  "close-hub": closeHub,
  "close-services": closeServices,
  "scale-demand": scaleDemand,
  "update-demand": updateDemand,
  "move-services": moveServices,
};

/** Applies one override (already structurally valid) through its op's handler. */
export function applyOne(sc: Scenario, o: Override, at: PathKey[], t: OverrideTarget): Scenario {
  // The cast joins the table's per-op types back up: HANDLERS[o.op] is the handler of o's op.
  const handler = HANDLERS[o.op] as Handler<OverrideOp>;
  return handler(sc, o as OpOf<OverrideOp>, { at, t });
}
