import { formatIssue, type Issue } from "@fourports/network";

/** Bad input data (DIMACS, GTFS): every problem with file, line and column. */
export class DataError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const shown = issues.slice(0, 20).map(formatIssue).join("\n");
    super(`${issues.length} problem${issues.length === 1 ? "" : "s"} in input:\n${shown}${issues.length > 20 ? `\n… and ${issues.length - 20} more` : ""}`);
    this.name = "DataError";
    this.issues = issues;
  }
}

export const at = (line: number, column: number): string => `line ${line}, column ${column}`;
