// The action's history (docs/history.md): on the default branch's own runs (push, schedule, manual), the run's
// record is added to an orphan branch, the page, trend and badge there are made again from its records, and the
// result is pushed; a rejected push is fetched, made again and retried. Pull-request runs never write: they read
// the branch's small trend file through the REST API, bounded, to show the base branch's trend in the comment.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBadge } from "../badge.js";
import type { Logger } from "../evaluate-all.js";
import { historyPage } from "../history/page.js";
import { historyRecord, readRecords, writeRecord } from "../history/record.js";
import { MAX_TREND_BYTES, parseTrend, trendOf, type Trend } from "../history/trend.js";
import type { Report } from "../report.js";
import { writeRegularFile } from "../sources.js";
import { boundedFetch } from "../util/bounded-fetch.js";
import { statusOf, type Octokit } from "./client.js";
import type { RunContext } from "./context.js";

/** Where records go on the branch; the page, trend and badge sit at its root so Pages can serve it as it is. */
export const RECORDS_DIR = "history";
export const TREND_FILE = "trend.json";
/** Pushes tried before the run gives up on recording (each after fetching what the other writer pushed). */
export const PUSH_ATTEMPTS = 5;

/** Write on the default branch's own runs, read on runs that comment on a pull request, else nothing. */
export function historyMode(ctx: RunContext, enabled: boolean, pullRequest: boolean): "write" | "read" | "off" {
  if (!enabled) return "off";
  if (pullRequest) return "read";
  // A pull-request event never writes, whatever else it names.
  if (ctx.pr || ctx.eventName.startsWith("pull_request")) return "off";
  if (!["push", "schedule", "workflow_dispatch"].includes(ctx.eventName)) return "off";
  return ctx.defaultBranch !== null && ctx.ref === `refs/heads/${ctx.defaultBranch}` ? "write" : "off";
}

export interface Publish {
  report: Report;
  /** The repository's git URL (`<server>/<owner>/<repo>.git`). */
  remote: string;
  branch: string;
  /** Sent as an HTTP header for the remote's host only; never on a command line or in a URL. */
  token: string;
  sha: string;
  date: string;
  ref: string | null;
  version: string;
  log: Logger;
  /** Called before each push (tests let another writer in here). */
  beforePush?: (attempt: number) => Promise<void>;
}

export class HistoryPushError extends Error {}

