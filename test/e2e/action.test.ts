// The action end to end: the committed bundle (`node dist/index.js`) run as the Actions runner runs it, against a
// fake GitHub REST API (test/e2e/fake-github.ts) whose every request is checked against GitHub's OpenAPI description.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FakeGitHub, type RecordedRequest } from "./fake-github.js";
import { loadOpenApi, toJsonSchema, type Description } from "./openapi.js";
import { pullRequest, push, workflowRun } from "./payloads.js";
import { raggedRows, render, renderedProblems, tags } from "./render.js";
import {
  BASE_SHA,
  gitWorkspace,
  HEAD_SHA,
  newToken,
  parseAnnotations,
  parseOutputFile,
  REPOSITORY,
  runAction,
  runCli,
  workspace,
  type Annotation,
  type RunOptions,
  type RunResult,
  serveFakeGitHub,
  demoManifest,
} from "./runner.js";

// ---- every run is kept, for the checks that hold across all scenarios ----
const runs: { scenario: string; description: Description; result: RunResult }[] = [];

const server = serveFakeGitHub();

async function run(o: Omit<RunOptions, "server"> & { server?: FakeGitHub; description?: Description }): Promise<RunResult> {
  const result = await runAction({ server: o.server ?? server, ...o });
  runs.push({ scenario: expect.getState().currentTestName ?? "?", description: o.description ?? "api.github.com", result });
  // Never a stack trace, whatever the scenario.
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.signal).toBeNull();
  return result;
}

// ---- manifests ----
const manifest = demoManifest;

const PR = 12;
const byRoute = (r: RunResult, route: RecordedRequest["route"], method?: string) =>
  r.requests.filter((q) => q.route === route && (!method || q.method === method));
const posts = (r: RunResult) => byRoute(r, "create-comment", "POST");
const patches = (r: RunResult) => byRoute(r, "update-comment", "PATCH");
const commentRequests = (r: RunResult) => r.requests.filter((q) => ["graphql-viewer", "list-comments", "create-comment", "update-comment"].includes(q.route));
const bodyOf = (q: RecordedRequest) => (q.body as { body: string }).body;
const MARKER = /^<!-- footprint-gate:v1 key=[0-9a-f]{12} -->\n/;
/** The base commit exists at the API but holds no manifest. */
const emptyBase = () => server.setCommit(BASE_SHA, { "README.md": "hi\n" });

