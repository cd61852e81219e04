import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventCalendar, type EventHandler } from "@fourports/sim";

// Times come from a handful of values so that most events tie with others: ties are where an
// order that depends on the heap's internals would show.
const tiedTime = fc.integer({ min: 0, max: 12 }).map((t) => t * 7.5);
// Enough events to make the typed arrays grow past their initial 1,024 slots.
const schedules = fc.array(tiedTime, { minLength: 0, maxLength: 1500, size: "max" });

/** The order a correct calendar fires events in: by time, then by scheduling order. */
function referenceOrder(times: readonly number[], skip: ReadonlySet<number> = new Set()): number[] {
  return times
    .map((t, i) => ({ t, i }))
    .filter(({ i }) => !skip.has(i))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map(({ i }) => i);
}

/** A handler table whose every kind records (kind, a) in `fired`. */
function recorder(kinds: number, fired: number[]): EventHandler[] {
  return Array.from({ length: kinds }, () => (a: number) => void fired.push(a));
}

describe("EventCalendar.run", () => {
  it("fires events in (time, scheduling order), as a sorted reference does", () => {
    fc.assert(
      fc.property(schedules, (times) => {
        const cal = new EventCalendar();
        times.forEach((t, i) => cal.schedule(t, i % 3, i));
        const fired: number[] = [];
        expect(cal.run(recorder(3, fired))).toBe(times.length);
        expect(fired).toEqual(referenceOrder(times));
        expect(cal.pending).toBe(0);
        expect(cal.fired).toBe(times.length);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps that order for events scheduled while running, ties with pending ones included", () => {
    fc.assert(
      fc.property(schedules, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 50 }), (times, delays) => {
        const cal = new EventCalendar();
        // Each event records (time, its scheduling number); every fourth one schedules a
        // follower after a delay drawn from {0, 7.5, 15, 22.5}, often tying with pending events.
        const seen: { t: number; seq: number }[] = [];
        let seq = 0;
        let followers = 0;
        const handlers: EventHandler[] = [
          (s) => {
            seen.push({ t: cal.now, seq: s });
            if (s % 4 === 0 && followers < 500) {
              followers++;
              cal.schedule(cal.now + delays[s % delays.length]! * 7.5, 0, seq++);
            }
          },
        ];
        for (const t of times) cal.schedule(t, 0, seq++);
        cal.run(handlers);
        expect(seen.length).toBe(times.length + followers);
        for (let i = 1; i < seen.length; i++) {
          const p = seen[i - 1]!;
          const q = seen[i]!;
          expect(p.t < q.t || (p.t === q.t && p.seq < q.seq), `event ${i}: (${p.t}, #${p.seq}) then (${q.t}, #${q.seq})`).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("passes kind and both arguments to handlers[kind] and sets now to the event's time", () => {
    const cal = new EventCalendar();
    const got: [string, number, number, number][] = [];
    cal.schedule(5, 1, 10, -20);
    cal.schedule(2, 0, 7, 8);
    cal.run([(a, b) => void got.push(["zero", a, b, cal.now]), (a, b) => void got.push(["one", a, b, cal.now])]);
    expect(got).toEqual([
      ["zero", 7, 8, 2],
      ["one", 10, -20, 5],
    ]);
  });

  it("stops before `until`: an event exactly at `until` waits for the next run, and now becomes `until`", () => {
    const cal = new EventCalendar();
    for (const t of [1, 5, 9.999, 10, 10, 12]) cal.schedule(t, 0, t * 1000);
    const fired: number[] = [];
    const handlers = recorder(1, fired);
    expect(cal.run(handlers, 10)).toBe(3);
    expect(fired).toEqual([1000, 5000, 9999]);
    expect(cal.now).toBe(10);
    expect(cal.pending).toBe(3);
    expect(cal.run(handlers, 11)).toBe(2);
    expect(cal.run(handlers)).toBe(1);
    expect(fired).toEqual([1000, 5000, 9999, 10000, 10000, 12000]);
  });

  it("stops before `until` for random schedules, and fires the rest on the next run", () => {
    fc.assert(
      fc.property(schedules, tiedTime, (times, until) => {
        const cal = new EventCalendar();
        times.forEach((t, i) => cal.schedule(t, 0, i));
        const fired: number[] = [];
        cal.run(recorder(1, fired), until);
        expect(fired).toEqual(referenceOrder(times).filter((i) => times[i]! < until));
        cal.run(recorder(1, fired));
        expect(fired).toEqual(referenceOrder(times));
      }),
      { numRuns: 40 },
    );
  });
});

describe("EventCalendar.cancel", () => {
  it("removes exactly the cancelled events; the rest fire in order", () => {
    fc.assert(
      fc.property(
        schedules.chain((times) => fc.tuple(fc.constant(times), fc.subarray(times.map((_, i) => i)))),
        ([times, cancelled]) => {
          const cal = new EventCalendar();
          const handles = times.map((t, i) => cal.schedule(t, 0, i));
          for (const i of cancelled) expect(cal.cancel(handles[i]!)).toBe(true);
          // A second cancel of the same event finds nothing.
          for (const i of cancelled) expect(cal.cancel(handles[i]!)).toBe(false);
          expect(cal.pending).toBe(times.length - cancelled.length);
          const fired: number[] = [];
          cal.run(recorder(1, fired));
          expect(fired).toEqual(referenceOrder(times, new Set(cancelled)));
          // Fired events cannot be cancelled either.
          for (const h of handles) expect(cal.cancel(h)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("works from inside a handler, on events due at the same minute", () => {
    const cal = new EventCalendar();
    const fired: number[] = [];
    let victim = -1;
    const handlers: EventHandler[] = [
      (a) => {
        fired.push(a);
        if (a === 1) expect(cal.cancel(victim)).toBe(true);
      },
    ];
    cal.schedule(3, 0, 1);
    victim = cal.schedule(3, 0, 2);
    cal.schedule(3, 0, 3);
    cal.run(handlers);
    expect(fired).toEqual([1, 3]);
  });

  it("an old handle does not cancel the event that reuses its slot", () => {
    const cal = new EventCalendar();
    const old = cal.schedule(1, 0, 1);
    expect(cal.cancel(old)).toBe(true);
    // The freed slot is taken by the next event; the stale handle must not reach it.
    const fresh = cal.schedule(2, 0, 2);
    expect(fresh).not.toBe(old);
    expect(cal.cancel(old)).toBe(false);
    const fired: number[] = [];
    cal.run(recorder(1, fired));
    expect(fired).toEqual([2]);
    expect(cal.cancel(fresh)).toBe(false);
  });

  it("returns false for handles it never gave out", () => {
    const cal = new EventCalendar();
    cal.schedule(1, 0);
    expect(cal.cancel(12345)).toBe(false);
    expect(cal.pending).toBe(1);
  });
});

describe("EventCalendar.schedule", () => {
  it("throws for a time before now, and for NaN", () => {
    const cal = new EventCalendar();
    cal.schedule(10, 0);
    cal.run([() => expect(() => cal.schedule(9.5, 0)).toThrow(RangeError)]);
    expect(cal.now).toBe(10);
    expect(() => cal.schedule(9, 0)).toThrow(RangeError);
    expect(() => cal.schedule(Number.NaN, 0)).toThrow(RangeError);
    // Now itself is allowed: zero-delay events are how a model hands work on within a minute.
    expect(() => cal.schedule(10, 0)).not.toThrow();
  });

  it("throws for a time before an `until` the calendar has been run to", () => {
    const cal = new EventCalendar();
    cal.run([], 60);
    expect(() => cal.schedule(59, 0)).toThrow(RangeError);
  });
});
