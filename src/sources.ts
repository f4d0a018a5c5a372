// Where manifests and the files they name are read from: the work tree, or a git ref (`git show`).
// Both confine every path to the repository; nothing in a manifest can make us read outside it.
import { createRequire } from "node:module";
import {
  closeSync,
  constants,
  existsSync,
  readdirSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { MAX_CHANGED_FILES, parseNameStatus, type ChangedFile } from "./change/files.js";
import { PathError, type ManifestSource } from "./manifest/source.js";
import type { LaunchFiles } from "./launch/unread.js";
import { MAX_MANIFEST_BYTES } from "./manifest/parse.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The default limit of a file named in a manifest (model card, docs); callers pass their own where it differs. */
export const MAX_RELATIVE_BYTES = 1024 * 1024;

export class SourceError extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A file that exists but is refused: too large, not a regular file, or unreadable. */
export class FileError extends PathError {
  constructor(
    message: string,
    readonly reason: "too-large" | "folder" | "special" | "unreadable",
  ) {
    super(message);
  }
}

/** The nearest folder at or above `dir` holding `.git`, else `dir` itself. */
export function repositoryRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(resolve(d, ".git"))) return d;
    if (dirname(d) === d) return dir;
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function checkRelative(rel: string): void {
  if (isAbsolute(rel) || /^[A-Za-z]:[\\/]/.test(rel)) throw new PathError("absolute paths are not allowed; use a path relative to the manifest");
  if (rel.includes("\0")) throw new PathError("the path contains a NUL character");
}

/**
 * `rel`, resolved from `dir`, if it stays inside `root`: as written, and after symlinks (of the path, or of its
 * nearest existing folder when it does not exist yet, so nothing is created through a link). Throws PathError.
 */
export function confine(root: string, dir: string, rel: string): string {
  checkRelative(rel);
  const target = resolve(dir, rel);
  if (!inside(resolve(root), target)) throw new PathError("the path points outside the repository");
  let existing = target;
  while (!existsSync(existing)) existing = dirname(existing);
  if (!inside(realpathSync(root), realpathSync(existing))) throw new PathError("the path resolves (through a symlink) outside the repository");
  return target;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  return "not a regular file";
}

