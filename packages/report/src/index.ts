/**
 * @fourports/report: the planner's results ({@link BaselineResult}, {@link ComparisonResult}) as
 * stable JSON, one CSV per table, Markdown, SVG charts and a self-contained offline HTML page.
 * Pure functions: they take a result and return text; writing files is the caller's business.
 *
 * - {@link baselineHtml} / {@link comparisonHtml}: the HTML report (`fourports report`).
 * - {@link baselineSvgDashboard}: the target dashboard alone, as an `image/svg+xml` document
 *   (for a notebook's display bundle).
 * - {@link baselineMarkdown} / {@link comparisonMarkdown}, {@link baselineCsv} / {@link comparisonCsv},
 *   {@link toJson}.
 * @packageDocumentation
 */
import type { BaselineResult, ComparisonResult } from "@fourports/planner";

export type { BaselineResult, ComparisonResult };
export { escapeHtml } from "./escape.js";
export { STATUS_TEXT } from "./status.js";
export { fitText, fmtCell, fmtNumber, fmtValue, fmtChange, fmtTonnes, shorten, textWidthPx } from "./format.js";
export { toJson } from "./json.js";
export { baselineTables, comparisonTables, targetsTable, type Cell, type ReportTable } from "./tables.js";
export { baselineCsv, comparisonCsv, tableCsv } from "./csv.js";
export { baselineMarkdown, comparisonMarkdown, tableMarkdown } from "./markdown.js";
export { baselineSvgDashboard } from "./dashboard.js";
export { monthlySvg, utilisationSvg, linesByUtilisation } from "./charts.js";
export { flowMapSvg, type FlowWidth } from "./flowmap.js";
export { reachSvg } from "./reach.js";
export { baselineHtml, type BaselineHtmlOptions } from "./baseline-html.js";
export { comparisonHtml, type ComparisonHtmlOptions } from "./compare-html.js";
