import { baseline, compareScenarios, applyOverrides, loadScenarioFile, mimeBundle } from "fourports";
let t = performance.now();
const base = await baseline({ scenario: "../../seeds/zhengzhou-2025.json", replications: 2, workers: 1, onProgress: (p) => console.error(p.stage, p.choice ?? "", p.done, p.total, ((performance.now() - t) / 1000).toFixed(0)) });
console.log("baseline", (performance.now() - t) / 1000, JSON.stringify(base).length);
console.log(mimeBundle(base)!["text/plain"]);
