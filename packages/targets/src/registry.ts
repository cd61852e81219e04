import { checkAgainst, LABELS, readJsonFile, ScenarioError, type Label, type SourceRef } from "@fourports/network";
import { z } from "zod";

/**
 * The metrics a target can measure; each has its own counting rule in the ceilings and the simulation.
 * "not-modelled" marks targets the model cannot evaluate.
 */
export const METRICS = [
  "air-cargo-t",
  "cre-trains",
  "cre-lines",
  "hsr-lines",
  "hsr-t",
  "air-hub-coverage",
  "air-routes-open",
  "road-intl-new-lines",
  "road-intl-growth",
  "expressway-access-min",
  "hub-open-with-trains",
  "reach-share",
  "rural-counts",
  "not-modelled",
] as const;
/** A target metric, one of {@link METRICS}. */
export type Metric = (typeof METRICS)[number];

/** ">=", ">", "<=": numeric; "all": every listed hub; "by": a date; "report": no threshold. */
export const COMPARATORS = [">=", ">", "<=", "all", "by", "report"] as const;
/** How a target compares a value with its goal, one of {@link COMPARATORS}. */
export type Comparator = (typeof COMPARATORS)[number];

/** A destination city of the reach circle, with its weight in its group and where it comes from. */
export interface ReachDestination {
  /** Unique id of the destination. */
  id: string;
  /** Name of the city. */
  name: string;
  /** ISO 3166-1 alpha-2; decides whether import customs apply. */
  country: string;
  /** Which circle the city belongs to. */
  group: "domestic" | "neighbouring" | "worldwide";
  /** Longitude, decimal degrees (WGS 84). */
  lon: number;
  /** Latitude, decimal degrees (WGS 84). */
  lat: number;
  /** Relative weight inside its group (e.g. the airport's cargo tonnes). */
  weight: number;
  /**
   * The only hubs that serve the city, for cities onward trucking cannot reach from every hub
   * in range (islands, across the sea); [] for none. Default: every hub within truckMaxKm.
   */
  accessHubs?: string[];
  /** Key of the registry's `sources` table the destination comes from. */
  source: string;
  /** What kind of figure it is. */
  label: Label;
  /** Free-text remark. */
  note?: string;
}

/** How the 1/2/3-day reach circle is measured. */
export interface ReachSpec {
  /** Hub the freight leaves from. */
  origin: string;
  /** Door-to-door limit of each circle, days. */
  days: {
    /** Limit for domestic cities, days. */
    domestic: number;
    /** Limit for cities in neighbouring countries, days. */
    neighbouring: number;
    /** Limit for the rest of the world, days. */
    worldwide: number;
  };
  /** ISO codes of the countries counted as neighbouring. */
  neighbouringCountries: string[];
  /**
   * The destination cities, door to door. Without a list every hub outside the home city is a
   * destination reached at the hub itself.
   */
  destinations?: ReachDestination[];
  /** Import customs clearance at a destination outside the origin's country, minutes. */
  customsMin?: number;
  /** Onward trucking from any hub within this many road km of a destination. */
  truckMaxKm?: number;
  /** Speed of the onward truck, km/h (default 60). */
  truckKmPerHour?: number;
  /** Key of the registry's `sources` table the spec comes from. */
  source: string;
  /** What kind of figure it is. */
  label: Label;
  /** Free-text remark. */
  note?: string;
}

/** One policy target: what it measures, the goal, and the document that sets it. */
export interface Target {
  /** Unique id of the target. */
  id: string;
  /** Short title of the target, for reports. */
  title: string;
  /** What the target measures. */
  metric: Metric;
  /** How a value is compared with `value`. */
  comparator: Comparator;
  /** A number, a date "YYYY-MM-DD" for "by", null for "all" and "report". */
  value: number | string | null;
  /** Unit of the goal. */
  unit: string;
  /** The year the goal applies to; null for targets without one. */
  year: number | null;
  /** Hubs the target is about (IATA codes, hub ids). */
  hubs?: string[];
  /** Key of the registry's `sources` table: the document that sets the target. */
  source: string;
  /** Clause or section of that document. */
  reference: string;
  /** What kind of figure the goal is (a policy TARGET, mostly). */
  label: Label;
  /** Free-text remark. */
  note?: string;
  /** How to measure the reach circle, for "reach-share" targets. */
  reach?: ReachSpec;
}

/** A set of targets with the documents that set them (seeds/targets). */
export interface TargetRegistry {
  /** Unique id of the registry. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** Documents the targets cite, by key. */
  sources: Record<string, SourceRef>;
  /** The targets. */
  targets: Target[];
}

