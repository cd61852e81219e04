import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildLandmarks, csrFromArrays, csrFromGraphology, DataError, kShortestPaths, parseDimacs, reverseCsr, ShortestPathSearch, type CsrGraph, type PathResult } from "@fourports/routing";

/** Random directed graphs with coordinates; weights are at least the Euclidean length, so A* stays admissible. */
const graphArb = fc
  .record({
    n: fc.integer({ min: 1, max: 25 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0, max: 20, noNaN: true })), { maxLength: 80 }),
    xy: fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 25, maxLength: 25 }),
  })
  .map(({ n, edges, xy }) => {
    const from = edges.map(([a]) => a % n);
    const to = edges.map(([, b]) => b % n);
    const x = xy.slice(0, n).map(([px]) => px);
    const y = xy.slice(0, n).map(([, py]) => py);
    const weight = edges.map(([, , extra], i) => Math.hypot(x[from[i]!]! - x[to[i]!]!, y[from[i]!]! - y[to[i]!]!) + extra);
    return csrFromArrays({ nodeCount: n, from, to, weight, x, y });
  });

function bellmanFord(g: CsrGraph, s: number): Float64Array {
  const d = new Float64Array(g.nodeCount).fill(Infinity);
  d[s] = 0;
  for (let round = 0; round < g.nodeCount; round++) {
    for (let u = 0; u < g.nodeCount; u++) {
      for (let i = g.offsets[u]!; i < g.offsets[u + 1]!; i++) {
        if (d[u]! + g.weights[i]! < d[g.targets[i]!]!) d[g.targets[i]!] = d[u]! + g.weights[i]!;
      }
    }
  }
  return d;
}

const close = (a: number, b: number): boolean => (a === Infinity ? b === Infinity : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/** A returned path must exist edge by edge and weigh what it claims. */
function checkPath(g: CsrGraph, p: PathResult, s: number, t: number): void {
  if (p.distance === Infinity) return void expect(p.nodes).toEqual([]);
  expect(p.nodes[0]).toBe(s);
  expect(p.nodes[p.nodes.length - 1]).toBe(t);
  let sum = 0;
  p.edges.forEach((e, i) => {
    const slot = g.edgeIds.indexOf(e);
    expect(g.targets[slot]).toBe(p.nodes[i + 1]);
    expect(slot >= g.offsets[p.nodes[i]!]! && slot < g.offsets[p.nodes[i]! + 1]!).toBe(true);
    sum += g.weights[slot]!;
  });
  expect(close(sum, p.distance)).toBe(true);
}

describe("shortest paths agree with Bellman-Ford on random graphs", () => {
  it("single source, point to point, bidirectional, A* and ALT", () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), fc.nat(), (g, a, b) => {
        const s = a % g.nodeCount;
        const t = b % g.nodeCount;
        const truth = bellmanFord(g, s);
        const search = new ShortestPathSearch(g, reverseCsr(g));
        const { dist } = search.singleSource(s);
        for (let v = 0; v < g.nodeCount; v++) expect(close(dist[v]!, truth[v]!)).toBe(true);
        const landmarks = buildLandmarks(g, reverseCsr(g), Math.min(3, g.nodeCount), a % g.nodeCount);
        const answers = [search.pointToPoint(s, t), search.bidirectional(s, t), search.aStar(s, t, { metric: "euclid" }), search.alt(s, t, landmarks, 2), search.alt(s, t, landmarks), search.altBidirectional(s, t, landmarks), search.altBidirectional(s, t, landmarks, 1)];
        for (const p of answers) {
          expect(close(p.distance, truth[t]!)).toBe(true);
          checkPath(g, p, s, t);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the same search instance answers many queries without stale state", () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 2, maxLength: 10 }), (g, pairs) => {
        const search = new ShortestPathSearch(g, reverseCsr(g));
        for (const [a, b] of pairs) {
          const s = a % g.nodeCount;
          const t = b % g.nodeCount;
          expect(close(search.bidirectional(s, t).distance, bellmanFord(g, s)[t]!)).toBe(true);
          expect(close(search.pointToPoint(s, t).distance, bellmanFord(g, s)[t]!)).toBe(true);
        }
      }),
    );
  });
});

