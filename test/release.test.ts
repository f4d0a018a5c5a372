// scripts/release-check.mjs, which the release workflow runs before it moves v1 or publishes, against real git
// repositories with tags in temporary folders; and the repository's own package.json and CHANGELOG.md.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, ROOT, tempFolders } from "./cli-harness.js";

const SCRIPT = join(ROOT, "scripts", "release-check.mjs");
const { folder, write } = tempFolders("fg-release-");

function changelog(...entries: string[]): string {
  const versions = entries.map((e) => /^\[([^\]]+)\]/.exec(e)![1]!).filter((v) => v !== "Unreleased");
  return [
    "# Changelog",
    "",
    ...entries.flatMap((e) => [`## ${e}`, "", "- something", ""]),
    ...versions.map((v) => `[${v}]: https://github.com/footprint-gate/footprint-gate/releases/tag/v${v}`),
    "",
  ].join("\n");
}

/** A repository whose HEAD has this package.json version and CHANGELOG.md. */
function repo(version: string, log: string): string {
  const d = folder();
  write(d, "package.json", JSON.stringify({ name: "footprint-gate", version }) + "\n");
  write(d, "CHANGELOG.md", log);
  git(d, "init", "-q");
  git(d, "add", "-A");
  git(d, "commit", "-q", "-m", "release");
  return d;
}

function check(cwd: string, tag: string): { status: number | null; stdout: string; outputs: Record<string, string> } {
  const outFile = join(cwd, "..", `${cwd.split("/").pop()!}.out`);
  writeFileSync(outFile, "");
  const r = spawnSync(process.execPath, [SCRIPT, tag], { cwd, encoding: "utf8", env: { ...process.env, GITHUB_OUTPUT: outFile } });
  const outputs = Object.fromEntries(
    readFileSync(outFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("=") as [string, string]),
  );
  return { status: r.status, stdout: r.stdout, outputs };
}

