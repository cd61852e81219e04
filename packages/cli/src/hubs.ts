import { FourportsInputError, listHubs, loadScenarioFile } from "@fourports/network";
import { parseArgs, UsageError } from "./args.js";
import { scenarioPath, type Io } from "./commands.js";
import { emit, OUTPUT_FLAGS, OUTPUT_OPTIONS, outputOptions } from "./emit.js";
import { table } from "./table.js";

const HEADER = ["id", "name", "nameZh", "kind", "city", "country", "portGroup", "modes"];

/** `fourports hubs [FILE] [--mode M] [--city C]`: the scenario's hubs, the names a command takes. */
export function hubsCommand(args: string[], io: Io): number {
  const { positional, opts } = parseArgs(args, ["--mode", "--city", ...OUTPUT_OPTIONS], OUTPUT_FLAGS, 1);
  const out = outputOptions(opts);
  const scenario = loadScenarioFile(scenarioPath(positional[0]));
  const mode = opts.get("--mode");
  const city = opts.get("--city");
  let rows;
  try {
    rows = listHubs(scenario, { ...(mode !== undefined ? { mode } : {}), ...(city !== undefined ? { city } : {}) });
  } catch (e) {
    // listHubs names its filter fields ("mode: …"); here they are the options --mode and --city.
    if (e instanceof FourportsInputError && /^(mode|city): /.test(e.message)) throw new UsageError(`--${e.message}`);
    throw e;
  }
  const cells = rows.map((r) => [r.id, r.name, r.nameZh ?? "", r.kind, r.city, r.country, r.portGroup ?? "", r.modes.join(" ")]);
  emit(io, out, {
    json: () => ({ scenarioId: scenario.id, hubs: rows }),
    csv: () => ({ header: HEADER, rows: cells }),
    text: () => [
      `${rows.length} of ${scenario.hubs.length} hubs of ${scenario.id}${mode !== undefined ? `, served by ${mode}` : ""}${city !== undefined ? `, in ${city}` : ""}:`,
      table(["id", "name", "中文名", "kind", "city", "country", "port group", "modes"], cells),
    ],
  });
  return 0;
}
