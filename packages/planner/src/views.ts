import { dateOfDayNumber, dayNumber, MIN_PER_DAY, MODES, type Hub, type Mode, type PortGroup } from "@fourports/network";
import { assignmentTotals, type Assignment } from "@fourports/flow";
import type { Year } from "@fourports/targets";
import type { AssignmentView, HubPoint, HubThroughput, LegFlow, LineUtilisation, MonthlyThroughput, PortRow, ScenarioInfo } from "./types.js";

/** The scenario as results name it; `file` as the caller gave it. */
export function scenarioInfo(year: Year, file: string | null): ScenarioInfo {
  const s = year.scenario;
  return {
    id: s.id,
    name: s.name,
    file,
    epoch: s.epoch,
    horizonDays: s.horizonDays,
    homeCity: s.homeCity,
    lineage: [...s.lineage],
    hubCount: s.hubs.length,
    serviceCount: s.services.length,
    tripCount: year.timetable.tripCount,
    demandFlows: s.demand.length,
  };
}

/** Every hub of the year's scenario as the map draws it, flagged when it is in the home city. */
export function hubPoints(year: Year): HubPoint[] {
  const home = year.scenario.homeCity;
  return year.scenario.hubs.map((h: Hub) => ({
    id: h.id,
    name: h.name,
    nameZh: h.nameZh ?? null,
    kind: h.kind,
    portGroup: h.portGroup,
    city: h.city,
    country: h.country,
    lon: h.lon,
    lat: h.lat,
    home: h.city === home,
  }));
}

/** Per line direction (services of one line from one hub to another): the trips that ran and their first-leg load. */
function lineUse(year: Year, a: Assignment): LineUtilisation[] {
  const { scenario, timetable: tt } = year;
  const byKey = new Map<string, LineUtilisation>();
  const seenTrip = new Uint8Array(tt.tripCount);
  // Connections are in departure order, so a trip's first connection seen is its first leg.
  for (let c = 0; c < tt.length; c++) {
    const trip = tt.trip[c]!;
    if (seenTrip[trip] === 1) continue;
    seenTrip[trip] = 1;
    if (a.tripRan[trip] !== 1) continue;
    const s = scenario.services[tt.service[c]!]!;
    const key = `${s.line}\u0000${s.from}\u0000${s.to}`;
    let row = byKey.get(key);
    if (!row) {
      row = { line: s.line, mode: s.mode, from: s.from, to: s.to, departures: 0, capacityT: 0, loadedT: 0, utilisation: 0 };
      byKey.set(key, row);
    }
    row.departures++;
    row.capacityT += tt.capacityT[c]!;
    row.loadedT += a.connectionT[c]!;
  }
  const rows = [...byKey.values()];
  for (const r of rows) r.utilisation = r.capacityT > 0 ? r.loadedT / r.capacityT : 0;
  return rows.sort((x, y) => y.utilisation - x.utilisation || x.line.localeCompare(y.line) || x.from.localeCompare(y.from));
}

