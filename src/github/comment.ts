// The PR comment: REST for listing, writing and deleting (GitHub Enterprise Server has had these for long);
// GraphQL for the token's own login and, for `hide-and-new`, to minimise a comment (REST can do neither).
// Ours is a comment that carries our marker AND was written by the token's own account: anyone can paste the marker
// and compute the digest, and anyone with write access may edit or delete any comment, so a write that succeeds
// proves nothing. Only comments by our account are ever edited, deleted, minimised, reported or left "unchanged".
import type { Report } from "../report.js";
import { isRateLimited, statusOf, type Octokit } from "./client.js";
import { readSticky } from "../sticky.js";
import { errorMessage } from "../util/errors.js";

export type CommentMode = "update" | "recreate" | "hide-and-new" | "new" | "off";
export type CommentOn = "always" | "change" | "failure";

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The first line of our comments. */
  marker: string;
}

export interface CommentPlan {
  mode: Exclude<CommentMode, "off">;
  /** The body, starting with the marker line and then the digest line (sticky.ts). */
  body: string;
  digest: string;
  /** Whether the pull request calls for a comment (`comment-on`), and why. */
  wanted: { yes: boolean; why: string };
  deleteWhenClean: boolean;
  /** An installation token (the workflow token or an App's) writes as a bot: no person's comment can be ours. */
  installationToken: boolean;
}

export type CommentOutcome =
  | { action: "created" | "updated" | "unchanged" | "recreated" | "hidden"; id: number; url: string; why: string }
  | { action: "deleted" | "skipped"; why: string }
  | { action: "forbidden"; status: number; message: string };

interface Candidate {
  id: number;
  nodeId: string;
  url: string;
  user: { login: string; type: string };
  digest: string | null;
  /** Position in the conversation (0 = oldest). */
  order: number;
}

/** 100 comments a page: ours is searched among the oldest 2,000 of the pull request, as on GitLab. */
export const PER_PAGE = 100;
export const MAX_PAGES = 20;

/**
 * `always`: every run. `failure`: a warn or fail verdict. `change`: a warn or fail verdict (a failing pull request
 * must be visible), or a figure that differs from the base: an entry added, removed or changed, a manifest added or
 * removed, or one without a base. A change against our last comment is caught by its digest when it is kept current.
 */
export function wantsComment(report: Report, on: CommentOn): { yes: boolean; why: string } {
  if (on === "always") return { yes: true, why: "comment-on: always" };
  if (report.verdict !== "pass") return { yes: true, why: `comment-on: ${on}, verdict ${report.verdict}` };
  if (on === "failure") return { yes: false, why: "comment-on: failure, and the verdict is pass" };
  const changed = report.manifests.some((m) => m.status === "removed" || m.delta === null || m.delta.runs.some((r) => r.change !== "unchanged"));
  return changed
    ? { yes: true, why: "comment-on: change, and a figure differs from the base" }
    : { yes: false, why: "comment-on: change, and no figure differs from the base (verdict pass)" };
}

const QUERY_VIEWER = "query { viewer { login } }";

/** The token's own login. GraphQL's `viewer` answers every kind of token (REST's `GET /user` refuses installation tokens). */
async function viewer(octokit: Octokit): Promise<string> {
  const res = await octokit.graphql<{ viewer?: { login?: unknown } }>(QUERY_VIEWER);
  const login = res.viewer?.login;
  if (typeof login !== "string" || login === "") throw new Error("GitHub's answer to the viewer query has no login");
  return login;
}

/**
 * The comments of the pull request that start with the marker, from the oldest MAX_PAGES pages: a server that links
 * on forever costs at most that many requests.
 */
async function markedComments(octokit: Octokit, t: CommentTarget, warn: (message: string) => void): Promise<Candidate[]> {
  const marked: Candidate[] = [];
  let order = 0;
  let pages = 0;
  const iterator = octokit.paginate.iterator("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: PER_PAGE,
  });
  for await (const page of iterator) {
    for (const c of page.data) {
      const sticky = readSticky(c.body ?? "", t.marker);
      if (c.user && sticky) marked.push({ id: c.id, nodeId: c.node_id, url: c.html_url, user: c.user, digest: sticky.digest, order });
      order++;
    }
    if (++pages >= MAX_PAGES && page.headers.link?.includes('rel="next"')) {
      warn(`Only the oldest ${MAX_PAGES * PER_PAGE} comments of the pull request were searched for ours.`);
      break;
    }
  }
  return marked;
}

const mayBeOurs = (c: Candidate, plan: CommentPlan) => !plan.installationToken || c.user.type === "Bot";

/**
 * Ours among the marked comments, newest first. The token's login is asked (one GraphQL request) only when a marked
 * comment could be ours: an installation token writes as a bot, so a person's comment never is.
 */
async function ownComments(octokit: Octokit, marked: Candidate[], plan: CommentPlan): Promise<Candidate[]> {
  const possible = marked.filter((c) => mayBeOurs(c, plan));
  if (possible.length === 0) return [];
  const me = await viewer(octokit);
  return possible.filter((c) => c.user.login === me).sort((a, b) => b.order - a.order);
}

