// The one YAML front end (src/manifest/yaml/): every document of a file with its locator, under the caller's limits.
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/findings.js";
import { readYaml, type Position, type YamlLimits } from "../src/manifest/yaml/index.js";

const invalid = (message: string, pos: Position = { line: 1, column: 1 }): Finding => ({
  rule: "manifest/invalid",
  severity: "error",
  message,
  file: "f.yaml",
  ...pos,
});
const LIMITS: YamlLimits = { name: "launch config", maxBytes: 1 << 20, maxDepth: 32, maxDocuments: 3 };

describe("readYaml", () => {
  it("gives each document of a file its data, its first line and a locator into it", async () => {
    const read = await readYaml("# head\nkind: Service\n---\nkind: Job\nspec:\n  parallelism: 2\n", LIMITS, invalid);
    if (!("documents" in read)) throw new Error(read.findings[0]!.message);
    expect(read.documents.map((d) => d.data)).toEqual([{ kind: "Service" }, { kind: "Job", spec: { parallelism: 2 } }]);
    expect(read.documents.map((d) => d.line)).toEqual([2, 4]);
    expect(read.documents[1]!.locator.value(["spec", "parallelism"])).toEqual({ line: 6, column: 16 });
  });

  it("reads a single document through the fast parser with the same first line", async () => {
    const read = await readYaml("# a comment\n\nresources:\n  accelerators: H100:8\n", LIMITS, invalid);
    if (!("documents" in read)) throw new Error(read.findings[0]!.message);
    expect(read.documents).toHaveLength(1);
    expect(read.documents[0]!.line).toBe(3);
    expect(read.documents[0]!.locator.value(["resources", "accelerators"])).toEqual({ line: 4, column: 17 });
  });

  it("refuses more documents than the limit, at the separator of the first one over it", async () => {
    const read = await readYaml("a: 1\n---\n".repeat(10_000), LIMITS, invalid);
    expect("findings" in read && read.findings.map((f) => [f.message, f.line])).toEqual([["the file holds more than 3 YAML documents", 6]]);
  });

  it("applies the caller's depth, size and alias limits with the caller's name for the file", async () => {
    const deep = "a:\n" + Array.from({ length: 20 }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n") + " 1\n";
    expect(await readYaml(deep, LIMITS, invalid)).toHaveProperty("documents");
    const shallow = await readYaml(deep, { ...LIMITS, maxDepth: 16 }, invalid);
    expect("findings" in shallow && shallow.findings[0]!.message).toBe("the YAML is nested more than 16 levels deep");
    const big = await readYaml("a: b\n".repeat(300_000), LIMITS, invalid);
    expect("findings" in big && big.findings[0]!.message).toBe("the launch config is larger than 1048576 bytes");
    const aliases = await readYaml("a: &x 1\n---\n" + "b: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\n", LIMITS, invalid);
    expect("findings" in aliases && aliases.findings[0]!.message).toMatch(/more than 10 YAML aliases|Unresolved alias/);
  });
});
