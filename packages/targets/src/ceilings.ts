import {
  dateOfDayNumber,
  dayNumber,
  hubOpenOn,
  MIN_PER_DAY,

  type Hub,
  type Label,
  type Scenario,
  type Service,
  type Timetable,
} from "@fourports/network";
import { dispatchableTrips } from "@fourports/flow";
import { prepareRouting } from "@fourports/routing";
import type { ProvinceRollup } from "@fourports/rural";
import { quickFreightCircle, type ReachResult } from "./reach.js";
import type { Target } from "./registry.js";

/**
 * within-ceiling / beyond-ceiling: a throughput target the timetable could or could not carry
 * even at 100% load. met / not-met: a target the network itself decides (lines, dates).
 * assumed: it would be met, but only because a figure labelled ASSUMPTION says so (an access
 * time set to the goal itself): no evidence either way. reported: the figures are given without a
 * verdict (the quick-freight-circle reach shares, by destination group). not-computed: the inputs it needs were not given (the
 * detail says which).
 */
export type CeilingStatus = "within-ceiling" | "beyond-ceiling" | "met" | "assumed" | "not-met" | "reported" | "not-computed";

/** The capacity ceiling of one target: the most the scenario's network could do, beside the goal. */
export interface CeilingResult {
  /** Id of the target. */
  targetId: string;
  /** Title of the target. */
  title: string;
  /** How a value is compared with the goal. */
  comparator: Target["comparator"];
  /** The goal: a number, a date, or null when the target only reports a figure. */
  target: number | string | null;
  /** Unit of the goal and the ceiling. */
  unit: string;
  /** The most the network could do: a number, a date, or null when not computed. */
  ceiling: number | string | null;
  /** How the ceiling compares with the goal. */
  status: CeilingStatus;
  /** What sets the ceiling, e.g. "timetable" or "hub handling at CGO". */
  limitedBy: string;
  /** How the ceiling was reached, in words (slots, free handling, dates), for reports. */
  detail: string;
  /** Labels of the figures the ceiling rests on (an ASSUMPTION here is worth a look). */
  basis: Label[];
  /** Hubs or lines the target names that the network lacks. */
  missing: string[];
  /** The reach circle, for the quick-freight-circle target. */
  reach?: ReachResult;
}

/** One scenario year with its expanded timetable, as the ceilings read it. */
export interface Year {
  /** The resolved scenario. */
  scenario: Scenario;
  /** Its timetable over the horizon. */
  timetable: Timetable;
}

interface Ctx extends Year {
  hubsById: Map<string, Hub>;
  /** Per trip: 1 if it may run — every scheduled trip, and the on-demand slots the vehicle pools allow. */
  dispatchable: Uint8Array;
}

function basisOf(services: Iterable<Service>, fields: string[]): Label[] {
  const labels = new Set<Label>();
  for (const s of services) {
    labels.add(s.label);
    for (const f of fields) {
      const fig = s.figures?.[f];
      if (fig) labels.add(fig.label);
    }
  }
  return [...labels].sort();
}

function context(y: Year): Ctx {
  return { ...y, hubsById: new Map(y.scenario.hubs.map((h) => [h.id, h])), dispatchable: dispatchableTrips(y.scenario, y.timetable) };
}

interface Touch {
  /** Connections leaving a selected hub (departures) and reaching one (arrivals in the horizon). */
  departures: number;
  arrivals: number;
  capacityT: number;
  lines: Set<string>;
  services: Set<Service>;
  /** Per selected hub index: departures + arrivals. */
  movesByHub: Map<number, number>;
  tByHub: Map<number, number>;
}

/** Movements of matching services at a set of hubs over the horizon. */
function touch(c: Ctx, hubs: Set<number>, keep: (s: Service) => boolean): Touch {
  const t = c.timetable;
  const out: Touch = { departures: 0, arrivals: 0, capacityT: 0, lines: new Set(), services: new Set(), movesByHub: new Map(), tByHub: new Map() };
  const bump = (m: Map<number, number>, k: number, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < t.length; i++) {
    const s = c.scenario.services[t.service[i]!]!;
    // An on-demand slot beyond what its vehicle pool can run adds nothing to a ceiling.
    if (!keep(s) || !c.dispatchable[t.trip[i]!]) continue;
    const d = t.depHub[i]!;
    const a = t.arrHub[i]!;
    let hit = false;
    if (hubs.has(d)) {
      out.departures++;
      out.capacityT += t.capacityT[i]!;
      bump(out.movesByHub, d, 1);
      bump(out.tByHub, d, t.capacityT[i]!);
      hit = true;
    }
    if (hubs.has(a) && t.arrMin[i]! < t.horizonMin) {
      out.arrivals++;
      out.capacityT += t.capacityT[i]!;
      bump(out.movesByHub, a, 1);
      bump(out.tByHub, a, t.capacityT[i]!);
      hit = true;
    }
    if (hit) {
      out.lines.add(s.line);
      out.services.add(s);
    }
  }
  return out;
}

