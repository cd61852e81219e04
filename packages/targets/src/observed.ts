import { checkAgainst, LABELS, readJsonFile, ScenarioError, type Label, type SourceRef } from "@fourports/network";
import { z } from "zod";
import { sourcesSchema } from "./registry.js";

export interface ObservedFigure {
  id: string;
  metric: string;
  hubs?: string[];
  value: number;
  unit: string;
  /**
   * The period the figure covers, both dates inclusive (a partial-year figure: "2024-01-01" to
   * "2024-08-31"). Absent: the calendar year of the set. The forecast and the choice fit use
   * only figures whose period ends by their cutoff.
   */
  from?: string;
  to?: string;
  /**
   * The scenario's demand was sized from this figure: a model's error on it tests how the
   * demand is split, not its level. The fit reports such a held-out figure apart.
   */
  sizesDemand?: boolean;
  source: string;
  label: Label;
  note?: string;
}

export interface ObservedSet {
  id: string;
  name: string;
  sources: Record<string, SourceRef>;
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
