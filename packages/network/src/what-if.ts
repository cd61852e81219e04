import { checkScenarioCross, type Origins } from "./check.js";
import { checkOptionsObject, FourportsInputError } from "./input-error.js";
import { IssueList, ScenarioError } from "./issues.js";
import { checkPlainData } from "./plain.js";
import { applyOverridesTo } from "./overrides.js";
import { overrideListSchema } from "./schema.js";
import { checkAgainst } from "./structure.js";
import { withSuggestionBudget } from "./suggest.js";
import type { Override, Scenario } from "./types.js";

/**
 * Applies what-if overrides to a loaded scenario without touching files: the cheap path for
 * sweeps and bisection. Validates them like a file's overrides (`file` names them in errors)
 * and throws a ScenarioError listing every problem. The input scenario is not mutated.
 */
export function applyOverrides(
  scenario: Scenario,
  overrides: Override[],
  options: { file?: string } = {},
): Scenario {
  return withSuggestionBudget(() => apply(scenario, overrides, options));
}

function apply(scenario: Scenario, overrides: Override[], options: { file?: string }): Scenario {
  if (scenario === null || typeof scenario !== "object" || !Array.isArray(scenario.hubs)) {
    throw new FourportsInputError("invalid-option", "applyOverrides: scenario: expected a loaded scenario");
  }
  checkOptionsObject("applyOverrides", options);
  const file = options.file ?? "<overrides>";
  const plain = checkPlainData(overrides, file);
  if (plain.length > 0) throw new ScenarioError(plain);
  const structure = checkAgainst(overrideListSchema, overrides, file);
  if (!structure.ok) throw new ScenarioError(structure.list.issues);
  const list = new IssueList(file);
  const origins: Origins = new Map();
  const out = applyOverridesTo(scenario, structure.data, { file, at: [], list, origins });
  const issues = [...list.issues];
  for (const l of checkScenarioCross(out, origins, file)) for (const i of l.issues) issues.push(i);
  if (issues.length > 0) throw new ScenarioError(issues);
  return out;
}
