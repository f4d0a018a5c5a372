// The PR comment's behaviours end to end (`comment`, `comment-on`, `delete-when-clean`, the comment-id and
// comment-url outputs) and what each costs in API requests. The bundled action runs against the fake GitHub; every
// REST request is checked against GitHub's OpenAPI description. That description does not cover GraphQL: the one
// GraphQL request (`minimizeComment`) is checked by the fake itself, which answers a bad document with `errors`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FakeGitHub, type FakeComment, type FakeUser, type RecordedRequest } from "./fake-github.js";
import { loadOpenApi } from "./openapi.js";
import { pullRequest } from "./payloads.js";
import {
  BASE_SHA,
  gitWorkspace,
  newToken,
  REPOSITORY,
  runAction,
  workspace,
  type RunOptions,
  type RunResult,
  serveFakeGitHub,
  demoManifest,
} from "./runner.js";

const runs: { scenario: string; result: RunResult }[] = [];
/** Requests per scenario, printed as a table at the end. */
const counts: { scenario: string; routes: string[] }[] = [];

const server = serveFakeGitHub();
afterAll(() => {
  console.log(
    ["requests per run:", ...counts.map((c) => `${String(c.routes.length).padStart(2)}  ${c.scenario}: ${c.routes.join(", ") || "none"}`)].join("\n"),
  );
});

async function run(o: Omit<RunOptions, "server" | "eventName" | "payload"> & { payload?: unknown; label?: string }): Promise<RunResult> {
  const result = await runAction({ server, eventName: "pull_request", payload: o.payload ?? pullRequest({ action: "synchronize" }), ...o });
  const scenario = `${expect.getState().currentTestName ?? "?"}${o.label ? ` [${o.label}]` : ""}`;
  runs.push({ scenario, result });
  counts.push({ scenario, routes: result.requests.map((q) => `${q.method} ${q.route}`) });
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.signal).toBeNull();
  return result;
}

const manifest = demoManifest;

const PR = 12;
const routes = (r: RunResult) => r.requests.map((q) => q.route);
const byRoute = (r: RunResult, route: RecordedRequest["route"]) => r.requests.filter((q) => q.route === route);
const writes = (r: RunResult) => r.requests.filter((q) => q.method !== "GET" && q.route !== "graphql-viewer");
const digestOf = (c: FakeComment) => /^<!-- footprint-gate:v1 key=[0-9a-f]{12} -->\n<!-- footprint-gate:digest=([0-9a-f]{64}) -->\n/.exec(c.body)?.[1];
const PERSON: FakeUser = { login: "octocat", id: 583231, type: "User" };

/** A shallow checkout (no git history) whose base manifest is read over REST. */
function restBase(head: { hours?: number; budget?: number }, base: { hours?: number; budget?: number } = { hours: 10 }): string {
  server.setCommit(BASE_SHA, { "footprint.yml": manifest(base) });
  return workspace({ "footprint.yml": manifest(head) });
}

