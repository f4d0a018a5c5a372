// The rules a finding can name (src/findings.ts RULES, the type of Finding.rule) are the rules the documentation
// lists: its table of rules, wherever it lives (the README or a page under docs/), has one row per rule.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/findings.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => join(ROOT, "docs", f));
  return [join(ROOT, "README.md"), ...docs];
}

/** The rule ids of every table whose header starts `| rule | severity |`, in order. */
function documentedRules(text: string): string[] {
  const out: string[] = [];
  for (const table of text.split(/\n(?=\| rule \| severity \|)/).slice(1)) {
    for (const line of table.split("\n").slice(2)) {
      if (!line.startsWith("|")) break;
      const id = /^\| `([a-z]+\/[a-z0-9-]+)` \|/.exec(line)?.[1];
      if (id) out.push(id);
    }
  }
  return out;
}

describe("rule ids", () => {
  it("the documented table of rules lists exactly the rules of Finding.rule, each once", () => {
    const documented = markdownFiles().flatMap((f) => documentedRules(readFileSync(f, "utf8")));
    expect(documented.length).toBeGreaterThan(20);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...RULES].sort());
  });

  it("reads the rule ids of a table, and only of that table", () => {
    const text = [
      "intro `data/nope`",
      "| rule | severity | when |",
      "|---|---|---|",
      "| `a/b` | error | x |",
      "| `c/d-2` | notice | y |",
      "",
      "| `e/f` |",
    ].join("\n");
    expect(documentedRules(text)).toEqual(["a/b", "c/d-2"]);
  });
});
