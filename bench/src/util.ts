/** Best wall time of `runs` runs of f after one warm-up, in ms. */
export function best(runs: number, f: () => unknown): number {
  f();
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    b = Math.min(b, performance.now() - t0);
  }
  return b;
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One comparison: our time and a peer's on the same task; ratio = peer / ours (>1: we are faster). */
export interface Row {
  graph: string;
  task: string;
  ours: number;
  peer: string;
  peerMs: number;
  goal: string;
}

/** One timed run, for peers too slow to repeat. */
export function once(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}
