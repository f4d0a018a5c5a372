// Hugging Face model cards: YAML front matter + Markdown. We read the `co2_eq_emissions` disclosure (grams, as a
// bare number or an object) and the section headings, and can rewrite that one block leaving every other byte alone.
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";

export interface Co2Disclosure {
  grams: number | null;
  /** As written, for messages. */
  raw: string;
  source?: string;
  training_type?: string;
  geographical_location?: string;
  hardware_used?: string;
}

export interface ModelCard {
  /** Offsets of the front matter's YAML text in the file, when there is front matter. */
  frontMatter: { start: number; end: number } | null;
  /** Line of the front matter's first YAML line (1-based), for findings. */
  frontMatterLine: number;
  problems: string[];
  co2: Co2Disclosure | null;
  /** Line of the co2_eq_emissions key, when present. */
  co2Line: number | null;
  headings: string[];
  doc: Document | null;
}

const UNITS: Record<string, number> = { g: 1, gram: 1, grams: 1, kg: 1e3, kgs: 1e3, kilograms: 1e3, t: 1e6, ton: 1e6, tons: 1e6, tonne: 1e6, tonnes: 1e6, mt: 1e12 };

/** "17g", "1.2 kg", "1,234.5", 17 → grams; null when no figure can be read. */
export function gramsOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const m = /^\s*([0-9][0-9,]*(?:\.[0-9]+)?(?:e[+-]?\d+)?)\s*([a-z]*)\b/i.exec(value.replace(/co2(?:eq|e)?/i, ""));
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ""));
  const unit = m[2]!.toLowerCase();
  // "1e400" or "1e300 mt" is no figure: infinity would become null in the JSON report.
  const grams = unit === "" ? n : n * (UNITS[unit] ?? Number.NaN);
  return Number.isFinite(grams) ? grams : null;
}

/** Heading text compared case-insensitively, without Markdown emphasis, links, trailing colons or emoji. */
export function normaliseHeading(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .toLowerCase();
}

const FRONT_MATTER = /^(\ufeff?)---[ \t]*\r?\n/;

export function parseModelCard(text: string): ModelCard {
  const card: ModelCard = { frontMatter: null, frontMatterLine: 1, problems: [], co2: null, co2Line: null, headings: [], doc: null };
  let body = text;
  const open = FRONT_MATTER.exec(text);
  if (open) {
    const start = open[0].length;
    const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
    const rest = text.slice(start);
    const m = close.exec(rest);
    if (!m) card.problems.push("the front matter has no closing `---` line");
    else {
      const end = start + m.index;
      card.frontMatter = { start, end };
      card.frontMatterLine = 2;
      body = text.slice(end + m[0].length);
      readFrontMatter(text.slice(start, end), card);
    }
  } else card.problems.push("the card has no YAML front matter (`---` … `---` at the top)");
  card.headings = headings(body);
  return card;
}

function readFrontMatter(yamlText: string, card: ModelCard): void {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    card.problems.push(`the front matter is not valid YAML (line ${lines.linePos(e.pos[0]).line + 1}: ${e.message.split("\n")[0]})`);
    return;
  }
  card.doc = doc;
  if (!isMap(doc.contents)) {
    if (doc.contents !== null) card.problems.push("the front matter is not a YAML mapping");
    return;
  }
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "co2_eq_emissions");
  if (!pair) return;
  if (isScalar(pair.key) && pair.key.range) card.co2Line = lines.linePos(pair.key.range[0]).line + 1;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10 }) as Record<string, unknown>;
  } catch {
    card.problems.push("the front matter uses too many YAML aliases");
    return;
  }
  const co2 = (value as Record<string, unknown>).co2_eq_emissions;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  if (co2 !== null && typeof co2 === "object" && !Array.isArray(co2)) {
    const o = co2 as Record<string, unknown>;
    card.co2 = {
      grams: gramsOf(o.emissions),
      raw: JSON.stringify(o.emissions ?? null),
      source: text(o.source),
      training_type: text(o.training_type),
      geographical_location: text(o.geographical_location),
      hardware_used: text(o.hardware_used),
    };
  } else card.co2 = { grams: gramsOf(co2), raw: JSON.stringify(co2 ?? null) };
}

/** ATX (`## Title`) and setext (`Title` over `===`) headings outside fenced code. */
function headings(body: string): string[] {
  const out: string[] = [];
  // A fence closes only with the same character, at least as long as it opened (CommonMark).
  let fence: string | null = null;
  let comment = false;
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f && !comment) {
      if (fence === null) fence = f[1]!;
      else if (f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = null;
      continue;
    }
    if (fence) continue;
    // Headings inside an HTML comment are not sections.
    if (comment || /^\s{0,3}<!--/.test(line)) {
      comment = !line.includes("-->");
      continue;
    }
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) out.push(atx[1]!);
    else if (line.trim() && /^\s{0,3}(=+|-+)\s*$/.test(lines[i + 1] ?? "") && !/^\s{0,3}[-*+]\s/.test(line)) out.push(line.trim());
  }
  return out;
}

