import type { ComparisonResult } from "@fourports/planner";
import { comparisonHtml } from "@fourports/report";

/**
 * The HTML report of a comparison: @fourports/report's self-contained page (targets, ports,
 * hubs and lines, with charts), titled for the example.
 */
export function reportHtml(title: string, cmp: ComparisonResult): string {
  return comparisonHtml(cmp, { title, footer: "Written by a fourports example (examples/README.md)." });
}
