// The publishing rules for EVERY package under packages/ that is not private (found by reading
// the folder, so a new package is held to them the day it appears). The packed tarballs
// themselves are checked by `pnpm pack:check`; this is the fast part that needs no packing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  type?: string;
  engines?: { node?: string };
  exports?: Record<string, unknown>;
  files?: string[];
  bin?: Record<string, string>;
  scripts?: Record<string, string>;
}

const packages = readdirSync(join(repo, "packages"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(repo, "packages", e.name, "package.json")))
  .map((e) => ({ dir: join(repo, "packages", e.name), manifest: readJson(join(repo, "packages", e.name, "package.json")) as unknown as Manifest }))
  .filter((p) => p.manifest.private !== true);

const base = readJson(join(repo, "tsconfig.base.json"))["compilerOptions"] as { sourceMap?: boolean; declarationMap?: boolean };

/** A path inside the package as npm sees it: "./dist/index.js" -> "dist/index.js". */
const inPackage = (target: string): string => posix.normalize(target).replace(/^\.\//, "");

/** Whether `files` ships a path (npm always ships package.json, README and LICENSE). */
function shipped(files: string[], target: string): boolean {
  const p = inPackage(target);
  if (p === "package.json") return true;
  return files.some((f) => {
    const entry = inPackage(f).replace(/\/$/, "");
    return p === entry || p.startsWith(`${entry}/`);
  });
}

/**
 * The source a build output comes from: tsc -b compiles src/X.ts to dist/X.js and dist/X.d.ts
 * (rootDir src, outDir dist), so a target of any other shape is nothing the build makes.
 */
function sourceOf(target: string): string | null {
  const m = /^dist\/(.+)\.(d\.ts|js)$/.exec(inPackage(target));
  return m ? `src/${m[1]}.ts` : null;
}

function expectBuilt(dir: string, name: string, what: string, target: string): void {
  const source = sourceOf(target);
  expect(source, `${name}: ${what} -> ${target} is not a dist/*.js or dist/*.d.ts that tsc -b writes`).not.toBeNull();
  expect(existsSync(join(dir, source!)), `${name}: ${what} -> ${target}, but ${source} does not exist`).toBe(true);
  expect(existsSync(join(dir, inPackage(target))), `${name}: ${what} -> ${target} is missing (run tsc -b first)`).toBe(true);
}

describe("publishable package manifests", () => {
  it("finds the packages", () => {
    expect(packages.map((p) => p.manifest.name)).toEqual(expect.arrayContaining(["fourports", "@fourports/network", "@fourports/seeds", "@fourports/cli"]));
  });

  describe.each(packages.map((p) => [p.manifest.name, p] as const))("%s", (name, { dir, manifest }) => {
    const files = manifest.files ?? [];

    it("is MIT with the LICENSE file, ESM, for Node >= 20.19.0", () => {
      expect(manifest.license).toBe("MIT");
      const license = existsSync(join(dir, "LICENSE")) ? readFileSync(join(dir, "LICENSE"), "utf8") : "";
      expect(license, `${name}: LICENSE`).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the fourports authors\n/);
      expect(manifest.type).toBe("module");
      expect(manifest.engines?.node).toBe(">=20.19.0");
    });

    it("compiles src/ to dist/ and ships both, so the source and declaration maps resolve", () => {
      const ts = readJson(join(dir, "tsconfig.json"))["compilerOptions"] as { rootDir?: string; outDir?: string };
      expect([ts.rootDir, ts.outDir]).toEqual(["src", "dist"]);
      expect(files).toContain("dist");
      if (base.sourceMap === true || base.declarationMap === true) expect(files, `${name}: maps point into src/`).toContain("src");
      // Packing on its own (pnpm pack in the folder) builds first, so dist/ is never stale or missing.
      expect(manifest.scripts?.["prepack"] ?? "").toMatch(/^tsc -b\b/);
    });

    it("exports types, import and default conditions to files the build writes and `files` ships", () => {
      const exports = manifest.exports ?? {};
      const expectConditions = (subpath: string, conditions: Record<string, unknown>): void => {
        // types first (TypeScript takes the first match), default last (it matches everything).
        expect(Object.keys(conditions), `${name}: exports["${subpath}"]`).toEqual(["types", "import", "default"]);
        const [types, esm, plain] = [conditions["types"], conditions["import"], conditions["default"]] as string[];
        expect(plain, `${name}: exports["${subpath}"]: "default" must be the same module as "import"`).toBe(esm);
        expect(types!.replace(/\.d\.ts$/, ""), `${name}: exports["${subpath}"]: "types" must describe the "import" file`).toBe(esm!.replace(/\.js$/, ""));
        for (const [cond, target] of [["types", types!], ["import", esm!]] as const) {
          expectBuilt(dir, name, `exports["${subpath}"].${cond}`, target);
          expect(shipped(files, target), `${name}: files ${JSON.stringify(files)} does not ship ${target}`).toBe(true);
        }
      };
      const root = exports["."];
      if (root === undefined) {
        // A command-only package: no library entry to resolve, but its commands are built and shipped.
        expect(Object.keys(manifest.bin ?? {}).length, `${name}: neither a "." export nor a bin`).toBeGreaterThan(0);
      } else {
        expect(typeof root, `${name}: exports["."] must be a conditions object`).toBe("object");
        expectConditions(".", root as Record<string, unknown>);
      }
      for (const [subpath, target] of Object.entries(exports)) {
        if (subpath === ".") continue;
        // A code subpath (e.g. "./testing") is a conditions object held to the rules of ".".
        if (typeof target === "object" && target !== null) {
          expectConditions(subpath, target as Record<string, unknown>);
          continue;
        }
        expect(typeof target, `${name}: exports["${subpath}"] must be a path or a conditions object`).toBe("string");
        expect(existsSync(join(dir, inPackage(target as string))), `${name}: exports["${subpath}"] -> ${String(target)} missing`).toBe(true);
        expect(shipped(files, target as string), `${name}: files does not ship exports["${subpath}"] -> ${String(target)}`).toBe(true);
      }
    });

    it("builds and ships every command it declares", () => {
      for (const [command, target] of Object.entries(manifest.bin ?? {})) {
        expectBuilt(dir, name, `bin.${command}`, target);
        expect(shipped(files, target), `${name}: files does not ship bin.${command} -> ${target}`).toBe(true);
        expect(readFileSync(join(dir, inPackage(target)), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
      }
    });
  });
});
