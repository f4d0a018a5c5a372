// Links from findings to manifest lines in the GitLab note: the head commit's lines, and a removed manifest's at the
// base commit, which is linked only when it is a commit (a ref such as origin/main is no path segment GitLab knows).
import { describe, expect, it } from "vitest";
import { evaluateRemoved } from "../src/evaluate.js";
import { noteBody, type MergeRequest } from "../src/gitlab/comment.js";
import { buildReport } from "../src/report.js";
import { source } from "./helpers.js";

const MANIFEST = "version: 1\nproject: p\ndefaults: { location: FR }\ntraining:\n  - { id: a, accelerator: nvidia-h100-sxm, count: 8, hours: 10 }\n";
const HEAD = "a".repeat(40);
const BASE = "b".repeat(40);
const mr: MergeRequest = {
  api: "https://gitlab.example/api/v4",
  projectId: "1",
  mrIid: 2,
  token: "t",
  mrProjectUrl: null,
  projectUrl: "https://gitlab.example/g/p",
  sha: HEAD,
  projectDir: process.cwd(),
  jobUrl: null,
};

describe("links to a removed manifest's line in the GitLab note", () => {
  it("point at the base commit, and are left out for a base named by a ref", async () => {
    const removed = (await evaluateRemoved(source(MANIFEST, {}, "ml/footprint.yml"), "ml/footprint.yml"))!;
    const report = buildReport([removed]);
    expect(noteBody(report, mr, BASE).body).toContain(`(https://gitlab.example/g/p/-/blob/${BASE}/ml/footprint.yml#L1)`);
    const byRef = noteBody(report, mr, "origin/main").body;
    expect(byRef).toContain("base/manifest-removed");
    expect(byRef).not.toContain("/-/blob/");
  });
});
