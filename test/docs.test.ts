// The README and docs/ restate the code in many places, so those places are checked against the code.
// The manifest reference (docs/manifest-reference.md) is generated from the committed JSON Schema
// (schema/footprint.schema.json, itself built from src/manifest/schema.ts): the normal run only compares, and
//   UPDATE_DOCS=1 npx vitest run test/docs.test.ts
// rewrites the part between the markers from the schema.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SCHEMA_ID } from "../src/manifest/schema.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const README = join(ROOT, "README.md");
const DOCS = join(ROOT, "docs");
const REFERENCE = join(DOCS, "manifest-reference.md");
const CLI = join(ROOT, "dist", "cli.js");
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

/** The manifest reference: one table per object (key | type | constraints | description), from the schema. */
function manifestReference(schema: JsonSchema): string {
  const lines = [
    START,
    "<!-- Generated from schema/footprint.schema.json by test/docs.test.ts; do not edit by hand. After a schema change: UPDATE_DOCS=1 npx vitest run test/docs.test.ts -->",
    "",
  ];
  for (const t of tables(schema)) {
    const title = t.paths[0] === "" ? "Top level" : t.paths.map(code).join(", ");
    lines.push(`## ${title}`, "");
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

function referenceSection(page: string): { start: number; end: number } {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  expect(start, `docs/manifest-reference.md has no ${START} line`).toBeGreaterThan(0);
  expect(page.indexOf(START, start + 1), "the start marker appears once").toBe(-1);
  expect(end, `docs/manifest-reference.md has no ${END} after the start marker`).toBeGreaterThan(start);
  return { start, end: end + END.length };
}

describe("manifest reference (docs/manifest-reference.md)", () => {
  const schema = JSON.parse(readFileSync(SCHEMA, "utf8")) as JsonSchema;

  it("is the table generated from schema/footprint.schema.json", () => {
    const expected = manifestReference(schema);
    let page = readFileSync(REFERENCE, "utf8");
    if (process.env.UPDATE_DOCS === "1") {
      const { start, end } = referenceSection(page);
      page = page.slice(0, start) + expected + page.slice(end);
      writeFileSync(REFERENCE, page);
    }
    const { start, end } = referenceSection(page);
    expect(page.slice(start, end)).toBe(expected);
    expect(page.startsWith("# Manifest reference\n")).toBe(true);
  });

  it("has a table for every object of the manifest, and a row for every key", () => {
    const reference = manifestReference(schema);
    for (const heading of [
      "## Top level",
      "## `defaults`",
      "## `training[]`",
      "## `inference[]`",
      "## `training[].from`, `inference[].from`",
      "## `training[].measured`, `inference[].measured`",
      "## `training[].embodied`, `inference[].embodied`",
      "## `training[].budget`, `inference[].budget`",
      "## `training[].compute`",
      "## `datasets[]`",
      "## `datasets[].encryption`",
      "## `datasets[].differential_privacy`",
      "## `transparency`",
      "## `budget`",
      "## `budget.run`",
      "## `policy.privacy`",
      "## `policy.transparency`",
    ]) {
      expect(reference).toContain(`\n${heading}\n`);
    }
    const rows = (s: JsonSchema): number =>
      isObject(s) ? Object.values(s.properties).reduce((n, p) => n + 1 + rows(p) + (p.type === "array" && p.items ? rows(p.items) : 0), 0) : 0;
    // measured, embodied and budget are shared by training and inference entries, so they are listed once.
    const shared = 3 + 3 + 4; // measured: codecarbon, energy_kwh, energy_basis; embodied: per_accelerator_kg, lifetime_years, lifetime_utilization; budget: energy_kwh, co2e_kg, water_l, increase_pct
    // from's object form (path, format, document) is an alternative to a string, which the count does not walk into.
    const alternatives = 3;
    expect(reference.split("\n").filter((l) => l.startsWith("| `")).length).toBe(rows(schema) - shared + alternatives);
  });
});

/** README.md and every page under docs/. */
function pages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith(".md") ? [p] : [];
    });
  return [README, ...["CONTRIBUTING.md", "SECURITY.md", "CHANGELOG.md"].map((f) => join(ROOT, f)), ...walk(DOCS)];
}

