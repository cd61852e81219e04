import { printParseErrorCode, visit, type ParseError } from "jsonc-parser";
import { jsonPath, type Issue, type PathKey } from "./issues.js";
import { FourportsInputError } from "./input-error.js";
import { LIMITS } from "./limits.js";
import { checkPlainData, FORBIDDEN_KEYS } from "./plain.js";

const SYNTAX: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "malformed number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: "expected the end of the file",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
};

/** Offset → "line L, column C"; the line starts are found once, so many lookups stay linear. */
function lineColumns(text: string): (offset: number) => string {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `line ${lo + 1}, column ${offset - starts[lo]! + 1}`;
  };
}

/**
 * The offset where nesting first goes past the limit, or -1. A linear scan, so text nested
 * thousands deep is rejected before any recursive parser sees it.
 */
function tooDeepAt(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/**
 * Parses JSON text. JSON.parse decides what is valid; jsonc-parser, which keeps offsets,
 * says where the first error is (JSON.parse messages do not always give a position) and finds
 * duplicate keys, which JSON.parse would silently resolve to the last one.
 */
export function parseJsonText(
  text: string,
  file: string,
): {
  /** The text is valid JSON without duplicate keys. */
  ok: true;
  /** The parsed value. */
  value: unknown;
} | {
  /** The text is not valid JSON, is nested too deep, or has duplicate keys. */
  ok: false;
  /** Where and what: the first syntax error or the nesting limit at its line and column, or each duplicate key at its JSON path. */
  issues: Issue[];
} {
  if (typeof text !== "string") throw new FourportsInputError("invalid-option", "parseJsonText: text: expected a string");
  // Editors on Windows may save UTF-8 with a byte-order mark; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > LIMITS.fileBytes) {
    return { ok: false, issues: [{ file, path: "$", message: `larger than the file-size limit of ${LIMITS.fileBytes} bytes` }] };
  }
  const lineCol = lineColumns(text);
  const deep = tooDeepAt(text, LIMITS.nestingDepth);
  if (deep >= 0) {
    return { ok: false, issues: [{ file, path: lineCol(deep), message: `nested deeper than ${LIMITS.nestingDepth} levels (the nesting-depth limit)` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const errors: ParseError[] = [];
    visit(
      text,
      { onError: (error, offset, length) => errors.push({ error, offset, length }) },
      { disallowComments: true, allowTrailingComma: false },
    );
    const first = errors[0];
    const where = first ? lineCol(first.offset) : "$";
    const what = first
      ? `not valid JSON: ${SYNTAX[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)}`
      : `not valid JSON: ${(err as Error).message}`;
    return { ok: false, issues: [{ file, path: where, message: what }] };
  }

  const issues: Issue[] = [];
  // A stack of (path, keys seen) for the objects and arrays we are inside.
  const stack: { path: PathKey[]; keys: Set<string> | null; index: number }[] = [];
  let pendingKey: PathKey | null = null;
  const current = (): PathKey[] => {
    const top = stack[stack.length - 1];
    return top ? top.path : [];
  };
  const enterValue = (): PathKey[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    if (top.keys === null) return [...top.path, top.index++];
    return [...top.path, pendingKey ?? ""];
  };
  visit(text, {
    onObjectBegin: () => {
      stack.push({ path: enterValue(), keys: new Set(), index: 0 });
    },
    onObjectEnd: () => void stack.pop(),
    onArrayBegin: () => {
      stack.push({ path: enterValue(), keys: null, index: 0 });
    },
    onArrayEnd: () => void stack.pop(),
    onObjectProperty: (key, offset) => {
      const top = stack[stack.length - 1];
      pendingKey = key;
      if (!top || top.keys === null) return;
      if (top.keys.has(key)) {
        issues.push({
          file,
          path: jsonPath([...current(), key]),
          message: `duplicate key "${key}" (${lineCol(offset)}); each key may appear once`,
        });
      }
      top.keys.add(key);
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({
          file,
          path: jsonPath([...current(), key]),
          message: `the key "${key}" is not allowed (reserved JavaScript property name)`,
        });
      }
    },
    onLiteralValue: () => void enterValue(),
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** For values that did not come from text: plain data only, no cycles, no reserved keys. */
export function findForbiddenKeys(value: unknown, file: string): Issue[] {
  return checkPlainData(value, file);
}
