import type { BaselineResult, ScenarioInfo } from "@fourports/planner";
import { baselineSvgDashboard } from "./dashboard.js";
import { monthlySvg, utilisationSvg } from "./charts.js";
import { escapeHtml } from "./escape.js";
import { flowMapSvg, type FlowWidth } from "./flowmap.js";
import { fmtNumber, fmtValue } from "./format.js";
import { htmlTable, labelBadges, page, section } from "./html-base.js";
import { reachSvg } from "./reach.js";
import { STATUS_TEXT } from "./status.js";
import { baselineTables, type Cell, type ReportTable } from "./tables.js";

/** Options of {@link baselineHtml}. */
export interface BaselineHtmlOptions {
  /** Page title (default: "fourports baseline: " and the scenario's name). */
  title?: string;
  /** The assignment view the monthly chart, utilisation bars and flow map draw (default leastCost). */
  view?: keyof BaselineResult["views"];
  /** At most this many lines in the utilisation chart, highest first (default 40; the tables list all). */
  maxLines?: number;
  /**
   * Line width on the flow map: "sqrt" (default) proportional to the square root of the tonnes,
   * since a few flows can be far larger than the rest (the seeds' river flow is 60× any other
   * leg); "linear" proportional to tonnes.
   */
  flowWidth?: FlowWidth;
  /** A line for the footer, such as when and how the report was made; the renderer reads no clock. */
  footer?: string;
}

function checkOptions(o: BaselineHtmlOptions): { view: keyof BaselineResult["views"]; maxLines: number } {
  const view = o.view ?? "leastCost";
  if (view !== "leastCost" && view !== "shipperLogit") throw new Error(`baselineHtml options.view: expected "leastCost" or "shipperLogit", got ${JSON.stringify(view)}`);
  const maxLines = o.maxLines ?? 40;
  if (!Number.isInteger(maxLines) || maxLines < 1) throw new Error(`baselineHtml options.maxLines: expected a whole number ≥ 1, got ${String(maxLines)}`);
  return { view, maxLines };
}

