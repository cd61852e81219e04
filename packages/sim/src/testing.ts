/**
 * Audits for property tests of simulations: `@fourports/sim/testing`. Pair with the random
 * scenarios of `@fourports/network/testing`.
 *
 * @module
 */
import type { SimLogEvent } from "./log.js";
import type { ReplicationResult } from "./result.js";

/** Tolerance of the audit's sums, relative to the tonnes released (floating-point splits). */
const REL_EPS = 1e-6;

/**
 * Audits one replication's event log (collected with `onEvent`) against its result: every
 * released tonne is delivered or unserved exactly once (conservation), nothing boards twice or
 * boards a cancelled trip, no departure carries more than its capacity, and the result's
 * released, delivered and unserved tonnes match the log. Returns the problems found, in plain
 * words; an empty list means the run passed. Meant for property tests:
 * `expect(auditEventLog(log, result)).toEqual([])`.
 */
export function auditEventLog(log: readonly SimLogEvent[], result: Pick<ReplicationResult, "releasedT" | "deliveredT" | "unservedT">): string[] {
  const problems: string[] = [];
  const balance = new Map<number, number>();
  const move = (k: number, t: number): void => {
    balance.set(k, (balance.get(k) ?? 0) + t);
  };
  const aboard = new Map<number, { trip: number; tonnes: number }>();
  const tripLoad = new Map<number, number>();
  const tripCap = new Map<number, number>();
  const cancelled = new Set<number>();
  const ended = new Set<number>();
  let released = 0;
  for (const e of log) {
    switch (e.kind) {
      case "release":
        released += e.tonnes;
        move(e.k, e.tonnes);
        break;
      case "split":
        move(e.k, -e.tonnes);
        move(e.into, e.tonnes);
        break;
      case "board": {
        if (aboard.has(e.k)) problems.push(`t=${e.t}: consignment ${e.k} boards trip ${e.trip} while aboard another`);
        if (cancelled.has(e.trip)) problems.push(`t=${e.t}: consignment ${e.k} boards cancelled trip ${e.trip}`);
        const cap = tripCap.get(e.trip);
        if (cap === undefined) problems.push(`t=${e.t}: consignment ${e.k} boards trip ${e.trip} before it departs`);
        aboard.set(e.k, { trip: e.trip, tonnes: e.tonnes });
        const load = (tripLoad.get(e.trip) ?? 0) + e.tonnes;
        tripLoad.set(e.trip, load);
        if (cap !== undefined && load > cap + 1e-6) problems.push(`t=${e.t}: trip ${e.trip} carries ${load} t, above its capacity ${cap} t`);
        break;
      }
      case "alight": {
        const a = aboard.get(e.k);
        if (a?.trip !== e.trip || Math.abs(a.tonnes - e.tonnes) > 1e-9 * Math.max(1, e.tonnes)) {
          problems.push(`t=${e.t}: consignment ${e.k} alights trip ${e.trip} with ${e.tonnes} t but boarded ${a ? `trip ${a.trip} with ${a.tonnes} t` : "nothing"}`);
        }
        aboard.delete(e.k);
        break;
      }
      case "deliver":
      case "unserved":
        if (aboard.has(e.k)) problems.push(`t=${e.t}: consignment ${e.k} ends (${e.kind}) while aboard a trip`);
        if (ended.has(e.k)) problems.push(`t=${e.t}: consignment ${e.k} ends twice`);
        ended.add(e.k);
        move(e.k, -e.tonnes);
        break;
      case "depart":
        tripCap.set(e.trip, e.capacityT);
        break;
      case "cancel":
        cancelled.add(e.trip);
        break;
      case "missed":
        break;
    }
  }
  const eps = REL_EPS * Math.max(1, released);
  for (const [k, b] of balance) if (Math.abs(b) >= eps) problems.push(`consignment ${k}: ${b} t released but never delivered or unserved`);
  if (aboard.size > 0) problems.push(`${aboard.size} consignments still aboard at the end`);
  const unserved = Object.values(result.unservedT).reduce((a, b) => a + b, 0);
  // Half a kilogram, as toBeCloseTo(x, 3), or a part in 10⁹ of large totals (summation error).
  const close = (a: number, b: number): boolean => Math.abs(a - b) < Math.max(5e-4, 1e-9 * Math.abs(b));
  if (!close(result.releasedT, released)) problems.push(`result releasedT ${result.releasedT} ≠ ${released} t released in the log`);
  if (!close(result.deliveredT + unserved, released)) problems.push(`result delivered ${result.deliveredT} t + unserved ${unserved} t ≠ ${released} t released`);
  return problems;
}
