import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import workspace packages from source, so `vitest` needs no build step first.
const src = (name: string, file = "index"): string => fileURLToPath(new URL(`./packages/${name}/src/${file}.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@fourports\/network$/, replacement: src("network") },
      { find: /^@fourports\/network\/testing$/, replacement: src("network", "testing") },
      { find: /^@fourports\/flow\/testing$/, replacement: src("flow", "testing") },
      { find: /^@fourports\/sim\/testing$/, replacement: src("sim", "testing") },
      { find: /^@fourports\/targets$/, replacement: src("targets") },
      { find: /^@fourports\/routing$/, replacement: src("routing") },
      { find: /^@fourports\/flow$/, replacement: src("flow") },
      { find: /^@fourports\/rural$/, replacement: src("rural") },
      { find: /^@fourports\/sim$/, replacement: src("sim") },
      { find: /^@fourports\/planner$/, replacement: src("planner") },
      { find: /^fourports$/, replacement: src("fourports") },
      { find: /^@fourports\/report$/, replacement: src("report") },
      { find: /^@fourports\/seeds$/, replacement: src("seeds") },
    ],
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/src/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
