// The base commit's manifests: read with git when the checkout has the commit, else through the REST API
// (actions/checkout fetches one commit by default). Base and head are evaluated with the same bundled catalogue.
import * as core from "./log.js";
import type { ManifestSource } from "../evaluate.js";
import { gitCommit, repoSource } from "../sources.js";
import { statusOf, type Octokit } from "./client.js";

export interface BaseReader {
  via: "git" | "api";
  sha: string;
  source(repoPath: string): Promise<ManifestSource | null>;
  /** Every file path at the base commit (to find manifests the change removed). */
  files(): Promise<string[]>;
}

/** null when git lacks the commit and there is no token for the API. */
export function baseReader(workspace: string, sha: string, octokit: Octokit | null, owner: string, repo: string): BaseReader | null {
  const display = (p: string) => `${p}@${sha.slice(0, 7)}`;
  const commit = gitCommit(workspace, sha);
  if (commit) {
    return { via: "git", sha, source: (p) => repoSource(p, display(p), (q) => commit.show(q)), files: async () => commit.files() };
  }
  if (!octokit) return null;
  const read = async (path: string): Promise<string | null> => {
    try {
      const res = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path, ref: sha, mediaType: { format: "raw" } });
      // A folder answers with a JSON listing, not the raw text of a file.
      return typeof res.data === "string" ? res.data : null;
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  };
  return {
    via: "api",
    sha,
    source: (p) => repoSource(p, display(p), read),
    async files() {
      let res;
      try {
        res = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner, repo, tree_sha: sha, recursive: "1" });
      } catch (err) {
        // An unknown commit, or a token without contents access: nothing to compare with, not a failure.
        if (statusOf(err) !== 404) throw err;
        core.notice(`The base commit ${sha.slice(0, 12)} cannot be listed through the API (404); removed manifests are not reported.`);
        return [];
      }
      if (res.data.truncated) core.notice("The base commit's file list is truncated by the API; a removed manifest may not be reported.");
      return res.data.tree.filter((t) => t.type === "blob" && t.path).map((t) => t.path);
    },
  };
}
