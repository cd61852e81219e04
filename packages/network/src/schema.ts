import { z } from "zod";
import { BOUNDS, LIMITS } from "./limits.js";
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
  .max(LIMITS.idLength)
  .regex(ID_RE, { error: 'expected an id of letters, digits, ".", "_" or "-"' });
const text = z.string().max(LIMITS.textLength);
const name = text.min(1, { error: "expected a non-empty string" });
const date = z.string().regex(DATE_RE, { error: 'expected a date "YYYY-MM-DD"' });
const clock = z.string().regex(TIME_RE, { error: 'expected a time "HH:MM" (00:00–23:59)' });
const dateTime = z
  .string()
  .regex(DATETIME_RE, { error: 'expected a local date-time "YYYY-MM-DDTHH:MM"' });
/** Every number has an upper bound: what the engine can represent and what is physically meaningful. */
const nonNeg = (max: number): z.ZodNumber => z.number().nonnegative().max(max);
const positive = (max: number): z.ZodNumber => z.number().positive().max(max);
const minutes = z.number().int().nonnegative().max(BOUNDS.legMin);
const items = <T extends z.ZodType>(item: T, max: number = LIMITS.arrayItems): z.ZodArray<T> => z.array(item).max(max);
const mode = z.enum(MODES);

const provenance = {
  source: z.string().min(1).max(LIMITS.idLength).describe("Key of the scenario's sources table."),
  label: z.enum(LABELS),
  note: text.optional(),
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
  reference: text.optional(),
  date: text.optional(),
  url: text.optional(),
});

const handling = z.strictObject({
  tPerDay: nonNeg(BOUNDS.handlingPerDay).optional(),
  teuPerDay: nonNeg(BOUNDS.handlingPerDay).optional(),
  trainsPerDay: nonNeg(BOUNDS.perDay).optional(),
  flightsPerDay: nonNeg(BOUNDS.perDay).optional(),
  trucksPerDay: nonNeg(BOUNDS.handlingPerDay).optional(),
});

const closure = z.strictObject({ from: date, to: date, reason: text.optional() });

const transferMin = z
  .record(z.string().max(LIMITS.idLength), minutes)
  .describe('Minutes keyed by "arrivingMode>departingMode", plus a required "default".');

const hubShape = {
  id,
  name,
  nameZh: text.optional(),
  kind: z.enum(HUB_KINDS),
  portGroup: z.enum(PORT_GROUPS).nullable(),
  city: name,
  country: z.string().regex(/^[A-Z]{2}$/, { error: "expected an ISO 3166-1 alpha-2 code" }),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  handling: handling.optional(),
  transferMin,
  gaugeChangeMin: minutes.optional(),
  backgroundTrainsPerDay: nonNeg(BOUNDS.perDay).optional(),
  storageT: positive(BOUNDS.handlingPerDay).optional(),
  expresswayAccessMin: nonNeg(BOUNDS.legMin).optional(),
  opens: date.optional(),
  closes: date.optional(),
  planned: z.boolean().optional(),
  closures: items(closure).optional(),
  ...sourced,
};
const hub: z.ZodType<Hub> = z.strictObject(hubShape);

const schedule = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("weekly"),
    days: items(z.enum(WEEKDAYS), 7).min(1),
    times: items(clock, BOUNDS.perDay).min(1),
  }),
  z.strictObject({
    type: z.literal("frequency"),
    perWeek: z.number().int().positive().max(BOUNDS.perWeek).optional(),
    perDay: z.number().int().positive().max(BOUNDS.perDay).optional(),
    firstTime: clock.optional(),
  }),
  z.strictObject({ type: z.literal("departures"), at: items(dateTime) }),
]);

