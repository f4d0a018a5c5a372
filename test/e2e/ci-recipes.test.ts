// The CI recipes of docs/ci.md (examples/ci/): valid YAML, the same text in the docs, CLI calls that exist, and the
// GitLab job run end to end: its script in bash, with GitLab's variables, `npx footprint-gate` resolved to the built
// CLI, a real git origin, and the stand-in of GitLab's notes API.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { MR_IID, PROJECT_ID } from "./fake-gitlab.js";
import { CLI, demoManifest, ROOT, runCli, serveFakeGitlab, tempDir, writeFiles } from "./runner.js";

const RECIPES = ["examples/ci/.gitlab-ci.yml", "examples/ci/azure-pipelines.yml", "examples/ci/bitbucket-pipelines.yml"];
const read = (rel: string) => readFileSync(join(ROOT, rel), "utf8");

/** Every string in a parsed YAML document (scripts are strings or lists of strings, at any depth). */
function strings(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === "object") return Object.values(node).flatMap(strings);
  return [];
}

/** Each `npx footprint-gate …` call of a script (the recipes' one way to run it): its command and its options with their values. */
function calls(script: string): { command: string; options: [string, string | undefined][] }[] {
  const out: { command: string; options: [string, string | undefined][] }[] = [];
  for (const line of script.split("\n")) {
    const m = /\bnpx\s+(?:--yes\s+)?footprint-gate(?:@\S+)?\s+(.*)$/.exec(line);
    if (!m || line.trimStart().startsWith("#")) continue;
    const words = m[1]!.split(/\s+/).filter((w) => w !== "" && !w.startsWith(">"));
    const command = words[0] === "comment" ? `comment ${words[1]}` : words[0]!;
    const options: [string, string | undefined][] = [];
    words.forEach((w, i) => {
      if (w.startsWith("--")) options.push([w, words[i + 1]?.startsWith("-") ? undefined : words[i + 1]]);
    });
    out.push({ command, options });
  }
  return out;
}

