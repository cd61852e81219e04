import type { IsoDate, Weekday } from "./types.js";

// Local dates are handled as day numbers (days since 1970-01-01) through Date.UTC: the
// calendar arithmetic is the same as in Shanghai, and no host time zone can leak in.

/** Minutes in a day. */
export const MIN_PER_DAY = 1440;
/** Minutes in a week. */
export const MIN_PER_WEEK = 10080;

/** Day number of a valid "YYYY-MM-DD", or NaN when it is not a real calendar date. */
export function dayNumber(date: IsoDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return NaN;
  }
  return ms / 86_400_000;
}

export function isRealDate(date: IsoDate): boolean {
  return !Number.isNaN(dayNumber(date));
}

/** The "YYYY-MM-DD" date of a day number (days since 1970-01-01, as {@link dayNumber} returns). */
export function dateOfDayNumber(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function weekdayName(day: number): Weekday {
  return (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const)[weekdayIndex(day)]!;
}

/** "HH:MM" → minutes after midnight. */
export function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** "YYYY-MM-DDTHH:MM" (Asia/Shanghai) → minutes since the epoch date's midnight. */
export function minuteOfDateTime(epoch: IsoDate, dateTime: string): number {
  return (
    (dayNumber(dateTime.slice(0, 10)) - dayNumber(epoch)) * MIN_PER_DAY +
    clockMinutes(dateTime.slice(11, 16))
  );
}

/** Minutes since the epoch → "YYYY-MM-DD HH:MM" Asia/Shanghai. */
export function formatMinute(epoch: IsoDate, minute: number): string {
  const day = Math.floor(minute / MIN_PER_DAY);
  const rest = minute - day * MIN_PER_DAY;
  const hh = String(Math.floor(rest / 60)).padStart(2, "0");
  const mm = String(rest % 60).padStart(2, "0");
  return `${dateOfDayNumber(dayNumber(epoch) + day)} ${hh}:${mm}`;
}
