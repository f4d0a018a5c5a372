// Problems found in a manifest, made into findings: a few shown in document order, the rest counted.
import { MAX_PER_RULE, omittedFinding, type Finding } from "../findings.js";
import type { Position } from "./yaml/locator.js";

/** A problem located in the manifest (a YAML error, a schema issue); its message is made only if it is shown. */
export interface Pending {
  pos: Position;
  message: () => string;
  /** Tells repeats of one problem apart from distinct ones (parser errors). */
  key?: string;
}

/**
 * Problems → findings: the first MAX_PER_RULE by position with their messages (the same finding once), then one
 * "… and N more" finding at the first omitted, counting distinct problems. Linear after the sort; messages are made
 * only for the findings shown.
 */
export function firstProblems(problems: Pending[], invalid: (m: string, p?: Position) => Finding): Finding[] {
  problems.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  const shown: Finding[] = [];
  const shownKeys = new Set<string>();
  const omittedKeys = new Set<string>();
  let first: Pending | undefined;
  let more = 0;
  for (const p of problems) {
    if (shown.length < MAX_PER_RULE) {
      const f = invalid(p.message(), p.pos);
      const k = `${f.line}:${f.column}:${f.message}`;
      if (!shownKeys.has(k)) {
        shownKeys.add(k);
        shown.push(f);
      }
      if (p.key) omittedKeys.add(p.key);
      continue;
    }
    if (p.key) {
      if (omittedKeys.has(p.key)) continue;
      omittedKeys.add(p.key);
    }
    first ??= p;
    more++;
  }
  return first ? [...shown, omittedFinding(invalid("", first.pos), more)] : shown;
}
