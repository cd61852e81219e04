import { ShortestPathSearch, type CsrGraph } from "@fourports/routing";

/**
 * Shortest road distances in km between stations (row-major, `Infinity` where no road path
 * exists), one Dijkstra per station over the road graph.
 */
export function roadDistanceMatrix(road: CsrGraph, nodes: readonly number[]): Float64Array {
  const k = nodes.length;
  const out = new Float64Array(k * k);
  const search = new ShortestPathSearch(road);
  for (let i = 0; i < k; i++) {
    const { dist } = search.singleSource(nodes[i]!);
    for (let j = 0; j < k; j++) out[i * k + j] = dist[nodes[j]!]!;
  }
  return out;
}

/** Road km from each of `from` to each of `to` (row-major), one Dijkstra per row. */
export function roadDistanceRows(road: CsrGraph, from: readonly number[], to: readonly number[]): Float64Array {
  const out = new Float64Array(from.length * to.length);
  const search = new ShortestPathSearch(road);
  from.forEach((f, i) => {
    const { dist } = search.singleSource(f);
    to.forEach((t, j) => (out[i * to.length + j] = dist[t]!));
  });
  return out;
}