describe("comment: update (the default)", () => {
  it("first run, base over REST: 3 requests (the base manifest, the list, the post); outputs comment-id and comment-url", async () => {
    const ws = restBase({ hours: 12 });
    const r = await run({ workspace: ws, payload: pullRequest({ action: "opened" }) });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["get-content", "list-comments", "create-comment"]);
    const [c] = server.commentsOn(PR);
    expect(digestOf(c!)).toMatch(/^[0-9a-f]{64}$/);
    expect(r.outputs["comment-id"]).toBe(String(c!.id));
    expect(r.outputs["comment-url"]).toBe(c!.html_url);
    expect(r.stdout).toContain(`PR comment created: ${c!.html_url} (no comment of ours yet`);
  });

  it("first run, base in the git checkout: 2 requests (the list, the post)", async () => {
    const { dir, baseSha } = gitWorkspace({ "footprint.yml": manifest({ hours: 10 }) }, { "footprint.yml": manifest({ hours: 12 }) });
    const r = await run({ workspace: dir, payload: pullRequest({ action: "opened", baseSha }) });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["list-comments", "create-comment"]);
  });

  it("an unchanged re-run with another run id and an older footer: no write (the list, who the token is), the comment's id as output", async () => {
    const ws = restBase({ hours: 12 });
    await run({ workspace: ws, env: { GITHUB_RUN_ID: "101" }, label: "first" });
    const [c] = server.commentsOn(PR);
    // The body differs (as it will with a run link in the footer); the digest of what it shows does not.
    c!.body = c!.body.replace(/<sub>.*<\/sub>/, "<sub>Run 101 of an older footer.</sub>");
    const before = c!.body;

    const r = await run({ workspace: ws, env: { GITHUB_RUN_ID: "102" }, label: "again" });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["get-content", "list-comments", "graphql-viewer"]);
    expect(writes(r)).toEqual([]);
    expect(c!.body).toBe(before);
    expect(r.stdout).toContain(`PR comment unchanged: ${c!.html_url} (it shows the same figures and findings`);
    expect(r.outputs).toMatchObject({ "comment-id": String(c!.id), "comment-url": c!.html_url });
  });

  it("a changed re-run edits the comment in place (list, who the token is, PATCH) with the new digest", async () => {
    const ws = restBase({ hours: 12 });
    await run({ workspace: ws, label: "first" });
    const [c] = server.commentsOn(PR);
    const old = digestOf(c!);
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 14 }));
    const r = await run({ workspace: ws, label: "changed" });
    expect(routes(r)).toEqual(["get-content", "list-comments", "graphql-viewer", "update-comment"]);
    expect(server.commentsOn(PR)).toHaveLength(1);
    expect(digestOf(c!)).not.toBe(old);
    expect(c!.body).toContain("+40.0\u00a0%");
    expect(r.stdout).toContain(`PR comment updated: ${c!.html_url}`);
    expect(r.outputs["comment-id"]).toBe(String(c!.id));
  });
});

describe("comment: recreate, hide-and-new, new, off", () => {
  it("recreate posts the report at the bottom, then deletes the earlier one (list, post, delete)", async () => {
    const ws = restBase({ hours: 12 });
    await run({ workspace: ws, inputs: { comment: "recreate" }, label: "first" });
    const [old] = server.commentsOn(PR);
    server.addComment(PR, "Looks good to me", PERSON);
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 14 }));

    const r = await run({ workspace: ws, inputs: { comment: "recreate" }, label: "changed" });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["get-content", "list-comments", "create-comment", "delete-comment"]);
    expect(byRoute(r, "delete-comment")[0]!.path).toBe(`/repos/${REPOSITORY}/issues/comments/${old!.id}`);
    const now = server.commentsOn(PR);
    expect(now.map((c) => c.user.login)).toEqual(["octocat", "github-actions[bot]"]);
    expect(now[1]!.body).toContain("+40.0\u00a0%");
    expect(r.stdout).toContain("PR comment recreated:");
    expect(r.outputs["comment-id"]).toBe(String(now[1]!.id));

    const same = await run({ workspace: ws, inputs: { comment: "recreate" }, label: "unchanged" });
    expect(writes(same)).toEqual([]);
  });

  it("hide-and-new posts a new comment and minimises the previous one as OUTDATED over GraphQL (list, post, mutation)", async () => {
    const ws = restBase({ hours: 12 });
    await run({ workspace: ws, inputs: { comment: "hide-and-new" }, label: "first" });
    const [first] = server.commentsOn(PR);
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 14 }));

    const r = await run({ workspace: ws, inputs: { comment: "hide-and-new" }, label: "changed" });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["get-content", "list-comments", "create-comment", "graphql"]);
    const mutation = byRoute(r, "graphql")[0]!;
    expect(mutation.status).toBe(200);
    expect((mutation.body as { variables: unknown }).variables).toEqual({ id: first!.node_id });
    const [, second] = server.commentsOn(PR);
    expect(first!.minimized).toBe("OUTDATED");
    expect(second!.minimized).toBeNull();
    expect(r.stdout).toContain(`PR comment hidden: ${second!.html_url}`);
    expect(r.annotations.filter((a) => a.level === "warning")).toEqual([]);

    // Only the latest is hidden on the next change: the older ones were hidden by the runs that replaced them.
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 16 }));
    const third = await run({ workspace: ws, inputs: { comment: "hide-and-new" }, label: "changed again" });
    expect(byRoute(third, "graphql").map((q) => (q.body as { variables: { id: string } }).variables.id)).toEqual([second!.node_id]);
    expect(server.commentsOn(PR).map((c) => c.minimized)).toEqual(["OUTDATED", "OUTDATED", null]);

    const same = await run({ workspace: ws, inputs: { comment: "hide-and-new" }, label: "unchanged" });
    expect(writes(same)).toEqual([]);
  });

  it("new posts a comment on every run without reading the earlier ones", async () => {
    const ws = restBase({ hours: 12 });
    for (const label of ["first", "second"]) {
      const r = await run({ workspace: ws, inputs: { comment: "new" }, label });
      expect(routes(r)).toEqual(["get-content", "create-comment"]);
    }
    expect(server.commentsOn(PR)).toHaveLength(2);
  });

  it("off makes no comment request and leaves the outputs empty", async () => {
    const ws = restBase({ hours: 12 });
    const r = await run({ workspace: ws, inputs: { comment: "off" } });
    expect(routes(r)).toEqual(["get-content"]);
    expect(r.stdout).toContain("PR comment skipped: comment: off.");
    expect(r.outputs).toMatchObject({ "comment-id": "", "comment-url": "" });
  });
});

