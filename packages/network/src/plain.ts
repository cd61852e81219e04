import { jsonPath, type Issue, type PathKey } from "./issues.js";
import { LIMITS } from "./limits.js";

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function kindOf(v: unknown): string {
  if (typeof v === "object" && v !== null) return `an instance of ${(v as { constructor?: { name?: string } }).constructor?.name ?? "a class"}`;
  return `a ${typeof v}`;
}

/**
 * For values that did not come from JSON text: checks they are plain data a scenario file
 * could hold (plain objects, arrays, strings, numbers, booleans, null) without cycles, nesting
 * or arrays past the limits, and without reserved keys. Iterative, so no depth overflows the
 * stack; stops at the first structural problem (a cycle or a limit) since what lies beyond it
 * cannot be walked safely.
 */
export function checkPlainData(value: unknown, file: string): Issue[] {
  const issues: Issue[] = [];
  const onPath = new Set<object>();
  // Each frame: a value, its path, and whether it is being left (its children are done).
  const stack: { v: unknown; path: PathKey[]; leaving: boolean }[] = [{ v: value, path: [], leaving: false }];
  const fail = (path: PathKey[], message: string): void => void issues.push({ file, path: jsonPath(path), message });
  while (stack.length > 0) {
    const { v, path, leaving } = stack.pop()!;
    if (leaving) {
      onPath.delete(v as object);
      continue;
    }
    if (v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number" || v === undefined) continue;
    if (typeof v !== "object") {
      fail(path, `expected JSON data, got ${kindOf(v)}`);
      continue;
    }
    if (onPath.has(v)) {
      fail(path, "a cycle: this value contains itself");
      return issues;
    }
    if (path.length >= LIMITS.nestingDepth) {
      fail(path, `nested deeper than ${LIMITS.nestingDepth} levels (the nesting-depth limit)`);
      return issues;
    }
    if (Array.isArray(v)) {
      if (v.length > LIMITS.arrayItems) {
        fail(path, `an array of ${v.length} items, more than the limit of ${LIMITS.arrayItems}`);
        return issues;
      }
    } else if (!isPlainObject(v)) {
      fail(path, `expected JSON data, got ${kindOf(v)}`);
      continue;
    }
    onPath.add(v);
    stack.push({ v, path, leaving: true });
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i] as unknown, path: [...path, i], leaving: false });
    } else {
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) fail([...path, k], `the key "${k}" is not allowed (reserved JavaScript property name)`);
        else stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k], leaving: false });
      }
    }
  }
  return issues;
}
