import fc from "fast-check";
import { dateOfDayNumber, dayNumber, expandTimetable, loadScenarioValue, MODES, type ScenarioFile } from "@fourports/network";
import { MODE_COUNT, prepareRouting, ROAD, STATE_COUNT, type RoutingNetwork } from "../src/network.js";

const P = { source: "t", label: "ASSUMPTION" } as const;
const EPOCH = "2025-01-01";

/** Random small timetables with per-hub, per-mode-pair transfer times and transfer links. */
export const timetableArb: fc.Arbitrary<RoutingNetwork> = fc
  .record({
    hubs: fc.integer({ min: 2, max: 5 }),
    transfer: fc.array(fc.record({ def: fc.integer({ min: 0, max: 90 }), pairs: fc.array(fc.tuple(fc.constantFrom("air", "rail", "road"), fc.constantFrom("air", "rail", "road"), fc.integer({ min: 0, max: 200 })), { maxLength: 3 }) }), { minLength: 5, maxLength: 5 }),
    services: fc.array(
      fc.record({
        a: fc.nat(), b: fc.nat(), via: fc.option(fc.nat(), { nil: undefined }),
        mode: fc.constantFrom("air", "rail", "road"),
        duration: fc.integer({ min: 20, max: 900 }),
        tariff: fc.integer({ min: 0, max: 500 }),
        km: fc.integer({ min: 1, max: 3000 }),
        deps: fc.uniqueArray(fc.integer({ min: 0, max: 2 * 1440 - 1 }), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), min: fc.integer({ min: 1, max: 120 }), km: fc.integer({ min: 0, max: 80 }), both: fc.boolean() }), { maxLength: 4 }),
  })
  .map(({ hubs, transfer, services, links }) => {
    const ids = Array.from({ length: hubs }, (_, i) => `H${i}`);
    const pair = (a: number, b: number): [number, number] => {
      const i = a % hubs;
      return [i, (i + 1 + (b % (hubs - 1))) % hubs];
    };
    const at = (m: number): string => {
      const d = dateOfDayNumber(dayNumber(EPOCH) + Math.floor(m / 1440));
      const r = m % 1440;
      return `${d}T${String(Math.floor(r / 60)).padStart(2, "0")}:${String(r % 60).padStart(2, "0")}`;
    };
    const seenLinks = new Set<string>();
    const file: ScenarioFile = {
      id: "r", name: "r", epoch: EPOCH, horizonDays: 3, homeCity: "H0", sources: { t: { title: "t" } },
      hubs: ids.map((id, i) => ({
        id, name: id, kind: "city" as const, portGroup: null, city: id, country: "CN", lon: i, lat: i, ...P,
        transferMin: { default: transfer[i]!.def, ...Object.fromEntries(transfer[i]!.pairs.map(([x, y, v]) => [`${x}>${y}`, v])) },
      })),
      services: services.map((s, k) => {
        const [from, to] = pair(s.a, s.b);
        const viaHub = s.via === undefined || hubs < 3 ? undefined : [0, 1, 2, 3, 4].slice(0, hubs).filter((h) => h !== from && h !== to)[s.via % (hubs - 2)]!;
        const half = Math.floor(s.duration / 2);
        return {
          id: `S${k}`, line: `L${k}`, mode: s.mode, from: ids[from]!, to: ids[to]!, distanceKm: s.km, durationMin: s.duration,
          capacityT: 10, tariffCnyPerT: s.tariff, international: false, schedule: { type: "departures" as const, at: s.deps.map(at) }, ...P,
          ...(viaHub === undefined || half < 2 ? {} : { via: [{ hub: ids[viaHub]!, arriveMin: half - 1, departMin: half }] }),
        };
      }),
      transfers: links.flatMap((l) => {
        const [from, to] = pair(l.a, l.b);
        const key = `${Math.min(from, to)}-${Math.max(from, to)}`;
        if (seenLinks.has(key)) return [];
        seenLinks.add(key);
        return [{ from: ids[from]!, to: ids[to]!, durationMin: l.min, distanceKm: l.km, bidirectional: l.both, ...P }];
      }),
      demand: [],
    };
    const sc = loadScenarioValue(file);
    return prepareRouting(sc, expandTimetable(sc));
  });

export interface Outcome {
  hub: number;
  t: number;
  cost: number;
  co2: number;
}

/**
 * Every journey from source leaving at departMin, enumerated depth-first: board any
 * connection the transfer rules allow, ride its trip to any later stop, or take one transfer
 * link (never two in a row). Returns each (hub, arrival, cost, CO2) reached.
 */
export function enumerateJourneys(net: RoutingNetwork, source: number, departMin: number): Outcome[] {
  const t = net.timetable;
  const out: Outcome[] = [];
  const transfer = (hub: number, state: number, mode: number): number => net.transferMin[(hub * STATE_COUNT + state) * MODE_COUNT + mode]!;
  const walk = (hub: number, time: number, state: number, cost: number, co2: number, byLink: boolean, depth: number): void => {
    out.push({ hub, t: time, cost, co2 });
    if (depth > 6) return;
    if (!byLink) {
      for (let k = net.linkOffsets[hub]!; k < net.linkOffsets[hub + 1]!; k++) {
        walk(net.linkTo[k]!, time + transfer(hub, state, ROAD) + net.linkMin[k]!, ROAD, cost + net.linkCostCny[k]!, co2 + net.linkCo2Kg[k]!, true, depth + 1);
      }
    }
    for (let c = 0; c < t.length; c++) {
      if (t.depHub[c] !== hub || t.depMin[c]! < time + transfer(hub, state, net.connMode[c]!)) continue;
      // Ride the trip leg by leg, alighting at any stop.
      let cur = c;
      let cc = cost;
      let ce = co2;
      for (;;) {
        cc += net.connCostCny[cur]!;
        ce += net.connCo2Kg[cur]!;
        walk(t.arrHub[cur]!, t.arrMin[cur]!, net.connMode[cur]!, cc, ce, false, depth + 1);
        let next = -1;
        for (let d = 0; d < t.length; d++) {
          if (t.trip[d] === t.trip[cur] && t.depHub[d] === t.arrHub[cur] && t.depMin[d]! >= t.arrMin[cur]!) next = d;
        }
        if (next < 0) break;
        cur = next;
      }
    }
  };
  walk(source, departMin, STATE_COUNT - 1, 0, 0, false, 0);
  return out;
}

export { MODES };
