// evaluateAll, the one run behind the CLI and the action, with its readers and logger injected (README: The CLI,
// The GitHub Action): comparisons, removals, an unreadable head or base.
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChangedFile } from "../src/change/files.js";
import { evaluateAll, type BaseSide, type Logger } from "../src/evaluate-all.js";
import type { LaunchFiles } from "../src/launch/unread.js";
import { BaseUnavailable, type ManifestSource } from "../src/manifest/source.js";
import { SourceError } from "../src/sources.js";

const manifest = (hours: number) =>
  `version: 1\nproject: p\ntraining:\n  - { id: a, accelerator: nvidia-l4, count: 1, hours: ${hours}, location: aws:us-east-1 }\n`;

function source(path: string, text: string): ManifestSource {
  return { path, text, readRelative: async () => null, exists: async () => false };
}

function files(tree: Record<string, string>): (path: string) => ManifestSource {
  return (path) => {
    const text = tree[path];
    if (text === undefined) throw new SourceError("the manifest does not exist", path);
    return source(path, text);
  };
}

/** A base commit holding `tree`; reading `broken` throws BaseUnavailable, as an API error after retries does. */
function commit(tree: Record<string, string>, broken: string | null = null, changes: ChangedFile[] = []): BaseSide {
  const read = async (path: string) => {
    if (path === broken) throw new BaseUnavailable("HTTP 500");
    return tree[path] === undefined ? null : source(`${path}@base`, tree[path]);
  };
  return {
    name: "The base commit 0123456789ab",
    compare: async (path) => {
      const base = await read(path);
      return base ? { base } : { base: null, notice: null };
    },
    commit: { source: read, files: async () => Object.keys(tree), changes: async () => changes, changesFrom: "git" },
  };
}

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), notice: (m) => lines.push(`notice ${m}`), warning: (m) => lines.push(`warning ${m}`) };
}