describe("comment-on and delete-when-clean", () => {
  it("change: no figure differs from the base and there is no comment: nothing is posted (the list only)", async () => {
    const ws = restBase({ hours: 10 });
    const r = await run({ workspace: ws, inputs: { "comment-on": "change" } });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["get-content", "list-comments"]);
    expect(server.commentsOn(PR)).toEqual([]);
    expect(r.stdout).toContain(
      "PR comment skipped: comment-on: change, and no figure differs from the base (verdict pass); no comment of ours to keep current.",
    );
    expect(r.outputs["comment-id"]).toBe("");
  });

  it("change: an entry that changed, or a manifest without a base, is commented", async () => {
    const changed = await run({ workspace: restBase({ hours: 12 }), inputs: { "comment-on": "change" }, label: "changed entry" });
    expect(routes(changed)).toEqual(["get-content", "list-comments", "create-comment"]);
    server.reset();
    server.setCommit(BASE_SHA, { "README.md": "no manifest here\n" });
    const added = await run({ workspace: workspace({ "footprint.yml": manifest() }), inputs: { "comment-on": "change" }, label: "no base" });
    expect(byRoute(added, "create-comment")).toHaveLength(1);
  });

  it("change: a failing pull request is commented even when no figure differs from the base", async () => {
    const ws = restBase({ hours: 10, budget: 50 }, { hours: 10, budget: 50 });
    const r = await run({ workspace: ws, inputs: { "comment-on": "change" } });
    expect(r.code).toBe(1);
    expect(byRoute(r, "create-comment")).toHaveLength(1);
  });

  it("failure: a passing pull request gets no comment; a failing one does", async () => {
    const ws = restBase({ hours: 12 });
    const pass = await run({ workspace: ws, inputs: { "comment-on": "failure" }, label: "pass" });
    expect(routes(pass)).toEqual(["get-content", "list-comments"]);
    expect(pass.stdout).toContain("PR comment skipped: comment-on: failure, and the verdict is pass");

    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 12, budget: 50 }));
    const fail = await run({ workspace: ws, inputs: { "comment-on": "failure" }, label: "fail" });
    expect(fail.code).toBe(1);
    expect(routes(fail)).toEqual(["get-content", "list-comments", "create-comment"]);
    expect(server.commentsOn(PR)[0]!.body).toContain("❌ fail");
  });

  it("failure, once fixed: the comment is edited to the passing report, never left showing the failure, and none is created", async () => {
    const ws = restBase({ hours: 12, budget: 50 });
    await run({ workspace: ws, inputs: { "comment-on": "failure" }, label: "fail" });
    const [c] = server.commentsOn(PR);
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 12 }));
    const fixed = await run({ workspace: ws, inputs: { "comment-on": "failure" }, label: "fixed" });
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(routes(fixed)).toEqual(["get-content", "list-comments", "graphql-viewer", "update-comment"]);
    expect(server.commentsOn(PR)).toHaveLength(1);
    expect(c!.body).toContain("✅ pass");
    expect(fixed.stdout).toContain("the existing comment is kept current");
  });

  it("delete-when-clean: a comment of ours is deleted once the pull request passes (list, who the token is, delete)", async () => {
    const ws = restBase({ hours: 12, budget: 50 });
    const inputs = { "comment-on": "failure", "delete-when-clean": "true" };
    await run({ workspace: ws, inputs, label: "fail" });
    const [ours] = server.commentsOn(PR);
    server.addComment(PR, "please fix the budget", PERSON);
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 12 }));

    const clean = await run({ workspace: ws, inputs, label: "clean" });
    expect(clean.code, clean.stdout).toBe(0);
    expect(routes(clean)).toEqual(["get-content", "list-comments", "graphql-viewer", "delete-comment"]);
    expect(byRoute(clean, "delete-comment")[0]!.path).toBe(`/repos/${REPOSITORY}/issues/comments/${ours!.id}`);
    expect(server.commentsOn(PR).map((c) => c.user.login)).toEqual(["octocat"]);
    expect(clean.stdout).toContain("PR comment deleted: comment-on: failure, and the verdict is pass, and delete-when-clean is set (1 removed).");
    expect(clean.outputs).toMatchObject({ "comment-id": "", "comment-url": "" });

    const again = await run({ workspace: ws, inputs, label: "still clean" });
    expect(routes(again)).toEqual(["get-content", "list-comments"]);
  });
});