/** Leaves our comment when it already shows this digest, else edits it. */
async function keepCurrent(octokit: Octokit, t: CommentTarget, c: Candidate, plan: CommentPlan, why: string): Promise<CommentOutcome | null> {
  if (c.digest === plan.digest) return { action: "unchanged", id: c.id, url: c.url, why: "it shows the same figures and findings (same digest)" };
  try {
    const res = await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      owner: t.owner,
      repo: t.repo,
      comment_id: c.id,
      body: plan.body,
    });
    return { action: "updated", id: Number(res.data.id), url: res.data.html_url, why };
  } catch (err) {
    // Deleted since it was listed: there is none to keep current.
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

/** A write refused (403, 404, not a rate limit): a read-only token. */
function isRefusal(err: unknown): boolean {
  const status = statusOf(err);
  return !isRateLimited(err) && (status === 403 || status === 404);
}

async function create(octokit: Octokit, t: CommentTarget, body: string): Promise<{ id: number; url: string; login: string | null }> {
  const res = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    body,
  });
  return { id: Number(res.data.id), url: res.data.html_url, login: res.data.user?.login ?? null };
}

/** Deletes each comment; one already gone (404) counts as deleted. Returns how many are gone. */
async function remove(octokit: Octokit, t: CommentTarget, comments: Candidate[]): Promise<number> {
  let gone = 0;
  for (const c of comments) {
    try {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner: t.owner, repo: t.repo, comment_id: c.id });
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
    gone++;
  }
  return gone;
}

const MINIMIZE = `mutation minimizeComment($id: ID!) {
  minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } }
}`;

/**
 * Posts, edits, replaces, hides or deletes our comment as `plan` says. A 403 or 404 on a write (a read-only
 * token: pull requests from forks, Dependabot) is `forbidden`, not a failure of the gate.
 */
export async function postComment(octokit: Octokit, t: CommentTarget, plan: CommentPlan, warn: (message: string) => void): Promise<CommentOutcome> {
  try {
    if (plan.mode === "new") {
      // Earlier comments are never read: each qualifying run adds one.
      if (!plan.wanted.yes) return { action: "skipped", why: plan.wanted.why };
      const made = await create(octokit, t, plan.body);
      return { action: "created", id: made.id, url: made.url, why: `comment: new, ${plan.wanted.why}` };
    }
    const marked = await markedComments(octokit, t, warn);

    if (!plan.wanted.yes) {
      const ours = await ownComments(octokit, marked, plan);
      if (ours.length === 0) return { action: "skipped", why: `${plan.wanted.why}; no comment of ours to keep current` };
      if (plan.deleteWhenClean) {
        const n = await remove(octokit, t, ours);
        return { action: "deleted", why: `${plan.wanted.why}, and delete-when-clean is set (${n} removed)` };
      }
      // Never left showing a stale failure; but no comment is created for a pull request that does not call for one.
      return (
        (await keepCurrent(octokit, t, ours[0]!, plan, `${plan.wanted.why}; the existing comment is kept current`)) ?? {
          action: "skipped",
          why: `${plan.wanted.why}; our comment was deleted meanwhile`,
        }
      );
    }

    if (plan.mode === "update") {
      const [latest] = await ownComments(octokit, marked, plan);
      const kept = latest && (await keepCurrent(octokit, t, latest, plan, `the figures or findings changed (${plan.wanted.why})`));
      if (kept) return kept;
      const made = await create(octokit, t, plan.body);
      return { action: "created", id: made.id, url: made.url, why: `no comment of ours yet (${plan.wanted.why})` };
    }

    // recreate, hide-and-new: nothing to do when our latest comment already shows this report. Whose it is matters
    // only when a marked comment shows this digest; otherwise the post below tells, by its author, which are ours.
    if (marked.some((c) => c.digest === plan.digest && mayBeOurs(c, plan))) {
      const [latest] = await ownComments(octokit, marked, plan);
      if (latest?.digest === plan.digest)
        return { action: "unchanged", id: latest.id, url: latest.url, why: "it shows the same figures and findings (same digest)" };
    }
    const made = await create(octokit, t, plan.body);
    const earlier = marked.filter((c) => c.user.login === made.login && c.id !== made.id).sort((a, b) => b.order - a.order);
    if (earlier.length === 0) return { action: "created", id: made.id, url: made.url, why: `no comment of ours yet (${plan.wanted.why})` };
    if (plan.mode === "recreate") {
      try {
        const n = await remove(octokit, t, earlier);
        return { action: "recreated", id: made.id, url: made.url, why: `comment: recreate, ${n} earlier comment${n === 1 ? "" : "s"} deleted` };
      } catch (err) {
        warn(`The earlier PR comment could not be deleted: ${errorMessage(err)}.`);
        return { action: "created", id: made.id, url: made.url, why: "comment: recreate, but the earlier comment could not be deleted" };
      }
    }
    // The older ones were hidden by the runs that replaced them.
    try {
      await octokit.graphql(MINIMIZE, { id: earlier[0]!.nodeId });
      return { action: "hidden", id: made.id, url: made.url, why: "comment: hide-and-new, the earlier comment is minimised as outdated" };
    } catch (err) {
      warn(`The earlier PR comment could not be hidden: ${errorMessage(err)}.`);
      return { action: "created", id: made.id, url: made.url, why: "comment: hide-and-new, but the earlier comment could not be hidden" };
    }
  } catch (err) {
    // Pull requests from forks (and Dependabot) get a read-only token: not a failure of the gate.
    if (isRefusal(err)) return { action: "forbidden", status: statusOf(err)!, message: errorMessage(err) };
    throw err;
  }
}
