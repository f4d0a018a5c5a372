// The files a change touches, with its renames: the one shape both adapters give (the action from the pull request's
// files or git, the CLI from git), read by whatever must know what a change moved, removed or edited.

/** GitHub's words for a file of a pull request (`pulls/{n}/files`); git's letters map onto them. */
export type ChangeStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed";

export interface ChangedFile {
  /** Repository path at the head (POSIX); for a removed file, its path at the base. */
  path: string;
  status: ChangeStatus;
  /** The base path of a renamed or copied file; null otherwise. */
  previous_path: string | null;
}

/** The change's files, read once and only when asked for (most runs never need them). */
export type ChangedFiles = () => Promise<readonly ChangedFile[]>;

/** At most this many files are listed: GitHub's own limit for a pull request's files. */
export const MAX_CHANGED_FILES = 3000;

const GIT_STATUS: Record<string, ChangeStatus> = { A: "added", D: "removed", M: "modified", R: "renamed", C: "copied", T: "changed" };

/**
 * The output of `git diff --name-status -z -M`: a status field (`M`, `R087`…), then one path, or two for a rename or
 * copy (base, then head). Other statuses (unmerged, unknown) are left out.
 */
export function parseNameStatus(out: string): ChangedFile[] {
  const fields = out.split("\0");
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < fields.length && files.length < MAX_CHANGED_FILES;) {
    const letter = fields[i]!.charAt(0);
    const status = GIT_STATUS[letter];
    const two = letter === "R" || letter === "C";
    const [first, second] = [fields[i + 1]!, fields[i + 2] ?? ""];
    i += two ? 3 : 2;
    if (!status) continue;
    files.push(two ? { path: second, status, previous_path: first } : { path: first, status, previous_path: null });
  }
  return files;
}
