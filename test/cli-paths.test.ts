// Ordinary mistakes on the command line, as a new user makes them: each gets one `footprint-gate: …` line and
// exit 2 (or a notice, for a base git cannot give), never "internal error". Every case spawns the built CLI.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { cli, git, tempFolders, type Result } from "./cli-harness.js";

/** The first stderr line: the one-line reason. */
const reason = (r: Result) => r.stderr.split("\n")[0]!;

const { root, folder, write } = tempFolders("footprint-cli-paths-");

const TRAINING = (extra = "") =>
  ["version: 1", "project: paths", "training:", "  - id: run-a", "    accelerator: nvidia-a100-80gb-sxm", "    gpu_hours: 100", "    location: FR", extra].join(
    "\n",
  ) + "\n";
const INFERENCE_ONLY = [
  "version: 1",
  "project: paths",
  "inference:",
  "  - id: api",
  "    accelerator: nvidia-a100-80gb-sxm",
  "    count: 1",
  "    hours: 100",
  "    location: FR",
  "",
].join("\n");

// ------------------------------------------------------------------------------------------------
describe("card: no training entries, a missing model card (item 3)", () => {
  it("card on a manifest with no training entries exits 2 with one line saying so (not emissions: 0)", () => {
    const d = folder();
    write(d, "footprint.yml", INFERENCE_ONLY);
    const r = cli(["card"], d);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(reason(r)).toMatch(/^footprint-gate: footprint\.yml: no training entries/);
  });

  it("card --write with a model_card that does not exist is refused (exit 2) and creates nothing", () => {
    const d = folder();
    write(d, "footprint.yml", TRAINING("model_card: MODLE_CARD.md"));
    write(d, "MODEL_CARD.md", "---\nlicense: mit\n---\n# Model\n");
    const r = cli(["card", "--write"], d);
    expect(r.status).toBe(2);
    expect(reason(r)).toContain("MODLE_CARD.md: the model card does not exist");
    expect(reason(r)).toContain("--create");
    expect(existsSync(join(d, "MODLE_CARD.md"))).toBe(false);
    expect(readFileSync(join(d, "MODEL_CARD.md"), "utf8")).toBe("---\nlicense: mit\n---\n# Model\n");
  });

  it("card --write --create creates the missing card; --create alone is a usage error", () => {
    const d = folder();
    write(d, "footprint.yml", TRAINING("model_card: NEW_CARD.md"));
    const alone = cli(["card", "--create"], d);
    expect(alone.status).toBe(2);
    expect(reason(alone)).toBe("footprint-gate: --create goes with --write");
    const r = cli(["card", "--write", "--create"], d);
    expect(r.status).toBe(0);
    expect(readFileSync(join(d, "NEW_CARD.md"), "utf8")).toMatch(/co2_eq_emissions/);
  });

  it("card with a model_card too large to read exits 2 with one line naming the card", () => {
    const d = folder();
    write(d, "footprint.yml", TRAINING("model_card: BIG.md"));
    write(d, "BIG.md", "a".repeat(2 * 1024 * 1024));
    const r = cli(["card"], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^footprint-gate: footprint\.yml: model_card BIG\.md: larger than \d+ bytes\n$/);
  });

  it("card --write with a model_card that is a folder exits 2 and says so", () => {
    const d = folder();
    write(d, "footprint.yml", TRAINING("model_card: cards"));
    mkdirSync(join(d, "cards"));
    const r = cli(["card", "--write", "--create"], d);
    expect(r.status).toBe(2);
    expect(reason(r)).toContain("cards: the model card is a folder");
  });
});

