// The action's history (docs/history.md), run as the runner runs dist/index.js, against a real bare repository in a
// temporary folder as the remote: default-branch runs record themselves on the orphan branch, writers racing for it
// all land, and pull-request runs never write but show the base branch's trend.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publishHistory } from "../../src/github/history.js";
import { parseRecord } from "../../src/history/record.js";
import { parseTrend } from "../../src/history/trend.js";
import { parseReport } from "../../src/report-schema.js";
import { pullRequest, push } from "./payloads.js";
import { BASE_SHA, demoManifest, REPOSITORY, runAction, serveFakeGitHub, tempDir, workspace, type RunResult } from "./runner.js";

const server = serveFakeGitHub();
const BRANCH = "footprint-gate-data";

/** A bare repository at `<server>/octo-org/octo-repo.git`, as `GITHUB_SERVER_URL` names it for the action. */
function remote(): { serverUrl: string; bare: string } {
  const root = tempDir("remote");
  const bare = join(root, `${REPOSITORY}.git`);
  mkdirSync(bare, { recursive: true });
  git(bare, "init", "-q", "--bare");
  return { serverUrl: `file://${root}`, bare };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "/usr/bin:/bin", GIT_CONFIG_NOSYSTEM: "1" } }).trim();
}

/** The files of the history branch (path → text), or null when it does not exist. */
function branchFiles(bare: string): Map<string, string> | null {
  try {
    git(bare, "rev-parse", "--verify", "-q", `refs/heads/${BRANCH}`);
  } catch {
    return null;
  }
  const paths = git(bare, "ls-tree", "-r", "--name-only", BRANCH).split("\n").filter(Boolean);
  return new Map(paths.map((p) => [p, git(bare, "show", `${BRANCH}:${p}`)]));
}

const sha = (n: number) => `${n.toString(16).padStart(7, "0")}${"c".repeat(33)}`;

async function pushRun(serverUrl: string, n: number, o: { ref?: string; hours?: number; history?: string } = {}): Promise<RunResult> {
  const payload = push({ after: sha(n) }) as ReturnType<typeof push> & { repository: { default_branch: string } };
  payload.repository.default_branch = "main";
  const result = await runAction({
    server,
    workspace: workspace({ "footprint.yml": demoManifest({ hours: o.hours ?? 10 + n }) }),
    eventName: "push",
    payload,
    sha: sha(n),
    serverUrl,
    inputs: { history: o.history ?? "true" },
    env: { GITHUB_REF: o.ref ?? "refs/heads/main" },
  });
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result;
}

