/**
 * Primal network simplex on integer data (Dantzig's method as specialised to networks by
 * Grigoriadis and by Kelly & O'Neill), with block-search pricing and a spanning tree kept as
 * parent / thread / subtree-size arrays, as in LEMON's NetworkSimplex. All quantities are
 * integers held in doubles, exact while below 2^53 (the caller checks the bounds).
 *
 * Node `n` is an artificial root joined to every node by an artificial arc; the tree starts as
 * that star, and a feasible instance ends with no flow on the artificial arcs.
 */

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_UP = 1;
const DIR_DOWN = -1;

export interface SimplexInput {
  nodeCount: number;
  from: Int32Array;
  to: Int32Array;
  /** Integer capacities (Infinity allowed). */
  cap: Float64Array;
  /** Integer costs. */
  cost: Float64Array;
  /** Integer supplies summing to zero. */
  supply: Float64Array;
}

export interface SimplexOutput {
  status: "optimal" | "infeasible" | "unbounded";
  flow: Float64Array;
  /** Node potentials: cost + pi[from] − pi[to] ≥ 0 on arcs below capacity, ≤ 0 on arcs with flow. */
  potential: Float64Array;
  pivots: number;
}

export function networkSimplex(input: SimplexInput, signal?: AbortSignal): SimplexOutput {
  const n = input.nodeCount;
  const m = input.from.length;
  const all = m + n;
  const root = n;
  const source = new Int32Array(all);
  const target = new Int32Array(all);
  const cap = new Float64Array(all);
  const cost = new Float64Array(all);
  const flow = new Float64Array(all);
  const state = new Int8Array(all);
  source.set(input.from);
  target.set(input.to);
  cap.set(input.cap);
  cost.set(input.cost);

  const parent = new Int32Array(n + 1);
  const pred = new Int32Array(n + 1);
  const thread = new Int32Array(n + 1);
  const revThread = new Int32Array(n + 1);
  const succNum = new Int32Array(n + 1);
  const lastSucc = new Int32Array(n + 1);
  const predDir = new Int8Array(n + 1);
  const pi = new Float64Array(n + 1);
  const dirtyRevs: number[] = [];

  let maxCost = 0;
  for (let e = 0; e < m; e++) maxCost = Math.max(maxCost, Math.abs(cost[e]!));
  // An artificial arc costs more than any path of real arcs.
  const artCost = (maxCost + 1) * (n + 1);

  parent[root] = -1;
  pred[root] = -1;
  thread[root] = 0;
  revThread[0] = root;
  succNum[root] = n + 1;
  lastSucc[root] = root - 1;
  pi[root] = 0;
  for (let u = 0, e = m; u < n; u++, e++) {
    parent[u] = root;
    pred[u] = e;
    thread[u] = u + 1;
    revThread[u + 1] = u;
    succNum[u] = 1;
    lastSucc[u] = u;
    state[e] = STATE_TREE;
    cap[e] = Infinity;
    const s = input.supply[u]!;
    if (s >= 0) {
      predDir[u] = DIR_UP;
      pi[u] = 0;
      source[e] = u;
      target[e] = root;
      flow[e] = s;
      cost[e] = 0;
    } else {
      predDir[u] = DIR_DOWN;
      pi[u] = artCost;
      source[e] = root;
      target[e] = u;
      flow[e] = -s;
      cost[e] = artCost;
    }
  }
  if (n > 0) thread[n - 1] = root;
  revThread[root] = n > 0 ? n - 1 : root;
  for (let e = 0; e < m; e++) state[e] = STATE_LOWER;

  // Block-search pricing over the real arcs.
  const blockSize = Math.max(Math.ceil(Math.sqrt(m)), 10);
  let nextArc = 0;
  let inArc = -1;
  let join = 0;
  let uIn = 0;
  let vIn = 0;
  let uOut = 0;
  let delta = 0;
  let pivots = 0;

  const findJoinNode = (): void => {
    let u = source[inArc]!;
    let v = target[inArc]!;
    while (u !== v) {
      if (succNum[u]! < succNum[v]!) u = parent[u]!;
      else v = parent[v]!;
    }
    join = u;
  };

  /** Finds the blocking arc of the cycle; false when the entering arc itself blocks. */
  const findLeavingArc = (): boolean => {
    let first: number;
    let second: number;
    if (state[inArc] === STATE_LOWER) {
      first = source[inArc]!;
      second = target[inArc]!;
    } else {
      first = target[inArc]!;
      second = source[inArc]!;
    }
    delta = cap[inArc]!;
    let result = 0;
    for (let u = first; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      const d = predDir[u] === DIR_DOWN ? cap[e]! - flow[e]! : flow[e]!;
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      const d = predDir[u] === DIR_UP ? cap[e]! - flow[e]! : flow[e]!;
      // "<=" prefers the last blocking arc on this side, which keeps the tree strongly feasible.
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
      }
    }
    if (result === 1) {
      uIn = first;
      vIn = second;
    } else {
      uIn = second;
      vIn = first;
    }
    return result !== 0;
  };

  const changeFlow = (change: boolean): void => {
    if (delta > 0) {
      const val = state[inArc]! * delta;
      flow[inArc]! += val;
      for (let u = source[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! -= predDir[u]! * val;
      for (let u = target[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! += predDir[u]! * val;
    }
    if (change) {
      state[inArc] = STATE_TREE;
      state[pred[uOut]!] = flow[pred[uOut]!] === 0 ? STATE_LOWER : STATE_UPPER;
    } else {
      state[inArc] = -state[inArc]!;
    }
  };

  /** Re-hangs the subtree below the leaving arc from the entering arc. */
  const updateTreeStructure = (): void => {
    const oldRevThread = revThread[uOut]!;
    const oldSuccNum = succNum[uOut]!;
    const oldLastSucc = lastSucc[uOut]!;
    const vOut = parent[uOut]!;

    if (uIn === uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc]!;
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn]!;
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      // When the subtree sits right after v_in in the thread, v_out is the join node.
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc]! : thread[vIn]!;
      // Walk the stem from u_in up to u_out, reversing parent links and splicing threads.
      let stem = uIn;
      let parStem = vIn;
      let last = lastSucc[uIn]!;
      let after = thread[last]!;
      thread[vIn] = uIn;
      dirtyRevs.length = 0;
      dirtyRevs.push(vIn);
      while (stem !== uOut) {
        const nextStem = parent[stem]!;
        thread[last] = nextStem;
        dirtyRevs.push(last);
        const before = revThread[stem]!;
        thread[before] = after;
        revThread[after] = before;
        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;
        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem]! : lastSucc[stem]!;
        after = thread[last]!;
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;
      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      for (const u of dirtyRevs) revThread[thread[u]!] = u;
      // Stem nodes from u_out down to u_in take their old parent's tree arc, reversed.
      let tmpSc = 0;
      const tmpLs = lastSucc[uOut]!;
      for (let u = uOut, p = parent[u]!; u !== uIn; u = p, p = parent[u]!) {
        pred[u] = pred[p]!;
        predDir[u] = -predDir[p]!;
        tmpSc += succNum[u]! - succNum[p]!;
        succNum[u] = tmpSc;
        lastSucc[p] = tmpLs;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      succNum[uIn] = oldSuccNum;
    }

    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut]!;
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]!) lastSucc[u] = lastSuccOut;
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) lastSucc[u] = oldRevThread;
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) lastSucc[u] = lastSuccOut;
    }
    for (let u = vIn; u !== join; u = parent[u]!) succNum[u]! += oldSuccNum;
    for (let u = vOut; u !== join; u = parent[u]!) succNum[u]! -= oldSuccNum;
  };

  const updatePotential = (): void => {
    const sigma = pi[vIn]! - pi[uIn]! - predDir[uIn]! * cost[inArc]!;
    const end = thread[lastSucc[uIn]!]!;
    for (let u = uIn; u !== end; u = thread[u]!) pi[u]! += sigma;
  };

  for (;;) {
    // Block-search pricing, inline: the hottest loop, kept in registers.
    let min = 0;
    let cnt = blockSize;
    let e = nextArc;
    for (let k = 0; k < m; k++) {
      const st = state[e]!;
      if (st !== STATE_TREE) {
        const c = st * (cost[e]! + pi[source[e]!]! - pi[target[e]!]!);
        if (c < min) {
          min = c;
          inArc = e;
        }
      }
      if (--cnt === 0) {
        if (min < 0) break;
        cnt = blockSize;
      }
      if (++e === m) e = 0;
    }
    if (min >= 0) break;
    nextArc = e;
    if ((++pivots & 1023) === 0) signal?.throwIfAborted();
    findJoinNode();
    const change = findLeavingArc();
    if (delta === Infinity) return { status: "unbounded", flow: flow.subarray(0, m), potential: pi.subarray(0, n), pivots };
    changeFlow(change);
    if (change) {
      updateTreeStructure();
      updatePotential();
    }
  }
  for (let e = m; e < all; e++) {
    if (flow[e] !== 0) return { status: "infeasible", flow: flow.subarray(0, m), potential: pi.subarray(0, n), pivots };
  }
  return { status: "optimal", flow: flow.subarray(0, m), potential: pi.subarray(0, n), pivots };
}