// ------------------------------------------------------------------------------------------------
describe("usage problems are exit 2 with one line (item 4)", () => {
  it("badge --out naming an existing file exits 2 with one line, not an internal error (exit 3)", () => {
    const d = folder();
    write(d, "footprint.yml", TRAINING());
    write(d, "badge.svg", "<svg/>");
    const r = cli(["badge", "--out", "badge.svg"], d);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(reason(r)).toBe("footprint-gate: --out badge.svg: is a file, not a folder; give the folder to write footprint.svg and footprint.json into");
    expect(readFileSync(join(d, "badge.svg"), "utf8")).toBe("<svg/>");
  });

  it("badge --out below a file exits 2 with one line", () => {
    const d = folder();
    write(d, "footprint.yml", TRAINING());
    write(d, "file", "x");
    const r = cli(["badge", "--out", "file/sub"], d);
    expect(r.status).toBe(2);
    expect(reason(r)).toMatch(/^footprint-gate: --out file\/sub: cannot create the folder: a file is in the way/);
  });

  it("badge --out where footprint.svg is a folder exits 2 naming the file", () => {
    const d = folder();
    write(d, "footprint.yml", TRAINING());
    mkdirSync(join(d, "out", "footprint.svg"), { recursive: true });
    const r = cli(["badge", "--out", "out"], d);
    expect(r.status).toBe(2);
    expect(reason(r)).toMatch(/^footprint-gate: out\/footprint\.svg: the path is a folder, not a file/);
  });

  it("badge with a missing manifest exits 2 with one line", () => {
    const d = folder();
    const r = cli(["badge", "nope.yml", "--out", "out"], d);
    expect(r.status).toBe(2);
    expect(reason(r)).toBe("footprint-gate: nope.yml: the manifest does not exist");
    expect(existsSync(join(d, "out"))).toBe(false);
  });

  it.each([
    ["badge --out with no value", ["badge", "--out"], "footprint-gate: --out needs a value"],
    ["badge --out with an empty value", ["badge", "--out", ""], "footprint-gate: --out needs a value"],
    ["check --base with no value", ["check", "--base"], "footprint-gate: --base needs a value"],
    ["check --base-ref with an empty value", ["check", "--base-ref="], "footprint-gate: --base-ref needs a value"],
    ["card --write with a value", ["card", "--write=yes"], "footprint-gate: --write takes no value"],
    ["schema with an argument", ["schema", "extra"], 'footprint-gate: unexpected argument "extra"'],
    ["card with two manifests", ["card", "a.yml", "b.yml"], "footprint-gate: card takes one manifest"],
  ])("%s: exit 2 with one line", (_name, args, line) => {
    const d = folder();
    write(d, "footprint.yml", TRAINING());
    const r = cli(args, d);
    expect(r.status).toBe(2);
    expect(reason(r)).toBe(line);
  });

  it.each([
    ["check --base naming a missing file", ["check", "--base", "old.yml"], "footprint-gate: --base old.yml: the manifest does not exist"],
    ["check --base naming a folder", ["check", "--base", "sub"], "footprint-gate: --base sub: the manifest cannot be read: the path is a folder, not a file"],
    ["card on a folder", ["card", "sub"], "footprint-gate: sub: the manifest cannot be read: the path is a folder, not a file"],
    ["card on a missing manifest", ["card", "nope.yml"], "footprint-gate: nope.yml: the manifest does not exist"],
  ])("%s: exit 2 with one line", (_name, args, line) => {
    const d = folder();
    write(d, "footprint.yml", TRAINING());
    mkdirSync(join(d, "sub"));
    const r = cli(args, d);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
  });
});

// ------------------------------------------------------------------------------------------------
describe("--help after every command, unknown options (item 5)", () => {
  it.each(["check", "card", "badge", "schema"])("%s --help and -h print that command's usage and exit 0", (command) => {
    const d = folder();
    for (const flag of ["--help", "-h"]) {
      const r = cli([command, flag], d);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout.split("\n")[0]).toMatch(new RegExp(`^Usage: footprint-gate ${command}\\b`));
      // Only this command's usage, not the global one.
      for (const other of ["check", "card", "badge", "schema"].filter((c) => c !== command)) expect(r.stdout).not.toContain(`footprint-gate ${other}`);
    }
  });

  it("--help wins over another mistake on the same line (check --bogus --help)", () => {
    const r = cli(["check", "--bogus", "--help"], folder());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: footprint-gate check/);
  });

  it("--help alone prints the global usage naming every command and exits 0", () => {
    const r = cli(["--help"], folder());
    expect(r.status).toBe(0);
    for (const c of ["check", "card", "badge", "schema"]) expect(r.stdout).toContain(`footprint-gate ${c}`);
  });

  it.each([
    ["check", "--bogus"],
    ["card", "--wirte"],
    ["badge", "--output"],
    ["schema", "--json"],
    ["check", "-x"],
  ])("%s %s: names the unknown option and prints the command's usage, without the parser's own text", (command, option) => {
    const r = cli([command, option], folder());
    expect(r.status).toBe(2);
    expect(reason(r)).toBe(`footprint-gate: unknown option ${JSON.stringify(option)}`);
    expect(r.stderr).toContain(`Usage: footprint-gate ${command}`);
    expect(r.stderr).not.toMatch(/positional|place it at the end|'--'/);
    expect(r.stdout).toBe("");
  });
});

