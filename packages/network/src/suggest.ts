import { SUGGEST_LIMITS } from "./limits.js";

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
function distance(a: string, b: string, limit: number): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row.push(v);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The closest candidate to a misspelt name, or undefined when nothing is close. Bounded: a word
 * longer than SUGGEST_LIMITS.wordLength gets no suggestion, and only the first
 * SUGGEST_LIMITS.candidates candidates are compared, so a hostile id costs microseconds.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > SUGGEST_LIMITS.wordLength) return undefined;
  // Short words tolerate one edit, longer ones up to three.
  const limit = word.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  let compared = 0;
  for (const c of candidates) {
    if (++compared > SUGGEST_LIMITS.candidates) break;
    if (c === word) continue; // known elsewhere, but not here: suggesting itself helps no one
    const d = distance(word, c, limit);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= limit ? best : undefined;
}

/** ` (did you mean "X"?)` or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : ` (did you mean "${c}"?)`;
}
