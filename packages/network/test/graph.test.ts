import { describe, expect, it } from "vitest";
import { loadScenarioFile, toGraph } from "@fourports/network";
import { fixture } from "./helpers.js";

describe("toGraph", () => {
  it("makes hubs nodes, services edges keyed by id and transfer links edges both ways", () => {
    const g = toGraph(loadScenarioFile(fixture("mini.json")));
    expect(g.order).toBe(5);
    expect(g.size).toBe(3 + 2);
    expect(g.source("CRE-HAM-OUT")).toBe("ZZR");
    expect(g.getEdgeAttributes("CRE-HAM-OUT")).toMatchObject({ kind: "service", mode: "rail", via: ["ALA"], capacityTeu: 100, nominalPerWeek: 1 });
    expect(g.getEdgeAttributes("AIR-LUX-IN")).toMatchObject({ nominalPerWeek: 2 });
    expect(g.hasEdge("transfer:ZZR>CGO")).toBe(true);
    expect(g.getNodeAttribute("CGO", "handling")).toEqual({ tPerDay: 500 });
  });
});
