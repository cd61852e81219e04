// Copies the repository's top-level seeds/ (the source of truth) into this package as seeds/,
// so the packed tarball carries them; `--remove` deletes the copy again after packing, so the
// checkout never holds a second, possibly stale set (seedsDir() prefers the checkout's anyway).
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const from = fileURLToPath(new URL("../../../seeds/", import.meta.url));
const to = fileURLToPath(new URL("../seeds/", import.meta.url));

rmSync(to, { recursive: true, force: true });
if (process.argv[2] === "--remove") process.exit(0);
if (process.argv.length > 2) {
  console.error(`copy-seeds: unknown argument ${process.argv[2]} (expected nothing or --remove)`);
  process.exit(2);
}
if (!existsSync(from) || readdirSync(from).length === 0) {
  console.error(`copy-seeds: ${from} is missing or empty: run this from a fourports checkout`);
  process.exit(1);
}
cpSync(from, to, { recursive: true });
console.error(`copy-seeds: copied ${from} to ${to}`);
