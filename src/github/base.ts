// The base commit's manifests: read with git when the checkout has the commit, else through the REST API
// (actions/checkout fetches one commit by default). Base and head are evaluated with the same bundled catalogue.
// A base that cannot be read (no contents permission, server errors after retries, git failing) is not a failure:
// readers throw BaseUnavailable, and the action then reports without a comparison.
import type { Logger } from "../evaluate-all.js";
import { BaseUnavailable, type ManifestSource } from "../manifest/source.js";
import { FileError, gitCommit, repoSource, type RepoReader } from "../sources.js";
import { boundedFetch } from "../util/bounded-fetch.js";
import { isRateLimited, statusOf, type Octokit } from "./client.js";

export interface BaseReader {
  via: "git" | "api";
  sha: string;
  source(repoPath: string): Promise<ManifestSource | null>;
  /** Every file path at the base commit (to find manifests the change removed). */
  files(): Promise<string[]>;
}

function why(err: unknown): string {
  const status = statusOf(err);
  if (isRateLimited(err)) return `HTTP ${status}: rate limited by the GitHub API`;
  if (status === 403) return "HTTP 403: the token may lack the contents: read permission";
  if (status !== undefined) return `HTTP ${status}`;
  return "the request failed";
}

/** null when git lacks the commit and there is no token for the API. */
export function baseReader(workspace: string, sha: string, octokit: Octokit | null, owner: string, repo: string, log: Logger): BaseReader | null {
  const display = (p: string) => `${p}@${sha.slice(0, 7)}`;
  let commit;
  try {
    commit = gitCommit(workspace, sha);
  } catch {
    commit = null; // git cannot read the checkout: fall back to the API
  }
  if (commit) {
    const c = commit;
    const guard = async <T>(f: () => Promise<T> | T): Promise<T> => {
      try {
        return await f();
      } catch (err) {
        throw err instanceof FileError ? err : new BaseUnavailable("git failed");
      }
    };
    return {
      via: "git",
      sha,
      source: (p) => sourceOf(p, display(p), (q, maxBytes) => guard(() => c.show(q, maxBytes))),
      files: () => guard(() => c.files()),
    };
  }
  if (!octokit) return null;
  const fetchOf = (octokit.request.endpoint.DEFAULTS.request?.fetch ?? globalThis.fetch) as typeof fetch;
  const read = async (path: string, maxBytes: number): Promise<string | null> => {
    try {
      const res = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner,
        repo,
        path,
        ref: sha,
        mediaType: { format: "raw" },
        request: { fetch: boundedFetch(fetchOf, maxBytes) },
      });
      // A folder answers with a JSON listing, not the raw text of a file.
      return typeof res.data === "string" ? res.data : null;
    } catch (err) {
      // 404: not at the base (a manifest new in this change). Anything else, retries spent: no base at all.
      if (statusOf(err) === 404) return null;
      throw new BaseUnavailable(why(err));
    }
  };
  return {
    via: "api",
    sha,
    source: (p) => sourceOf(p, display(p), read),
    async files() {
      let res;
      try {
        res = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner, repo, tree_sha: sha, recursive: "1" });
      } catch (err) {
        // Without the list a removed manifest would vanish from the totals: no comparison rather than a wrong one.
        throw new BaseUnavailable(statusOf(err) === 404 ? "HTTP 404: the API does not know the commit" : why(err));
      }
      if (res.data.truncated) log.notice("The base commit's file list is truncated by the API; a removed manifest may not be reported.");
      return res.data.tree.filter((t) => t.type === "blob" && t.path).map((t) => t.path);
    },
  };
}

/** A base manifest too large or not a regular file leaves no base to compare with; it does not fail the gate. */
async function sourceOf(path: string, display: string, read: RepoReader): Promise<ManifestSource | null> {
  try {
    return await repoSource(path, display, read);
  } catch (err) {
    if (err instanceof FileError) throw new BaseUnavailable(`${path}: ${err.message}`);
    throw err;
  }
}
