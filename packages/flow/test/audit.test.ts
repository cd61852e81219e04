import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandTimetable } from "@fourports/network";
import { scenarioArb } from "@fourports/network/testing";
import { prepareRouting } from "@fourports/routing";
import { assignDemand } from "@fourports/flow";
import { auditAssignment } from "@fourports/flow/testing";

// The audit must be able to fail: an assignment with a load changed or a tonne lost is reported.
describe("auditAssignment", () => {
  const sc = fc.sample(scenarioArb().filter((s) => s.demand.some((d) => d.tPerYear > 1000)), { numRuns: 1, seed: 5 })[0]!;
  const tt = expandTimetable(sc);
  const a = assignDemand(sc, prepareRouting(sc, tt), { recordBookings: true, maxTransitDays: 10 });

  it("passes a real assignment", () => {
    expect(auditAssignment(sc, tt, a)).toEqual([]);
  });

  it("reports a load the bookings do not explain and a flow whose tonnes do not add up", () => {
    const connectionT = Float64Array.from(a.connectionT);
    connectionT[0] = connectionT[0]! + 0.5;
    const demand = a.demand.map((o, i) => (i === 0 ? { ...o, servedT: o.servedT + 1 } : o));
    const problems = auditAssignment(sc, tt, { ...a, connectionT, demand }).join("\n");
    expect(problems).toMatch(/connection 0: bookings add up to/);
    expect(problems).toMatch(new RegExp(`demand ${a.demand[0]!.demandId}: served`));
  });
});
