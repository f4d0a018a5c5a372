// `footprint-gate comment gitlab`: the report as one sticky merge-request note, kept current from GitLab's predefined
// CI/CD variables. The body is the GitHub comment's (GitLab renders the same <details>, <sub> and alerts); only the
// links (job, manifest lines) point at GitLab.
import { realpathSync } from "node:fs";
import { reportDigest } from "../digest.js";
import type { Finding } from "../findings.js";
import { docsUrl, fitMarkdown, type Footer } from "../render/markdown.js";
import type { Report } from "../report.js";
import { digestLine, markerLine } from "../sticky.js";
import { errorMessage } from "../util/errors.js";
import { GitlabApiError, notesClient, type NotesOptions } from "./notes.js";

export const GITLAB_USAGE = `Usage: footprint-gate comment gitlab [MANIFEST…] [--base FILE | --base-ref GITREF] [--report FILE]
                                     [--format text|markdown|json] [--fail-on error|warning|never]

  Runs check (or reads --report FILE, the JSON report of an earlier check) and keeps one note on the GitLab merge
  request up to date: created once, edited in place when the figures or findings change, left alone otherwise.
  Prints the report like check and exits with the gate's exit code.

  Runs in a merge-request pipeline and reads GitLab's CI/CD variables CI_API_V4_URL, CI_MERGE_REQUEST_PROJECT_ID
  and CI_MERGE_REQUEST_IID, and the token from GITLAB_TOKEN: a project access token with the api scope and at least
  the Reporter role (CI_JOB_TOKEN cannot write merge-request notes).
  --report FILE  the JSON report of check --format json, instead of MANIFEST, --base and --base-ref
`;

/** GitLab refuses notes over 1,000,000 characters; bytes are a safe upper bound of characters. */
export const NOTE_LIMIT = 1_000_000;

/** A setting the job must fix (not a merge-request pipeline, no token, a token GitLab refuses): exit code 2. */
export class GitlabError extends Error {}

