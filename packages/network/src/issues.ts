/** One problem found in a scenario: which file, where in it (a JSON path), and what was expected. */
export interface Issue {
  /** The file the problem is in, as the caller named it. */
  file: string;
  /** JSONPath-like: `$.services[12].to`; `$` for the whole document; `line 3, column 7` for syntax. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
}

/**
 * Control characters (C0, DEL, C1) written as \u escapes, so text from a file or an argument
 * can never move the cursor or recolour a terminal when printed.
 */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One line: file, JSON path, message; control characters escaped. */
export function formatIssue(issue: Issue): string {
  return escapeControl(`${issue.file}: ${issue.path}: ${issue.message}`);
}

/** Thrown by the loaders with every problem found, not only the first. */
export class ScenarioError extends Error {
  /** Every problem found, in the order found. */
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const shown = issues.slice(0, 50).map(formatIssue).join("\n");
    const more = issues.length > 50 ? `\n… and ${issues.length - 50} more` : "";
    super(`${issues.length} problem${issues.length === 1 ? "" : "s"} in scenario:\n${shown}${more}`);
    this.name = "ScenarioError";
    this.issues = issues;
  }
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** One step of a JSON path: an object key or an array index. */
export type PathKey = string | number;

/**
 * A JSON path for keys: numbers as `[i]`, identifier-like keys as `.key`, other keys quoted in
 * brackets; `[]` gives `$`.
 */
export function jsonPath(keys: readonly PathKey[]): string {
  let out = "$";
  for (const k of keys) {
    if (typeof k === "number") out += `[${k}]`;
    else if (IDENT.test(k)) out += `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

/** Collects issues for one file. */
export class IssueList {
  /** The problems added so far. */
  readonly issues: Issue[] = [];
  /** @param file The file every added problem is reported against. */
  constructor(readonly file: string) {}
  /** Records a problem at a JSON path (keys, or a path string used as given) with its message. */
  add(path: readonly PathKey[] | string, message: string): void {
    this.issues.push({
      file: this.file,
      path: typeof path === "string" ? path : jsonPath(path),
      message,
    });
  }
}
