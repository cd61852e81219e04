import { FourportsInputError, formatIssue, ScenarioError } from "@fourports/network";
import { DataError } from "@fourports/routing";
import { UsageError } from "./args.js";

/**
 * What the user sees when a command throws, and the exit code: bad arguments 2, invalid input
 * files 1, and anything else is a bug — one line and a hint, the stack only with --debug.
 */
export function reportError(err: unknown, err_: (line: string) => void, debug: boolean): number {
  if (err instanceof UsageError || err instanceof FourportsInputError) {
    err_(err.message);
    // A limit passed is the input file's doing (a timetable too large), not the arguments'.
    return err instanceof FourportsInputError && err.code === "limit-exceeded" ? 1 : 2;
  }
  if (err instanceof ScenarioError || err instanceof DataError) {
    for (const i of err.issues) err_(formatIssue(i));
    return 1;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  err_(`fourports: internal error: ${e.name}: ${e.message.split("\n")[0]}`);
  err_(debug ? (e.stack ?? "") : "rerun with --debug to see where it happened, and please report it");
  return 3;
}