/** The provenance table shared by the seeds files that are not scenarios. */
export const sourcesSchema: z.ZodType<Record<string, SourceRef>> = z.record(
  z.string(),
  z.strictObject({ title: z.string().min(1), reference: z.string().optional(), date: z.string().optional(), url: z.string().optional() }),
);

const targetSchema: z.ZodType<Target> = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    metric: z.enum(METRICS),
    comparator: z.enum(COMPARATORS),
    value: z.union([z.number(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.null()]),
    unit: z.string().min(1),
    year: z.number().int().nullable(),
    hubs: z.array(z.string().min(1)).min(1).optional(),
    source: z.string().min(1),
    reference: z.string().min(1),
    label: z.enum(LABELS),
    note: z.string().optional(),
    reach: z
      .strictObject({
        origin: z.string().min(1),
        days: z.strictObject({ domestic: z.number().positive(), neighbouring: z.number().positive(), worldwide: z.number().positive() }),
        neighbouringCountries: z.array(z.string().regex(/^[A-Z]{2}$/, { error: "expected an ISO 3166-1 alpha-2 code" })),
        destinations: z
          .array(
            z.strictObject({
              id: z.string().min(1),
              name: z.string().min(1),
              country: z.string().regex(/^[A-Z]{2}$/, { error: "expected an ISO 3166-1 alpha-2 code" }),
              group: z.enum(["domestic", "neighbouring", "worldwide"]),
              lon: z.number().min(-180).max(180),
              lat: z.number().min(-90).max(90),
              weight: z.number().positive(),
              accessHubs: z.array(z.string().min(1)).optional(),
              source: z.string().min(1),
              label: z.enum(LABELS),
              note: z.string().optional(),
            }),
          )
          .min(1)
          .optional(),
        customsMin: z.number().int().nonnegative().optional(),
        truckMaxKm: z.number().nonnegative().optional(),
        truckKmPerHour: z.number().positive().optional(),
        source: z.string().min(1),
        label: z.enum(LABELS),
        note: z.string().optional(),
      })
      .optional(),
  })
  .superRefine((t, ctx) => {
    const numeric = t.comparator === ">=" || t.comparator === ">" || t.comparator === "<=";
    if (numeric && typeof t.value !== "number") {
      ctx.addIssue({ code: "custom", path: ["value"], message: `comparator "${t.comparator}" needs a number` });
    }
    if (t.comparator === "by" && typeof t.value !== "string") {
      ctx.addIssue({ code: "custom", path: ["value"], message: 'comparator "by" needs a date "YYYY-MM-DD"' });
    }
    if ((t.comparator === "all" || t.comparator === "report") && t.value !== null) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `comparator "${t.comparator}" takes value null` });
    }
  });

const registrySchema: z.ZodType<TargetRegistry> = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    sources: sourcesSchema,
    targets: z.array(targetSchema).min(1),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.targets.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: "custom", path: ["targets", i, "id"], message: `duplicate target id "${t.id}"` });
      seen.add(t.id);
      if (!Object.hasOwn(r.sources, t.source)) {
        ctx.addIssue({ code: "custom", path: ["targets", i, "source"], message: `unknown source "${t.source}"` });
      }
      if (t.reach && !Object.hasOwn(r.sources, t.reach.source)) {
        ctx.addIssue({ code: "custom", path: ["targets", i, "reach", "source"], message: `unknown source "${t.reach.source}"` });
      }
      const ids = new Set<string>();
      t.reach?.destinations?.forEach((d, k) => {
        const at = ["targets", i, "reach", "destinations", k];
        if (ids.has(d.id)) ctx.addIssue({ code: "custom", path: [...at, "id"], message: `duplicate destination id "${d.id}"` });
        ids.add(d.id);
        if (!Object.hasOwn(r.sources, d.source)) ctx.addIssue({ code: "custom", path: [...at, "source"], message: `unknown source "${d.source}"` });
      });
    });
  });

/** Validates a parsed target registry; throws a ScenarioError naming file and JSON path. */
export function parseTargetRegistry(value: unknown, file = "<targets>"): TargetRegistry {
  const r = checkAgainst(registrySchema, value, file);
  if (!r.ok) throw new ScenarioError(r.list.issues);
  return r.data;
}

/** Reads and validates a target registry file; throws a ScenarioError naming file and JSON path. */
export function loadTargetRegistry(path: string): TargetRegistry {
  return parseTargetRegistry(readJsonFile(path), path);
}
