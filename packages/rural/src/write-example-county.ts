import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import { EXAMPLE_COUNTY_PARAMS } from "./example-params.js";
import { generateCounty } from "./generate.js";

// Regenerates seeds/rural/example-county.{json,gr,co} (pnpm gen:rural-county); a test checks
// that the shipped files equal a fresh generation with the stored parameters and seed.
const dir = fileURLToPath(new URL("../../../seeds/rural/", import.meta.url));
mkdirSync(dir, { recursive: true });
const g = generateCounty(EXAMPLE_COUNTY_PARAMS, seedrandom(EXAMPLE_COUNTY_PARAMS.seed), { gr: "example-county.gr", co: "example-county.co" });
writeFileSync(`${dir}example-county.json`, `${JSON.stringify(g.county, null, 2)}\n`);
writeFileSync(`${dir}example-county.gr`, g.gr);
writeFileSync(`${dir}example-county.co`, g.co);
process.stdout.write(`wrote ${dir}example-county.{json,gr,co}: ${g.county.villages.length} villages, ${Math.round(g.roadKm)} km of road\n`);
