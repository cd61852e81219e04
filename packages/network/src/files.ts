import { readFileSync, realpathSync, statSync } from "node:fs";
import { seedsDir } from "@fourports/seeds";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { Issue } from "./issues.js";
import { LIMITS } from "./limits.js";

/**
 * The seeds folder, which `extends` may always read: from @fourports/seeds, so it is the
 * repository's seeds/ in a checkout and the installed package's copy anywhere else.
 */
export const SEEDS_DIR: string = seedsDir();

export function isInside(child: string, root: string): boolean {
  const rel = relative(root, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Folders an `extends` may read from, both as written and with symlinks resolved. */
export interface ExtendsRoots {
  lexical: string[];
  real: string[];
}

function existingAncestor(p: string): string {
  let at = dirname(p);
  for (;;) {
    try {
      return realpathSync(at);
    } catch {
      const up = dirname(at);
      if (up === at) return at;
      at = up;
    }
  }
}

export function extendsRoots(scenarioDir: string, extra: readonly string[] | undefined): ExtendsRoots {
  const lexical = [scenarioDir, SEEDS_DIR, ...(extra ?? [])].map((p) => resolve(p));
  return { lexical, real: lexical.map(realOrSelf) };
}

/**
 * One message for every `extends` that may not be read — outside the allowed folders, a
 * symlink leading out of them, a device or a folder — so the message never tells whether
 * something exists there.
 */
export function notAllowedMessage(roots: ExtendsRoots): string {
  return `not allowed: extends may only name a regular file inside ${roots.lexical.join(" or ")} (the library option extendsRoots adds folders)`;
}

export interface ReadRequest {
  abs: string;
  display: string;
  /** When set, the file must lie inside these folders (an `extends`). */
  confine?: { roots: ExtendsRoots };
  readFile?: (path: string) => string;
}

const issueAt = (file: string, message: string): Issue => ({ file, path: "$", message });

/**
 * Reads a scenario file as text: a regular file no larger than LIMITS.fileBytes, and inside
 * the allowed folders when confined. A caller-supplied readFile (tests, browsers) is trusted
 * with the file system; the folder check and the size cap still apply.
 */
export function readScenarioText(req: ReadRequest): string | Issue {
  const { abs, display, confine } = req;
  const refuse = (): Issue => issueAt(display, notAllowedMessage(confine!.roots));
  if (confine && !confine.roots.lexical.some((r) => isInside(abs, r))) return refuse();
  let text: string;
  try {
    if (req.readFile) text = req.readFile(abs);
    else {
      const real = realpathSync(abs);
      if (confine && !confine.roots.real.some((r) => isInside(real, r))) return refuse();
      const st = statSync(real);
      if (!st.isFile()) return confine ? refuse() : issueAt(display, "not a regular file");
      if (st.size > LIMITS.fileBytes) return issueAt(display, `larger than the file-size limit of ${LIMITS.fileBytes} bytes`);
      text = readFileSync(real, "utf8");
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A missing file behind a symlink that leads out of the folders gets the same answer as any other outside path.
    if (confine && !req.readFile && !confine.roots.real.some((r) => isInside(realOrSelf(existingAncestor(abs)), r))) return refuse();
    return issueAt(display, code === "ENOENT" ? "file not found" : `cannot read file (${(err as Error).message})`);
  }
  if (typeof text !== "string") return issueAt(display, "readFile returned no text");
  if (text.length > LIMITS.fileBytes) return issueAt(display, `larger than the file-size limit of ${LIMITS.fileBytes} bytes`);
  return text;
}
