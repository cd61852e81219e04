import { dayNumber, MIN_PER_DAY } from "@fourports/network";
import type { Assignment } from "@fourports/flow";
import { assignedValue, type ChoiceFit, type ObservedSet } from "@fourports/targets";
import type { LoadedYear } from "./inputs.js";
import type { CalibrationRow, CalibrationView } from "./types.js";

/**
 * The base year assigned with the fitted choice, over each observed figure's period inside its
 * horizon, beside the figure: the fit rows show how close the fit got, the hold-out rows test it.
 */
export function calibrationView(base: LoadedYear, fit: ChoiceFit, history: ObservedSet, a: Assignment): CalibrationView {
  const sc = base.scenario;
  const epoch = dayNumber(sc.epoch);
  const rows: CalibrationRow[] = [];
  for (const f of history.figures) {
    if (f.from === undefined || f.to === undefined) continue;
    const from = dayNumber(f.from) - epoch;
    if (from < 0 || from >= sc.horizonDays) continue;
    const clipped = dayNumber(f.to) - epoch >= sc.horizonDays;
    const toMin = Math.min(dayNumber(f.to) - epoch + 1, sc.horizonDays) * MIN_PER_DAY;
    const v = assignedValue(f.metric, f.hubs, base, a, { fromMin: from * MIN_PER_DAY, toMin });
    if (v === null) continue;
    rows.push({
      figureId: f.id,
      from: f.from,
      to: f.to,
      clipped,
      role: f.to <= fit.cutoff ? "fit" : "hold-out",
      observed: f.value,
      unit: f.unit,
      label: f.label,
      assigned: v,
      error: (v - f.value) / f.value,
    });
  }
  return { scenarioId: sc.id, fit, rows };
}
