/**
 * A binary min-heap of node indices keyed by Float64 priorities, with decrease-key through a
 * position index. Sized once for the graph, so queries allocate nothing.
 */
export class IndexedHeap {
  private readonly heap: Int32Array;
  private readonly key: Float64Array;
  /** Position of each node in the heap, -1 when absent. */
  private readonly pos: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.key = new Float64Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }

  has(node: number): boolean {
    return this.pos[node]! >= 0;
  }

  /** Inserts node or lowers its key; ignores a key that is not lower. */
  push(node: number, key: number): void {
    let i = this.pos[node]!;
    if (i < 0) {
      i = this.size++;
    } else if (key >= this.key[node]!) return;
    this.key[node] = key;
    const heap = this.heap;
    const keys = this.key;
    const pos = this.pos;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (keys[p]! <= key) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  peekKey(): number {
    return this.size > 0 ? this.key[this.heap[0]!]! : Infinity;
  }

  pop(): number {
    const heap = this.heap;
    const keys = this.key;
    const pos = this.pos;
    const top = heap[0]!;
    pos[top] = -1;
    const last = heap[--this.size]!;
    if (this.size === 0) return top;
    const k = keys[last]!;
    let i = 0;
    const n = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && keys[heap[right]!]! < keys[heap[child]!]!) child = right;
      const c = heap[child]!;
      if (keys[c]! >= k) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = last;
    pos[last] = i;
    return top;
  }
}