/** Records the run on the branch; false when the branch already holds exactly what this run would write. */
export async function publishHistory(p: Publish): Promise<{ pushed: boolean; attempts: number; record: string }> {
  const record = historyRecord(p.report, { sha: p.sha, date: p.date, ref: p.ref });
  const env = gitEnv(p.remote, p.token);
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), "footprint-gate-history-"));
    try {
      const git = (...args: string[]) => runGit(dir, env, args);
      git("init", "-q");
      git("remote", "add", "origin", p.remote);
      const fetched = tryGit(dir, env, ["fetch", "-q", "--no-tags", "--depth=1", "origin", `+refs/heads/${p.branch}:refs/remotes/origin/${p.branch}`]);
      if (fetched.ok) git("checkout", "-q", "-B", p.branch, `refs/remotes/origin/${p.branch}`);
      else if (/couldn't find remote ref|no such ref/i.test(fetched.err)) git("symbolic-ref", "HEAD", `refs/heads/${p.branch}`);
      else throw new HistoryPushError(`cannot fetch ${p.branch}: ${lastLine(fetched.err)}`);

      const rel = writeRecord(join(dir, RECORDS_DIR), record);
      await regenerate(dir, p.report, p.version);
      git("add", "-A");
      if (tryGit(dir, env, ["diff", "--cached", "--quiet"]).ok) return { pushed: false, attempts: attempt, record: `${RECORDS_DIR}/${rel}` };
      git("commit", "-q", "-m", `footprint-gate: record ${p.sha.slice(0, 7)}`);
      await p.beforePush?.(attempt);
      const pushed = tryGit(dir, env, ["push", "-q", "origin", `HEAD:refs/heads/${p.branch}`]);
      if (pushed.ok) return { pushed: true, attempts: attempt, record: `${RECORDS_DIR}/${rel}` };
      // Another run pushed first: its records are fetched and everything made again on top of them.
      if (!/rejected|fetch first|non-fast-forward|stale info|cannot lock ref/i.test(pushed.err) || attempt >= PUSH_ATTEMPTS)
        throw new HistoryPushError(
          `cannot push ${p.branch}: ${lastLine(pushed.err)}${/403|denied/i.test(pushed.err) ? " (the job needs permissions: contents: write)" : ""}`,
        );
      p.log.info(`The history branch ${p.branch} moved meanwhile; recording again on top of it (attempt ${attempt + 1}).`);
      await sleep(250 * attempt + Math.floor(Math.random() * 500));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** The page, trend and badge at the branch's root, made from every record in it. */
async function regenerate(dir: string, report: Report, version: string): Promise<void> {
  const { records } = readRecords(join(dir, RECORDS_DIR));
  writeRegularFile(join(dir, "index.html"), historyPage(records, { version }));
  writeRegularFile(join(dir, TREND_FILE), JSON.stringify(trendOf(records)) + "\n");
  // Pages serves the files as they are, without Jekyll.
  writeFileSync(join(dir, ".nojekyll"), "");
  const badge = join(dir, "badge");
  mkdirSync(badge, { recursive: true });
  await writeBadge(report, "co2e", { path: "badge", dir: () => badge, file: (name) => join(badge, name) });
}

/** The trend of `branch`'s history (trend.json), or null when there is none yet or it cannot be read. */
export async function readTrend(octokit: Octokit, owner: string, repo: string, branch: string, log: Logger): Promise<Trend | null> {
  const fetchOf = (octokit.request.endpoint.DEFAULTS.request?.fetch ?? globalThis.fetch) as typeof fetch;
  let text: unknown;
  try {
    const res = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo,
      path: TREND_FILE,
      ref: branch,
      mediaType: { format: "raw" },
      request: { fetch: boundedFetch(fetchOf, MAX_TREND_BYTES) },
    });
    text = res.data;
  } catch (err) {
    if (statusOf(err) !== 404) log.info(`The history of ${branch} cannot be read (HTTP ${statusOf(err) ?? "error"}); the comment shows no trend.`);
    return null;
  }
  if (typeof text !== "string" || text.length > MAX_TREND_BYTES) return null;
  const trend = parseTrend(text);
  if (typeof trend === "string") {
    log.info(`${branch}:${TREND_FILE} is ${trend}; the comment shows no trend.`);
    return null;
  }
  return trend;
}

function gitEnv(remote: string, token: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: "0",
    GIT_AUTHOR_NAME: "github-actions[bot]",
    GIT_AUTHOR_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com",
    GIT_COMMITTER_NAME: "github-actions[bot]",
    GIT_COMMITTER_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com",
  };
  const origin = /^https?:\/\/[^/]+\//.exec(remote)?.[0];
  if (token && origin) {
    // The header goes to this host only, through the environment: nothing on a command line, nothing in a URL.
    env.GIT_CONFIG_COUNT = "1";
    env.GIT_CONFIG_KEY_0 = `http.${origin}.extraheader`;
    env.GIT_CONFIG_VALUE_0 = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
  }
  return env;
}

function tryGit(cwd: string, env: NodeJS.ProcessEnv, args: string[]): { ok: true } | { ok: false; err: string } {
  try {
    execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", ...args], {
      cwd,
      env,
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 120_000,
      maxBuffer: 1024 * 1024,
    });
    return { ok: true };
  } catch (err) {
    const e = err as { stderr?: Buffer | string; code?: string };
    return { ok: false, err: e.code === "ENOENT" ? "git is not installed" : String(e.stderr ?? e.code ?? err) };
  }
}

function runGit(cwd: string, env: NodeJS.ProcessEnv, args: string[]): void {
  const r = tryGit(cwd, env, args);
  if (!r.ok) throw new HistoryPushError(`git ${args[0]} failed: ${lastLine(r.err)}`);
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return (lines[lines.length - 1] ?? "").slice(0, 300);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
