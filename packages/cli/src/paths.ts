import { relative, resolve } from "node:path";
import { seedPath, seedsDir as packagedSeedsDir } from "@fourports/seeds";

/** The user's directory: pnpm runs scripts from the workspace root and keeps it in INIT_CWD. */
export function userPath(p: string): string {
  return resolve(process.env["INIT_CWD"] ?? process.cwd(), p);
}

/**
 * The seeds folder for the default scenario and targets, from @fourports/seeds: the checkout's
 * seeds/ in the repository, the installed package's copy anywhere else (`npx fourports` after
 * installing the tarballs).
 */
export function seedsDir(): string {
  return packagedSeedsDir();
}

/** One seed file by name (`"rural/henan-province.json"`); the error lists the seeds that exist. */
export { seedPath };

/** Shows a path the way the user would type it: relative to their directory when inside it. */
export function shown(abs: string): string {
  const rel = relative(process.env["INIT_CWD"] ?? process.cwd(), abs);
  return rel.startsWith("..") || rel === "" ? abs : rel;
}