describe("kShortestPaths (Yen)", () => {
  function allSimplePaths(g: CsrGraph, s: number, t: number): number[] {
    const out: number[] = [];
    const on = new Uint8Array(g.nodeCount);
    const walk = (u: number, d: number): void => {
      if (u === t) return void out.push(d);
      on[u] = 1;
      for (let i = g.offsets[u]!; i < g.offsets[u + 1]!; i++) if (!on[g.targets[i]!]) walk(g.targets[i]!, d + g.weights[i]!);
      on[u] = 0;
    };
    walk(s, 0);
    return out.sort((x, y) => x - y);
  }

  it("returns the k shortest loopless paths that brute-force enumeration finds", () => {
    const small = graphArb.filter((g) => g.nodeCount <= 8 && g.targets.length <= 18);
    fc.assert(
      fc.property(small, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 }), (g, a, b, k) => {
        const s = a % g.nodeCount;
        const t = b % g.nodeCount;
        fc.pre(s !== t);
        const paths = kShortestPaths(new ShortestPathSearch(g), s, t, k);
        const truth = allSimplePaths(g, s, t).slice(0, k);
        expect(paths.length).toBe(truth.length);
        paths.forEach((p, i) => {
          expect(close(p.distance, truth[i]!)).toBe(true);
          expect(new Set(p.nodes).size).toBe(p.nodes.length);
          checkPath(g, p, s, t);
        });
        expect(new Set(paths.map((p) => p.edges.join(","))).size).toBe(paths.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("csrFromGraphology", () => {
  it("takes weights from an attribute or a function and keeps ids and coordinates", () => {
    const g = new MultiDirectedGraph<{ lon: number; lat: number }, { km: number; min: number }>();
    g.addNode("a", { lon: 0, lat: 0 });
    g.addNode("b", { lon: 1, lat: 0 });
    g.addNode("c", { lon: 2, lat: 0 });
    g.addEdgeWithKey("ab", "a", "b", { km: 111, min: 90 });
    g.addEdgeWithKey("bc", "b", "c", { km: 111, min: 60 });
    g.addEdgeWithKey("ac", "a", "c", { km: 250, min: 100 });
    const byKm = csrFromGraphology(g, { weight: "km", coordinates: (n) => [n.lon, n.lat] });
    const p = new ShortestPathSearch(byKm).aStar(0, 2, { metric: "haversine" });
    expect(p.nodes.map((i) => byKm.ids![i])).toEqual(["a", "b", "c"]);
    expect(p.edges.map((e) => byKm.edgeKeys[e])).toEqual(["ab", "bc"]);
    const byTime = csrFromGraphology(g, { weight: (e) => e.min });
    expect(new ShortestPathSearch(byTime).pointToPoint(0, 2).distance).toBe(100);
  });
});

describe("parseDimacs", () => {
  it("reads arcs and coordinates, 1-based to 0-based", () => {
    const g = parseDimacs("c tiny\np sp 3 2\na 1 2 5\na 2 3 7\n", "tiny.gr", { text: "p aux sp co 3\nv 1 0 0\nv 2 3 4\nv 3 6 8\n" });
    expect(new ShortestPathSearch(g).pointToPoint(0, 2).distance).toBe(12);
    expect([...g.x!]).toEqual([0, 3, 6]);
  });

  it("rejects malformed files naming file, line and column", () => {
    const problems = (text: string): string[] => {
      try {
        parseDimacs(text, "bad.gr");
      } catch (err) {
        return (err as DataError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      return [];
    };
    expect(problems("p sp 3 1\na 1 4 5\n")).toEqual(['line 2, column 5: expected a node id (an integer 1..3), got "4"']);
    expect(problems("p sp 3 1\na 1 2 -5\n")).toEqual([`line 2, column 7: expected a weight (an integer 0..${Number.MAX_SAFE_INTEGER}), got "-5"`]);
    expect(problems("a 1 2 3\n")).toEqual(['line 1, column 1: arc before the "p sp" line', '$: no "p sp NODES ARCS" line']);
    expect(problems("p sp 2 2\na 1 2 1\n")).toEqual(['$: the "p" line promises 2 arcs, the file has 1']);
    expect(problems("p sp 2 1\nx 1 2 1\n")).toEqual(['line 2, column 1: unknown line type "x"; expected c, p or a']);
    expect(problems("p sp 2 1\na 1 2\n")).toEqual(['line 2, column 1: expected "a FROM TO WEIGHT", got 2 fields']);
  });
});
