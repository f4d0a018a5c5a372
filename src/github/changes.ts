// The files the change touches, with its renames (change/files.ts), for the action: from git when the checkout has
// the base commit, else from the pull request's list of files (REST, 100 a page, at most GitHub's 3,000 files).
// Read once, and only when something asks (a manifest the head lacks, the check of launch configs no entry reads).
import { MAX_CHANGED_FILES, type ChangedFile, type ChangedFiles, type ChangeStatus } from "../change/files.js";
import type { Logger } from "../evaluate-all.js";
import { gitCommit } from "../sources.js";
import { errorMessage } from "../util/errors.js";
import type { Octokit } from "./client.js";

const PER_PAGE = 100;
const STATUSES: readonly string[] = ["added", "removed", "modified", "renamed", "copied", "changed"] satisfies ChangeStatus[];

export interface ChangeSource {
  workspace: string;
  baseSha: string;
  octokit: Octokit | null;
  owner: string;
  repo: string;
  /** The pull request, for its list of files when git lacks the base commit. */
  pullNumber: number | null;
  log: Logger;
}

/** The change's files. When neither git nor the API can list them, a warning says so and none are known. */
export function changedFiles(o: ChangeSource): ChangedFiles {
  let files: Promise<readonly ChangedFile[]> | null = null;
  return () => (files ??= list(o));
}

async function list(o: ChangeSource): Promise<readonly ChangedFile[]> {
  const unknown = (why: string) => {
    o.log.warning(
      `The files this change touches cannot be listed (${why}): a moved manifest is reported as removed and new, and launch configs are not checked.`,
    );
    return [];
  };
  let commit;
  try {
    commit = gitCommit(o.workspace, o.baseSha);
  } catch {
    commit = null;
  }
  if (commit) return commit.changes() ?? unknown("git diff failed");
  if (!o.octokit || o.pullNumber === null) return unknown("the checkout lacks the base commit, and there is no pull request to ask GitHub about");
  const files: ChangedFile[] = [];
  try {
    const pages = o.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      owner: o.owner,
      repo: o.repo,
      pull_number: o.pullNumber,
      per_page: PER_PAGE,
    });
    let n = 0;
    for await (const page of pages) {
      for (const f of page.data) {
        if (!STATUSES.includes(f.status)) continue;
        files.push({ path: f.filename, status: f.status as ChangeStatus, previous_path: f.previous_filename ?? null });
      }
      // GitHub lists at most 3,000 files; a server that links on past them is not followed.
      if (++n >= MAX_CHANGED_FILES / PER_PAGE) break;
    }
  } catch (err) {
    return unknown(errorMessage(err));
  }
  return files;
}