describe("the harness itself", () => {
  const req = (method: string, rawPath: string, o: { query?: Record<string, string>; body?: unknown } = {}): RecordedRequest => ({
    method,
    rawPath,
    path: rawPath.replace(/^\/api\/v3/, ""),
    query: o.query ?? {},
    headers: o.body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
    bodyText: o.body === undefined ? "" : JSON.stringify(o.body),
    body: o.body,
    route: "unknown",
    status: 0,
  });

  it("the OpenAPI check accepts GitHub's operations and refuses wrong paths, parameters and bodies", () => {
    const api = loadOpenApi("api.github.com");
    expect(api.problems(req("POST", "/repos/o/r/issues/3/comments", { body: { body: "hi" } }))).toEqual([]);
    expect(api.problems(req("PATCH", "/repos/o/r/issues/comments/99", { body: { body: "hi" } }))).toEqual([]);
    expect(api.problems(req("GET", "/repos/o/r/contents/a%2Fb.yml", { query: { ref: BASE_SHA } }))).toEqual([]);
    expect(api.problems(req("GET", "/repos/o/r/issues/3/comments", { query: { per_page: "100", page: "2" } }))).toEqual([]);
    expect(api.operationOf(req("PATCH", "/repos/o/r/issues/comments/99"))).toBe("issues/update-comment");

    expect(api.problems(req("POST", "/repos/o/r/issues/3/comment", { body: { body: "hi" } }))).toEqual([
      expect.stringMatching(/no operation/) as unknown as string,
    ]);
    expect(api.problems(req("PATCH", "/repos/o/r/issues/comments/abc", { body: { body: "hi" } })).join()).toMatch(/no operation/);
    expect(api.problems(req("POST", "/repos/o/r/issues/3/comments", { body: { body: 42 } })).join()).toMatch(/body.*must be string/);
    expect(api.problems(req("POST", "/repos/o/r/issues/3/comments", { body: { text: "hi" } })).join()).toMatch(/must have required property 'body'/);
    expect(api.problems(req("POST", "/repos/o/r/issues/3/comments")).join()).toMatch(/request body is required/);
    expect(api.problems(req("GET", "/repos/o/r/issues/3/comments", { query: { per_page: "many" } })).join()).toMatch(/per_page.*must be integer/);
    expect(api.problems(req("GET", "/repos/o/r/issues/3/comments", { query: { perpage: "100" } })).join()).toMatch(/unknown query parameter perpage/);
    expect(api.problems(req("GET", "/repos/o/r/pulls", { query: { state: "opened" } })).join()).toMatch(/state.*must be equal to one of the allowed values/);
    expect(api.problems(req("GET", "/user", { body: { x: 1 } })).join()).toMatch(/takes no request body/);
    expect(api.problems(req("GET", "/api/v3/user")).join()).toMatch(/no operation/);
  });

  it("the GHES description wants the /api/v3 prefix", () => {
    const ghes = loadOpenApi("ghes-3.19");
    expect(ghes.prefix).toBe("/api/v3");
    expect(ghes.problems(req("GET", "/api/v3/user"))).toEqual([]);
    expect(ghes.problems(req("GET", "/user")).join()).toMatch(/no operation/);
  });

  it("OpenAPI 3.0 nullable becomes a JSON Schema type union", () => {
    expect(toJsonSchema({ type: "string", nullable: true, example: "x" })).toEqual({ type: ["string", "null"] });
    expect(toJsonSchema({ type: "string", enum: ["a"], nullable: true })).toEqual({ type: ["string", "null"], enum: ["a", null] });
    expect(toJsonSchema({ allOf: [{ type: "object" }], nullable: true })).toEqual({ anyOf: [{ allOf: [{ type: "object" }] }, { type: "null" }] });
    expect(toJsonSchema({ type: "object", properties: { nullable: { type: "integer", nullable: true } } })).toEqual({
      type: "object",
      properties: { nullable: { type: ["integer", "null"] } },
    });
  });

  it("the Markdown checks catch raw HTML, foreign links, mentions, references, bidi controls and ragged rows", () => {
    const evil = "<img src=x onerror=alert(1)> @octocat #123 [l](https://evil.example) \u202e <details>\n";
    const problems = renderedProblems(evil, "https://github.com/o/r/").join("\n");
    for (const what of [/unexpected <img/, /link leaves/, /mention of @octocat/, /issue reference #123/, /bidi/, /1 <details> but 0/])
      expect(problems).toMatch(what);
    expect(renderedProblems("@\u200boctocat \\#\u200b123 <code>x</code>\n", "https://github.com/o/r/")).toEqual([]);
    expect(raggedRows("| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n| x | y | z |\n")).toEqual(["line 4: 3 cells, header 2"]);
  });

  it("GITHUB_OUTPUT heredocs and annotation commands are parsed as the runner reads them", () => {
    expect(parseOutputFile("verdict<<ghadelimiter_1\npass\nghadelimiter_1\nmulti<<ghadelimiter_2\na\nb\nghadelimiter_2\nlegacy=x\n")).toEqual({
      verdict: "pass",
      multi: "a\nb",
      legacy: "x",
    });
    expect(() => parseOutputFile("verdict<<ghadelimiter_1\npass\n")).toThrow(/no closing delimiter/);
    expect(parseAnnotations("::error title=t,file=a%2Cb%3Ac.yml,line=3,col=4::one%0Atwo\nplain\n")).toEqual([
      { level: "error", title: "t", file: "a,b:c.yml", line: 3, col: 4, message: "one\ntwo" },
    ]);
  });
});

describe("the sticky comment", () => {
  it("is created by the first run, updated in place by the next (same id), and left alone when nothing changed", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 10 }) });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest({ hours: 10 }) });

    const first = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ action: "opened" }) });
    expect(first.code, first.stdout).toBe(0);
    expect(posts(first)).toHaveLength(1);
    expect(patches(first)).toHaveLength(0);
    const [created] = server.commentsOn(PR);
    expect(created).toBeDefined();
    expect(created!.body).toMatch(MARKER);
    expect(created!.user.login).toBe("github-actions[bot]");
    expect(first.stdout).toContain(`PR comment created: ${created!.html_url}`);

    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 12 }));
    const second = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ action: "synchronize" }) });
    expect(second.code, second.stdout).toBe(0);
    expect(posts(second)).toHaveLength(0);
    expect(patches(second)).toHaveLength(1);
    expect(patches(second)[0]!.path).toBe(`/repos/${REPOSITORY}/issues/comments/${created!.id}`);
    expect(server.commentsOn(PR)).toHaveLength(1);
    expect(server.commentsOn(PR)[0]!.body).toContain("+20.0\u00a0%");
    expect(server.commentsOn(PR)[0]!.body.split("\n")[0]).toBe(created!.body.split("\n")[0]);

    const third = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ action: "synchronize" }) });
    expect(third.code, third.stdout).toBe(0);
    expect(posts(third)).toHaveLength(0);
    expect(patches(third)).toHaveLength(0);
    expect(byRoute(third, "list-comments")).toHaveLength(1);
    expect(third.stdout).toContain("PR comment unchanged");
  });

  it("finds its comment on the second page (after 150 others) and updates it", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 10 }) });
    const learn = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    const ours = bodyOf(posts(learn)[0]!);
    server.reset();
    for (let i = 0; i < 150; i++) {
      server.addComment(
        PR,
        i % 3 === 0 ? `LGTM ${i}` : `<!-- some-other-bot -->\nreport ${i}`,
        i % 2 ? { login: `user${i}`, id: 5000 + i, type: "User" } : { login: "github-actions[bot]", id: 41898282, type: "Bot" },
      );
    }
    const mine = server.addComment(PR, ours);
    server.addComment(PR, "after", { login: "someone", id: 9, type: "User" });

    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 11 }));
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ action: "synchronize" }) });
    expect(r.code, r.stdout).toBe(0);
    const lists = byRoute(r, "list-comments");
    expect(lists.map((q) => q.query.page ?? "1")).toEqual(["1", "2"]);
    expect(posts(r)).toHaveLength(0);
    expect(patches(r).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/comments/${mine.id}`]);
    expect(server.commentsOn(PR)).toHaveLength(152);
    expect(mine.body).toContain("67.8\u00a0kWh");
  });

  it("leaves a stranger's comment carrying our marker alone and posts its own", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const learn = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    const marker = bodyOf(posts(learn)[0]!).split("\n")[0]!;
    server.reset();
    const fake = `${marker}\n## 🌱 footprint-gate: ✅ pass\n\nAll good, merge it.\n`;
    const stranger = server.addComment(PR, fake, { login: "mallory", id: 666, type: "User" });

    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ action: "synchronize" }) });
    expect(r.code, r.stdout).toBe(0);
    expect(patches(r)).toHaveLength(0);
    expect(posts(r)).toHaveLength(1);
    expect(stranger.body).toBe(fake);
    expect(server.commentsOn(PR).map((c) => c.user.login)).toEqual(["mallory", "github-actions[bot]"]);
  });

  it("with a personal token, the sticky comment is the one by the token's login (GraphQL viewer)", async () => {
    const me = { login: "gate-bot", id: 777, type: "User" as const };
    server.commenter = me;
    const ws = workspace({ "footprint.yml": manifest() });
    const token = newToken("ghp_");
    const learn = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), token });
    const body = bodyOf(posts(learn)[0]!);
    server.reset();
    server.commenter = me;
    const bots = server.addComment(PR, body); // github-actions[bot]: not ours for this token
    const mine = server.addComment(PR, body, me);

    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 11 }));
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ action: "synchronize" }), token });
    expect(byRoute(r, "graphql-viewer")[0]!.status).toBe(200);
    expect(patches(r).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/comments/${mine.id}`]);
    expect(bots.body).toBe(body);
  });

  it("comment-key keeps two sticky comments of one workflow apart", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const a = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "comment-key": "train" } });
    const b = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "comment-key": "serve" } });
    expect(posts(a)).toHaveLength(1);
    expect(posts(b)).toHaveLength(1);
    const [ca, cb] = server.commentsOn(PR);
    expect(ca!.body.split("\n")[0]).not.toBe(cb!.body.split("\n")[0]);

    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 11 }));
    const again = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "comment-key": "train" } });
    expect(patches(again).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/comments/${ca!.id}`]);
    expect(cb!.body).not.toContain("67.8 kWh");
  });

  it("comment: new posts a new comment on every run, without looking for the old one", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    for (let i = 0; i < 2; i++) {
      const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { comment: "new" } });
      expect(r.code, r.stdout).toBe(0);
      expect(posts(r)).toHaveLength(1);
      expect(byRoute(r, "list-comments")).toHaveLength(0);
      expect(patches(r)).toHaveLength(0);
    }
    expect(server.commentsOn(PR)).toHaveLength(2);
  });

  it("comment: off makes no comment request (and summary: false writes no summary)", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest() });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { comment: "off", summary: "false" } });
    expect(r.code, r.stdout).toBe(0);
    expect(commentRequests(r)).toEqual([]);
    expect(r.requests.map((q) => q.route)).toEqual(["get-content"]);
    expect(r.summary).toBe("");
    expect(r.outputs.verdict).toBe("pass");
  });
});

