import { readFileSync } from "node:fs";
import seedrandom from "seedrandom";
import { parseCvrplib, solveVrp, checkVrpSolution, parseCvrplibSolutionCost } from "/work/wt/rural/packages/rural/dist/index.js";
const [,, name, secs] = process.argv;
const dir = name.startsWith("A") ? "A" : "X";
const inst = parseCvrplib(readFileSync(`/work/shared/data/cvrp/${dir}/${name}.vrp`, "utf8"));
const bks = parseCvrplibSolutionCost(readFileSync(`/work/shared/data/cvrp/${dir}/${name}.sol`, "utf8"));
const r = solveVrp(inst, { rng: seedrandom("1"), timeLimitMs: Number(secs) * 1000 });
console.log(name, r.cost, bks, ((r.cost / bks - 1) * 100).toFixed(2) + "%", "start", r.startCost, "it", r.iterations, checkVrpSolution(inst, r));
