#!/usr/bin/env node
import { escapeControl } from "@fourports/network";
import { reportError } from "./report-error.js";
import { summary, validate, type Io } from "./commands.js";
import { baseline } from "./baseline.js";
import { reach, route } from "./route.js";
import { rural } from "./rural.js";
import { simulateCommand } from "./simulate.js";
import { backtestCommand } from "./backtest.js";
import { vrp } from "./vrp.js";

const USAGE = `usage: fourports <command> [args]

commands:
  baseline [FILE] [--targets FILE] [--compare FILE] [--history FILE] [--forecast FILE] [--rural FILE] [--out FILE]
           [--fit-cutoff YYYY-MM-DD] [--forecast-cutoff YYYY-MM-DD] [--runs N] [--seed S] [--workers W] [--json]
                        assigned, simulated (P50 and P(met) over N replications, default 6;
                        --runs 0 skips) and capacity ceiling per 2025 target
                        (default: seeds/zhengzhou-2025.json), and the base year's calibration;
                        growth targets are measured against the base year: the nearest earlier
                        year up the extends chain, or --compare FILE
  simulate [FILE] [--runs N] [--seed S] [--workers W] [--until-ci PCT] [--targets FILE] [--events DIR] [--json]
                        seeded replications of the year: per target P50 (P5–P95) and P(met),
                        bottlenecks, border crossings, on-demand lines (default 20 runs, 2 workers);
                        --events DIR streams each replication's event log as JSON Lines
  validate FILE...      check scenario files; one error per line on stderr, exit 1 if any
  summary FILE          hubs, services and weekly capacity by port group and mode
  route FROM TO [--depart YYYY-MM-DDTHH:MM] [--criteria time,cost,co2] [--scenario FILE]
                        earliest arrival, or Pareto-optimal journeys over the criteria
  reach [--origin HUB] [--week YYYY-MM-DD] [--scenario FILE]
                        the 1/2/3-day quick-freight circle, with every destination that misses
  backtest --cutoff YYYY-MM-DD [--history FILE] [--forecast FILE] [--scenario FILE]
                        forecast and choice fit from the figures up to the cutoff, against what followed
  rural [FILE] [--targets FILE] [--seed N] [--days N] [--radius-km R] [--new-sites N]
                        a county's (or a province roll-up's) 24 h coverage, misses, 客货邮
                        lines, van routes, siting, simulated days and counts against the
                        2024–2026 targets (default: seeds/rural/henan-province.json)
  vrp FILE.vrp [--time-limit S] [--iterations N] [--seed N]
                        solve a CVRPLIB instance; prints the CVRPLIB .sol (default 10 s)

--debug (any command): on an internal error, print the stack trace
exit codes: 0 done, 1 invalid input files or no result, 2 bad arguments, 3 internal error`;

/** Each line printed with control characters escaped: text from a file never drives the terminal. */
const safe = (text: string): string => text.split("\n").map(escapeControl).join("\n");

const io: Io = {
  out: (l) => process.stdout.write(`${safe(l)}\n`),
  err: (l) => process.stderr.write(`${safe(l)}\n`),
  progress: (l) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${l.padEnd(60)}${l === "" ? "\r" : ""}`);
  },
};
// pnpm runs scripts from the workspace root and keeps the user's directory in INIT_CWD: work
// from there, so every relative path (read by the CLI or by the library) means what the user typed.
if (process.env["INIT_CWD"]) process.chdir(process.env["INIT_CWD"]);
const argv = process.argv.slice(2);
const debug = argv.includes("--debug");
const [command, ...args] = argv.filter((a) => a !== "--debug");

/** The usage lines of one command (from its line in USAGE to the next command's). */
function usageOf(name: string): string | null {
  const lines = USAGE.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`  ${name} `) || l === `  ${name}`);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && lines[end]!.startsWith("     ")) end++;
  return `usage: fourports ${lines.slice(start, end).map((l) => l.slice(2)).join("\n")}`;
}

async function run(): Promise<number> {
  // -h / --help after a command shows its usage and runs nothing.
  if (command !== undefined && (args.includes("--help") || args.includes("-h"))) {
    const u = usageOf(command);
    if (u) {
      io.out(u);
      return 0;
    }
  }
  switch (command) {
    case "simulate":
      return simulateCommand(args, io);
    case "validate":
      return validate(args, io);
    case "summary":
      return summary(args, io);
    case "baseline":
      return await baseline(args, io);
    case "route":
      return route(args, io);
    case "reach":
      return reach(args, io);
    case "backtest":
      return backtestCommand(args, io);
    case "rural":
      return rural(args, io);
    case "vrp":
      return vrp(args, io);
    case undefined:
    case "help":
    case "--help":
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

// A reader that stops early (| head) closes the pipe: that ends the output, it is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  process.exitCode = await run();
} catch (err) {
  process.exitCode = reportError(err, io.err, debug);
}