/** Tonnes over each (from, to, mode) pair of hubs, summed over the year's connections. */
function legFlows(year: Year, a: Assignment): LegFlow[] {
  const tt = year.timetable;
  const byKey = new Map<string, LegFlow>();
  for (let c = 0; c < tt.length; c++) {
    const t = a.connectionT[c]!;
    if (t <= 0) continue;
    const mode = MODES[tt.serviceMode[tt.service[c]!]!]! as Mode;
    const from = tt.hubIds[tt.depHub[c]!]!;
    const to = tt.hubIds[tt.arrHub[c]!]!;
    const key = `${from}\u0000${to}\u0000${mode}`;
    const row = byKey.get(key);
    if (row) row.tonnes += t;
    else byKey.set(key, { from, to, mode, tonnes: t });
  }
  return [...byKey.values()].sort((x, y) => y.tonnes - x.tonnes || x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
}

/** Tonnes loaded and unloaded per hub, per hub and month, and per hub and mode. */
interface HubLoads {
  loadedT: Float64Array;
  unloadedT: Float64Array;
  /** [hub × months + month] */
  monthT: Float64Array;
  /** [hub × MODES.length + mode] */
  loadedByModeT: Float64Array;
  unloadedByModeT: Float64Array;
  months: string[];
}

/**
 * Counted as the targets count throughput (flow's throughputValue): each connection's load at
 * the hub it leaves, in the month it leaves, and at the hub it reaches, in the month it arrives;
 * arrivals after the horizon fall outside the year, so the port table, the months and the
 * target rows agree.
 */
function hubLoads(year: Year, a: Assignment): HubLoads {
  const { scenario, timetable: tt } = year;
  const nHubs = tt.hubIds.length;
  const epoch = dayNumber(scenario.epoch);
  const months: string[] = [];
  const monthOfDay = new Int32Array(scenario.horizonDays);
  for (let d = 0; d < scenario.horizonDays; d++) {
    const m = dateOfDayNumber(epoch + d).slice(0, 7);
    if (months[months.length - 1] !== m) months.push(m);
    monthOfDay[d] = months.length - 1;
  }
  const M = MODES.length;
  const out: HubLoads = {
    loadedT: new Float64Array(nHubs),
    unloadedT: new Float64Array(nHubs),
    monthT: new Float64Array(nHubs * months.length),
    loadedByModeT: new Float64Array(nHubs * M),
    unloadedByModeT: new Float64Array(nHubs * M),
    months,
  };
  const monthOf = (minute: number): number => monthOfDay[Math.floor(minute / MIN_PER_DAY)]!;
  for (let c = 0; c < tt.length; c++) {
    const t = a.connectionT[c]!;
    if (t <= 0) continue;
    const mode = tt.serviceMode[tt.service[c]!]!;
    const dep = tt.depHub[c]!;
    const arr = tt.arrHub[c]!;
    if (tt.depMin[c]! >= 0 && tt.depMin[c]! < tt.horizonMin) {
      out.loadedT[dep]! += t;
      out.loadedByModeT[dep * M + mode]! += t;
      out.monthT[dep * months.length + monthOf(tt.depMin[c]!)]! += t;
    }
    if (tt.arrMin[c]! >= 0 && tt.arrMin[c]! < tt.horizonMin) {
      out.unloadedT[arr]! += t;
      out.unloadedByModeT[arr * M + mode]! += t;
      out.monthT[arr * months.length + monthOf(tt.arrMin[c]!)]! += t;
    }
  }
  return out;
}

const homeHubsOf = (year: Year): [number, PortGroup][] =>
  year.scenario.hubs.flatMap((h, i): [number, PortGroup][] => (h.city === year.scenario.homeCity && h.portGroup !== null ? [[i, h.portGroup]] : []));

/** Loaded plus unloaded tonnes at the home city's hubs of each port group, per calendar month. */
function monthly(year: Year, loads: HubLoads): MonthlyThroughput[] {
  const byKey = new Map<string, MonthlyThroughput>();
  const n = loads.months.length;
  for (const [i, group] of homeHubsOf(year)) {
    for (let m = 0; m < n; m++) {
      const t = loads.monthT[i * n + m]!;
      if (t === 0) continue;
      const key = `${group}\u0000${loads.months[m]}`;
      const row = byKey.get(key);
      if (row) row.throughputT += t;
      else byKey.set(key, { portGroup: group, month: loads.months[m]!, throughputT: t });
    }
  }
  return [...byKey.values()].sort((x, y) => x.portGroup.localeCompare(y.portGroup) || x.month.localeCompare(y.month));
}

/** Loaded and unloaded tonnes at the home city's hubs by port group and mode. */
function ports(year: Year, loads: HubLoads): PortRow[] {
  const byKey = new Map<string, PortRow>();
  const M = MODES.length;
  for (const [i, group] of homeHubsOf(year)) {
    for (let m = 0; m < M; m++) {
      const loadedT = loads.loadedByModeT[i * M + m]!;
      const unloadedT = loads.unloadedByModeT[i * M + m]!;
      if (loadedT === 0 && unloadedT === 0) continue;
      const mode = MODES[m]! as Mode;
      const key = `${group}\u0000${mode}`;
      const row = byKey.get(key);
      if (row) (row.loadedT += loadedT), (row.unloadedT += unloadedT);
      else byKey.set(key, { portGroup: group, mode, loadedT, unloadedT });
    }
  }
  return [...byKey.values()].sort((x, y) => x.portGroup.localeCompare(y.portGroup) || x.mode.localeCompare(y.mode));
}

function hubThroughput(year: Year, loads: HubLoads): HubThroughput[] {
  return year.scenario.hubs.flatMap((h, i) => {
    const t = loads.loadedT[i]! + loads.unloadedT[i]!;
    return t > 0 ? [{ hub: h.id, throughputT: t }] : [];
  });
}

/** An assignment as plain numbers: totals, ports, months, lines, legs and hubs (no typed arrays). */
export function assignmentView(year: Year, a: Assignment, choice: "cost" | "logit"): AssignmentView {
  const loads = hubLoads(year, a);
  return {
    choice,
    ...assignmentTotals(a),
    ports: ports(year, loads),
    monthly: monthly(year, loads),
    lines: lineUse(year, a),
    legs: legFlows(year, a),
    hubs: hubThroughput(year, loads),
  };
}
