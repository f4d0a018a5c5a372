// The pre-commit hook in .pre-commit-hooks.yaml, run as pre-commit runs it: its entry (the package's bin), its args,
// then the staged files its `files` pattern selects.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
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
}

const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const hook = hooks.find((h) => h.id === "footprint-gate")!;
const bin = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> }).bin;
const { folder, write } = tempFolders("fg-pre-commit-");

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
  ])("selects %s: %s", (path, selected) => {
    expect(new RegExp(hook.files).test(path)).toBe(selected);
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
