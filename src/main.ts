// The action: evaluate the manifests (or take a report from a pull_request run), comment, summarise, gate.
import * as core from "./github/log.js";
import { join, resolve } from "node:path";
import { reportDigest } from "./digest.js";
import { BadgeWriteError, writeBadge, type BadgeWrite } from "./badge.js";
import { evaluateAll } from "./evaluate-all.js";
import type { Finding } from "./findings.js";
import { baseReader } from "./github/base.js";
import { changedFiles } from "./github/changes.js";
import { createClient, isInstallationToken, type Octokit } from "./github/client.js";
import { postComment, wantsComment, type CommentPlan, type CommentTarget } from "./github/comment.js";
import { InputError, readConfig, type Config } from "./github/config.js";
import { readContext, type RunContext } from "./github/context.js";
import { expandGlob, globToRegExp, isGlob } from "./github/glob.js";
import { annotate, setOutputs, writeReportFile } from "./github/outputs.js";
import { PathError } from "./manifest/source.js";
import { COMMENT_LIMIT, docsUrl, fitMarkdown, SUMMARY_LIMIT, type Footer, type TrendLine } from "./render/markdown.js";
import { historyMode, HistoryPushError, publishHistory, readTrend } from "./github/history.js";
import { HistoryError } from "./history/record.js";
import { trendSpan } from "./history/trend.js";
import pkg from "../package.json" with { type: "json" };
import { exitCode, type Report } from "./report.js";
import { MAX_REPORT_BYTES, parseReport, ReportInputError } from "./report-schema.js";
import { confine, FileError, readRegularFile, workTreeLaunchFiles, workTreeSource } from "./sources.js";
import { digestLine, markerLine } from "./sticky.js";
import { errorMessage } from "./util/errors.js";

export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (err) {
    // Anything thrown, not only an Error, fails the step with one clear line.
    if (err instanceof InputError || err instanceof ReportInputError) core.setFailed(err.message);
    else core.setFailed(`footprint-gate: ${errorMessage(err)}`);
  }
}

async function runAction(): Promise<void> {
  const config = readConfig();
  const ctx = readContext();
  const octokit = config.token ? createClient(config.token) : null;

  const report = config.report ? readReportInput(config.report, ctx.workspace) : await evaluateWorkspace(config, ctx, octokit);
  const reportPath = writeReportFile(report);
  setOutputs(report, reportPath);
  if (config.badgePath && !config.report) await workspaceBadge(report, config, ctx.workspace);
  // A report from a pull_request run was annotated there; its paths are not trusted here.
  if (!config.report) annotate(report);

  // One sticky comment per workflow and manifest set; comment-key separates several in one workflow.
  const marker = markerLine([ctx.workflow, config.manifests.join("\n"), config.commentKey]);
  // Links point at the PR's head commit (stable across pushes; the merge commit is rebuilt on each one), and a
  // removed manifest's at the base commit.
  const baseSha = config.report ? null : config.baseRef || ctx.baseSha;
  const lineUrl = (f: Finding, side: "head" | "base") => {
    // A base named by a ref (`base-ref: origin/main`) is not a path segment of a link: only a commit is linked.
    const sha = side === "head" ? ctx.headSha : baseSha && /^[0-9a-f]{40}$/.test(baseSha) ? baseSha : null;
    return sha ? `${ctx.serverUrl}/${urlPath([ctx.owner, ctx.repo, "blob", sha, ...f.file.split("/")])}#L${f.line}` : null;
  };
  const footer: Footer = {
    baseSha,
    headSha: ctx.headSha,
    runUrl: ctx.runId
      ? `${ctx.serverUrl}/${urlPath([ctx.owner, ctx.repo, "actions", "runs", ctx.runId, ...(ctx.runAttempt && ctx.runAttempt !== "1" ? ["attempts", ctx.runAttempt] : [])])}`
      : null,
    docsUrl: docsUrl(ctx.serverUrl, ctx.actionRepository ?? undefined),
  };

  const prNumber = await pullRequestNumber(ctx, config, octokit);
  const history = historyMode(ctx, config.history, prNumber !== null);
  if (history === "write") await recordHistory(report, config, ctx);
  else if (config.history && history === "off")
    core.info(
      `History: nothing recorded; only ${ctx.defaultBranch ? `runs of the default branch ${ctx.defaultBranch}` : "runs of the default branch (which this event's payload does not name)"} on push, schedule or workflow_dispatch record (this run: ${ctx.eventName} for ${ctx.ref ?? "no ref"}).`,
    );
  const trend = history === "read" && octokit ? await baseTrend(report, config, ctx, octokit) : null;

  if (config.summary) {
    const { body } = fitMarkdown(report, { marker: null, lineUrl, footer, trend, elsewhere: "the JSON report (the `report` output)" }, SUMMARY_LIMIT - 1024);
    await core.summary.addRaw(body).write();
  }

  let posted: { id: number; url: string } | null = null;
  if (prNumber !== null) {
    if (config.comment === "off") core.info("PR comment skipped: comment: off.");
    else if (!octokit) core.notice("No github-token: the report is in the job summary, no PR comment is posted.");
    else {
      const elsewhere = config.summary ? "the job summary" : "the JSON report (the `report` output)";
      // The digest line follows the marker, so that it survives any shortening of the body.
      const digest = reportDigest(report);
      const { body, detail } = fitMarkdown(report, { marker: `${marker}\n${digestLine(digest)}`, lineUrl, footer, trend, elsewhere }, COMMENT_LIMIT);
      if (detail !== "full") core.info(`The PR comment is shortened (${detail}) to fit GitHub's 65,536-character limit.`);
      posted = await comment(
        octokit,
        { owner: ctx.owner, repo: ctx.repo, issueNumber: prNumber, marker },
        {
          mode: config.comment,
          body,
          digest,
          wanted: wantsComment(report, config.commentOn),
          deleteWhenClean: config.deleteWhenClean,
          installationToken: isInstallationToken(config.token),
        },
      );
    }
  }
  core.setOutput("comment-id", posted ? String(posted.id) : "");
  core.setOutput("comment-url", posted?.url ?? "");

  // The verdict depends on budgets and policies only, never on whether commenting worked.
  const code = config.report || config.failOn === "never" ? 0 : exitCode(report, config.failOn);
  if (code === 2) core.setFailed("footprint-gate: a manifest cannot be evaluated; see the annotations.");
  else if (code === 1) core.setFailed(`footprint-gate: the gate failed (verdict ${report.verdict}, fail-on ${config.failOn}); see the annotations.`);
  else core.info(`footprint-gate: verdict ${report.verdict}.`);
}

