import { formatIssue, type Issue } from "@fourports/network";

/** Bad input data (DIMACS, GTFS): every problem with file, line and column. */
export class DataError extends Error {
  readonly code = "invalid-data";
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const shown = issues.slice(0, 20).map(formatIssue).join("\n");
    super(`${issues.length} problem${issues.length === 1 ? "" : "s"} in input:\n${shown}${issues.length > 20 ? `\n… and ${issues.length - 20} more` : ""}`);
    this.name = "DataError";
    this.issues = issues;
  }
}

export const at = (line: number, column: number): string => `line ${line}, column ${column}`;

/** What kind of bad input a FourportsInputError reports. */
export type InputErrorCode = "invalid-option" | "limit-exceeded";

/**
 * Bad options passed to a library call, or input that would exceed a documented resource
 * limit: thrown before any work (or any large allocation) is done.
 */
export class FourportsInputError extends Error {
  readonly code: InputErrorCode;
  readonly issues: Issue[];
  constructor(code: InputErrorCode, issues: Issue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "FourportsInputError";
    this.code = code;
    this.issues = issues;
  }
}
