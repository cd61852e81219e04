import { TimeWeighted } from "./monitor.js";

/**
 * A store of a continuous quantity (SimPy's Container): tonnes of containers consolidating at
 * a terminal for an on-demand train. put() and take() change the level; the level over time is
 * monitored. Taking more than the level is an error, never a silent clamp.
 */
export class Store {
  level = 0;
  readonly levelOverTime: TimeWeighted = new TimeWeighted();
  put(now: number, amount: number): void {
    if (!(amount >= 0)) throw new RangeError(`put ${amount}: expected an amount >= 0`);
    this.level += amount;
    this.levelOverTime.set(now, this.level);
  }
  take(now: number, amount: number): void {
    if (!(amount >= 0)) throw new RangeError(`take ${amount}: expected an amount >= 0`);
    // Sums of floating-point tonnes may differ in the last bits from the parts taken.
    if (amount > this.level * (1 + 1e-9) + 1e-9) throw new RangeError(`take ${amount} from a store holding ${this.level}`);
    this.level = Math.max(0, this.level - amount);
    this.levelOverTime.set(now, this.level);
  }
}
