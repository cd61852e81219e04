"""M/M/c stations in series on SimPy, the peer of bench/src/mmc.ts (pnpm bench:sim).

Usage: simpy_mmc.py CUSTOMERS MEAN_INTERARRIVAL_MIN SERVERS MEAN_SERVICE_MIN SEED
with SERVERS and MEAN_SERVICE_MIN comma-separated, one entry per station. Prints one JSON line:
customers, model events (arrivals + service completions), ms (the simulation alone, not the
interpreter's start), mean sojourn per station and through the series, and SimPy's version.

Debian's python3-simpy is SimPy 2 (module SimPy, process-interaction via `yield hold`); SimPy 3+
(module simpy, environments and events) is used instead when it is installed.
"""
import json
import random
import sys
import time


def run_simpy3(simpy, customers, ia, servers, service, rng):
    env = simpy.Environment()
    stations = [simpy.Resource(env, capacity=c) for c in servers]
    sojourn = [0.0] * len(servers)
    acc = {"total": 0.0, "events": 0}

    def customer():
        arrived = env.now
        for k, res in enumerate(stations):
            entered = env.now
            with res.request() as req:
                yield req
                yield env.timeout(rng.expovariate(1.0 / service[k]))
            acc["events"] += 1
            sojourn[k] += env.now - entered
        acc["total"] += env.now - arrived

    def source():
        for i in range(customers):
            acc["events"] += 1
            env.process(customer())
            if i + 1 < customers:
                yield env.timeout(rng.expovariate(1.0 / ia))

    env.process(source())
    t0 = time.perf_counter()
    env.run()
    return (time.perf_counter() - t0) * 1000, sojourn, acc["total"], acc["events"]


def run_simpy2(customers, ia, servers, service, rng):
    from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

    initialize()
    stations = [Resource(capacity=c, monitored=False) for c in servers]
    sojourn = [0.0] * len(servers)
    acc = {"total": 0.0, "events": 0}

    class Customer(Process):
        def visit(self):
            arrived = now()
            for k, res in enumerate(stations):
                entered = now()
                yield request, self, res
                yield hold, self, rng.expovariate(1.0 / service[k])
                yield release, self, res
                acc["events"] += 1
                sojourn[k] += now() - entered
            acc["total"] += now() - arrived

    class Source(Process):
        def generate(self):
            for i in range(customers):
                acc["events"] += 1
                c = Customer()
                activate(c, c.visit())
                if i + 1 < customers:
                    yield hold, self, rng.expovariate(1.0 / ia)

    src = Source()
    activate(src, src.generate())
    t0 = time.perf_counter()
    simulate(until=float("inf"))
    return (time.perf_counter() - t0) * 1000, sojourn, acc["total"], acc["events"]


def main():
    customers = int(sys.argv[1])
    ia = float(sys.argv[2])
    servers = [int(x) for x in sys.argv[3].split(",")]
    service = [float(x) for x in sys.argv[4].split(",")]
    rng = random.Random(sys.argv[5])
    try:
        import simpy

        version = simpy.__version__ if hasattr(simpy, "__version__") else "3+"
        ms, sojourn, total, events = run_simpy3(simpy, customers, ia, servers, service, rng)
    except ImportError:
        import SimPy

        version = getattr(SimPy, "__version__", "2")
        ms, sojourn, total, events = run_simpy2(customers, ia, servers, service, rng)
    print(json.dumps({
        "customers": customers,
        "events": events,
        "ms": ms,
        "sojournMin": [s / customers for s in sojourn],
        "totalMin": total / customers,
        "simpy": version,
    }))


if __name__ == "__main__":
    main()
