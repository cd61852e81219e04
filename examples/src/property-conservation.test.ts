// A property test to copy: whatever what-if a planner applies to a network, no tonne is lost.
// Random small scenarios come from @fourports/network/testing; the audits that say "every
// tonne released is delivered or unserved with a reason, no departure overfilled" come from
// @fourports/flow/testing (the assignment) and @fourports/sim/testing (the simulation's log).
// Swap in your own overrides and keep the audits.
//
//   npx vitest run examples/src/property-conservation.test.ts
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignDemand, buildModel, expandTimetable, prepareRouting, runReplication, type Override, type SimLogEvent } from "fourports";
import { applyOverrides } from "@fourports/network";
import { scenarioArb } from "@fourports/network/testing";
import { auditAssignment } from "@fourports/flow/testing";
import { auditEventLog } from "@fourports/sim/testing";

const P = { source: "t", label: "ASSUMPTION" } as const;

/** A random what-if on the random scenarios: more or less demand, bigger or smaller vehicles. */
const whatIf: fc.Arbitrary<Override[]> = fc.tuple(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0.25, max: 4, noNaN: true })).map(([demand, capacity]) => [
  { op: "scale-demand", select: { commodities: ["general"] }, factor: demand, ...P },
  { op: "scale-services", select: { modes: ["air", "rail", "road"] }, capacityFactor: capacity, ...P },
]);

describe("a what-if never loses a tonne", () => {
  it("in the assignment", () => {
    fc.assert(
      fc.property(scenarioArb(), whatIf, (base, overrides) => {
        const sc = applyOverrides(base, overrides);
        const tt = expandTimetable(sc);
        const a = assignDemand(sc, prepareRouting(sc, tt), { choice: "cost", recordBookings: true, maxTransitDays: 10 });
        expect(auditAssignment(sc, tt, a)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("in the simulation, with delays, cancellations and closures", () => {
    fc.assert(
      fc.property(scenarioArb({ variability: true, storage: true }), whatIf, fc.integer({ min: 1, max: 1000 }), (base, overrides, seed) => {
        const sc = applyOverrides(base, overrides);
        const log: SimLogEvent[] = [];
        const r = runReplication(buildModel(sc, { maxTransitDays: 10 }), { seed, replication: 0, onEvent: (e) => log.push(e) });
        expect(auditEventLog(log, r)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
