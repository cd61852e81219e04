// Peer for bench/src/flow.ts: LEMON's NetworkSimplex (default block-search pivot) on a DIMACS
// min-cost flow file. Prints the optimal cost and the best solve time of REPEATS runs.
//   lemon_mcf FILE.min REPEATS
#include <lemon/smart_graph.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <chrono>
#include <cstdio>
#include <fstream>

using namespace lemon;

int main(int argc, char** argv) {
  if (argc != 3) { std::fprintf(stderr, "usage: %s FILE.min REPEATS\n", argv[0]); return 2; }
  SmartDigraph g;
  SmartDigraph::ArcMap<long long> lower(g), cap(g), cost(g);
  SmartDigraph::NodeMap<long long> supply(g);
  std::ifstream in(argv[1]);
  readDimacsMin(in, g, lower, cap, cost, supply);
  int repeats = std::atoi(argv[2]);
  double best = 1e300;
  long long total = 0;
  const char* status = "";
  for (int r = 0; r < repeats; r++) {
    NetworkSimplex<SmartDigraph, long long, long long> ns(g);
    ns.lowerMap(lower).upperMap(cap).costMap(cost).supplyMap(supply);
    auto t0 = std::chrono::steady_clock::now();
    auto res = ns.run();
    auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
    status = res == NetworkSimplex<SmartDigraph, long long, long long>::OPTIMAL ? "optimal" : res == NetworkSimplex<SmartDigraph, long long, long long>::INFEASIBLE ? "infeasible" : "unbounded";
    total = ns.totalCost();
  }
  std::printf("status %s cost %lld ms %.4f\n", status, total, best);
  return 0;
}