function openDays(c: Ctx, hub: Hub): number {
  const first = dayNumber(c.scenario.epoch);
  let n = 0;
  for (let d = 0; d < c.scenario.horizonDays; d++) if (hubOpenOn(hub, first + d)) n++;
  return n;
}

function indexesOf(c: Ctx, pred: (h: Hub) => boolean): Set<number> {
  const out = new Set<number>();
  c.scenario.hubs.forEach((h, i) => {
    if (pred(h)) out.add(i);
  });
  return out;
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

function numericStatus(target: Target, ceiling: number, throughput: boolean): CeilingStatus {
  const v = target.value as number;
  const ok = target.comparator === ">=" ? ceiling >= v : target.comparator === ">" ? ceiling > v : ceiling <= v;
  if (throughput) return ok ? "within-ceiling" : "beyond-ceiling";
  return ok ? "met" : "not-met";
}

/**
 * A throughput ceiling at some hubs: timetable capacity per hub, capped by the hub's daily
 * handling over the days it is open.
 */
function cappedThroughput(
  c: Ctx,
  hubs: Set<number>,
  keep: (s: Service) => boolean,
  perHub: "t" | "moves",
  handlingKey: "tPerDay" | "trainsPerDay",
): { value: number; limitedBy: string; touch: Touch; detail: string } {
  const tt = touch(c, hubs, keep);
  let value = 0;
  const limits: string[] = [];
  const parts: string[] = [];
  for (const i of hubs) {
    const hub = c.scenario.hubs[i]!;
    const fromTimetable = (perHub === "t" ? tt.tByHub : tt.movesByHub).get(i) ?? 0;
    const perDay = hub.handling?.[handlingKey];
    const cap = perDay === undefined ? Infinity : perDay * openDays(c, hub);
    if (fromTimetable === 0) continue;
    if (cap < fromTimetable) limits.push(`hub handling at ${hub.id}`);
    value += Math.min(cap, fromTimetable);
    parts.push(`${hub.id}: timetable ${fmt(fromTimetable)}${Number.isFinite(cap) ? `, handling ${fmt(cap)}` : ""}`);
  }
  return { value, limitedBy: limits.length > 0 ? limits.join(", ") : "timetable", touch: tt, detail: parts.join("; ") };
}

/**
 * The China-Europe trains the border crossings let through in the horizon: per crossing, this
 * network's trips through it (each train of a home-terminal line crosses once, so a trip is one
 * departure or arrival at home), capped by what the crossing leaves after the trains of other
 * Chinese origins: (handling.trainsPerDay − backgroundTrainsPerDay) × days open.
 */
function borderCapped(c: Ctx, home: Set<number>): { value: number; limitedBy: string; detail: string; basis: Label[] } {
  const t = c.timetable;
  const trips = new Map<number, Set<number>>();
  const homeTrip = new Set<number>();
  for (let i = 0; i < t.length; i++) {
    const s = c.scenario.services[t.service[i]!]!;
    if (s.mode !== "rail" || !s.international) continue;
    if (home.has(t.depHub[i]!) || (home.has(t.arrHub[i]!) && t.arrMin[i]! < t.horizonMin)) homeTrip.add(t.trip[i]!);
    const h = t.depHub[i]!;
    if (c.scenario.hubs[h]!.kind !== "border-crossing") continue;
    let set = trips.get(h);
    if (!set) trips.set(h, (set = new Set()));
    set.add(t.trip[i]!);
  }
  let value = 0;
  const limits: string[] = [];
  const parts: string[] = [];
  const basis = new Set<Label>();
  for (const [h, set] of [...trips].sort((p, q) => p[0] - q[0])) {
    const n = [...set].filter((trip) => homeTrip.has(trip)).length;
    if (n === 0) continue;
    const hub = c.scenario.hubs[h]!;
    const perDay = hub.handling?.trainsPerDay;
    const free = perDay === undefined ? Infinity : Math.max(0, perDay - (hub.backgroundTrainsPerDay ?? 0)) * openDays(c, hub);
    if (free < n) {
      limits.push(`border crossing ${hub.id}`);
      for (const f of ["handling.trainsPerDay", "backgroundTrainsPerDay"]) basis.add(hub.figures?.[f]?.label ?? hub.label);
    }
    value += Math.min(n, free);
    parts.push(`${hub.id} ${fmt(n)} slots, ${Number.isFinite(free) ? fmt(free) : "no limit"} free`);
  }
  return { value, limitedBy: limits.join(", ") || "timetable", detail: parts.join("; ") || "none", basis: [...basis] };
}

function result(target: Target, r: Omit<CeilingResult, "targetId" | "title" | "comparator" | "target" | "unit">): CeilingResult {
  return { targetId: target.id, title: target.title, comparator: target.comparator, target: target.value, unit: target.unit, ...r };
}

const isHomeKind = (c: Ctx, kinds: Hub["kind"][]): Set<number> =>
  indexesOf(c, (h) => h.city === c.scenario.homeCity && kinds.includes(h.kind));

/**
 * The capacity ceiling of each target: the most the scenario's timetable and hubs could deliver
 * in its horizon at 100% load. `previous` (the year before) is needed for growth targets.
 */
export function capacityCeilings(targets: Target[], year: Year, previous?: Year, inputs: CeilingInputs = {}): CeilingResult[] {
  const c = context(year);
  const prev = previous ? context(previous) : undefined;
  return targets.map((t) => (t.metric === "rural-counts" ? ruralCounts(t, inputs.rural) : ceilingOf(t, c, prev)));
}

/** Results computed outside the four-port network that some targets are measured on. */
export interface CeilingInputs {
  /** The rural roll-up (@fourports/rural provinceRollup) for the rural-delivery target. */
  rural?: ProvinceRollup;
}

const RURAL_NAMES: Record<string, string> = {
  countyCentres: "county centres",
  townshipStations: "township stations",
  villageStations: "village stations",
  passengerFreightMailLines: "客货邮 lines",
};

/** The rural target: counts of the modelled counties and their 24-hour share against the year's targets. */
function ruralCounts(t: Target, rural: ProvinceRollup | undefined): CeilingResult {
  const none = { basis: [] as Label[], missing: [] as string[] };
  if (!rural) return result(t, { ceiling: null, status: "not-computed", limitedBy: "-", detail: "no rural roll-up given (fourports baseline computes it from seeds/rural/henan-province.json)", ...none });
  const rows = rural.rows.map((r) => ({ r, y: r.years.find((y) => y.year === t.year) }));
  const missingYear = rows.find((x) => !x.y);
  if (missingYear) return result(t, { ceiling: null, status: "not-computed", limitedBy: "-", detail: `the rural targets have no year ${t.year}`, ...none });
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const text = rows
    .map(({ r, y }) => (r.what === "share24h" ? `24 h ${pct(r.modelled)}/${pct(y!.target)}` : `${RURAL_NAMES[r.what]} ${r.modelled}/${y!.target.toLocaleString("en-US")}`))
    .join(" · ");
  const short = rows.filter(({ y }) => !y!.met).map(({ r }) => (r.what === "share24h" ? "24 h share" : RURAL_NAMES[r.what]!));
  const villages = rural.counties.reduce((a, c) => a + c.villages, 0);
  const within = rural.counties.reduce((a, c) => a + c.villagesWithin24h, 0);
  return result(t, {
    ceiling: text,
    status: short.length === 0 ? "met" : "not-met",
    limitedBy: `${rural.counties.length} modelled count${rural.counties.length === 1 ? "y" : "ies"}`,
    detail: `modelled/target ${t.year} for ${rural.provinceId} (${rural.counties.map((c) => c.countyId).join(", ")}): ${text}; villages served within 24 h both ways ${within} of ${villages}; short: ${short.join(", ") || "none"}`,
    basis: [...new Set(rural.labels)].sort() as Label[],
    missing: short,
  });
}

function ceilingOf(t: Target, c: Ctx, prev: Ctx | undefined): CeilingResult {
  const none = { basis: [] as Label[], missing: [] as string[] };
  switch (t.metric) {
    case "air-cargo-t": {
      const ids = t.hubs ?? [];
      const hubs = indexesOf(c, (h) => ids.includes(h.id));
      const missing = ids.filter((id) => !c.hubsById.has(id));
      const r = cappedThroughput(c, hubs, (s) => s.mode === "air", "t", "tPerDay");
      return result(t, {
        ceiling: r.value,
        status: numericStatus(t, r.value, true),
        limitedBy: r.limitedBy,
        detail: `freighter and belly capacity loaded plus unloaded at ${ids.join(", ")}: ${r.detail}; ${r.touch.departures} departures, ${r.touch.arrivals} arrivals`,
        basis: basisOf(r.touch.services, ["capacityT", "schedule"]),
        missing,
      });
    }
    case "cre-trains": {
      const hubs = isHomeKind(c, ["rail-terminal"]);
      const r = cappedThroughput(c, hubs, (s) => s.mode === "rail" && s.international, "moves", "trainsPerDay");
      const b = borderCapped(c, hubs);
      const value = Math.min(r.value, b.value);
      const borderBinds = b.value < r.value;
      return result(t, {
        ceiling: value,
        status: numericStatus(t, value, true),
        limitedBy: borderBinds ? b.limitedBy : r.limitedBy,
        detail: `international train departures plus arrivals at ${[...hubs].map((i) => c.scenario.hubs[i]!.id).join(", ")}: ${r.detail}; through the border crossings: ${b.detail}`,
        basis: [...new Set([...basisOf(r.touch.services, ["schedule"]), ...(borderBinds ? b.basis : [])])].sort(),
        missing: [],
      });
    }
    case "cre-lines":
    case "hsr-lines": {
      const cre = t.metric === "cre-lines";
      const hubs = isHomeKind(c, cre ? ["rail-terminal"] : ["hsr-station"]);
      const r = touch(c, hubs, (s) => (cre ? s.mode === "rail" && s.international : s.mode === "hsr"));
      return result(t, {
        ceiling: r.lines.size,
        status: numericStatus(t, r.lines.size, false),
        limitedBy: "timetable",
        detail: `lines with trips in the horizon: ${[...r.lines].sort().join(", ") || "none"}`,
        basis: basisOf(r.services, []),
        missing: [],
      });
    }
    case "hsr-t": {
      const hubs = isHomeKind(c, ["hsr-station"]);
      const r = cappedThroughput(c, hubs, (s) => s.mode === "hsr", "t", "tPerDay");
      return result(t, {
        ceiling: r.value,
        status: numericStatus(t, r.value, true),
        limitedBy: r.limitedBy,
        detail: `HSR freight capacity loaded plus unloaded: ${r.detail}`,
        basis: basisOf(r.touch.services, ["capacityT", "schedule"]),
        missing: [],
      });
    }
    case "air-hub-coverage":
    case "air-routes-open": {
      const airports = isHomeKind(c, ["airport"]);
      const r = touch(c, airports, (s) => s.mode === "air");
      const served = new Set<string>();
      for (const s of r.services) {
        served.add(s.from);
        served.add(s.to);
      }
      const wanted = t.hubs ?? [];
      const connected = wanted.filter((h) => served.has(h));
      const missing = wanted.filter((h) => !served.has(h));
      const why = missing.map((h) => `${h} (${c.hubsById.has(h) ? "no air service in the horizon" : "not in the network"})`);
      if (t.metric === "air-hub-coverage") {
        const share = wanted.length === 0 ? 0 : connected.length / wanted.length;
        return result(t, {
          ceiling: share,
          status: numericStatus(t, share, false),
          limitedBy: "network",
          detail: `${connected.length} of ${wanted.length} connected${why.length ? `; missing: ${why.join(", ")}` : ""}`,
          basis: basisOf([...r.services].filter((s) => connected.includes(s.from) || connected.includes(s.to)), ["schedule"]),
          missing,
        });
      }
      return result(t, {
        ceiling: connected.length,
        status: missing.length === 0 ? "met" : "not-met",
        limitedBy: "network",
        detail: `${connected.length} of ${wanted.length} routes fly in the horizon${why.length ? `; missing: ${why.join(", ")}` : ""}`,
        basis: basisOf([...r.services].filter((s) => wanted.includes(s.from) || wanted.includes(s.to)), ["schedule"]),
        missing,
      });
    }
    case "road-intl-new-lines":
    case "road-intl-growth": {
      const keep = (s: Service): boolean => s.mode === "road" && s.international;
      const now = touch(c, indexesOf(c, (h) => h.city === c.scenario.homeCity), keep);
      if (!prev) {
        return result(t, { ceiling: null, status: "not-computed", limitedBy: "-", detail: "needs the previous year's scenario to compare with", ...none });
      }
      const before = touch(prev, indexesOf(prev, (h) => h.city === prev.scenario.homeCity), keep);
      if (t.metric === "road-intl-new-lines") {
        const added = [...now.lines].filter((l) => !before.lines.has(l)).sort();
        return result(t, {
          ceiling: added.length,
          status: numericStatus(t, added.length, false),
          limitedBy: "timetable",
          detail: `new lines against ${prev.scenario.id}: ${added.join(", ") || "none"}`,
          basis: basisOf([...now.services].filter((s) => added.includes(s.line)), ["schedule"]),
          missing: [],
        });
      }
      const growth = before.capacityT === 0 ? Infinity : now.capacityT / before.capacityT - 1;
      return result(t, {
        ceiling: growth,
        status: numericStatus(t, growth, true),
        limitedBy: "timetable",
        detail: `international road capacity at ${c.scenario.homeCity}: ${fmt(now.capacityT)} t against ${fmt(before.capacityT)} t in ${prev.scenario.id}`,
        basis: basisOf(now.services, ["capacityT", "schedule"]),
        missing: [],
      });
    }
    case "expressway-access-min": {
      const hubs = (t.hubs ?? []).map((id) => c.hubsById.get(id));
      const known = hubs.filter((h): h is Hub => h !== undefined && h.expresswayAccessMin !== undefined);
      const missing = (t.hubs ?? []).filter((id) => !known.some((h) => h.id === id));
      if (known.length === 0) {
        return result(t, { ceiling: null, status: "not-computed", limitedBy: "-", detail: "no expresswayAccessMin on the named hubs", basis: [], missing });
      }
      const worst = known.reduce((m, h) => Math.max(m, h.expresswayAccessMin!), -Infinity);
      const labels = new Set<Label>(known.map((h) => h.figures?.["expresswayAccessMin"]?.label ?? h.label));
      const status = numericStatus(t, worst, false);
      return result(t, {
        ceiling: worst,
        status: status === "met" && labels.has("ASSUMPTION") ? "assumed" : status,
        limitedBy: "hub data",
        detail: known.map((h) => `${h.id}: ${h.expresswayAccessMin} min`).join("; "),
        basis: [...labels].sort(),
        missing,
      });
    }
    case "hub-open-with-trains": {
      const ids = t.hubs ?? [];
      const hubs = indexesOf(c, (h) => ids.includes(h.id));
      const missing = ids.filter((id) => !c.hubsById.has(id));
      const tt = c.timetable;
      let first = Infinity;
      for (let i = 0; i < tt.length && first === Infinity; i++) {
        const s = c.scenario.services[tt.service[i]!]!;
        if (s.mode === "rail" && s.international && hubs.has(tt.depHub[i]!)) first = tt.depMin[i]!;
      }
      if (first === Infinity) {
        return result(t, { ceiling: null, status: "not-met", limitedBy: "timetable", detail: "no international train leaves the hub in the horizon", basis: [], missing });
      }
      const day = dateOfDayNumber(dayNumber(c.scenario.epoch) + Math.floor(first / MIN_PER_DAY));
      const opens = ids.map((id) => c.hubsById.get(id)?.opens).filter((d): d is string => d !== undefined);
      return result(t, {
        ceiling: day,
        status: day <= (t.value as string) ? "met" : "not-met",
        limitedBy: "timetable",
        detail: `first international train leaves on ${day}${opens.length ? `; hub opens ${opens.join(", ")}` : ""}`,
        basis: [...new Set(ids.map((id) => c.hubsById.get(id)?.figures?.["opens"]?.label).filter((l): l is Label => l !== undefined))],
        missing,
      });
    }
    case "reach-share": {
      if (!t.reach) return result(t, { ceiling: null, status: "not-computed", limitedBy: "-", detail: "the target gives no reach spec", ...none });
      const reach = quickFreightCircle(c.scenario, prepareRouting(c.scenario, c.timetable), t.reach);
      const pct = (x: number): string => `${Math.round(x * 100)}%`;
      const worst = reach.groups.flatMap((g) => g.misses.filter((m) => m.share === 0).map((m) => `${m.destination} (${m.reason})`));
      return result(t, {
        ceiling: reach.groups.map((g) => `${g.group} ${pct(g.share)}`).join(" · "),
        status: "reported",
        limitedBy: "timetable",
        detail: `share of destinations reached within ${reach.groups.map((g) => `${g.limitDays} d (${g.group}, ${g.destinationCount} destinations)`).join(", ")} from ${reach.origin}, over ${reach.samples} departures a week; never within the limit: ${worst.join(", ") || "none"}`,
        basis: [t.reach.label],
        missing: worst,
        reach,
      });
    }
    case "rural-counts":
      return ruralCounts(t, undefined);
    case "not-modelled":
      return result(t, { ceiling: null, status: "not-computed", limitedBy: "-", detail: "outside the network model", ...none });
  }
}


