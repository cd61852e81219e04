/**
 * Splits "--name value" (or "--name=value") options from positional arguments. Options in
 * `flags` take no value and map to "".
 */
export function parseArgs(args: string[], known: string[], flags: string[] = []): { positional: string[]; opts: Map<string, string> } {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const a = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.includes(a)) throw new UsageError(`unknown option ${a}; expected one of ${known.join(", ")}`);
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
  return { positional, opts };
}

export class UsageError extends Error {}
