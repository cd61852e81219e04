import { dayNumber, didYouMean } from "@fourports/network";

/**
 * Splits "--name value" (or "--name=value") options from positional arguments. Options in
 * `flags` take no value and map to "". Unknown options, an option given twice and more
 * positional arguments than `maxPositional` are errors.
 */
export function parseArgs(
  args: string[],
  known: string[],
  flags: string[] = [],
  maxPositional: number = Infinity,
): { positional: string[]; opts: Map<string, string> } {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
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

export class UsageError extends Error {}
