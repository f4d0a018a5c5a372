// The action end to end when GitHub is unhelpful: an unreadable base, another bot's comment carrying our marker,
// long rate-limit waits, and paths that could break links. Every request is checked against GitHub's OpenAPI.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rateLimitHandlers } from "../../src/github/client.js";
import { type FakeUser, type RecordedRequest } from "./fake-github.js";
import { loadOpenApi } from "./openapi.js";
import { pullRequest } from "./payloads.js";
import { render, renderedProblems, tags } from "./render.js";
import {
  BASE_SHA,
  gitWorkspace,
  HEAD_SHA,
  REPOSITORY,
  runAction,
  workspace,
  type RunOptions,
  type RunResult,
  serveFakeGitHub,
  demoManifest,
} from "./runner.js";

const runs: { scenario: string; result: RunResult }[] = [];
const server = serveFakeGitHub();

async function run(o: Omit<RunOptions, "server" | "eventName" | "payload"> & { payload?: unknown }): Promise<RunResult> {
  const result = await runAction({ server, eventName: "pull_request", payload: o.payload ?? pullRequest(), ...o });
  runs.push({ scenario: expect.getState().currentTestName ?? "?", result });
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.signal).toBeNull();
  return result;
}

const manifest = demoManifest;

const PR = 12;
const byRoute = (r: RunResult, route: RecordedRequest["route"], method?: string) =>
  r.requests.filter((q) => q.route === route && (!method || q.method === method));
const posts = (r: RunResult) => byRoute(r, "create-comment", "POST");
const patches = (r: RunResult) => byRoute(r, "update-comment", "PATCH");
const bodyOf = (q: RecordedRequest) => (q.body as { body: string }).body;
const notices = (r: RunResult) => r.annotations.filter((a) => a.level === "notice").map((a) => a.message);

/** The step passed on the head alone: no error, the summary and the comment written, neither with a comparison. */
function expectReportWithoutComparison(r: RunResult, reason: RegExp): void {
  expect(r.code, r.stdout).toBe(0);
  expect(r.annotations.filter((a) => a.level === "error")).toEqual([]);
  expect(notices(r)).toContainEqual(
    expect.stringMatching(new RegExp(`^The base commit ${BASE_SHA.slice(0, 12)} cannot be read \\(${reason.source}.*without a comparison`)),
  );
  expect(r.outputs).toMatchObject({ verdict: "pass", "delta-energy-kwh": "", "delta-energy-pct": "" });
  for (const md of [r.summary, bodyOf(posts(r)[0]!)]) {
    expect(md).toContain("## 🌱 footprint-gate: ✅ pass");
    expect(md).toContain("no base to compare with");
    expect(md).toMatch(/base\/unavailable.*the base commit cannot be read/);
    expect(md).not.toMatch(/kWh → /);
  }
  expect(server.commentsOn(PR)).toHaveLength(1);
}

describe("an unreadable base never fails the gate", () => {
  it("a 403 on the base manifest's contents (a token without contents: read): a notice, the summary and a comment without comparison", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 12 }) });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest({ hours: 10 }) });
    server.fail({ route: "get-content", status: 403, times: 100 });
    const r = await run({ workspace: ws });
    expectReportWithoutComparison(r, /HTTP 403: the token may lack the contents: read permission/);
    // 403 is not retried, and nothing more is asked of a base known to be unreadable.
    expect(byRoute(r, "get-content").map((q) => q.status)).toEqual([403]);
  });

  it("the base notice does not fail fail-on: warning", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.fail({ route: "get-content", status: 403, times: 100 });
    const r = await run({ workspace: ws, inputs: { "fail-on": "warning" } });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe("pass");
  });

  it("a 500 on every contents request: retried (bounded), then a notice and a report without comparison", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 12 }) });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest({ hours: 10 }) });
    server.fail({ route: "get-content", status: 500, times: 100 });
    const r = await run({ workspace: ws });
    expectReportWithoutComparison(r, /HTTP 500/);
    // The first request and three retries (1 + 4 + 9 s apart), once for the whole run.
    expect(byRoute(r, "get-content").map((q) => q.status)).toEqual([500, 500, 500, 500]);
  });

  it("a 403 on the base commit's git tree (manifest glob): no comparison rather than one missing the removed manifests", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 12 }) });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest({ hours: 10 }), "old/footprint.yml": manifest() });
    server.fail({ route: "get-tree", status: 403, times: 100 });
    const r = await run({ workspace: ws, inputs: { manifest: "**/footprint.yml" } });
    expectReportWithoutComparison(r, /HTTP 403/);
    expect(byRoute(r, "get-tree").map((q) => q.status)).toEqual([403]);
    expect(bodyOf(posts(r)[0]!)).not.toContain("removed by this change");
  });

  it("a rate limit on contents whose reset is an hour away: no wait, a warning, and a report without comparison", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest() });
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    server.fail({
      route: "get-content",
      status: 403,
      message: "API rate limit exceeded for installation ID 1.",
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
    });
    const r = await run({ workspace: ws });
    expectReportWithoutComparison(r, /HTTP 403: rate limited by the GitHub API/);
    expect(r.annotations.filter((a) => a.level === "warning").map((a) => a.message)).toEqual([
      expect.stringMatching(/^GitHub API rate limit on GET .*asks to wait \d+ s, but waits are capped at 60 s per run.*given up/),
    ]);
  });

  it("a git repository whose base blob is missing (a broken or partial clone) does not fail the step", async () => {
    const { dir, baseSha } = gitWorkspace({ "footprint.yml": manifest({ hours: 10 }) }, { "footprint.yml": manifest({ hours: 12 }) });
    const blob = execFileSync("git", ["rev-parse", `${baseSha}:footprint.yml`], { cwd: dir, encoding: "utf8" }).trim();
    rmSync(join(dir, ".git", "objects", blob.slice(0, 2), blob.slice(2)));
    const r = await run({ workspace: dir, payload: pullRequest({ baseSha }) });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: "pass", "delta-energy-kwh": "" });
    expect(posts(r)).toHaveLength(1);
  });
});