function refuseSpecial(st: Stats): void {
  if (st.isFile()) return;
  const kind = kindOf(st);
  throw new FileError(
    st.isDirectory() ? "the path is a folder, not a file" : `the path is ${kind === "not a regular file" ? kind : `${kind}, not a regular file`}`,
    st.isDirectory() ? "folder" : "special",
  );
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them, read from one open descriptor (its type and
 * size are checked on the descriptor, so the file cannot be swapped between check and read). null when it does not
 * exist. Throws FileError for a folder, a FIFO, a device or socket, a file over `maxBytes`, or a read error.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer | null {
  let fd: number;
  try {
    // Refuse FIFOs and devices before opening them; O_NONBLOCK keeps an open of one swapped in meanwhile from hanging.
    refuseSpecial(statSync(path));
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if (err instanceof FileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new FileError(`the file cannot be read (${code ?? String(err)})`, "unreadable");
  }
  try {
    const st = fstatSync(fd);
    refuseSpecial(st);
    if (st.size > maxBytes) throw new FileError(`larger than ${maxBytes} bytes`, "too-large");
    // Read up to one byte past the limit, whatever fstat said: a file that grows meanwhile is still caught.
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, st.size + 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) throw new FileError(`larger than ${maxBytes} bytes`, "too-large");
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(grown, 0, 0, n);
        buf = grown;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError(`the file cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, "unreadable");
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `text` to `path`, which must be absent or a regular file: never through a symlink (a link to a file
 * outside the repository would otherwise be overwritten), never into a FIFO or device. Throws PathError.
 */
export function writeRegularFile(path: string, text: string): void {
  let st: Stats | null = null;
  try {
    st = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  if (st?.isSymbolicLink()) throw new PathError("the path is a symlink; refusing to write through it");
  if (st) refuseSpecial(st);
  let fd: number;
  try {
    // O_NOFOLLOW: a symlink put in place after the check is refused by the kernel, not followed.
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0), 0o666);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOOP") throw new PathError("the path is a symlink; refusing to write through it");
    throw err;
  }
  try {
    refuseSpecial(fstatSync(fd));
    ftruncateSync(fd, 0);
    const data = Buffer.from(text, "utf8");
    for (let n = 0; n < data.length;) n += writeSync(fd, data, n, data.length - n);
  } finally {
    closeSync(fd);
  }
}

/** Why a folder cannot be made or a file read or written, from the error of mkdir/open (a PathError's own message). */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EEXIST" || code === "ENOTDIR") return "a file is in the way (the path, or one of its folders, is a file, not a folder)";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "the file system is read-only";
  return err instanceof PathError ? err.message : `cannot write there (${code ?? String(err)})`;
}

/** A manifest over the size limit: parseManifest reports the size, as it does for any text that long. */
const oversizedManifest = () => "x".repeat(MAX_MANIFEST_BYTES + 1);

/**
 * The manifest at `file` in the work tree; `display` is how reports name it. `root` is the repository (the nearest
 * folder holding `.git` above the manifest, or the workspace in the action): the manifest itself, after symlinks,
 * and every file it names must stay inside it.
 */
export function workTreeSource(file: string, display = file.split(sep).join("/"), root = repositoryRoot(dirname(resolve(file)))): ManifestSource {
  const abs = resolve(file);
  let text: string;
  try {
    const bytes = readRegularFile(confine(root, root, relative(resolve(root), abs) || "."), MAX_MANIFEST_BYTES);
    if (bytes === null) throw new SourceError("the manifest does not exist", display);
    text = utf8.decode(bytes);
  } catch (err) {
    if (err instanceof SourceError) throw err;
    if (err instanceof TypeError) throw new SourceError("the manifest is not UTF-8 text", display);
    if (!(err instanceof FileError && err.reason === "too-large")) {
      if (err instanceof PathError) throw new SourceError(`the manifest cannot be read: ${err.message}`, display);
      const code = (err as NodeJS.ErrnoException).code;
      // A folder that does not exist has no repository root to resolve.
      if (code === "ENOENT" || code === "ENOTDIR") throw new SourceError("the manifest does not exist", display);
      throw new SourceError(`cannot read the manifest (${code ?? String(err)})`, display);
    }
    text = oversizedManifest();
  }
  const dir = dirname(abs);
  return {
    path: display,
    text,
    async readRelative(rel, opts) {
      try {
        return readRegularFile(confine(root, dir, rel), opts?.maxBytes ?? MAX_RELATIVE_BYTES)?.toString("utf8") ?? null;
      } catch (err) {
        // A folder is not a file to read; say so as for a missing one.
        if (err instanceof FileError && err.reason === "folder") return null;
        throw err;
      }
    },
    exists: async (rel) => existsSync(confine(root, dir, rel)),
    repoPath: (rel) =>
      relative(root, confine(root, dir, rel))
        .split(sep)
        .join("/"),
  };
}

/** The absolute path of a file named in the manifest at `file`, for writing; refuses paths out of the repository. */
export function writableRelative(file: string, rel: string): string {
  const dir = dirname(resolve(file));
  return confine(repositoryRoot(dir), dir, rel);
}

// child_process is loaded only when a git ref is read: most runs never need it.
const requireBuiltin = createRequire(import.meta.url);

function git(cwd: string, args: string[], maxBuffer = 128 * 1024 * 1024, timeout = 0): { ok: true; out: string } | { ok: false; err: string } {
  try {
    const { execFileSync } = requireBuiltin("node:child_process") as typeof import("node:child_process");
    const out = execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer, timeout });
    return { ok: true, out };
  } catch (err) {
    const e = err as { stderr?: string; code?: string };
    return { ok: false, err: e.code === "ENOENT" ? "git is not installed" : String(e.stderr ?? err).trim() };
  }
}

/** The commit checked out in `dir`, or null where git has none. */
export function gitHead(dir: string): string | null {
  const r = git(dir, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  return r.ok && /^[0-9a-f]{40}$/.test(r.out.trim()) ? r.out.trim() : null;
}

/** `rel` (relative to the manifest at `manifestPath`) as a repository path; refuses paths that leave the repository. */
export function repoPathOf(manifestPath: string, rel: string): string {
  checkRelative(rel);
  const target = posix.normalize(posix.join(posix.dirname(manifestPath), rel.split("\\").join("/")));
  if (target === ".." || target.startsWith("../")) throw new PathError("the path points outside the repository");
  return target;
}

/** Reads a repository path, at most `maxBytes` of it (FileError beyond); null when it does not exist. */
export type RepoReader = (repoPath: string, maxBytes: number) => Promise<string | null>;

/** A manifest read through some `read(repoPath)` (git or the REST API); null when it does not exist there. */
export async function repoSource(repoPath: string, display: string, read: RepoReader): Promise<ManifestSource | null> {
  // The limit is enforced here too, for a reader that cannot bound what it fetches.
  const bounded = async (p: string, maxBytes: number) => {
    const text = await read(p, maxBytes);
    if (text !== null && Buffer.byteLength(text, "utf8") > maxBytes) throw new FileError(`larger than ${maxBytes} bytes`, "too-large");
    return text;
  };
  let text: string | null;
  try {
    text = await bounded(repoPath, MAX_MANIFEST_BYTES);
  } catch (err) {
    if (!(err instanceof FileError)) throw err;
    // A folder or symlink where the manifest was is no manifest there.
    if (err.reason !== "too-large") return null;
    text = oversizedManifest();
  }
  if (text === null) return null;
  return {
    path: display,
    text,
    async readRelative(rel, opts) {
      try {
        return await bounded(repoPathOf(repoPath, rel), opts?.maxBytes ?? MAX_RELATIVE_BYTES);
      } catch (err) {
        // A folder reads as absent, as in the work tree.
        if (err instanceof FileError && err.reason === "folder") return null;
        throw err;
      }
    },
    exists: async (rel) => {
      try {
        return (await bounded(repoPathOf(repoPath, rel), 1)) !== null;
      } catch (err) {
        // Refused as a file to read, but there: too large, a folder, a symlink.
        if (err instanceof FileError && err.reason !== "unreadable") return true;
        throw err;
      }
    },
    repoPath: (rel) => repoPathOf(repoPath, rel),
  };
}

export interface GitCommit {
  root: string;
  sha: string;
  /** The file at `repoPath`, at most `maxBytes`; null when absent. FileError for a folder, a symlink, a larger file. */
  show(repoPath: string, maxBytes: number): Promise<string | null>;
  /** Every file path at the commit. */
  files(): string[];
  /** The tracked files changed from the commit to the work tree, renames paired as `git diff -M` pairs them; null when
   *  git cannot list them (in time, or within the size bound). */
  changes(): ChangedFile[] | null;
}

/** What listing a change's files may take: as many as GitHub lists for a pull request, in a minute. */
const MAX_CHANGES_BYTES = MAX_CHANGED_FILES * 2 * 4200;
const CHANGES_TIMEOUT_MS = 60_000;

/** A commit of the repository holding `dir`, or null when git does not have it (a shallow checkout). */
export function gitCommit(dir: string, ref: string): GitCommit | null {
  if (ref.startsWith("-")) return null;
  const commit = git(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  const top = git(dir, ["rev-parse", "--show-toplevel"]);
  if (!commit.ok || !top.ok) return null;
  const sha = commit.out.trim();
  const root = realpathSync(top.out.trim());
  return {
    root,
    sha,
    async show(repoPath, maxBytes) {
      // The size comes from the tree first, so a huge blob is refused without being read.
      const entry = git(root, ["--literal-pathspecs", "ls-tree", "-l", "-z", sha, "--", repoPath]);
      if (!entry.ok) return null;
      const match = entry.out
        .split("\0")
        .map((line) => /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]*)$/.exec(line))
        .find((m) => m?.[5] === repoPath);
      if (!match) return null;
      if (match[2] === "tree") throw new FileError("the path is a folder, not a file", "folder");
      if (match[2] !== "blob" || match[1] === "120000") throw new FileError("the path is a symlink or submodule, not a regular file", "special");
      if (Number(match[4]) > maxBytes) throw new FileError(`larger than ${maxBytes} bytes`, "too-large");
      const r = git(root, ["cat-file", "blob", match[3]!], maxBytes + 1);
      return r.ok ? r.out : null;
    },
    files() {
      const r = git(root, ["ls-tree", "-r", "--name-only", "-z", sha]);
      return r.ok ? r.out.split("\0").filter(Boolean) : [];
    },
    changes() {
      const r = git(root, ["diff", "--no-ext-diff", "--name-status", "-z", "-M", sha, "--"], MAX_CHANGES_BYTES, CHANGES_TIMEOUT_MS);
      return r.ok ? parseNameStatus(r.out) : null;
    },
  };
}

/** A base that git cannot give here (no repository, a ref outside a shallow clone's history): no comparison, a notice. */
export class BaseRefUnavailable extends SourceError {}

/** The fetch that brings `ref` into a shallow clone: `origin/main` → `git fetch --depth=1 origin main`. */
function fetchHint(ref: string): string {
  const branch = /^(?:refs\/remotes\/)?origin\/(.+)$/.exec(ref)?.[1];
  return branch ? `git fetch --depth=1 origin ${branch}` : "git fetch --depth=1 origin BRANCH";
}

/**
 * The same manifest path at a git ref; null when the manifest does not exist there (new in this change).
 * BaseRefUnavailable when git cannot say (no repository here, not installed, a ref beyond a shallow clone's
 * history); SourceError for a ref a full repository does not have (a typo).
 */
export async function gitRefSource(file: string, ref: string, display: string): Promise<ManifestSource | null> {
  if (ref.startsWith("-")) throw new SourceError(`--base-ref: ${JSON.stringify(ref)} is not a git ref`);
  const dir = dirname(resolve(file));
  const commit = gitCommit(dir, ref);
  if (!commit) {
    const top = git(dir, ["rev-parse", "--show-toplevel"]);
    if (!top.ok) {
      if (top.err === "git is not installed") throw new BaseRefUnavailable(`--base-ref ${ref}: git is not installed`);
      throw new BaseRefUnavailable(`--base-ref ${ref}: no git repository here (the folder of ${display} is not in one)`);
    }
    const shallow = git(dir, ["rev-parse", "--is-shallow-repository"]);
    if (shallow.ok && shallow.out.trim() === "true") {
      throw new BaseRefUnavailable(
        `--base-ref ${ref}: not in the local history of this shallow clone; fetch it (${fetchHint(ref)}) or check out with fetch-depth: 0`,
      );
    }
    throw new SourceError(
      `--base-ref: ${JSON.stringify(ref)} is not a commit in this git repository's local history (a typo, or fetch it first: ${fetchHint(ref)})`,
    );
  }
  const manifestRel = relative(commit.root, realpathSync(resolve(file)))
    .split(sep)
    .join("/");
  return repoSource(manifestRel, `${display}@${ref}`, (p, maxBytes) => commit.show(p, maxBytes));
}

/** `path` made absolute with symlinks resolved, also when it (or its folders) no longer exists. */
function realResolve(path: string): string {
  const abs = resolve(path);
  let existing = abs;
  while (!existsSync(existing)) existing = dirname(existing);
  return resolve(realpathSync(existing), relative(existing, abs));
}

/**
 * The commit at `ref` as the base of a change, for `--base-ref`: its manifests and the files the change touched,
 * named as the user names files (relative to the working folder; `heads` keep their spelling). The repository is the
 * one holding the first head path, asked for only when something is read. When git cannot give the ref there, it has
 * no manifests and no changes; `compare` says why.
 */
export function gitRefChange(ref: string, heads: readonly string[]) {
  let at: GitCommit | null | undefined;
  const commit = () => {
    if (at === undefined) {
      let dir = realResolve(dirname(heads[0] ?? "."));
      while (!existsSync(dir)) dir = dirname(dir);
      at = gitCommit(dir, ref);
    }
    return at;
  };
  const toRepo = (root: string, path: string) => relative(root, realResolve(path)).split(sep).join("/");
  let changes: ChangedFile[] | null | undefined;
  return {
    async source(path: string): Promise<ManifestSource | null> {
      const c = commit();
      const p = c ? toRepo(c.root, path) : "";
      if (!c || p === "" || p === ".." || p.startsWith("../") || isAbsolute(p)) return null;
      return repoSource(p, `${path}@${ref}`, (q, maxBytes) => c.show(q, maxBytes));
    },
    async files(): Promise<string[]> {
      const c = commit();
      return c ? c.files().map((p) => fromRepo(c.root, p)) : [];
    },
    /** null when git cannot list them. */
    async changes(): Promise<ChangedFile[] | null> {
      const c = commit();
      if (!c) return [];
      changes ??=
        c
          .changes()
          ?.map((f) => ({ ...f, path: fromRepo(c.root, f.path), previous_path: f.previous_path === null ? null : fromRepo(c.root, f.previous_path) })) ?? null;
      return changes;
    },
  };

  function fromRepo(root: string, p: string): string {
    for (const h of heads) if (toRepo(root, h) === p) return h;
    return relative(process.cwd(), resolve(root, p)).split(sep).join("/") || ".";
  }
}

/** Folders never walked: version control and installed packages. */
const NOT_WALKED = new Set([".git", "node_modules"]);

/**
 * The regular files under `root` as repository paths, sorted: symlinks are not followed (a link out of the
 * repository is never read), and the walk stops at `maxFiles` files or `maxDepth` folders deep.
 */
export function repositoryFiles(root: string, maxFiles = 20_000, maxDepth = 32): { paths: string[]; truncated: string | null } {
  const paths: string[] = [];
  let truncated: string | null = null;
  const walk = (dir: string, rel: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a folder that cannot be listed has nothing to read
    }
    for (const entry of entries) {
      if (truncated !== null) return;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !NOT_WALKED.has(entry.name)) {
        if (depth < maxDepth) walk(join(dir, entry.name), path, depth + 1);
      } else if (entry.isFile()) {
        if (paths.length >= maxFiles) truncated = `the repository has more than ${maxFiles} files; only the first were checked for launch configs`;
        else paths.push(path);
      }
    }
  };
  walk(root, "", 0);
  return { paths: paths.sort(), truncated };
}

/**
 * The work tree's files for the check of launch configs no entry reads. With `cwd` (the CLI), paths are shown, and
 * the change's files named, relative to it, as the CLI's manifest paths are; else as repository paths.
 */
export function workTreeLaunchFiles(root: string, cwd?: string): LaunchFiles {
  return {
    repoPath: (changed) => (cwd === undefined ? changed : relative(root, resolve(cwd, changed)).split(sep).join("/")),
    present: () => repositoryFiles(root),
    async read(path, maxBytes) {
      try {
        const bytes = readRegularFile(confine(root, root, path), maxBytes);
        return bytes === null ? null : utf8.decode(bytes);
      } catch {
        return null; // too large, not a regular file, outside through a link, not UTF-8: not a config to read
      }
    },
    display: (path) => (cwd === undefined ? path : relative(cwd, join(root, path)).split(sep).join("/")),
  };
}
