// Golden files: the PR comment and the job summary of the three bundled examples, each compared with its
// footprint.base.yml, exactly as the action posts and writes them (fixed repository, shas and workflow name).
// `npx vitest run test/e2e -u` rewrites them after an intended change; review the diff like any other.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOpenApi } from "./openapi.js";
import { pullRequest } from "./payloads.js";
import { raggedRows, renderedProblems } from "./render.js";
import { BASE_SHA, gitWorkspace, REPOSITORY, ROOT, runAction, tempDir, type RunResult, serveFakeGitHub } from "./runner.js";

const EXAMPLES = ["llm-pretraining", "fine-tune-measured", "inference-service", "monthly-team"] as const;
/** Comment cases under test/fixtures/comments: a failing and a warning PR, and a monorepo (a glob of manifests). */
const CASES = [
  { name: "failing", manifest: "footprint.yml" },
  { name: "warning", manifest: "footprint.yml" },
  { name: "monorepo", manifest: "**/footprint.yml" },
  { name: "inference-throughput", manifest: "footprint.yml" },
] as const;

/** Every file of an example folder, path → text. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split("\\").join("/")] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

/** Head: the example as it is. Base: the same files with footprint.yml replaced by footprint.base.yml. */
function trees(name: string): { head: Record<string, string>; base: Record<string, string> } {
  const head = filesOf(join(ROOT, "examples", name));
  const base = { ...head, "footprint.yml": head["footprint.base.yml"]! };
  return { head, base };
}

/** A case's trees: `head/` and `base/` folders when it has them, else the example layout (footprint.base.yml). */
function caseTrees(name: string): { head: Record<string, string>; base: Record<string, string> } {
  const dir = join(ROOT, "test/fixtures/comments", name);
  if (existsSync(join(dir, "head"))) return { head: filesOf(join(dir, "head")), base: filesOf(join(dir, "base")) };
  const head = filesOf(dir);
  return { head, base: { ...head, "footprint.yml": head["footprint.base.yml"]! } };
}

const server = serveFakeGitHub();
const runs: RunResult[] = [];

const bodyOf = (r: RunResult) => {
  const post = r.requests.find((q) => q.route === "create-comment");
  if (!post) throw new Error(`no comment was posted:\n${r.stdout}`);
  return (post.body as { body: string }).body;
};

describe.each(EXAMPLES)("examples/%s", (name) => {
  it("comment and summary match the golden files; a git base gives the same comment as a REST base", async () => {
    const { head, base } = trees(name);
    const ws = tempDir(`golden-${name}`);
    cpSync(join(ROOT, "examples", name), ws, { recursive: true });
    server.setCommit(BASE_SHA, base);

    const rest = await runAction({ server, workspace: ws, eventName: "pull_request", payload: pullRequest() });
    runs.push(rest);
    expect(rest.code, rest.stdout).toBe(0);
    expect(rest.stdout).toContain("read via the REST API");
    const body = bodyOf(rest);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(raggedRows(body)).toEqual([]);
    // Manifest lines at the head commit, or at the base for a removed manifest: the golden files pin which.
    expect(renderedProblems(body, `https://github.com/${REPOSITORY}/blob/`)).toEqual([]);
    await expect(body).toMatchFileSnapshot(`../golden/${name}.comment.md`);
    await expect(rest.summary).toMatchFileSnapshot(`../golden/${name}.summary.md`);
    // A normal first run with a REST base: the base manifest (and whatever it names), list, create.
    expect(rest.requests[0]).toMatchObject({ route: "get-content", path: `/repos/${REPOSITORY}/contents/footprint.yml`, query: { ref: BASE_SHA } });
    expect(rest.requests.filter((q) => q.route !== "get-content").map((q) => `${q.method} ${q.route}`)).toEqual(["GET list-comments", "POST create-comment"]);

    server.reset();
    const git = gitWorkspace(base, head);
    const local = await runAction({ server, workspace: git.dir, eventName: "pull_request", payload: pullRequest({ baseSha: git.baseSha }) });
    runs.push(local);
    expect(local.code, local.stdout).toBe(0);
    expect(local.stdout).toContain("read via git");
    expect(local.requests.map((q) => `${q.method} ${q.route}`)).toEqual(["GET list-comments", "POST create-comment"]);
    // The same comment but for the base commit named in the footer (the git workspace has its own).
    const sameBase = (s: string) => s.replace(`\`${git.baseSha.slice(0, 7)}\``, `\`${BASE_SHA.slice(0, 7)}\``);
    expect(sameBase(bodyOf(local))).toBe(body);
    expect(sameBase(local.summary)).toBe(rest.summary);
  });
});

describe.each(CASES)("comment case $name", ({ name, manifest }) => {
  it("comment and summary match the golden files; the verdict and the first error or warning come before the table", async () => {
    const { head, base } = caseTrees(name);
    const ws = tempDir(`golden-${name}`);
    for (const [path, text] of Object.entries(head)) {
      mkdirSync(dirname(join(ws, path)), { recursive: true });
      writeFileSync(join(ws, path), text);
    }
    server.setCommit(BASE_SHA, base);
    const r = await runAction({ server, workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { manifest, "fail-on": "never" } });
    expect(r.code, r.stdout).toBe(0);
    const body = bodyOf(r);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(raggedRows(body)).toEqual([]);
    // Manifest lines at the head commit, or at the base for a removed manifest: the golden files pin which.
    expect(renderedProblems(body, `https://github.com/${REPOSITORY}/blob/`)).toEqual([]);
    const lines = body.split("\n");
    const firstFinding = lines.findIndex((l) => /^- (❌|⚠️) /.test(l));
    const firstTable = lines.findIndex((l) => l.startsWith("| "));
    // The marker and the digest line are hidden; the heading comes right after them.
    const heading = lines.findIndex((l) => l.startsWith("## "));
    expect(heading).toBe(2);
    expect(lines[heading]).toMatch(/^## 🌱 footprint-gate: /);
    if (name === "failing" || name === "warning") expect(firstFinding).toBeGreaterThan(heading);
    if (firstFinding > 0) expect(firstFinding).toBeLessThan(firstTable);
    await expect(body).toMatchFileSnapshot(`../golden/${name}.comment.md`);
    await expect(r.summary).toMatchFileSnapshot(`../golden/${name}.summary.md`);
  });
});

it("every request of the golden runs is valid for GitHub's OpenAPI description", () => {
  expect(runs.length).toBe(2 * EXAMPLES.length);
  const api = loadOpenApi("api.github.com");
  const problems = runs.flatMap((r) => r.requests.flatMap((q) => api.problems(q)));
  expect(runs.flatMap((r) => r.requests).length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
