// The pre-commit hook in .pre-commit-hooks.yaml, run as pre-commit runs it: its entry (the package's bin), its args,
// then the staged files its `files` pattern selects.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, tempFolders } from "./cli-harness.js";

interface Hook {
  id: string;
  entry: string;
  args?: string[];
  language: string;
  files: string;
  exclude?: string;
}

const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const hook = hooks.find((h) => h.id === "footprint-gate")!;
const bin = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> }).bin;
const { folder, write } = tempFolders("fg-pre-commit-");

/**
 * Whether pre-commit runs the hook on a path, as pre-commit decides it (pre_commit/commands/run.py,
 * filter_by_include_exclude): Python's re.search of `files` matches and of `exclude` (default `^$`) does not.
 * The patterns use only syntax that Python's re and JavaScript's RegExp read alike, which the test checks.
 */
function selects(path: string): boolean {
  return new RegExp(hook.files).test(path) && !new RegExp(hook.exclude ?? "^$").test(path);
}

/** Every path ending in footprint.yml/.yaml that the README and docs/ tell a user to create or run on. */
function documentedPaths(): string[] {
  const paths = new Set<string>();
  for (const file of [
    "README.md",
    ...readdirSync(join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ]) {
    for (const m of readFileSync(join(ROOT, file), "utf8").matchAll(/[\w./-]*footprint\.ya?ml\b/g)) paths.add(m[0].replace(/^(\.\.\/)+|^\.\//, ""));
  }
  return [...paths];
}

const VALID =
  "version: 1\nproject: demo\ntraining:\n  - id: run\n    accelerator: nvidia-h100-sxm\n    count: 8\n    hours: 10\n    location: gcp:europe-west4\n";

/** pre-commit's command line: entry (its first word is the installed bin), args, the file names. */
function runHook(cwd: string, files: string[]): { status: number | null; stdout: string } {
  const [command, ...entryArgs] = hook.entry.split(" ");
  const script = bin[command!];
  expect(script, `${command} is the package's bin`).toBeDefined();
  const r = spawnSync(process.execPath, [join(ROOT, script!), ...entryArgs, ...(hook.args ?? []), ...files], { cwd, encoding: "utf8" });
  expect(r.stderr).not.toContain("    at ");
  return { status: r.status, stdout: r.stdout };
}

describe(".pre-commit-hooks.yaml", () => {
  it("declares the footprint-gate hook as a node hook", () => {
    expect(hook).toBeDefined();
    expect(hook.language).toBe("node");
  });

  it.each([
    ["footprint.yml", true],
    ["footprint.yaml", true],
    ["models/llm/footprint.yml", true],
    ["footprint.base.yml", false],
    ["myfootprint.yml", false],
    ["footprint.yml.bak", false],
    ["docs/footprint.md", false],
    [".github/workflows/footprint.yml", false],
    ["services/api/.github/workflows/footprint.yaml", false],
    [".github/footprint.yml", true],
  ])("selects %s: %s", (path, selected) => {
    expect(selects(path)).toBe(selected);
  });

  it("uses only pattern syntax Python's re and JavaScript read alike (no lookbehind, named groups or flags)", () => {
    for (const pattern of [hook.files, hook.exclude!]) expect(pattern).toMatch(/^[\w()|^$\\./?-]+$/);
  });

  it("selects every manifest path the docs create, and not the workflow the README adds", () => {
    const documented = documentedPaths();
    const workflows = documented.filter((p) => p.startsWith(".github/workflows/"));
    expect(workflows).toContain(".github/workflows/footprint.yml");
    for (const path of documented) expect(selects(path), path).toBe(!path.startsWith(".github/workflows/"));
  });

  it("leaves the README's workflow out when pre-commit runs on every file of a repository set up as the docs say", () => {
    const d = folder();
    write(d, "footprint.yml", VALID);
    const workflow = readFileSync(join(ROOT, ".github/workflows/footprint.yml"), "utf8");
    write(d, ".github/workflows/footprint.yml", workflow);
    const files = [".github/workflows/footprint.yml", "footprint.yml"].filter(selects);
    expect(files).toEqual(["footprint.yml"]);
    expect(runHook(d, files).status).toBe(0);
    // Without the exclusion the workflow would be read as a manifest and stop every commit.
    expect(runHook(d, [".github/workflows/footprint.yml"]).status).toBe(2);
  });

  it("passes a valid manifest (exit 0)", () => {
    const d = folder();
    write(d, "footprint.yml", VALID);
    const r = runHook(d, ["footprint.yml"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("verdict: PASS");
  });

  it("stops the commit on an invalid manifest (exit 2) and names the line", () => {
    const d = folder();
    write(d, "footprint.yml", VALID);
    write(d, "service/footprint.yaml", "version: 1\nproject: demo\ntraining:\n  - id: run\n    acelerator: nvidia-h100-sxm\n");
    const r = runHook(d, ["footprint.yml", "service/footprint.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/service\/footprint\.yaml:5:5 +error +manifest\/invalid .*did you mean `accelerator`/);
  });

  it("leaves an exceeded budget to CI: it validates, it does not gate", () => {
    const d = folder();
    write(d, "footprint.yml", `${VALID}budget:\n  energy_kwh: 1\n`);
    const r = runHook(d, ["footprint.yml"]);
    expect(r.stdout).toContain("verdict: FAIL");
    expect(r.status).toBe(0);
  });
});
