// What the core reads a manifest through. Its own module so that the core (evaluate, policy) and the readers
// (sources.ts, the GitHub adapter) share it without importing each other.

/** A manifest and the files it refers to, wherever they are read from (work tree, git ref, API). */
export interface ManifestSource {
  /** Path shown in reports and annotations (POSIX, relative to the repository root). */
  path: string;
  text: string;
  /** Reads a file named in the manifest, relative to the manifest's folder; null when it does not exist.
   *  Throws PathError for a path that leaves the repository, a file that is not a regular file, or one over
   *  `maxBytes` (default 1 MiB). */
  readRelative(rel: string, opts?: { maxBytes?: number }): Promise<string | null>;
  /** Whether a file or folder named in the manifest exists (same rules). */
  exists(rel: string): Promise<boolean>;
  /** The repository path (POSIX, from the repository root) of a file named in the manifest; throws PathError as readRelative. */
  repoPath?(rel: string): string;
}

export class PathError extends Error {}

/** The base cannot be read at all; `reason` names the failure (an HTTP status, never text from the repository). */
export class BaseUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`the base commit cannot be read (${reason})`);
  }
}
