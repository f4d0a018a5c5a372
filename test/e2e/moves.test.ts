// A pull request cannot step around the gate by moving or deleting a manifest (docs/action.md, "Moved and removed
// manifests"): the bundled action against the fake GitHub, with the base read over REST (a shallow checkout) and by
// git, with `manifest: '**/footprint.yml'` and with the default. Every REST request is checked against the OpenAPI
// description.
import { describe, expect, it } from "vitest";
import type { RecordedRequest } from "./fake-github.js";
import { loadOpenApi } from "./openapi.js";
import { pullRequest } from "./payloads.js";
import { BASE_SHA, HEAD_SHA, demoManifest, gitWorkspace, runAction, serveFakeGitHub, workspace, type RunOptions, type RunResult } from "./runner.js";

const server = serveFakeGitHub();
const runs: RunResult[] = [];

async function run(o: Omit<RunOptions, "server" | "eventName" | "payload"> & { baseSha?: string }): Promise<RunResult> {
  const r = await runAction({ server, eventName: "pull_request", payload: pullRequest({ baseSha: o.baseSha ?? BASE_SHA }), ...o });
  runs.push(r);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r;
}

const PR = 12;
/** The demo manifest with an increase budget: more than 50 % over the base's energy fails the gate. */
const manifest = (hours: number, project = "chat") => `${demoManifest({ hours, project })}  increase_pct: 50\n`;
const routes = (r: RunResult) => r.requests.map((q) => q.route);
const comment = (r: RunResult) => ((r.requests.find((q) => q.route === "create-comment")?.body ?? { body: "" }) as { body: string }).body;
const warnings = (r: RunResult) => r.annotations.filter((a) => a.level === "warning");

/** A move with ten times the hours: judged against the old path, so the increase budget fails it. */
function expectMoveJudged(r: RunResult, from: string, to: string): void {
  expect(r.code, r.stdout).toBe(1);
  expect(r.outputs).toMatchObject({ verdict: "fail", "energy-kwh": "616", "delta-energy-kwh": "554.4", "delta-energy-pct": "900" });
  expect(r.annotations.filter((a) => a.level === "error" && a.title).map((a) => a.title)).toEqual(["footprint-gate budget/increase"]);
  expect(r.annotations).toContainEqual(
    expect.objectContaining({ level: "notice", file: to, message: `moved from \`${from}\` by this change: compared with the base manifest there` }),
  );
  const body = comment(r);
  expect(body).toContain("## 🌱 footprint-gate: ❌ fail\n");
  expect(body).toMatch(/^\*\*chat\*\*: energy 61\.6\skWh → 616\skWh \(\*\*\+900\s%\*\*\)/m);
  expect(body).not.toContain("−100");
  expect(body).not.toContain("removed by this change");
  const report = JSON.parse(r.reportText!) as { manifests: { path: string; base: { path: string } }[] };
  expect(report.manifests.map((m) => [m.path, m.base.path])).toEqual([[to, expect.stringMatching(new RegExp(`^${from.replace(/[.]/g, "\\.")}@`))]]);
}

describe("a moved manifest is compared with its old path, and its budgets apply", () => {
  it("**/footprint.yml, base over REST: the pull request's renamed file pairs the paths (one request for the files)", async () => {
    server.setCommit(BASE_SHA, { "models/chat/footprint.yml": manifest(10) });
    server.pullFiles.set(PR, [{ filename: "serving/chat/footprint.yml", status: "renamed", previous_filename: "models/chat/footprint.yml" }]);
    const ws = workspace({ "serving/chat/footprint.yml": manifest(100) });
    const r = await run({ workspace: ws, inputs: { manifest: "**/footprint.yml" } });
    expectMoveJudged(r, "models/chat/footprint.yml", "serving/chat/footprint.yml");
    expect(routes(r)).toEqual(["get-content", "get-tree", "get-content", "list-pull-files", "list-comments", "create-comment"]);
  });

  it("the default manifest, base over REST: footprint.yml moved elsewhere is followed to its new path", async () => {
    server.setCommit(BASE_SHA, { "footprint.yml": manifest(10) });
    server.pullFiles.set(PR, [{ filename: "ml/footprint.yml", status: "renamed", previous_filename: "footprint.yml" }]);
    const r = await run({ workspace: workspace({ "ml/footprint.yml": manifest(100) }) });
    expectMoveJudged(r, "footprint.yml", "ml/footprint.yml");
  });

  it("**/footprint.yml, base in the git checkout: git's rename detection pairs them, no API request for files", async () => {
    const { dir, baseSha } = gitWorkspace({ "a/footprint.yml": manifest(10) }, { "b/footprint.yml": manifest(100) });
    const r = await run({ workspace: dir, baseSha, inputs: { manifest: "**/footprint.yml" } });
    expectMoveJudged(r, "a/footprint.yml", "b/footprint.yml");
    expect(routes(r)).toEqual(["list-comments", "create-comment"]);
  });

  it("the default manifest in git, moved and rewritten beyond rename detection: paired by its project", async () => {
    const rewritten = `${manifest(100)}# ${"padding that makes the texts too different for git to call it a rename. ".repeat(20)}\n`;
    const { dir, baseSha } = gitWorkspace({ "footprint.yml": manifest(10) }, { "ml/footprint.yml": rewritten });
    const r = await run({ workspace: dir, baseSha, inputs: { manifest: "footprint.yml, ml/footprint.yml" } });
    expectMoveJudged(r, "footprint.yml", "ml/footprint.yml");
  });
});