describe("pull requests from forks", () => {
  it("a 403 on POST (read-only token) does not fail the step: a notice explains it, the summary and outputs are written", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest({ hours: 9 }) });
    server.fail({ route: "create-comment", method: "POST", status: 403, message: "Resource not accessible by integration", times: 5 });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ fork: "forker/octo-repo" }) });
    expect(r.code, r.stdout).toBe(0);
    expect(posts(r)).toHaveLength(1); // 403 is not retried
    expect(server.commentsOn(PR)).toHaveLength(0);
    const notice = r.annotations.find((a) => a.level === "notice" && a.message.includes("may not comment"));
    expect(notice?.message).toMatch(/pull request #12 \(HTTP 403\).*forks.*job summary/);
    expect(r.annotations.filter((a) => a.level === "error")).toEqual([]);
    expect(r.summary).toContain("## 🌱 footprint-gate: ✅ pass");
    expect(r.outputs).toMatchObject({ verdict: "pass", "energy-kwh": "61.6", "delta-energy-kwh": "6.16" });
  });
});

describe("without a token", () => {
  it("an empty github-token: notices, no request, the summary and outputs still written", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), token: "" });
    expect(r.code, r.stdout).toBe(0);
    expect(r.requests).toEqual([]);
    const notices = r.annotations.filter((a) => a.level === "notice").map((a) => a.message);
    expect(notices.some((m) => /no token to read it: no comparison/.test(m))).toBe(true);
    expect(notices.some((m) => /No github-token: the report is in the job summary/.test(m))).toBe(true);
    expect(r.summary).toContain("no base to compare with");
    expect(r.outputs.verdict).toBe("pass");
  });
});

describe("pull requests from deleted forks", () => {
  it("a null head repository is accepted (treated as a fork)", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const payload = pullRequest({ fork: "gone/octo-repo" });
    payload.pull_request.head.repo = null;
    const r = await run({ workspace: ws, eventName: "pull_request", payload });
    expect(r.code, r.stdout).toBe(0);
    expect(posts(r)).toHaveLength(1);
  });
});

describe("the base manifest", () => {
  it("a base commit the API does not know (404 for contents and tree, e.g. no contents permission) with a glob: no delta, no failure", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { manifest: "**/footprint.yml" } });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe("pass");
    expect(r.outputs["delta-energy-kwh"]).toBe("");
    expect(posts(r)).toHaveLength(1);
  });

  it("missing at the base (contents 404): no delta, no failure", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.setCommit(BASE_SHA, { "README.md": "# hello\n" });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(r.code, r.stdout).toBe(0);
    const content = byRoute(r, "get-content");
    expect(content.map((q) => [q.status, q.query.ref])).toEqual([[404, BASE_SHA]]);
    expect(r.outputs["delta-energy-kwh"]).toBe("");
    expect(r.outputs["delta-energy-pct"]).toBe("");
    expect(bodyOf(posts(r)[0]!)).toContain("no base to compare with");
  });

  it("is read through the REST contents API at pull_request.base.sha when the workspace has no git history", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 12 }) });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest({ hours: 10 }) });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`Base ${BASE_SHA.slice(0, 12)} read via the REST API.`);
    const [content] = byRoute(r, "get-content");
    expect(content).toMatchObject({ path: `/repos/${REPOSITORY}/contents/footprint.yml`, query: { ref: BASE_SHA }, status: 200 });
    expect(String(content!.headers.accept)).toMatch(/application\/vnd\.github(\.v3)?\.raw/);
    expect(r.outputs).toMatchObject({ "delta-energy-kwh": "12.32", "delta-energy-pct": "20" });
    expect(bodyOf(posts(r)[0]!)).toContain("61.6\u00a0kWh → 73.9\u00a0kWh");
    // The normal first run: base, list, create (no identity request: no comment carries the marker yet).
    expect(r.requests.map((q) => `${q.method} ${q.route}`)).toEqual(["GET get-content", "GET list-comments", "POST create-comment"]);
  });

  it("is read with git when the workspace is a repository holding the base commit (no contents request)", async () => {
    const { dir, baseSha } = gitWorkspace({ "footprint.yml": manifest({ hours: 10 }) }, { "footprint.yml": manifest({ hours: 12 }) });
    // The API knows nothing of this commit: a contents request would find nothing.
    const r = await run({ workspace: dir, eventName: "pull_request", payload: pullRequest({ baseSha }) });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`Base ${baseSha.slice(0, 12)} read via git.`);
    expect(byRoute(r, "get-content")).toEqual([]);
    expect(r.outputs).toMatchObject({ "delta-energy-kwh": "12.32", "delta-energy-pct": "20" });
    expect(r.requests.map((q) => `${q.method} ${q.route}`)).toEqual(["GET list-comments", "POST create-comment"]);
  });

  it("base-ref overrides the pull request's base commit", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 12 }) });
    server.setCommit("release-1.0", { "footprint.yml": manifest({ hours: 6 }) });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "base-ref": "release-1.0" } });
    expect(byRoute(r, "get-content").map((q) => q.query.ref)).toEqual(["release-1.0"]);
    expect(r.outputs["delta-energy-pct"]).toBe("100");
  });

  it("a manifest removed by the change (only at the base, matched by **/footprint.yml) is shown as removed (REST)", async () => {
    const ws = workspace({ "models/chat/footprint.yml": manifest({ project: "chat" }) });
    server.setCommit(BASE_SHA, {
      "models/chat/footprint.yml": manifest({ project: "chat" }),
      "models/legacy/footprint.yml": manifest({ project: "legacy", id: "old-run", hours: 20 }),
      "README.md": "hi\n",
    });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { manifest: "**/footprint.yml" } });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "get-tree").map((q) => [q.path, q.query.recursive])).toEqual([[`/repos/${REPOSITORY}/git/trees/${BASE_SHA}`, "1"]]);
    expect(byRoute(r, "get-content").map((q) => decodeURIComponent(q.path))).toContain(`/repos/${REPOSITORY}/contents/models/legacy/footprint.yml`);
    const body = bodyOf(posts(r)[0]!);
    expect(body).toMatch(/🗑️ \*\*legacy\*\* \(`models\/legacy\/footprint\.yml`\) is removed by this change: −123\u00a0kWh energy/);
    expect(body).toMatch(/^\| `old-run` \| –<br><sub>−100\u00a0%<\/sub> \|.*🗑️\u00a0removed \|$/m);
    expect(r.outputs["delta-energy-kwh"]).toBe("-123.2");
  });

  it("a manifest removed by the change is shown as removed (git)", async () => {
    const { dir, baseSha } = gitWorkspace(
      { "a/footprint.yml": manifest({ project: "a" }), "b/footprint.yml": manifest({ project: "gone", id: "old-run" }) },
      { "a/footprint.yml": manifest({ project: "a" }) },
    );
    const r = await run({ workspace: dir, eventName: "pull_request", payload: pullRequest({ baseSha }), inputs: { manifest: "**/footprint.yml" } });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "get-tree")).toEqual([]);
    expect(bodyOf(posts(r)[0]!)).toContain("🗑️ **gone** (`b/footprint.yml`) is removed by this change");
  });
});