describe("whose sticky comment is ours", () => {
  const OTHER_BOT: FakeUser = { login: "other-app[bot]", id: 4242, type: "Bot" };

  async function ourMarker(ws: string): Promise<string> {
    const learn = await run({ workspace: ws, inputs: { comment: "new" } });
    const marker = bodyOf(posts(learn)[0]!).split("\n")[0]!;
    server.reset();
    return marker;
  }

  it("another bot's comment with our marker, whose edit is refused: we post our own, and the next run updates ours, not theirs", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const marker = await ourMarker(ws);
    const theirs = server.addComment(PR, `${marker}\nnot yours to edit\n`, OTHER_BOT);

    const first = await run({ workspace: ws });
    expect(first.code, first.stdout).toBe(0);
    expect(byRoute(first, "get-user")).toEqual([]);
    expect(patches(first).map((q) => [q.path, q.status])).toEqual([[`/repos/${REPOSITORY}/issues/comments/${theirs.id}`, 403]]);
    expect(posts(first).map((q) => q.status)).toEqual([201]);
    expect(notices(first).filter((m) => /may not comment/.test(m))).toEqual([]);
    const ours = server.commentsOn(PR)[1]!;
    expect(ours.user.login).toBe("github-actions[bot]");

    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 11 }));
    const second = await run({ workspace: ws });
    expect(second.code, second.stdout).toBe(0);
    expect(byRoute(second, "get-user")).toEqual([]);
    expect(patches(second).map((q) => [q.path, q.status])).toEqual([[`/repos/${REPOSITORY}/issues/comments/${ours.id}`, 200]]);
    expect(posts(second)).toEqual([]);
    expect(theirs.body).toBe(`${marker}\nnot yours to edit\n`);
    expect(ours.body).toContain("67.8\u00a0kWh");
  });

  it("a GitHub App's token (comments by <slug>[bot]) skips the workflow bot's comment it may not edit and keeps one comment of its own", async () => {
    const app: FakeUser = { login: "gate-app[bot]", id: 5151, type: "Bot" };
    const ws = workspace({ "footprint.yml": manifest() });
    const marker = await ourMarker(ws);
    server.commenter = app;
    const workflowBots = server.addComment(PR, `${marker}\nfrom the workflow token\n`);

    const first = await run({ workspace: ws });
    expect(first.code, first.stdout).toBe(0);
    expect(patches(first).map((q) => q.status)).toEqual([403]);
    expect(posts(first)).toHaveLength(1);

    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 11 }));
    const second = await run({ workspace: ws });
    expect(second.code, second.stdout).toBe(0);
    const mine = server.commentsOn(PR).find((c) => c.user.login === app.login)!;
    expect(
      patches(second)
        .map((q) => [q.path, q.status])
        .at(-1),
    ).toEqual([`/repos/${REPOSITORY}/issues/comments/${mine.id}`, 200]);
    expect(posts(second)).toEqual([]);
    expect(server.commentsOn(PR)).toHaveLength(2);
    expect(workflowBots.body).toBe(`${marker}\nfrom the workflow token\n`);
  });

  it("a flood of other bots' comments with our marker costs at most 5 refused edits before ours is posted", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const marker = await ourMarker(ws);
    for (let i = 0; i < 30; i++) server.addComment(PR, `${marker}\n${i}\n`, { login: `spam-${i}[bot]`, id: 6000 + i, type: "Bot" });
    const r = await run({ workspace: ws });
    expect(r.code, r.stdout).toBe(0);
    expect(patches(r)).toHaveLength(5);
    expect(posts(r).map((q) => q.status)).toEqual([201]);
  });
});

