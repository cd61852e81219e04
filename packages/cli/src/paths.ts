import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The user's directory: pnpm runs scripts from the workspace root and keeps it in INIT_CWD. */
export function userPath(p: string): string {
  return resolve(process.env["INIT_CWD"] ?? process.cwd(), p);
}

/** seeds/ of this checkout, for the default scenario and targets. */
export function seedsDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../seeds");
}

/** Shows a path the way the user would type it: relative to their directory when inside it. */
export function shown(abs: string): string {
  const rel = relative(process.env["INIT_CWD"] ?? process.cwd(), abs);
  return rel.startsWith("..") || rel === "" ? abs : rel;
}
