import type { z } from "zod";
import { IssueList, type PathKey } from "./issues.js";
import { scenarioFileSchema, scenarioJsonSchema } from "./schema.js";
import { didYouMean } from "./suggest.js";
import type { ScenarioFile } from "./types.js";

let fieldNames: Set<string> | undefined;

/** Every property name the schema knows, for "did you mean" on unknown fields. */
function knownFieldNames(): Set<string> {
  if (fieldNames) return fieldNames;
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "properties" && v !== null && typeof v === "object") {
          for (const name of Object.keys(v)) names.add(name);
        }
        walk(v);
      }
    }
  };
  walk(scenarioJsonSchema());
  fieldNames = names;
  return names;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  return `${typeof value} ${String(value)}`;
}

type ZodIssue = z.core.$ZodIssue & { input?: unknown };

function report(list: IssueList, issue: ZodIssue): void {
  const path = issue.path as PathKey[];
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) {
        list.add(path, `required field is missing; expected ${issue.expected}`);
      } else list.add(path, `expected ${issue.expected}, got ${describe(issue.input)}`);
      return;
    case "unrecognized_keys":
      for (const key of issue.keys) {
        list.add([...path, key], `unknown field${didYouMean(key, knownFieldNames())}`);
      }
      return;
    case "invalid_value": {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(", ");
      const hint =
        typeof issue.input === "string"
          ? didYouMean(issue.input, issue.values.map((v) => String(v)))
          : "";
      list.add(path, `expected one of ${allowed}, got ${describe(issue.input)}${hint}`);
      return;
    }
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (options && options.length > 0) {
        // Zod reports a bad discriminator at the discriminator's path with the whole object as input.
        const last = path[path.length - 1];
        const input =
          issue.input !== null && typeof issue.input === "object" && last !== undefined
            ? (issue.input as Record<string, unknown>)[String(last)]
            : issue.input;
        const hint =
          typeof input === "string" ? didYouMean(input, options.map((o) => String(o))) : "";
        list.add(
          path,
          `expected one of ${options.map((o) => JSON.stringify(o)).join(", ")}, got ${describe(input)}${hint}`,
        );
      } else list.add(path, issue.message);
      return;
    }
    case "too_small":
    case "too_big": {
      const op =
        issue.code === "too_small" ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      if (issue.origin === "array") {
        list.add(path, `expected an array with ${op} ${String(bound)} items`);
      } else if (issue.origin === "string") {
        list.add(path, `expected a string of length ${op} ${String(bound)}`);
      } else list.add(path, `expected a number ${op} ${String(bound)}, got ${describe(issue.input)}`);
      return;
    }
    case "not_multiple_of":
      list.add(path, `expected a multiple of ${String(issue.divisor)}, got ${describe(issue.input)}`);
      return;
    case "invalid_format":
      list.add(path, `${issue.message}, got ${describe(issue.input)}`);
      return;
    case "invalid_key":
      list.add(path, `invalid key ${describe(issue.input)}: ${issue.issues[0]?.message ?? ""}`);
      return;
    default:
      list.add(path, issue.message);
  }
}

/** Checks a value's structure against a schema; returns the typed value or the issues found. */
export function checkAgainst<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
): {
  /** The value matched the schema. */
  ok: true;
  /** The value, typed. */
  data: T;
} | {
  /** The value did not match. */
  ok: false;
  /** The issues found, against `file`. */
  list: IssueList;
} {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const list = new IssueList(file);
  for (const issue of result.error.issues) report(list, issue as ZodIssue);
  return { ok: false, list };
}

/** Checks a parsed scenario file's structure. */
export function checkStructure(
  value: unknown,
  file: string,
): { ok: true; data: ScenarioFile } | { ok: false; list: IssueList } {
  return checkAgainst(scenarioFileSchema, value, file);
}
