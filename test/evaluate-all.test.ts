// evaluateAll, the one run behind the CLI and the action, with its readers and logger injected (README: The CLI,
// The GitHub Action): comparisons, removals, an unreadable head or base.
import { describe, expect, it } from "vitest";
import { evaluateAll, type BaseSide, type Logger } from "../src/evaluate-all.js";
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
function commit(tree: Record<string, string>, broken: string | null = null): BaseSide {
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
    removals: { source: read, files: async () => Object.keys(tree) },
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
      base: commit({ "a/footprint.yml": manifest(10), "c/footprint.yml": manifest(5) }),
      globs: [/^[^/]+\/footprint\.yml$/],
      log,
    });
    expect(report.manifests.map((m) => [m.path, m.status, m.delta?.energy_pct ?? null])).toEqual([
      ["a/footprint.yml", "evaluated", 100],
      ["b/footprint.yml", "evaluated", null],
      ["c/footprint.yml", "removed", -100],
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
      ["gone.yml", "removed", []],
      ["typo.yml", "unevaluated", ["manifest/unreadable"]],
    ]);
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
