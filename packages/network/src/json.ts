import { printParseErrorCode, visit, type ParseError } from "jsonc-parser";
import { jsonPath, type Issue, type PathKey } from "./issues.js";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

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

function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

/**
 * Parses JSON text. JSON.parse decides what is valid; jsonc-parser, which keeps offsets,
 * says where the first error is (JSON.parse messages do not always give a position) and finds
 * duplicate keys, which JSON.parse would silently resolve to the last one.
 */
export function parseJsonText(
  text: string,
  file: string,
): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
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
    const where = first ? lineCol(text, first.offset) : "$";
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
          message: `duplicate key "${key}" (${lineCol(text, offset)}); each key may appear once`,
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

/** For values that did not come from text: rejects reserved keys anywhere in the tree. */
export function findForbiddenKeys(value: unknown, file: string): Issue[] {
  const issues: Issue[] = [];
  const walk = (v: unknown, path: PathKey[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === "object") {
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) {
          issues.push({
            file,
            path: jsonPath([...path, k]),
            message: `the key "${k}" is not allowed (reserved JavaScript property name)`,
          });
        } else walk((v as Record<string, unknown>)[k], [...path, k]);
      }
    }
  };
  walk(value, []);
  return issues;
}
