// The what-ifs of the examples, as lists of overrides on the 2025 seed: each is plain data a
// planner can copy into a scenario file's "overrides" (see examples/scenarios/*.json) or
// apply in code with applyOverrides. Nothing here runs a model, so the tests check them fast.
import { fileURLToPath } from "node:url";
import type { Override } from "fourports";

/** A seed file by name: seeds/zhengzhou-2025.json and the like. */
export const seed = (name: string): string => fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url));
/** A what-if file of the examples by name: examples/scenarios/…json. */
export const whatIfFile = (name: string): string => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));

const WHAT_IF = { source: "fourports", label: "ASSUMPTION" } as const;

/** Erenhot closed for the second quarter (a border closure: no train crosses it). */
export function erenhotClosure(from = "2025-04-01", to = "2025-06-30"): Override[] {
  return [{ op: "close-hub", hub: "ERENHOT", from, to, reason: "what-if: border closed for a quarter", ...WHAT_IF, note: "what-if" }];
}

/**
 * Rail-sea push: twice the rail-sea trains from Zhengzhou to the seaports (the RS- lines, both
 * land ports), and the port-bound flows committed to rail (no trucking to the port), the
 * policy the rail-sea targets assume.
 */
export function railSeaPush(trainFactor = 2): Override[] {
  return [
    { op: "scale-frequency", select: { idPrefixes: ["RS-"] }, factor: trainFactor, ...WHAT_IF, note: `what-if: rail-sea trains × ${trainFactor}` },
    { op: "update-demand", select: { ids: ["RS-X-QINGDAO", "RS-X-LIANYUNGANG", "RS-X-NINGBO", "RS-X-SHANGHAI-PORT"] }, set: { modes: ["rail"] }, ...WHAT_IF, note: "what-if: port-bound export flows go by rail-sea only" },
  ];
}

/**
 * A new freighter route CGO ↔ Warsaw Chopin (WAW), twice a week, with a road link from the
 * airport to the Warsaw rail gateway, so cargo for Warsaw that rides the China-Europe train
 * today may fly instead.
 */
export function newAirRoute(perWeek = 2): Override[] {
  const leg = { line: "AIR-CGO-WAW", mode: "air", distanceKm: 7100, durationMin: 580, capacityT: 102, tariffCnyPerT: 25000, international: true, vehicle: "B777F", ...WHAT_IF, note: "what-if: new route; figures as the CGO–BUD freighter" } as const;
  return [
    {
      op: "add-hubs",
      hubs: [{ id: "WAW", name: "Warsaw Chopin airport", kind: "airport", portGroup: "air", city: "Warsaw", country: "PL", lon: 20.97, lat: 52.17, transferMin: { default: 240 }, ...WHAT_IF }],
      ...WHAT_IF,
    },
    { op: "add-transfers", transfers: [{ from: "WAW", to: "WARSAW", durationMin: 60, distanceKm: 35, bidirectional: true, ...WHAT_IF }], ...WHAT_IF },
    {
      op: "add-services",
      services: [
        { id: "AIR-CGO-WAW-OUT", from: "CGO", to: "WAW", schedule: { type: "frequency", perWeek, firstTime: "02:00" }, ...leg },
        { id: "AIR-CGO-WAW-IN", from: "WAW", to: "CGO", schedule: { type: "frequency", perWeek, firstTime: "14:00" }, ...leg },
      ],
      ...WHAT_IF,
    },
  ];
}

/** Every high-speed-rail freight tariff × factor (0.8 = 20% cheaper). */
export function hsrTariff(factor: number): Override[] {
  return [{ op: "scale-tariffs", select: { modes: ["hsr"] }, factor, ...WHAT_IF, note: `what-if: HSR freight tariffs × ${factor}` }];
}

/** China-Europe path slots (the CRE- services, dispatched on demand) × factor. */
export function creSlots(factor: number): Override[] {
  return [{ op: "scale-frequency", select: { idPrefixes: ["CRE-"], modes: ["rail"] }, factor, ...WHAT_IF, note: `what-if: China-Europe path slots × ${factor}` }];
}

/** China-Europe demand (the CRE- flows) × factor. */
export function creDemand(factor: number, flowIds: string[]): Override[] {
  return [{ op: "scale-demand", select: { ids: flowIds }, factor, ...WHAT_IF, note: `what-if: China-Europe demand × ${factor}` }];
}
