// One fuzz case, end to end in process: mutated files → evaluate (with and without a base, and the base removed) →
// report → exit codes, text, Markdown, fitted comment, JSON, parseReport. Returns every property it breaks.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { evaluate, evaluateRemoved } from "../../src/evaluate.js";
import type { ManifestSource } from "../../src/manifest/source.js";
import { COMMENT_LIMIT, MARKER, fitMarkdown, renderMarkdown } from "../../src/render/markdown.js";
import { renderText } from "../../src/render/text.js";
import { parseReport } from "../../src/report-schema.js";
import { buildReport, exitCode, reportJson, type Report, type ManifestReport } from "../../src/report.js";
import { repoPathOf } from "../../src/sources.js";
import { mutateCard, mutateCsv, mutateManifest, type Case } from "./mutate.js";

export const ROOT = new URL("../../", import.meta.url).pathname;

export interface Example {
  manifest: string;
  /** The committed base manifest; the root manifest has none and is its own base. */
  base: string;
}

export const EXAMPLES: readonly Example[] = [
  { manifest: "footprint.yml", base: "footprint.yml" },
  { manifest: "examples/llm-pretraining/footprint.yml", base: "examples/llm-pretraining/footprint.base.yml" },
  { manifest: "examples/inference-service/footprint.yml", base: "examples/inference-service/footprint.base.yml" },
  { manifest: "examples/fine-tune-measured/footprint.yml", base: "examples/fine-tune-measured/footprint.base.yml" },
  { manifest: "examples/monthly-team/footprint.yml", base: "examples/monthly-team/footprint.base.yml" },
];
export const FINE_TUNE = 3;
export const CARD = "examples/fine-tune-measured/MODEL_CARD.md";
export const CSVS = ["examples/fine-tune-measured/runs/sft/emissions-rank0.csv", "examples/fine-tune-measured/runs/sft/emissions-rank1.csv"] as const;

/** Every file a manifest may name (examples and docs), read once. */
function loadFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(ROOT, rel))) {
      const p = posix.join(rel, name);
      if (statSync(join(ROOT, p)).isDirectory()) walk(p);
      else files.set(p, readFileSync(join(ROOT, p), "utf8"));
    }
  };
  walk("examples");
  walk("docs");
  files.set("footprint.yml", readFileSync(join(ROOT, "footprint.yml"), "utf8"));
  return files;
}
export const FILES = loadFiles();

export interface Materialized {
  example: Example;
  head: string;
  base: string;
  /** The files that differ from the repository: the card and CSVs, mutated. */
  overlay: Map<string, string>;
}

export function materialize(c: Case): Materialized {
  const example = EXAMPLES[c.ex % EXAMPLES.length]!;
  const head = mutateManifest(FILES.get(example.manifest)!, c.head);
  const base = c.base ? mutateManifest(FILES.get(example.base)!, c.base) : FILES.get(example.base)!;
  const overlay = new Map<string, string>();
  if (c.card.length > 0) overlay.set(CARD, mutateCard(FILES.get(CARD)!, c.card));
  if (c.csv.length > 0) overlay.set(CSVS[c.csvFile], mutateCsv(FILES.get(CSVS[c.csvFile])!, c.csv));
  return { example, head, base, overlay };
}

/** The bytes a case feeds the gate, for reports of the slowest inputs. */
export function sizeOf(m: Materialized): number {
  let n = Buffer.byteLength(m.head) + Buffer.byteLength(m.base);
  for (const v of m.overlay.values()) n += Buffer.byteLength(v);
  return n;
}

/** An in-memory source: the real path confinement of repository reads (repoPathOf), files from the map. */
function source(path: string, text: string, overlay: Map<string, string>): ManifestSource {
  const read = (p: string): string | null => overlay.get(p) ?? FILES.get(p) ?? null;
  const isFolder = (p: string) => p === "." || [...FILES.keys()].some((f) => f.startsWith(`${p}/`));
  return {
    path,
    text,
    readRelative: async (rel) => read(repoPathOf(path, rel)),
    exists: async (rel) => {
      const p = repoPathOf(path, rel);
      return read(p) !== null || isFolder(p);
    },
  };
}

export interface Violation {
  /** Stable name of the broken property, for grouping. */
  property: string;
  detail: string;
}

// C0 controls but newline and tab, DEL, C1 (ESC sequences and CSI), bidi controls, line/paragraph separators, tag
// characters: none may reach a terminal, a log or a PR comment.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE = /[\u2028\u2029\u{e0000}-\u{e007f}]/u;
const NON_FINITE = ["NaN", "Infinity", "∞"] as const;

function codePoint(s: string, re: RegExp): string {
  const m = re.exec(s);
  if (!m) return "";
  const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return `U+${cp} at ${m.index}: ${JSON.stringify(s.slice(Math.max(0, m.index - 40), m.index + 20))}`;
}

/** Every number in the report object is finite (JSON would turn NaN and Infinity into null). */
function nonFinite(v: unknown, path: string, out: string[]): void {
  if (out.length >= 3) return;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) out.push(`${path} = ${v}`);
  } else if (Array.isArray(v)) v.forEach((x, i) => nonFinite(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) nonFinite(x, `${path}.${k}`, out);
}

