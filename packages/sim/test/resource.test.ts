import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Resource, type Discipline } from "@fourports/sim";

type Op = { kind: "request"; priority: number; dtMin: number } | { kind: "release"; dtMin: number } | { kind: "capacity"; capacity: number; dtMin: number };

const dtMin = fc.constantFrom(0, 0, 0.5, 3, 10);
// Few priority levels, so most queued requests tie on priority and arrival order must decide.
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("request" as const), priority: fc.integer({ min: 0, max: 3 }), dtMin }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("release" as const), dtMin }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("capacity" as const), capacity: fc.integer({ min: 0, max: 4 }), dtMin }) },
);
// Long enough to grow the queue's arrays past their initial 64 entries.
const ops = fc.array(op, { minLength: 1, maxLength: 400, size: "max" });

interface Waiting {
  tag: number;
  priority: number;
  sinceMin: number;
}

/**
 * Drives a Resource through random requests, releases and capacity changes and checks, at every
 * start, the rules a queue discipline promises; returns the tags in the order service started.
 */
function drive(discipline: Discipline, capacity: number, sequence: readonly Op[]): number[] {
  const r = new Resource(capacity, discipline);
  const waiting: Waiting[] = [];
  const started: number[] = [];
  let now = 0;
  let nextTag = 0;
  let waitSum = 0;
  let released = 0;
  const startFromQueue = (tag: number, busyBefore: number): void => {
    expect(busyBefore, "a queued request started with every server busy").toBeLessThan(r.capacity);
    expect(waiting.length).toBeGreaterThan(0);
    // The discipline's choice: the first arrival, or the lowest priority and then first arrival.
    let best = 0;
    if (discipline === "priority") for (let i = 1; i < waiting.length; i++) if (waiting[i]!.priority < waiting[best]!.priority) best = i;
    expect(tag, `${discipline}: started the wrong request`).toBe(waiting[best]!.tag);
    expect(r.lastWaitMin).toBe(now - waiting[best]!.sinceMin);
    waitSum += now - waiting[best]!.sinceMin;
    waiting.splice(best, 1);
    started.push(tag);
  };
  for (const o of sequence) {
    now += o.dtMin;
    const busyBefore = r.busy;
    if (o.kind === "request") {
      const tag = nextTag++;
      if (r.request(now, tag, o.priority)) {
        // Served at once only when a server is free and nobody is waiting ahead.
        expect(busyBefore).toBeLessThan(r.capacity);
        expect(waiting.length).toBe(0);
        expect(r.lastWaitMin).toBe(0);
        started.push(tag);
      } else waiting.push({ tag, priority: o.priority, sinceMin: now });
    } else if (o.kind === "release") {
      if (r.busy === 0) {
        expect(() => r.release(now)).toThrow(RangeError);
        continue;
      }
      const tag = r.release(now);
      released++;
      if (tag >= 0) startFromQueue(tag, busyBefore - 1);
    } else {
      r.setCapacity(o.capacity);
      for (;;) {
        const before = r.busy;
        const tag = r.grantNext(now);
        if (tag < 0) break;
        startFromQueue(tag, before);
      }
    }
    // Work-conserving: nobody waits while a server is free.
    if (waiting.length > 0) expect(r.busy).toBeGreaterThanOrEqual(r.capacity);
    expect(r.queued).toBe(waiting.length);
    expect(r.queueLength.current).toBe(waiting.length);
    expect(r.busyServers.current).toBe(r.busy);
    expect(r.busy).toBe(started.length - released);
  }
  expect(r.started).toBe(started.length);
  expect(r.waitSumMin).toBeCloseTo(waitSum, 9);
  return started;
}