describe("a deleted manifest is a warning shown with the first findings", () => {
  it("**/footprint.yml over REST: base/manifest-removed names the project, comment-on: failure comments, fail-on: warning fails", async () => {
    server.setCommit(BASE_SHA, { "a/footprint.yml": manifest(10, "kept"), "b/footprint.yml": manifest(10, "dropped") });
    server.pullFiles.set(PR, [{ filename: "b/footprint.yml", status: "removed" }]);
    const ws = workspace({ "a/footprint.yml": manifest(10, "kept") });
    const r = await run({ workspace: ws, inputs: { manifest: "**/footprint.yml", "comment-on": "failure", "fail-on": "warning" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs).toMatchObject({ verdict: "warn", "energy-kwh": "61.6", "delta-energy-kwh": "-61.6", "delta-energy-pct": "-50" });
    expect(warnings(r)).toEqual([
      expect.objectContaining({
        file: "b/footprint.yml",
        title: "footprint-gate base/manifest-removed",
        message: expect.stringMatching(
          /^this change deletes the manifest: the base declared project `dropped` with 1 entry \(`train-a`\), 61\.6 kWh/,
        ) as unknown,
      }),
    ]);
    const body = comment(r);
    expect(body).toMatch(/^## 🌱 footprint-gate: ⚠️ warn/m);
    // Among the first findings, before the tables and the details.
    expect(body.indexOf("base/manifest-removed")).toBeGreaterThan(0);
    expect(body.indexOf("base/manifest-removed")).toBeLessThan(body.indexOf("<details"));
    // The removed manifest's line exists at the base commit only; a kept manifest's links stay at the head.
    expect(body).toContain(`[b/footprint\\.yml:1](https://github.com/octo-org/octo-repo/blob/${BASE_SHA}/b/footprint.yml#L1)`);
    expect(body).not.toContain(`blob/${HEAD_SHA}/b/footprint.yml`);
  });

  it("the default manifest deleted in git: the warning, and fail-on: warning fails", async () => {
    const { dir, baseSha } = gitWorkspace({ "footprint.yml": manifest(10), "README.md": "hi\n" }, { "README.md": "hi\n" });
    const r = await run({ workspace: dir, baseSha, inputs: { "fail-on": "warning" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs).toMatchObject({ verdict: "warn", "energy-kwh": "0", "delta-energy-pct": "-100" });
    expect(warnings(r).map((a) => [a.file, a.title])).toEqual([["footprint.yml", "footprint-gate base/manifest-removed"]]);
  });

  it("with the default fail-on, the deletion is shown but does not fail the step", async () => {
    server.setCommit(BASE_SHA, { "footprint.yml": manifest(10) });
    const r = await run({ workspace: workspace({ "README.md": "hi\n" }) });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["get-content", "list-pull-files", "list-comments", "create-comment"]);
    expect(comment(r)).toContain("base/manifest-removed");
  });
});

describe("across every scenario above", () => {
  it("every REST request matches GitHub's OpenAPI description", () => {
    const api = loadOpenApi("api.github.com");
    const problems = runs.flatMap((r) => r.requests.flatMap((q: RecordedRequest) => api.problems(q)));
    expect(runs.flatMap((r) => r.requests).filter((q) => q.route === "list-pull-files").length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