describe("the gate", () => {
  const invalid = `version: 1
project: demo
defaults:
  location: gcp:europe-west4
training:
  - id: train-a
    accelerator: nvidia-h100-sxmm
    count: 8
    hourz: 10
`;

  it("an invalid manifest fails the step, with annotations at the right file, line and column, and the problems in the summary", async () => {
    const ws = workspace({ "models/chat/footprint.yml": invalid });
    emptyBase();
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { manifest: "**/footprint.yml" } });
    expect(r.code, r.stdout).toBe(1);
    const place = (a: Annotation) => `${a.level} ${a.file}:${a.line}:${a.col} ${a.title}`;
    const byPlace = new Map(r.annotations.map((a) => [place(a), a.message]));
    expect(byPlace.get("error models/chat/footprint.yml:9:5 footprint-gate manifest/invalid")).toContain("unknown key `hourz` (did you mean `hours`?)");
    expect(byPlace.get("error models/chat/footprint.yml:7:18 footprint-gate data/unknown-accelerator")).toContain('unknown accelerator "nvidia-h100-sxmm"');
    // The step's own failure line (no file).
    expect(r.annotations.some((a) => a.level === "error" && !a.file && /cannot be evaluated/.test(a.message))).toBe(true);
    expect(r.summary).toContain("cannot be evaluated");
    expect(r.summary).toContain("unknown key \\`hourz\\`");
    expect(r.summary).toContain("unknown accelerator &quot;nvidia\\-h100\\-sxmm&quot;");
    expect(r.summary).toContain(`[models/chat/footprint\\.yml:9](https://github.com/${REPOSITORY}/blob/${HEAD_SHA}/models/chat/footprint.yml#L9)`);
    expect(r.outputs.verdict).toBe("fail");
    // The comment is still posted: the reviewer needs to see it.
    expect(posts(r)).toHaveLength(1);
  });

  it("a manifest over budget fails the step with an ::error at the budget line and verdict=fail", async () => {
    const ws = workspace({ "footprint.yml": manifest({ budget: 50 }) });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(r.code, r.stdout).toBe(1);
    const budget = r.annotations.filter((a) => a.title === "footprint-gate budget/energy");
    expect(budget.map((a) => `${a.level} ${a.file}:${a.line}:${a.col}`)).toEqual(["error footprint.yml:11:15"]);
    expect(budget[0]!.message).toContain("over the budget of 50 kWh");
    expect(r.annotations.some((a) => a.level === "error" && !a.file && /the gate failed \(verdict fail, fail-on error\)/.test(a.message))).toBe(true);
    expect(r.outputs).toMatchObject({ verdict: "fail", "energy-kwh": "61.6" });
    expect(bodyOf(posts(r)[0]!)).toMatch(/^\| \*\*total\*\* \|.*\| ❌ fail \|$/m);
    expect(bodyOf(posts(r)[0]!)).toMatch(/^Budgets: ❌\u00a0energy 61\.6\u00a0kWh of 50\u00a0kWh$/m);
  });

  it("fail-on: never passes a manifest over budget (the annotations stay)", async () => {
    const ws = workspace({ "footprint.yml": manifest({ budget: 50 }) });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "fail-on": "never" } });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe("fail");
    expect(r.annotations.filter((a) => a.level === "error" && a.file === "footprint.yml")).toHaveLength(1);
  });

  it("fail-on: warning fails on a warning; the default passes it", async () => {
    const ws = workspace({ "footprint.yml": manifest({ budget: 70 }) });
    const strict = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "fail-on": "warning", comment: "off" } });
    expect(strict.code, strict.stdout).toBe(1);
    expect(strict.annotations).toContainEqual(expect.objectContaining({ level: "warning", file: "footprint.yml", line: 11, col: 15 }));
    const lenient = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { comment: "off" } });
    expect(lenient.code, lenient.stdout).toBe(0);
    expect(lenient.outputs.verdict).toBe("warn");
  });

  it.each([
    ["fail-on", "sometimes", /input fail-on must be one of error, warning, never/],
    ["comment", "always", /input comment must be one of update, recreate, hide-and-new, new, off/],
    ["comment-on", "sometimes", /input comment-on must be one of always, change, failure/],
    ["delete-when-clean", "yes please", /input delete-when-clean must be true or false/],
    ["summary", "maybe", /input summary must be true or false/],
    ["comment-key", "../x", /input comment-key may use/],
  ])("a bad input %s=%s fails with one clear line and no request", async (name, value, message) => {
    const ws = workspace({ "footprint.yml": manifest() });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { [name]: value } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.annotations.filter((a) => a.level === "error").map((a) => a.message)).toEqual([expect.stringMatching(message)]);
    expect(r.requests).toEqual([]);
  });

  it("no manifest at all fails with a clear message", async () => {
    const ws = workspace({ "README.md": "hi\n" });
    emptyBase();
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { manifest: "**/footprint.yml", comment: "off" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.annotations.map((a) => a.message)).toContainEqual(expect.stringMatching(/no manifest matches "\*\*\/footprint\.yml"/));
  });
});

