// What decides the PR comment's writes: the report digest (what the comment shows) and comment-on.
import { describe, expect, it } from "vitest";
import { reportDigest } from "../src/digest.js";
import { evaluate, evaluateRemoved } from "../src/evaluate.js";
import type { ManifestSource } from "../src/manifest/source.js";
import { wantsComment } from "../src/github/comment.js";
import { buildReport, type Report } from "../src/report.js";
import { demoManifest } from "./e2e/runner.js";

const source = (text: string, path = "footprint.yml"): ManifestSource => ({ path, text, readRelative: async () => null, exists: async () => false });

const manifest = demoManifest;

async function report(head: string, base: string | null, basePath = "footprint.yml@bbbbbbb"): Promise<Report> {
  return buildReport([await evaluate(source(head), base === null ? null : source(base, basePath))]);
}

describe("the report digest", () => {
  it("is the same for the same figures, whatever the base commit in the base's name or the findings' lines", async () => {
    const a = await report(manifest({ budget: 50 }), manifest(), "footprint.yml@1111111");
    const b = await report(manifest({ budget: 50, comment: "a comment line moves the budget finding down" }), manifest(), "footprint.yml@2222222");
    expect(a.manifests[0]!.findings[0]!.line).not.toBe(b.manifests[0]!.findings[0]!.line);
    expect(a.manifests[0]!.base!.path).toBe("footprint.yml@1111111");
    expect(reportDigest(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(reportDigest(b)).toBe(reportDigest(a));
  });

  it("changes with a figure, a finding or the verdict", async () => {
    const base = await report(manifest(), manifest());
    expect(reportDigest(await report(manifest({ hours: 11 }), manifest()))).not.toBe(reportDigest(base));
    expect(reportDigest(await report(manifest({ budget: 50 }), manifest()))).not.toBe(reportDigest(base));
    expect(reportDigest(await report(manifest(), null))).not.toBe(reportDigest(base));
  });
});

describe("comment-on", () => {
  it("always: every report", async () => {
    expect(wantsComment(await report(manifest(), manifest()), "always").yes).toBe(true);
  });

  it("change: an entry changed, a manifest without a base or removed, or a warn/fail verdict; not an unchanged passing report", async () => {
    const unchanged = wantsComment(await report(manifest(), manifest()), "change");
    expect(unchanged.yes).toBe(false);
    expect(unchanged.why).toMatch(/no figure differs/);
    expect(wantsComment(await report(manifest({ hours: 11 }), manifest()), "change").yes).toBe(true);
    expect(wantsComment(await report(manifest(), null), "change").yes).toBe(true);
    const removed = await evaluateRemoved(source(manifest(), "old/footprint.yml@bbbbbbb"), "old/footprint.yml");
    expect(wantsComment(buildReport([(await report(manifest(), manifest())).manifests[0]!, removed!]), "change").yes).toBe(true);
    const failing = await report(manifest({ budget: 50 }), manifest({ budget: 50 }));
    expect(failing.verdict).toBe("fail");
    expect(wantsComment(failing, "change")).toEqual({ yes: true, why: "comment-on: change, verdict fail" });
  });

  it("failure: a warn or fail verdict only", async () => {
    expect(wantsComment(await report(manifest({ hours: 11 }), manifest()), "failure").yes).toBe(false);
    expect(wantsComment(await report(manifest({ budget: 50 }), manifest()), "failure").yes).toBe(true);
  });
});
