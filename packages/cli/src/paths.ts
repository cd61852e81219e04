import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The user's directory: pnpm runs scripts from the workspace root and keeps it in INIT_CWD. */
export function userPath(p: string): string {
  return resolve(process.env["INIT_CWD"] ?? process.cwd(), p);
}

/** seeds/ of this checkout, for the default scenario and targets. */
export function seedsDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../seeds");
}
