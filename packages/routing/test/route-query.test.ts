import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expandTimetable, FourportsInputError, loadScenarioFile, minuteOfDateTime } from "@fourports/network";
import { ConnectionScan, paretoJourneys, prepareRouting, routeQuery, type RouteJourney } from "@fourports/routing";

const seed = fileURLToPath(new URL("../../../seeds/zhengzhou-2025.json", import.meta.url));
const sc = loadScenarioFile(seed);
const net = prepareRouting(sc, expandTimetable(sc));
const depart = minuteOfDateTime(sc.epoch, "2025-07-01T08:00");

describe("routeQuery", () => {
  it("gives the earliest arrival of the connection scan, as plain JSON with readable times", () => {
    const r = routeQuery(sc, net, { from: "Zhengzhou", to: "hamburg", departMin: depart });
    const scan = new ConnectionScan(net);
    scan.run(net.hubIds.indexOf("ZZ-CITY"), depart, { target: net.hubIds.indexOf("HAMBURG") });
    const j = scan.journey(net.hubIds.indexOf("HAMBURG"))!;
    expect(r).toMatchObject({ fromHub: "ZZ-CITY", toHub: "HAMBURG", departs: "2025-07-01 08:00", criteria: ["time"], windowMin: null, truncated: false });
    expect(r.journeys).toHaveLength(1);
    expect(r.journeys[0]).toMatchObject({ arriveMin: j.arriveMin, durationMin: j.arriveMin - depart, costCny: null, co2Kg: null });
    expect(r.journeys[0]!.legs.map((l) => l.serviceId)).toEqual(j.legs.map((l) => (l.kind === "service" ? l.serviceId : null)));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("keeps the Pareto journeys no other beats on the chosen criteria", () => {
    const all = paretoJourneys(net, net.hubIds.indexOf("ZZ-CITY"), net.hubIds.indexOf("HAMBURG"), depart, { windowMin: 30 * 1440 });
    const r = routeQuery(sc, net, { from: "ZZ-CITY", to: "HAMBURG", departMin: depart, criteria: ["cost", "time"] });
    expect(r.criteria).toEqual(["time", "cost"]);
    expect(r.journeys.length).toBeGreaterThan(0);
    const beats = (k: { arriveMin: number; costCny: number | null }, j: RouteJourney): boolean =>
      k.arriveMin <= j.arriveMin && k.costCny! <= j.costCny! && (k.arriveMin < j.arriveMin || k.costCny! < j.costCny!);
    for (const j of r.journeys) expect(all.journeys.some((k) => beats(k, j)), `${j.arrives} ${j.costCny}`).toBe(false);
    // Every journey of the full set that is not kept is beaten by a kept one.
    const kept = new Set(r.journeys.map((j) => `${j.arriveMin}/${j.costCny}/${j.co2Kg}`));
    for (const k of all.journeys.filter((k) => !kept.has(`${k.arriveMin}/${k.costCny}/${k.co2Kg}`))) {
      expect(r.journeys.some((j) => j.arriveMin <= k.arriveMin && j.costCny! <= k.costCny!)).toBe(true);
    }
  });

  it("rejects unknown hubs, bad criteria and a ready time outside the horizon", () => {
    expect(() => routeQuery(sc, net, { from: "ZZ-CITY", to: "HAMBRUG" })).toThrow(FourportsInputError);
    expect(() => routeQuery(sc, net, { from: "ZZ-CITY", to: "LUX", criteria: ["speed" as "time"] })).toThrow(/criteria: expected distinct values of time, cost, co2/);
    expect(() => routeQuery(sc, net, { from: "ZZ-CITY", to: "LUX", criteria: ["time", "time"] })).toThrow(/criteria/);
    expect(() => routeQuery(sc, net, { from: "ZZ-CITY", to: "LUX", departMin: sc.horizonDays * 1440 })).toThrow(/outside the scenario's horizon/);
    expect(() => routeQuery(sc, net, { from: "ZZ-CITY", to: "LUX", departMin: -1 })).toThrow(/outside the scenario's horizon/);
  });
});
