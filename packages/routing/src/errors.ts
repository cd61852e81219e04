import { formatIssue, type Issue } from "@fourports/network";

/** Bad input data (DIMACS, GTFS): every problem with file, line and column. */
export class DataError extends Error {
  /** Always "invalid-data", to branch on without parsing the message. */
  readonly code = "invalid-data";
  /** Every problem found, with file, line and column in the path. */
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const shown = issues.slice(0, 20).map(formatIssue).join("\n");
    super(`${issues.length} problem${issues.length === 1 ? "" : "s"} in input:\n${shown}${issues.length > 20 ? `\n… and ${issues.length - 20} more` : ""}`);
    this.name = "DataError";
    this.issues = issues;
  }
}

/**
 * Header counts a DIMACS file can honestly hold, from its length alone, checked before anything
 * is allocated: an arc line takes at least 8 bytes ("a 1 2 3\n"), and a declared node, even one
 * no arc touches, may take at most 64 nodes per byte of the file (about 1 kB of memory per byte
 * read). An 18-byte "p sp 2147483647 0" therefore asks for too much and is refused.
 */
export function headerCountProblem(text: string, nodes: number, arcs: number): string | null {
  const maxArcs = Math.floor((text.length + 1) / 8);
  const maxNodes = 64 * text.length;
  if (arcs > maxArcs) return `the "p" line declares ${arcs} arcs, more than a file of ${text.length} bytes can hold (at most ${maxArcs})`;
  if (nodes > maxNodes) return `the "p" line declares ${nodes} nodes, more than a file of ${text.length} bytes may declare (at most ${maxNodes}, 64 per byte)`;
  return null;
}

export const at = (line: number, column: number): string => `line ${line}, column ${column}`;

// Defined once, in @fourports/network, for every package: the GTFS reader throws the same class.
export { FourportsInputError, type InputErrorCode } from "@fourports/network";
