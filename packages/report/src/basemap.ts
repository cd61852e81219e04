import { geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// Natural Earth land at 1:110m (public domain) as TopoJSON, from the world-atlas package: about
// 55 KB, drawn clipped to the map, so the flow map shows coastlines without any fetch.
import land110m from "world-atlas/land-110m.json" with { type: "json" };

const topology = land110m as unknown as Topology<{ land: GeometryCollection }>;
const LAND = feature(topology, topology.objects.land);

/** The land masses as one SVG path (`path.land`) in the given projection, 0.1 px precision. */
export function landPath(projection: GeoProjection): string {
  return geoPath(projection).digits(1)(LAND) ?? "";
}
