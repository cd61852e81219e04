import { z } from "zod";
import type { County } from "./county-types.js";

const id = z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected an id of letters, digits, ".", "_" or "-"' });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time "HH:MM" (00:00–23:59)' });
const nonNeg = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const label = z.enum(["TARGET", "OFF", "PRESS", "EST", "ASSUMPTION"]);
const source = z.strictObject({ label, source: z.string().min(1), note: z.string().optional() });
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const point = { id, name: z.string(), lon, lat };

const line = z.strictObject({
  id,
  name: z.string(),
  stops: z.array(id).min(2),
  runMin: z.array(positive),
  departures: z.array(clock).min(1),
  parcelCapacityPerTrip: z.number().int().nonnegative(),
  bothWays: z.boolean(),
});

const roads = z.discriminatedUnion("format", [
  z.strictObject({ format: z.literal("dimacs"), gr: z.string().min(1), co: z.string().min(1), lengthUnit: z.literal("m"), coordScale: positive }),
  z.strictObject({ format: z.literal("geojson"), file: z.string().min(1) }),
]);

/** The schema a county file is checked against (zod); loaders report its issues with file and JSON path. */
export const countySchema: z.ZodType<County> = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal("county"),
  id,
  name: z.string(),
  provenance: z.strictObject({ label, note: z.string(), sources: z.array(source).min(1), generator: z.record(z.string(), z.unknown()).optional() }),
  parcelReadyClock: clock,
  stopServiceMin: nonNeg,
  maxSnapKm: positive,
  roads,
  centres: z.array(z.strictObject(point)).min(1),
  townships: z.array(z.strictObject({ ...point, status: z.enum(["open", "candidate"]) })),
  villages: z
    .array(
      z.strictObject({
        ...point,
        downParcelsPerDay: nonNeg,
        upParcelsPerDay: nonNeg,
        stationOpen: z.boolean(),
        deliveryWindow: z.strictObject({ open: clock, close: clock }).optional(),
      }),
    )
    .min(1),
  busLines: z.array(line),
  freightLines: z.array(line),
  vans: z.array(
    z.strictObject({
      id,
      depot: id,
      count: z.number().int().positive(),
      capacityParcels: positive,
      shiftStart: clock,
      shiftMin: positive.max(1440),
      costCnyPerKm: nonNeg,
      speedKmh: positive,
    }),
  ),
}) as unknown as z.ZodType<County>;

/** One county of a province file. */
export interface ProvinceCounty {
  /** Id of the county. */
  id: string;
  /** A county scenario file, relative to the province file. */
  file: string;
}

/** A province file: the county files whose roll-up is checked against the rural targets. */
export interface ProvinceFile {
  /** Discriminant: a province file. */
  kind: "province";
  /** Unique id of the province. */
  id: string;
  /** Name of the province. */
  name: string;
  /** What the province file is, e.g. how its counties were made. */
  note: string;
  /** The counties, each in its own file. */
  counties: ProvinceCounty[];
}

/** The schema a province file is checked against (zod). */
export const provinceSchema: z.ZodType<ProvinceFile> = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal("province"),
  id,
  name: z.string(),
  note: z.string(),
  counties: z.array(z.strictObject({ id, file: z.string().min(1) })).min(1),
}) as unknown as z.ZodType<ProvinceFile>;