/** A YAML or CSV literal of a non-finite number (`.nan`, `-.inf`, `1e309`), as JavaScript prints it. */
function nonFiniteLiteral(s: string): string | null {
  const t = s.trim().replace(/^'(.*)'$/, "$1");
  if (/^\.nan$/i.test(t)) return "NaN";
  if (/^[-+]?\.inf$/i.test(t)) return t.startsWith("-") ? "-Infinity" : "Infinity";
  return /^[-+]?\d[\d.]*e[-+]?\d+$/i.test(t) && !Number.isFinite(Number(t)) ? String(Number(t)) : null;
}

/**
 * Strings the case itself put in its inputs: a token the author wrote may be echoed ("expected a number, got NaN" for
 * `.nan`), so it is not looked for in the text; the figures are still checked in the report object.
 */
function injected(c: Case): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v, nonFiniteLiteral(v) ?? "");
    else if (typeof v === "number" && !Number.isFinite(v)) out.push(String(v));
    else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(c);
  return out.join("\n");
}

function checkReport(report: Report, what: string, c: Case, out: Violation[]): void {
  const add = (property: string, detail: string) => out.push({ property, detail: `${what}: ${detail}` });
  const stage = <T>(name: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (err) {
      add(`crash in ${name}`, err instanceof Error ? `${err.constructor.name}: ${err.message.slice(0, 300)}` : String(err));
      return undefined;
    }
  };
  for (const failOn of ["error", "warning", "never"] as const) {
    const code = stage("exitCode", () => exitCode(report, failOn));
    if (code !== undefined && ![0, 1, 2].includes(code)) add("exit code in {0,1,2}", `fail-on ${failOn}: ${code}`);
  }
  const bad: string[] = [];
  nonFinite(report, "report", bad);
  if (bad.length > 0) add("finite figures in the report", bad.join("; "));

  const echoed = injected(c);
  const tokens = NON_FINITE.filter((t) => !echoed.includes(t));
  const outputs: [string, string | undefined][] = [["text", stage("renderText", () => renderText(report))]];
  const fitted = stage("fitMarkdown", () => fitMarkdown(report, { marker: MARKER }, COMMENT_LIMIT));
  // A full fitted body is renderMarkdown's output already; render it apart only when the fit left detail out.
  if (fitted?.detail !== "full") outputs.push(["markdown", stage("renderMarkdown", () => renderMarkdown(report))]);
  if (fitted) {
    outputs.push(["fitted markdown", fitted.body]);
    const bytes = Buffer.byteLength(fitted.body, "utf8");
    if (bytes > COMMENT_LIMIT) add("fitted Markdown within the comment limit", `${bytes} bytes (${fitted.detail})`);
    if (!fitted.body.startsWith(MARKER)) add("fitted Markdown starts with the marker", JSON.stringify(fitted.body.slice(0, 80)));
  }
  const json = stage("reportJson", () => reportJson(report));
  if (json !== undefined) {
    for (const t of tokens)
      if (json.includes(t)) add(`no ${t} in output`, `json: ${JSON.stringify(json.slice(Math.max(0, json.indexOf(t) - 60), json.indexOf(t) + 20))}`);
    try {
      parseReport(json);
    } catch (err) {
      add("parseReport accepts the report", err instanceof Error ? err.message.slice(0, 300) : String(err));
    }
  }
  for (const [name, s] of outputs) {
    if (s === undefined) continue;
    for (const t of tokens)
      if (s.includes(t)) add(`no ${t} in output`, `${name}: ${JSON.stringify(s.slice(Math.max(0, s.indexOf(t) - 60), s.indexOf(t) + 20))}`);
    if (CONTROL.test(s)) add("no control character in output", `${name}: ${codePoint(s, CONTROL)}`);
    if (BIDI.test(s)) add("no bidi control in output", `${name}: ${codePoint(s, BIDI)}`);
    if (INVISIBLE.test(s)) add("no line separator or tag character in output", `${name}: ${codePoint(s, INVISIBLE)}`);
  }
}

const MODES = ["with base", "without base", "several manifests (with base, without base, base removed)"] as const;

export interface Outcome {
  violations: Violation[];
  ms: number;
  bytes: number;
}

export async function runCase(c: Case): Promise<Outcome> {
  const t0 = performance.now();
  const m = materialize(c);
  const violations: Violation[] = [];
  const head = source(m.example.manifest, m.head, m.overlay);
  const base = source(m.example.base, m.base, m.overlay);
  // One report a case (the mode cycles): with the base, without one, or several manifests (the base-removed one too).
  const mode = MODES[c.mode % MODES.length]!;
  let manifests: ManifestReport[] | undefined;
  try {
    if (mode === "with base") manifests = [await evaluate(head, base)];
    else if (mode === "without base") manifests = [await evaluate(head, null)];
    else {
      const removed = await evaluateRemoved(base, m.example.manifest);
      manifests = [await evaluate(head, base), await evaluate(head, null), ...(removed ? [removed] : [])];
    }
  } catch (err) {
    violations.push({
      property: "crash in evaluate",
      detail: `${mode}: ${err instanceof Error ? `${err.constructor.name}: ${err.message.slice(0, 300)}` : String(err)}`,
    });
  }
  if (manifests) checkReport(buildReport(manifests), mode, c, violations);
  return { violations, ms: performance.now() - t0, bytes: sizeOf(m) };
}
