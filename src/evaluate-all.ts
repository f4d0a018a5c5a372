// The one run of the gate behind both entry points (docs/cli.md, docs/action.md): read the head manifests,
// evaluate each against its base, make one report. The entry points differ only in what they inject: how a head
// manifest is read (the CLI's paths, the action's workspace), where the base comes from (a file, a git ref, a
// commit read by git or the REST API) and where messages go.
import { configUse, evaluate, evaluateRemoved, unreadableManifest, withConfigUse } from "./evaluate.js";
import { capFindings, sortFindings, verdictOf, type Finding, type Rule } from "./findings.js";
import type { ConfigUse, LaunchFiles } from "./launch/unread.js";
import { BaseUnavailable, type ManifestSource } from "./manifest/source.js";
import { buildReport, type ManifestReport, type Report } from "./report.js";
import { SourceError } from "./sources.js";

/** Where the run's messages go: the terminal, or the action's log. */
export interface Logger {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

/** A notice on a manifest judged without a comparison, saying why (never gating). */
export interface BaseNotice {
  rule: Extract<Rule, `base/${string}`>;
  message: string;
}

/** The base a head manifest is compared with: its source, or none and the notice that says why. */
export type Comparison = { base: ManifestSource } | { base: null; notice: BaseNotice | null };

export interface BaseSide {
  /** How messages name the base ("The base commit 0123456789ab"). */
  name: string;
  /** The base of the head manifest `head`, read from `path`. Throws BaseUnavailable when the base cannot be read at
   *  all: the whole report is then made without a comparison. */
  compare(path: string, head: ManifestSource): Promise<Comparison>;
  /** The base's own manifests, for a comparison of commits: a named manifest missing from the head, or one a glob
   *  matches only at the base, was removed by the change. Absent when the base is a single file or ref per path. */
  removals?: {
    source(path: string): Promise<ManifestSource | null>;
    /** Every file path at the base. */
    files(): Promise<string[]>;
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
  /** The head's files, for launch configs that no entry reads; absent: no such check (a single base file, tests). */
  launchFiles?: LaunchFiles;
  log: Logger;
}

/** Every head manifest evaluated against its base, as one report. An unreadable base never fails the gate. */
export async function evaluateAll(run: Run): Promise<Report> {
  if (!run.base) return buildReport(await withUnreadConfigs(run, await evaluateManifests(run, null), false));
  try {
    return buildReport(await withUnreadConfigs(run, await evaluateManifests(run, run.base), true));
  } catch (err) {
    if (!(err instanceof BaseUnavailable)) throw err;
    run.log.notice(`${run.base.name} cannot be read (${err.reason}): the report is made without a comparison.`);
    const notice: BaseNotice = { rule: "base/unavailable", message: `${err.message}; no comparison is made` };
    return buildReport(
      await withUnreadConfigs(
        run,
        (await evaluateManifests(run, null)).map((r) => withNotice(r, notice)),
        false,
      ),
    );
  }
}

/**
 * The reports with a warning on each launch config no entry reads: those the change touches when there is a base,
 * else those in the repository (only for manifests that read or ignore configs, so others do no extra work).
 */
async function withUnreadConfigs(run: Run, reports: ManifestReport[], compared: boolean): Promise<ManifestReport[]> {
  const files = run.launchFiles;
  if (!files) return reports;
  const uses: { at: number; use: ConfigUse }[] = [];
  reports.forEach((r, at) => {
    const use = configUse(r);
    if (use) uses.push({ at, use });
  });
  if (uses.length === 0) return reports;
  const changed = compared ? await files.changed() : null;
  if (changed === null && !uses.some(({ use }) => use.read.size > 0 || use.ignore.length > 0)) return reports;
  if (changed !== null && changed.length === 0) return reports;
  const [{ unreadConfigs }, { recogniseLaunchFormat }] = await Promise.all([import("./launch/unread.js"), import("./launch/index.js")]);
  const found = await unreadConfigs(
    files,
    changed,
    uses.map((u) => u.use),
    recogniseLaunchFormat,
  );
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

async function evaluateManifests(run: Run, base: BaseSide | null): Promise<ManifestReport[]> {
  const reports: ManifestReport[] = [];
  for (const path of run.paths) {
    let head: ManifestSource;
    try {
      head = run.readHead(path);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      // A named manifest the change deleted is a removal, not an error.
      const removed = base?.removals ? await base.removals.source(path) : null;
      const r = removed ? await evaluateRemoved(removed, path) : null;
      // A missing manifest is reported like any other problem, so that the JSON report is still written.
      reports.push(r ?? unreadableManifest(err.path ?? path, err.message));
      continue;
    }
    const c: Comparison = base ? await base.compare(path, head) : { base: null, notice: null };
    const report = await evaluate(head, c.base);
    reports.push(c.base === null && c.notice ? withNotice(report, c.notice) : report);
  }
  // Manifests matched by a glob only at the base were removed by the change.
  const globs = run.globs ?? [];
  if (base?.removals && globs.length > 0) {
    const head = new Set(run.paths);
    for (const path of (await base.removals.files()).filter((p) => !head.has(p) && globs.some((g) => g.test(p)))) {
      const source = await base.removals.source(path);
      const r = source ? await evaluateRemoved(source, path) : null;
      if (r) reports.push(r);
    }
  }
  return reports;
}

/** The report with the reason it has no comparison, as a notice shown with the findings. */
function withNotice(r: ManifestReport, notice: BaseNotice): ManifestReport {
  if (r.status === "unevaluated") return r;
  return withConfigUse(r, {
    ...r,
    findings: sortFindings([...r.findings, { rule: notice.rule, severity: "notice", message: notice.message, file: r.path, line: 1, column: 1 }]),
  });
}
