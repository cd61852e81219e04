import { stringify } from "csv-stringify/sync";
import type { BaselineResult, ComparisonResult } from "@fourports/planner";
import { baselineTables, comparisonTables, type ReportTable } from "./tables.js";

/** RFC 4180 text of one table: a header row, then one row per record; null is an empty field. */
export function tableCsv(t: ReportTable): string {
  const rows = t.rows.map((row) => row.map((c) => (c === null ? "" : typeof c === "boolean" ? String(c) : c)));
  return stringify([t.header, ...rows], { record_delimiter: "unix" });
}

const byName = (tables: ReportTable[]): Record<string, string> => Object.fromEntries(tables.map((t) => [t.name, tableCsv(t)]));

/**
 * One CSV per table of a baseline, keyed by name: targets, ports, monthly, lines, legs, hubs.
 * The assignment tables carry a `view` column (leastCost or shipperLogit).
 */
export function baselineCsv(r: BaselineResult): Record<string, string> {
  return byName(baselineTables(r));
}

/** One CSV per table of a comparison, keyed by name: totals, targets, ports, lines, hubs. */
export function comparisonCsv(c: ComparisonResult): Record<string, string> {
  return byName(comparisonTables(c));
}
