// Where manifests and the files they name are read from: the work tree, or a git ref (`git show`).
// Both confine every path to the repository; nothing in a manifest can make us read outside it.
import { createRequire } from "node:module";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, posix, relative, resolve, sep } from "node:path";
import { PathError, type ManifestSource } from "./evaluate.js";
import { MAX_MANIFEST_BYTES } from "./manifest/parse.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export class SourceError extends Error {
  constructor(
    message: string,
    readonly path?: string,
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
  if (!inside(root, target)) throw new PathError("the path points outside the repository");
  let existing = target;
  while (!existsSync(existing)) existing = dirname(existing);
  if (!inside(root, realpathSync(existing))) throw new PathError("the path resolves (through a symlink) outside the repository");
  return target;
}

/** The manifest at `file` in the work tree; `display` is how reports name it. */
export function workTreeSource(file: string, display = file.split(sep).join("/")): ManifestSource {
  const abs = resolve(file);
  let text: string;
  try {
    if (statSync(abs).size > MAX_MANIFEST_BYTES) text = "x".repeat(MAX_MANIFEST_BYTES + 1); // parseManifest reports the size
    else text = utf8.decode(readFileSync(abs));
  } catch (err) {
    if (err instanceof TypeError) throw new SourceError("the manifest is not UTF-8 text", display);
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourceError(code === "ENOENT" ? "the manifest does not exist" : `cannot read the manifest (${code ?? String(err)})`, display);
  }
  const dir = dirname(abs);
  const root = realpathSync(repositoryRoot(dir));
  return {
    path: display,
    text,
    async readRelative(rel) {
      const target = confine(root, dir, rel);
      // A folder is not a file to read; say so as for a missing one rather than fail on EISDIR.
      return existsSync(target) && statSync(target).isFile() ? readFileSync(target, "utf8") : null;
    },
    exists: async (rel) => existsSync(confine(root, dir, rel)),
  };
}

/** The absolute path of a file named in the manifest at `file`, for writing; refuses paths out of the repository. */
export function writableRelative(file: string, rel: string): string {
  const dir = dirname(resolve(file));
  return confine(realpathSync(repositoryRoot(dir)), dir, rel);
}

// child_process is loaded only when a git ref is read: most runs never need it.
const require = createRequire(import.meta.url);

function git(cwd: string, args: string[]): { ok: true; out: string } | { ok: false; err: string } {
  try {
    const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
    const out = execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 128 * 1024 * 1024 });
    return { ok: true, out };
  } catch (err) {
    const e = err as { stderr?: string; code?: string };
    return { ok: false, err: e.code === "ENOENT" ? "git is not installed" : String(e.stderr ?? err).trim() };
  }
}

/** `rel` (relative to the manifest at `manifestPath`) as a repository path; refuses paths that leave the repository. */
export function repoPathOf(manifestPath: string, rel: string): string {
  checkRelative(rel);
  const target = posix.normalize(posix.join(posix.dirname(manifestPath), rel.split("\\").join("/")));
  if (target === ".." || target.startsWith("../")) throw new PathError("the path points outside the repository");
  return target;
}

/** A manifest read through some `read(repoPath)` (git or the REST API); null when it does not exist there. */
export async function repoSource(
  repoPath: string,
  display: string,
  read: (repoPath: string) => Promise<string | null>,
): Promise<ManifestSource | null> {
  const text = await read(repoPath);
  if (text === null) return null;
  return {
    path: display,
    text,
    readRelative: (rel) => read(repoPathOf(repoPath, rel)),
    exists: async (rel) => (await read(repoPathOf(repoPath, rel))) !== null,
  };
}

export interface GitCommit {
  root: string;
  sha: string;
  show(repoPath: string): Promise<string | null>;
  /** Every file path at the commit. */
  files(): string[];
}

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
    async show(repoPath) {
      const r = git(root, ["show", `${sha}:${repoPath}`]);
      return r.ok ? r.out : null;
    },
    files() {
      const r = git(root, ["ls-tree", "-r", "--name-only", "-z", sha]);
      return r.ok ? r.out.split("\0").filter(Boolean) : [];
    },
  };
}

/** The same manifest path at a git ref; null when the manifest does not exist there (new in this change). */
export async function gitRefSource(file: string, ref: string, display: string): Promise<ManifestSource | null> {
  if (ref.startsWith("-")) throw new SourceError(`--base-ref: ${JSON.stringify(ref)} is not a git ref`);
  const commit = gitCommit(dirname(resolve(file)), ref);
  if (!commit) throw new SourceError(`--base-ref: ${JSON.stringify(ref)} is not a commit in this git repository`);
  const manifestRel = relative(commit.root, realpathSync(resolve(file))).split(sep).join("/");
  return repoSource(manifestRel, `${display}@${ref}`, (p) => commit.show(p));
}
