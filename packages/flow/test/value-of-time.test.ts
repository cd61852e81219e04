import { describe, expect, it } from "vitest";
import type { DemandFlow } from "@fourports/network";
import { flowValueOfTime } from "@fourports/flow";

const flow = (over: Partial<DemandFlow> = {}): DemandFlow => ({
  id: "D",
  from: "A",
  to: "B",
  commodity: "general",
  tPerYear: 100,
  valueOfTimeCnyPerTHour: 15,
  source: "test",
  label: "ASSUMPTION",
  ...over,
});

describe("flowValueOfTime", () => {
  it("takes the fitted per-commodity value over the flow's own, unless the flow's is fixed by a what-if", () => {
    expect(flowValueOfTime(flow(), undefined)).toBe(15);
    expect(flowValueOfTime(flow(), { express: 90 })).toBe(15);
    expect(flowValueOfTime(flow(), { general: 40 })).toBe(40);
    expect(flowValueOfTime(flow({ valueOfTimeFixed: true, valueOfTimeCnyPerTHour: 350 }), { general: 40 })).toBe(350);
  });
});
