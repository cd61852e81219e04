import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchema } from "./schema.js";

// Regenerates schema/scenario.schema.json from the zod schema (pnpm gen:schema); a test
// fails when the shipped file is stale.
const target = fileURLToPath(new URL("../schema/scenario.schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