/** The run's record on the history branch; a failure to record is a warning, never the gate's verdict. */
async function recordHistory(report: Report, config: Config, ctx: RunContext): Promise<void> {
  if (!ctx.headSha) return core.warning("No commit id (GITHUB_SHA): the run is not recorded in the history.");
  try {
    const { pushed, attempts, record } = await publishHistory({
      report,
      remote: `${ctx.serverUrl}/${urlPath([ctx.owner, ctx.repo])}.git`,
      branch: config.historyBranch,
      token: config.token,
      sha: ctx.headSha,
      date: new Date().toISOString(),
      ref: ctx.ref,
      version: pkg.version,
      log: core,
    });
    core.info(
      pushed
        ? `History: ${record} added to ${config.historyBranch}${attempts > 1 ? ` (after ${attempts} attempts)` : ""}.`
        : `History: ${config.historyBranch} already holds ${record}.`,
    );
  } catch (err) {
    if (!(err instanceof HistoryPushError || err instanceof HistoryError)) throw err;
    core.warning(`The run is not recorded in the history: ${err.message}`);
  }
}

/** The base branch's trend over its recorded runs, for the comment; null without one. */
async function baseTrend(report: Report, config: Config, ctx: RunContext, octokit: Octokit): Promise<TrendLine | null> {
  const trend = await readTrend(octokit, ctx.owner, ctx.repo, config.historyBranch, core);
  const span = trend && trendSpan(trend, new Set(report.manifests.filter((m) => m.status !== "unevaluated").map((m) => m.path)));
  return span ? { branch: ctx.baseRef ?? ctx.defaultBranch ?? "the default branch", ...span } : null;
}

/** Posts the comment and logs what was done and why; the comment left on the PR, if any. */
async function comment(octokit: Octokit, target: CommentTarget, plan: CommentPlan): Promise<{ id: number; url: string } | null> {
  const outcome = await postComment(octokit, target, plan, (m) => core.warning(m)).catch((err: unknown) => {
    // Retries are spent: the comment is lost for this run, the verdict is not.
    core.warning(`The PR comment could not be posted: ${errorMessage(err)}. The report is in the job summary.`);
    return null;
  });
  if (!outcome) return null;
  if (outcome.action === "forbidden") {
    core.notice(
      `This token may not comment on pull request #${target.issueNumber} (HTTP ${outcome.status}); pull requests from forks get a read-only token. ` +
        "The report is in the job summary. To comment on fork PRs, use the two-workflow pattern in docs/action.md.",
    );
    return null;
  }
  if (!("url" in outcome)) {
    core.info(`PR comment ${outcome.action}: ${outcome.why}.`);
    return null;
  }
  core.info(`PR comment ${outcome.action}: ${outcome.url} (${outcome.why}).`);
  return { id: outcome.id, url: outcome.url };
}