describe("history in the action", () => {
  it("a push to the default branch records the run, with the page, trend and badge made from every record", async () => {
    const { serverUrl, bare } = remote();
    const first = await pushRun(serverUrl, 1);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toMatch(/History: history\/\d{4}\/\d{4}-\d{2}-\d{2}-0000001\.json added to footprint-gate-data/);
    await pushRun(serverUrl, 2);
    const files = branchFiles(bare)!;
    const records = [...files.keys()].filter((p) => p.startsWith("history/"));
    expect(records).toHaveLength(2);
    for (const p of records) {
      const record = parseRecord(files.get(p)!);
      expect(typeof record === "string" ? record : record.schema).toBe("footprint-gate/history@1");
    }
    expect(files.get("index.html")).toMatch(/<table>/);
    expect(files.get("index.html")!.match(/<tr><td>/g)).toHaveLength(2);
    const trend = parseTrend(files.get("trend.json")!);
    expect(typeof trend === "object" && trend.runs.map((r) => r.sha)).toEqual([sha(1), sha(2)]);
    expect(files.get("badge/footprint.svg")).toMatch(/^<svg/);
    expect(files.has(".nojekyll")).toBe(true);
    // An orphan branch: nothing of the code's history.
    expect(git(bare, "rev-list", "--max-parents=0", BRANCH).split("\n")).toHaveLength(1);
    // The token went nowhere near the log (but to the runner, to be masked).
    const logged = (first.stdout + first.stderr).split("\n").filter((l) => !l.startsWith("::add-mask::"));
    expect(logged.join("\n")).not.toContain(first.token);
  });

  it("a push to another branch, and a run without the input, record nothing", async () => {
    const { serverUrl, bare } = remote();
    await pushRun(serverUrl, 1, { ref: "refs/heads/feature" });
    await pushRun(serverUrl, 2, { history: "false" });
    expect(branchFiles(bare)).toBeNull();
  });

  it("five runs pushing at once all land: each rejected push fetches, records again on top and retries", async () => {
    const { serverUrl, bare } = remote();
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pushRun(serverUrl, n)));
    for (const r of results) expect(r.stdout).not.toMatch(/not recorded/);
    const files = branchFiles(bare)!;
    expect([...files.keys()].filter((p) => p.startsWith("history/"))).toHaveLength(5);
    expect(files.get("index.html")!.match(/<tr><td>/g)).toHaveLength(5);
  });

  it("two writers racing: the one that pushes second keeps the first one's record and its own", async () => {
    const { serverUrl, bare } = remote();
    const report = parseReport(
      (await pushRun(serverUrl, 1)).reportText!, // a real report, and a first record on the branch
    );
    const log = { info: () => {}, notice: () => {}, warning: () => {} };
    const common = { report, remote: `${serverUrl}/${REPOSITORY}.git`, branch: BRANCH, token: "", ref: "refs/heads/main", version: "test", log };
    let raced = false;
    const a = await publishHistory({
      ...common,
      sha: sha(10),
      date: "2025-01-02T00:00:00.000Z",
      // Writer B fetches, records and pushes after A has committed and before A pushes.
      beforePush: async (attempt) => {
        if (attempt !== 1) return;
        const b = await publishHistory({ ...common, sha: sha(11), date: "2025-01-02T00:00:01.000Z" });
        raced = b.pushed && b.attempts === 1;
      },
    });
    expect(raced).toBe(true);
    expect(a.pushed).toBe(true);
    expect(a.attempts).toBe(2);
    const records = [...branchFiles(bare)!.keys()].filter((p) => p.startsWith("history/"));
    expect(records.map((p) => p.slice(-12, -5))).toEqual(expect.arrayContaining(["0000001", sha(10).slice(0, 7), sha(11).slice(0, 7)]));
    expect(records).toHaveLength(3);
  });

  it("a pull request never writes, and its comment shows the base branch's trend read from the branch", async () => {
    const { serverUrl, bare } = remote();
    await pushRun(serverUrl, 1, { hours: 10 });
    await pushRun(serverUrl, 2, { hours: 20 });
    const before = git(bare, "rev-parse", BRANCH);
    const files = branchFiles(bare)!;
    server.setCommit(BRANCH, { "trend.json": files.get("trend.json")! });
    server.setCommit(BASE_SHA, { "footprint.yml": demoManifest({ hours: 20 }) });
    const result = await runAction({
      server,
      workspace: workspace({ "footprint.yml": demoManifest({ hours: 25 }) }),
      eventName: "pull_request",
      payload: pullRequest({ number: 7 }),
      serverUrl,
      inputs: { history: "true" },
      env: { GITHUB_REF: "refs/pull/7/merge" },
    });
    expect(result.code, result.stdout).toBe(0);
    expect(git(bare, "rev-parse", BRANCH)).toBe(before);
    expect(git(bare, "for-each-ref", "--format=%(refname)")).toBe(`refs/heads/${BRANCH}`);
    const comment = result.requests.find((q) => q.route === "create-comment")!;
    const body = (comment.body as { body: string }).body;
    expect(body).toMatch(
      /^📈 `main` over its last 2 recorded runs: energy 61\.6\u00a0kWh → 123\u00a0kWh \(\+100\u00a0%\), CO2e [\d.]+\u00a0kg → [\d.]+\u00a0kg \(\+100\u00a0%\); this PR \+25\.0\u00a0% energy against its base\.$/m,
    );
    // Read through the API, bounded, at the branch: no git, no write.
    const read = result.requests.filter((q) => q.route === "get-content");
    expect(read.some((q) => q.path.endsWith("/contents/trend.json") && q.query.ref === BRANCH)).toBe(true);
  });
});
