import { checkNumberOption } from "@fourports/network";
import { ShortestPathSearch, type PathResult } from "./dijkstra.js";

/**
 * Yen's k shortest loopless paths from source to target, shortest first (ties broken by the
 * edge sequence, so the order is deterministic).
 */
export function kShortestPaths(search: ShortestPathSearch, source: number, target: number, k: number): PathResult[] {
  const g = search.graph;
  checkNumberOption("kShortestPaths: k", k, { integer: true, required: true, min: 0, max: 10_000 });
  for (const [name, v] of [["source", source], ["target", target]] as const) {
    checkNumberOption(`kShortestPaths: ${name}`, v, { integer: true, required: true, min: 0, max: g.nodeCount - 1 });
  }
  const first = search.pointToPoint(source, target);
  if (first.nodes.length === 0 || k <= 0) return [];
  const found: PathResult[] = [first];
  const candidates: PathResult[] = [];
  const seen = new Set<string>([first.edges.join(",")]);
  const bannedNodes = new Uint8Array(g.nodeCount);
  const bannedSlots = new Uint8Array(g.targets.length);
  // Slots by original edge id, to ban the edges the found paths take.
  const slotOf = new Int32Array(g.targets.length);
  for (let i = 0; i < g.edgeIds.length; i++) slotOf[g.edgeIds[i]!] = i;

  while (found.length < k) {
    const last = found[found.length - 1]!;
    for (let i = 0; i + 1 < last.nodes.length; i++) {
      const spur = last.nodes[i]!;
      const rootNodes = last.nodes.slice(0, i + 1);
      const rootEdges = last.edges.slice(0, i);
      let rootDist = 0;
      for (const e of rootEdges) rootDist += g.weights[slotOf[e]!]!;
      const banned: number[] = [];
      for (const p of found) {
        // Paths are compared by edges, so parallel edges give distinct paths.
        if (p.edges.length > i && rootEdges.every((e, j) => p.edges[j] === e) && p.nodes[i] === spur) {
          const slot = slotOf[p.edges[i]!]!;
          bannedSlots[slot] = 1;
          banned.push(slot);
        }
      }
      for (let j = 0; j < i; j++) bannedNodes[rootNodes[j]!] = 1;
      const tail = search.pointToPoint(spur, target, { bannedNodes, bannedSlots });
      for (const s of banned) bannedSlots[s] = 0;
      for (let j = 0; j < i; j++) bannedNodes[rootNodes[j]!] = 0;
      if (tail.nodes.length === 0) continue;
      const nodes = [...rootNodes.slice(0, -1), ...tail.nodes];
      const edges = [...rootEdges, ...tail.edges];
      const key = edges.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ distance: rootDist + tail.distance, nodes, edges });
    }
    if (candidates.length === 0) break;
    candidates.sort((a, b) => a.distance - b.distance || compareSeq(a.edges, b.edges));
    found.push(candidates.shift()!);
  }
  return found;
}

function compareSeq(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
