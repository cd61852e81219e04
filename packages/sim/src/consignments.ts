/** One leg of a consignment's itinerary: a ride from connection b to connection a of one trip, or a trucking link. */
export type Leg = { ride: true; b: number; a: number; trip: number } | { ride: false; from: number; to: number; slot: number };

export const WAITING = 0;
export const ABOARD = 1;
export const DELIVERED = 2;
export const UNSERVED = 3;
export const AT_GATE = 4;
export const ON_LINK = 5;
/** Released or split off, booked but not yet at its hub. */
export const NEW = 6;

/**
 * The consignments of a replication as columns: a consignment is one through-bill (一单制), a
 * number of tonnes of one flow with one itinerary door to door. Columns grow by doubling.
 */
export class Consignments {
  count = 0;
  flow: Int32Array = new Int32Array(1024);
  tonnes: Float64Array = new Float64Array(1024);
  releaseMin: Float64Array = new Float64Array(1024);
  /** Where it stands (or last stood), and how it got there (a mode index, or the origin state). */
  hub: Int32Array = new Int32Array(1024);
  state: Int8Array = new Int8Array(1024);
  status: Uint8Array = new Uint8Array(1024);
  /** When it is ready to board its next ride. */
  readyAt: Float64Array = new Float64Array(1024);
  /** Arrival its first booking promised. */
  promisedMin: Float64Array = new Float64Array(1024);
  /** Bumped at every (re)booking, so stale entries in boarding lists are recognised. */
  version: Int32Array = new Int32Array(1024);
  legIndex: Int32Array = new Int32Array(1024);
  /** 1 while its tonnes count in an on-demand service's consolidation store. */
  stored: Uint8Array = new Uint8Array(1024);
  legs: Leg[][] = [];

  add(flow: number, tonnes: number, releaseMin: number, hub: number, state: number): number {
    if (this.count === this.flow.length) this.grow();
    const k = this.count++;
    this.flow[k] = flow;
    this.tonnes[k] = tonnes;
    this.releaseMin[k] = releaseMin;
    this.hub[k] = hub;
    this.state[k] = state;
    this.status[k] = NEW;
    this.stored[k] = 0;
    this.readyAt[k] = releaseMin;
    this.promisedMin[k] = NaN;
    this.version[k] = 0;
    this.legIndex[k] = 0;
    this.legs[k] = [];
    return k;
  }

  private grow(): void {
    const n = this.flow.length * 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.flow = g(this.flow, (x) => new Int32Array(x));
    this.tonnes = g(this.tonnes, (x) => new Float64Array(x));
    this.releaseMin = g(this.releaseMin, (x) => new Float64Array(x));
    this.hub = g(this.hub, (x) => new Int32Array(x));
    this.state = g(this.state, (x) => new Int8Array(x));
    this.status = g(this.status, (x) => new Uint8Array(x));
    this.readyAt = g(this.readyAt, (x) => new Float64Array(x));
    this.promisedMin = g(this.promisedMin, (x) => new Float64Array(x));
    this.version = g(this.version, (x) => new Int32Array(x));
    this.legIndex = g(this.legIndex, (x) => new Int32Array(x));
    this.stored = g(this.stored, (x) => new Uint8Array(x));
  }
}

/**
 * Lists of (consignment, version) per connection: who boards there, who alights there. Entries
 * of a consignment that was rebooked since stay in the list and are skipped when read.
 */
export class ConnectionLists {
  private readonly heads: Int32Array;
  private next: Int32Array = new Int32Array(1024);
  private who: Int32Array = new Int32Array(1024);
  private ver: Int32Array = new Int32Array(1024);
  private size = 0;

  constructor(connections: number) {
    this.heads = new Int32Array(connections).fill(-1);
  }

  push(c: number, k: number, version: number): void {
    if (this.size === this.next.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.next = grow(this.next);
      this.who = grow(this.who);
      this.ver = grow(this.ver);
    }
    const e = this.size++;
    this.who[e] = k;
    this.ver[e] = version;
    this.next[e] = this.heads[c]!;
    this.heads[c] = e;
  }

  /** Takes connection c's list (oldest entry first) and empties it. */
  drain(c: number, out: number[], outVersion: number[]): void {
    this.peek(c, out, outVersion);
    this.heads[c] = -1;
  }

  /** Connection c's entries without emptying the list (oldest first). */
  peek(c: number, out: number[], outVersion: number[]): void {
    out.length = 0;
    outVersion.length = 0;
    for (let e = this.heads[c]!; e !== -1; e = this.next[e]!) {
      out.push(this.who[e]!);
      outVersion.push(this.ver[e]!);
    }
    out.reverse();
    outVersion.reverse();
  }
}