describe("the CI recipes", () => {
  it.each(RECIPES)("%s is YAML, and docs/ci.md shows it as it is", (rel) => {
    const text = read(rel);
    expect(() => void parseYaml(text)).not.toThrow();
    expect(read("docs/ci.md")).toContain(text.trimEnd());
  });

  it.each(RECIPES)("%s calls only commands and options the CLI has, with values it accepts", async (rel) => {
    const found = strings(parseYaml(read(rel))).flatMap(calls);
    expect(found.length).toBeGreaterThan(0);
    for (const { command, options } of found) {
      const help = await runCli([...command.split(" "), "--help"], ROOT);
      expect(help.code, `${command} --help`).toBe(0);
      for (const [option, value] of options) {
        expect(help.stdout, `${command}: ${option}`).toContain(option);
        if (option === "--format" || option === "--fail-on") expect(help.stdout, `${option} ${value}`).toMatch(new RegExp(`${option} +\\S*\\b${value}\\b`));
      }
    }
  });

  it("the GitLab job runs only in merge-request pipelines and keeps the JSON report as an artifact", () => {
    const job = (parseYaml(read("examples/ci/.gitlab-ci.yml")) as Record<string, { rules: { if: string }[]; artifacts: { paths: string[]; when: string } }>)
      .footprint!;
    expect(job.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(job.artifacts).toMatchObject({ when: "always", paths: ["footprint-report.json"] });
  });
});

describe("the GitLab recipe, run end to end", () => {
  const TOKEN = "glpat-RecipeToken-0123456789abcdef";
  const gitlab = serveFakeGitlab(TOKEN);

  const GIT_ENV = {
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z",
    GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z",
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
      cwd,
      env: { ...process.env, ...GIT_ENV },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();

  /** An origin whose main holds the base manifest, and a shallow merge-request clone whose branch changes it. */
  function mergeRequestClone(head: string): string {
    const work = tempDir("origin-work");
    git(work, "init", "-q");
    writeFiles(work, { "footprint.yml": demoManifest() });
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", "base");
    const origin = tempDir("origin");
    git(origin, "clone", "-q", "--bare", work, ".");
    const clone = tempDir("clone");
    git(clone, "init", "-q");
    git(clone, "remote", "add", "origin", origin);
    git(clone, "fetch", "-q", "--depth=1", "origin", "main");
    git(clone, "checkout", "-q", "-b", "feature", "FETCH_HEAD");
    writeFiles(clone, { "footprint.yml": head });
    git(clone, "commit", "-q", "-am", "head");
    return clone;
  }

  /** `npx [--yes] footprint-gate[@version] …` runs the built CLI, as the published package would. */
  function npxShim(): string {
    const dir = tempDir("bin");
    writeFileSync(
      join(dir, "npx"),
      `#!/bin/sh
while [ "$1" = "--yes" ] || [ "$1" = "-y" ]; do shift; done
case "$1" in footprint-gate|footprint-gate@*) shift; exec "${process.execPath}" "${CLI}" "$@";; esac
echo "npx: unexpected package $1" >&2; exit 127
`,
    );
    chmodSync(join(dir, "npx"), 0o755);
    return dir;
  }

  /** The job's script as GitLab runs it: one shell, stopping at the first command that fails. */
  async function runJob(dir: string): Promise<{ code: number | null; stderr: string }> {
    const script = (parseYaml(read("examples/ci/.gitlab-ci.yml")) as { footprint: { script: string[] } }).footprint.script.join("\n");
    const env = {
      ...GIT_ENV,
      PATH: `${npxShim()}:${process.env.PATH ?? "/usr/bin:/bin"}`,
      CI: "true",
      GITLAB_CI: "true",
      CI_PIPELINE_SOURCE: "merge_request_event",
      CI_API_V4_URL: gitlab.api,
      CI_PROJECT_ID: String(PROJECT_ID),
      CI_PROJECT_DIR: dir,
      CI_PROJECT_URL: "https://gitlab.example.com/acme/models",
      CI_COMMIT_SHA: git(dir, "rev-parse", "HEAD"),
      CI_JOB_URL: "https://gitlab.example.com/acme/models/-/jobs/1",
      CI_MERGE_REQUEST_IID: String(MR_IID),
      CI_MERGE_REQUEST_PROJECT_ID: String(PROJECT_ID),
      CI_MERGE_REQUEST_PROJECT_URL: "https://gitlab.example.com/acme/models",
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
      GITLAB_TOKEN: TOKEN,
    };
    const child = spawn("bash", ["-eo", "pipefail", "-c", script], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    return { code, stderr };
  }

  it("compares with the target branch, keeps one note, writes the report artifact, and fails the job on a failing gate", async () => {
    const dir = mergeRequestClone(demoManifest({ hours: 20 }));
    const pass = await runJob(dir);
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stderr).toContain("merge request note created");
    const report = JSON.parse(readFileSync(join(dir, "footprint-report.json"), "utf8")) as { schema: string; verdict: string; manifests: { delta: unknown }[] };
    expect(report).toMatchObject({ schema: "footprint-gate/report@1", verdict: "pass" });
    expect(report.manifests[0]!.delta, "compared with origin/main").not.toBeNull();
    expect(gitlab.notes).toHaveLength(1);
    expect(gitlab.notes[0]!.body).toContain("base `origin/main` → head");

    writeFiles(dir, { "footprint.yml": demoManifest({ hours: 20, budget: 50 }) });
    git(dir, "commit", "-q", "-am", "over budget");
    const fail = await runJob(dir);
    expect(fail.code, "the job fails with the gate").toBe(1);
    expect(fail.stderr).toContain("merge request note updated");
    expect(existsSync(join(dir, "footprint-report.json"))).toBe(true);
    expect(gitlab.notes).toHaveLength(1);
    expect(gitlab.notes[0]!.body).toContain("❌ fail");
  });
});

describe("the Bitbucket comment step of docs/ci.md", () => {
  /** The `node -e '…'` script that turns the text report into the comment's JSON, as the page shows it. */
  const script = /\n {2}node -e '\n([\s\S]*?)\n {2}' < footprint-report\.txt \|/.exec(read("docs/ci.md"))![1]!;
  const comment = (report: string) => {
    const out = execFileSync(process.execPath, ["-e", script], { input: report, maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
    return (JSON.parse(out) as { content: { raw: string } }).content.raw;
  };

  it("posts the CLI's text report as one indented code block", async () => {
    const dir = tempDir("bitbucket");
    writeFiles(dir, { "footprint.yml": demoManifest() });
    const report = (await runCli(["check"], dir)).stdout;
    const raw = comment(report);
    expect(raw.split("\n").every((line) => line.startsWith("    "))).toBe(true);
    expect(raw.replace(/^ {4}/gm, "")).toBe(report);
  });

  it("bounds a 29 MB report to 32,000 characters at a line end, and no line of it can end the code block", () => {
    const line = "```\n<b>@octocat</b> #1 " + "x".repeat(200) + "\n";
    const raw = comment(line.repeat(Math.ceil((29 * 1024 * 1024) / line.length)) + "y".repeat(1_000_000));
    expect(raw.length).toBeLessThanOrEqual(32_000);
    const lines = raw.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("Cut at 32,000 characters: the whole report is in the pipeline log.");
    expect(lines.slice(0, -2).every((l) => l.startsWith("    "))).toBe(true);
    expect(lines.at(-2)).toBe("");
    // One line longer than the bound is left out whole, not cut mid-way.
    expect(comment("z".repeat(40_000))).toBe("\nCut at 32,000 characters: the whole report is in the pipeline log.\n");
  });
});
