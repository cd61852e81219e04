import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowInputError, maxFlow, minCostFlow, parseDimacsMin, writeDimacsMin, type FlowArc, type MinCostFlowProblem } from "@fourports/flow";
import { DataError } from "@fourports/routing";

/** Quantities in tenths or whole units, costs that may be negative and fractional. */
const quantity = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 300 }).map((x) => x / 10));
const problemArb = (withLower: boolean): fc.Arbitrary<MinCostFlowProblem> =>
  fc
    .record({
      n: fc.integer({ min: 2, max: 8 }),
      arcs: fc.array(
        fc.record({ a: fc.nat(), b: fc.nat(), cap: quantity, cost: fc.integer({ min: -20, max: 50 }).map((c) => c / 4), low: withLower ? fc.oneof(fc.constant(0), quantity) : fc.constant(0) }),
        { maxLength: 24 },
      ),
      supplies: fc.array(quantity, { minLength: 8, maxLength: 8 }),
    })
    .map(({ n, arcs, supplies }) => {
      // Balanced supply: node 0 .. k are sources, the rest sinks, scaled to cancel.
      const supply = new Array<number>(n).fill(0);
      let total = 0;
      for (let u = 0; u < Math.floor(n / 2); u++) {
        supply[u] = supplies[u]!;
        total += supplies[u]! * 10;
      }
      supply[n - 1] = -Math.round(total) / 10;
      const list: FlowArc[] = arcs.map((x) => {
        const from = x.a % n;
        const to = (from + 1 + (x.b % (n - 1))) % n;
        return { from, to, capacity: Math.max(x.cap, x.low), cost: x.cost, lower: x.low };
      });
      return { nodeCount: n, arcs: list, supply };
    });

const EPS = 1e-7;

function checkOptimal(p: MinCostFlowProblem, r: ReturnType<typeof minCostFlow>): void {
  const balance = new Float64Array(p.nodeCount);
  let cost = 0;
  p.arcs.forEach((a, e) => {
    const f = r.flow[e]!;
    expect(f).toBeGreaterThanOrEqual((a.lower ?? 0) - EPS);
    expect(f).toBeLessThanOrEqual(a.capacity + EPS);
    balance[a.from]! += f;
    balance[a.to]! -= f;
    cost += f * a.cost;
    // Complementary slackness: the potentials certify optimality.
    const rc = a.cost + r.potential[a.from]! - r.potential[a.to]!;
    if (f < a.capacity - EPS) expect(rc).toBeGreaterThanOrEqual(-EPS);
    if (f > (a.lower ?? 0) + EPS) expect(rc).toBeLessThanOrEqual(EPS);
  });
  for (let u = 0; u < p.nodeCount; u++) expect(Math.abs(balance[u]! - p.supply[u]!)).toBeLessThan(EPS);
  expect(Math.abs(cost - r.cost)).toBeLessThan(1e-6 * Math.max(1, Math.abs(cost)));
}

describe("minCostFlow", () => {
  it("conserves flow, respects bounds and is certified optimal by reduced costs", () => {
    fc.assert(
      fc.property(problemArb(true), (p) => {
        const r = minCostFlow(p);
        expect(r.status).not.toBe("unbounded"); // every capacity is finite
        if (r.status === "optimal") checkOptimal(p, r);
      }),
      { numRuns: 500 },
    );
  });

  it("is infeasible exactly when the supply exceeds the minimum cut", () => {
    fc.assert(
      fc.property(problemArb(false), (p) => {
        const n = p.nodeCount;
        // Super source n → sources, sinks → super sink n + 1.
        const arcs = p.arcs.map((a) => ({ from: a.from, to: a.to, capacity: a.capacity }));
        let total = 0;
        for (let u = 0; u < n; u++) {
          const s = p.supply[u]!;
          if (s > 0) arcs.push({ from: n, to: u, capacity: s });
          if (s < 0) arcs.push({ from: u, to: n + 1, capacity: -s });
          if (s > 0) total += s;
        }
        const cut = maxFlow(n + 2, arcs, n, n + 1);
        const r = minCostFlow(p);
        expect(r.status === "infeasible").toBe(cut.value < total - EPS);
      }),
      { numRuns: 500 },
    );
  });

  it("reports a negative cycle of unlimited capacity as unbounded", () => {
    const r = minCostFlow({
      nodeCount: 3,
      arcs: [
        { from: 0, to: 1, capacity: Infinity, cost: -2 },
        { from: 1, to: 0, capacity: Infinity, cost: 1 },
        { from: 1, to: 2, capacity: 5, cost: 1 },
      ],
      supply: [0, 0, 0],
    });
    expect(r.status).toBe("unbounded");
  });

  it("solves fractional tonnes and yuan exactly, where float simplex codes hang or integer-only ones refuse", () => {
    // Capacities like 0.1 + 0.2 and costs like 0.3 CNY: exact after scaling by 10.
    const r = minCostFlow({
      nodeCount: 4,
      arcs: [
        { from: 0, to: 1, capacity: 0.1 + 0.2, cost: 0.3 },
        { from: 0, to: 2, capacity: 0.7, cost: 0.1 },
        { from: 1, to: 3, capacity: 1.5, cost: 0.2 },
        { from: 2, to: 3, capacity: 0.4, cost: 0.6 },
      ],
      supply: [0.7, 0, 0, -0.7],
    });
    expect(r.status).toBe("optimal");
    expect([...r.flow]).toEqual([0.3, 0.4, 0.3, 0.4]);
    expect(r.cost).toBeCloseTo(0.3 * 0.3 + 0.4 * 0.1 + 0.3 * 0.2 + 0.4 * 0.6, 12);
  });

  it("rejects values it cannot represent exactly instead of rounding them", () => {
    const bad = (arc: Partial<FlowArc>, supply = [1, -1]) => () => minCostFlow({ nodeCount: 2, arcs: [{ from: 0, to: 1, capacity: 2, cost: 1, ...arc }], supply });
    expect(bad({ capacity: 1 / 3 })).toThrowError(new FlowInputError("arcs[0].capacity: 0.3333333333333333 has more than 6 decimal places; round it to the resolution you mean"));
    expect(bad({ cost: Math.PI })).toThrowError(/arcs\[0\]\.cost: 3\.14159\d+ has more than 6 decimal places/);
    expect(bad({ to: 2 })).toThrowError("arcs[0].to: expected a node index 0..1, got 2");
    expect(bad({ capacity: -1 })).toThrowError("arcs[0].capacity: expected a number >= 0 or Infinity, got -1");
    expect(bad({ lower: 3 })).toThrowError("arcs[0].lower: 3 exceeds the capacity 2");
    expect(bad({}, [1, Number.NaN])).toThrowError("supply[1]: expected a finite number, got NaN");
  });
});

