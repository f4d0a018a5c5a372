// The sticky PR comment, REST only (GitHub Enterprise Server has these endpoints since long ago).
// Ours is the comment that carries our marker AND was written by us: anyone can paste the marker.
import { statusOf, type Octokit } from "./client.js";

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

/** Whose comments are ours: the token's login; an installation token (GITHUB_TOKEN, a GitHub App) may not ask. */
async function author(octokit: Octokit): Promise<(user: { login: string; type: string } | null | undefined) => boolean> {
  try {
    const res = await octokit.request("GET /user");
    const login = res.data.login;
    return (user) => user?.login === login;
  } catch (err) {
    const status = statusOf(err);
    if (status !== 401 && status !== 403 && status !== 404) throw err;
    // github-actions[bot] for the GITHUB_TOKEN, `<app>[bot]` for an App: a bot either way, never a person.
    return (user) => user?.type === "Bot" && user.login.endsWith("[bot]");
  }
}

async function findOurs(
  octokit: Octokit,
  t: CommentTarget,
  isOurs: (user: { login: string; type: string } | null | undefined) => boolean,
): Promise<{ id: number; body: string; html_url: string } | undefined> {
  const pages = octokit.paginate.iterator("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const hit = page.data.find((c) => isOurs(c.user) && (c.body ?? "").startsWith(t.marker));
    if (hit) return { id: hit.id, body: hit.body ?? "", html_url: hit.html_url };
  }
  return undefined;
}

export async function upsertComment(octokit: Octokit, t: CommentTarget, body: string, mode: CommentMode): Promise<CommentOutcome> {
  if (mode === "off") return { action: "skipped" };
  try {
    if (mode === "update") {
      const ours = await findOurs(octokit, t, await author(octokit));
      if (ours) {
        // GitHub stores the body as sent; an identical body needs no call (and makes no notification).
        if (ours.body === body) return { action: "unchanged", url: ours.html_url };
        const res = await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner: t.owner,
          repo: t.repo,
          comment_id: ours.id,
          body,
        });
        return { action: "updated", url: res.data.html_url };
      }
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
    if (status === 403 || status === 404) return { action: "forbidden", status, message: err instanceof Error ? err.message : String(err) };
    throw err;
  }
}
