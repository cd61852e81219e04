import type { SimModel } from "./model.js";

const EPS = 1e-9;

/**
 * Room left on each trip, as bookings take it and rebookings give it back, and the skip mask
 * the Connection Scan reads: a connection is skipped once its trip is full, cancelled or did
 * not run, or once the vehicle has left it behind.
 */
export class CapacityBook {
  readonly residualT: Float64Array;
  readonly skip: Uint8Array;
  /** 1: the trip will not run (cancelled, or an on-demand slot left unused). */
  readonly tripClosed: Uint8Array;
  /** 1: the vehicle has left this connection's departure hub. */
  readonly departed: Uint8Array;

  constructor(private readonly m: SimModel) {
    const t = m.timetable;
    this.residualT = new Float64Array(t.tripCount);
    for (let c = 0; c < t.length; c++) this.residualT[t.trip[c]!] = t.capacityT[c]!;
    this.skip = new Uint8Array(t.length);
    this.tripClosed = new Uint8Array(t.tripCount);
    this.departed = new Uint8Array(t.length);
  }

  take(trip: number, tonnes: number): void {
    this.residualT[trip]! -= tonnes;
    if (this.residualT[trip]! <= EPS) {
      this.residualT[trip] = 0;
      this.eachConn(trip, (c) => (this.skip[c] = 1));
    }
  }

  give(trip: number, tonnes: number): void {
    const wasFull = this.residualT[trip]! <= EPS;
    this.residualT[trip]! += tonnes;
    if (wasFull && this.residualT[trip]! > EPS && !this.tripClosed[trip]) this.eachConn(trip, (c) => (this.skip[c] = this.departed[c]!));
  }

  markDeparted(c: number): void {
    this.departed[c] = 1;
    this.skip[c] = 1;
  }

  close(trip: number): void {
    this.tripClosed[trip] = 1;
    this.eachConn(trip, (c) => (this.skip[c] = 1));
  }

  private eachConn(trip: number, f: (c: number) => void): void {
    const { tripStart, tripConns } = this.m;
    for (let i = tripStart[trip]!; i < tripStart[trip + 1]!; i++) f(tripConns[i]!);
  }
}