describe("maxFlow", () => {
  const capArb = problemArb(false).map((p) => p.arcs.map((a) => ({ from: a.from, to: a.to, capacity: a.capacity })));
  it("equals the capacity of the minimum cut it returns, and conserves flow", () => {
    fc.assert(
      fc.property(capArb, (arcs) => {
        const n = 8;
        const r = maxFlow(n, arcs, 0, n - 1);
        const cut = r.cutArcs.reduce((s, e) => s + arcs[e]!.capacity, 0);
        expect(Math.abs(cut - r.value)).toBeLessThan(EPS);
        expect(r.sourceSide[0]).toBe(1);
        expect(r.sourceSide[n - 1]).toBe(0);
        const bal = new Float64Array(n);
        arcs.forEach((a, e) => {
          expect(r.flow[e]!).toBeGreaterThanOrEqual(-EPS);
          expect(r.flow[e]!).toBeLessThanOrEqual(a.capacity + EPS);
          bal[a.from]! -= r.flow[e]!;
          bal[a.to]! += r.flow[e]!;
        });
        for (let u = 1; u < n - 1; u++) expect(Math.abs(bal[u]!)).toBeLessThan(EPS);
        expect(Math.abs(bal[n - 1]! - r.value)).toBeLessThan(EPS);
      }),
      { numRuns: 500 },
    );
  });

  it("never loses value when a capacity grows", () => {
    fc.assert(
      fc.property(capArb, fc.nat(), quantity, (arcs, k, extra) => {
        fc.pre(arcs.length > 0);
        const before = maxFlow(8, arcs, 0, 7).value;
        const grown = arcs.map((a, i) => (i === k % arcs.length ? { ...a, capacity: a.capacity + extra } : a));
        expect(maxFlow(8, grown, 0, 7).value).toBeGreaterThanOrEqual(before - EPS);
      }),
    );
  });
});

describe("DIMACS min-cost flow files", () => {
  it("round-trip through writeDimacsMin and parseDimacsMin", () => {
    fc.assert(
      fc.property(problemArb(true), (p) => {
        const back = parseDimacsMin(writeDimacsMin(p, "round trip"));
        expect(back.nodeCount).toBe(p.nodeCount);
        expect(back.arcs).toEqual(p.arcs.map((a) => ({ ...a, lower: a.lower ?? 0 })));
        expect([...back.supply]).toEqual([...p.supply].map((s) => s + 0));
      }),
    );
  });

  it("rejects malformed lines with file, line and column", () => {
    const problems = (text: string): string[] => {
      try {
        parseDimacsMin(text, "bad.min");
      } catch (err) {
        return (err as DataError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      return [];
    };
    expect(problems("p min 2 1\na 1 3 0 5 1\n")).toEqual(['line 2, column 5: expected a node id (an integer 1..2), got "3"']);
    expect(problems("p min 2 1\nn 1 x\na 1 2 0 5 1\n")).toEqual(['line 2, column 5: expected a supply, got "x"']);
    expect(problems("p min 2 1\na 1 2 0 5\n")).toEqual(['line 2, column 1: expected "a FROM TO LOW CAP COST", got 4 fields']);
    expect(problems("p max 2 1\n")[0]).toBe('line 1, column 1: expected "p min NODES ARCS"');
  });
});