describe("hostile text from the manifest", () => {
  // At most 100 characters, so that none of it is cut in the verdict line.
  const HOSTILE = "Acme|<img src=x onerror=alert(1)><details>`x`@octocat #123[l](https://evil.example)\\u202E\\u200B\\nline2";
  // Folder names may hold almost anything on Linux; the path reaches headings, links and annotations.
  const DIR = "x|<img src=x onerror=alert(1)> `t` @octocat #123, a:b";
  const bad = `version: 1
project: "${HOSTILE}"
training:
  - id: "<img src=x onerror=alert(1)>|@octocat"
    accelerator: "H100 | <img src=y onerror=alert(2)> \`x\` @octocat #123 [l](https://evil.example) \\u202E"
    count: 1
    hours: 1
    location: "aws:<details>|@octocat #123 [l](https://evil.example)"
    "bad\\n::notice::pwned | <img src=z onerror=alert(3)>": 1
`;
  const good = `version: 1
project: "${HOSTILE}"
defaults:
  location: gcp:europe-west4
training:
  - id: train-a
    accelerator: nvidia-h100-sxm
    count: 8
    hours: 10
budget:
  energy_kwh: 70
`;

  it("cannot open HTML, links, mentions, references, break a table row or smuggle a workflow command", async () => {
    const ws = workspace({ [`models/${DIR}/footprint.yml`]: good, "models/bad/footprint.yml": bad });
    emptyBase();
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { manifest: "**/footprint.yml" } });
    expect(r.code, r.stdout).toBe(1);
    const body = bodyOf(posts(r)[0]!);
    if (process.env.FG_DUMP) writeFileSync(process.env.FG_DUMP, body);
    expect(body).toMatch(MARKER);
    // The hostile text is there, visibly, but inert.
    expect(body).toContain("onerror");
    expect(body).toContain("line2");

    for (const [what, md] of [
      ["comment", body],
      ["summary", r.summary],
    ] as const) {
      expect(renderedProblems(md, `https://github.com/${REPOSITORY}/blob/${HEAD_SHA}/`), what).toEqual([]);
      expect(raggedRows(md), what).toEqual([]);
      const html = render(md);
      expect(html, what).not.toMatch(/<img/i);
      expect(html, what).not.toMatch(/<[^>]*\bonerror\s*=/i);
      expect(html, what).not.toMatch(/<a href="https:\/\/evil/);
      expect(md, what).not.toMatch(/@octocat/);
      expect(md, what).not.toContain("#123");
      expect(md, what).not.toContain("\u202e");
      // Our own <details> and <code> only.
      const ownDetails = (md.match(/^<details><summary>/gm) ?? []).length;
      expect(tags(html).filter((t) => t.name === "details")).toHaveLength(ownDetails);
      // Inline code is ours as <code> or as a backtick span (plain ids), outside the fenced blocks.
      let fenced = false;
      const outside = md.split("\n").filter((l) => (l.startsWith("```") ? ((fenced = !fenced), false) : !fenced));
      const spans = outside.reduce((n, l) => n + (l.match(/<code>/g) ?? []).length + (l.match(/(?<!\\)`[\w./:-]+`/g) ?? []).length, 0);
      const ownCode = spans + (md.match(/^```(yaml|mermaid)$/gm) ?? []).length;
      expect(tags(html).filter((t) => t.name === "code")).toHaveLength(ownCode);
      // A newline in the project name does not end its line: the heading keeps the rest of the name.
      const heading = md.split("\n").find((l) => l.startsWith("### ") && l.includes("Acme"));
      expect(heading, what).toBeDefined();
      expect(heading).toContain("line2");
    }

    // Annotations: the hostile folder name survives as the file, and a newline in a key cannot start a command.
    expect(r.annotations.filter((a) => a.file === `models/${DIR}/footprint.yml`)).toEqual([expect.objectContaining({ level: "warning", line: 11, col: 15 })]);
    expect(r.commands.filter((c) => /^::notice::pwned/.test(c))).toEqual([]);
    expect(r.commands.every((c) => /^::(add-mask|error|warning|notice|debug)( [^:]*)?::/.test(c))).toBe(true);
  });
});

describe("size limits", () => {
  function many(n: number, o: { hours?: number; accelerator?: (i: number) => string } = {}): string {
    const lines = ["version: 1", "project: huge", "defaults:", "  location: gcp:europe-west4", "training:"];
    for (let i = 0; i < n; i++) {
      lines.push(`  - id: run-${i}`, `    accelerator: ${o.accelerator?.(i) ?? "nvidia-h100-sxm"}`, "    count: 8", `    hours: ${(o.hours ?? 1) + (i % 97)}`);
    }
    lines.push("budget:", "  energy_kwh: 1e9", "");
    return lines.join("\n");
  }

  function checkBody(body: string): void {
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(MARKER);
    expect(body.startsWith("<!-- footprint-gate:v1 key=")).toBe(true);
    expect(raggedRows(body)).toEqual([]);
    expect(renderedProblems(body, `https://github.com/${REPOSITORY}/blob/${HEAD_SHA}/`)).toEqual([]);
    expect((body.match(/^```/gm) ?? []).length % 2).toBe(0);
  }

  it("5,000 entries: the comment is shortened to fit 65,536 characters and keeps the marker", async () => {
    const ws = workspace({ "footprint.yml": many(5000) });
    server.setCommit(BASE_SHA, { "footprint.yml": many(4000) });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(r.code, r.stdout).toBe(0);
    const body = bodyOf(posts(r)[0]!);
    checkBody(body);
    expect(body).toMatch(/\| … \d+ more entries \(smaller changes\) in the job summary \|/);
    expect(r.stdout).toMatch(/The PR comment is shortened \((compact|minimal|truncated)\)/);
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024);
  });

  it("with summary: false, a shortened comment does not send readers to a job summary that was not written", async () => {
    // 600 entries are too long for one comment: the compact form lists 40 of them.
    const ws = workspace({ "footprint.yml": many(600) });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { summary: "false" } });
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toBe("");
    const body = bodyOf(posts(r)[0]!);
    checkBody(body);
    expect(body).toMatch(/\| … 560 more entries/);
    expect(body).not.toContain("job summary");
  });

  it("thousands of long findings: the comment lists 20 per rule and counts the rest in one finding", async () => {
    const long = (i: number) => `"unknown-accelerator-${i}-${"x".repeat(60)}"`;
    const ws = workspace({ "footprint.yml": many(3000, { accelerator: long }) });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "fail-on": "never" } });
    expect(r.code, r.stdout).toBe(0); // fail-on: never only reports, even a manifest that cannot be evaluated
    const body = bodyOf(posts(r)[0]!);
    checkBody(body);
    expect(body).toMatch(/and 2980 more data\/unknown\\-accelerator problems/);
    // One annotation per finding shown: 20 unknown accelerators and the one that counts the rest.
    expect(r.annotations.filter((a) => a.file)).toHaveLength(21);
  });

  it("many manifests: the minimal comment has a section for ten and sends readers to the job summary for the rest", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`m${String(i).padStart(2, "0")}/footprint.yml`] = many(15).replace("project: huge", `project: p${i}`);
    const ws = workspace(files);
    emptyBase();
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { manifest: "**/footprint.yml" } });
    expect(r.code, r.stdout).toBe(0);
    const body = bodyOf(posts(r)[0]!);
    checkBody(body);
    expect(r.stdout).toContain("The PR comment is shortened (minimal)");
    expect(body).toContain("… 50 more manifests in the job summary");
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
  });
});

describe("server errors", () => {
  it("a 500 on POST is retried once and the comment is created", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.fail({ route: "create-comment", method: "POST", status: 500, times: 1 });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(r.code, r.stdout).toBe(0);
    expect(posts(r).map((q) => q.status)).toEqual([500, 201]);
    expect(server.commentsOn(PR)).toHaveLength(1);
  });

  it("a 500 on listing comments is retried and the sticky comment is still found", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const first = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(posts(first)).toHaveLength(1);
    server.fail({ route: "list-comments", status: 502, times: 1 });
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 11 }));
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ action: "synchronize" }) });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "list-comments").map((q) => q.status)).toEqual([502, 200]);
    expect(posts(r)).toHaveLength(0);
    expect(patches(r)).toHaveLength(1);
    expect(server.commentsOn(PR)).toHaveLength(1);
  });
});

describe("rate limits", () => {
  it("a primary rate limit (403, x-ratelimit-remaining: 0) on POST is waited out with a warning, and the comment is created", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.fail({
      route: "create-comment",
      status: 403,
      message: "API rate limit exceeded for installation ID 1.",
      // A reset time already past: the client waits about a second.
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000000000" },
    });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(r.code, r.stdout).toBe(0);
    expect(posts(r).map((q) => q.status)).toEqual([403, 201]);
    expect(r.annotations.filter((a) => a.level === "warning" && /rate limit/.test(a.message)).map((a) => a.message)).toEqual([
      expect.stringMatching(/^GitHub API rate limit on POST /) as unknown as string,
    ]);
    expect(server.commentsOn(PR)).toHaveLength(1);
  });

  it("a secondary rate limit (403 with retry-after) is waited out with a warning", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    server.fail({
      route: "list-comments",
      status: 403,
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      headers: { "retry-after": "1" },
    });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "list-comments").map((q) => q.status)).toEqual([403, 200]);
    expect(r.annotations.filter((a) => a.level === "warning" && /rate limit/.test(a.message)).map((a) => a.message)).toEqual([
      expect.stringMatching(/^GitHub API secondary rate limit on GET /) as unknown as string,
    ]);
    expect(posts(r)).toHaveLength(1);
  });
});

describe("GitHub Enterprise Server (/api/v3)", () => {
  it("sends every request under /api/v3, valid for GHES 3.19, with links to the GHES host", async () => {
    const ghes = await new FakeGitHub({ repository: REPOSITORY, prefix: "/api/v3" }).start();
    try {
      ghes.webUrl = "https://ghes.example.com";
      ghes.setCommit(BASE_SHA, { "footprint.yml": manifest({ budget: 70 }) });
      for (let i = 0; i < 120; i++) ghes.addComment(PR, `comment ${i}`, { login: `u${i}`, id: i + 1, type: "User" });
      const ws = workspace({ "footprint.yml": manifest({ budget: 70, hours: 10 }) });
      const opts = {
        server: ghes,
        description: "ghes-3.19" as const,
        workspace: ws,
        eventName: "pull_request",
        serverUrl: "https://ghes.example.com",
        apiUrl: ghes.apiUrl,
      };
      expect(opts.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      const r = await run({ ...opts, payload: pullRequest() });
      expect(r.code, r.stdout).toBe(0);
      expect(r.requests.length).toBeGreaterThanOrEqual(4);
      expect(r.requests.every((q) => q.rawPath.startsWith("/api/v3/"))).toBe(true);
      expect(byRoute(r, "list-comments").map((q) => q.query.page ?? "1")).toEqual(["1", "2"]);
      const body = bodyOf(posts(r)[0]!);
      const links = tags(render(body)).filter((t) => t.name === "a");
      expect(links.length).toBeGreaterThan(0);
      // The findings link into the repository; the footer to the run and the action's README, on the same host.
      for (const a of links) {
        expect(a.attrs).toMatch(
          new RegExp(
            `^href="https://ghes\\.example\\.com/(${REPOSITORY}/blob/${HEAD_SHA}/footprint\\.yml#L\\d+|${REPOSITORY}/actions/runs/1|footprint-gate/footprint-gate#readme)"$`,
          ),
        );
      }
      expect(body).not.toContain("https://github.com");
      expect(r.stdout).toContain("PR comment created: https://ghes.example.com/");

      // The second run finds the comment through the paginated /api/v3 links.
      writeFileSync(join(ws, "footprint.yml"), manifest({ budget: 70, hours: 10.5 }));
      const again = await run({ ...opts, payload: pullRequest({ action: "synchronize" }) });
      expect(patches(again)).toHaveLength(1);
      // REST under /api/v3; GraphQL (who the token is) at /api/graphql, as GHES serves it.
      expect(again.requests.map((q) => (q.rawPath.startsWith("/api/v3/") ? "rest" : q.rawPath))).toEqual(["rest", "rest", "rest", "/api/graphql", "rest"]);
    } finally {
      await ghes.close();
    }
  });
});

describe("push events", () => {
  it("compare with the payload's before and post no comment", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 12 }) });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest({ hours: 10 }) });
    const r = await run({ workspace: ws, eventName: "push", payload: push({ before: BASE_SHA, after: HEAD_SHA }) });
    expect(r.code, r.stdout).toBe(0);
    expect(r.requests.map((q) => [q.route, q.query.ref])).toEqual([["get-content", BASE_SHA]]);
    expect(r.outputs["delta-energy-pct"]).toBe("20");
    expect(r.summary).toContain("61.6\u00a0kWh → 73.9\u00a0kWh");
  });

  it("an all-zero before (a new branch) means no base and no request", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const r = await run({ workspace: ws, eventName: "push", payload: push({ before: "0".repeat(40) }) });
    expect(r.code, r.stdout).toBe(0);
    expect(r.requests).toEqual([]);
    expect(r.outputs["delta-energy-kwh"]).toBe("");
    expect(r.summary).toContain("no base to compare with");
  });
});

describe("two-workflow mode (workflow_run with a report from the pull_request run)", () => {
  const reportDir = () => {
    const ws = workspace({ "pr/footprint.yml": manifest({ hours: 12, budget: 80 }), "pr/footprint.base.yml": manifest({ hours: 10, budget: 80 }) });
    return ws;
  };
  async function makeReport(ws: string): Promise<string> {
    const cli = await runCli(["check", "pr/footprint.yml", "--base", "pr/footprint.base.yml", "--format", "json", "--fail-on", "never"], ws);
    expect(cli.code, cli.stdout).toBe(0);
    JSON.parse(cli.stdout);
    return cli.stdout;
  }

  it("finds the fork's PR by head branch and sha, comments from the report, and exits 0", async () => {
    const ws = reportDir();
    writeFileSync(join(ws, "report.json"), await makeReport(ws));
    server.addPull({
      number: 41,
      state: "open",
      head: { sha: "c".repeat(40), ref: "patch-1", owner: "forker", repo: "octo-repo" },
      base: { sha: BASE_SHA, ref: "old" },
    });
    server.addPull({
      number: 42,
      state: "open",
      head: { sha: HEAD_SHA, ref: "patch-1", owner: "forker", repo: "octo-repo" },
      base: { sha: BASE_SHA, ref: "main" },
    });
    const r = await run({ workspace: ws, eventName: "workflow_run", payload: workflowRun({ pullRequests: [] }), inputs: { report: "report.json" } });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "list-pulls").map((q) => q.query)).toEqual([expect.objectContaining({ head: "forker:patch-1", state: "open" })]);
    expect(posts(r).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/42/comments`]);
    const body = bodyOf(posts(r)[0]!);
    expect(body).toMatch(MARKER);
    expect(body).toContain("(**+20.0\u00a0%**)");
    expect(body).toContain(`https://github.com/${REPOSITORY}/blob/${HEAD_SHA}/pr/footprint.yml#L11`);
    expect(r.outputs.verdict).toBe("warn");
    // The report was annotated by the pull_request run; its paths are not trusted here.
    expect(r.annotations.filter((a) => a.file)).toEqual([]);
  });

  it("end to end: a fork's pull_request run cannot comment, its report output commented by the workflow_run run", async () => {
    const ws = workspace({ "footprint.yml": manifest({ hours: 12, budget: 80 }) });
    server.setCommit(BASE_SHA, { "footprint.yml": manifest({ hours: 10, budget: 80 }) });
    server.fail({ route: "create-comment", method: "POST", status: 403, times: 1 });
    const pr = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest({ fork: "forker/octo-repo" }) });
    expect(pr.code, pr.stdout).toBe(0);
    expect(server.commentsOn(PR)).toHaveLength(0);
    const wouldBe = bodyOf(posts(pr)[0]!);
    expect(pr.reportText).not.toBeNull();

    // The artifact, downloaded into the workspace of the workflow_run job.
    const ws2 = workspace({ "artifact/report.json": pr.reportText! });
    server.addPull({
      number: PR,
      state: "open",
      head: { sha: HEAD_SHA, ref: "feature", owner: "forker", repo: "octo-repo" },
      base: { sha: BASE_SHA, ref: "main" },
    });
    const wr = await run({
      workspace: ws2,
      eventName: "workflow_run",
      workflow: "footprint comment",
      payload: workflowRun({ headBranch: "feature", pullRequests: [] }),
      inputs: { report: "artifact/report.json" },
    });
    expect(wr.code, wr.stdout).toBe(0);
    expect(posts(wr).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/${PR}/comments`]);
    const body = bodyOf(posts(wr)[0]!);
    // The same report, minus the marker line (its key names the other workflow) and the footer (a report names
    // no base commit, and this run is another one).
    const middle = (b: string) => b.trimEnd().split("\n").slice(1, -1).join("\n");
    expect(middle(body)).toBe(middle(wouldBe));
    expect(wr.outputs).toMatchObject({
      verdict: pr.outputs.verdict,
      "energy-kwh": pr.outputs["energy-kwh"],
      "delta-energy-pct": pr.outputs["delta-energy-pct"],
    });
  });

  it("no open pull request with the run's head commit: no comment, no failure", async () => {
    const ws = reportDir();
    writeFileSync(join(ws, "report.json"), await makeReport(ws));
    server.addPull({
      number: 41,
      state: "open",
      head: { sha: "c".repeat(40), ref: "patch-1", owner: "forker", repo: "octo-repo" },
      base: { sha: BASE_SHA, ref: "main" },
    });
    const r = await run({ workspace: ws, eventName: "workflow_run", payload: workflowRun({ pullRequests: [] }), inputs: { report: "report.json" } });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "list-pulls")).toHaveLength(1);
    expect(posts(r)).toEqual([]);
    expect(r.summary).toContain("footprint-gate");
  });

  it("comments on the run's listed pull request when there is one (no search)", async () => {
    const ws = reportDir();
    writeFileSync(join(ws, "report.json"), await makeReport(ws));
    const r = await run({
      workspace: ws,
      eventName: "workflow_run",
      payload: workflowRun({ pullRequests: [{ number: 5 }] }),
      inputs: { report: "report.json" },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(byRoute(r, "list-pulls")).toEqual([]);
    expect(posts(r).map((q) => q.path)).toEqual([`/repos/${REPOSITORY}/issues/5/comments`]);
  });

  type Tamper = (report: { manifests: Record<string, unknown>[] } & Record<string, unknown>) => void;
  const tampered: [string, Tamper | "oversized", RegExp][] = [
    ["an extra field", (r) => void (r.manifests[0]!.extra = 1), /Unrecognized key|unrecognized/i],
    [
      "<script> in a rule name",
      (r) => void ((r.manifests[0]!.findings as Record<string, unknown>[])[0]!.rule = "<script>alert(1)</script>"),
      /findings\.0\.rule/,
    ],
    ["NaN as a string", (r) => void ((r.manifests[0]!.totals as Record<string, unknown>).energy_kwh = "NaN"), /totals\.energy_kwh/],
    ["a number too large for a double (Infinity)", (r) => void ((r.manifests[0]!.totals as Record<string, unknown>).co2e_kg = "__INF__"), /totals\.co2e_kg/],
    ["a wrong schema id", (r) => void (r.schema = "footprint-gate/report@2"), /schema/],
    ["an oversized file", "oversized", /larger than 67108864 bytes/],
  ];

  it.each(tampered)("a tampered report (%s) is refused with a clear failure and no comment", async (_name, tamper, message) => {
    const ws = reportDir();
    const good = await makeReport(ws);
    let text: string;
    if (tamper === "oversized") text = good.replace(/\s*$/, "") + " ".repeat(64 * 1024 * 1024) + "\n";
    else {
      const report = JSON.parse(good) as Parameters<Tamper>[0];
      tamper(report);
      text = JSON.stringify(report).replace('"__INF__"', "1e999");
    }
    writeFileSync(join(ws, "report.json"), text);
    server.addPull({
      number: 42,
      state: "open",
      head: { sha: HEAD_SHA, ref: "patch-1", owner: "forker", repo: "octo-repo" },
      base: { sha: BASE_SHA, ref: "main" },
    });
    const r = await run({ workspace: ws, eventName: "workflow_run", payload: workflowRun(), inputs: { report: "report.json" } });
    expect(r.code, r.stdout).toBe(1);
    const errors = r.annotations.filter((a) => a.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^input report: /);
    expect(errors[0]!.message).toMatch(message);
    expect(errors[0]!.message).not.toContain("<script>");
    expect(commentRequests(r)).toEqual([]);
    expect(r.outputs).toEqual({});
    expect(r.summary).toBe("");
  });

  it("a report path outside the workspace is refused", async () => {
    const ws = reportDir();
    const r = await run({ workspace: ws, eventName: "workflow_run", payload: workflowRun(), inputs: { report: "../../etc/passwd" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.annotations.map((a) => a.message)).toContainEqual(expect.stringMatching(/outside the workspace|cannot read/));
    expect(r.requests).toEqual([]);
  });

  it("links from an untrusted report stay inside the repository (a finding's file cannot walk out with ../)", async () => {
    const ws = reportDir();
    const report = JSON.parse(await makeReport(ws)) as { manifests: { findings: { file: string }[] }[] };
    report.manifests[0]!.findings[0]!.file = "../../../../evil-org/phishing/blob/main/README.md";
    writeFileSync(join(ws, "report.json"), JSON.stringify(report));
    const r = await run({
      workspace: ws,
      eventName: "workflow_run",
      payload: workflowRun({ pullRequests: [{ number: 5 }] }),
      inputs: { report: "report.json" },
    });
    // The CLI writes any path it was given, so the report is read; such a path is shown, never linked.
    expect(r.code, r.stdout).toBe(0);
    const body = bodyOf(posts(r)[0]!);
    expect(body).not.toMatch(/\]\([^)]*evil-org/);
    expect(body).toContain("evil\\-org");
    for (const href of [...render(body).matchAll(/href="([^"]*)"/g)].map((m) => m[1]!)) {
      // The footer's run and README links aside, every link is a line of the PR's manifest.
      if (/\/actions\/runs\/\d+$|#readme$/.test(href)) continue;
      expect(href.startsWith(`https://github.com/${REPOSITORY}/blob/${HEAD_SHA}/pr/`), href).toBe(true);
    }
  });
});

describe("badge-path (docs/action.md, action.yml)", () => {
  it("writes footprint.svg and the Shields endpoint footprint.json into the folder", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "badge-path": "badges", comment: "off" } });
    expect(r.code, r.stdout).toBe(0);
    expect(existsSync(join(ws, "badges", "footprint.svg"))).toBe(true);
    const endpoint = JSON.parse(readFileSync(join(ws, "badges", "footprint.json"), "utf8")) as Record<string, unknown>;
    expect(endpoint.schemaVersion).toBe(1);
    for (const key of ["label", "message", "color"]) expect(typeof endpoint[key], key).toBe("string");
    expect(r.outputs["badge-svg"]).toBe(join(ws, "badges", "footprint.svg"));
    expect(r.outputs["badge-json"]).toBe(join(ws, "badges", "footprint.json"));
  });

  it("writes no badge for a manifest that cannot be evaluated, and says so in a warning", async () => {
    const ws = workspace({ "footprint.yml": "version: 1\nproject: x\ntraining:\n  - { id: a, accelerator: nope, count: 1, hours: 1 }\n" });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "badge-path": "badges", comment: "off" } });
    expect(r.annotations).toContainEqual({ level: "warning", message: "No badge is written: a manifest cannot be evaluated." });
    expect(existsSync(join(ws, "badges"))).toBe(false);
    expect(r.outputs["badge-svg"]).toBeUndefined();
  });
});

