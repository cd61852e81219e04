import type { ComparisonResult } from "@fourports/planner";
import { tablesPage } from "./html.js";
import type { Table } from "./print.js";

/** The HTML report of a comparison: its tables as printed, with what was compared. */
export function reportHtml(title: string, cmp: ComparisonResult, tables: Table[]): string {
  return tablesPage(title, [`a: ${cmp.a.name} (${cmp.a.id}); b: ${cmp.b.name} (${cmp.b.id}).`], tables);
}
