/**
 * A 4-ary min-heap of node indices keyed by Float64 priorities, with decrease-key through a
 * position index. Keys live beside their nodes in heap order, so a sift touches one cache line
 * per level; four children per node halve the levels. Sized once, so queries allocate nothing.
 */
export class IndexedHeap {
  private readonly heap: Int32Array;
  private readonly key: Float64Array;
  /** Position of each node in the heap, -1 when absent. */
  private readonly pos: Int32Array;
  /** Nodes in the heap. */
  size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.key = new Float64Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  /** Empties the heap in time proportional to its size. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }

  /** True when node is in the heap. */
  has(node: number): boolean {
    return this.pos[node]! >= 0;
  }

  /** Inserts node or lowers its key; ignores a key that is not lower. */
  push(node: number, key: number): void {
    const heap = this.heap;
    const keys = this.key;
    const pos = this.pos;
    let i = pos[node]!;
    if (i < 0) i = this.size++;
    else if (key >= keys[i]!) return;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      if (keys[parent]! <= key) break;
      const p = heap[parent]!;
      heap[i] = p;
      keys[i] = keys[parent]!;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    keys[i] = key;
    pos[node] = i;
  }

  /** The smallest key, Infinity when the heap is empty. */
  peekKey(): number {
    return this.size > 0 ? this.key[0]! : Infinity;
  }

  /** Removes and returns the node with the smallest key; the heap must not be empty (check `size`). */
  pop(): number {
    const heap = this.heap;
    const keys = this.key;
    const pos = this.pos;
    const top = heap[0]!;
    pos[top] = -1;
    const n = --this.size;
    if (n === 0) return top;
    const node = heap[n]!;
    const key = keys[n]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let m = first;
      let mk = keys[first]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let j = first + 1; j < end; j++) {
        if (keys[j]! < mk) {
          mk = keys[j]!;
          m = j;
        }
      }
      if (mk >= key) break;
      const c = heap[m]!;
      heap[i] = c;
      keys[i] = mk;
      pos[c] = i;
      i = m;
    }
    heap[i] = node;
    keys[i] = key;
    pos[node] = i;
    return top;
  }
}