describe("Resource", () => {
  it("FIFO queues start service in arrival order, whatever the capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), ops, (capacity, sequence) => {
        const started = drive("fifo", capacity, sequence);
        expect(started).toEqual([...started].sort((x, y) => x - y));
      }),
      { numRuns: 50 },
    );
  });

  it("priority queues start the lowest priority number first, ties in arrival order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), ops, (capacity, sequence) => {
        drive("priority", capacity, sequence);
      }),
      { numRuns: 50 },
    );
  });

  it("never has more than `capacity` requests in service", () => {
    fc.assert(
      fc.property(fc.constantFrom<Discipline>("fifo", "priority"), fc.integer({ min: 0, max: 4 }), ops, (discipline, capacity, sequence) => {
        const r = new Resource(capacity, discipline);
        let now = 0;
        let tag = 0;
        let highest = capacity;
        for (const o of sequence) {
          now += o.dtMin;
          const busyBefore = r.busy;
          if (o.kind === "request") r.request(now, tag++, o.priority);
          else if (o.kind === "release") {
            if (r.busy > 0) r.release(now);
          } else {
            r.setCapacity(o.capacity);
            highest = Math.max(highest, o.capacity);
            while (r.grantNext(now) >= 0);
          }
          // Above a lowered capacity the busy servers only finish: the count may not grow.
          if (r.busy > r.capacity) expect(r.busy).toBeLessThanOrEqual(busyBefore);
          expect(r.busyServers.max).toBeLessThanOrEqual(highest);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a priority queue drained at once comes out sorted by (priority, arrival)", () => {
    const r = new Resource(1, "priority");
    r.request(0, 100, 0);
    const prios = [3, 1, 2, 1, 0, 3, 2, 0];
    prios.forEach((p, i) => r.request(i + 1, i, p));
    const out: number[] = [];
    for (let t = 20; ; t++) {
      const tag = r.release(t);
      if (tag < 0) break;
      out.push(tag);
    }
    expect(out).toEqual([4, 7, 1, 3, 2, 6, 0, 5]);
  });

  it("setCapacity raises capacity and grantNext starts the waiting requests one by one", () => {
    const r = new Resource(1);
    expect(r.request(0, 1)).toBe(true);
    expect(r.request(1, 2)).toBe(false);
    expect(r.request(2, 3)).toBe(false);
    expect(r.request(3, 4)).toBe(false);
    // Without more capacity nothing starts.
    expect(r.grantNext(4)).toBe(-1);
    r.setCapacity(3);
    expect(r.grantNext(5)).toBe(2);
    expect(r.lastWaitMin).toBe(4);
    expect(r.grantNext(5)).toBe(3);
    expect(r.grantNext(5)).toBe(-1);
    expect(r.busy).toBe(3);
    expect(r.queued).toBe(1);
    expect(r.waitSumMin).toBe(4 + 3);
  });

  it("setCapacity lowered lets busy servers finish and starts nobody until busy drops below it", () => {
    const r = new Resource(3);
    for (let tag = 1; tag <= 5; tag++) r.request(0, tag);
    expect(r.busy).toBe(3);
    r.setCapacity(1);
    expect(r.release(10)).toBe(-1);
    expect(r.release(11)).toBe(-1);
    expect(r.busy).toBe(1);
    expect(r.release(12)).toBe(4);
    expect(r.busy).toBe(1);
  });

  it("setCapacity(0) closes the resource: requests queue until it reopens", () => {
    const r = new Resource(2);
    r.setCapacity(0);
    expect(r.request(0, 7)).toBe(false);
    r.setCapacity(1);
    expect(r.grantNext(30)).toBe(7);
    expect(r.lastWaitMin).toBe(30);
  });

  it("keeps time-weighted queue length and busy servers", () => {
    const r = new Resource(1);
    r.request(0, 1); // busy 1 from 0
    r.request(10, 2); // queue 1 from 10
    r.release(30); // tag 2 starts: queue 0 from 30, busy stays 1
    r.release(40); // busy 0 from 40
    expect(r.queueLength.integral(40)).toBe(20);
    expect(r.busyServers.integral(40)).toBe(40);
    expect(r.busyServers.mean(80)).toBe(0.5);
    expect(r.queueLength.max).toBe(1);
  });

  it("rejects a negative or fractional capacity", () => {
    expect(() => new Resource(-1)).toThrow(RangeError);
    expect(() => new Resource(1.5)).toThrow(RangeError);
    expect(() => new Resource(1).setCapacity(Number.NaN)).toThrow(RangeError);
  });
});
