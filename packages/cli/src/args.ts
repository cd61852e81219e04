import { dayNumber, didYouMean } from "@fourports/network";

/**
 * Splits "--name value" (or "--name=value") options from positional arguments. Options in
 * `flags` take no value and map to "". Unknown options (with a did-you-mean), an option given
 * twice, a missing value and more positional arguments than `maxPositional` are errors; after
 * "--" every argument is positional (a file named "-x.json").
 *
 * Hand-written rather than node:util.parseArgs: strict parseArgs rejects the same things, but
 * its messages ("Unknown option '--wrokers'") carry no did-you-mean, it would take a value that
 * is the next option ("--out --json" writes a file named --json), and -h/--help and --version
 * are handled once for every command in bin.ts before any command parses.
 */
export function parseArgs(
  args: string[],
  known: readonly string[],
  flags: readonly string[] = [],
  maxPositional: number = Infinity,
): { positional: string[]; opts: Map<string, string> } {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const a = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.includes(a)) {
      throw new UsageError(`unknown option ${a}${known.length ? `${didYouMean(a, known)}; expected one of ${known.join(", ")}` : " (this command takes none)"}`);
    }
    if (opts.has(a)) throw new UsageError(`option ${a} is given twice`);
    if (flags.includes(a)) {
      if (eq > 0) throw new UsageError(`option ${a} takes no value`);
      opts.set(a, "");
      continue;
    }
    const v = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
    if (v === undefined || (eq < 0 && v.startsWith("--"))) throw new UsageError(`option ${a} needs a value`);
    opts.set(a, v);
    if (eq < 0) i++;
  }
  if (positional.length > maxPositional) {
    throw new UsageError(`unexpected argument "${positional[maxPositional]}"; expected at most ${maxPositional} besides the options`);
  }
  return { positional, opts };
}

/** "YYYY-MM-DD" that is a real calendar date, or a UsageError naming the option. */
export function dateArg(option: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(dayNumber(value))) {
    throw new UsageError(`${option}: expected a calendar date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** "YYYY-MM-DDTHH:MM" with a real date and a time 00:00–23:59 (no rolling over into the next hour or day). */
export function dateTimeArg(option: string, value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m || Number.isNaN(dayNumber(m[1]!))) {
    throw new UsageError(`${option}: expected a local date-time YYYY-MM-DDTHH:MM (a real date, time 00:00–23:59), got "${value}"`);
  }
  return value;
}

/** A bad command line: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** The part of a scenario a date check needs. */
export interface Horizon {
  epoch: string;
  horizonDays: number;
}

/** A "YYYY-MM-DDTHH:MM" option as minutes since the epoch, or a UsageError when it is not a real time inside the horizon. */
export function departureArg(option: string, value: string, h: Horizon): number {
  const [date, time] = dateTimeArg(option, value).split("T") as [string, string];
  const day = dayNumber(date) - dayNumber(h.epoch);
  if (day < 0 || day >= h.horizonDays) throw new UsageError(`${option}: ${value} lies outside the scenario's horizon (${h.epoch} + ${h.horizonDays} days)`);
  return day * 1440 + Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

/** A "YYYY-MM-DD" option naming the first day of a week that lies wholly inside the horizon. */
export function weekArg(option: string, value: string, h: Horizon): string {
  const day = dayNumber(dateArg(option, value)) - dayNumber(h.epoch);
  if (day < 0 || day + 7 > h.horizonDays) throw new UsageError(`${option}: the week from ${value} does not lie inside the scenario's horizon (${h.epoch} + ${h.horizonDays} days)`);
  return value;
}
