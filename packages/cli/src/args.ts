/** Splits "--name value" options from positional arguments; every option takes a value. */
export function parseArgs(args: string[], known: string[]): { positional: string[]; opts: Map<string, string> } {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    if (!known.includes(a)) throw new UsageError(`unknown option ${a}; expected one of ${known.join(", ")}`);
    const v = args[i + 1];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`option ${a} needs a value`);
    opts.set(a, v);
    i++;
  }
  return { positional, opts };
}

export class UsageError extends Error {}
