// The README is a user's first stop, so the parts of it that restate the code are checked against the code.
// Its manifest reference is generated from the committed JSON Schema (schema/footprint.schema.json, itself built
// from src/manifest/schema.ts): the normal run only compares, and
//   UPDATE_README=1 npx vitest run test/readme.test.ts
// rewrites the section between the markers from the schema.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const README = join(ROOT, "README.md");
const SCHEMA = join(ROOT, "schema", "footprint.schema.json");

const START = "<!-- manifest-reference:start -->";
const END = "<!-- manifest-reference:end -->";

/** The part of JSON Schema (draft 2020-12) that the manifest schema uses. */
interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: (string | number)[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  description?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
}

interface Table {
  /** Every place the object appears (measured and embodied appear in training and inference entries alike). */
  paths: string[];
  schema: JsonSchema;
}

const isObject = (s: JsonSchema | undefined): s is JsonSchema & { properties: Record<string, JsonSchema> } =>
  s !== undefined && s.type === "object" && s.properties !== undefined;

/** 10000000 → 1e7, so that limits read like the YAML that may be written; other numbers as they are. */
function num(n: number): string {
  if (Number.isInteger(n) && n >= 1e4) {
    const exp = Math.log10(n);
    if (Number.isInteger(exp)) return `1e${exp}`;
  }
  return String(n);
}

/** Text for a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

function code(s: string): string {
  return `\`${s}\``;
}

/** Where an object's table is, as a path such as `training[].measured`. */
function child(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

function typeOf(s: JsonSchema, path: string): string {
  if (s.const !== undefined) return code(JSON.stringify(s.const));
  if (s.enum) return `one of ${s.enum.map((v) => code(String(v))).join(", ")}`;
  if (s.anyOf) return s.anyOf.map((a) => typeOf(a, path)).join(" or ");
  if (isObject(s)) return `object, see ${code(path)}`;
  if (s.type === "array" && s.items) {
    if (isObject(s.items)) return `array of objects, see ${code(`${path}[]`)}`;
    return `array of ${typeOf(s.items, `${path}[]`)}`;
  }
  return s.type ?? "any";
}

function constraintsOf(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.anyOf) {
    const alternatives = s.anyOf.map((a) => ({ type: typeOf(a, ""), rules: constraintsOf(a) })).filter((a) => a.rules.length > 0);
    return alternatives.length > 0 ? [alternatives.map((a) => `${a.type}: ${a.rules.join(", ")}`).join("; ")] : [];
  }
  if (s.minimum !== undefined) out.push(`≥ ${num(s.minimum)}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${num(s.exclusiveMinimum)}`);
  if (s.maximum !== undefined) out.push(`≤ ${num(s.maximum)}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${num(s.exclusiveMaximum)}`);
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(`length ${s.minLength}–${s.maxLength}`);
  else if (s.minLength !== undefined) out.push(`length ≥ ${s.minLength}`);
  else if (s.maxLength !== undefined) out.push(`length ≤ ${s.maxLength}`);
  if (s.pattern !== undefined) out.push(`pattern ${code(s.pattern)}`);
  if (s.minItems !== undefined && s.maxItems !== undefined) out.push(`${num(s.minItems)}–${num(s.maxItems)} items`);
  else if (s.minItems !== undefined) out.push(`≥ ${num(s.minItems)} items`);
  else if (s.maxItems !== undefined) out.push(`≤ ${num(s.maxItems)} items`);
  if (s.type === "array" && s.items && !isObject(s.items)) {
    const each = constraintsOf(s.items);
    if (each.length > 0) out.push(`each ${each.join(", ")}`);
  }
  return out;
}

function descriptionOf(s: JsonSchema): string | undefined {
  return s.description ?? (s.type === "array" ? s.items?.description : undefined);
}

/** Every object of the schema with properties, depth-first in schema order; identical objects share one table. */
function tables(root: JsonSchema): Table[] {
  const out: Table[] = [];
  const visit = (s: JsonSchema, path: string) => {
    if (!isObject(s)) return;
    const same = out.find(
      (t) =>
        JSON.stringify(t.schema) === JSON.stringify(s) &&
        t.paths[0]!.split(/[.[\]]+/)
          .filter(Boolean)
          .at(-1) ===
          path
            .split(/[.[\]]+/)
            .filter(Boolean)
            .at(-1),
    );
    if (same) {
      same.paths.push(path);
      return;
    }
    out.push({ paths: [path], schema: s });
    for (const [key, p] of Object.entries(s.properties)) {
      const at = child(path, key);
      visit(p, at);
      if (p.type === "array" && p.items) visit(p.items, `${at}[]`);
      for (const a of p.anyOf ?? []) visit(a, at);
    }
  };
  visit(root, "");
  return out;
}

/** The README's manifest reference: one table per object (key | type | constraints | description), from the schema. */
function manifestReference(schema: JsonSchema): string {
  const lines = [
    START,
    "<!-- Generated from schema/footprint.schema.json by test/readme.test.ts; do not edit by hand. After a schema change: UPDATE_README=1 npx vitest run test/readme.test.ts -->",
    "",
  ];
  for (const t of tables(schema)) {
    const title = t.paths[0] === "" ? "Top level" : t.paths.map(code).join(", ");
    lines.push(`### ${title}`, "");
    const description = t.paths[0] === "" ? undefined : t.schema.description;
    if (description) lines.push(description, "");
    lines.push("| key | type | constraints | description |", "|---|---|---|---|");
    const required = new Set(t.schema.required ?? []);
    for (const [key, p] of Object.entries(t.schema.properties!)) {
      const path = child(t.paths[0]!, key);
      const constraints = [...(required.has(key) ? ["**required**"] : []), ...constraintsOf(p)];
      lines.push(`| ${code(key)} | ${cell(typeOf(p, path))} | ${cell(constraints.join(", ") || "–")} | ${cell(descriptionOf(p) ?? "–")} |`);
    }
    lines.push("");
  }
  lines.push(END);
  return lines.join("\n");
}

