import { dayNumber, weekdayIndex } from "@fourports/network";
import { field, type Table } from "./gtfs-feed.js";
import type { Bad } from "./gtfs-stops.js";

/** "YYYYMMDD" → day number, or NaN. */
function gtfsDay(s: string): number {
  return /^\d{8}$/.test(s) ? dayNumber(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`) : NaN;
}

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export interface ServiceDays {
  /** service_id → the days it runs in [fromDay, toDay], ascending. */
  days: Map<string, number[]>;
  /** Every service_id defined by calendar.txt or calendar_dates.txt, whatever its dates. */
  known: Set<string>;
}

/** The days each service runs in [fromDay, toDay] (day numbers), from calendar and calendar_dates. */
export function serviceDays(calendar: Table | undefined, dates: Table | undefined, fromDay: number, toDay: number, bad: Bad): ServiceDays {
  const sets = new Map<string, Set<number>>();
  const known = new Set<string>();
  const dayset = (sid: string): Set<number> => {
    let s = sets.get(sid);
    if (!s) sets.set(sid, (s = new Set()));
    return s;
  };
  if (calendar) {
    const col = (c: string): number => calendar.columns.indexOf(c);
    const [iSid, iStart, iEnd] = ["service_id", "start_date", "end_date"].map(col) as [number, number, number];
    const iDays = WEEKDAYS.map(col);
    // A row repeated word for word says nothing new (real feeds have them); a conflicting one is an error.
    const rowOf = new Map<string, string>();
    calendar.rows.forEach((row, i) => {
      const sid = field(row, iSid);
      const text = row.join(",");
      if (rowOf.has(sid) && rowOf.get(sid) !== text) bad(calendar, i, "service_id", `service_id "${sid}" is defined twice, differently (duplicate_key)`);
      rowOf.set(sid, text);
      known.add(sid);
      const a = gtfsDay(field(row, iStart));
      const b = gtfsDay(field(row, iEnd));
      if (Number.isNaN(a)) bad(calendar, i, "start_date", `expected a date YYYYMMDD, got "${field(row, iStart)}"`);
      if (Number.isNaN(b)) bad(calendar, i, "end_date", `expected a date YYYYMMDD, got "${field(row, iEnd)}"`);
      if (a > b) bad(calendar, i, "end_date", `before start_date (start_and_end_range_out_of_order)`);
      const flags = iDays.map((c) => field(row, c));
      flags.forEach((f, k) => {
        if (f !== "0" && f !== "1") bad(calendar, i, WEEKDAYS[k]!, `expected 0 or 1, got "${f}"`);
      });
      const set = dayset(sid);
      for (let d = Math.max(a, fromDay); d <= Math.min(b, toDay); d++) if (flags[weekdayIndex(d)] === "1") set.add(d);
    });
  }
  if (dates) {
    const col = (c: string): number => dates.columns.indexOf(c);
    const [iSid, iDate, iType] = ["service_id", "date", "exception_type"].map(col) as [number, number, number];
    const seen = new Map<string, string>();
    dates.rows.forEach((row, i) => {
      const sid = field(row, iSid);
      known.add(sid);
      const d = gtfsDay(field(row, iDate));
      if (Number.isNaN(d)) bad(dates, i, "date", `expected a date YYYYMMDD, got "${field(row, iDate)}"`);
      const k = `${sid}\u0000${d}`;
      const type = field(row, iType);
      if (seen.has(k) && seen.get(k) !== type) bad(dates, i, "date", `service "${sid}" is both added and removed on this date (duplicate_key)`);
      seen.set(k, type);
      if (type !== "1" && type !== "2") bad(dates, i, "exception_type", `expected 1 (added) or 2 (removed), got "${type}"`);
      if (!(d >= fromDay && d <= toDay)) return;
      if (type === "1") dayset(sid).add(d);
      else dayset(sid).delete(d);
    });
  }
  const days = new Map<string, number[]>();
  for (const [sid, s] of sets) days.set(sid, [...s].sort((a, b) => a - b));
  return { days, known };
}
