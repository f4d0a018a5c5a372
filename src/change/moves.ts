// Which manifest a change moved where, so that a moved manifest is compared with its old path and its budgets apply
// (docs/action.md, "Moved and removed manifests").
import type { ChangedFile } from "./files.js";

export interface Side {
  path: string;
  /** The manifest's `project`, when it has one. */
  project: string | null;
}

/**
 * Pairs each manifest only the base has (`gone`) with where the change moved it: first as the change's renames say
 * (git's rename detection, which GitHub's list of files uses too), wherever it went: a path the manifest patterns no
 * longer match is followed too, or moving a manifest out of them would step around its budgets; then, for moves
 * whose text changed too much for rename detection, to a manifest only the head has (`added`) with the same
 * `project`, where exactly one on each side declares it. A head manifest with a base of its own (`compared`) is
 * never paired again. Returns base path → head path.
 */
export function pairMoves(gone: readonly Side[], added: readonly Side[], changes: readonly ChangedFile[], compared: ReadonlySet<string>): Map<string, string> {
  const pairs = new Map<string, string>();
  const taken = new Set<string>(compared);
  const renamed = new Map<string, string>();
  for (const c of changes) if (c.status === "renamed" && c.previous_path !== null) renamed.set(c.previous_path, c.path);
  for (const g of gone) {
    const to = renamed.get(g.path);
    if (to === undefined || taken.has(to)) continue;
    pairs.set(g.path, to);
    taken.add(to);
  }
  const byProject = <T extends Side>(sides: readonly T[], used: (s: T) => boolean) => {
    const count = new Map<string, T[]>();
    for (const s of sides) if (s.project !== null && !used(s)) count.set(s.project, [...(count.get(s.project) ?? []), s]);
    return count;
  };
  const goneBy = byProject(gone, (g) => pairs.has(g.path));
  const addedBy = byProject(added, (a) => taken.has(a.path));
  for (const [project, [g, ...moreGone]] of goneBy) {
    const candidates = addedBy.get(project) ?? [];
    if (moreGone.length === 0 && candidates.length === 1) pairs.set(g!.path, candidates[0]!.path);
  }
  return pairs;
}