// ------------------------------------------------------------------------------------------------
describe("--base-ref where git cannot give the base (item 7)", () => {
  // A manifest over its CO2e budget: exit 1 under --fail-on error, 0 under never; never 2 for the missing base.
  const OVER = TRAINING("budget: { co2e_kg: 0.001 }");

  let origin: string;
  let shallow: string;
  beforeAll(() => {
    origin = folder();
    git(origin, "init", "-q", ".");
    write(origin, "footprint.yml", OVER);
    git(origin, "add", "-A");
    git(origin, "commit", "-q", "-m", "one");
    write(origin, "footprint.yml", OVER + "# two\n");
    git(origin, "commit", "-q", "-am", "two");
    git(origin, "checkout", "-q", "-b", "feature");
    write(origin, "footprint.yml", OVER + "# three\n");
    git(origin, "commit", "-q", "-am", "three");
    // What actions/checkout leaves: one commit of the PR branch, no origin/main.
    shallow = join(folder(), "clone");
    git(root(), "clone", "-q", "--depth", "1", "--single-branch", "--branch", "feature", `file://${origin}`, shallow);
  });

  it("outside a git repository: a base/unavailable notice saying no git repository here; the head is judged alone", () => {
    const d = folder();
    write(d, "footprint.yml", OVER);
    const never = cli(["check", "--base-ref", "origin/main", "--fail-on", "never"], d);
    expect(never.status).toBe(0);
    expect(never.stdout).toMatch(/notice +base\/unavailable +--base-ref origin\/main: no git repository here/);
    expect(never.stdout).not.toContain("not a commit in this git repository");
    // The head alone still fails its own budget (exit 1), not a usage error (2).
    const r = cli(["check", "--base-ref", "origin/main", "--format", "json"], d);
    expect(r.status).toBe(1);
    const m = (JSON.parse(r.stdout) as { manifests: { base: unknown; findings: { rule: string; severity: string }[] }[] }).manifests[0]!;
    expect(m.base).toBeNull();
    expect(m.findings).toContainEqual(expect.objectContaining({ rule: "base/unavailable", severity: "notice" }));
  });

  it("in a shallow clone, --base-ref origin/main is an unavailable base: exit 0 under --fail-on never, with the fetch to run", () => {
    expect(git(shallow, "rev-parse", "--is-shallow-repository").trim()).toBe("true");
    const r = cli(["check", "--base-ref", "origin/main", "--fail-on", "never"], shallow);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("base/unavailable");
    expect(r.stdout).toContain("not in the local history of this shallow clone");
    expect(r.stdout).toContain("git fetch --depth=1 origin main");
    expect(r.stdout).toContain("fetch-depth: 0");
  });

  it("in a shallow clone, a commit beyond the fetched history (HEAD~1) is an unavailable base too", () => {
    const r = cli(["check", "--base-ref", "HEAD~1", "--format", "json"], shallow);
    expect(r.status).toBe(1); // the budget, not the base
    const m = (JSON.parse(r.stdout) as { manifests: { findings: { rule: string; message: string }[] }[] }).manifests[0]!;
    expect(m.findings.find((f) => f.rule === "base/unavailable")?.message).toMatch(/HEAD~1: not in the local history/);
  });

  it("after the suggested fetch, the shallow clone compares with origin/main", () => {
    const copy = join(folder(), "clone");
    git(root(), "clone", "-q", "--depth", "1", "--single-branch", "--branch", "feature", `file://${origin}`, copy);
    git(copy, "fetch", "-q", "--depth=1", "origin", "main:refs/remotes/origin/main");
    const r = cli(["check", "--base-ref", "origin/main", "--format", "json", "--fail-on", "never"], copy);
    expect(r.status).toBe(0);
    const m = (JSON.parse(r.stdout) as { manifests: { base: unknown; findings: { rule: string }[] }[] }).manifests[0]!;
    expect(m.base).not.toBeNull();
    expect(m.findings.map((f) => f.rule)).not.toContain("base/unavailable");
  });

  it("a mistyped ref in a full repository is still a usage error (exit 2), saying the ref is not in the local history", () => {
    const r = cli(["check", "--base-ref", "origin/mian", "--fail-on", "never"], origin);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(reason(r)).toContain('"origin/mian" is not a commit in this git repository\'s local history');
  });

  it("a manifest that does not exist at the ref: the text output says new manifest, no base at the ref", () => {
    write(origin, "ml/new.yml", TRAINING());
    const r = cli(["check", "ml/new.yml", "--base-ref", "main"], origin);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/notice +base\/new-manifest +new manifest, no base at main/);
    rmSync(join(origin, "ml"), { recursive: true });
  });
});
