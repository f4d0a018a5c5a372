// The sticky PR comment, REST only (GitHub Enterprise Server has these endpoints since long ago).
// Ours is the comment that carries our marker AND was written by us: anyone can paste the marker.
import { isRateLimited, statusOf, type Octokit } from "./client.js";

export type CommentMode = "update" | "new" | "off";

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
}

export type CommentOutcome =
  | { action: "created" | "updated" | "unchanged"; url: string }
  | { action: "skipped" }
  | { action: "forbidden"; status: number; message: string };

interface Author {
  login: string;
  type: string;
}

interface Candidate {
  id: number;
  body: string;
  html_url: string;
  user: Author;
}

/** The workflow token's comments are by this account; an App's installation token writes as `<app-slug>[bot]`. */
const WORKFLOW_BOT = "github-actions[bot]";
/** Edits refused in a row before giving up on finding ours (another bot could flood the PR with our marker). */
const MAX_REFUSED_EDITS = 5;

const isBot = (u: Author) => u.type === "Bot" && u.login.endsWith("[bot]");

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

/**
 * Our comment, tried in order and edited: comments with the marker by the token's own account, else (when the token
 * may not say who it is) by bots, `github-actions[bot]` first. `GET /user` is asked only when a person's comment
 * carries the marker, so the common run (the workflow token, a bot's comment or none) makes no identity request.
 * An edit refused (403, 404) means the comment is someone else's: the next one is tried.
 */
async function updateOurs(octokit: Octokit, t: CommentTarget, body: string): Promise<CommentOutcome | null> {
  let me: string | null | undefined; // undefined: not asked yet
  let refused = 0;
  const pages = octokit.paginate.iterator("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const marked: Candidate[] = [];
    for (const c of page.data) {
      if (c.user && (c.body ?? "").startsWith(t.marker)) marked.push({ id: c.id, body: c.body ?? "", html_url: c.html_url, user: c.user });
    }
    if (marked.length === 0) continue;
    if (me === undefined && marked.some((c) => !isBot(c.user))) me = await viewer(octokit);
    const candidates = marked
      .filter((c) => (me ? c.user.login === me : isBot(c.user)))
      .sort((a, b) => Number(b.user.login === WORKFLOW_BOT) - Number(a.user.login === WORKFLOW_BOT));
    for (const c of candidates) {
      // GitHub stores the body as sent; an identical body needs no call (and makes no notification).
      if (c.body === body) return { action: "unchanged", url: c.html_url };
      try {
        const res = await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner: t.owner,
          repo: t.repo,
          comment_id: c.id,
          body,
        });
        return { action: "updated", url: res.data.html_url };
      } catch (err) {
        const status = statusOf(err);
        if (isRateLimited(err) || (status !== 403 && status !== 404)) throw err;
        if (++refused >= MAX_REFUSED_EDITS) return null;
      }
    }
  }
  return null;
}

export async function upsertComment(octokit: Octokit, t: CommentTarget, body: string, mode: CommentMode): Promise<CommentOutcome> {
  if (mode === "off") return { action: "skipped" };
  try {
    if (mode === "update") {
      const outcome = await updateOurs(octokit, t, body);
      if (outcome) return outcome;
    }
    const res = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: t.owner,
      repo: t.repo,
      issue_number: t.issueNumber,
      body,
    });
    return { action: "created", url: res.data.html_url };
  } catch (err) {
    const status = statusOf(err);
    // Pull requests from forks (and Dependabot) get a read-only token: not a failure of the gate.
    if (!isRateLimited(err) && (status === 403 || status === 404)) return { action: "forbidden", status, message: err instanceof Error ? err.message : String(err) };
    throw err;
  }
}
