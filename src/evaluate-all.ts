// The one run of the gate behind both entry points (docs/cli.md, docs/action.md): read the head manifests,
// evaluate each against its base, make one report. The entry points differ only in what they inject: how a head
// manifest is read (the CLI's paths, the action's workspace), where the base comes from (a file, a git ref, a
// commit read by git or the REST API) and where messages go.
import type { ChangedFiles } from "./change/files.js";
import { pairMoves, type Side } from "./change/moves.js";
import { configUse, evaluate, evaluateRemoved, unreadableManifest, withConfigUse } from "./evaluate.js";
import { capFindings, sortFindings, verdictOf, type Finding, type Rule } from "./findings.js";
import type { ConfigUse, LaunchFiles } from "./launch/unread.js";
import { parseManifest } from "./manifest/parse.js";
import { BaseUnavailable, type ManifestSource } from "./manifest/source.js";
import { buildReport, type ManifestReport, type Report } from "./report.js";
import { SourceError } from "./sources.js";

/** Where the run's messages go: the terminal, or the action's log. */
export interface Logger {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

/** A notice on a manifest's comparison, saying why there is none or where its base is (never gating). */
export interface BaseNotice {
  rule: Extract<Rule, `base/${string}`>;
  message: string;
}

/** The base a head manifest is compared with: its source, or none and the notice that says why. */
export type Comparison = { base: ManifestSource; notice?: BaseNotice } | { base: null; notice: BaseNotice | null };

export interface BaseSide {
  /** How messages name the base ("The base commit 0123456789ab"). */
  name: string;
  /** The base of the head manifest `head`, read from `path`. Throws BaseUnavailable when the base cannot be read at
   *  all: the whole report is then made without a comparison. */
  compare(path: string, head: ManifestSource): Promise<Comparison>;
  /** The base is a commit (the action, the CLI's `--base-ref`): a manifest only the base has was moved or removed by
   *  the change. Paths are those of the head manifests. Absent when the base is a single file. */
  commit?: {
    /** The manifest at `path` at the base; null when there is none. */
    source(path: string): Promise<ManifestSource | null>;
    /** Every file path at the base (read only for manifest patterns). */
    files(): Promise<string[]>;
    /** The files the change touched, with its renames (read when a base manifest is missing from the head, and for
     *  launch configs that no entry reads). */
    changes: ChangedFiles;
    /** Where the change's files come from: git (no request), one request for the pull request's list, or nowhere. */
    changesFrom: "git" | "request" | null;
  };
}

export interface Run {
  /** Head manifest paths, in report order. */
  paths: readonly string[];
  /** The head manifest at `path`; throws SourceError when it cannot be read (missing, not UTF-8, outside the repository…). */
  readHead(path: string): ManifestSource;
  base: BaseSide | null;
  /** Patterns of the manifests: a base path one matches that is not a head path was removed by the change. */
  globs?: readonly RegExp[];
  /** The head's files, for launch configs that no entry reads; absent: no such check (tests). */
  launchFiles?: LaunchFiles;
  log: Logger;
}

/** Every head manifest evaluated against its base, as one report. An unreadable base never fails the gate. */
export async function evaluateAll(run: Run): Promise<Report> {
  if (!run.base) return buildReport(await withUnreadConfigs(run, await evaluateManifests(run, null), null));
  try {
    return buildReport(await withUnreadConfigs(run, await evaluateManifests(run, run.base), run.base.commit ?? null));
  } catch (err) {
    if (!(err instanceof BaseUnavailable)) throw err;
    run.log.notice(`${run.base.name} cannot be read (${err.reason}): the report is made without a comparison.`);
    const notice: BaseNotice = { rule: "base/unavailable", message: `${err.message}; no comparison is made` };
    const reports = (await evaluateManifests(run, null)).map((r) => withNotice(r, notice));
    return buildReport(await withUnreadConfigs(run, reports, null));
  }
}

/**
 * The reports with a warning on each launch config no entry reads: those the change touches when the base is a
 * commit, else those in the folders of manifests that read or ignore configs.
 */
async function withUnreadConfigs(run: Run, reports: ManifestReport[], commit: BaseSide["commit"] | null): Promise<ManifestReport[]> {
  const files = run.launchFiles;
  if (!files) return reports;
  const uses: { at: number; use: ConfigUse }[] = [];
  reports.forEach((r, at) => {
    const use = configUse(r);
    if (use) uses.push({ at, use });
  });
  // With the change's files to hand, every manifest is checked: a team that reads no config yet is the one whose
  // edited SkyPilot task would pass unseen. Else only manifests that read or ignore configs opt in to the scan of
  // their folders; the others make no request and read no file for it.
  const optedIn = uses.some(({ use }) => use.read.size > 0 || use.ignore.length > 0);
  if (uses.length === 0 || !(optedIn || commit?.changesFrom)) return reports;
  const [{ unreadConfigs }, { recogniseLaunchFormat }] = await Promise.all([import("./launch/unread.js"), import("./launch/index.js")]);
  const scopes = uses.map((u) => u.use);
  let changed: string[] | null = null;
  if (commit) {
    // A list that costs a request is asked for only when the head holds a config no entry reads: else none of the
    // change's files can be one, and the run keeps its usual requests.
    let candidates: Set<string> | null = null;
    if (commit.changesFrom === "request" && !optedIn) {
      const present = await unreadConfigs(files, "repository", scopes, recogniseLaunchFormat);
      if (present.length === 0) return reports;
      if (present.every((f) => f.path !== null)) candidates = new Set(present.map((f) => f.path!));
    }
    changed = [];
    for (const c of await commit.changes()) {
      const path = files.repoPath(c.path);
      if (c.status !== "removed" && (!candidates || candidates.has(path))) changed.push(path);
    }
    if (changed.length === 0) return reports;
  }
  const found = await unreadConfigs(files, changed ?? "folders", scopes, recogniseLaunchFormat);
  const added = new Map<number, Finding[]>();
  for (const { use, finding } of found) {
    const at = uses[use]!.at;
    added.set(at, [...(added.get(at) ?? []), finding]);
  }
  return reports.map((r, at) => {
    const more = added.get(at);
    if (!more) return r;
    const findings = capFindings(sortFindings([...r.findings, ...more]));
    return { ...r, findings, verdict: verdictOf(findings) };
  });
}

const NONE: Comparison = { base: null, notice: null };

async function evaluateManifests(run: Run, base: BaseSide | null): Promise<ManifestReport[]> {
  const order = [...run.paths];
  const heads = new Map<string, ManifestSource>();
  const unreadable = new Map<string, SourceError>();
  const comparisons = new Map<string, Comparison>();
  for (const path of order) {
    try {
      heads.set(path, run.readHead(path));
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      unreadable.set(path, err);
    }
  }
  for (const [path, head] of heads) comparisons.set(path, base ? await base.compare(path, head) : NONE);

  // Manifests only the base has: a named one the head lacks, and those a pattern matches only at the base.
  const gone = new Map<string, ManifestSource>();
  const commit = base?.commit;
  if (commit) {
    for (const path of unreadable.keys()) {
      const source = await commit.source(path);
      if (source) gone.set(path, source);
    }
    const globs = run.globs ?? [];
    if (globs.length > 0) {
      for (const path of await commit.files()) {
        if (heads.has(path) || unreadable.has(path) || !globs.some((g) => g.test(path))) continue;
        const source = await commit.source(path);
        if (source) gone.set(path, source);
      }
    }
  }

  // A moved manifest is compared with its old path, wherever it went, so that its budgets still apply. Only a change
  // that leaves a manifest of the base out of the head can have moved one; the files it touched are read only then.
  if (commit && gone.size > 0) {
    const added = [...heads].filter(([path]) => comparisons.get(path)!.base === null);
    const compared = new Set([...heads.keys()].filter((path) => comparisons.get(path)!.base !== null));
    const sides = (list: [string, ManifestSource][]) => Promise.all(list.map(async ([path, s]): Promise<Side> => ({ path, project: await projectOf(s) })));
    const pairs = pairMoves(await sides([...gone]), await sides(added), await commit.changes(), compared);
    for (const [from, to] of pairs) {
      if (!heads.has(to)) {
        try {
          heads.set(to, run.readHead(to));
        } catch (err) {
          if (!(err instanceof SourceError)) throw err;
          continue;
        }
        // In the place of the named manifest it was, else after the others.
        const named = order.indexOf(from);
        if (named >= 0) order[named] = to;
        else order.push(to);
      } else if (order.includes(from)) order.splice(order.indexOf(from), 1);
      comparisons.set(to, { base: gone.get(from)!, notice: movedFrom(from) });
      gone.delete(from);
    }
  }

  const reports: ManifestReport[] = [];
  const removed = async (path: string) => {
    const source = gone.get(path);
    gone.delete(path);
    return source ? await evaluateRemoved(source, path) : null;
  };
  for (const path of order) {
    const head = heads.get(path);
    if (head) {
      const c = comparisons.get(path)!;
      const report = await evaluate(head, c.base);
      reports.push(c.notice ? withNotice(report, c.notice) : report);
      continue;
    }
    // A named manifest the change deleted is a removal; a missing one is reported like any other problem, so that
    // the JSON report is still written.
    const err = unreadable.get(path)!;
    reports.push((await removed(path)) ?? unreadableManifest(err.path ?? path, err.message));
  }
  for (const path of [...gone.keys()]) {
    const r = await removed(path);
    if (r) reports.push(r);
  }
  return reports;
}

/** The notice on a manifest compared with the base at the path it was moved from. */
export const movedFrom = (path: string): BaseNotice => ({
  rule: "base/manifest-moved",
  message: `moved from \`${path}\` by this change: compared with the base manifest there`,
});

/** The manifest's `project`, to pair a move whose text changed too much for rename detection. */
async function projectOf(source: ManifestSource): Promise<string | null> {
  const parsed = await parseManifest(source.text, source.path);
  const project = parsed.manifest?.project ?? (parsed.data as { project?: unknown } | undefined)?.project;
  return typeof project === "string" ? project : null;
}

/** The report with a notice on its comparison, shown with the findings. */
function withNotice(r: ManifestReport, notice: BaseNotice): ManifestReport {
  if (r.status === "unevaluated") return r;
  return withConfigUse(r, {
    ...r,
    findings: sortFindings([...r.findings, { rule: notice.rule, severity: "notice", message: notice.message, file: r.path, line: 1, column: 1 }]),
  });
}
