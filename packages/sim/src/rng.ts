import { checkNumberOption } from "@fourports/network";
import seedrandom from "seedrandom";

/** A uniform random number in [0, 1). */
export type Rng = () => number;

/**
 * The stream of one replication for one purpose, derived from the master seed, the
 * replication index and the purpose name alone: seedrandom("fourports|<seed>|<replication>|<stream>").
 * A replication's draws therefore never depend on which worker ran it or how many workers
 * there were, and separate purposes ("delays", "demand", …) keep their draws when a scenario
 * change adds draws to another purpose (common random numbers across what-ifs).
 */
export function replicationRng(seed: string | number, replication: number, stream: string): Rng {
  checkNumberOption("replicationRng(): replication", replication, { integer: true, min: 0, required: true });
  return seedrandom(`fourports|${seed}|${replication}|${stream}`);
}