describe("rate limits are waited out only so long", () => {
  it("a secondary rate limit asking for retry-after: 3600 is not waited for: a capped-wait warning, no comment, the gate still judged", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.fail({
      route: "list-comments",
      status: 403,
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      headers: { "retry-after": "3600" },
      times: 100,
    });
    const r = await run({ workspace: ws });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "list-comments")).toHaveLength(1);
    const warnings = r.annotations.filter((a) => a.level === "warning").map((a) => a.message);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^GitHub API secondary rate limit on GET .*asks to wait 3600 s, but waits are capped at 60 s per run \(0 s spent\): the request is given up\.$/,
      ),
      expect.stringMatching(/^The PR comment could not be posted: .*secondary rate limit.*The report is in the job summary\.$/),
    ]);
    // A rate limit is not a read-only token: no fork notice.
    expect(notices(r).filter((m) => /may not comment/.test(m))).toEqual([]);
    expect(posts(r)).toEqual([]);
    expect(r.summary).toContain("footprint-gate: ✅ pass");
  });

  it("the waits of one run share a 60-second budget; no single wait is above it", () => {
    const { onRateLimit, onSecondaryRateLimit } = rateLimitHandlers();
    const req = { method: "GET", url: "/repos/{owner}/{repo}/contents/{path}" };
    expect(onRateLimit(61, req, null, 0)).toBe(false);
    expect(onRateLimit(40, req, null, 0)).toBe(true);
    expect(onSecondaryRateLimit(30, req, null, 0)).toBe(false); // 40 + 30 > 60
    expect(onSecondaryRateLimit(20, req, null, 1)).toBe(true); // 60 in all
    expect(onRateLimit(1, req, null, 0)).toBe(false);
    expect(rateLimitHandlers().onRateLimit(1, req, null, 2)).toBe(false); // two retries at most
    expect(rateLimitHandlers().onRateLimit(Number.NaN, req, null, 0)).toBe(false);
  });
});

describe("links to manifest lines", () => {
  it("a manifest path with ')', a space and a quote gives a working link to the finding's line", async () => {
    const dir = "models/chat (v2)/it's here";
    const ws = workspace({ [`${dir}/footprint.yml`]: manifest({ budget: 70 }) });
    server.setCommit(BASE_SHA, { README: "hi\n" });
    const r = await run({ workspace: ws, inputs: { manifest: "**/footprint.yml" } });
    expect(r.code, r.stdout).toBe(0);
    const expected = `https://github.com/${REPOSITORY}/blob/${HEAD_SHA}/models/chat%20%28v2%29/it%27s%20here/footprint.yml#L11`;
    for (const md of [bodyOf(posts(r)[0]!), r.summary]) {
      expect(renderedProblems(md, `https://github.com/${REPOSITORY}/blob/${HEAD_SHA}/`)).toEqual([]);
      const hrefs = tags(render(md))
        .filter((t) => t.name === "a")
        .map((t) => /^href="([^"]*)"$/.exec(t.attrs)?.[1])
        // The footer's links to the run and the action's README.
        .filter((href) => !/\/actions\/runs\/\d+$|#readme$/.test(href ?? ""));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs)
        expect(href).toMatch(/^https:\/\/github\.com\/octo-org\/octo-repo\/blob\/a{40}\/models\/chat%20%28v2%29\/it%27s%20here\/footprint\.yml#L\d+$/);
      expect(hrefs).toContain(expected);
      expect(decodeURIComponent(new URL(expected).pathname)).toBe(`/${REPOSITORY}/blob/${HEAD_SHA}/${dir}/footprint.yml`);
    }
  });
});

describe("across every scenario above", () => {
  it("every request matches an operation of GitHub's OpenAPI description, and every comment starts with the marker", () => {
    const api = loadOpenApi("api.github.com");
    const problems: string[] = [];
    let checked = 0;
    for (const { scenario, result } of runs) {
      for (const q of result.requests) {
        checked++;
        for (const p of api.problems(q)) problems.push(`${scenario}: ${p}`);
        if ((q.route === "create-comment" || q.route === "update-comment") && !/^<!-- footprint-gate:v1 key=[0-9a-f]{12} -->\n/.test(bodyOf(q))) {
          problems.push(`${scenario}: a comment body without the marker`);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});
