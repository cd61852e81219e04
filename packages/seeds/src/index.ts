import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * This package's folder. src/ (tests, through the vitest alias) and dist/ (everything else) sit
 * at the same depth, so one level up is the package either way.
 */
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The seeds a packed tarball carries: `prepack` copies the repository's seeds/ here. */
const PACKED_DIR = join(PACKAGE_DIR, "seeds");

/**
 * The repository's top-level seeds/, the source of truth, when this package is
 * packages/seeds of a fourports checkout (the workspace file two levels up says so).
 */
function checkoutSeedsDir(): string | null {
  const root = join(PACKAGE_DIR, "..", "..");
  const seeds = join(root, "seeds");
  return existsSync(join(root, "pnpm-workspace.yaml")) && isDir(seeds) ? seeds : null;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The folder holding the seed files: in a fourports checkout the repository's seeds/ (so an
 * edit there is seen at once, never a stale copy), otherwise the copy the installed package ships.
 *
 * @throws Error naming both places looked at, when neither exists (a broken install).
 */
export function seedsDir(): string {
  const checkout = checkoutSeedsDir();
  if (checkout !== null) return checkout;
  if (isDir(PACKED_DIR)) return PACKED_DIR;
  throw new Error(
    `@fourports/seeds: no seeds folder: neither ${PACKED_DIR} (an installed package) nor ` +
      `${join(PACKAGE_DIR, "..", "..", "seeds")} (a fourports checkout) exists; reinstall @fourports/seeds`,
  );
}

/**
 * Every file under the seeds folder, as forward-slash paths relative to it
 * (e.g. `zhengzhou-2025.json`, `rural/henan-province.json`), sorted.
 */
export function listSeeds(): string[] {
  const root = seedsDir();
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(root, p).split(sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

/** A seed file that is not there: the name asked for and every seed that exists. */
export class SeedNotFoundError extends Error {
  /** The name passed to {@link seedPath}. */
  readonly seed: string;
  /** Every seed file that exists, as {@link listSeeds} gives them. */
  readonly available: string[];

  /**
   * @param seed the name asked for
   * @param available the seeds that exist
   * @param dir where they were looked for
   */
  constructor(seed: string, available: string[], dir: string) {
    super(`@fourports/seeds: no seed file "${seed}" in ${dir}; the seeds are: ${available.join(", ")}`);
    this.name = "SeedNotFoundError";
    this.seed = seed;
    this.available = available;
  }
}

/**
 * The absolute path of one seed file.
 *
 * @param name the file's path inside the seeds folder, with `/` between folders
 *   (`"zhengzhou-2025.json"`, `"rural/henan-province.json"`).
 * @throws TypeError when `name` is empty, absolute or climbs out of the seeds folder.
 * @throws SeedNotFoundError when there is no such file (its message lists the seeds that exist).
 */
export function seedPath(name: string): string {
  const rel = normalize(name);
  if (name === "" || isAbsolute(name) || rel === ".." || rel.startsWith(`..${sep}`)) {
    throw new TypeError(`@fourports/seeds: seedPath(${JSON.stringify(name)}): expected a file name inside the seeds folder, like "zhengzhou-2025.json"`);
  }
  const dir = seedsDir();
  const path = join(dir, rel);
  let file = false;
  try {
    file = statSync(path).isFile();
  } catch {
    // Missing: reported below with the list of what exists.
  }
  if (!file) throw new SeedNotFoundError(name, listSeeds(), dir);
  return path;
}
