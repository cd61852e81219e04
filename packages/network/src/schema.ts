import { z } from "zod";
import { COMMODITIES, DISPATCH_KINDS, HUB_KINDS, LABELS, MODES, PORT_GROUPS, WEEKDAYS } from "./types.js";
import type {
  DemandFlow,
  Disruption,
  Variability,
  Hub,
  Override,
  ScenarioFile,
  Service,
  TransferLink,
} from "./types.js";

// The structural half of validation lives here, once: the loader checks files against these
// schemas and the JSON Schema shipped for editors is generated from them, so the two agree.
// Cross-references, dates in order and the like are checked in check.ts.

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATETIME_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const id = z
  .string()
  .regex(ID_RE, { error: 'expected an id of letters, digits, ".", "_" or "-"' });
const name = z.string().min(1, { error: "expected a non-empty string" });
const date = z.string().regex(DATE_RE, { error: 'expected a date "YYYY-MM-DD"' });
const clock = z.string().regex(TIME_RE, { error: 'expected a time "HH:MM" (00:00–23:59)' });
const dateTime = z
  .string()
  .regex(DATETIME_RE, { error: 'expected a local date-time "YYYY-MM-DDTHH:MM"' });
const nonNeg = z.number().nonnegative();
const positive = z.number().positive();
const minutes = z.number().int().nonnegative();
const mode = z.enum(MODES);

const provenance = {
  source: z.string().min(1).describe("Key of the scenario's sources table."),
  label: z.enum(LABELS),
  note: z.string().optional(),
};

const figureKey = z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)?$/, { error: 'expected a field name such as "capacityT" or "handling.tPerDay"' });
const sourced = {
  ...provenance,
  figures: z
    .record(figureKey, z.strictObject(provenance))
    .optional()
    .describe("Sources of single figures that differ from the entity's own source."),
};

const sourceRef = z.strictObject({
  title: name,
  reference: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
});

const handling = z.strictObject({
  tPerDay: nonNeg.optional(),
  teuPerDay: nonNeg.optional(),
  trainsPerDay: nonNeg.optional(),
  flightsPerDay: nonNeg.optional(),
  trucksPerDay: nonNeg.optional(),
});

const closure = z.strictObject({ from: date, to: date, reason: z.string().optional() });

const transferMin = z
  .record(z.string(), minutes)
  .describe('Minutes keyed by "arrivingMode>departingMode", plus a required "default".');

const hubShape = {
  id,
  name,
  nameZh: z.string().optional(),
  kind: z.enum(HUB_KINDS),
  portGroup: z.enum(PORT_GROUPS).nullable(),
  city: name,
  country: z.string().regex(/^[A-Z]{2}$/, { error: "expected an ISO 3166-1 alpha-2 code" }),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  handling: handling.optional(),
  transferMin,
  gaugeChangeMin: minutes.optional(),
  backgroundTrainsPerDay: nonNeg.optional(),
  storageT: positive.optional(),
  expresswayAccessMin: nonNeg.optional(),
  opens: date.optional(),
  closes: date.optional(),
  planned: z.boolean().optional(),
  closures: z.array(closure).optional(),
  ...sourced,
};
const hub: z.ZodType<Hub> = z.strictObject(hubShape);

const schedule = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("weekly"),
    days: z.array(z.enum(WEEKDAYS)).min(1),
    times: z.array(clock).min(1),
  }),
  z.strictObject({
    type: z.literal("frequency"),
    perWeek: z.number().int().positive().optional(),
    perDay: z.number().int().positive().optional(),
    firstTime: clock.optional(),
  }),
  z.strictObject({ type: z.literal("departures"), at: z.array(dateTime) }),
]);

const onDemand = z.strictObject({
  vehicles: z.number().int().positive(),
  rotationMin: z.number().int().positive(),
  minLoadFactor: z.number().gt(0, { error: "expected a share above 0" }).max(1, { error: "expected a share of at most 1" }),
  maxWaitMin: minutes,
});

const stop = z.strictObject({ hub: id, arriveMin: minutes, departMin: minutes });

const serviceShape = {
  id,
  line: id,
  mode,
  from: id,
  to: id,
  via: z.array(stop).optional(),
  distanceKm: positive,
  durationMin: z.number().int().positive(),
  capacityT: positive,
  capacityTeu: nonNeg.optional(),
  schedule,
  tariffCnyPerT: nonNeg,
  international: z.boolean(),
  starts: date.optional(),
  ends: date.optional(),
  suspensions: z.array(closure).optional(),
  operator: z.string().optional(),
  vehicle: z.string().optional(),
  dispatch: z.enum(DISPATCH_KINDS).optional(),
  onDemand: onDemand.optional(),
  ...sourced,
};
const service: z.ZodType<Service> = z.strictObject(serviceShape);

const transfer: z.ZodType<TransferLink> = z.strictObject({
  from: id,
  to: id,
  durationMin: minutes,
  distanceKm: nonNeg,
  bidirectional: z.boolean(),
  ...sourced,
});

const demand: z.ZodType<DemandFlow> = z.strictObject({
  id,
  from: id,
  to: id,
  commodity: z.enum(COMMODITIES),
  tPerYear: nonNeg,
  teuPerYear: nonNeg.optional(),
  valueOfTimeCnyPerTHour: nonNeg,
  modes: z.array(mode).min(1).optional(),
  seasonality: z.array(positive).length(12).optional(),
  releaseFrom: date.optional(),
  releaseTo: date.optional(),
  maxTransitDays: positive.optional(),
  ...sourced,
});

