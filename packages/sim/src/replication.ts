import { MIN_PER_DAY } from "@fourports/network";
import { EventCalendar, type EventHandler } from "./calendar.js";
import { placeDisruptions } from "./disruptions.js";
import { RELEASE, SAMPLE } from "./events.js";
import { Freight } from "./freight.js";
import type { SimLogEvent } from "./log.js";
import type { SimModel } from "./model.js";
import { Recorder } from "./recorder.js";
import { replicationRng, type Rng } from "./rng.js";
import { Vehicles } from "./vehicles.js";

export interface ReplicationOptions {
  seed: string | number;
  replication: number;
  /** Every event of the run, as it happens (for a JSON Lines file or an audit). */
  onEvent?: (e: SimLogEvent) => void;
  signal?: AbortSignal;
}

/**
 * One simulated horizon of freight: the vehicles (vehicles.ts) and the freight (freight.ts) on
 * one event calendar, each replication's draws from its own streams.
 */
export class Replication {
  readonly cal: EventCalendar = new EventCalendar();
  readonly rec: Recorder;
  readonly freight: Freight;
  readonly vehicles: Vehicles;
  private readonly handlers: EventHandler[];

  constructor(
    readonly m: SimModel,
    private readonly options: ReplicationOptions,
  ) {
    const rng = (s: string): Rng => replicationRng(options.seed, options.replication, s);
    const log = (e: SimLogEvent): void => options.onEvent?.(e);
    this.rec = new Recorder(m);
    this.freight = new Freight(m, this.cal, this.rec, rng("demand"), log);
    const placed = placeDisruptions(m.scenario, rng("disruptions"));
    this.vehicles = new Vehicles(m, this.cal, this.rec, this.freight, placed, rng("vehicles"), rng("border"), log);
    const f = this.freight;
    const v = this.vehicles;
    // Indexed by the kinds in events.ts.
    this.handlers = [
      (day) => f.release(day),
      (c) => v.tripDepart(c),
      (c) => v.tripArrive(c),
      (k, version) => f.linkArrive(k, version),
      (tag, hub) => v.borderDone(tag, hub),
      (hub) => v.backgroundArrive(hub),
      (i) => v.cutStart(i),
      (i) => v.cutEnd(i),
      (day) => this.sample(day),
    ];
    // Releases before trips: a consignment released at a minute can still board a departure of
    // that minute (ties fire in scheduling order), as the assignment lets it.
    for (let day = 0; day < m.scenario.horizonDays; day++) {
      this.cal.schedule(day * MIN_PER_DAY + m.releaseMin, RELEASE, day);
      this.cal.schedule(day * MIN_PER_DAY + MIN_PER_DAY - 1, SAMPLE, day);
    }
    v.start();
  }

  /** Runs to the end: every release, trip and consignment done. Returns events fired. */
  run(): number {
    const horizon = this.m.timetable.horizonMin;
    // In steps of a week, so an abort is noticed without a check per event.
    for (let until = 7 * MIN_PER_DAY; this.cal.pending > 0; until += 7 * MIN_PER_DAY) {
      this.options.signal?.throwIfAborted();
      this.cal.run(this.handlers, until);
      if (until > horizon + this.m.maxTransitMin + 60 * MIN_PER_DAY) break;
    }
    return this.cal.fired;
  }

  private sample(day: number): void {
    const now = this.cal.now;
    this.rec.sampleDay(day, now, this.freight.handling, this.vehicles.crossings);
    if (day === this.m.scenario.horizonDays - 1) this.rec.snapshotStores(now, this.freight.stores);
  }
}
