import { TimeWeighted } from "./monitor.js";

/**
 * A store of a continuous quantity (SimPy's Container): tonnes of containers consolidating at
 * a terminal for an on-demand train. put() and take() change the level; the level over time is
 * monitored. Taking more than the level is an error, never a silent clamp.
 */
export class Store {
  /** The quantity held now. */
  level = 0;
  /** The level over time: its time-weighted mean and maximum. */
  readonly levelOverTime: TimeWeighted = new TimeWeighted();
  /** Adds `amount` (>= 0) at time `now`. */
  put(now: number, amount: number): void {
    if (!(amount >= 0)) throw new RangeError(`put ${amount}: expected an amount >= 0`);
    this.level += amount;
    this.levelOverTime.set(now, this.level);
  }
  /** Takes `amount` (>= 0, at most the level) at time `now`; taking more is a RangeError. */
  take(now: number, amount: number): void {
    if (!(amount >= 0)) throw new RangeError(`take ${amount}: expected an amount >= 0`);
    // Sums of floating-point tonnes may differ in the last bits from the parts taken.
    if (amount > this.level * (1 + 1e-9) + 1e-9) throw new RangeError(`take ${amount} from a store holding ${this.level}`);
    this.level = Math.max(0, this.level - amount);
    this.levelOverTime.set(now, this.level);
  }
}
