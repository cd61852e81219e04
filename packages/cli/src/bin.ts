#!/usr/bin/env node
import { existsSync } from "node:fs";
import { didYouMean, escapeControl } from "@fourports/network";
import { reportError } from "./report-error.js";
import { summary, validate, type Io } from "./commands.js";
import { baseline } from "./baseline.js";
import { hubsCommand } from "./hubs.js";
import { progressReporter } from "./progress.js";
import { reach, route } from "./route.js";
import { rural } from "./rural.js";
import { simulateCommand } from "./simulate.js";
import { backtestCommand } from "./backtest.js";
import { USAGE, usageOf } from "./usage.js";
import { cliVersion } from "./version.js";
import { vrp } from "./vrp.js";
import { reportCommand } from "./report-command.js";

/** Each command: its arguments (after the command name) and the Io to print with → exit code. */
const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  baseline,
  simulate: simulateCommand,
  validate,
  summary,
  hubs: hubsCommand,
  route,
  reach,
  backtest: backtestCommand,
  rural,
  vrp,
  report: reportCommand,
};

/** Each line printed with control characters escaped: text from a file never drives the terminal. */
const safe = (text: string): string => text.split("\n").map(escapeControl).join("\n");

const io: Io = {
  out: (l) => process.stdout.write(`${safe(l)}\n`),
  err: (l) => process.stderr.write(`${safe(l)}\n`),
  progress: progressReporter(process.stderr),
};

// A reader that stops early (| head) closes the pipe: that ends the output, it is not an error.
// The same for stderr (2>&1 | head): a closed pipe ends the run quietly with the code so far.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Under pnpm (`pnpm fourports …`) the process runs in the workspace root and the user's directory
// is INIT_CWD: run there, so every relative path — arguments, options, files the loaders open,
// paths shown in messages — means what it meant where the user typed it.
const initCwd = process.env["INIT_CWD"];
if (initCwd !== undefined && initCwd !== "" && existsSync(initCwd)) process.chdir(initCwd);

const argv = process.argv.slice(2);
const debug = argv.includes("--debug");
const [command, ...args] = argv.filter((a) => a !== "--debug");

async function run(): Promise<number> {
  if (command === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (command === "--version" || command === "-V" || command === "version") {
    io.out(cliVersion());
    return 0;
  }
  if (command === "-h" || command === "--help" || command === "help") {
    const u = args[0] === undefined ? USAGE : usageOf(args[0]);
    if (u === null) {
      io.err(`unknown command "${args[0]}"${didYouMean(args[0]!, Object.keys(COMMANDS))}; the commands: ${Object.keys(COMMANDS).join(", ")}`);
      return 2;
    }
    io.out(u);
    return 0;
  }
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (handler === undefined) {
    io.err(`unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}; the commands: ${Object.keys(COMMANDS).join(", ")} (fourports --help)`);
    return 2;
  }
  // -h / --help anywhere before "--" shows the command's usage and runs nothing.
  const options = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  if (options.includes("--help") || options.includes("-h")) {
    io.out(usageOf(command) ?? USAGE);
    return 0;
  }
  return await handler(args, io);
}

try {
  process.exitCode = await run();
} catch (err) {
  io.progress("");
  process.exitCode = reportError(err, io.err, debug);
}
