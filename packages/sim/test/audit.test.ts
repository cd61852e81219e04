import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioArb } from "@fourports/network/testing";
import type { Scenario } from "@fourports/network";
import { buildModel, runReplication, type ReplicationResult, type SimLogEvent } from "@fourports/sim";
import { auditEventLog } from "@fourports/sim/testing";

// The audit must be able to fail: a log with a tonne lost or a trip overfilled is reported.
describe("auditEventLog", () => {
  // The first of a fixed sample of scenarios whose run loads something, so both faults can be made.
  const run = (sc: Scenario): { log: SimLogEvent[]; r: ReplicationResult } => {
    const log: SimLogEvent[] = [];
    const r = runReplication(buildModel(sc, { maxTransitDays: 10 }), { seed: 1, replication: 0, onEvent: (e) => log.push(e) });
    return { log, r };
  };
  const { log, r } = fc
    .sample(scenarioArb({ variability: true }), { numRuns: 50, seed: 3 })
    .map(run)
    .find((x) => x.log.some((e) => e.kind === "board"))!;

  it("passes a real run", () => {
    expect(auditEventLog(log, r)).toEqual([]);
  });

  it("reports a consignment that never ends", () => {
    const i = log.findIndex((e) => e.kind === "deliver" || e.kind === "unserved");
    const lost = [...log.slice(0, i), ...log.slice(i + 1)];
    expect(auditEventLog(lost, r).join("\n")).toMatch(/never delivered or unserved/);
  });

  it("reports a trip loaded past its capacity", () => {
    const over = log.map((e) => (e.kind === "depart" ? { ...e, capacityT: 0 } : e));
    expect(auditEventLog(over, r).join("\n")).toMatch(/above its capacity/);
  });
});