export interface Co2Block {
  grams: number;
  source: string;
  training_type?: string;
  geographical_location?: string;
  hardware_used?: string;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

export function co2BlockYaml(b: Co2Block): string {
  const lines = ["co2_eq_emissions:", `  emissions: ${Math.round(b.grams)}`, `  source: ${quote(b.source)}`];
  if (b.training_type) lines.push(`  training_type: ${quote(b.training_type)}`);
  if (b.geographical_location) lines.push(`  geographical_location: ${quote(b.geographical_location)}`);
  if (b.hardware_used) lines.push(`  hardware_used: ${quote(b.hardware_used)}`);
  return lines.join("\n");
}

/**
 * The card with its `co2_eq_emissions` block replaced (or added), every other byte unchanged.
 * Throws when the card's front matter cannot be edited safely.
 */
export function writeCo2Block(text: string, block: Co2Block): string {
  const card = parseModelCard(text);
  const yamlBlock = co2BlockYaml(block);
  if (!card.frontMatter) {
    if (FRONT_MATTER.test(text)) throw new Error(card.problems[0] ?? "the front matter cannot be read");
    const bom = text.startsWith("\ufeff") ? "\ufeff" : "";
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    return `${bom}---${eol}${yamlBlock.split("\n").join(eol)}${eol}---${eol}${text.slice(bom.length)}`;
  }
  const { start, end } = card.frontMatter;
  const fm = text.slice(start, end);
  const eol = fm.includes("\r\n") || (fm === "" && text.includes("\r\n")) ? "\r\n" : "\n";
  const contents = card.doc?.contents;
  if (!card.doc || (contents !== null && !isMap(contents))) throw new Error(card.problems[0] ?? "the front matter is not a YAML mapping");
  const pair = isMap(contents) ? contents.items.find((p) => isScalar(p.key) && p.key.value === "co2_eq_emissions") : undefined;
  if (!pair) {
    // Appended after whatever the front matter holds (keys, comments), which stays as it is.
    const sep = fm === "" || fm.endsWith("\n") ? "" : eol;
    return text.slice(0, end) + sep + yamlBlock.split("\n").join(eol) + eol + text.slice(end);
  }
  const keyStart = isScalar(pair.key) ? pair.key.range![0] : 0;
  const value = pair.value as { range?: [number, number, number] } | null;
  const keyLineEnd = fm.indexOf("\n", keyStart) < 0 ? fm.length : fm.indexOf("\n", keyStart);
  // A comment on the key's line (`co2_eq_emissions: 5  # grams`) is kept there, so a second write changes nothing.
  const keyLine = fm.slice(keyStart, keyLineEnd);
  const comment = /[ \t]+#[^\r\n]*/.exec(keyLine.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, (q) => " ".repeat(q.length)));
  const keep = comment ? keyLine.slice(comment.index, comment.index + comment[0].length) : "";
  // range[1] ends the value itself; comments and blank lines after it stay where they are.
  let valueEnd = value?.range ? value.range[1] : keyLineEnd;
  while (valueEnd > keyStart && /\s/.test(fm[valueEnd - 1]!)) valueEnd--;
  const replaceEnd = Math.max(valueEnd, keep ? keyLineEnd - (fm[keyLineEnd - 1] === "\r" ? 1 : 0) : valueEnd);
  const [first, ...rest] = yamlBlock.split("\n");
  return text.slice(0, start + keyStart) + [first + keep, ...rest].join(eol) + text.slice(start + replaceEnd);
}

/** The block footprint-gate suggests for a card: training CO2e in grams, keeping what the card already says. */
export function suggestedCo2Block(
  runs: readonly { kind: string; basis: string; co2e_kg: number; inputs: { accelerator: string | null; zone: string | null } }[],
  existing?: Pick<Co2Disclosure, "training_type" | "geographical_location" | "hardware_used"> | null,
): Co2Block {
  const training = runs.filter((r) => r.kind === "training");
  const unique = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))].join(", ");
  return {
    grams: Math.round(training.reduce((s, r) => s + r.co2e_kg, 0) * 1000),
    source: training.some((r) => r.basis === "measured") ? "footprint-gate (CodeCarbon measurements where available)" : "footprint-gate estimate",
    training_type: existing?.training_type,
    geographical_location: existing?.geographical_location ?? (unique(training.map((r) => r.inputs.zone)) || undefined),
    hardware_used: existing?.hardware_used ?? (unique(training.map((r) => r.inputs.accelerator)) || undefined),
  };
}
