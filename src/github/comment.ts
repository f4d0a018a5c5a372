// The PR comment: REST for listing, writing and deleting (GitHub Enterprise Server has had these for long);
// GraphQL only for `hide-and-new`, since REST cannot minimise a comment.
// Ours is a comment that carries our marker AND was written by us: anyone can paste the marker.
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
  /** An installation token (the workflow token or an App's) writes as a bot and may not ask `GET /user`. */
  installationToken: boolean;
}

export type CommentOutcome =
  | { action: "created" | "updated" | "unchanged" | "recreated" | "hidden"; id: number; url: string; why: string }
  | { action: "deleted" | "skipped"; why: string }
  | { action: "forbidden"; status: number; message: string };

interface Author {
  login: string;
  type: string;
}

interface Candidate {
  id: number;
  nodeId: string;
  url: string;
  user: Author;
  digest: string | null;
  /** Position in the conversation (0 = oldest). */
  order: number;
}

/** The workflow token's comments are by this account; an App's installation token writes as `<app-slug>[bot]`. */
const WORKFLOW_BOT = "github-actions[bot]";
/** Edits refused in a row before giving up on finding ours (another bot could flood the PR with our marker). */
const MAX_REFUSED_EDITS = 5;

const isBot = (u: Author) => u.type === "Bot" && u.login.endsWith("[bot]");

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

/** The token's own login, or null when it may not ask: the workflow token and App installation tokens are refused. */
async function viewer(octokit: Octokit): Promise<string | null> {
  try {
    return (await octokit.request("GET /user")).data.login;
  } catch (err) {
    const status = statusOf(err);
    if (isRateLimited(err) || (status !== 401 && status !== 403 && status !== 404)) throw err;
    return null;
  }
}

/** Every comment of the pull request that starts with the marker (all pages). */
async function markedComments(octokit: Octokit, t: CommentTarget): Promise<Candidate[]> {
  const marked: Candidate[] = [];
  let order = 0;
  const pages = octokit.paginate.iterator("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const c of page.data) {
      const sticky = readSticky(c.body ?? "", t.marker);
      if (c.user && sticky) marked.push({ id: c.id, nodeId: c.node_id, url: c.html_url, user: c.user, digest: sticky.digest, order });
      order++;
    }
  }
  return marked;
}

/**
 * The marked comments that may be ours, most likely first: those by the token's own account, else (when the token
 * may not say who it is) those by bots, `github-actions[bot]`'s first; the newest first within one account.
 * `GET /user` is asked only when a person's comment carries the marker and the token is not an installation
 * token, so the common run makes no identity request.
 */
async function ownComments(octokit: Octokit, marked: Candidate[], installationToken: boolean): Promise<Candidate[]> {
  const me = !installationToken && marked.some((c) => !isBot(c.user)) ? await viewer(octokit) : null;
  return marked
    .filter((c) => (me ? c.user.login === me : isBot(c.user)))
    .sort((a, b) => Number(b.user.login === WORKFLOW_BOT) - Number(a.user.login === WORKFLOW_BOT) || b.order - a.order);
}

/** A write refused (403, 404, not a rate limit): the comment is not ours, or the token is read-only. */
function isRefusal(err: unknown): boolean {
  const status = statusOf(err);
  return !isRateLimited(err) && (status === 403 || status === 404);
}

/**
 * Edits the first candidate the token may edit, or leaves it when it already shows this digest. A refused edit
 * (403, 404) means another bot's comment: the next is tried, up to MAX_REFUSED_EDITS. null: none was ours.
 */
async function updateOurs(octokit: Octokit, t: CommentTarget, ours: Candidate[], plan: CommentPlan, why: string): Promise<CommentOutcome | null> {
  let refusals = 0;
  for (const c of ours) {
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
      if (!isRefusal(err)) throw err;
      if (++refusals >= MAX_REFUSED_EDITS) return null;
    }
  }
  return null;
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
    const marked = await markedComments(octokit, t);
    const ours = await ownComments(octokit, marked, plan.installationToken);

    if (!plan.wanted.yes) {
      if (ours.length === 0) return { action: "skipped", why: `${plan.wanted.why}; no comment of ours to keep current` };
      if (plan.deleteWhenClean) {
        const mine = ours.filter((c) => c.user.login === ours[0]!.user.login);
        const n = await remove(octokit, t, mine);
        return { action: "deleted", why: `${plan.wanted.why}, and delete-when-clean is set (${n} removed)` };
      }
      // Never left showing a stale failure; but no comment is created for a pull request that does not call for one.
      return (
        (await updateOurs(octokit, t, ours, plan, `${plan.wanted.why}; the existing comment is kept current`)) ?? {
          action: "skipped",
          why: `${plan.wanted.why}; none of the marked comments is ours`,
        }
      );
    }

    if (plan.mode === "update") {
      const updated = await updateOurs(octokit, t, ours, plan, `the figures or findings changed (${plan.wanted.why})`);
      if (updated) return updated;
      const made = await create(octokit, t, plan.body);
      return {
        action: "created",
        id: made.id,
        url: made.url,
        why: ours.length ? "the marked comments are not ours (edits refused)" : `no comment of ours yet (${plan.wanted.why})`,
      };
    }

    // recreate, hide-and-new: nothing to do when the latest comment already shows this report.
    const latest = ours[0];
    if (latest?.digest === plan.digest)
      return { action: "unchanged", id: latest.id, url: latest.url, why: "it shows the same figures and findings (same digest)" };
    // Posted first: its author is the token's account, which tells exactly which earlier comments are ours.
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
