// The engine-core workload of `pnpm bench:sim`: Poisson arrivals through M/M/c stations in
// series, written once on our EventCalendar + Resource and once on simjs (the npm DES library),
// with the same parameters, the same seeded exponential draws and the same measurements as the
// SimPy peer in ../peers/simpy_mmc.py.
import { createRequire } from "node:module";
import { EventCalendar, exponential, replicationRng, Resource, type EventHandler, type Rng } from "@fourports/sim";

export interface NetworkParams {
  customers: number;
  meanInterarrivalMin: number;
  servers: number[];
  meanServiceMin: number[];
}

/** What every implementation reports: model events are arrivals + service completions. */
export interface NetworkRun {
  customers: number;
  events: number;
  ms: number;
  sojournMin: number[];
  totalMin: number;
}

/** Erlang C: P(wait) in M/M/c with offered load a = λS < c (see packages/sim/test/queueing.test.ts). */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

/** Jackson: each station an independent M/M/c fed at λ; mean sojourn Wq + S per station. */
export function jacksonSojournMin(p: NetworkParams): number[] {
  return p.servers.map((c, k) => {
    const s = p.meanServiceMin[k]!;
    const a = s / p.meanInterarrivalMin;
    return (erlangC(c, a) * s) / (c - a) + s;
  });
}

function streams(seed: string): { arrivals: Rng; service: Rng } {
  return { arrivals: replicationRng(seed, 0, "arrivals"), service: replicationRng(seed, 0, "service") };
}

/** The network on EventCalendar + Resource: kind 0 is an arrival, kind 1 + k a departure from station k. */
export function runOurs(p: NetworkParams, seed: string): NetworkRun {
  const { arrivals, service } = streams(seed);
  const n = p.servers.length;
  const cal = new EventCalendar();
  const res = p.servers.map((c) => new Resource(c, "fifo"));
  const arrivedMin = new Float64Array(p.customers);
  const enteredMin = new Float64Array(p.customers);
  const sojournSum = new Float64Array(n);
  let totalSum = 0;
  let released = 0;
  const t0 = performance.now();
  const enter = (k: number, id: number): void => {
    enteredMin[id] = cal.now;
    if (res[k]!.request(cal.now, id)) cal.schedule(cal.now + exponential(service, p.meanServiceMin[k]!), 1 + k, id);
  };
  const handlers: EventHandler[] = [
    () => {
      const id = released++;
      arrivedMin[id] = cal.now;
      enter(0, id);
      if (released < p.customers) cal.schedule(cal.now + exponential(arrivals, p.meanInterarrivalMin), 0);
    },
    ...p.servers.map((_, k): EventHandler => (id) => {
      const next = res[k]!.release(cal.now);
      if (next >= 0) cal.schedule(cal.now + exponential(service, p.meanServiceMin[k]!), 1 + k, next);
      sojournSum[k] = sojournSum[k]! + cal.now - enteredMin[id]!;
      if (k + 1 < n) enter(k + 1, id);
      else totalSum += cal.now - arrivedMin[id]!;
    }),
  ];
  cal.schedule(0, 0);
  const events = cal.run(handlers);
  const ms = performance.now() - t0;
  return { customers: p.customers, events, ms, sojournMin: [...sojournSum].map((x) => x / p.customers), totalMin: totalSum / p.customers };
}

// simjs 2.0.3 is a browserify bundle that publishes its API only as window.Sim.
interface SimjsRequest {
  done(callback: () => void): SimjsRequest;
}
interface SimjsEntity {
  time(): number;
  setTimer(durationMin: number): SimjsRequest;
  useFacility(facility: unknown, durationMin: number): SimjsRequest;
}
interface Simjs {
  Sim: new () => { addEntity(klass: unknown): SimjsEntity; simulate(endTime: number): boolean };
  Entity: new (...args: never[]) => SimjsEntity;
  Facility: (new (name: string, discipline: number, servers: number) => object) & { FCFS: number };
}

/** simjs from bench's devDependencies, or the reason it cannot be used. */
export function loadSimjs(): Simjs | string {
  const g = globalThis as { window?: { Sim?: Simjs } };
  const had = "window" in g;
  if (!had) g.window = {};
  try {
    createRequire(import.meta.url)("simjs");
    const sim = g.window?.Sim;
    return sim ?? "simjs loaded but did not publish window.Sim";
  } catch (e) {
    return `simjs is not installed (${(e as Error).message.split("\n")[0]})`;
  } finally {
    if (!had) delete g.window;
  }
}

/**
 * The same network on simjs: one source entity; each customer's visit is a chain of
 * useFacility() requests on FCFS facilities with c servers. simjs takes the service time with
 * the request rather than at service start — the same distribution for i.i.d. service.
 */
export function runSimjs(lib: Simjs, p: NetworkParams, seed: string): NetworkRun {
  const { arrivals, service } = streams(seed);
  const n = p.servers.length;
  const facilities = p.servers.map((c, k) => new lib.Facility(`station ${k}`, lib.Facility.FCFS, c));
  const sojournSum = new Float64Array(n);
  let totalSum = 0;
  let released = 0;
  let events = 0;
  class Source extends lib.Entity {
    start(): void {
      this.setTimer(0).done(() => this.arrive());
    }
    arrive(): void {
      events++;
      released++;
      this.visit(0, this.time());
      if (released < p.customers) this.setTimer(exponential(arrivals, p.meanInterarrivalMin)).done(() => this.arrive());
    }
    visit(k: number, arrivedMin: number): void {
      const enteredMin = this.time();
      this.useFacility(facilities[k], exponential(service, p.meanServiceMin[k]!)).done(() => {
        events++;
        const now = this.time();
        sojournSum[k] = sojournSum[k]! + now - enteredMin;
        if (k + 1 < n) this.visit(k + 1, arrivedMin);
        else totalSum += now - arrivedMin;
      });
    }
  }
  const t0 = performance.now();
  const sim = new lib.Sim();
  sim.addEntity(Source);
  sim.simulate(Number.MAX_VALUE);
  const ms = performance.now() - t0;
  return { customers: p.customers, events, ms, sojournMin: [...sojournSum].map((x) => x / p.customers), totalMin: totalSum / p.customers };
}
