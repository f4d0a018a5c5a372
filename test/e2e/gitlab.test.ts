// `footprint-gate comment gitlab` as a GitLab CI job runs it: the built CLI, GitLab's predefined variables, and a
// stand-in of the merge-request notes API.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { notesClient } from "../../src/gitlab/notes.js";
import { BOT, HUMAN, MR_IID, PROJECT_ID } from "./fake-gitlab.js";
import { demoManifest, runCli, serveFakeGitlab, workspace } from "./runner.js";

const TOKEN = "glpat-Secr3tTokenValue-0123456789";
const gitlab = serveFakeGitlab(TOKEN);

/** The variables GitLab sets in a merge-request pipeline, and the token the project stores as GITLAB_TOKEN. */
function ciEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CI: "true",
    GITLAB_CI: "true",
    CI_API_V4_URL: gitlab.api,
    CI_PROJECT_ID: String(PROJECT_ID),
    CI_PROJECT_DIR: dir,
    CI_PROJECT_URL: "https://gitlab.example.com/acme/models",
    CI_COMMIT_SHA: "c".repeat(40),
    CI_JOB_URL: "https://gitlab.example.com/acme/models/-/jobs/99",
    CI_PIPELINE_SOURCE: "merge_request_event",
    CI_MERGE_REQUEST_IID: String(MR_IID),
    CI_MERGE_REQUEST_PROJECT_ID: String(PROJECT_ID),
    CI_MERGE_REQUEST_PROJECT_URL: "https://gitlab.example.com/acme/models",
    GITLAB_TOKEN: TOKEN,
    ...extra,
  };
}

const comment = (dir: string, env = ciEnv(dir), args: string[] = []) => runCli(["comment", "gitlab", ...args], dir, env);
const ours = () => gitlab.notes.filter((n) => n.author.id === BOT.id);

describe("comment gitlab keeps one sticky merge-request note", () => {
  it("creates the note once, then leaves it alone while the report is unchanged", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const first = await comment(dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/merge request note created: https:\/\/gitlab\.example\.com\/acme\/models\/-\/merge_requests\/7#note_\d+/);
    expect(first.stdout).toContain("train-a  training"); // the text report, as check prints it
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toMatch(/^<!-- footprint-gate:v1 key=[0-9a-f]{12} -->\n<!-- footprint-gate:digest=[0-9a-f]{64} -->\n## 🌱 footprint-gate: ✅ pass/);
    expect(gitlab.requests.every((r) => r.token === TOKEN)).toBe(true);

    const second = await comment(dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("merge request note unchanged");
    expect(gitlab.writes()).toHaveLength(1);
    expect(ours()).toHaveLength(1);
  });

  it("edits its note in place when the figures change, and links the job and the manifest line", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    await comment(dir);
    const id = ours()[0]!.id;
    writeFileSync(join(dir, "footprint.yml"), demoManifest({ hours: 20, budget: 100 }));
    const r = await comment(dir);
    expect(r.code, "a failing verdict fails the job after the note is kept").toBe(1);
    expect(r.stderr).toContain(`merge request note updated: https://gitlab.example.com/acme/models/-/merge_requests/7#note_${id}`);
    expect(ours()).toHaveLength(1);
    const body = ours()[0]!.body;
    expect(body).toContain("❌ fail");
    expect(body).toContain(`[CI job](https://gitlab.example.com/acme/models/-/jobs/99)`);
    expect(body).toContain(`(https://gitlab.example.com/acme/models/-/blob/${"c".repeat(40)}/footprint.yml#L11)`);
    expect(gitlab.writes().map((w) => w.route)).toEqual(["create-note", "update-note"]);
  });

  it("finds its note past the first page (x-next-page) and ignores the marker in others' and system notes", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    for (let i = 0; i < 130; i++) gitlab.addNote(`review remark ${i}`);
    await comment(dir);
    const id = ours()[0]!.id;
    // Someone pastes our note; GitLab adds a system note quoting it.
    gitlab.addNote(ours()[0]!.body.replace("✅ pass", "❌ fail"), HUMAN);
    gitlab.addNote(ours()[0]!.body, BOT, true);
    writeFileSync(join(dir, "footprint.yml"), demoManifest({ hours: 30 }));
    const r = await comment(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(gitlab.writes().map((w) => [w.route, w.path.endsWith(`/${id}`)])).toEqual([
      ["create-note", false],
      ["update-note", true],
    ]);
    const pages = gitlab.requests.filter((q) => q.route === "list-notes").map((q) => [q.query.page, q.query.per_page, q.query.sort]);
    expect(pages).toContainEqual(["2", "100", "asc"]);
  });

  it("comments from the JSON report of an earlier check (--report) with the same note", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const check = await runCli(["check", "--format", "json"], dir);
    writeFileSync(join(dir, "report.json"), check.stdout);
    const r = await comment(dir, ciEnv(dir), ["--report", "report.json"]);
    expect(r.code, r.stderr).toBe(0);
    await comment(dir);
    expect(ours()).toHaveLength(1);
    expect(gitlab.writes()).toHaveLength(1);
  });
});

