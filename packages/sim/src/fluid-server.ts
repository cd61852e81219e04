/**
 * A work-conserving single server that handles a continuous quantity at a fixed rate, first
 * come first served: a hub's handling capacity in tonnes a day. A job of w tonnes submitted at
 * `now` finishes at max(now, end of the work ahead of it) + w / rate. Unlike a daily cap, it
 * never refuses cargo: a busy hub makes a queue, and the queue makes cargo late.
 */
export class FluidServer {
  /** When the work accepted so far is done. */
  busyUntil = 0;
  /** Work accepted so far. */
  work = 0;
  /** Minutes spent waiting behind other work, summed over jobs. */
  waitMin = 0;
  /** Jobs submitted so far. */
  jobs = 0;

  /** @param ratePerMin work handled per minute (Infinity: no queue at all). */
  constructor(readonly ratePerMin: number) {
    if (!(ratePerMin > 0)) throw new RangeError(`rate must be > 0, got ${ratePerMin}`);
  }

  /** Accepts `amount` of work at `now` (submissions in time order); returns when it is done. */
  submit(now: number, amount: number): number {
    this.jobs++;
    this.work += amount;
    if (this.ratePerMin === Infinity) return now;
    const start = this.busyUntil > now ? this.busyUntil : now;
    this.waitMin += start - now;
    this.busyUntil = start + amount / this.ratePerMin;
    return this.busyUntil;
  }

  /** Work waiting or in service at `now`. */
  backlog(now: number): number {
    return this.ratePerMin === Infinity || this.busyUntil <= now ? 0 : (this.busyUntil - now) * this.ratePerMin;
  }
}
