import { dayNumber } from "./dates.js";
import { formatIssue, type Issue } from "./issues.js";

/** What was wrong with an argument: an invalid option value, or a resource limit passed. */
export type InputErrorCode = "invalid-option" | "limit-exceeded";

/**
 * Thrown by every exported function of fourports for a bad argument or a passed resource limit,
 * before any work (or any large allocation) is done, with a code to branch on. Readers that can
 * point into a file (GTFS) give the problems as issues; option checks give one message.
 */
export class FourportsInputError extends Error {
  /** What kind of problem it is, to branch on without parsing the message. */
  readonly code: InputErrorCode;
  /** The problems with file and path, when the input was a file; empty for an option. */
  readonly issues: Issue[];
  constructor(code: InputErrorCode, detail: string | Issue[]) {
    super(typeof detail === "string" ? detail : detail.map(formatIssue).join("\n"));
    this.name = "FourportsInputError";
    this.code = code;
    this.issues = typeof detail === "string" ? [] : detail;
  }
}

/** What a numeric option must satisfy, for {@link checkNumberOption}. */
export interface NumberRule {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** min is exclusive (the value must be greater). */
  above?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** The value must be a whole number. */
  integer?: boolean;
  /** undefined is an error too (a required argument rather than an option). */
  required?: boolean;
}

function ruleText(r: NumberRule): string {
  const parts = [r.integer ? "a whole number" : "a finite number"];
  if (r.above !== undefined) parts.push(`> ${r.above}`);
  if (r.min !== undefined) parts.push(`>= ${r.min}`);
  if (r.max !== undefined) parts.push(`<= ${r.max}`);
  return parts.join(" ");
}

/** Checks a numeric option when it is given; `where` reads like "assignDemand: logitScale". */
export function checkNumberOption(where: string, value: unknown, rule: NumberRule): void {
  if (value === undefined && !rule.required) return;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok) throw new FourportsInputError("invalid-option", `${where}: expected ${ruleText(rule)}, got ${describeValue(value)}`);
}

/** Checks an optional "YYYY-MM-DD" option names a real calendar date. */
export function checkDateOption(where: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "string" || Number.isNaN(dayNumber(value))) {
    throw new FourportsInputError("invalid-option", `${where}: expected a calendar date "YYYY-MM-DD", got ${describeValue(value)}`);
  }
}

/** Checks an optional "HH:MM" (00:00–23:59) option. */
export function checkClockOption(where: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "string" || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
    throw new FourportsInputError("invalid-option", `${where}: expected a time "HH:MM" (00:00–23:59), got ${describeValue(value)}`);
  }
}

/** Checks an optional option is one of a fixed list. */
export function checkChoiceOption(where: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw new FourportsInputError("invalid-option", `${where}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${describeValue(value)}`);
  }
}

/** Checks that the options argument is an object (or omitted). */
export function checkOptionsObject(where: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new FourportsInputError("invalid-option", `${where}: expected an options object, got ${describeValue(value)}`);
  }
}

/** A short, printable description of a value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  if (typeof value === "symbol" || typeof value === "function") return `a ${typeof value}`;
  return `${typeof value} ${String(value)}`;
}
