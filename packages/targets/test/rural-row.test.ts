import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { expandTimetable, loadScenarioFile } from "@fourports/network";
import { loadProvinceFile, loadRuralTargets, provinceRollup } from "@fourports/rural";
import { capacityCeilings, loadTargetRegistry } from "@fourports/targets";

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

describe("the rural-delivery target", () => {
  const registry = loadTargetRegistry(here("../../../seeds/targets-2025.json"));
  const target = registry.targets.find((t) => t.id === "rural-delivery")!;
  const sc = loadScenarioFile(here("../../network/test/fixtures/mini.json"));
  const year = { scenario: sc, timetable: expandTimetable(sc) };

  it("is measured on the rural roll-up: counts and the 24 h share against the 2025 targets", () => {
    const rollup = provinceRollup(
      loadProvinceFile(here("../../../seeds/rural/henan-province.json")),
      loadRuralTargets(here("../../../seeds/rural/targets-rural.json")),
      { rng: seedrandom("1") },
    );
    const [r] = capacityCeilings([target], year, undefined, { rural: rollup });
    const modelled = Object.fromEntries(rollup.rows.map((x) => [x.what, x.modelled]));
    expect(r!.ceiling).toBe(
      `county centres ${modelled["countyCentres"]}/15 · township stations ${modelled["townshipStations"]}/70 · village stations ${modelled["villageStations"]}/2,000 · 客货邮 lines ${modelled["passengerFreightMailLines"]}/260 · 24 h ${(modelled["share24h"]! * 100).toFixed(1)}%/100.0%`,
    );
    expect(r!.status).toBe(rollup.rows.every((x) => x.years.find((y) => y.year === 2025)!.met) ? "met" : "not-met");
    expect(r!.basis).toEqual(["ASSUMPTION"]);
    expect(r!.detail).not.toContain("outside the network model");
  });

  it("says so when no roll-up is given", () => {
    expect(capacityCeilings([target], year)[0]).toMatchObject({ status: "not-computed", ceiling: null });
  });
});