describe("hide-and-new when GraphQL is elsewhere or refuses", () => {
  it("on GitHub Enterprise Server the mutation goes to /api/graphql and the REST requests are valid for GHES", async () => {
    const ghes = await new FakeGitHub({ repository: REPOSITORY, prefix: "/api/v3" }).start();
    try {
      const ws = workspace({ "footprint.yml": manifest({ hours: 12 }) });
      ghes.setCommit(BASE_SHA, { "footprint.yml": manifest() });
      const inputs = { comment: "hide-and-new" };
      await runAction({ server: ghes, workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs });
      writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 14 }));
      const r = await runAction({ server: ghes, workspace: ws, eventName: "pull_request", payload: pullRequest({ action: "synchronize" }), inputs });
      expect(r.code, r.stdout).toBe(0);
      expect(r.requests.filter((q) => q.route === "graphql").map((q) => [q.rawPath, q.status])).toEqual([["/api/graphql", 200]]);
      expect(ghes.commentsOn(PR).map((c) => c.minimized)).toEqual(["OUTDATED", null]);
      const api = loadOpenApi("ghes-3.19");
      expect(r.requests.filter((q) => q.route !== "graphql").flatMap((q) => api.problems(q))).toEqual([]);
    } finally {
      await ghes.close();
    }
  });

  it("a refused mutation leaves the new comment posted, with a warning, and the step passes", async () => {
    const ws = restBase({ hours: 12 });
    await run({ workspace: ws, inputs: { comment: "hide-and-new" }, label: "first" });
    writeFileSync(join(ws, "footprint.yml"), manifest({ hours: 14 }));
    server.fail({ route: "graphql", status: 403, message: "Resource not accessible by integration" });
    const r = await run({ workspace: ws, inputs: { comment: "hide-and-new" }, label: "refused" });
    expect(r.code, r.stdout).toBe(0);
    expect(server.commentsOn(PR).map((c) => c.minimized)).toEqual([null, null]);
    expect(r.annotations.filter((a) => a.level === "warning").map((a) => a.message)).toEqual([
      expect.stringMatching(/^The earlier PR comment could not be hidden/),
    ]);
    expect(r.stdout).toContain("PR comment created:");
    expect(r.outputs["comment-id"]).toBe(String(server.commentsOn(PR)[1]!.id));
  });
});

