import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { countySitingInstance, randomSitingInstance, siteExact, siteGreedy, type SitingInstance, type SitingSolution } from "../src/index.js";
import { floydKm, smallCounty } from "./helpers.js";

/** Coverage of a solution recounted from the instance alone. */
function recount(inst: SitingInstance, sol: SitingSolution): { weight: number; villages: number } {
  const open = new Set(sol.open);
  let weight = 0;
  let villages = 0;
  inst.villageIds.forEach((_, v) => {
    if (inst.siteIds.some((s, j) => open.has(s) && inst.covers[j]!.includes(v))) {
      weight += inst.weight[v]!;
      villages++;
    }
  });
  return { weight, villages };
}

/** The optimum over every set of at most maxNewSites new sites. */
function bruteBest(inst: SitingInstance): number {
  const free = inst.siteIds.map((_, j) => j).filter((j) => !inst.fixedOpen[j]);
  let best = 0;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits++;
    if (bits > inst.maxNewSites) continue;
    const open = inst.siteIds.filter((_, j) => inst.fixedOpen[j] || free.some((f, k) => f === j && mask & (1 << k)));
    best = Math.max(best, recount(inst, { open, opened: [], coveredWeight: 0, coveredVillages: 0 }).weight);
  }
  return best;
}

describe("station siting", () => {
  const small = Array.from({ length: 6 }, (_, i) => randomSitingInstance(seedrandom(`site-${i}`), { sites: 12, villages: 60, fixed: 2, maxNewSites: 3, radius: 18 }));

  it("reports the coverage its open sites really give (greedy and exact)", async () => {
    for (const inst of small) {
      for (const sol of [siteGreedy(inst), await siteExact(inst)]) {
        const r = recount(inst, sol);
        expect(sol.coveredWeight).toBe(r.weight);
        expect(sol.coveredVillages).toBe(r.villages);
        expect(sol.opened.length).toBeLessThanOrEqual(inst.maxNewSites);
        for (let j = 0; j < inst.siteIds.length; j++) if (inst.fixedOpen[j]) expect(sol.open).toContain(inst.siteIds[j]);
      }
    }
  });

  it("solves exactly: the MIP equals the best of every site set, the heuristic is never above it", async () => {
    for (const inst of small) {
      const exact = await siteExact(inst);
      expect(exact.coveredWeight).toBe(bruteBest(inst));
      expect(siteGreedy(inst).coveredWeight).toBeLessThanOrEqual(exact.coveredWeight);
    }
  });

  it("covers a county's villages within the radius by road", () => {
    const c = smallCounty("site-county");
    const inst = countySitingInstance(c, { radiusKm: 3 });
    const km = floydKm(c);
    inst.siteIds.forEach((s, j) => {
      c.county.villages.forEach((v, i) => {
        expect(inst.covers[j]!.includes(i), `${s} → ${v.id}`).toBe(km(c.roadNode[s]!, c.roadNode[v.id]!) <= 3);
      });
    });
    expect(inst.fixedOpen.filter((f) => !f).length).toBe(c.county.townships.filter((t) => t.status === "candidate").length);
  });
});
