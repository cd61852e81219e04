/**
 * A quantity that changes at points in time (a queue length, servers busy, a yard's tonnes):
 * its time-weighted mean and its maximum, kept as a running area, so a year-long run keeps
 * nothing but three numbers.
 */
export class TimeWeighted {
  private value = 0;
  private lastMin = 0;
  private startMin = 0;
  private area = 0;
  private started = false;
  /** The largest value set so far. */
  max = 0;

  /** The value becomes `value` at time `now`. */
  set(now: number, value: number): void {
    if (!this.started) {
      this.started = true;
      this.startMin = now;
    } else this.area += this.value * (now - this.lastMin);
    this.lastMin = now;
    this.value = value;
    if (value > this.max) this.max = value;
  }

  /** The value as last set. */
  get current(): number {
    return this.value;
  }

  /** The time-weighted mean from the first set() up to `now`. */
  mean(now: number): number {
    if (!this.started || now <= this.startMin) return this.value;
    return (this.area + this.value * (now - this.lastMin)) / (now - this.startMin);
  }

  /** The area under the curve up to `now` (value × minutes). */
  integral(now: number): number {
    return this.started ? this.area + this.value * (now - this.lastMin) : 0;
  }
}