describe("across every scenario above", () => {
  it("the token appears only in the Authorization header (and the runner's add-mask command)", () => {
    expect(runs.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const { scenario, result: r } of runs) {
      const t = r.token;
      if (!t) continue; // the run without a token
      const stdout = r.stdout
        .split("\n")
        .filter((l) => l !== `::add-mask::${t}`)
        .join("\n");
      if (!r.stdout.includes(`::add-mask::${t}`)) leaks.push(`${scenario}: the token was not masked (no ::add-mask::)`);
      const places: [string, string][] = [
        ["stdout", stdout],
        ["stderr", r.stderr],
        ["GITHUB_OUTPUT", r.outputFile],
        ["summary", r.summary],
        ["report", r.reportText ?? ""],
        ...Object.entries(r.commandFiles),
      ];
      for (const q of r.requests) {
        places.push([`${q.method} ${q.rawPath} body`, q.bodyText], [`${q.method} ${q.rawPath} url`, `${q.rawPath}?${new URLSearchParams(q.query).toString()}`]);
        const headers = Object.entries(q.headers).filter(([k]) => k !== "authorization");
        places.push([`${q.method} ${q.rawPath} headers`, JSON.stringify(headers)]);
        if (q.headers.authorization !== `token ${t}`)
          leaks.push(`${scenario}: ${q.method} ${q.rawPath} Authorization is ${q.headers.authorization === undefined ? "missing" : "not `token <the token>`"}`);
      }
      for (const [where, text] of places) if (text.includes(t) || text.includes(t.slice(4))) leaks.push(`${scenario}: the token is in ${where}`);
    }
    expect(leaks).toEqual([]);
  });

  it("every comment body sent is at most 65,536 characters and starts with the marker", () => {
    const sent = runs.flatMap(({ scenario, result }) =>
      result.requests.filter((q) => q.route === "create-comment" || q.route === "update-comment").map((q) => ({ scenario, body: bodyOf(q) })),
    );
    expect(sent.length).toBeGreaterThan(20);
    expect(sent.filter((s) => s.body.length > 65_536 || !MARKER.test(s.body)).map((s) => s.scenario)).toEqual([]);
  });

  it("every request matches an operation of GitHub's OpenAPI description, with valid parameters and body", () => {
    expect(runs.length).toBeGreaterThan(20);
    const problems: string[] = [];
    let checked = 0;
    for (const { scenario, description, result } of runs) {
      const api = loadOpenApi(description);
      for (const q of result.requests) {
        checked++;
        for (const p of api.problems(q)) problems.push(`${scenario}: ${p}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
