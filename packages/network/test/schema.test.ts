import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "@fourports/network";
import { fixture, seed } from "./helpers.js";

const shipped = JSON.parse(readFileSync(fixture("../../schema/scenario.schema.json"), "utf8")) as object;
const read = (p: string): unknown => JSON.parse(readFileSync(p, "utf8"));

describe("scenario.schema.json", () => {
  it("is the schema the loader uses (run pnpm gen:schema after changing schema.ts)", () => {
    expect(shipped).toEqual(scenarioJsonSchema());
  });

  it("accepts the seeds and fixtures and rejects what the loader rejects structurally", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);
    for (const f of [seed("zhengzhou-2024.json"), seed("zhengzhou-2025.json"), fixture("mini.json"), fixture("mini-whatif.json")]) {
      expect(validate(read(f)), JSON.stringify(validate.errors)).toBe(true);
    }
    for (const name of ["unknown-field", "wrong-type", "missing-field", "bad-enum", "bad-time", "negative-capacity", "bad-schedule-type", "seasonality-length"]) {
      expect(validate(read(fixture(`broken/${name}.json`))), name).toBe(false);
    }
  });
});