describe("who the token is", () => {
  async function marker(ws: string): Promise<string> {
    const learn = await run({ workspace: ws, inputs: { comment: "new" }, label: "learn the marker" });
    const body = (byRoute(learn, "create-comment")[0]!.body as { body: string }).body;
    server.reset();
    return body.split("\n")[0]!;
  }

  it("a personal token, with a person's comment carrying the marker: the viewer query tells which is ours, and it is edited", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const m = await marker(ws);
    server.commenter = PERSON;
    const mine = server.addComment(PR, `${m}\nan older report\n`, PERSON);
    const r = await run({ workspace: ws, token: newToken("ghp_") });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["get-content", "list-comments", "graphql-viewer", "update-comment"]);
    expect(byRoute(r, "graphql-viewer")[0]!.status).toBe(200);
    expect(byRoute(r, "update-comment")[0]!.path).toBe(`/repos/${REPOSITORY}/issues/comments/${mine.id}`);
  });

  it("an installation token, with a person's comment carrying the marker: no viewer query (it writes as a bot), its own comment is posted", async () => {
    const ws = workspace({ "footprint.yml": manifest() });
    const m = await marker(ws);
    const stranger = server.addComment(PR, `${m}\nlooks official\n`, PERSON);
    const r = await run({ workspace: ws });
    expect(routes(r)).toEqual(["get-content", "list-comments", "create-comment"]);
    expect(stranger.body).toBe(`${m}\nlooks official\n`);
  });

  it("a fork's read-only token: the refused post is a notice, not a failure, and the outputs are empty", async () => {
    const ws = restBase({ hours: 12 });
    server.fail({ route: "create-comment", method: "POST", status: 403, message: "Resource not accessible by integration" });
    const r = await run({ workspace: ws, payload: pullRequest({ fork: "forker/octo-repo" }) });
    expect(r.code, r.stdout).toBe(0);
    expect(routes(r)).toEqual(["get-content", "list-comments", "create-comment"]);
    expect(r.annotations.filter((a) => a.level === "notice").map((a) => a.message)).toContainEqual(
      expect.stringMatching(/may not comment on pull request #12 \(HTTP 403\)/),
    );
    expect(r.annotations.filter((a) => a.level === "error")).toEqual([]);
    expect(r.outputs).toMatchObject({ verdict: "pass", "comment-id": "", "comment-url": "" });
  });
});

describe("the fake's GraphQL endpoint", () => {
  const post = async (body: unknown) => {
    const res = await fetch(`${server.apiUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as { data?: unknown; errors?: { message: string; type?: string }[] } };
  };
  const MUTATION = "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }";

  it("minimises a known comment and refuses, with HTTP 200 and errors, an unknown id, a bad classifier or another operation", async () => {
    const c = server.addComment(PR, "x");
    expect(c.node_id).toMatch(/^IC_kwDO[A-Za-z0-9_-]+$/);
    const ok = await post({ query: MUTATION, variables: { id: c.node_id } });
    expect(ok).toEqual({ status: 200, json: { data: { minimizeComment: { minimizedComment: { isMinimized: true, minimizedReason: "outdated" } } } } });
    expect(c.minimized).toBe("OUTDATED");

    const unknown = await post({ query: MUTATION, variables: { id: "IC_kwDOnope" } });
    expect(unknown.status).toBe(200);
    expect(unknown.json.errors?.[0]).toMatchObject({ type: "NOT_FOUND", message: "Could not resolve to a node with the global id of 'IC_kwDOnope'" });
    const classifier = await post({ query: MUTATION.replace("OUTDATED", "BORING"), variables: { id: c.node_id } });
    expect(classifier.json.errors?.[0]?.message).toMatch(/invalid value \("BORING"\)/);
    expect(await post({ query: "query { viewer { login } }" })).toEqual({ status: 200, json: { data: { viewer: { login: "github-actions[bot]" } } } });
    const query = await post({ query: 'query { repository(owner: "o", name: "r") { id } }' });
    expect(query.status).toBe(200);
    expect(query.json.errors).toHaveLength(1);
    expect((await post({})).json.errors).toHaveLength(1);
  });
});

describe("across every scenario above", () => {
  it("every REST request matches GitHub's OpenAPI description; GraphQL requests are the viewer query and hide-and-new's mutations", () => {
    const api = loadOpenApi("api.github.com");
    const problems: string[] = [];
    let rest = 0;
    let graphql = 0;
    for (const { scenario, result } of runs) {
      for (const q of result.requests) {
        if (q.route === "graphql" || q.route === "graphql-viewer") {
          graphql += q.route === "graphql" ? 1 : 0;
          continue; // not in the OpenAPI description: the fake checks the document (its answer is asserted in the scenario)
        }
        rest++;
        for (const p of api.problems(q)) problems.push(`${scenario}: ${p}`);
      }
    }
    expect(rest).toBeGreaterThan(40);
    expect(graphql).toBe(3);
    expect(problems).toEqual([]);
  });
});
