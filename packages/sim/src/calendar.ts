/**
 * The event calendar: a binary heap of pending events on typed arrays, ordered by time and
 * then by a sequence number given at scheduling, so events at the same minute fire in the
 * order they were scheduled — never in an order that depends on the heap's internals.
 *
 * An event is a kind (an index into the handler table) and two integer arguments. Slots are
 * recycled through a free list and the arrays only grow, so a run that has warmed up
 * schedules and fires events without allocating.
 */

export type EventHandler = (a: number, b: number) => void;

/** Slots are numbered below 2^24; a handle carries the slot's generation above that. */
const SLOT_BITS = 2 ** 24;

/**
 * The event calendar of a replication: schedules events (a kind, an index into the handler
 * table, and two integer arguments) at minutes and fires them in time order, ties in the order
 * they were scheduled, so a run never depends on the heap's internals.
 */
export class EventCalendar {
  /** The time of the event being handled (or of the last one). */
  now = 0;
  /** Events fired so far. */
  fired = 0;
  private time: Float64Array = new Float64Array(1024);
  private seq: Float64Array = new Float64Array(1024);
  private kind: Int32Array = new Int32Array(1024);
  private argA: Int32Array = new Int32Array(1024);
  private argB: Int32Array = new Int32Array(1024);
  private gen: Uint32Array = new Uint32Array(1024);
  /** Heap position of each slot, -1 when the slot is not pending. */
  private pos: Int32Array = new Int32Array(1024).fill(-1);
  private heap: Int32Array = new Int32Array(1024);
  private size = 0;
  private free: Int32Array = new Int32Array(1024);
  private freeCount = 0;
  private slots = 0;
  private nextSeq = 0;

  /** Pending events. */
  get pending(): number {
    return this.size;
  }

  /** Schedules an event; returns a handle for cancel(). Time may not lie before now. */
  schedule(time: number, kind: number, a: number = 0, b: number = 0): number {
    if (!(time >= this.now)) throw new RangeError(`event at ${time} lies before now (${this.now})`);
    const s = this.allocate();
    this.time[s] = time;
    this.seq[s] = this.nextSeq++;
    this.kind[s] = kind;
    this.argA[s] = a;
    this.argB[s] = b;
    this.heap[this.size] = s;
    this.pos[s] = this.size;
    this.up(this.size++);
    return this.gen[s]! * SLOT_BITS + s;
  }

  /** Cancels a pending event; false when it has fired or was cancelled already. */
  cancel(handle: number): boolean {
    const s = handle % SLOT_BITS;
    if (s >= this.slots || this.pos[s] === -1 || this.gen[s] !== Math.floor(handle / SLOT_BITS)) return false;
    const p = this.pos[s]!;
    const last = this.heap[--this.size]!;
    this.release(s);
    if (p < this.size) {
      this.heap[p] = last;
      this.pos[last] = p;
      this.down(p);
      this.up(this.pos[last]!);
    }
    return true;
  }

  /**
   * Fires events in order until the calendar is empty or the next event lies at or after
   * `until`; `handlers[kind](a, b)` handles each. Returns the number fired.
   */
  run(handlers: readonly EventHandler[], until: number = Infinity): number {
    const start = this.fired;
    while (this.size > 0) {
      const s = this.heap[0]!;
      const t = this.time[s]!;
      if (t >= until) break;
      const k = this.kind[s]!;
      const a = this.argA[s]!;
      const b = this.argB[s]!;
      const last = this.heap[--this.size]!;
      this.release(s);
      if (this.size > 0) {
        this.heap[0] = last;
        this.pos[last] = 0;
        this.down(0);
      }
      this.now = t;
      this.fired++;
      handlers[k]!(a, b);
    }
    if (until !== Infinity && until > this.now) this.now = until;
    return this.fired - start;
  }

  private less(x: number, y: number): boolean {
    const tx = this.time[x]!;
    const ty = this.time[y]!;
    return tx < ty || (tx === ty && this.seq[x]! < this.seq[y]!);
  }

  private up(i: number): void {
    const heap = this.heap;
    const s = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const ps = heap[p]!;
      if (!this.less(s, ps)) break;
      heap[i] = ps;
      this.pos[ps] = i;
      i = p;
    }
    heap[i] = s;
    this.pos[s] = i;
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = this.size;
    const s = heap[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.less(heap[c + 1]!, heap[c]!)) c++;
      const cs = heap[c]!;
      if (!this.less(cs, s)) break;
      heap[i] = cs;
      this.pos[cs] = i;
      i = c;
    }
    heap[i] = s;
    this.pos[s] = i;
  }

  private allocate(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.slots === this.time.length) this.grow();
    if (this.slots >= SLOT_BITS) throw new RangeError(`more than ${SLOT_BITS} pending events`);
    return this.slots++;
  }

  private release(s: number): void {
    this.pos[s] = -1;
    this.gen[s] = (this.gen[s]! + 1) >>> 0;
    this.free[this.freeCount++] = s;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array, fill = 0): Int32Array => {
      const b = new Int32Array(n).fill(fill);
      b.set(a);
      return b;
    };
    this.time = f64(this.time);
    this.seq = f64(this.seq);
    this.kind = i32(this.kind);
    this.argA = i32(this.argA);
    this.argB = i32(this.argB);
    this.pos = i32(this.pos, -1);
    this.heap = i32(this.heap);
    this.free = i32(this.free);
    const g = new Uint32Array(n);
    g.set(this.gen);
    this.gen = g;
  }
}