const onDemand = z.strictObject({
  vehicles: z.number().int().positive().max(BOUNDS.vehiclesPerPool),
  rotationMin: z.number().int().positive().max(BOUNDS.legMin),
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
  via: items(stop).optional(),
  distanceKm: positive(BOUNDS.distanceKm),
  durationMin: z.number().int().positive().max(BOUNDS.legMin),
  capacityT: positive(BOUNDS.capacityTPerDeparture),
  capacityTeu: nonNeg(BOUNDS.capacityTeuPerDeparture).optional(),
  schedule,
  tariffCnyPerT: nonNeg(BOUNDS.tariffCnyPerT),
  international: z.boolean(),
  starts: date.optional(),
  ends: date.optional(),
  suspensions: items(closure).optional(),
  operator: text.optional(),
  vehicle: text.optional(),
  dispatch: z.enum(DISPATCH_KINDS).optional(),
  onDemand: onDemand.optional(),
  ...sourced,
};
const service: z.ZodType<Service> = z.strictObject(serviceShape);

const transfer: z.ZodType<TransferLink> = z.strictObject({
  from: id,
  to: id,
  durationMin: minutes,
  distanceKm: nonNeg(BOUNDS.distanceKm),
  bidirectional: z.boolean(),
  ...sourced,
});

const demand: z.ZodType<DemandFlow> = z.strictObject({
  id,
  from: id,
  to: id,
  commodity: z.enum(COMMODITIES),
  tPerYear: nonNeg(BOUNDS.tPerYear),
  teuPerYear: nonNeg(BOUNDS.tPerYear).optional(),
  valueOfTimeCnyPerTHour: nonNeg(BOUNDS.valueOfTimeCnyPerTHour),
  valueOfTimeFixed: z.boolean().optional().describe("The flow's own value of time stands even where a fitted choice sets one per commodity."),
  modes: items(mode, MODES.length).min(1).optional(),
  seasonality: z.array(positive(BOUNDS.seasonalityWeight)).length(12).optional(),
  releaseFrom: date.optional(),
  releaseTo: date.optional(),
  maxTransitDays: positive(LIMITS.horizonDays).optional(),
  ...sourced,
});

const serviceSelector = z.strictObject({
  ids: items(id).min(1).optional(),
  idPrefixes: items(z.string().min(1).max(LIMITS.idLength).regex(/^[A-Za-z0-9._-]+$/, { error: 'expected a prefix of letters, digits, ".", "_" or "-"' }))
    .min(1)
    .optional()
    .describe("Services whose id starts with any of these prefixes."),
  lines: items(id).min(1).optional(),
  modes: items(mode).min(1).optional(),
  hubs: items(id).min(1).optional().describe("Services calling at any of these hubs (origin, destination or via)."),
  fromHubs: items(id).min(1).optional().describe("Services whose origin is one of these hubs."),
  toHubs: items(id).min(1).optional().describe("Services whose final destination is one of these hubs."),
  international: z.boolean().optional(),
});

const demandSelector = z.strictObject({
  ids: items(id).min(1).optional(),
  commodities: items(z.enum(COMMODITIES)).min(1).optional(),
  hubs: items(id).min(1).optional(),
});

const demandPatch = z.strictObject({
  modes: items(mode, MODES.length)
    .min(1)
    .optional()
    .describe("The modes the flow may use; each must be one its commodity allows."),
  valueOfTimeCnyPerTHour: nonNeg(BOUNDS.valueOfTimeCnyPerTHour).optional(),
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
  z.strictObject({ op: z.literal("add-hubs"), hubs: items(hub, LIMITS.hubs).min(1), ...provenance }),
  z.strictObject({
    op: z.literal("add-services"),
    services: items(service, LIMITS.services).min(1),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("add-transfers"),
    transfers: items(transfer, LIMITS.transfers).min(1),
    ...provenance,
  }),
  z.strictObject({ op: z.literal("add-demand"), demand: items(demand, LIMITS.demandFlows).min(1), ...provenance }),
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
    capacityFactor: positive(BOUNDS.scaleFactor),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("close-hub"),
    hub: id,
    from: date,
    to: date,
    reason: text.optional(),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("close-services"),
    select: serviceSelector,
    from: date,
    to: date,
    reason: text.optional(),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("scale-demand"),
    select: demandSelector,
    factor: nonNeg(BOUNDS.scaleFactor),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("scale-tariffs"),
    select: serviceSelector,
    factor: nonNeg(BOUNDS.scaleFactor).describe("Multiplies each selected service's tariffCnyPerT."),
    ...provenance,
  }),
  z.strictObject({ op: z.literal("update-demand"), select: demandSelector, set: demandPatch, ...provenance }),
  z.strictObject({
    op: z.literal("scale-frequency"),
    select: serviceSelector,
    factor: positive(BOUNDS.scaleFactor).describe(
      "Departures per week × factor, rounded to whole departures (halves up); a service left with none is an error.",
    ),
    ...provenance,
  }),
  z.strictObject({
    op: z.literal("move-services"),
    select: serviceSelector,
    fromHub: id,
    toHub: id,
    on: date,
    idSuffix: z.string().max(LIMITS.idLength).regex(/^[A-Za-z0-9._-]+$/, { error: 'expected letters, digits, ".", "_" or "-"' }),
    ...provenance,
  }),
]);

const share = z.number().min(0).max(1);
const cv = z.number().nonnegative().max(10, { error: "expected a coefficient of variation of at most 10" });
const modeVariability = z.strictObject({
  departureDelayMeanMin: nonNeg(BOUNDS.legMin),
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
  durationMin: z.number().int().positive().max(BOUNDS.legMin).optional(),
  capacityFactor: share.optional(),
  ...provenance,
});
const variability: z.ZodType<Variability> = z.strictObject({
  consignmentCv: cv,
  consignment: z.strictObject(provenance),
  modes: z.partialRecord(mode, modeVariability),
  gaugeChangeCv: cv,
  gaugeChange: z.strictObject(provenance),
  disruptions: items(disruption).optional(),
});

/** The schema of a list of overrides, for what-ifs built in code. */
export const overrideListSchema: z.ZodType<Override[]> = items(override, LIMITS.overrides);

/** The schema of a scenario file. */
export const scenarioFileSchema: z.ZodType<ScenarioFile> = z.strictObject({
  $schema: text.optional(),
  id,
  name,
  description: text.optional(),
  extends: z.string().min(1).max(1024).optional(),
  epoch: date.optional(),
  horizonDays: z.number().int().positive().max(LIMITS.horizonDays).optional(),
  homeCity: name.optional(),
  sources: z.record(id, sourceRef).optional(),
  hubs: items(hub, LIMITS.hubs).optional(),
  services: items(service, LIMITS.services).optional(),
  transfers: items(transfer, LIMITS.transfers).optional(),
  demand: items(demand, LIMITS.demandFlows).optional(),
  variability: variability.optional(),
  overrides: items(override, LIMITS.overrides).optional(),
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
