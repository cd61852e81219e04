/**
 * GTFS ids → scenario ids (letters, digits, ".", "_", "-", starting with a letter or digit),
 * injectively: "_" and every other byte outside that alphabet become "_" and two upper-case
 * hex digits of its UTF-8 encoding, so `T 1` → `T_201` and `T_1` → `T_5F1`. An id whose
 * escape does not start with a letter or digit gets the prefix "x_", and extra services of one
 * trip the suffix "_p<n>": "_" followed by a lower-case letter never comes out of the escape,
 * so neither can collide with an escaped id.
 */
export function scenarioId(raw: string): string {
  let out = "";
  for (const ch of raw) {
    if (/[A-Za-z0-9.-]/.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += `_${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return /^[A-Za-z0-9]/.test(out) ? out : `x_${out}`;
}

/** Id of the n-th extra service made from one trip (n ≥ 1). */
export const extraServiceId = (tripId: string, n: number): string => `${tripId}_p${n}`;
