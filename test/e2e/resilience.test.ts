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
  newToken,
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

describe("whose sticky comment is ours: only the token's own account's", () => {
  const OTHER_BOT: FakeUser = { login: "other-app[bot]", id: 4242, type: "Bot" };
  const PERSON: FakeUser = { login: "octocat", id: 583231, type: "User" };
  const deletes = (r: RunResult) => byRoute(r, "delete-comment");
  const untouched = (r: RunResult, id: number) => {
    const touching = r.requests.filter((q) => (q.route === "update-comment" || q.route === "delete-comment") && q.path.endsWith(`/${id}`));
    const minimised = byRoute(r, "graphql").filter((q) => JSON.stringify(q.body).includes(server.commentsOn(PR).find((c) => c.id === id)?.node_id ?? "?"));
    return [...touching, ...minimised];
  };

  /** The exact body this workspace's report makes (marker, current digest and all), as anyone can make it offline. */
  async function ourBody(ws: string, inputs: Record<string, string> = {}): Promise<string> {
    const learn = await run({ workspace: ws, inputs: { ...inputs, comment: "new" } });
    const body = bodyOf(posts(learn)[0]!);
    server.reset();
    return body;
  }

  it("another app's comment with our marker is never edited: the workflow token posts its own, and the next run edits ours", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const marker = (await ourBody(ws)).split("\n")[0]!;
    const theirs = server.addComment(PR, `${marker}\nnot yours to edit\n`, OTHER_BOT);

    const first = await run({ workspace: ws });
    expect(first.code, first.stdout).toBe(0);
    expect(byRoute(first, "graphql-viewer")).toHaveLength(1);
    expect(patches(first)).toEqual([]);
    expect(posts(first).map((q) => q.status)).toEqual([201]);
    const ours = server.commentsOn(PR)[1]!;
    expect(ours.user.login).toBe("github-actions[bot]");

    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 11 }));
    const second = await run({ workspace: ws });
    expect(patches(second).map((q) => [q.path, q.status])).toEqual([[`/repos/${REPOSITORY}/issues/comments/${ours.id}`, 200]]);
    expect(posts(second)).toEqual([]);
    expect(theirs.body).toBe(`${marker}\nnot yours to edit\n`);
    expect(ours.body).toContain("67.8\u00a0kWh");
  });

  it("a GitHub App's token (comments by <slug>[bot]) never edits the workflow bot's comment and keeps one of its own", async () => {
    const app: FakeUser = { login: "gate-app[bot]", id: 5151, type: "Bot" };
    const ws = workspace({ "footprint.yml": manifest() });
    const marker = (await ourBody(ws)).split("\n")[0]!;
    server.commenter = app;
    const workflowBots = server.addComment(PR, `${marker}\nfrom the workflow token\n`);

    const first = await run({ workspace: ws });
    expect(patches(first)).toEqual([]);
    expect(posts(first)).toHaveLength(1);
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 11 }));
    const second = await run({ workspace: ws });
    const mine = server.commentsOn(PR).find((c) => c.user.login === app.login)!;
    expect(patches(second).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/comments/${mine.id}`]);
    expect(server.commentsOn(PR)).toHaveLength(2);
    expect(workflowBots.body).toBe(`${marker}\nfrom the workflow token\n`);
  });

  it("a flood of other bots' comments with our marker costs one viewer query and no edit", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const marker = (await ourBody(ws)).split("\n")[0]!;
    for (let i = 0; i < 30; i++) server.addComment(PR, `${marker}\n${i}\n`, { login: `spam-${i}[bot]`, id: 6000 + i, type: "Bot" });
    const r = await run({ workspace: ws });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "graphql-viewer")).toHaveLength(1);
    expect(patches(r)).toEqual([]);
    expect(posts(r).map((q) => q.status)).toEqual([201]);
  });

  it("delete-when-clean never deletes another app's marked comment (workflow token): with none of ours, nothing is deleted", async () => {
    const ws = workspace({ "footprint.yml": manifest({ budget: 50 }) });
    const inputs = { "comment-on": "failure", "delete-when-clean": "true" };
    const theirs = server.addComment(PR, await ourBody(ws, inputs), OTHER_BOT);
    writeFileSync(join(ws, "footprint.yml"), manifest());

    const clean = await run({ workspace: ws, inputs });
    expect(clean.code, clean.stdout).toBe(0);
    expect(deletes(clean)).toEqual([]);
    expect(clean.stdout).toContain("no comment of ours to keep current");
    expect(server.commentsOn(PR).map((c) => c.id)).toEqual([theirs.id]);

    // With ours beside it, only ours goes.
    const ours = server.addComment(PR, theirs.body);
    const again = await run({ workspace: ws, inputs });
    expect(deletes(again).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/comments/${ours.id}`]);
    expect(untouched(again, theirs.id)).toEqual([]);
    expect(server.commentsOn(PR).map((c) => c.id)).toEqual([theirs.id]);
  });

  it("delete-when-clean with a personal token deletes neither a bot's marked comment nor another person's, only its own", async () => {
    const token = newToken("ghp_");
    server.commenter = PERSON;
    const ws = workspace({ "footprint.yml": manifest({ budget: 50 }) });
    const inputs = { "comment-on": "failure", "delete-when-clean": "true" };
    await run({ workspace: ws, inputs, token });
    const [mine] = server.commentsOn(PR);
    const bots = server.addComment(PR, mine!.body, OTHER_BOT);
    const someone = server.addComment(PR, mine!.body, { login: "mallory", id: 666, type: "User" });
    writeFileSync(join(ws, "footprint.yml"), manifest());

    const clean = await run({ workspace: ws, inputs, token });
    expect(byRoute(clean, "graphql-viewer")).toHaveLength(1);
    expect(deletes(clean).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/comments/${mine!.id}`]);
    expect(server.commentsOn(PR).map((c) => c.id)).toEqual([bots.id, someone.id]);
  });

  it.each(["update", "recreate", "hide-and-new"])(
    "comment: %s — a forged comment with our marker, the current digest and a false pass is never 'unchanged', never the comment-id, never touched",
    async (mode) => {
      const ws = workspace({ "footprint.yml": manifest({ budget: 50 }) });
      const body = await ourBody(ws);
      // The real report fails; the forgery carries its exact marker and digest but says it passes.
      const forged = body.replace(/## 🌱 footprint-gate: ❌ fail[^]*$/, "## 🌱 footprint-gate: ✅ pass\n\nAll good, merge it.\n");
      expect(forged).not.toBe(body);
      const forgers = [server.addComment(PR, forged, OTHER_BOT), server.addComment(PR, forged, { login: "mallory", id: 666, type: "User" })];

      const r = await run({ workspace: ws, inputs: { comment: mode } });
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain("PR comment unchanged");
      const made = posts(r);
      expect(made.map((q) => q.status)).toEqual([201]);
      const ours = server.commentsOn(PR).at(-1)!;
      expect(ours.user.login).toBe("github-actions[bot]");
      expect(ours.body).toContain("❌ fail");
      expect(r.outputs["comment-id"]).toBe(String(ours.id));
      for (const f of forgers) {
        expect(f.body).toBe(forged);
        expect(f.minimized).toBeNull();
        expect(untouched(r, f.id)).toEqual([]);
      }
    },
  );
});

describe("every read is bounded", () => {
  it("a comment list whose Link header always names a next page is read for 20 pages, with a warning, and the comment posted", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.endlessComments = true;
    const r = await run({ workspace: ws });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "list-comments").map((q) => q.query.page ?? "1")).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(r.annotations.filter((a) => a.level === "warning").map((a) => a.message)).toEqual([
      "Only the oldest 2000 comments of the pull request were searched for ours.",
    ]);
    expect(posts(r).map((q) => q.status)).toEqual([201]);
  });
});

describe("no secret in any message", () => {
  it("a github-token with a line break inside is refused before any request, and no part of it is printed", async () => {
    const token = newToken();
    const broken = `${token.slice(0, 20)}\n${token.slice(20)}`;
    const r = await run({ workspace: workspace({ "footprint.yml": manifest() }), token: broken });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("input github-token contains a space, a line break or another character a token never has");
    expect(r.requests).toEqual([]);
    // The runner reads ::add-mask:: lines and never shows them; everything else is shown.
    const shown = [...r.stdout.split("\n").filter((l) => !l.startsWith("::add-mask::")), r.stderr, r.summary, r.outputFile].join("\n");
    for (const part of [token.slice(0, 20), token.slice(20)]) {
      expect(shown).not.toContain(part);
      expect(r.commands).toContain(`::add-mask::${part}`);
    }
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
