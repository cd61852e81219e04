#!/usr/bin/env bash
# pack:check — what a user gets, not what the workspace links: packs every publishable package
# under packages/ with pnpm (which rewrites workspace: ranges), npm-installs the tarballs into a
# fresh project outside the repository, and checks there that every package imports (ESM, the
# "default" condition, require), that the types compile, that the source maps resolve, that the
# seeds ship, and that `npx fourports baseline` runs. Any failure stops it with a non-zero exit.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
pnpm=(npx -y pnpm@10.34.8)
work="$(mktemp -d "${TMPDIR:-/tmp}/fourports-pack-check.XXXXXX")"
case "$work/" in "$repo"/*) echo "pack-check: the temporary folder $work is inside the repository" >&2; exit 1 ;; esac
trap 'status=$?; if [ $status -eq 0 ]; then rm -rf "$work"; else echo "pack-check: FAILED (exit $status); the packed project is kept in $work" >&2; fi' EXIT
start=$SECONDS
step() { echo "pack-check [$((SECONDS - start)) s]: $*" >&2; }
# Runs a command with its output in a log, shown only when it fails (pnpm pack lists every file).
quiet() {
  local log="$work/last.log"
  if ! "$@" >"$log" 2>&1; then cat "$log" >&2; echo "pack-check: failed: $*" >&2; return 1; fi
}

cd "$repo"
step "clean build (no stale files from renamed sources in the tarballs)"
npx tsc -b --clean
npx tsc -b

step "pack"
mkdir "$work/tarballs"
names=()
for manifest in packages/*/package.json; do
  dir="$(dirname "$manifest")"
  if [ "$(node -p "require('./$manifest').private === true")" = true ]; then continue; fi
  names+=("$(node -p "require('./$manifest').name")")
  (cd "$dir" && quiet "${pnpm[@]}" pack --pack-destination "$work/tarballs")
done
tarballs=("$work"/tarballs/*.tgz)
if [ "${#tarballs[@]}" -ne "${#names[@]}" ]; then
  echo "pack-check: ${#names[@]} packages but ${#tarballs[@]} tarballs" >&2; exit 1
fi
if [ -e packages/seeds/seeds ]; then echo "pack-check: postpack left packages/seeds/seeds behind" >&2; exit 1; fi
for t in "${tarballs[@]}"; do
  printf '  %-32s %6s kB packed, %4s files\n' "$(basename "$t")" "$(( $(wc -c <"$t") / 1024 ))" "$(tar tzf "$t" | wc -l)" >&2
done

step "npm install the tarballs into a fresh project at $work/project"
mkdir "$work/project"
cd "$work/project"
# pnpm set INIT_CWD to the repository for this script; the CLI reads user paths against it.
unset INIT_CWD
printf '{ "name": "fourports-pack-check", "private": true, "type": "module" }\n' >package.json
# typescript and @types/node as a TypeScript user would have them, to compile against the types.
quiet npm install --no-audit --no-fund "${tarballs[@]}" typescript@~5.9.3 @types/node@^20.19.0
for name in "${names[@]}"; do
  if [ -L "node_modules/$name" ] || [ ! -d "node_modules/$name" ]; then
    echo "pack-check: node_modules/$name is not an installed copy of the tarball" >&2; exit 1
  fi
done

step "imports, conditions, source maps and seeds"
cp "$repo/scripts/pack-check-installed.mjs" check-installed.mjs
node check-installed.mjs "$repo/seeds" "${names[@]}"
node --input-type=module -e '
  const m = await import("fourports");
  for (const f of ["loadScenarioFile", "expandTimetable", "loadTargetRegistry"]) if (typeof m[f] !== "function") throw new Error(`fourports.${f} is ${typeof m[f]}`);
  const { seedPath } = await import("@fourports/seeds");
  const sc = m.loadScenarioFile(seedPath("zhengzhou-2025.json"));
  if (!(sc.hubs.length > 0)) throw new Error("zhengzhou-2025 has no hubs");'

step "types: tsc --noEmit in the project against every package's declarations"
# One namespace import per library package (a package without a "." export is command-only).
node -e '
  const lines = [];
  process.argv.slice(1).forEach((name, i) => {
    if (require(`${name}/package.json`).exports?.["."] !== undefined) lines.push(`import * as p${i} from "${name}";`, `void p${i};`);
  });
  console.log(lines.join("\n"));' "${names[@]}" >check.ts
cat >>check.ts <<'TS'
import { baseline, loadScenarioFile, seedPath } from "fourports";
import { listSeeds } from "@fourports/seeds";
const hubs: number = loadScenarioFile(seedPath("zhengzhou-2025.json")).hubs.length;
const files: string[] = listSeeds();
const run: typeof baseline = baseline;
void hubs;
void files;
void run;
TS
cat >tsconfig.json <<'JSON'
{ "compilerOptions": { "module": "nodenext", "moduleResolution": "nodenext", "target": "es2022", "strict": true,
  "noEmit": true, "skipLibCheck": false, "types": ["node"] }, "files": ["check.ts"] }
JSON
npx tsc -p .

step "npx fourports baseline --json --runs 0 (from the project, seeds from @fourports/seeds)"
if ! npx --no-install fourports baseline --json --runs 0 >baseline.json 2>baseline.err; then
  cat baseline.err >&2; echo "pack-check: npx fourports baseline --json --runs 0 failed" >&2; exit 1
fi
node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import { seedPath } from "@fourports/seeds";
  const r = JSON.parse(readFileSync("baseline.json", "utf8"));
  const ids = JSON.parse(readFileSync(seedPath("targets-2025.json"), "utf8")).targets.map((t) => t.id);
  const rows = new Map((r.targets ?? []).map((t) => [t.id, t]));
  const missing = ids.filter((id) => !rows.has(id));
  if (missing.length > 0) throw new Error(`baseline --json: no target row for ${missing.join(", ")}`);
  const noStatus = ids.filter((id) => typeof rows.get(id).status !== "string" || rows.get(id).status === "");
  if (noStatus.length > 0) throw new Error(`baseline --json: no status for ${noStatus.join(", ")}`);
  if (!(r.scenario?.hubCount > 0)) throw new Error("baseline --json: scenario.hubCount is not positive");
  const installed = seedPath("zhengzhou-2025.json");
  if (r.scenario.file !== installed) throw new Error(`baseline --json: scenario.file is ${r.scenario.file}, expected the installed seed ${installed}`);
  console.error(`  baseline --json: ${ids.length} target rows with a status; ${r.scenario.hubCount} hubs from ${installed}`);'

step "fourports from another folder (no package.json there): route on the default seed scenario, a what-if extending the installed seed"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
"$work/project/node_modules/.bin/fourports" route CGO ZZ-ILP >route.txt
grep -q 'ZZ-ILP' route.txt || { cat route.txt >&2; echo "pack-check: fourports route printed no journey to ZZ-ILP" >&2; exit 1; }
# A what-if outside the project extending the installed seed: the seeds folder is always allowed.
seed="$(cd "$work/project" && node -p 'require("@fourports/seeds").seedPath("zhengzhou-2025.json")')"
printf '{ "id": "what-if", "name": "what-if", "extends": "%s" }\n' "$seed" >what-if.json
"$work/project/node_modules/.bin/fourports" validate what-if.json

step "done: every package installs from its tarball and works"
