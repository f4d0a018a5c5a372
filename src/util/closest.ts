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

/** The `n` candidates closest to `input` (case-insensitive); ties keep catalogue order. */
export function closest(input: string, candidates: readonly string[], n = 3): string[] {
  const needle = input.toLowerCase();
  return candidates
    .map((c, i) => {
      const hay = c.toLowerCase();
      // A substring match is a strong hint ("h100" in "nvidia-h100-sxm") even when the edit distance is long.
      const d = hay.includes(needle) || needle.includes(hay) ? 0.5 : distance(needle, hay);
      return { c, d, i };
    })
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, n)
    .map((x) => x.c);
}
