// CONTRIBUTING.md, SECURITY.md and docs/pre-commit.md name commands and files a reader will type or open: every
// `npm run` script, every script run with node, and every repository path they cite must exist.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli-harness.js";

const DOCS = ["CONTRIBUTING.md", "SECURITY.md", "docs/pre-commit.md"];
const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const read = (doc: string): string => readFileSync(join(ROOT, doc), "utf8");

describe.each(DOCS)("%s", (doc) => {
  it("runs only npm scripts that package.json defines", () => {
    for (const m of read(doc).matchAll(/\bnpm run ([\w:-]+)/g)) expect(scripts, m[0]).toHaveProperty([m[1]!]);
  });

  it("names only repository files and folders that exist", () => {
    const cited = [...read(doc).matchAll(/`((?:\.github|\.ci|src|scripts|test|data|docs|schema|dist)\/[^`\s<>…*]*)`/g)].map((m) => m[1]!);
    const run = [...read(doc).matchAll(/\bnode ((?:scripts|dist)\/[\w.-]+)/g)].map((m) => m[1]!);
    for (const path of [...cited, ...run]) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });
});

describe("CONTRIBUTING.md", () => {
  it("describes the release steps the release workflow checks", () => {
    const text = read("CONTRIBUTING.md");
    expect(text).toContain("## Releasing (maintainers)");
    expect(text).toContain("node scripts/release-check.mjs vX.Y.Z");
    expect(text).toContain("NPM_TOKEN");
  });
});

describe("SECURITY.md", () => {
  it("sends reports to private vulnerability reporting, not to public issues", () => {
    const text = read("SECURITY.md");
    expect(text).toContain("https://github.com/footprint-gate/footprint-gate/security/advisories/new");
    expect(text).toContain("do not open a public issue");
  });
});
