import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PEERS = fileURLToPath(new URL("../peers/", import.meta.url));

/** Compiles the LEMON peer when Debian's liblemon-dev is installed; otherwise says why not. */
export function buildLemon(): { bin: string } | { skip: string } {
  if (!existsSync("/usr/include/lemon/dijkstra.h")) {
    return { skip: "LEMON peer skipped: liblemon-dev is not installed (apt-get install liblemon-dev)" };
  }
  const bin = `${PEERS}bin/lemon_dijkstra`;
  mkdirSync(`${PEERS}bin`, { recursive: true });
  const r = spawnSync("g++", ["-O2", "-std=c++17", `${PEERS}lemon_dijkstra.cpp`, "-o", bin, "-llemon"], { encoding: "utf8" });
  if (r.status !== 0) return { skip: `LEMON peer skipped: g++ failed: ${r.stderr || r.error?.message}` };
  return { bin };
}

export interface LemonTimes {
  ssspMs: number;
  ssspChecksum: number;
  p2pMs: number;
  p2pSum: number;
}

export function runLemon(bin: string, co: string, gr: string, source: number, pairs: [number, number][], repeats: number): LemonTimes {
  const pairsFile = `${PEERS}bin/pairs.txt`;
  writeFileSync(pairsFile, pairs.map(([s, t]) => `${s} ${t}`).join("\n"));
  const out = execFileSync(bin, [co, gr, String(source), pairsFile, String(repeats)], { encoding: "utf8" });
  const num = (key: string): number => Number(new RegExp(`\\b${key} (\\S+)`).exec(out)![1]);
  return { ssspMs: num("sssp_ms"), ssspChecksum: num("checksum"), p2pMs: num("p2p_ms"), p2pSum: num("sum") };
}
