// Run by scripts/pack-check.sh from INSIDE the fresh project where the packed tarballs were
// npm-installed (it is copied there, so every import below resolves the way a user's would).
// Usage: node check-installed.mjs REPO_SEEDS_DIR PACKAGE_NAME...
// Every failed check throws: the process exits non-zero with the reason.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const [repoSeeds, ...names] = process.argv.slice(2);
assert.ok(repoSeeds && names.length > 0, "usage: check-installed.mjs REPO_SEEDS_DIR PACKAGE_NAME...");
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const log = (line) => process.stderr.write(`  ${line}\n`);
const readJson = (p) => JSON.parse(readFileSync(p, "utf8"));

function walk(dir, keep = () => true) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

/** Node's exports resolution for one subpath with only the given conditions (tslab, bundlers, CJS tools). */
function resolveTarget(entry, conditions) {
  if (typeof entry === "string") return entry;
  if (entry === null || typeof entry !== "object") return null;
  for (const [key, value] of Object.entries(entry)) {
    if (conditions.includes(key)) {
      const t = resolveTarget(value, conditions);
      if (t !== null) return t;
    }
  }
  return null;
}

/** Every source map in the package (.js.map and .d.ts.map) points at sources the package ships. */
function checkSourceMaps(name, dir) {
  const maps = walk(dir, (p) => p.endsWith(".map"));
  for (const map of maps) {
    const { sources = [], sourceRoot = "" } = readJson(map);
    for (const s of sources) {
      const src = resolve(dirname(map), sourceRoot, s);
      assert.ok(existsSync(src), `${name}: ${relative(dir, map)} points at ${s}, which the package does not ship`);
    }
  }
  return maps.length;
}

async function checkPackage(name) {
  const dir = join(here, "node_modules", ...name.split("/"));
  const pkg = readJson(join(dir, "package.json"));
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      assert.ok(!String(range).startsWith("workspace:"), `${name}: ${field}.${dep} is still "${range}"`);
    }
  }
  assert.ok(existsSync(join(dir, "LICENSE")), `${name}: no LICENSE in the tarball`);
  assert.match(pkg.engines?.node ?? "", />=\s*20\.19\.0/, `${name}: engines.node`);
  const maps = checkSourceMaps(name, dir);
  const root = pkg.exports?.["."];
  if (root === undefined) {
    // A command-only package: its bins must exist and importing it must fail clearly.
    assert.ok(pkg.bin && Object.keys(pkg.bin).length > 0, `${name}: neither a "." export nor a bin`);
    for (const [bin, file] of Object.entries(pkg.bin)) assert.ok(existsSync(join(dir, file)), `${name}: bin ${bin} -> ${file} missing`);
    await assert.rejects(import(name), /ERR_PACKAGE_PATH_NOT_EXPORTED|No "exports" main/, `${name}: import should fail with "no main export"`);
    log(`${name}: command only (${Object.keys(pkg.bin).join(", ")}), ${maps} source maps resolve`);
    return;
  }
  const types = resolveTarget(root, ["types"]);
  const esm = resolveTarget(root, ["import"]);
  const plain = resolveTarget(root, ["default"]);
  for (const [cond, target] of Object.entries({ types, import: esm, default: plain })) {
    assert.ok(target !== null, `${name}: exports["."] has no "${cond}" condition`);
    assert.ok(existsSync(join(dir, target)), `${name}: exports["."].${cond} -> ${target}, not in the tarball`);
  }
  assert.equal(plain, esm, `${name}: "default" and "import" should be the same file`);
  // Node's own resolution: import (conditions import/node/default) and require (require/node/default).
  const viaImport = fileURLToPath(import.meta.resolve(name));
  const viaRequire = require.resolve(name);
  assert.equal(viaImport, join(dir, esm), `${name}: import resolves to ${viaImport}`);
  assert.equal(viaRequire, join(dir, plain), `${name}: require.resolve (the "default" condition) gives ${viaRequire}`);
  const m = await import(name);
  // require() of ESM (Node >= 20.19, as tslab's CommonJS output does) must give the same module.
  const cjs = require(name);
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(m).sort(), `${name}: require() and import() give different exports`);
  log(`${name}: import, require and "default" resolve to ${esm}; ${Object.keys(m).length} exports; ${maps} source maps resolve`);
}

async function checkUmbrella() {
  const pkg = readJson(join(here, "node_modules", "fourports", "package.json"));
  const fp = await import("fourports");
  const deps = Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith("@fourports/"));
  // A name two packages export as different things is ambiguous under `export *` and silently
  // dropped by ESM (the same binding re-exported by both is fine).
  const owners = new Map();
  for (const dep of deps) {
    for (const [k, v] of Object.entries(await import(dep))) owners.set(k, [...(owners.get(k) ?? []), { dep, v }]);
  }
  const ambiguous = [...owners]
    .filter(([, o]) => o.some((x) => x.v !== o[0].v))
    .map(([k, o]) => `${k} (${o.map((x) => x.dep).join(", ")})`);
  assert.deepEqual(ambiguous, [], `fourports: names exported by more than one package are dropped by export *: ${ambiguous.join("; ")}`);
  const missing = [...owners.keys()].filter((k) => !(k in fp));
  assert.deepEqual(missing, [], `fourports: does not re-export ${missing.join(", ")}`);
  for (const fn of ["loadScenarioFile", "expandTimetable", "loadTargetRegistry"]) assert.equal(typeof fp[fn], "function", `fourports.${fn}`);
  log(`fourports: re-exports all ${owners.size} runtime exports of ${deps.join(", ")}`);
  return fp;
}

async function checkSeeds(fp) {
  const seeds = await import("@fourports/seeds");
  const installed = join(here, "node_modules", "@fourports", "seeds", "seeds");
  assert.equal(realpathSync(seeds.seedsDir()), realpathSync(installed), "seedsDir() outside a checkout is the installed copy");
  const expected = walk(repoSeeds).map((p) => relative(repoSeeds, p).split(sep).join("/")).sort();
  assert.deepEqual(seeds.listSeeds(), expected, "the tarball's seeds are exactly the repository's seeds/");
  for (const f of expected) {
    assert.equal(readFileSync(seeds.seedPath(f), "utf8"), readFileSync(join(repoSeeds, f), "utf8"), `seed ${f} differs from the repository's`);
  }
  assert.throws(() => seeds.seedPath("no-such-seed.json"), (e) => e.name === "SeedNotFoundError" && /no-such-seed\.json/.test(e.message) && /zhengzhou-2025\.json/.test(e.message));
  const sc = fp.loadScenarioFile(seeds.seedPath("zhengzhou-2025.json"));
  assert.ok(sc.hubs.length > 0 && statSync(seeds.seedPath("rural/henan-province.json")).isFile());
  log(`@fourports/seeds: ${expected.length} files identical to the repository's; zhengzhou-2025 loads (${sc.hubs.length} hubs)`);
}

for (const name of names) await checkPackage(name);
await checkSeeds(await checkUmbrella());
