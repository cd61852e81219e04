import type { BaselineResult, ComparisonResult, ScenarioInfo } from "@fourports/planner";
import { PORT_GROUPS } from "@fourports/network";
import { fmtCell } from "./format.js";
import { baselineTables, comparisonTables, type Cell, type ReportTable } from "./tables.js";

/**
 * A cell as Markdown table text: numbers with separators, pipes and backslashes escaped, line
 * breaks folded, and < as an entity, because Markdown passes raw HTML through: a hub named
 * `<script>` must not become a script where the Markdown is rendered (without a `<` no tag can
 * open, so ">=" stays readable).
 */
function mdCell(c: Cell): string {
  if (c === null) return "–";
  if (typeof c === "number") return fmtCell(c);
  return String(c)
    .replace(/</g, "&lt;")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
}

/** A Markdown (GFM) table with a heading; numeric columns right-aligned. */
export function tableMarkdown(t: ReportTable): string {
  const numeric = t.header.map((_, i) => t.rows.length > 0 && t.rows.every((r) => r[i] === null || typeof r[i] === "number"));
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [
    `### ${mdCell(t.title)}`,
    "",
    line(t.header.map(mdCell)),
    line(numeric.map((n) => (n ? "---:" : "---"))),
    ...t.rows.map((r) => line(r.map(mdCell))),
    "",
  ].join("\n");
}

function scenarioLine(s: ScenarioInfo): string {
  return `${mdCell(s.name)} (\`${mdCell(s.id)}\`, ${s.epoch}, ${s.horizonDays} days, ${s.hubCount} hubs, ${s.serviceCount} services)`;
}

/** Month × port group of the least-cost view, easier to read than the long monthly table. */
function monthlyPivot(r: BaselineResult): ReportTable {
  const months = [...new Set(r.views.leastCost.monthly.map((m) => m.month))].sort();
  const groups = PORT_GROUPS.filter((g) => r.views.leastCost.monthly.some((m) => m.portGroup === g));
  const at = new Map(r.views.leastCost.monthly.map((m) => [`${m.month} ${m.portGroup}`, m.throughputT]));
  return {
    name: "monthly",
    title: "Monthly throughput per port group, t (least cost)",
    header: ["month", ...groups],
    rows: months.map((m) => [m, ...groups.map((g) => at.get(`${m} ${g}`) ?? null)]),
  };
}

/** A baseline as a Markdown document: the scenario, then one table per section. */
export function baselineMarkdown(r: BaselineResult): string {
  const tables = baselineTables(r).map((t) => (t.name === "monthly" ? monthlyPivot(r) : t));
  const head = [
    `# Baseline: ${mdCell(r.scenario.name)}`,
    "",
    `- Scenario: ${scenarioLine(r.scenario)}`,
    ...(r.baseYear ? [`- Base year: ${scenarioLine(r.baseYear)}`] : []),
    `- Simulation: ${r.simulation ? `${r.simulation.replications} replications, seed ${mdCell(r.simulation.seed)}` : "not run"}`,
    `- Forecast cutoff: ${r.forecastCutoff}`,
    `- Cannot reach as modelled: ${r.cannotReach.length ? r.cannotReach.map(mdCell).join(", ") : "none"}`,
    "",
  ];
  const provenance: ReportTable = {
    name: "provenance",
    title: "Provenance of the ceilings",
    header: ["label", "targets"],
    rows: r.provenance.map((p) => [p.label, p.targets.join(", ")]),
  };
  return [...head, ...tables.map(tableMarkdown), tableMarkdown(provenance)].join("\n");
}

/** A comparison as a Markdown document: a against b, one table per section. */
export function comparisonMarkdown(c: ComparisonResult): string {
  return [
    `# Comparison: ${mdCell(c.a.name)} → ${mdCell(c.b.name)}`,
    "",
    `- a: ${scenarioLine(c.a)}`,
    `- b: ${scenarioLine(c.b)}`,
    "",
    ...comparisonTables(c).map(tableMarkdown),
  ].join("\n");
}
