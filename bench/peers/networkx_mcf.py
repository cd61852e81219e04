"""Peer for bench/src/flow.ts: networkx.network_simplex on a DIMACS min-cost flow file.
Prints the optimal cost and the solve time. Run with Debian's /usr/bin/python3 (python3-networkx).
    networkx_mcf.py FILE.min"""
import sys
import time

import networkx as nx

g = nx.DiGraph()
with open(sys.argv[1]) as f:
    for line in f:
        t = line.split()
        if not t or t[0] == "c":
            continue
        if t[0] == "p":
            for i in range(1, int(t[2]) + 1):
                g.add_node(i, demand=0)
        elif t[0] == "n":
            g.nodes[int(t[1])]["demand"] = -int(t[2])  # networkx: demand = -supply
        elif t[0] == "a":
            u, v = int(t[1]), int(t[2])
            if g.has_edge(u, v):
                raise SystemExit("parallel arcs are not supported by nx.DiGraph")
            g.add_edge(u, v, capacity=int(t[4]), weight=int(t[5]))
t0 = time.perf_counter()
cost, _ = nx.network_simplex(g)
print(f"cost {cost} ms {(time.perf_counter() - t0) * 1000:.1f}")
