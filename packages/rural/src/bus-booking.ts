import { ConnectionScan, UNREACHED } from "@fourports/routing";
import type { BusNetwork } from "./bus-network.js";

/** A booked bus/freight journey: the connections used and the parcels on them. */
export interface LineBooking {
  /** Connections of the bus network the parcels ride, in order. */
  connections: number[];
  /** Parcels booked. */
  parcels: number;
  /** Arrival at the destination, minutes from day 0 of the bus network. */
  arriveMin: number;
  /** Ids of the lines used, in order of first use. */
  lineIds: string[];
}

/**
 * Books parcels on the county's lines, earliest arrival first, never past a trip's parcel
 * capacity on any hop. Holds the load per connection across bookings of one day.
 */
export class BusBooker {
  /** Parcels booked so far on each connection of the bus network. */
  readonly load: Float64Array;
  private readonly scan: ConnectionScan;
  private readonly skip: Uint8Array;
  /** Connection indices of each trip, in the trip's order. */
  private readonly tripConns: number[][];

  /** @param bus The county's bus network; the booker holds loads for its connections. */
  constructor(readonly bus: BusNetwork) {
    const t = bus.net.timetable;
    this.load = new Float64Array(t.length);
    this.skip = new Uint8Array(t.length);
    this.scan = new ConnectionScan(bus.net);
    this.tripConns = Array.from({ length: t.tripCount }, () => []);
    for (let c = 0; c < t.length; c++) this.tripConns[t.trip[c]!]!.push(c);
  }

  /** Earliest arrival at `to` ignoring capacity (UNREACHED when no line gets there). */
  earliest(from: number, to: number, departMin: number): number {
    this.scan.run(from, departMin, { target: to });
    return this.scan.arrival[to]!;
  }

  /** Books `parcels` from → to on the earliest journey with room, or returns null. */
  book(from: number, to: number, departMin: number, parcels: number): LineBooking | null {
    const t = this.bus.net.timetable;
    for (let c = 0; c < t.length; c++) this.skip[c] = this.load[c]! + parcels > t.capacityT[c]! ? 1 : 0;
    for (;;) {
      this.scan.run(from, departMin, { target: to, skip: this.skip });
      if (this.scan.arrival[to] === UNREACHED) return null;
      const journey = this.scan.journey(to)!;
      const used: number[] = [];
      let blocked = false;
      for (const leg of journey.legs) {
        if (leg.kind !== "service") continue;
        const conns = this.tripConns[leg.trip]!;
        const a = conns.indexOf(leg.connections[0]);
        const b = conns.indexOf(leg.connections[1]);
        for (let k = a; k <= b; k++) {
          const c = conns[k]!;
          // The scan may ride a boarded trip through a skipped (full) hop: board after it instead.
          if (this.skip[c]) {
            for (let q = a; q <= k; q++) this.skip[conns[q]!] = 1;
            blocked = true;
            break;
          }
          used.push(c);
        }
        if (blocked) break;
      }
      if (blocked) continue;
      for (const c of used) this.load[c] = this.load[c]! + parcels;
      const lineIds = [...new Set(journey.legs.filter((l) => l.kind === "service").map((l) => (l.kind === "service" ? l.serviceId : "")))];
      return { connections: used, parcels, arriveMin: journey.arriveMin, lineIds };
    }
  }

  /** Gives a booking's room back on every connection it used. */
  release(b: LineBooking): void {
    for (const c of b.connections) this.load[c] = this.load[c]! - b.parcels;
  }
}
