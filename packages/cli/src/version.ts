import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The version of @fourports/cli, from its package.json: the nearest one above this file whose
 * name is @fourports/cli (dist/ and src/ both sit one level below it, in the checkout and once
 * installed), so a move of the build folder cannot make it report another package's version.
 */
export function cliVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "@fourports/cli" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // no package.json here (or not JSON): look further up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("the package.json of @fourports/cli was not found above its code");
    dir = up;
  }
}