describe("comment gitlab: what a job must fix is exit code 2 with the fix, and the token is never printed", () => {
  it("outside a merge-request pipeline it says so and calls nothing", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const env = ciEnv(dir, { CI_PIPELINE_SOURCE: "push" });
    delete env.CI_MERGE_REQUEST_IID;
    const r = await comment(dir, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not a merge-request pipeline: CI_MERGE_REQUEST_IID is not set");
    expect(r.stderr).toContain('$CI_PIPELINE_SOURCE == "merge_request_event"');
    expect(r.stdout).toBe("");
    expect(gitlab.requests).toEqual([]);
  });

  it("without GITLAB_TOKEN it says which token to make", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const env = ciEnv(dir);
    delete env.GITLAB_TOKEN;
    const r = await comment(dir, { ...env, CI_JOB_TOKEN: "job-token-value" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("GITLAB_TOKEN is not set: create a project access token with the api scope");
    expect(r.stderr).toContain("CI_JOB_TOKEN cannot write merge-request notes");
    expect(gitlab.requests).toEqual([]);
  });

  it("a token GitLab refuses is a clear error, after the report is printed, and its value appears nowhere", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const wrong = "glpat-Wr0ngTokenValue-abcdefghij";
    const r = await comment(dir, ciEnv(dir, { GITLAB_TOKEN: wrong }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("GitLab refused GITLAB_TOKEN (HTTP 401: 401 Unauthorized): the token is invalid, expired or revoked");
    expect(r.stdout).toContain("train-a  training");
    expect(r.stdout + r.stderr).not.toContain(wrong);
    expect(gitlab.writes()).toEqual([]);
  });

  it("a token without the role to write notes is told what it needs", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    gitlab.fault({ route: "create-note", status: 403 });
    const r = await comment(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("GitLab refused to create the note (HTTP 403: 403 fault): GITLAB_TOKEN needs the api scope and at least the Reporter role");
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it("a merge request GitLab cannot find names the variables to check", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const r = await comment(dir, ciEnv(dir, { CI_MERGE_REQUEST_IID: "8" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("check CI_MERGE_REQUEST_PROJECT_ID and CI_MERGE_REQUEST_IID");
  });

  it("a GitLab that keeps failing (5xx) leaves the verdict to decide the exit code, with a warning", async () => {
    const dir = workspace({ "footprint.yml": demoManifest({ budget: 50 }) });
    gitlab.fault({ route: "list-notes", status: 502, times: 3 });
    const r = await comment(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("warning: the merge request note could not be kept current: GitLab could not list the merge request's notes (HTTP 502");
    expect(gitlab.requests.filter((q) => q.route === "list-notes")).toHaveLength(3);
  });

  it("a 300 MB list of notes is refused after the 32 MiB bound with a warning, not read whole; the verdict stands", async () => {
    gitlab.hugeNotes = 300 * 1024 * 1024;
    const dir = workspace({ "footprint.yml": demoManifest() });
    const r = await comment(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "warning: the merge request note could not be kept current: GitLab's answer to list the merge request's notes is larger than 32 MiB; it is not read; the verdict stands",
    );
    expect(gitlab.requests.filter((q) => q.route === "list-notes")).toHaveLength(1);
    // The client stopped reading soon after the bound (what is in flight on the socket aside).
    expect(gitlab.hugeSent).toBeLessThan(100 * 1024 * 1024);
    expect(gitlab.writes()).toEqual([]);
  });

  it.each([
    ["a line break inside", "glpat-Secr3t\nTokenValue"],
    ["a space inside", "glpat-Secr3t TokenValue"],
    ["a tab inside", "glpat-Secr3t\tTokenValue"],
  ])("a GITLAB_TOKEN with %s is refused before any request, and no message shows any part of it", async (_what, token) => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const r = await comment(dir, ciEnv(dir, { GITLAB_TOKEN: token }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("GITLAB_TOKEN contains a space, a line break or another character a token never has");
    for (const part of token.split(/\s/)) expect(r.stdout + r.stderr).not.toContain(part);
    expect(gitlab.requests).toEqual([]);
  });

  it("a GITLAB_TOKEN pasted with spaces and a line break around it is trimmed and works", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const r = await comment(dir, ciEnv(dir, { GITLAB_TOKEN: `  ${TOKEN}\n` }));
    expect(r.code, r.stderr).toBe(0);
    expect(gitlab.requests.every((q) => q.token === TOKEN)).toBe(true);
    expect(ours()).toHaveLength(1);
  });

  it("a GitLab that does not answer is given up after the request timeout", async () => {
    gitlab.fault({ route: "get-user", status: 0, hang: true, times: 5 });
    const notes = notesClient(
      { api: gitlab.api, projectId: String(PROJECT_ID), mrIid: MR_IID, token: TOKEN, marker: "<!-- footprint-gate:v1 key=000000000000 -->" },
      { timeoutMs: 200, sleep: async () => {} },
    );
    await expect(notes.keep("body", "0".repeat(64))).rejects.toThrow(/cannot reach GitLab at http:\/\/127\.0\.0\.1:\d+\/api\/v4 .*no answer within 0\.2 s/);
    expect(gitlab.requests.filter((q) => q.route === "get-user")).toHaveLength(3);
  });

  it("a rate limit (429 with Retry-After) is waited out as GitLab asks, and the note is still kept", async () => {
    gitlab.fault({ route: "list-notes", status: 429, headers: { "retry-after": "2" } });
    gitlab.fault({ route: "update-note", status: 503 });
    const waits: number[] = [];
    const notes = notesClient(
      { api: gitlab.api, projectId: String(PROJECT_ID), mrIid: MR_IID, token: TOKEN, marker: "<!-- footprint-gate:v1 key=000000000000 -->" },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(await notes.keep("<!-- footprint-gate:v1 key=000000000000 -->\nfirst", "1".repeat(64))).toMatchObject({ action: "created" });
    expect(await notes.keep("<!-- footprint-gate:v1 key=000000000000 -->\nsecond", "2".repeat(64))).toMatchObject({ action: "updated" });
    expect(waits).toEqual([2000, 1000]);
    expect(ours().map((n) => n.body)).toEqual(["<!-- footprint-gate:v1 key=000000000000 -->\nsecond"]);
  });

  it("an unknown host or --report with manifests is a usage error", async () => {
    const dir = workspace({ "footprint.yml": demoManifest() });
    const host = await runCli(["comment", "github"], dir, ciEnv(dir));
    expect(host.code).toBe(2);
    expect(host.stderr).toContain('unknown host "github"; only gitlab is supported');
    const both = await comment(dir, ciEnv(dir), ["footprint.yml", "--report", "r.json"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--report replaces MANIFEST, --base and --base-ref");
  });
});

describe("comment gitlab: manifest text cannot act in the note", () => {
  it("a hostile project name mentions nobody, references nothing and runs no quick action", async () => {
    const hostile = '"@all @maintainers #1 !2 ~bug %v1 $3 &4 /merge [x](https://evil.example) <img src=x>\\n/close"';
    const dir = workspace({ "footprint.yml": demoManifest({ project: hostile, budget: 1 }) });
    const r = await comment(dir);
    expect(r.code).toBe(1);
    const body = ours()[0]!.body;
    expect(body).toContain("all"); // the text is shown, defused
    expect(body).not.toMatch(/@(all|maintainers)\b/);
    const reference = /(^|[^\\&])[#!]\d/m.exec(body); // &#39; is an entity, not a reference
    expect(reference, body.slice(Math.max(0, (reference?.index ?? 0) - 80), (reference?.index ?? 0) + 80)).toBeNull();
    expect(body).not.toMatch(/(\\[~!$]|&amp;|%)[\p{L}\p{N}]/u);
    expect(body).not.toContain("<img");
    expect(body).not.toContain("](https://evil");
    expect(gitlab.quickActions).toEqual([]);
    expect(body.split("\n").some((line) => line.startsWith("/"))).toBe(false);
  });
});
