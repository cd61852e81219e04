// Peer for bench/src/routing.ts: LEMON's Dijkstra (binary heap) on a StaticDigraph, on the same
// road graph, source and query pairs. Prints what it measured; built only when liblemon-dev is
// installed.
//   lemon_dijkstra CO.bin GR.bin SOURCE PAIRS.txt REPEATS
#include <lemon/static_graph.h>
#include <lemon/dijkstra.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <tuple>
#include <vector>

using namespace lemon;

static std::vector<int32_t> readInts(const char* path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  std::streamsize n = f.tellg();
  f.seekg(0);
  std::vector<int32_t> v(n / 4);
  f.read(reinterpret_cast<char*>(v.data()), n);
  return v;
}

int main(int argc, char** argv) {
  if (argc != 6) { std::fprintf(stderr, "usage: %s CO GR SOURCE PAIRS REPEATS\n", argv[0]); return 2; }
  std::vector<int32_t> co = readInts(argv[1]), gr = readInts(argv[2]);
  int n = co.size() / 2;
  std::vector<std::tuple<int, int, double>> arcs;
  for (size_t i = 0; i + 1 < gr.size(); i += 2) {
    int a = gr[i] - 1, b = gr[i + 1] - 1;
    double w = std::hypot(double(co[2 * a]) - co[2 * b], double(co[2 * a + 1]) - co[2 * b + 1]);
    arcs.emplace_back(a, b, w);
    arcs.emplace_back(b, a, w);
  }
  std::sort(arcs.begin(), arcs.end());
  std::vector<std::pair<int, int>> ends;
  for (auto& t : arcs) ends.emplace_back(std::get<0>(t), std::get<1>(t));
  StaticDigraph g;
  g.build(n, ends.begin(), ends.end());
  StaticDigraph::ArcMap<double> len(g);
  for (size_t i = 0; i < arcs.size(); i++) len[g.arc(i)] = std::get<2>(arcs[i]);

  int source = std::atoi(argv[3]);
  int repeats = std::atoi(argv[5]);
  Dijkstra<StaticDigraph, StaticDigraph::ArcMap<double>> dij(g, len);
  double best = 1e300, checksum = 0;
  for (int r = 0; r < repeats; r++) {
    auto t0 = std::chrono::steady_clock::now();
    dij.run(g.node(source));
    auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  for (int v = 0; v < n; v++) if (dij.reached(g.node(v))) checksum += dij.dist(g.node(v));
  std::printf("sssp_ms %.4f checksum %.6f\n", best, checksum);

  std::ifstream pf(argv[4]);
  std::vector<std::pair<int, int>> pairs;
  int s, t;
  while (pf >> s >> t) pairs.emplace_back(s, t);
  double bestP = 1e300, sum = 0;
  for (int r = 0; r < repeats; r++) {
    sum = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (auto& p : pairs) {
      dij.run(g.node(p.first), g.node(p.second));
      if (dij.reached(g.node(p.second))) sum += dij.dist(g.node(p.second));
    }
    auto t1 = std::chrono::steady_clock::now();
    bestP = std::min(bestP, std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::printf("p2p_ms %.4f sum %.6f\n", bestP, sum);
  return 0;
}