describe("evaluateAll", () => {
  it("compares each head manifest with its base and reports the manifests a glob matches only at the base as removed", async () => {
    const log = logger();
    const report = await evaluateAll({
      paths: ["a/footprint.yml", "b/footprint.yml"],
      readHead: files({ "a/footprint.yml": manifest(20), "b/footprint.yml": manifest(10) }),
      base: commit({ "a/footprint.yml": manifest(10), "c/footprint.yml": manifest(5).replace("project: p", "project: c") }),
      globs: [/^[^/]+\/footprint\.yml$/],
      log,
    });
    expect(report.manifests.map((m) => [m.path, m.status, m.delta?.energy_pct ?? null, m.verdict])).toEqual([
      ["a/footprint.yml", "evaluated", 100, "pass"],
      ["b/footprint.yml", "evaluated", null, "pass"],
      ["c/footprint.yml", "removed", -100, "warn"],
    ]);
    expect(log.lines).toEqual([]);
  });

  it("a named manifest missing from the head is removed when the base has it, and unreadable when it does not", async () => {
    const report = await evaluateAll({
      paths: ["gone.yml", "typo.yml"],
      readHead: files({}),
      base: commit({ "gone.yml": manifest(10) }),
      log: logger(),
    });
    expect(report.manifests.map((m) => [m.path, m.status, m.findings.map((f) => f.rule)])).toEqual([
      ["gone.yml", "removed", ["base/manifest-removed"]],
      ["typo.yml", "unevaluated", ["manifest/unreadable"]],
    ]);
  });

  it("a removed manifest's warning names what the base declared", async () => {
    const report = await evaluateAll({ paths: ["gone.yml"], readHead: files({}), base: commit({ "gone.yml": manifest(10) }), log: logger() });
    expect(report.verdict).toBe("warn");
    expect(report.manifests[0]!.findings).toEqual([
      {
        rule: "base/manifest-removed",
        severity: "warning",
        message:
          "this change deletes the manifest: the base declared project `p` with 1 entry (`a`), 817 Wh and 358 g CO2e, whose budgets no longer apply; " +
          "keep the manifest, or move it (its budgets follow a moved manifest)",
        file: "gone.yml",
        line: 1,
        column: 1,
      },
    ]);
  });

  describe("a moved manifest is compared with its old path", () => {
    const moved = (status: ChangedFile["status"], path: string, previous_path: string | null = null): ChangedFile => ({ path, status, previous_path });

    it("a rename within the patterns: the new path against the old one, no removal, the change of energy is the move's", async () => {
      const report = await evaluateAll({
        paths: ["new/footprint.yml"],
        readHead: files({ "new/footprint.yml": manifest(100) }),
        base: commit({ "old/footprint.yml": manifest(10) }, null, [moved("renamed", "new/footprint.yml", "old/footprint.yml")]),
        globs: [/^[^/]+\/footprint\.yml$/],
        log: logger(),
      });
      expect(report.manifests.map((m) => [m.path, m.status, m.base?.path, Math.round(m.delta!.energy_pct!)])).toEqual([
        ["new/footprint.yml", "evaluated", "old/footprint.yml@base", 900],
      ]);
      expect(report.manifests[0]!.findings.map((f) => [f.rule, f.message])).toEqual([
        ["base/manifest-moved", "moved from `old/footprint.yml` by this change: compared with the base manifest there"],
      ]);
    });

    it("a named manifest renamed anywhere is followed there, in its place in the report", async () => {
      const report = await evaluateAll({
        paths: ["first.yml", "footprint.yml"],
        readHead: files({ "first.yml": manifest(1), "models/footprint.yml": manifest(100) }),
        base: commit({ "first.yml": manifest(1), "footprint.yml": manifest(10) }, null, [moved("renamed", "models/footprint.yml", "footprint.yml")]),
        log: logger(),
      });
      expect(report.manifests.map((m) => [m.path, m.status, Math.round(m.delta!.energy_pct!)])).toEqual([
        ["first.yml", "evaluated", 0],
        ["models/footprint.yml", "evaluated", 900],
      ]);
    });

    it("a move that changed the text too much for rename detection is paired by its project, when only one manifest on each side has it", async () => {
      const other = (hours: number) => manifest(hours).replace("project: p", "project: q");
      const report = await evaluateAll({
        paths: ["x/footprint.yml", "y/footprint.yml"],
        readHead: files({ "x/footprint.yml": manifest(100), "y/footprint.yml": manifest(5).replace("project: p", "project: r") }),
        base: commit({ "a/footprint.yml": manifest(10), "b/footprint.yml": other(3) }, null, [
          moved("added", "x/footprint.yml"),
          moved("added", "y/footprint.yml"),
          moved("removed", "a/footprint.yml"),
          moved("removed", "b/footprint.yml"),
        ]),
        globs: [/^[^/]+\/footprint\.yml$/],
        log: logger(),
      });
      expect(report.manifests.map((m) => [m.path, m.status, m.base?.path ?? null])).toEqual([
        ["x/footprint.yml", "evaluated", "a/footprint.yml@base"],
        ["y/footprint.yml", "evaluated", null],
        ["b/footprint.yml", "removed", "b/footprint.yml@base"],
      ]);
    });

    it("the changed files are not asked for when no base manifest is missing from the head", async () => {
      let asked = 0;
      const base = commit({ "a.yml": manifest(10) });
      const report = await evaluateAll({
        paths: ["a.yml", "new.yml"],
        readHead: files({ "a.yml": manifest(10), "new.yml": manifest(1) }),
        base: { ...base, commit: { ...base.commit!, changes: async () => (asked++, []) } },
        log: logger(),
      });
      expect(report.manifests.map((m) => m.status)).toEqual(["evaluated", "evaluated"]);
      expect(asked).toBe(0);
    });
  });

  it("a base that cannot be read, at any manifest, leaves the whole report without a comparison, with a notice on each manifest and in the log", async () => {
    const log = logger();
    const report = await evaluateAll({
      paths: ["a.yml", "b.yml"],
      readHead: files({ "a.yml": manifest(20), "b.yml": manifest(10) }),
      base: commit({ "a.yml": manifest(10), "b.yml": manifest(10) }, "b.yml"),
      log,
    });
    for (const m of report.manifests) {
      expect(m.base).toBeNull();
      expect(m.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
        ["base/unavailable", "notice", "the base commit cannot be read (HTTP 500); no comparison is made"],
      ]);
    }
    expect(log.lines).toEqual(["notice The base commit 0123456789ab cannot be read (HTTP 500): the report is made without a comparison."]);
  });

  describe("launch configs no entry reads", () => {
    const sky = "resources:\n  accelerators: H100:16\nrun: python train.py\n";
    const repoFiles = (tree: Record<string, string>, reads: string[]): LaunchFiles => ({
      repoPath: (p) => p,
      present: () => ({ paths: Object.keys(tree), truncated: null }),
      read: async (p) => (reads.push(p), tree[p] ?? null),
      display: (p) => p,
    });
    /** A head manifest at the repository's root, reading no config. */
    const head = (): ManifestSource => ({ ...source("footprint.yml", manifest(10)), repoPath: (rel) => posix.normalize(rel) });
    const run = (base: BaseSide, reads: string[]) =>
      evaluateAll({ paths: ["footprint.yml"], readHead: head, base, launchFiles: repoFiles({ "sky/train.yaml": sky }, reads), log: logger() });

    it("are checked for every manifest when the change's files are known, also one that reads none yet", async () => {
      const reads: string[] = [];
      const base = commit({ "footprint.yml": manifest(10) }, null, [{ path: "sky/train.yaml", status: "modified", previous_path: null }]);
      const report = await run(base, reads);
      expect(reads).toEqual(["sky/train.yaml"]);
      expect(report.manifests[0]!.findings.map((f) => [f.rule, f.file])).toEqual([["config/unread", "sky/train.yaml"]]);
      expect(report.verdict).toBe("warn");
    });

    it("cost a request for the change's files only when the head holds a config no entry reads", async () => {
      const touched: ChangedFile[] = [{ path: "sky/train.yaml", status: "modified", previous_path: null }];
      const run2 = async (tree: Record<string, string>, changes: ChangedFile[]) => {
        let asked = 0;
        const base = commit({ "footprint.yml": manifest(10) });
        const report = await evaluateAll({
          paths: ["footprint.yml"],
          readHead: head,
          base: { ...base, commit: { ...base.commit!, changes: async () => (asked++, changes), changesFrom: "request" } },
          launchFiles: repoFiles(tree, []),
          log: logger(),
        });
        return [asked, report.manifests[0]!.findings.map((f) => `${f.rule} ${f.file} ${f.message.slice(0, 44)}`)];
      };
      expect(await run2({ "README.md": "# p\n" }, touched)).toEqual([0, []]);
      expect(await run2({ "sky/train.yaml": sky }, [])).toEqual([1, []]);
      expect(await run2({ "sky/train.yaml": sky, "sky/eval.yaml": sky }, touched)).toEqual([
        1,
        ["config/unread sky/train.yaml a SkyPilot launch config changed by this cha"],
      ]);
    });

    it("are not looked for when the change's files are not known and no manifest reads or ignores configs", async () => {
      const reads: string[] = [];
      let asked = 0;
      const base = commit({ "footprint.yml": manifest(10) });
      const report = await run({ ...base, commit: { ...base.commit!, changes: async () => (asked++, []), changesFrom: null } }, reads);
      expect([asked, reads, report.verdict]).toEqual([0, [], "pass"]);
      const scan = await evaluateAll({
        paths: ["footprint.yml"],
        readHead: head,
        base: null,
        launchFiles: repoFiles({ "sky/train.yaml": sky }, reads),
        log: logger(),
      });
      expect([reads, scan.verdict]).toEqual([[], "pass"]);
    });
  });

  it("a comparison the base side declines carries its notice; a manifest that cannot be evaluated carries none", async () => {
    const report = await evaluateAll({
      paths: ["new.yml", "bad.yml"],
      readHead: files({ "new.yml": manifest(10), "bad.yml": "version: 1\nproject: p\ntraining: 3\n" }),
      base: { name: "--base-ref main", compare: async () => ({ base: null, notice: { rule: "base/new-manifest", message: "new manifest" } }) },
      log: logger(),
    });
    expect(report.manifests.map((m) => m.findings.map((f) => f.rule))).toEqual([["base/new-manifest"], ["manifest/invalid"]]);
  });
});
