import { closeSync, openSync, readSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { didYouMean, type Issue } from "@fourports/network";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { DataError, FourportsInputError } from "./errors.js";

/** A feed: a folder, a `.zip` file, or file name → text (or bytes, read as UTF-8). */
export type GtfsFeed = string | Record<string, string | Uint8Array>;

/**
 * Largest GTFS file read, bytes (uncompressed; for a zip, as its directory declares). A
 * JavaScript string holds at most about 2^29 characters, so a larger file could not be parsed.
 */
export const GTFS_MAX_FILE_BYTES: number = 512 * 2 ** 20;

/** The files the reader uses; a zip's other entries (shapes.txt, …) are never inflated. */
const USED_FILES = new Set([
  "stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "calendar.txt", "calendar_dates.txt", "frequencies.txt", "transfers.txt",
]);

/** A parsed CSV file: header, then rows of fields with the line each ends on. */
export interface Table {
  file: string;
  columns: string[];
  rows: string[][];
  lines: number[];
}

/** Field of a row by column index; rows that omit trailing optional fields read as empty. */
export const field = (row: string[], index: number): string => (index < 0 ? "" : (row[index] ?? ""));

/** Opens a feed once and hands out the text of each file, or undefined when absent. */
export function openFeed(feed: GtfsFeed): (name: string) => Uint8Array | string | undefined {
  if (typeof feed !== "string") {
    return (name) => {
      const v = Object.hasOwn(feed, name) ? feed[name] : undefined;
      if (v !== undefined && byteLength(v) > GTFS_MAX_FILE_BYTES) return tooLarge(name, byteLength(v));
      return v;
    };
  }
  let st;
  try {
    st = statSync(feed);
  } catch {
    throw new DataError([{ file: feed, path: "$", message: "no such file or folder" }]);
  }
  if (st.isDirectory()) {
    return (name) => {
      const p = join(feed, name);
      let size: number;
      try {
        const s = statSync(p);
        if (!s.isFile()) return undefined;
        size = s.size;
      } catch {
        return undefined;
      }
      return size > GTFS_MAX_FILE_BYTES ? tooLarge(name, size) : readFileSync(p);
    };
  }
  if (!st.isFile() || !isZip(feed)) {
    throw new DataError([{ file: feed, path: "$", message: "expected a GTFS folder or a .zip file (no zip signature found)" }]);
  }
  const oversize: Issue[] = [];
  const nested: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(feed), {
      filter: (f) => {
        if (!USED_FILES.has(f.name)) {
          if (USED_FILES.has(f.name.slice(f.name.lastIndexOf("/") + 1))) nested.push(f.name);
          return false;
        }
        if (f.originalSize > GTFS_MAX_FILE_BYTES) {
          oversize.push(limitIssue(`${feed}/${f.name}`, f.originalSize));
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    throw new DataError([{ file: feed, path: "$", message: `not a readable zip file: ${(err as Error).message}` }]);
  }
  if (oversize.length > 0) throw new FourportsInputError("limit-exceeded", oversize);
  if (Object.keys(entries).length === 0 && nested.length > 0) {
    throw new DataError([{ file: feed, path: "$", message: `the GTFS files are in a subfolder ("${nested[0]}", …); they must be at the top of the zip (invalid_input_files_in_subfolder)` }]);
  }
  return (name) => entries[name];
}

function byteLength(v: string | Uint8Array): number {
  return typeof v === "string" ? v.length : v.byteLength;
}

function limitIssue(file: string, size: number): Issue {
  return { file, path: "$", message: `${size.toLocaleString("en-US")} bytes; the limit is GTFS_MAX_FILE_BYTES = ${GTFS_MAX_FILE_BYTES.toLocaleString("en-US")}` };
}

function tooLarge(name: string, size: number): never {
  throw new FourportsInputError("limit-exceeded", [limitIssue(name, size)]);
}

function isZip(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 text of a file, or an issue: UTF-16 is named as such, since its symptoms mislead. */
function decode(name: string, raw: string | Uint8Array, issues: Issue[]): string | undefined {
  if (typeof raw === "string") return raw.replace(/^\uFEFF/, "");
  const b = raw;
  const le = b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] !== 0 && b[1] === 0));
  const be = b.length >= 2 && ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] !== 0));
  if (le || be) {
    issues.push({ file: name, path: "$", message: `the file is UTF-16 (${le ? "little" : "big"}-endian); GTFS files must be UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8` });
    return undefined;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    issues.push({ file: name, path: "$", message: "not valid UTF-8 text; GTFS files must be UTF-8" });
    return undefined;
  }
}

/**
 * Reads one CSV file of the feed. Rows may omit trailing optional fields (the reference
 * validator accepts them); a row with more fields than the header is an error, as there.
 */
export function readTable(
  source: (name: string) => string | Uint8Array | undefined,
  name: string,
  required: string[],
  mandatory: boolean,
  issues: Issue[],
): Table | undefined {
  const raw = source(name);
  if (raw === undefined) {
    if (mandatory) issues.push({ file: name, path: "$", message: "required file is missing" });
    return undefined;
  }
  const text = decode(name, raw, issues);
  if (text === undefined) return undefined;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    issues.push({ file: name, path: `line ${e.lines ?? 1}`, message: `not valid CSV: ${e.message}` });
    return undefined;
  }
  const columns = records[0]?.record ?? [];
  const missing = required.filter((c) => !columns.includes(c));
  for (const c of missing) issues.push({ file: name, path: "line 1", message: `missing column "${c}"${didYouMean(c, columns.filter((h) => !required.includes(h)))}` });
  if (missing.length > 0) return undefined;
  const rows: string[][] = [];
  const lines: number[] = [];
  let bad = 0;
  for (let i = 1; i < records.length; i++) {
    const r = records[i]!;
    if (r.record.length > columns.length) {
      if (bad++ < 20) issues.push({ file: name, path: `line ${r.info.lines}`, message: `${r.record.length} fields, but the header has ${columns.length} (invalid_row_length)` });
      continue;
    }
    rows.push(r.record);
    lines.push(r.info.lines);
  }
  return { file: name, columns, rows, lines };
}
