import { dateOfDayNumber, dayNumber, MODES, type Hub, type Mode, type PortGroup } from "@fourports/network";
import { UNSERVED_REASONS, type Assignment } from "@fourports/flow";
import type { Year } from "@fourports/targets";
import type { AssignmentView, HubPoint, HubThroughput, LegFlow, LineUtilisation, MonthlyThroughput, ScenarioInfo } from "./types.js";

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

/** Loaded plus unloaded tonnes at the home city's hubs of each port group, per calendar month. */
function monthly(year: Year, a: Assignment): MonthlyThroughput[] {
  const { scenario } = year;
  const days = scenario.horizonDays;
  const epoch = dayNumber(scenario.epoch);
  const byKey = new Map<string, MonthlyThroughput>();
  scenario.hubs.forEach((h, i) => {
    if (h.city !== scenario.homeCity || h.portGroup === null) return;
    const group: PortGroup = h.portGroup;
    for (let d = 0; d < days; d++) {
      const t = a.hubDayT[i * days + d]!;
      if (t === 0) continue;
      const month = dateOfDayNumber(epoch + d).slice(0, 7);
      const key = `${group}\u0000${month}`;
      const row = byKey.get(key);
      if (row) row.throughputT += t;
      else byKey.set(key, { portGroup: group, month, throughputT: t });
    }
  });
  return [...byKey.values()].sort((x, y) => x.portGroup.localeCompare(y.portGroup) || x.month.localeCompare(y.month));
}

function hubThroughput(year: Year, a: Assignment): HubThroughput[] {
  const days = year.scenario.horizonDays;
  const rows: HubThroughput[] = [];
  year.scenario.hubs.forEach((h, i) => {
    let t = 0;
    for (let d = 0; d < days; d++) t += a.hubDayT[i * days + d]!;
    if (t > 0) rows.push({ hub: h.id, throughputT: t });
  });
  return rows;
}

/** An assignment as plain numbers: totals, ports, months, lines, legs and hubs (no typed arrays). */
export function assignmentView(year: Year, a: Assignment, choice: "cost" | "logit"): AssignmentView {
  const unservedT = Object.fromEntries(UNSERVED_REASONS.map((r) => [r, a.unservedT[r]])) as AssignmentView["unservedT"];
  return {
    choice,
    demandT: a.servedT + UNSERVED_REASONS.reduce((s, r) => s + a.unservedT[r], 0),
    servedT: a.servedT,
    unservedT,
    tonneKm: a.tonneKm,
    costCny: a.costCny,
    co2Kg: a.co2Kg,
    bookings: a.bookings,
    dispatch: { ...a.dispatch },
    ports: a.ports.map((p) => ({ ...p })),
    monthly: monthly(year, a),
    lines: lineUse(year, a),
    legs: legFlows(year, a),
    hubs: hubThroughput(year, a),
  };
}
