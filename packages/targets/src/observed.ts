import { checkAgainst, LABELS, readJsonFile, ScenarioError, type Label, type SourceRef } from "@fourports/network";
import { z } from "zod";
import { sourcesSchema } from "./registry.js";

export interface ObservedFigure {
  id: string;
  metric: string;
  hubs?: string[];
  value: number;
  unit: string;
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
        source: z.string().min(1),
        label: z.enum(LABELS),
        note: z.string().optional(),
      }),
    ),
  })
  .superRefine((o, ctx) => {
    o.figures.forEach((f, i) => {
      if (!Object.hasOwn(o.sources, f.source)) ctx.addIssue({ code: "custom", path: ["figures", i, "source"], message: `unknown source "${f.source}"` });
    });
  });

/** Observed figures (seeds/observed-2024.json) for calibration, each with its source and label. */
export function loadObserved(path: string): ObservedSet {
  const r = checkAgainst(schema, readJsonFile(path), path);
  if (!r.ok) throw new ScenarioError(r.list.issues);
  return r.data;
}
