/** Inputs longer than this get no edit-distance suggestions: a suggestion is for a typo, and the work stays bounded. */
export const MAX_SUGGEST_LENGTH = 64;

/** Distance computations so far; tests read it to prove the work is bounded. */
export const work = { distances: 0 };

let prevRow = new Int32Array(MAX_SUGGEST_LENGTH + 2);
let curRow = new Int32Array(MAX_SUGGEST_LENGTH + 2);

/**
 * Levenshtein distance, two rows. With `max`, stops as soon as the distance must exceed it and returns `max + 1`,
 * so one call costs at most O(|a|·|b|) and usually far less.
 */
export function distance(a: string, b: string, max = Infinity): number {
  work.distances++;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > prevRow.length) {
    prevRow = new Int32Array(n + 1);
    curRow = new Int32Array(n + 1);
  }
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/**
 * The `n` candidates closest to `input` (case-insensitive); ties keep catalogue order.
 * A candidate may be known by several names (its aliases): the closest of them counts.
 * Inputs longer than MAX_SUGGEST_LENGTH get no suggestions.
 */
export function closest(input: string, candidates: readonly string[], n = 3, namesOf: (c: string) => readonly string[] = (c) => [c]): string[] {
  if (input.length > MAX_SUGGEST_LENGTH || n <= 0) return [];
  const needle = input.toLowerCase();
  // The n best so far, sorted; a candidate that cannot beat the n-th is abandoned early.
  const best: { c: string; i: number; d: number }[] = [];
  candidates.forEach((c, i) => {
    const bound = best.length < n ? Infinity : best[n - 1]!.d;
    let d = Infinity;
    for (const name of namesOf(c)) {
      const hay = name.toLowerCase();
      // A substring match is a strong hint ("h100" in "nvidia-h100-sxm") even when the edit distance is long.
      const s = hay.includes(needle) || needle.includes(hay) ? 0.5 : distance(needle, hay, Math.min(d, bound));
      if (s < d) d = s;
    }
    if (best.length < n || d < bound) {
      let at = best.length;
      while (at > 0 && best[at - 1]!.d > d) at--;
      best.splice(at, 0, { c, i, d });
      if (best.length > n) best.pop();
    }
  });
  return best.map((x) => x.c);
}