describe("release-check", () => {
  it("accepts a tag that is v + package.json's version at HEAD with a dated, linked CHANGELOG entry", () => {
    const d = repo("1.2.0", changelog("[Unreleased]", "[1.2.0] - 2026-12-01", "[1.1.0] - 2026-11-30"));
    git(d, "tag", "v1.2.0");
    const r = check(d, "v1.2.0");
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({
      version: "1.2.0",
      sha: git(d, "rev-parse", "HEAD").trim(),
      major: "v1",
      "move-major": "true",
      "npm-tag": "latest",
    });
  });

  it("accepts an annotated tag and reports the commit it points at", () => {
    const d = repo("2.0.0", changelog("[2.0.0] - 2026-12-01"));
    git(d, "tag", "-a", "-m", "2.0.0", "v2.0.0");
    const r = check(d, "v2.0.0");
    expect(r.status).toBe(0);
    expect(r.outputs.sha).toBe(git(d, "rev-parse", "HEAD").trim());
    expect(r.outputs.major).toBe("v2");
  });

  it("refuses a tag that differs from package.json's version", () => {
    const d = repo("1.2.0", changelog("[1.2.0] - 2026-12-01"));
    git(d, "tag", "v1.2.1");
    const r = check(d, "v1.2.1");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error::package.json has version 1.2.0, the tag says 1.2.1: the tag must be v1.2.0");
    expect(r.outputs).toEqual({});
  });

  it.each(["v1.2", "1.2.0", "v1.2.0-rc.1", "v01.2.0"])("refuses %s, which is not a vX.Y.Z tag", (tag) => {
    const d = repo("1.2.0", changelog("[1.2.0] - 2026-12-01"));
    const r = check(d, tag);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("is not a release tag vX.Y.Z");
  });

  it("refuses a version the CHANGELOG has no entry for", () => {
    const d = repo("1.2.0", changelog("[Unreleased]", "[1.1.0] - 2026-11-30"));
    git(d, "tag", "v1.2.0");
    const r = check(d, "v1.2.0");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('CHANGELOG.md has no "## [1.2.0] - YYYY-MM-DD" entry');
    expect(r.stdout).toContain('CHANGELOG.md has no link reference "[1.2.0]: https://…"');
  });

  it("refuses an entry without a date, and a date that does not exist", () => {
    const undated = repo("1.2.0", changelog("[1.2.0]"));
    git(undated, "tag", "v1.2.0");
    expect(check(undated, "v1.2.0").stdout).toContain('CHANGELOG.md: "## [1.2.0]" is not "## [1.2.0] - YYYY-MM-DD"');
    const impossible = repo("1.2.0", changelog("[1.2.0] - 2026-02-30"));
    git(impossible, "tag", "v1.2.0");
    const r = check(impossible, "v1.2.0");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("CHANGELOG.md: 2026-02-30 is not a date");
  });

  it("refuses a version that is not the newest released entry", () => {
    const d = repo("1.1.0", changelog("[1.2.0] - 2026-12-01", "[1.1.0] - 2026-11-30"));
    git(d, "tag", "v1.1.0");
    const r = check(d, "v1.1.0");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("CHANGELOG.md: the newest released entry is 1.2.0, not 1.1.0");
  });

  it("refuses a tag that is not checked out, and a tag that does not exist", () => {
    const d = repo("1.2.0", changelog("[1.2.0] - 2026-12-01"));
    git(d, "tag", "v1.2.0");
    git(d, "commit", "-q", "--allow-empty", "-m", "after the tag");
    expect(check(d, "v1.2.0").stdout).toMatch(/::error::v1\.2\.0 is [0-9a-f]{40}, but HEAD is [0-9a-f]{40}: check out the tag/);
    const untagged = repo("1.2.0", changelog("[1.2.0] - 2026-12-01"));
    const r = check(untagged, "v1.2.0");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error::there is no tag v1.2.0 in this clone");
  });

  it("leaves v1 and npm's latest where they are for a patch to an older line", () => {
    const d = repo("1.0.0", changelog("[1.0.0] - 2026-11-30"));
    git(d, "tag", "v1.0.0");
    git(d, "tag", "v1.1.0");
    write(d, "package.json", JSON.stringify({ name: "footprint-gate", version: "1.0.1" }) + "\n");
    write(d, "CHANGELOG.md", changelog("[1.0.1] - 2026-12-02", "[1.0.0] - 2026-11-30"));
    git(d, "commit", "-q", "-am", "1.0.1");
    git(d, "tag", "v1.0.1");
    const r = check(d, "v1.0.1");
    expect(r.status).toBe(0);
    expect(r.outputs["move-major"]).toBe("false");
    expect(r.outputs["npm-tag"]).toBe("release-1");
    expect(r.stdout).toContain("v1 stays: v1.1.0 is newer than v1.0.1");
  });

  it("moves v1 but not npm's latest for a v1 release after v2", () => {
    const d = repo("1.3.0", changelog("[1.3.0] - 2026-12-02"));
    git(d, "tag", "v2.0.0");
    git(d, "tag", "v1.2.0");
    git(d, "tag", "v1.3.0");
    const r = check(d, "v1.3.0");
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ major: "v1", "move-major": "true", "npm-tag": "release-1" });
  });
});

describe("the repository's own release", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

  it("has a package.json version that the release check accepts with this CHANGELOG.md", () => {
    const d = folder();
    copyFileSync(join(ROOT, "package.json"), join(d, "package.json"));
    copyFileSync(join(ROOT, "CHANGELOG.md"), join(d, "CHANGELOG.md"));
    git(d, "init", "-q");
    git(d, "add", "-A");
    git(d, "commit", "-q", "-m", "release");
    git(d, "tag", `v${pkg.version}`);
    const r = check(d, `v${pkg.version}`);
    expect(r.stdout).not.toContain("::error::");
    expect(r.status).toBe(0);
  });

  it("keeps an Unreleased section above the newest release, linked to the comparison with it", () => {
    const log = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
    const headings = log.split("\n").filter((l) => l.startsWith("## "));
    expect(headings[0]).toBe("## [Unreleased]");
    expect(headings[1]).toMatch(new RegExp(`^## \\[${pkg.version.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`));
    expect(log).toContain(`[Unreleased]: https://github.com/footprint-gate/footprint-gate/compare/v${pkg.version}...HEAD`);
  });
});
