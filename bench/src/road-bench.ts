import { UndirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import createGraph from "ngraph.graph";
import ngraphPath from "ngraph.path";
import seedrandom from "seedrandom";
import { buildLandmarks, csrFromArrays, reverseCsr, ShortestPathSearch } from "@fourports/routing";
import { runLemon, type LemonTimes } from "./lemon.js";
import { readRoadGraph, roadGraphPaths } from "./roads.js";
import { best, log, once, type Row } from "./util.js";

const PAIRS = 100;

/** One road graph: full single-source Dijkstra and 100 seeded point-to-point queries, ours and peers'. */
export function benchRoadGraph(name: string, lemonBin: string | null): Row[] {
  const g = readRoadGraph(name);
  if (!g) {
    log(`${name}: skipped, ../shared/data/roads/${name}-roads.*.bin not found`);
    return [];
  }
  log(`${name}: ${g.nodeCount.toLocaleString()} nodes, ${g.segments.toLocaleString()} segments`);
  const csr = csrFromArrays({ nodeCount: g.nodeCount, from: g.from, to: g.to, weight: g.weight, x: g.x, y: g.y });
  const search = new ShortestPathSearch(csr, reverseCsr(csr));

  // Pairs inside the component of a random root, so every query has an answer.
  const rng = seedrandom(`fourports-bench-${name}`);
  const root = Math.floor(rng() * g.nodeCount);
  const reach = Float64Array.from(search.singleSource(root).dist);
  const inComponent: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) if (reach[v]! < Infinity) inComponent.push(v);
  const pick = (): number => inComponent[Math.floor(rng() * inComponent.length)]!;
  const pairs: [number, number][] = Array.from({ length: PAIRS }, () => [pick(), pick()]);
  const source = pairs[0]![0];

  // Ours.
  const ssspMs = best(5, () => search.singleSource(source));
  const truth = Float64Array.from(search.singleSource(source).dist);
  let sumTruth = 0;
  const p2pDist = pairs.map(([s, t]) => search.pointToPoint(s, t).distance);
  for (const d of p2pDist) sumTruth += d;
  const oursP2p = best(3, () => pairs.forEach(([s, t]) => search.pointToPoint(s, t)));
  const oursBidi = best(3, () => pairs.forEach(([s, t]) => search.bidirectional(s, t)));
  const oursAStar = best(3, () => pairs.forEach(([s, t]) => search.aStar(s, t, { metric: "euclid" })));
  const t0 = performance.now();
  const reverse = reverseCsr(csr);
  const landmarks = buildLandmarks(csr, reverse, 24, root);
  const altPrepMs = performance.now() - t0;
  const oursAlt = best(3, () => pairs.forEach(([s, t]) => search.alt(s, t, landmarks)));
  const oursAltBidi = best(3, () => pairs.forEach(([s, t]) => search.altBidirectional(s, t, landmarks)));
  const agree = (label: string, ds: number[]): void => {
    const bad = ds.findIndex((d, i) => Math.abs(d - p2pDist[i]!) > 1e-6 * Math.max(1, p2pDist[i]!));
    if (bad >= 0) throw new Error(`${name}: ${label} disagrees on pair ${bad}: ${ds[bad]} vs ${p2pDist[bad]}`);
  };
  agree("bidirectional", pairs.map(([s, t]) => search.bidirectional(s, t).distance));
  agree("A*", pairs.map(([s, t]) => search.aStar(s, t, { metric: "euclid" }).distance));
  agree("ALT", pairs.map(([s, t]) => search.alt(s, t, landmarks).distance));
  agree("bidirectional ALT", pairs.map(([s, t]) => search.altBidirectional(s, t, landmarks).distance));
  const oursBest = Math.min(oursP2p, oursBidi, oursAStar, oursAlt, oursAltBidi);
  log(`  ours: SSSP ${ssspMs.toFixed(1)} ms; 100 p2p: Dijkstra ${oursP2p.toFixed(1)} ms, bidirectional ${oursBidi.toFixed(1)} ms, A* ${oursAStar.toFixed(1)} ms, ALT ${oursAlt.toFixed(1)} ms, bidirectional ALT ${oursAltBidi.toFixed(1)} ms (24 landmarks built in ${altPrepMs.toFixed(0)} ms)`);

  // graphology-shortest-path: bidirectional Dijkstra on a graphology graph (our declared dependency).
  const gg = new UndirectedGraph();
  for (let v = 0; v < g.nodeCount; v++) gg.addNode(v);
  for (let e = 0; e < g.from.length; e += 2) gg.mergeEdge(g.from[e]!, g.to[e]!, { weight: g.weight[e]! });
  const lengthOf = (path: string[] | null): number => {
    if (!path) return Infinity;
    let d = 0;
    for (let i = 1; i < path.length; i++) d += gg.getEdgeAttribute(gg.edge(path[i - 1]!, path[i]!)!, "weight") as number;
    return d;
  };
  log("  graphology-shortest-path: 100 bidirectional queries…");
  const ggP2p = once(() => pairs.forEach(([s, t]) => dijkstra.bidirectional(gg, String(s), String(t), "weight")));
  // Checked on a tenth of the pairs: a second full pass of this peer would double the run.
  agree("graphology-shortest-path", pairs.slice(0, 10).map(([s, t]) => lengthOf(dijkstra.bidirectional(gg, String(s), String(t), "weight") as string[] | null)));
  log(`  graphology-shortest-path: 100 p2p ${ggP2p.toFixed(0)} ms; single source…`);
  const ggSssp = once(() => dijkstra.singleSource(gg, String(source), "weight"));

  // ngraph.path: A* with the same Euclidean bound, and its bidirectional NBA*.
  const ng = createGraph<{ x: number; y: number }, number>();
  for (let v = 0; v < g.nodeCount; v++) ng.addNode(v, { x: g.x[v]!, y: g.y[v]! });
  for (let e = 0; e < g.from.length; e += 2) ng.addLink(g.from[e]!, g.to[e]!, g.weight[e]!);
  const opts = {
    oriented: false,
    distance: (_a: unknown, _b: unknown, link: { data: number }) => link.data,
    heuristic: (a: { data: { x: number; y: number } }, b: { data: { x: number; y: number } }) => Math.hypot(a.data.x - b.data.x, a.data.y - b.data.y),
  };
  const finders = { aStar: ngraphPath.aStar(ng, opts), nba: ngraphPath.nba(ng, opts) };
  const ngTimes: Record<string, number> = {};
  for (const [label, finder] of Object.entries(finders)) {
    const lengths = pairs.map(([s, t]) => {
      const nodes = finder.find(s, t);
      let d = 0;
      for (let i = 1; i < nodes.length; i++) d += Math.hypot(nodes[i]!.data.x - nodes[i - 1]!.data.x, nodes[i]!.data.y - nodes[i - 1]!.data.y);
      return nodes.length === 0 ? Infinity : d;
    });
    agree(`ngraph.path ${label}`, lengths);
    ngTimes[label] = best(3, () => pairs.forEach(([s, t]) => finder.find(s, t)));
  }
  const ngBest = Math.min(...Object.values(ngTimes));
  log(`  ngraph.path: 100 p2p A* ${ngTimes["aStar"]!.toFixed(1)} ms, NBA* ${ngTimes["nba"]!.toFixed(1)} ms`);

  let lemon: LemonTimes | null = null;
  const paths = roadGraphPaths(name)!;
  if (lemonBin) {
    lemon = runLemon(lemonBin, paths.co, paths.gr, source, pairs, 5);
    let checksum = 0;
    for (const d of truth) if (d < Infinity) checksum += d;
    if (Math.abs(lemon.ssspChecksum - checksum) > 1e-6 * checksum) throw new Error(`${name}: LEMON's distances disagree (${lemon.ssspChecksum} vs ${checksum})`);
    if (Math.abs(lemon.p2pSum - sumTruth) > 1e-6 * sumTruth) throw new Error(`${name}: LEMON's p2p distances disagree`);
    log(`  LEMON: SSSP ${lemon.ssspMs.toFixed(1)} ms, 100 p2p ${lemon.p2pMs.toFixed(1)} ms`);
  }

  const plain: Row = { graph: name, task: "100 point-to-point, same algorithm", ours: oursBidi, peer: "graphology-shortest-path (bidirectional)", peerMs: ggP2p, goal: "" };
  const rows: Row[] = [
    plain,
    { graph: name, task: "single source", ours: ssspMs, peer: "graphology-shortest-path", peerMs: ggSssp, goal: "" },
    { graph: name, task: "100 point-to-point", ours: oursBest, peer: "graphology-shortest-path (bidirectional)", peerMs: ggP2p, goal: "≥ 30× faster" },
    { graph: name, task: "100 point-to-point", ours: oursBest, peer: "ngraph.path (best of A*, NBA*)", peerMs: ngBest, goal: "≥ 10× faster" },
  ];
  if (lemon) {
    rows.push({ graph: name, task: "single source", ours: ssspMs, peer: "LEMON Dijkstra (C++)", peerMs: lemon.ssspMs, goal: "within 1.5× (ratio ≥ 0.67)" });
    rows.push({ graph: name, task: "100 point-to-point", ours: oursBest, peer: "LEMON Dijkstra run(s,t) (C++)", peerMs: lemon.p2pMs, goal: "" });
  }
  return rows;
}
