import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Scenario } from "@fourports/network";
import { ConnectionScan, UNREACHED } from "@fourports/routing";
import { minCostFlow, timeExpandedNetwork, type FlowArc } from "@fourports/flow";
import { timetableArb } from "../../routing/test/timetables.js";

describe("timeExpandedNetwork", () => {
  it("its quickest path from an origin equals the Connection Scan's earliest arrival, transfers and links included", () => {
    fc.assert(
      fc.property(timetableArb, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 * 1440 }), (net, a, b, dep) => {
        const source = a % net.hubCount;
        const target = b % net.hubCount;
        fc.pre(source !== target);
        // The time-expanded network needs only the horizon and each hub's handling from the scenario.
        const scenario = { horizonDays: 3, hubs: net.hubIds.map(() => ({})) } as unknown as Scenario;
        const ten = timeExpandedNetwork(scenario, net, { originTimes: new Map([[source, [dep]]]) });
        const sink = ten.nodeCount;
        const arcs: FlowArc[] = Array.from(ten.from, (f, i) => ({ from: f, to: ten.to[i]!, capacity: 1, cost: ten.durationMin[i]! }));
        for (const [, n] of ten.arrivalNodes[target]!) arcs.push({ from: n, to: sink, capacity: 1, cost: 0 });
        const supply = new Array<number>(ten.nodeCount + 1).fill(0);
        supply[ten.originNodes[source]![0]![1]] = 1;
        supply[sink] = -1;
        const r = minCostFlow({ nodeCount: ten.nodeCount + 1, arcs, supply });
        const scan = new ConnectionScan(net);
        scan.run(source, dep, { target });
        if (scan.arrival[target] === UNREACHED) expect(r.status).toBe("infeasible");
        else {
          expect(r.status).toBe("optimal");
          expect(r.cost).toBe(scan.arrival[target]! - dep);
        }
        // Every ride arc carries one connection, with its capacity.
        for (let i = 0; i < ten.from.length; i++) {
          if (ten.kind[i] === "ride") expect(ten.capacityT[i]).toBe(net.timetable.capacityT[ten.connection[i]!]);
          expect(ten.durationMin[i]!).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