const serviceSelector = z.strictObject({
  ids: z.array(id).min(1).optional(),
  lines: z.array(id).min(1).optional(),
  modes: z.array(mode).min(1).optional(),
  hubs: z.array(id).min(1).optional(),
  international: z.boolean().optional(),
});

const demandSelector = z.strictObject({
  ids: z.array(id).min(1).optional(),
  commodities: z.array(z.enum(COMMODITIES)).min(1).optional(),
  hubs: z.array(id).min(1).optional(),
});

const hubPatch = z.strictObject({
  name: hubShape.name.optional(),
  nameZh: hubShape.nameZh,
  handling: hubShape.handling,
  transferMin: transferMin.optional(),
  gaugeChangeMin: hubShape.gaugeChangeMin,
  backgroundTrainsPerDay: hubShape.backgroundTrainsPerDay,
  storageT: hubShape.storageT,
  expresswayAccessMin: hubShape.expresswayAccessMin,
  opens: hubShape.opens,
  closes: hubShape.closes,
  planned: hubShape.planned,
  portGroup: hubShape.portGroup.optional(),
});

const servicePatch = z.strictObject({
  capacityT: serviceShape.capacityT.optional(),
  capacityTeu: serviceShape.capacityTeu,
  schedule: schedule.optional(),
  starts: serviceShape.starts,
  ends: serviceShape.ends,
  tariffCnyPerT: serviceShape.tariffCnyPerT.optional(),
  durationMin: serviceShape.durationMin.optional(),
  distanceKm: serviceShape.distanceKm.optional(),
  operator: serviceShape.operator,
  vehicle: serviceShape.vehicle,
  dispatch: serviceShape.dispatch,
  onDemand: serviceShape.onDemand,
});

const override: z.ZodType<Override> = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("add-hubs"), hubs: z.array(hub).min(1), ...provenance }),
  z.strictObject({
    op: z.literal("add-services"),
    services: z.array(service).min(1),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("add-transfers"),
    transfers: z.array(transfer).min(1),
    ...provenance,
  }),
  z.strictObject({ op: z.literal("add-demand"), demand: z.array(demand).min(1), ...provenance }),
  z.strictObject({ op: z.literal("remove-services"), select: serviceSelector, ...provenance }),
  z.strictObject({ op: z.literal("remove-demand"), select: demandSelector, ...provenance }),
  z.strictObject({ op: z.literal("update-hub"), hub: id, set: hubPatch, ...provenance }),
  z.strictObject({
    op: z.literal("update-services"),
    select: serviceSelector,
    set: servicePatch,
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("scale-services"),
    select: serviceSelector,
    capacityFactor: nonNeg,
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("close-hub"),
    hub: id,
    from: date,
    to: date,
    reason: z.string().optional(),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("close-services"),
    select: serviceSelector,
    from: date,
    to: date,
    reason: z.string().optional(),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("scale-demand"),
    select: demandSelector,
    factor: nonNeg,
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("move-services"),
    select: serviceSelector,
    fromHub: id,
    toHub: id,
    on: date,
    idSuffix: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected letters, digits, ".", "_" or "-"' }),
    ...provenance,
  }),
]);

const share = z.number().min(0).max(1);
const cv = nonNeg.max(10, { error: "expected a coefficient of variation of at most 10" });
const modeVariability = z.strictObject({
  departureDelayMeanMin: nonNeg,
  departureDelayCv: cv,
  runTimeCv: cv,
  cancelProbability: share,
  ...provenance,
});
const disruption: z.ZodType<Disruption> = z.strictObject({
  kind: z.enum(["hub-closure", "capacity-cut"]),
  hub: id,
  from: date.optional(),
  to: date.optional(),
  probabilityPerDay: share.optional(),
  durationMin: z.number().int().positive().optional(),
  capacityFactor: share.optional(),
  ...provenance,
});
const variability: z.ZodType<Variability> = z.strictObject({
  consignmentCv: cv,
  consignment: z.strictObject(provenance),
  modes: z.partialRecord(mode, modeVariability),
  gaugeChangeCv: cv,
  gaugeChange: z.strictObject(provenance),
  disruptions: z.array(disruption).optional(),
});

/** The schema of a list of overrides, for what-ifs built in code. */
export const overrideListSchema: z.ZodType<Override[]> = z.array(override);

/** The schema of a scenario file. */
export const scenarioFileSchema: z.ZodType<ScenarioFile> = z.strictObject({
  $schema: z.string().optional(),
  id,
  name,
  description: z.string().optional(),
  extends: z.string().min(1).optional(),
  epoch: date.optional(),
  horizonDays: z.number().int().positive().max(3660).optional(),
  homeCity: name.optional(),
  sources: z.record(id, sourceRef).optional(),
  hubs: z.array(hub).optional(),
  services: z.array(service).optional(),
  transfers: z.array(transfer).optional(),
  demand: z.array(demand).optional(),
  variability: variability.optional(),
  overrides: z.array(override).optional(),
});

/** The JSON Schema (draft 2020-12) shipped as schema/scenario.schema.json. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const body = z.toJSONSchema(scenarioFileSchema, { target: "draft-2020-12", reused: "ref" }) as Record<
    string,
    unknown
  >;
  return {
    $schema: body["$schema"],
    title: "fourports scenario",
    description:
      "A freight network scenario: hubs, scheduled services, transfer links and demand, or a what-if that extends another scenario with overrides. Times are Asia/Shanghai.",
    ...Object.fromEntries(Object.entries(body).filter(([k]) => k !== "$schema")),
  };
}
