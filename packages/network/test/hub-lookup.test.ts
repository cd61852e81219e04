import { describe, expect, it } from "vitest";
import { findHub, FourportsInputError, listHubs, loadScenarioFile, type Scenario } from "../src/index.js";
import { seed } from "./helpers.js";

const sc: Scenario = loadScenarioFile(seed("zhengzhou-2025.json"));
const id = (q: string): string => findHub(sc, q).id;
const message = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(FourportsInputError);
    return (e as Error).message;
  }
  throw new Error("expected a FourportsInputError");
};

describe("findHub", () => {
  it("finds a hub by id in any case, by English name and by Chinese name", () => {
    expect(id("HAMBURG")).toBe("HAMBURG");
    expect(id("hamburg")).toBe("HAMBURG");
    expect(id("cgo")).toBe("CGO");
    expect(id("Zhengzhou Xinzheng International Airport")).toBe("CGO");
    expect(id("zhengzhou xinzheng international airport")).toBe("CGO");
    expect(id("郑州新郑国际机场")).toBe("CGO");
    expect(id("郑州国际陆港")).toBe("ZZ-ILP");
  });

  it("takes a city with several hubs to its city hub, in English or Chinese, with or without 市", () => {
    expect(id("Zhengzhou")).toBe("ZZ-CITY");
    expect(id("ZHENGZHOU")).toBe("ZZ-CITY");
    expect(id("郑州")).toBe("ZZ-CITY");
    expect(id("郑州市")).toBe("ZZ-CITY");
  });

  it("takes a city with one hub to that hub", () => {
    const lone = sc.hubs.find((h) => sc.hubs.filter((k) => k.city === h.city).length === 1 && h.id.toLowerCase() !== h.city.toLowerCase())!;
    expect(id(lone.city)).toBe(lone.id);
  });

  it("lists the candidates for a city with several hubs and no city hub", () => {
    const city = [...new Set(sc.hubs.map((h) => h.city))].find((c) => {
      const hubs = sc.hubs.filter((h) => h.city === c);
      return hubs.length > 1 && !hubs.some((h) => h.kind === "city") && !hubs.some((h) => h.id.toLowerCase() === c.toLowerCase() || h.name.toLowerCase() === c.toLowerCase());
    });
    expect(city, "the seed scenario has such a city").toBeDefined();
    const m = message(() => findHub(sc, city!));
    expect(m).toContain(`hub "${city}" is ambiguous`);
    for (const h of sc.hubs.filter((k) => k.city === city)) expect(m).toContain(h.id);
  });

  it("suggests the nearest id or name for an unknown hub", () => {
    expect(message(() => findHub(sc, "HAMBRUG"))).toBe('unknown hub "HAMBRUG" (did you mean "HAMBURG"?); `fourports hubs` lists them');
    expect(message(() => findHub(sc, "Zhengzou"))).toContain('(did you mean "Zhengzhou"?)');
    expect(message(() => findHub(sc, "Atlantis-9"))).toBe('unknown hub "Atlantis-9"; `fourports hubs` lists them');
    expect(message(() => findHub(sc, "  "))).toContain("empty");
  });
});

describe("listHubs", () => {
  it("gives every hub as a plain JSON row with the modes that serve it", () => {
    const rows = listHubs(sc);
    expect(rows.map((r) => r.id)).toEqual(sc.hubs.map((h) => h.id));
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    const cgo = rows.find((r) => r.id === "CGO")!;
    expect(cgo).toMatchObject({ name: "Zhengzhou Xinzheng International Airport", nameZh: "郑州新郑国际机场", kind: "airport", city: "Zhengzhou", portGroup: "air" });
    expect(cgo.modes).toContain("air");
    // Every mode listed is served by a service touching the hub.
    for (const r of rows) {
      for (const m of r.modes) {
        expect(sc.services.some((s) => s.mode === m && (s.from === r.id || s.to === r.id || s.via?.some((v) => v.hub === r.id))), `${r.id} ${m}`).toBe(true);
      }
    }
  });

  it("filters by mode and city, and rejects an unknown mode or city", () => {
    const air = listHubs(sc, { mode: "air" });
    expect(air.length).toBeGreaterThan(0);
    expect(air.every((r) => r.modes.includes("air"))).toBe(true);
    expect(air.length).toBeLessThan(sc.hubs.length);
    const zz = listHubs(sc, { city: "郑州" });
    expect(zz.map((r) => r.id)).toEqual(sc.hubs.filter((h) => h.city === "Zhengzhou").map((h) => h.id));
    expect(listHubs(sc, { city: "zhengzhou", mode: "air" }).map((r) => r.id)).toContain("CGO");
    expect(message(() => listHubs(sc, { mode: "ari" }))).toContain('unknown mode "ari" (did you mean "air"?)');
    expect(message(() => listHubs(sc, { city: "Hamburgg" }))).toContain('(did you mean "Hamburg"?)');
  });
});