/** Where GitHub puts a heading's anchor: lower case, punctuation and symbols dropped, spaces as hyphens. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

interface Page {
  anchors: Set<string>;
  links: { url: string; line: number }[];
}

/** The anchors a page has (headings, with GitHub's -1, -2 for repeats, and <a id>) and the links it makes. */
function parsePage(file: string): Page {
  const tree = fromMarkdown(readFileSync(file, "utf8"), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const anchors = new Set<string>();
  const repeats = new Map<string, number>();
  const links: Page["links"] = [];
  const visit = (node: Nodes) => {
    if (node.type === "heading") {
      const base = slug(toString(node));
      const n = repeats.get(base) ?? 0;
      repeats.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    if (node.type === "html") for (const m of node.value.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
    if (node.type === "link" || node.type === "image" || node.type === "definition") links.push({ url: node.url, line: node.position!.start.line });
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return { anchors, links };
}

/** Fenced blocks of a language, with their text. */
function fenced(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((m) => m[1]!);
}

describe("links of the README and docs/", () => {
  it("every relative link and #anchor resolves, inside the repository", () => {
    const problems: string[] = [];
    const parsed = new Map<string, Page>();
    const pageOf = (file: string) => parsed.get(file) ?? parsed.set(file, parsePage(file)).get(file)!;
    let checked = 0;
    for (const file of pages()) {
      for (const { url, line } of pageOf(file).links) {
        if (/^[a-z][a-z\d+.-]*:/i.test(url)) continue;
        const at = `${relative(ROOT, file)}:${line}: ${url}`;
        const hash = url.indexOf("#");
        const path = decodeURIComponent(hash === -1 ? url : url.slice(0, hash));
        const target = path === "" ? file : resolve(dirname(file), path);
        const rel = relative(ROOT, target).split(sep).join("/");
        checked++;
        if (rel.startsWith("..")) problems.push(`${at}: leaves the repository`);
        else if (!existsSync(target)) problems.push(`${at}: no such file`);
        else if (hash !== -1 && target.endsWith(".md") && !pageOf(target).anchors.has(url.slice(hash + 1))) {
          problems.push(`${at}: no such anchor`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it("the anchor rule is GitHub's: punctuation dropped, repeats numbered", () => {
    const dir = mkdtempSync(join(tmpdir(), "fg-docs-slug-"));
    try {
      const file = join(dir, "a.md");
      writeFileSync(file, "# Privacy exposure (R = p × D)\n\n## `training[].measured`, `inference[].measured`\n\n## FAQ\n\n## FAQ\n");
      expect([...parsePage(file).anchors]).toEqual(["privacy-exposure-r--p--d", "trainingmeasured-inferencemeasured", "faq", "faq-1"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("examples in the README and docs/", () => {
  it("every fenced manifest passes its own gate as pasted into an empty repository", () => {
    const manifests = pages().flatMap((file) =>
      fenced(readFileSync(file, "utf8"), "yaml")
        .filter((y) => /^version: 1$/m.test(y))
        .map((yaml) => ({ file, yaml })),
    );
    expect(manifests.length).toBeGreaterThanOrEqual(3);
    for (const { file, yaml } of manifests) {
      const dir = mkdtempSync(join(tmpdir(), "fg-docs-manifest-"));
      try {
        spawnSync("git", ["init", "-q", dir]);
        writeFileSync(join(dir, "footprint.yml"), yaml);
        const r = spawnSync(process.execPath, [CLI, "check"], { cwd: dir, encoding: "utf8" });
        expect(r.status, `${relative(ROOT, file)}\n${yaml.slice(0, 200)}\n${r.stdout}${r.stderr}`).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it("every `$ node dist/cli.js …` transcript is what the CLI prints", () => {
    const transcripts = pages().flatMap((file) =>
      fenced(readFileSync(file, "utf8"), "text").flatMap((block) => {
        const m = /^\$ node dist\/cli\.js ([^\n]+)\n([\s\S]*)$/.exec(block);
        return m ? [{ file, args: m[1]!.split(" "), shown: m[2]! }] : [];
      }),
    );
    expect(transcripts.map((t) => t.args[0])).toEqual(expect.arrayContaining(["check", "card", "badge"]));
    // In a copy of what the commands read, so that `badge --out` writes nowhere near the repository.
    const dir = mkdtempSync(join(tmpdir(), "fg-docs-transcript-"));
    try {
      for (const p of ["examples", "footprint.yml", "docs/datasheets"]) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
      for (const { file, args, shown } of transcripts) {
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8" });
        expect(r.status, `${relative(ROOT, file)}: ${args.join(" ")}\n${r.stderr}`).toBe(0);
        expect(shown, `${relative(ROOT, file)}: ${args.join(" ")}`).toBe(r.stdout);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every npm script and script file a shell block runs exists", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const lines = pages().flatMap((file) => fenced(readFileSync(file, "utf8"), "sh").flatMap((b) => b.split("\n").map((line) => ({ file, line }))));
    let checked = 0;
    for (const { file, line } of lines) {
      for (const m of line.matchAll(/\bnpm (?:run ([\w:-]+)|(test|start))\b/g)) {
        checked++;
        expect(Object.keys(pkg.scripts), `${relative(ROOT, file)}: ${line}`).toContain(m[1] ?? m[2]);
      }
      for (const m of line.matchAll(/\bnode (scripts\/[\w.-]+)/g)) {
        checked++;
        expect(existsSync(join(ROOT, m[1]!)), `${relative(ROOT, file)}: ${line}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});

describe("the README", () => {
  const readme = readFileSync(README, "utf8");

  it("stays a first stop: at most 25 KB, the reference is in docs/", () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(25 * 1024);
    expect(readme).toContain("](docs/README.md)");
  });

  it("shows small images: every picture it takes from the repository is a PNG or SVG under 100 KB", () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(((?!https?:)[^)\s]+)\)/g)].map((m) => m[1]!);
    expect(images).toContain("docs/images/comment.png");
    for (const image of images) {
      expect(image, image).toMatch(/\.(png|svg)$/);
      expect(statSync(join(ROOT, image)).size, image).toBeLessThan(100 * 1024);
    }
  });

  it("shows the repository's own badge, and the committed badge is what the CLI makes from footprint.yml", () => {
    expect(readme).toContain("![carbon footprint](.github/badges/footprint.svg)");
    const out = mkdtempSync(join(tmpdir(), "fg-readme-badge-"));
    try {
      const r = spawnSync(process.execPath, [CLI, "badge", "footprint.yml", "--out", out], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      for (const name of ["footprint.svg", "footprint.json"]) {
        expect(readFileSync(join(out, name), "utf8")).toBe(readFileSync(join(ROOT, ".github", "badges", name), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("action.yml and docs/action.md", () => {
  interface Action {
    description: string;
    branding: { icon: string; color: string };
    inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
    outputs: Record<string, { description?: string }>;
  }
  const action = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;
  const page = readFileSync(join(DOCS, "action.md"), "utf8");
  /** The rows of the table under a `## title` heading: first cell (the name, in backticks), then the others. */
  const rows = (title: string) => {
    const start = page.indexOf(`\n## ${title}\n`);
    expect(start, `docs/action.md has a "## ${title}" section`).toBeGreaterThan(0);
    const section = page.slice(start, page.indexOf("\n## ", start + 1));
    return [...section.matchAll(/^\| `([a-z\d-]+)` \| (.*) \|$/gm)].map((m) => ({ name: m[1]!, cells: m[2]!.split(" | ") }));
  };

  it("has a description the Marketplace accepts (at most 125 characters), branding, and a description for every input and output", () => {
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description?.trim(), `input ${name}`).toBeTruthy();
    for (const [name, output] of Object.entries(action.outputs)) expect(output.description?.trim(), `output ${name}`).toBeTruthy();
  });

  it("the inputs table has every input of action.yml, in its order, with its default and whether it is required", () => {
    const documented = rows("Inputs");
    expect(documented.map((r) => r.name)).toEqual(Object.keys(action.inputs));
    expect(documented.map((r) => r.name)).toContain("badge-metric");
    for (const { name, cells } of documented) {
      const input = action.inputs[name]!;
      // The default cell is `value`, "empty" for "", or **required** for an input without one.
      const cell = cells[0]!;
      expect(input.required ?? false, `input ${name} required`).toBe(cell === "**required**");
      if (cell !== "**required**") expect(cell === "empty" ? "" : cell.replace(/^`(.*)`$/, "$1"), `input ${name} default`).toBe(input.default ?? "");
    }
  });

  it("the outputs table has every output of action.yml, in its order", () => {
    const documented = rows("Outputs").map((r) => r.name);
    expect(documented).toEqual(Object.keys(action.outputs));
    expect(documented).toContain("badge-json");
  });
});

describe("the schema's $id, the editors and SchemaStore", () => {
  it("the committed schema has the stable https $id, and the SchemaStore entry points at it", () => {
    const schema = JSON.parse(readFileSync(SCHEMA, "utf8")) as { $id?: string };
    expect(SCHEMA_ID).toMatch(/^https:\/\/raw\.githubusercontent\.com\/.+\/schema\/footprint\.schema\.json$/);
    expect(schema.$id).toBe(SCHEMA_ID);
    const catalog = JSON.parse(readFileSync(join(DOCS, "schemastore-catalog.json"), "utf8")) as {
      schemas: { name: string; description: string; fileMatch: string[]; url: string }[];
    };
    expect(catalog.schemas).toHaveLength(1);
    const [entry] = catalog.schemas;
    expect(entry!.url).toBe(schema.$id);
    expect(entry!.fileMatch).toContain("footprint.yml");
    expect(entry!.name && entry!.description).toBeTruthy();
  });

  it("every example manifest starts with the yaml-language-server line naming the schema's $id", () => {
    const manifests = [
      "footprint.yml",
      ...["examples", "test/fixtures/comments"].flatMap((dir) =>
        readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
          .filter((p) => /(^|[\\/])footprint(\.base)?\.yml$/.test(p))
          .map((p) => join(dir, p)),
      ),
    ];
    expect(manifests.length).toBeGreaterThanOrEqual(15);
    for (const m of manifests) expect(readFileSync(join(ROOT, m), "utf8").split("\n")[0], m).toBe(`# yaml-language-server: $schema=${SCHEMA_ID}`);
  });
});
