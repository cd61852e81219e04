import type { Scenario, Timetable } from "@fourports/network";
import { tripOrigins, VehiclePools } from "./dispatch.js";

/** On-demand slot states. */
export const FREE = 0; // a path slot nobody has booked
export const OPEN = 1; // booked, holding a vehicle, its load not yet final
export const RAN = 2; // departed with at least the minimum load
export const DROPPED = 3; // had cargo below the minimum load: does not run, never reopens
export const NO_VEHICLE = 4; // no vehicle of the pool at hand: closed until one is given back

/**
 * The on-demand slots of a timetable while the assignment runs: each slot's state, the vehicle
 * pools, the open slots awaiting their decision, and the slots closed for want of a vehicle.
 * Capacities and loads stay with the assignment; this only knows who may run.
 */
export class SlotLedger {
  /** Per trip: 1 for an on-demand slot. */
  readonly onDemand: Uint8Array;
  readonly state: Uint8Array;
  /** Per trip: the load it needs to run, t. */
  readonly minLoadT: Float64Array;
  /** Per trip: its service and origin departure minute. */
  readonly service: Int32Array;
  readonly depMin: Int32Array;
  belowMinimumLoad = 0;
  private readonly pools: VehiclePools;
  private readonly open = new Set<number>();
  private readonly blocked = new Map<number, number[]>();
  private readonly slotsOf = new Map<number, number[]>();
  private readonly slotIndex: Int32Array;

  constructor(scenario: Scenario, t: Timetable, tripCapT: Float64Array) {
    const origin = tripOrigins(t);
    this.service = origin.service;
    this.depMin = origin.depMin;
    this.onDemand = new Uint8Array(t.tripCount);
    this.state = new Uint8Array(t.tripCount);
    this.minLoadT = new Float64Array(t.tripCount);
    this.slotIndex = new Int32Array(t.tripCount);
    this.pools = new VehiclePools(scenario);
    for (let i = 0; i < t.tripCount; i++) {
      if (!t.serviceOnDemand[this.service[i]!]) continue;
      this.onDemand[i] = 1;
      this.minLoadT[i] = scenario.services[this.service[i]!]!.onDemand!.minLoadFactor * tripCapT[i]!;
      let l = this.slotsOf.get(this.service[i]!);
      if (!l) this.slotsOf.set(this.service[i]!, (l = []));
      l.push(i);
    }
    for (const l of this.slotsOf.values()) {
      l.sort((a, b) => this.depMin[a]! - this.depMin[b]! || a - b);
      l.forEach((trip, k) => (this.slotIndex[trip] = k));
    }
  }

  /** Whether a slot may take no cargo: it did not run, or waits for a vehicle. */
  closed(trip: number): boolean {
    const st = this.state[trip];
    return st === DROPPED || st === NO_VEHICLE;
  }

  /**
   * Whether a booking may use the slot now. A free slot needs a vehicle at hand; without one it
   * is closed (NO_VEHICLE) until a vehicle is given back, and false is returned.
   */
  mayBook(trip: number): boolean {
    if (!this.onDemand[trip]) return true;
    if (this.closed(trip)) return false;
    if (this.state[trip] !== FREE) return true;
    const s = this.service[trip]!;
    if (this.pools.canDepart(s, this.depMin[trip]!)) return true;
    this.state[trip] = NO_VEHICLE;
    let list = this.blocked.get(s);
    if (!list) this.blocked.set(s, (list = []));
    list.push(trip);
    return false;
  }

  /** A booking lands on a slot: a free one opens and takes its vehicle. */
  booked(trip: number): void {
    if (!this.onDemand[trip] || this.state[trip] !== FREE) return;
    this.state[trip] = OPEN;
    this.pools.depart(this.service[trip]!, this.depMin[trip]!);
    this.open.add(trip);
  }

  /** A slot that ran lost cargo below its minimum: open again, to be decided again. */
  reopen(trip: number): void {
    this.state[trip] = OPEN;
    this.open.add(trip);
  }

  ran(trip: number): void {
    this.state[trip] = RAN;
    this.open.delete(trip);
  }

  /**
   * An open slot gives its vehicle back — emptied (FREE again) or below its minimum load
   * (DROPPED for good). Returns the slots of the service that were waiting for a vehicle and
   * are free again.
   */
  release(trip: number, to: typeof FREE | typeof DROPPED): number[] {
    this.state[trip] = to;
    if (to === DROPPED) this.belowMinimumLoad++;
    const s = this.service[trip]!;
    this.pools.release(s, this.depMin[trip]!);
    this.open.delete(trip);
    const freed = (this.blocked.get(s) ?? []).filter((b) => this.state[b] === NO_VEHICLE);
    for (const b of freed) this.state[b] = FREE;
    this.blocked.delete(s);
    return freed;
  }

  hasOpen(): boolean {
    return this.open.size > 0;
  }

  /** Open slots departing before `frontier`, earliest first. */
  due(frontier: number): number[] {
    return [...this.open].filter((x) => this.depMin[x]! < frontier).sort((a, b) => this.depMin[a]! - this.depMin[b]! || a - b);
  }

  /** The service's slots after this one, in departure order. */
  later(trip: number): number[] {
    return this.slotsOf.get(this.service[trip]!)!.slice(this.slotIndex[trip]! + 1);
  }

  /** Per trip: 1 if it ran (every scheduled trip); and the counts of slots and trips run. */
  outcome(): { tripRan: Uint8Array; slots: number; ran: number; belowMinimumLoad: number } {
    const tripRan = new Uint8Array(this.state.length);
    let slots = 0;
    let ran = 0;
    for (let i = 0; i < tripRan.length; i++) {
      if (!this.onDemand[i]) tripRan[i] = 1;
      else {
        slots++;
        if (this.state[i] === RAN) {
          tripRan[i] = 1;
          ran++;
        }
      }
    }
    return { tripRan, slots, ran, belowMinimumLoad: this.belowMinimumLoad };
  }
}