function readmeSection(readme: string): { start: number; end: number } {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect(start, `README.md has no ${START} line`).toBeGreaterThan(0);
  expect(readme.indexOf(START, start + 1), "the start marker appears once").toBe(-1);
  expect(end, `README.md has no ${END} after the start marker`).toBeGreaterThan(start);
  return { start, end: end + END.length };
}

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("README manifest reference", () => {
  const schema = JSON.parse(readFileSync(SCHEMA, "utf8")) as JsonSchema;

  it("is the table generated from schema/footprint.schema.json", () => {
    const expected = manifestReference(schema);
    let readme = readFileSync(README, "utf8");
    if (process.env.UPDATE_README === "1") {
      const { start, end } = readmeSection(readme);
      readme = readme.slice(0, start) + expected + readme.slice(end);
      writeFileSync(README, readme);
    }
    const { start, end } = readmeSection(readme);
    expect(readme.slice(start, end)).toBe(expected);
    expect(readme.lastIndexOf("## Manifest reference", start)).toBeGreaterThan(0);
  });

  it("has a table for every object of the manifest, and a row for every key", () => {
    const reference = manifestReference(schema);
    for (const heading of [
      "### Top level",
      "### `defaults`",
      "### `training[]`",
      "### `inference[]`",
      "### `training[].measured`, `inference[].measured`",
      "### `training[].embodied`, `inference[].embodied`",
      "### `training[].compute`",
      "### `datasets[]`",
      "### `datasets[].encryption`",
      "### `datasets[].differential_privacy`",
      "### `transparency`",
      "### `budget`",
      "### `budget.run`",
      "### `policy.privacy`",
      "### `policy.transparency`",
    ]) {
      expect(reference).toContain(`\n${heading}\n`);
    }
    const rows = (s: JsonSchema): number =>
      isObject(s) ? Object.values(s.properties).reduce((n, p) => n + 1 + rows(p) + (p.type === "array" && p.items ? rows(p.items) : 0), 0) : 0;
    // measured and embodied are shared by training and inference entries, so they are listed once.
    const shared = 2 + 3; // measured: codecarbon, energy_kwh; embodied: per_accelerator_kg, lifetime_years, lifetime_utilization
    expect(reference.split("\n").filter((l) => l.startsWith("| `")).length).toBe(rows(schema) - shared);
  });
});

describe("README facts", () => {
  const readme = readFileSync(README, "utf8");

  it("lists every rule the code can emit", () => {
    const rules = new Set<string>();
    for (const file of sources(join(ROOT, "src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/"((?:manifest|data|budget|base|privacy|transparency|estimate)\/[a-z-]+)"/g)) rules.add(m[1]!);
    }
    expect(rules.size).toBeGreaterThan(20);
    const table = readme.slice(readme.indexOf("## Rules"), readme.indexOf("\n## ", readme.indexOf("## Rules") + 1));
    for (const rule of rules) expect(table, `rule ${rule}`).toContain(`\`${rule}\``);
  });

  it("every fenced manifest passes its own gate as pasted into an empty repository", () => {
    const manifests = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((y) => /^version: 1$/m.test(y));
    expect(manifests.length).toBeGreaterThanOrEqual(2);
    for (const yaml of manifests) {
      const dir = mkdtempSync(join(tmpdir(), "fg-readme-manifest-"));
      try {
        spawnSync("git", ["init", "-q", dir]);
        writeFileSync(join(dir, "footprint.yml"), yaml);
        const r = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), "check"], { cwd: dir, encoding: "utf8" });
        expect(r.status, `${yaml.slice(0, 200)}\n${r.stdout}${r.stderr}`).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it("shows the repository's own badge, and the committed badge is what the CLI makes from footprint.yml", () => {
    expect(readme).toContain("![carbon footprint](.github/badges/footprint.svg)");
    const out = mkdtempSync(join(tmpdir(), "fg-readme-badge-"));
    try {
      const r = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), "badge", "footprint.yml", "--out", out], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      for (const name of ["footprint.svg", "footprint.json"]) {
        expect(readFileSync(join(out, name), "utf8")).toBe(readFileSync(join(ROOT, ".github", "badges", name), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("documents every input and output of action.yml", () => {
    const action = readFileSync(join(ROOT, "action.yml"), "utf8");
    const block = (name: string) => action.slice(action.indexOf(`\n${name}:\n`), action.indexOf("\n\n", action.indexOf(`\n${name}:\n`) + 1));
    const keys = (text: string) => [...text.matchAll(/^ {2}([a-z][a-z-]*):$/gm)].map((m) => m[1]!);
    const inputs = keys(block("inputs"));
    const outputs = keys(block("outputs"));
    expect(inputs).toContain("badge-metric");
    expect(outputs).toContain("badge-json");
    const section = (title: string) => readme.slice(readme.indexOf(title), readme.indexOf("\n#", readme.indexOf(title) + 1));
    const rows = (text: string) => [...text.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
    expect(rows(section("### Inputs"))).toEqual(inputs);
    expect(rows(section("### Outputs"))).toEqual(outputs);
  });
});
