import type { ScenarioSummary } from "@fourports/network";
import type { AssignmentSummary } from "@fourports/flow";
import type { RouteAnswer } from "@fourports/routing";
import type { SimulationResult } from "@fourports/sim";
import type { MimeBundle } from "./display.js";
import { num, pct, tablesBundle, type DisplayTable } from "./tables.js";

// Tables for the results @fourports/report has no renderer for: a scenario's summary, one
// simulate() run and one assignment. Rows are built once and drawn as HTML and as text.

/** A scenario's counts and its weekly capacity at the home city's ports. */
export function summaryBundle(s: ScenarioSummary): MimeBundle {
  const counts: DisplayTable = {
    caption: "Counts",
    headers: ["what", "count"],
    numeric: [1],
    rows: [
      ["hubs", num(s.hubCount)],
      ["home-city hubs", num(s.homeHubs.length)],
      ["services", num(s.serviceCount)],
      ["lines", num(s.lineCount)],
      ["trips in the horizon", num(s.tripCount)],
      ["cancelled trips", num(s.cancelledTrips)],
      ["demand, t/year", num(s.demandTPerYear)],
    ],
  };
  const weekly: DisplayTable = {
    caption: "An average week at the home city's ports",
    headers: ["port", "mode", "departures/week", "arrivals/week", "capacity t/week", "capacity TEU/week"],
    numeric: [2, 3, 4, 5],
    rows: s.weekly.map((r) => [r.portGroup, r.mode, num(r.departuresPerWeek, 1), num(r.arrivalsPerWeek, 1), num(r.capacityTPerWeek), num(r.capacityTeuPerWeek)]),
  };
  return tablesBundle(`Scenario ${s.id}: ${s.epoch}, ${s.horizonDays} days`, [counts, weekly]);
}

/** P50 (P5–P95) of a simulated figure. */
const band = (v: { p5: number; p50: number; p95: number } | null, digits = 0): string =>
  v === null ? "-" : `${num(v.p50, digits)} (${num(v.p5, digits)}–${num(v.p95, digits)})`;

/** A simulate() run: each target's spread and P(met), the year's totals and what binds most. */
export function simulationBundle(r: SimulationResult): MimeBundle {
  const targets: DisplayTable = {
    caption: "Targets",
    headers: ["target", "metric", "goal", "P50 (P5–P95)", "P(met)"],
    numeric: [2, 3, 4],
    rows: r.targets.map((t) => [t.id, t.metric, `${t.comparator} ${num(t.goal, 2)}`, band(t.value, 2), pct(t.pMet)]),
  };
  const totals: DisplayTable = {
    caption: "The year",
    headers: ["total", "P50 (P5–P95)"],
    numeric: [1],
    rows: Object.entries(r.totals).map(([k, v]) => [k, band(v)]),
  };
  const bottlenecks: DisplayTable = {
    caption: "Bottlenecks (mean utilisation)",
    headers: ["kind", "id", "utilisation", "detail"],
    numeric: [2],
    rows: r.bottlenecks.slice(0, 10).map((b) => [b.kind, b.id, pct(b.utilisation), b.detail]),
  };
  const tables = r.targets.length > 0 ? [targets, totals, bottlenecks] : [totals, bottlenecks];
  return tablesBundle(`Simulation of ${r.scenarioId}: ${r.replications} replications, seed ${r.seed} (stopped by ${r.stoppedBy})`, tables);
}

/** An assignment's year in numbers (see assignmentSummary). */
export function assignmentBundle(a: AssignmentSummary): MimeBundle {
  const totals: DisplayTable = {
    caption: "The year",
    headers: ["figure", "value"],
    numeric: [1],
    rows: [
      ["demand, t", num(a.demandT)],
      ["served, t", num(a.servedT)],
      ...Object.entries(a.unservedT).map(([k, v]): string[] => [`unserved (${k}), t`, num(v)]),
      ["tonne-km", num(a.tonneKm)],
      ["cost, CNY", num(a.costCny)],
      ["CO2, kg", num(a.co2Kg)],
      ["bookings", num(a.bookings)],
      ["trips that ran", `${num(a.tripsRan)} of ${num(a.trips)}`],
      ["connections used", `${num(a.connectionsUsed)} of ${num(a.connections)}`],
    ],
  };
  const ports: DisplayTable = {
    caption: "Home-city ports",
    headers: ["port", "mode", "loaded t", "unloaded t"],
    numeric: [2, 3],
    rows: a.ports.map((p) => [p.portGroup, p.mode, num(p.loadedT), num(p.unloadedT)]),
  };
  const notes = a.shortfalls.length > 0 ? [`${a.shortfalls.length} demand flows short; most: ${a.shortfalls[0]!.demandId} (${num(a.shortfalls[0]!.demandT - a.shortfalls[0]!.servedT)} t)`] : [];
  return tablesBundle(`Assignment of ${a.scenarioId}`, [totals, ports], notes);
}

const hours = (min: number): string => `${num(min / 60, 1)} h`;

/** A route answer: one table per journey, its legs with local times. */
export function routeBundle(r: RouteAnswer): MimeBundle {
  const tables = r.journeys.map((j, i): DisplayTable => ({
    caption: `Journey ${i + 1}: arrives ${j.arrives} after ${hours(j.durationMin)}${j.costCny === null ? "" : `, ${num(j.costCny)} CNY/t`}${j.co2Kg === null ? "" : `, ${num(j.co2Kg, 1)} kg CO2/t`}`,
    headers: ["service", "mode", "from", "departs", "to", "arrives"],
    rows: j.legs.map((l) => [l.serviceId ?? "(truck transfer)", l.mode, l.fromHub, l.departs, l.toHub, l.arrives]),
  }));
  const notes = [
    ...(r.journeys.length === 0 ? ["No journey within the horizon."] : []),
    ...(r.truncated ? ["The Pareto label sets were capped: the list may miss journeys."] : []),
  ];
  return tablesBundle(`${r.fromHub} → ${r.toHub}, ready ${r.departs} (${r.criteria.join(", ")})`, tables, notes);
}
