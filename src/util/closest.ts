/** Levenshtein distance, two rows; the inputs are short identifiers. */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The `n` candidates closest to `input` (case-insensitive); ties keep catalogue order.
 * A candidate may be known by several names (its aliases): the closest of them counts.
 */
export function closest(input: string, candidates: readonly string[], n = 3, namesOf: (c: string) => readonly string[] = (c) => [c]): string[] {
  const needle = input.toLowerCase();
  const score = (name: string) => {
    const hay = name.toLowerCase();
    // A substring match is a strong hint ("h100" in "nvidia-h100-sxm") even when the edit distance is long.
    return hay.includes(needle) || needle.includes(hay) ? 0.5 : distance(needle, hay);
  };
  return candidates
    .map((c, i) => ({ c, i, d: namesOf(c).reduce((best, name) => Math.min(best, score(name)), Infinity) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, n)
    .map((x) => x.c);
}
