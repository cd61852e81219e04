import { TimeWeighted } from "./monitor.js";

/** Queue order of a resource: first come first served, or by priority (lower first, then first come). */
export type Discipline = "fifo" | "priority";

/**
 * A resource of `capacity` identical servers with one queue (SimPy's Resource, simmer's
 * resource): gauge-change tracks at a border crossing, customs lanes, an M/M/c station.
 * Requests carry an integer tag the caller chooses; a request that cannot be served at once
 * waits, in arrival order ("fifo") or by ascending priority and then arrival ("priority").
 * The resource never schedules events itself: request() says whether service starts now, and
 * release() / grantNext() hand back the tag whose service starts, so the caller schedules its
 * end. Queue storage is typed arrays that only grow.
 */
export class Resource {
  /** Servers busy now. */
  busy = 0;
  /** Requests whose service has started. */
  started = 0;
  /** Sum and count of waits in the queue (minutes), for the mean wait. */
  waitSumMin = 0;
  /** Queue length over time. */
  readonly queueLength: TimeWeighted = new TimeWeighted();
  /** Busy servers over time (utilisation = mean / capacity). */
  readonly busyServers: TimeWeighted = new TimeWeighted();
  private tags: Int32Array = new Int32Array(64);
  private prio: Float64Array = new Float64Array(64);
  private since: Float64Array = new Float64Array(64);
  private order: Float64Array = new Float64Array(64);
  private head = 0;
  private length = 0;
  private seq = 0;
  /** Wait of the request most recently started (minutes). */
  lastWaitMin = 0;

  /**
   * @param capacity Identical servers (a whole number >= 0); changed later only through setCapacity (a capacity cut).
   * @param discipline Queue order.
   */
  constructor(
    public capacity: number,
    readonly discipline: Discipline = "fifo",
  ) {
    if (!(capacity >= 0) || !Number.isInteger(capacity)) throw new RangeError(`capacity must be a whole number >= 0, got ${capacity}`);
  }

  /** Requests waiting for a server. */
  get queued(): number {
    return this.length;
  }

  /** Asks for a server at time `now`: true when service starts now, false when queued. */
  request(now: number, tag: number, priority: number = 0): boolean {
    if (this.busy < this.capacity && this.length === 0) {
      this.start(now, now);
      return true;
    }
    this.enqueue(now, tag, priority);
    this.queueLength.set(now, this.length);
    return false;
  }

  /** Frees a server at `now`; returns the tag whose service starts in its place, or -1. */
  release(now: number): number {
    if (this.busy <= 0) throw new RangeError("release() without a busy server");
    this.busy--;
    this.busyServers.set(now, this.busy);
    return this.grantNext(now);
  }

  /** Starts the next queued request if a server is free (after a capacity rise); its tag or -1. */
  grantNext(now: number): number {
    if (this.length === 0 || this.busy >= this.capacity) return -1;
    const { tag, since } = this.dequeue();
    this.queueLength.set(now, this.length);
    this.start(now, since);
    return tag;
  }

  /** Changes the number of servers; busy servers above a lowered capacity finish their work. */
  setCapacity(capacity: number): void {
    if (!(capacity >= 0) || !Number.isInteger(capacity)) throw new RangeError(`capacity must be a whole number >= 0, got ${capacity}`);
    this.capacity = capacity;
  }

  private start(now: number, since: number): void {
    this.busy++;
    this.started++;
    this.lastWaitMin = now - since;
    this.waitSumMin += now - since;
    this.busyServers.set(now, this.busy);
  }

  private enqueue(now: number, tag: number, priority: number): void {
    if (this.length === this.tags.length) this.grow();
    if (this.discipline === "fifo") {
      const i = (this.head + this.length) % this.tags.length;
      this.tags[i] = tag;
      this.since[i] = now;
      this.length++;
      return;
    }
    // Priority: a binary heap on (priority, arrival order) in the same arrays.
    let i = this.length++;
    const order = this.seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.prio[p]! < priority || (this.prio[p] === priority && this.order[p]! < order)) break;
      this.move(p, i);
      i = p;
    }
    this.tags[i] = tag;
    this.prio[i] = priority;
    this.order[i] = order;
    this.since[i] = now;
  }

  private dequeue(): { tag: number; since: number } {
    if (this.discipline === "fifo") {
      const tag = this.tags[this.head]!;
      const since = this.since[this.head]!;
      this.head = (this.head + 1) % this.tags.length;
      this.length--;
      return { tag, since };
    }
    const tag = this.tags[0]!;
    const since = this.since[0]!;
    const n = --this.length;
    if (n > 0) {
      const lp = this.prio[n]!;
      const lo = this.order[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (this.prio[c + 1]! < this.prio[c]! || (this.prio[c + 1] === this.prio[c] && this.order[c + 1]! < this.order[c]!))) c++;
        if (lp < this.prio[c]! || (lp === this.prio[c] && lo < this.order[c]!)) break;
        this.move(c, i);
        i = c;
      }
      this.move(n, i);
    }
    return { tag, since };
  }

  private move(from: number, to: number): void {
    this.tags[to] = this.tags[from]!;
    this.prio[to] = this.prio[from]!;
    this.order[to] = this.order[from]!;
    this.since[to] = this.since[from]!;
  }

  private grow(): void {
    const n = this.tags.length * 2;
    // Unroll the ring so the queue starts at 0 again.
    const tags = new Int32Array(n);
    const prio = new Float64Array(n);
    const since = new Float64Array(n);
    const order = new Float64Array(n);
    for (let k = 0; k < this.length; k++) {
      const i = this.discipline === "fifo" ? (this.head + k) % this.tags.length : k;
      tags[k] = this.tags[i]!;
      prio[k] = this.prio[i]!;
      since[k] = this.since[i]!;
      order[k] = this.order[i]!;
    }
    this.tags = tags;
    this.prio = prio;
    this.since = since;
    this.order = order;
    this.head = 0;
  }
}
