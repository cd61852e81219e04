import { realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listSeeds, SeedNotFoundError, seedPath, seedsDir } from "@fourports/seeds";

const repoSeeds = fileURLToPath(new URL("../../../seeds", import.meta.url));

describe("@fourports/seeds in the checkout", () => {
  it("is the repository's top-level seeds/, the source of truth", () => {
    expect(realpathSync(seedsDir())).toBe(realpathSync(repoSeeds));
  });

  it("finds files and subfolders by name", () => {
    expect(seedPath("zhengzhou-2025.json")).toBe(join(seedsDir(), "zhengzhou-2025.json"));
    expect(seedPath("rural/henan-province.json")).toBe(join(seedsDir(), "rural", "henan-province.json"));
  });

  it("lists every file, READMEs and rural/ included, sorted", () => {
    const all = listSeeds();
    expect(all).toEqual(expect.arrayContaining(["README.md", "targets-2025.json", "zhengzhou-2024.json", "rural/README.md", "rural/targets-rural.json"]));
    expect(all).toEqual([...all].sort());
  });

  it("names the missing file and lists what exists", () => {
    let caught: unknown;
    try {
      seedPath("zhengzhou-2030.json");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SeedNotFoundError);
    const err = caught as SeedNotFoundError;
    expect(err.seed).toBe("zhengzhou-2030.json");
    expect(err.available).toEqual(listSeeds());
    expect(err.message).toMatch(/"zhengzhou-2030\.json".*zhengzhou-2025\.json/);
    // A folder is not a seed file.
    expect(() => seedPath("rural")).toThrow(SeedNotFoundError);
  });

  it("rejects names that are empty, absolute or climb out of the folder", () => {
    for (const bad of ["", "/etc/passwd", "../package.json", "rural/../../package.json"]) {
      expect(() => seedPath(bad), bad).toThrow(/expected a file name inside the seeds folder/);
    }
  });
});