/** The scenario's facts as a definition list. */
export function scenarioFacts(s: ScenarioInfo, extra: [string, string][] = []): string {
  const rows: [string, string][] = [
    ["scenario", `${s.name} (${s.id})`],
    ["file", s.file ?? "(given as an object)"],
    ["extends", s.lineage.length ? s.lineage.join(" → ") : "nothing"],
    ["period", `${s.epoch}, ${s.horizonDays} days`],
    ["network", `${fmtNumber(s.hubCount)} hubs, ${fmtNumber(s.serviceCount)} services, ${fmtNumber(s.tripCount)} trips, ${fmtNumber(s.demandFlows)} demand flows`],
    ...extra,
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>`;
}

const find = (tables: ReportTable[], name: string): ReportTable => tables.find((t) => t.name === name)!;

/** A table with only the named columns, in that order. */
function pick(t: ReportTable, columns: string[], rows: (row: Cell[]) => boolean = () => true): ReportTable {
  const at = columns.map((c) => t.header.indexOf(c));
  return { ...t, header: columns, rows: t.rows.filter(rows).map((r) => at.map((i) => r[i]!)) };
}

/** The lines of one view, highest utilisation first, as the utilisation chart orders them. */
function linesTable(tables: ReportTable[], viewKey: string): ReportTable {
  const t = pick(find(tables, "lines"), ["line", "mode", "from", "to", "departures", "capacityT", "loadedT", "utilisation"], (row) => row[0] === viewKey);
  const u = (r: Cell[]): number => r[7] as number;
  return { ...t, rows: [...t.rows].sort((a, b) => u(b) - u(a) || (String(a[0]) < String(b[0]) ? -1 : 1)) };
}

/** The targets table as shown: figures in their units, labels as badges. */
function targetSummary(r: BaselineResult): ReportTable {
  return {
    name: "target-summary",
    title: "Targets",
    header: ["target", "goal", "least cost", "shipper logit", "simulated P50 (P5–P95)", "P(met)", "ceiling", "status", "limited by"],
    rows: r.targets.map((t): Cell[] => [
      t.title,
      t.comparator === "report" ? "(report)" : `${t.comparator} ${fmtValue(t.goal, t.unit)}`,
      fmtValue(t.leastCost, t.unit),
      fmtValue(t.shipperLogit, t.unit),
      t.simulated ? `${fmtValue(t.simulated.p50, t.unit)} (${fmtValue(t.simulated.p5, t.unit)}–${fmtValue(t.simulated.p95, t.unit)})` : "–",
      t.pMet === null ? "–" : fmtValue(t.pMet, "share"),
      fmtValue(t.ceiling, t.unit),
      STATUS_TEXT[t.status],
      t.limitedBy,
    ]),
  };
}

/** Which labelled figures each target's ceiling rests on. */
function provenanceTable(r: BaselineResult): string {
  const t: ReportTable = {
    name: "provenance",
    title: "Provenance",
    header: ["target", "ceiling rests on", "hubs or lines missing", "detail"],
    rows: r.targets.map((x) => [x.id, x.basis.join(" "), x.missing.join(", "), x.detail]),
  };
  const counts: ReportTable = { name: "provenance-counts", title: "Labels", header: ["label", "targets"], rows: r.provenance.map((p) => [p.label, p.targets.join(", ")]) };
  const badges = (c: Cell): string => `<td>${labelBadges(typeof c === "string" && c ? c.split(" ") : [])}</td>`;
  return htmlTable(t, { "ceiling rests on": badges }) + htmlTable(counts, { label: badges });
}

function reachSection(r: BaselineResult): string {
  if (!r.reach) return "";
  const misses: ReportTable = {
    name: "reach-misses",
    title: "Misses",
    header: ["group", "destination", "name", "country", "share in time", "fastest h", "via", "reason"],
    rows: r.reach.groups.flatMap((g) => g.misses.map((m): Cell[] => [g.group, m.destination, m.name, m.country, fmtValue(m.share, "share"), m.fastestHours, m.via, m.reason])),
  };
  return section("reach", "Quick-freight circle", `From ${r.reach.origin}, ${r.reach.samples} sampled departures: the share of departures that reach each group's destinations, door to door, within its limit.`, reachSvg(r.reach), misses.rows.length ? htmlTable(misses) : "<p>No misses.</p>");
}

const pctText = (x: number | null): string => (x === null ? "–" : `${fmtNumber(x, 1)}%`);

/** The choice model's fit, as `fourports backtest` prints it: prior and fitted model per figure, "(sized)" where the demand was sized from it. */
function choiceFitTable(c: NonNullable<BaselineResult["calibration"]>): ReportTable {
  return {
    name: "choice-fit",
    title: "Choice model fit",
    header: ["figure", "period", "role", "observed", "prior model", "fitted model", "error", "contested", "unit"],
    rows: c.fit.rows.map((x): Cell[] => [x.figureId, `${x.from} – ${x.to}`, `${x.role}${x.sizesDemand ? " (sized)" : ""}`, x.observed, Math.round(x.priorPrediction), Math.round(x.prediction), pctText(x.errorPct), `${fmtNumber(x.contestedShare * 100)}%`, x.unit]),
  };
}

/** The base year assigned with the fitted parameters and every capacity respected, beside each observed figure. */
function assignedTable(c: NonNullable<BaselineResult["calibration"]>): ReportTable {
  const sized = new Set(c.fit.rows.filter((x) => x.sizesDemand).map((x) => x.figureId));
  return {
    name: "calibration",
    title: "Capacity-respecting assignment",
    header: ["figure", "period", "role", "label", "observed", "assigned", "error", "unit"],
    rows: c.rows.map((x): Cell[] => [x.figureId, `${x.from} – ${x.to}${x.clipped ? " (clipped)" : ""}`, `${x.role}${sized.has(x.figureId) ? " (sized)" : ""}`, x.label, x.observed, Math.round(x.assigned), `${fmtNumber(x.error * 100, 1)}%`, x.unit]),
  };
}

/**
 * Calibration in two tables, as the terminal prints it: the choice model's fit (the RMS figures
 * come from its "fitted model" column, an aggregate model without capacities) and the base year
 * assigned with every capacity respected. A hold-out the demand was sized from is marked
 * "(sized)": it is not a test of the level, so only the unsized ones are the hold-out test.
 */
function calibrationSection(r: BaselineResult): string {
  if (!r.calibration) return "";
  const c = r.calibration;
  const n = (keep: (x: (typeof c.fit.rows)[number]) => boolean): number => c.fit.rows.filter(keep).length;
  const honest = c.rows.filter((x) => x.role === "hold-out" && !c.fit.rows.some((f) => f.figureId === x.figureId && f.sizesDemand));
  const honestText = honest.length ? honest.map((x) => `${x.figureId} ${fmtNumber(x.error * 100, 1)}%`).join(", ") : "none";
  const fitLede = `Fitted on ${c.scenarioId}'s figures ending by ${c.fit.cutoff}. These errors are the fitted model's (the "fitted model" column, an aggregate model without capacities): fit RMS ${pctText(c.fit.fitRmsPct)} on ${n((x) => x.role === "fit")} figures; hold-out RMS ${pctText(c.fit.holdOutRmsPct)} on ${n((x) => x.role === "hold-out" && !x.sizesDemand)} (never seen by the fit, nor sized from); held out but the demand was sized from them ("(sized)"): ${pctText(c.fit.holdOutSizedRmsPct)} on ${n((x) => x.role === "hold-out" && x.sizesDemand)}. Contested: the share carried by flows with more than one way to go; at 0% the figure is the demand as sized, not a test of the choice.`;
  const assignedLede = `${c.scenarioId} assigned with the fitted parameters (shipper logit, every capacity respected) over each figure's period, beside the observed figure. Hold-outs not sized from: ${honestText}.`;
  return section(
    "calibration",
    "Calibration",
    fitLede,
    "<h3>Choice model fit (aggregate model, no capacities)</h3>",
    htmlTable(choiceFitTable(c)),
    "<h3>Capacity-respecting assignment</h3>",
    `<p class="caption">${escapeHtml(assignedLede)}</p>`,
    htmlTable(assignedTable(c), { label: (l) => `<td>${labelBadges([String(l)])}</td>` }),
  );
}

/**
 * A baseline as one self-contained HTML page: no script, no external resource, inline SVG only
 * (d3-scale and d3-geo run here, not in the browser). Sections: the scenario, the target dashboard
 * ({@link baselineSvgDashboard}) and table, monthly throughput per port group, utilisation per
 * line, the flow map of tonnes between hubs, the quick-freight circle and calibration (when the
 * result has them), and the provenance labels each ceiling rests on. Every string from the
 * result is escaped. Same result and options, same bytes.
 */
export function baselineHtml(r: BaselineResult, options: BaselineHtmlOptions = {}): string {
  const { view: viewKey, maxLines } = checkOptions(options);
  const view = r.views[viewKey];
  const tables = baselineTables(r);
  const viewName = viewKey === "leastCost" ? "least-cost" : "shipper-logit";
  const sim = r.simulation ? `${r.simulation.replications} replications, seed ${r.simulation.seed}` : "not run";
  const title = options.title ?? `fourports baseline: ${r.scenario.name}`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1><p class="lede">Assigned, simulated and forecast figures against each target, the capacity ceiling at 100% load, and where the network carries its tonnes.</p></header>`,
    scenarioFacts(r.scenario, [
      ["base year", r.baseYear ? `${r.baseYear.name} (${r.baseYear.id})` : "none"],
      ["simulation", sim],
      ["forecast cutoff", r.forecastCutoff],
      ["served (least cost)", `${fmtNumber(r.views.leastCost.servedT)} t of ${fmtNumber(r.views.leastCost.demandT)} t`],
    ]),
    r.cannotReach.length ? `<p class="callout"><strong>Cannot reach as modelled:</strong> ${escapeHtml(r.cannotReach.join(", "))}</p>` : "",
    section("targets", "Targets", "Per target on its own scale: the goal (dashed rule), the assignment under least cost and under shipper logit choice, the simulated and forecast P5–P95 bands with their P50 (black tick), and the ceiling at 100% load.", baselineSvgDashboard(r), htmlTable(targetSummary(r))),
    section("monthly", "Monthly throughput per port group", `Loaded plus unloaded tonnes at the home city's hubs, ${viewName} assignment.`, monthlySvg(view)),
    section("lines", "Utilisation per line", `Tonnes on each line's first leg over the capacity of its trips that ran, ${viewName} assignment; 100% is dashed.`, utilisationSvg(view, maxLines)),
    section("map", "Flow map", `Tonnes carried between hubs over the year, ${viewName} assignment: line width proportional to ${(options.flowWidth ?? "sqrt") === "sqrt" ? "the square root of the tonnes" : "tonnes"}, colour by mode, dot area by hub throughput; the home city's hubs are enlarged in the corner.`, flowMapSvg(r.hubs, view, options.flowWidth ?? "sqrt")),
    reachSection(r),
    calibrationSection(r),
    section("provenance", "Provenance", "The labels of the figures each target's ceiling rests on: TARGET policy goal, OFF official statistic, PRESS press claim, EST estimate, ASSUMPTION ours.", provenanceTable(r)),
    section(
      "tables",
      "Tables",
      `The figures behind the charts (all of them, with both views, in the CSV export). Lines: ${viewName} assignment, highest utilisation first.`,
      htmlTable(find(tables, "ports")),
      htmlTable(linesTable(tables, viewKey)),
      htmlTable(pick(find(tables, "hubs"), ["id", "name", "nameZh", "kind", "city", "country", "throughputLeastCostT", "throughputShipperLogitT"])),
    ),
    `<footer>Inputs: targets ${escapeHtml(r.inputs.targets)}, history ${escapeHtml(r.inputs.history)}, forecast ${escapeHtml(r.inputs.forecast)}${r.inputs.rural ? `, rural ${escapeHtml(r.inputs.rural)}` : ""}.${options.footer ? ` ${escapeHtml(options.footer)}` : ""}</footer>`,
  ].filter((s) => s !== "");
  return page(title, body.join("\n"));
}