export interface MergeRequest {
  api: string;
  projectId: string;
  mrIid: number;
  token: string;
  /** The merge request's project page (CI_MERGE_REQUEST_PROJECT_URL), for the note's address. */
  mrProjectUrl: string | null;
  /** The project and commit the job checked out, for links to manifest lines. */
  projectUrl: string | null;
  sha: string | null;
  projectDir: string | null;
  jobUrl: string | null;
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const PLAIN_URL = /^https?:\/\/[^\s()<>[\]"'`\\]+$/;
const url = (value: string | undefined): string | null => (value && PLAIN_URL.test(value) ? value.replace(/\/$/, "") : null);

/** The merge request this job runs for, from the predefined variables; a GitlabError says what is missing and how to fix it. */
export function mergeRequestOf(env: NodeJS.ProcessEnv): MergeRequest {
  const iid = env.CI_MERGE_REQUEST_IID;
  if (!iid)
    throw new GitlabError(
      'not a merge-request pipeline: CI_MERGE_REQUEST_IID is not set. Run this job in merge-request pipelines (rules: - if: $CI_PIPELINE_SOURCE == "merge_request_event"), or use footprint-gate check elsewhere',
    );
  if (!/^[1-9]\d{0,9}$/.test(iid)) throw new GitlabError(`CI_MERGE_REQUEST_IID must be a merge request number (got ${JSON.stringify(iid.slice(0, 40))})`);
  // The merge request belongs to the target project; in a fork's pipeline CI_PROJECT_ID is the fork.
  const projectId = env.CI_MERGE_REQUEST_PROJECT_ID || env.CI_PROJECT_ID;
  if (!projectId || !/^[1-9]\d{0,18}$/.test(projectId)) throw new GitlabError("CI_MERGE_REQUEST_PROJECT_ID is not set to a project id");
  const api = url(env.CI_API_V4_URL);
  if (!api) throw new GitlabError("CI_API_V4_URL is not set to an http(s) address (GitLab sets it in every job, e.g. https://gitlab.com/api/v4)");
  // Spaces or a line break around a pasted token are dropped; anything else but visible ASCII inside it is refused
  // before it reaches a header, and no message shows any part of it.
  const token = env.GITLAB_TOKEN?.trim();
  if (token && !VISIBLE_ASCII.test(token))
    throw new GitlabError("GITLAB_TOKEN contains a space, a line break or another character a token never has; set the CI/CD variable to the token alone");
  if (!token)
    throw new GitlabError(
      "GITLAB_TOKEN is not set: create a project access token with the api scope and the Reporter role, and add it as a masked CI/CD variable GITLAB_TOKEN (CI_JOB_TOKEN cannot write merge-request notes)",
    );
  return {
    api,
    projectId,
    mrIid: Number(iid),
    token,
    mrProjectUrl: url(env.CI_MERGE_REQUEST_PROJECT_URL),
    projectUrl: url(env.CI_PROJECT_URL),
    sha: env.CI_COMMIT_SHA && /^[0-9a-f]{40}$/.test(env.CI_COMMIT_SHA) ? env.CI_COMMIT_SHA : null,
    projectDir: env.CI_PROJECT_DIR || null,
    jobUrl: url(env.CI_JOB_URL),
  };
}

/** Manifest paths are relative to the working directory: they are repository paths only when it is the checkout's root. */
function inProjectDir(dir: string | null): boolean {
  if (!dir) return false;
  try {
    return realpathSync(process.cwd()) === realpathSync(dir);
  } catch {
    return false;
  }
}

/** The note: marker, digest, then the comment body with GitLab links. One note per set of manifests. */
export function noteBody(report: Report, mr: MergeRequest, baseRef: string | null): { body: string; digest: string; marker: string } {
  const marker = markerLine(["gitlab", report.manifests.map((m) => m.path).join("\n")]);
  const digest = reportDigest(report);
  const { projectUrl, sha } = mr;
  const lineUrl =
    projectUrl && inProjectDir(mr.projectDir)
      ? (f: Finding, side: "head" | "base") => {
          // `--base-ref origin/main` names no commit GitLab knows: only a commit is linked.
          const at = side === "head" ? sha : baseRef && /^[0-9a-f]{40}$/.test(baseRef) ? baseRef : null;
          return at ? `${projectUrl}/-/blob/${at}/${f.file.split("/").map(encodeURIComponent).join("/")}#L${f.line}` : null;
        }
      : undefined;
  const footer: Footer = { baseSha: baseRef, headSha: sha, runUrl: mr.jobUrl, runLabel: "CI job", docsUrl: docsUrl() };
  const { body } = fitMarkdown(report, { marker: `${marker}\n${digestLine(digest)}`, lineUrl, footer, elsewhere: "the CI job's log" }, NOTE_LIMIT);
  return { body, digest, marker };
}

/**
 * Keeps the merge request's note current; the line to print says what was done. A refusal that trying again cannot
 * cure (the token, its role, the merge request) is a GitlabError; a GitLab that is down or unreachable is a warning:
 * the gate's verdict does not depend on it.
 */
export async function commentOnMergeRequest(report: Report, mr: MergeRequest, baseRef: string | null, options: NotesOptions = {}): Promise<string> {
  const { body, digest, marker } = noteBody(report, mr, baseRef);
  const warn = (message: string) => process.stderr.write(`footprint-gate: warning: ${message}\n`);
  const notes = notesClient({ api: mr.api, projectId: mr.projectId, mrIid: mr.mrIid, token: mr.token, marker }, { warn, ...options });
  try {
    const outcome = await notes.keep(body, digest);
    const where = mr.mrProjectUrl && outcome.id !== null ? `${mr.mrProjectUrl}/-/merge_requests/${mr.mrIid}#note_${outcome.id}` : `merge request !${mr.mrIid}`;
    return `merge request note ${outcome.action}: ${where} (${outcome.why})`;
  } catch (err) {
    if (err instanceof GitlabApiError && err.permanent) throw new GitlabError(err.message);
    return `warning: the merge request note could not be kept current: ${errorMessage(err)}; the verdict stands`;
  }
}
