import { checkAgainst, LABELS, readJsonFile, ScenarioError, type Label, type SourceRef } from "@fourports/network";
import { z } from "zod";
import { sourcesSchema } from "./registry.js";

/**
 * One published figure of the network's past (a port's throughput in a year), for the forecast and the
 * choice fit.
 */
export interface ObservedFigure {
  /** Unique id of the figure. */
  id: string;
  /** The metric it measures, as the targets name metrics. */
  metric: string;
  /** Hubs it counts at, for metrics that name hubs. */
  hubs?: string[];
  /** The figure, in `unit`. */
  value: number;
  /** Unit of the figure. */
  unit: string;
  /**
   * The period the figure covers, both dates inclusive (a partial-year figure: "2024-01-01" to
   * "2024-08-31"). Absent: the calendar year of the set. The forecast and the choice fit use
   * only figures whose period ends by their cutoff.
   */
  from?: string;
  /** Last day of the period (inclusive); given together with `from`. */
  to?: string;
  /**
   * The scenario's demand was sized from this figure: a model's error on it tests how the
   * demand is split, not its level. The fit reports such a held-out figure apart.
   */
  sizesDemand?: boolean;
  /** Key of the set's `sources` table the figure comes from. */
  source: string;
  /** What kind of figure it is (official, press, estimate…). */
  label: Label;
  /** Free-text remark. */
  note?: string;
}

/** A set of observed figures with the documents they come from (seeds/observed). */
export interface ObservedSet {
  /** Unique id of the set. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** Documents the figures cite, by key. */
  sources: Record<string, SourceRef>;
  /** The figures. */
  figures: ObservedFigure[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date "YYYY-MM-DD"' });

const schema: z.ZodType<ObservedSet> = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    sources: sourcesSchema,
    figures: z.array(
      z.strictObject({
        id: z.string().min(1),
        metric: z.string().min(1),
        hubs: z.array(z.string().min(1)).optional(),
        value: z.number(),
        unit: z.string().min(1),
        from: isoDate.optional(),
        to: isoDate.optional(),
        sizesDemand: z.boolean().optional(),
        source: z.string().min(1),
        label: z.enum(LABELS),
        note: z.string().optional(),
      }),
    ),
  })
  .superRefine((o, ctx) => {
    o.figures.forEach((f, i) => {
      if ((f.from === undefined) !== (f.to === undefined)) ctx.addIssue({ code: "custom", path: ["figures", i, f.from === undefined ? "from" : "to"], message: "a period needs both from and to" });
      if (f.from !== undefined && f.to !== undefined && f.to < f.from) ctx.addIssue({ code: "custom", path: ["figures", i, "to"], message: `before from (${f.from})` });
      if (!Object.hasOwn(o.sources, f.source)) ctx.addIssue({ code: "custom", path: ["figures", i, "source"], message: `unknown source "${f.source}"` });
    });
  });

/** Observed figures (seeds/observed-2024.json) for calibration, each with its source and label. */
export function loadObserved(path: string): ObservedSet {
  const r = checkAgainst(schema, readJsonFile(path), path);
  if (!r.ok) throw new ScenarioError(r.list.issues);
  return r.data;
}
