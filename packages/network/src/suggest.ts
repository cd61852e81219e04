import { SUGGEST_LIMITS } from "./limits.js";

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
function distance(a: string, b: string, limit: number): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let prevMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    // Later rows grow from these two by at least nothing: once both pass the limit, so does the result.
    if (rowMin > limit && prevMin > limit) return limit + 1;
    before = prev;
    prev = row;
    prevMin = rowMin;
  }
  return prev[b.length]!;
}

/** Letter bucket for the surplus bound: ASCII folded to lower case, everything else in bucket 0. */
const bucket = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code < 128 ? code : 0);

/**
 * A lower bound of the edit distance from letter counts alone (each edit removes at most one
 * surplus letter on each side; merging letters into one bucket only lowers it). `counts` holds
 * the word's letters and is left as it was found. Most candidates are ruled out by it in time
 * linear in their length, before the quadratic comparison.
 */
function surplusBound(counts: Int32Array, wordLength: number, c: string): number {
  let matched = 0;
  for (let i = 0; i < c.length; i++) if (counts[bucket(c.charCodeAt(i))]!-- > 0) matched++;
  for (let i = 0; i < c.length; i++) counts[bucket(c.charCodeAt(i))]!++;
  return Math.max(wordLength - matched, c.length - matched);
}

/** Steps left for suggestions in the load under way (see withSuggestionBudget), or null outside one. */
let loadBudget: { steps: number } | null = null;

/**
 * Runs a load with one budget of SUGGEST_LIMITS.stepsPerLoad for all its did-you-mean
 * suggestions: a file with thousands of unknown names gets suggestions for the first ones and
 * stays fast. The budget is spent in file order, so the same input gives the same output.
 */
export function withSuggestionBudget<T>(run: () => T): T {
  const outer = loadBudget;
  loadBudget = { steps: SUGGEST_LIMITS.stepsPerLoad };
  try {
    return run();
  } finally {
    loadBudget = outer;
  }
}

/**
 * The closest candidate to a misspelt name, or undefined when nothing is close. Bounded, so
 * hostile names cannot make a load slow: a word longer than SUGGEST_LIMITS.wordLength gets no
 * suggestion; only the first SUGGEST_LIMITS.candidates candidates are looked at; a call stops
 * after SUGGEST_LIMITS.stepsPerCall steps (letters read, cells of the edit-distance table) and
 * a load after SUGGEST_LIMITS.stepsPerLoad.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (typeof word !== "string" || word.length > SUGGEST_LIMITS.wordLength) return undefined;
  if (loadBudget !== null && loadBudget.steps <= 0) return undefined;
  // Short words tolerate one edit, longer ones up to three.
  const limit = word.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  const counts = new Int32Array(128);
  for (let i = 0; i < word.length; i++) counts[bucket(word.charCodeAt(i))]!++;
  let compared = 0;
  let steps = 0;
  const budget = Math.min(SUGGEST_LIMITS.stepsPerCall, loadBudget?.steps ?? Infinity);
  for (const c of candidates) {
    if (++compared > SUGGEST_LIMITS.candidates) break;
    if (c === word || Math.abs(c.length - word.length) > limit) continue;
    steps += c.length;
    if (steps > budget) break;
    if (surplusBound(counts, word.length, c) > limit) continue;
    // Candidates built to pass the letter-count bound (anagrams) still cost a full comparison each.
    steps += word.length * c.length;
    if (steps > budget) break;
    const d = distance(word, c, limit);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  if (loadBudget !== null) loadBudget.steps -= steps;
  return bestD <= limit ? best : undefined;
}

/** ` (did you mean "X"?)` or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : ` (did you mean "${c}"?)`;
}
