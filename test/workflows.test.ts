// The workflows under .github/workflows as data: every file parses, pins its actions, grants least privilege and runs
// only scripts that exist; the release and Dependabot workflows keep the triggers and guards their comments promise.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./cli-harness.js";

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string> | string;
  steps?: Step[];
  outputs?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; "cancel-in-progress": boolean | string };
  jobs: Record<string, Job>;
}

const DIR = join(ROOT, ".github", "workflows");
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = (file: string): string => readFileSync(join(DIR, file), "utf8");
const workflow = (file: string): Workflow => parse(text(file)) as Workflow;
const steps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

/** Every repository file a `run:` script names: `node scripts/x.mjs`, `bash .ci/run`, `gh workflow run x.yml`. */
function scriptsRun(wf: Workflow): string[] {
  const out: string[] = [];
  for (const { run } of steps(wf)) {
    for (const m of (run ?? "").matchAll(/\b(?:node|bash)\s+((?:\.?[\w-]+\/)+[\w.-]+)/g)) out.push(m[1]!);
    for (const m of (run ?? "").matchAll(/\bgh workflow run\s+([\w.-]+)/g)) out.push(`.github/workflows/${m[1]!}`);
  }
  return out;
}

describe("every workflow", () => {
  it("finds the workflows, release.yml and dependabot-dist.yml among them", () => {
    expect(files).toEqual(expect.arrayContaining(["ci.yml", "check-dist.yml", "release.yml", "dependabot-dist.yml"]));
  });

  it.each(files)("%s parses, has triggers and jobs, and starts from a top-level permissions block", (file) => {
    const wf = workflow(file);
    expect(Object.keys(wf.on).length).toBeGreaterThan(0);
    expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
    expect(wf.permissions).toBeDefined();
    // Write scopes are granted per job, to the job that needs them, never to the whole workflow.
    expect(Object.values(typeof wf.permissions === "object" ? wf.permissions : {})).not.toContain("write");
  });

  it.each(files)("%s pins every third-party action to a full commit SHA with its version in a comment", (file) => {
    const lines = text(file)
      .split("\n")
      .filter((l) => /^\s*(?:-\s+)?uses:/.test(l));
    for (const line of lines) {
      if (/uses:\s+\.\//.test(line)) continue;
      expect(line).toMatch(/uses:\s+[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$/);
    }
  });

  it.each(files)("%s runs only scripts and workflows that exist in the repository", (file) => {
    for (const script of scriptsRun(workflow(file))) expect(existsSync(join(ROOT, script)), script).toBe(true);
  });

  it.each(files)("%s checks out without persisting the token", (file) => {
    for (const step of steps(workflow(file)).filter((s) => s.uses?.startsWith("actions/checkout@"))) {
      expect(step.with?.["persist-credentials"]).toBe(false);
    }
  });
});

describe("release.yml", () => {
  const wf = workflow("release.yml");

  it("runs on a published release and on pushed vX.Y.Z tags only", () => {
    expect(wf.on).toEqual({ release: { types: ["published"] }, push: { tags: ["v[0-9]+.[0-9]+.[0-9]+"] } });
  });

  it("grants nothing at the top and each job only what it needs", () => {
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.verify?.permissions).toEqual({ contents: "read" });
    expect(wf.jobs["major-tag"]?.permissions).toEqual({ contents: "write" });
    expect(wf.jobs.npm?.permissions).toEqual({ contents: "read", "id-token": "write" });
  });

  it("runs one release at a time and never cancels one half-way", () => {
    expect(wf.concurrency).toEqual({ group: "release", "cancel-in-progress": false });
  });

  it("verifies with the release check and .ci/run before the tag moves or anything is published", () => {
    expect(scriptsRun(wf)).toEqual(expect.arrayContaining(["scripts/release-check.mjs", ".ci/run"]));
    const verify = (wf.jobs.verify?.steps ?? []).map((s) => s.run ?? "");
    expect(verify.findIndex((r) => r.includes("release-check.mjs"))).toBeLessThan(verify.findIndex((r) => r.includes(".ci/run")));
    expect(wf.jobs["major-tag"]?.needs).toBe("verify");
    expect(wf.jobs["major-tag"]?.if).toContain("needs.verify.outputs.move-major == 'true'");
    expect(wf.jobs.npm?.needs).toBe("verify");
  });

  it("verifies, before anything else, that the tagged commit is on the default branch, with every branch fetched", () => {
    const verify = wf.jobs.verify?.steps ?? [];
    const onDefault = verify.findIndex((s) => s.run?.includes('git merge-base --is-ancestor HEAD "refs/remotes/origin/$DEFAULT_BRANCH"'));
    expect(onDefault).toBeGreaterThan(0);
    expect(verify[onDefault]!.env?.DEFAULT_BRANCH).toBe("${{ github.event.repository.default_branch }}");
    expect(onDefault).toBeLessThan(verify.findIndex((s) => s.run?.includes("release-check.mjs")));
    expect(verify[0]!.with?.["fetch-depth"]).toBe(0);
  });

  it("publishes to npm from the protected release environment, where NPM_TOKEN is", () => {
    expect((wf.jobs.npm as Job & { environment?: unknown }).environment).toBe("release");
    expect(text("release.yml")).not.toMatch(/^\s*environment:(?![^\n]*release)/m);
  });

  it("publishes with provenance and the dist-tag of the check, only when an NPM_TOKEN secret is set", () => {
    const publish = (wf.jobs.npm?.steps ?? []).find((s) => s.run?.includes("npm publish"));
    expect(publish?.run).toContain("--provenance");
    expect(publish?.run).toContain('--tag "$NPM_TAG"');
    expect(publish?.run).toContain("--ignore-scripts");
    expect(publish?.if).toBe("${{ env.NPM_TOKEN != '' }}");
    expect(publish?.env?.NODE_AUTH_TOKEN).toBe("${{ secrets.NPM_TOKEN }}");
  });
});

describe("dependabot-dist.yml", () => {
  const wf = workflow("dependabot-dist.yml");

  it("runs on pull requests that change the npm manifests", () => {
    expect(wf.on).toEqual({ pull_request: { paths: ["package.json", "package-lock.json"] } });
  });

  it("builds only for Dependabot's own pull requests from this repository, with a read-only token", () => {
    const guard = wf.jobs.rebuild?.if ?? "";
    expect(guard).toContain("github.actor == 'dependabot[bot]'");
    expect(guard).toContain("github.event.pull_request.user.login == 'dependabot[bot]'");
    expect(guard).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(wf.jobs.rebuild?.permissions).toEqual({ contents: "read" });
  });

  it("writes from a job that runs no code of the pull request and only after the build found a change", () => {
    const commit = wf.jobs.commit!;
    expect(commit.needs).toBe("rebuild");
    expect(commit.if).toBe("${{ needs.rebuild.outputs.changed == 'true' }}");
    expect(commit.permissions).toEqual({ contents: "write", actions: "write" });
    const runs = (commit.steps ?? []).map((s) => s.run ?? "").join("\n");
    expect(runs).not.toMatch(/\bnpm\b|\bnode\b/);
    expect(runs).toContain("git apply --index");
  });

  it("starts check-dist and CI on its commit, and both accept workflow_dispatch", () => {
    expect(scriptsRun(wf)).toEqual(expect.arrayContaining([".github/workflows/check-dist.yml", ".github/workflows/ci.yml"]));
    expect(workflow("check-dist.yml").on).toHaveProperty("workflow_dispatch");
    expect(workflow("ci.yml").on).toHaveProperty("workflow_dispatch");
  });

  it("regenerates every file .ci/run checks for freshness", () => {
    const ci = readFileSync(join(ROOT, ".ci", "run"), "utf8");
    const checked = /git status --porcelain ([^)\n]+)\)/.exec(ci)![1]!.trim().split(/\s+/);
    const added = /git add -A -- ([^\n]+)/
      .exec(
        steps(wf)
          .map((s) => s.run ?? "")
          .join("\n"),
      )![1]!
      .split(/\s+/);
    expect(added).toEqual(expect.arrayContaining(checked));
  });
});

describe("dependabot.yml", () => {
  it("updates npm and the workflows' actions, grouped", () => {
    const config = parse(readFileSync(join(ROOT, ".github", "dependabot.yml"), "utf8")) as {
      updates: { "package-ecosystem": string; groups?: Record<string, unknown> }[];
    };
    expect(config.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
    for (const u of config.updates) expect(Object.keys(u.groups ?? {}).length).toBeGreaterThan(0);
  });
});
