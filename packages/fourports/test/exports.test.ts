import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

// Every package must resolve for the ways notebooks load it, from an install like a user's
// (node_modules/<name> → the package): tslab compiles cells to CommonJS (require: the
// "require"/"node"/"default" conditions; Node 20.19+ loads ESM through require) and type-checks
// them with TypeScript's node10 resolution (which reads "types"/"main", not "exports"); Deno and
// ESM code use "import"/"types". Needs the packages built (`pnpm test` runs `tsc -b` first).

const packagesDir = fileURLToPath(new URL("../../", import.meta.url));
const packages = readdirSync(packagesDir)
  .map((dir) => ({ dir: join(packagesDir, dir), json: JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8")) as { name: string; exports?: Record<string, unknown> } }))
  // Packages with a main entry; the CLI exports only its package.json.
  .filter((p) => p.json.exports?.["."] !== undefined);

const install = mkdtempSync(join(tmpdir(), "fourports-exports-"));
for (const p of packages) {
  const link = join(install, "node_modules", p.json.name);
  mkdirSync(resolve(link, ".."), { recursive: true });
  symlinkSync(p.dir, link, "dir");
}
writeFileSync(join(install, "package.json"), JSON.stringify({ name: "user", private: true }));
afterAll(() => rmSync(install, { recursive: true, force: true }));

const requireFromUser = createRequire(join(install, "cell.js"));
const typesFor = (name: string, options: ts.CompilerOptions, from: string): string | undefined =>
  ts.resolveModuleName(name, join(install, from), options, ts.sys).resolvedModule?.resolvedFileName;

describe.each(packages.map((p) => [p.json.name, p.dir] as const))("%s", (name, dir) => {
  const js = join(dir, "dist", "index.js");
  const dts = join(dir, "dist", "index.d.ts");
  const real = (p: string | undefined): string | undefined => (p === undefined ? undefined : ts.sys.realpath!(p));

  it("resolves for require() (tslab's runtime: the default condition)", () => {
    expect(real(requireFromUser.resolve(name))).toBe(js);
  });

  it("has types for TypeScript's node10 resolution (tslab's type check)", () => {
    expect(real(typesFor(name, { moduleResolution: ts.ModuleResolutionKind.Node10 }, "cell.ts"))).toBe(dts);
  });

  it("has types for nodenext ESM and bundler resolution (the types condition)", () => {
    expect(real(typesFor(name, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }, "cell.mts"))).toBe(dts);
    expect(real(typesFor(name, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }, "cell.ts"))).toBe(dts);
  });
});