/** The badge in `badge-path`: the folder and each file in it confined to the workspace. */
async function workspaceBadge(report: Report, config: Config, workspace: string): Promise<void> {
  const what = "input badge-path";
  let result: BadgeWrite;
  try {
    result = await writeBadge(report, config.badgeMetric, {
      path: config.badgePath,
      dir: () => inWorkspace(workspace, config.badgePath, what),
      file: (name) => inWorkspace(workspace, join(config.badgePath, name), what),
    });
  } catch (err) {
    if (!(err instanceof BadgeWriteError)) throw err;
    throw new InputError(`${what}: cannot ${err.target === "folder" ? "create the folder" : "write"} ${err.path} (${err.reason})`, { cause: err });
  }
  if (!result.written) {
    core.warning("No badge is written: a manifest cannot be evaluated.");
    return;
  }
  core.setOutput("badge-svg", result.files["footprint.svg"]);
  core.setOutput("badge-json", result.files["footprint.json"]);
  core.info(`Badge written to ${config.badgePath}: ${result.badge.message} (${result.badge.color}).`);
}

/** URL path segments, each percent-encoded, `( ) ' * !` too: a bare `)` would end a Markdown link early. */
function urlPath(segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}

function inWorkspace(workspace: string, path: string, what: string): string {
  try {
    return confine(workspace, workspace, path);
  } catch (err) {
    if (err instanceof PathError) throw new InputError(`${what} ${JSON.stringify(path)} is outside the workspace (${err.message})`, { cause: err });
    throw err;
  }
}

function readReportInput(path: string, workspace: string): Report {
  let text: string;
  try {
    // The size is checked on the open file before anything is read.
    const bytes = readRegularFile(inWorkspace(workspace, path, "input report"), MAX_REPORT_BYTES);
    if (bytes === null) throw new InputError(`input report: cannot read ${path} (ENOENT)`);
    text = bytes.toString("utf8");
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof FileError && err.reason === "too-large")
      throw new ReportInputError(`input report: the report is larger than ${MAX_REPORT_BYTES} bytes`, { cause: err });
    throw new InputError(`input report: cannot read ${path} (${errorMessage(err)})`, { cause: err });
  }
  try {
    return parseReport(text);
  } catch (err) {
    throw new ReportInputError(`input report: ${errorMessage(err)}`, { cause: err });
  }
}

async function evaluateWorkspace(config: Config, ctx: RunContext, octokit: Octokit | null): Promise<Report> {
  const baseSha = config.baseRef || ctx.baseSha;
  const reader = baseSha ? baseReader(ctx.workspace, baseSha, octokit, ctx.owner, ctx.repo, core) : null;
  if (reader) core.info(`Base ${reader.sha.slice(0, 12)} read via ${reader.via === "git" ? "git" : "the REST API"}.`);
  else if (baseSha) core.notice(`The base commit ${baseSha.slice(0, 12)} is not in the checkout and there is no token to read it: no comparison.`);

  const head = new Set<string>();
  for (const pattern of config.manifests) {
    if (isGlob(pattern)) for (const p of expandGlob(ctx.workspace, pattern)) head.add(p);
    else head.add(pattern.replace(/^\.\//, ""));
  }
  const report = await evaluateAll({
    paths: [...head].sort(),
    readHead: (path) => workTreeSource(resolve(ctx.workspace, path), path, ctx.workspace),
    base: reader && {
      name: `The base commit ${reader.sha.slice(0, 12)}`,
      compare: async (path) => {
        const base = await reader.source(path);
        return base ? { base } : { base: null, notice: null };
      },
      // Base and head are commits: a manifest only the base has was moved or removed by the change.
      commit: {
        source: (path) => reader.source(path),
        files: () => reader.files(),
        changes: changedFiles({
          workspace: ctx.workspace,
          baseSha: reader.sha,
          octokit,
          owner: ctx.owner,
          repo: ctx.repo,
          pullNumber: ctx.pr?.number ?? null,
          log: core,
        }),
        // Git has the base, or the pull request lists its files: launch configs the change touched are checked.
        changesFrom: reader.via === "git" ? "git" : octokit !== null && ctx.pr !== null ? "request" : null,
      },
    },
    globs: config.manifests.filter(isGlob).map(globToRegExp),
    launchFiles: workTreeLaunchFiles(ctx.workspace),
    log: core,
  });
  if (report.manifests.length === 0) throw new InputError(`no manifest matches ${config.manifests.map((m) => JSON.stringify(m)).join(", ")}`);
  return report;
}

async function pullRequestNumber(ctx: RunContext, config: Config, octokit: Octokit | null): Promise<number | null> {
  if (ctx.pr) return ctx.pr.number;
  const run = ctx.workflowRun;
  if (!run || !config.report) return null;
  if (run.pull_requests?.[0]) return run.pull_requests[0].number;
  // Runs from forks list no pull request: find the open PR whose head is the run's commit.
  if (!octokit || !run.head_branch || !run.head_repository) return null;
  const res = await octokit.request("GET /repos/{owner}/{repo}/pulls", {
    owner: ctx.owner,
    repo: ctx.repo,
    state: "open",
    head: `${run.head_repository.owner.login}:${run.head_branch}`,
    per_page: 100,
  });
  return res.data.find((p) => p.head.sha === run.head_sha)?.number ?? null;
}
