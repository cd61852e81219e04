import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { countyCoverage, simulateDays } from "../src/index.js";
import { smallCounty } from "./helpers.js";

describe("simulateDays", () => {
  const c = smallCounty("sim");
  const plan = countyCoverage(c, { rng: seedrandom("1") });

  it("conserves parcels: generated = on time + late + unserved + still waiting", () => {
    for (const opts of [{}, { tripDelayProb: 0.6, tripDelayMaxMin: 600 }]) {
      const r = simulateDays(c, plan, { days: 25, rng: seedrandom("2"), ...opts });
      let waiting = 0;
      for (const d of r.days) {
        // Day by day: what was waiting plus today's parcels leaves as delivered, unserved or still waiting.
        expect(waiting + d.generatedParcels).toBe(d.onTimeParcels + d.lateParcels + d.unservedParcels + d.backlogParcels);
        waiting = d.backlogParcels;
      }
      const t = r.totals;
      expect(t.generatedParcels).toBe(t.onTimeParcels + t.lateParcels + t.unservedParcels + t.finalBacklogParcels);
      expect(r.rate24h.min).toBeLessThanOrEqual(r.rate24h.p50);
      expect(r.rate24h.p50).toBeLessThanOrEqual(r.rate24h.max);
    }
  });

  it("makes delivery later when trips run late", () => {
    const calm = simulateDays(c, plan, { days: 20, rng: seedrandom("3"), tripDelayProb: 0 });
    const stormy = simulateDays(c, plan, { days: 20, rng: seedrandom("3"), tripDelayProb: 1, tripDelayMaxMin: 3000 });
    expect(stormy.totals.onTimeParcels).toBeLessThan(calm.totals.onTimeParcels);
  });

  it("gives the same days for the same seed", () => {
    const a = simulateDays(c, plan, { days: 10, rng: seedrandom("4") });
    const b = simulateDays(c, plan, { days: 10, rng: seedrandom("4") });
    expect(b).toEqual(a);
  });
});
