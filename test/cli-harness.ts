// What the CLI tests share: running the built CLI as a user would, real git, and temporary folders.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect } from "vitest";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CLI = join(ROOT, "dist", "cli.js");

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; bad input must never produce a stack trace or the argument parser's own hints. */
export function cli(args: string[], cwd = ROOT): Result {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  expect(r.error).toBeUndefined();
  expect(r.stderr).not.toContain("    at ");
  expect(r.stderr).not.toContain("internal error");
  expect(r.stderr).not.toContain("To specify a positional argument");
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  const config = ["user.name=t", "user.email=t@example.com", "commit.gpgsign=false", "init.defaultBranch=main", "protocol.file.allow=always"];
  const r = spawnSync("git", [...config.flatMap((c) => ["-c", c]), ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** A temporary folder for the test file (removed after it) with a fresh sub-folder per case. */
export function tempFolders(prefix: string): { root: () => string; folder: () => string; write: (dir: string, rel: string, text: string) => string } {
  let tmp = "";
  let n = 0;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });
  return {
    root: () => tmp,
    folder() {
      const d = join(tmp, `case-${++n}`);
      mkdirSync(d, { recursive: true });
      return d;
    },
    write(dir, rel, text) {
      const file = join(dir, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
  };
}
