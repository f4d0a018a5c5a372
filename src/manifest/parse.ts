// YAML text → validated manifest, or every problem in it at once with line and column.
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type * as z from "zod";
import type { Finding } from "../findings.js";
import { closest, distance } from "../util/closest.js";
import { manifestSchema, type Manifest } from "./schema.js";

export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_ALIASES = 10;
const MAX_DEPTH = 16;
const MAX_FINDINGS = 200;

export type Path = readonly (string | number)[];
export interface Position {
  line: number;
  column: number;
}

/** Maps a path in the manifest to the line and column of its key or value. */
export class Locator {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
  ) {}

  private pos(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** The value at `path`, or the nearest ancestor that exists. */
  value(path: Path): Position {
    if (!this.doc) return { line: 1, column: 1 };
    let node: unknown = this.doc.contents;
    let best: Position = { line: 1, column: 1 };
    for (const seg of path) {
      if (isNode(node) && node.range) best = this.pos(node.range[0]);
      if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg))?.value;
      else if (isSeq(node)) node = typeof seg === "number" ? node.items[seg] : undefined;
      else return best;
      if (node === undefined || node === null) return best;
    }
    return isNode(node) && node.range ? this.pos(node.range[0]) : best;
  }

  /** The key of the last segment of `path` (falls back to the value's position). */
  key(path: Path): Position {
    if (!this.doc || path.length === 0) return this.value(path);
    const parent = this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
      if (pair && isScalar(pair.key) && pair.key.range) return this.pos(pair.key.range[0]);
    }
    return this.value(path);
  }
}

export interface ParseResult {
  manifest: Manifest | undefined;
  findings: Finding[];
  locator: Locator;
  /** The data of a well-formed YAML document that failed the schema, for further checks. */
  data?: unknown;
}

export function formatPath(path: Path): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || "(document)";
}

export function parseManifest(text: string, file: string): ParseResult {
  const lines = new LineCounter();
  const invalid = (message: string, pos: Position = { line: 1, column: 1 }): Finding => ({
    rule: "manifest/invalid",
    severity: "error",
    message,
    file,
    ...pos,
  });
  const empty = new Locator(undefined, lines);

  if (Buffer.byteLength(text, "utf8") > MAX_MANIFEST_BYTES) {
    return { manifest: undefined, findings: [invalid(`the manifest is larger than ${MAX_MANIFEST_BYTES} bytes`)], locator: empty };
  }
  // YAML 1.2 allows only printable characters; a NUL or other control character means this is not a text manifest.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u0084\u0086-\u009f\ufffe\uffff]/.exec(text);
  if (control) {
    const at = positionIn(text, control.index);
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { manifest: undefined, findings: [invalid(`the file contains the control character U+${code}; a manifest is UTF-8 text`, at)], locator: empty };
  }

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, strict: true, prettyErrors: false, version: "1.2" });
  } catch (err) {
    // The parser can still exhaust the stack on pathological input; that is the author's problem, not a crash.
    return { manifest: undefined, findings: [invalid(`the YAML cannot be parsed (${err instanceof Error ? err.message : String(err)})`)], locator: empty };
  }
  const locator = new Locator(doc, lines);
  const errors = [...doc.errors, ...doc.warnings];
  // Nesting that exhausts the parser produces a cascade of follow-on errors; the first one says it all.
  const exhausted = errors.find((e) => e.code === "RESOURCE_EXHAUSTION");
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const e of exhausted ? [exhausted] : errors) {
    const finding = yamlFinding(e.code, e.message, e.pos[0], text, lines);
    const key = `${finding.line}:${finding.column}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(invalid(finding.message, finding));
  }
  if (findings.length > 0) return { manifest: undefined, findings: findings.slice(0, MAX_FINDINGS), locator };

  const shape = checkShape(doc, lines);
  if (shape) return { manifest: undefined, findings: [invalid(shape.message, shape.pos)], locator };

  let data: unknown;
  try {
    // checkShape already limits alias nodes to MAX_ALIASES, which bounds expansion; this is a second fence.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { manifest: undefined, findings: [invalid(`the YAML cannot be read (${err instanceof Error ? err.message : String(err)})`)], locator };
  }
  if (data === null || data === undefined) return { manifest: undefined, findings: [invalid("the manifest is empty; it needs at least `version: 1` and `project`")], locator };

  // reportInput tells a missing key (input undefined) from a value of the wrong type.
  const result = manifestSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const out = result.error.issues.slice(0, MAX_FINDINGS).flatMap((issue) => issueFindings(issue, locator, invalid));
    return { manifest: undefined, findings: out, locator, data };
  }
  return { manifest: result.data, findings: [], locator };
}

function positionIn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function yamlFinding(code: string, message: string, offset: number, text: string, lines: LineCounter): Position & { message: string } {
  const here = () => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  switch (code) {
    case "DUPLICATE_KEY":
      return { ...here(), message: "duplicate key: each key may appear once in a mapping" };
    case "MULTIPLE_DOCS":
      return { ...here(), message: "the file holds several YAML documents; a manifest is one document (remove the `---` separator)" };
    case "RESOURCE_EXHAUSTION":
      return { ...here(), message: "the YAML is nested too deeply" };
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY": {
      // yaml reports the value above; the mistake is the over-indented line below it.
      const next = /\n[ \t]*(?=[^\s#])/g;
      next.lastIndex = offset;
      const m = next.exec(text);
      const at = m ? positionIn(text, m.index + m[0].length) : here();
      return { ...at, message: "this line is indented deeper than the key above it, which already has a value; align it with its sibling keys" };
    }
    default:
      return { ...here(), message: `YAML ${code.toLowerCase().replace(/_/g, " ")}: ${message.split("\n")[0]}` };
  }
}

/** Aliases and nesting are limited before the document is expanded into data. */
function checkShape(doc: Document, lines: LineCounter): { message: string; pos: Position } | undefined {
  let aliases = 0;
  let problem: { message: string; pos: Position } | undefined;
  const at = (node: Node): Position => {
    const { line, col } = lines.linePos(node.range?.[0] ?? 0);
    return { line, column: col };
  };
  visit(doc, {
    Alias(_key, node) {
      if (++aliases > MAX_ALIASES) {
        problem = { message: `more than ${MAX_ALIASES} YAML aliases; write the values out`, pos: at(node) };
        return visit.BREAK;
      }
      return undefined;
    },
    Collection(_key, node, path) {
      const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
      if (depth >= MAX_DEPTH) {
        problem = { message: `the YAML is nested more than ${MAX_DEPTH} levels deep`, pos: at(node) };
        return visit.BREAK;
      }
      return undefined;
    },
    Pair(_key, pair) {
      if (isPair(pair) && !isScalar(pair.key)) {
        problem = { message: "mapping keys must be plain scalars", pos: isNode(pair.key) ? at(pair.key) : { line: 1, column: 1 } };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return problem;
}

const KNOWN_KEYS: Record<string, readonly string[]> = {};

function issueFindings(issue: z.core.$ZodIssue, locator: Locator, invalid: (m: string, p?: Position) => Finding): Finding[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const where = formatPath(path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => {
      if (k === "<<") return invalid(`${where}: YAML merge keys (<<) are not supported; write the keys out`, locator.key([...path, k]));
      const hint = suggestKey(path, k);
      return invalid(`${where === "(document)" ? "" : where + ": "}unknown key \`${k}\`${hint ? ` (did you mean \`${hint}\`?)` : ""}`, locator.key([...path, k]));
    });
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    const parent = path.slice(0, -1);
    return [invalid(`${where}: required`, locator.value(parent))];
  }

  return [invalid(`${where}: ${describeIssue(issue)}`, locator.value(path))];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? `must be a whole number, got ${String(issue.input)}` : `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${typeName(issue.input)}`;
    case "too_big":
      // Numbers carry their whole allowed range in the schema's own message.
      if (issue.origin === "number" && issue.message.startsWith("must be ")) return issue.message;
      return issue.origin === "array"
        ? `at most ${String(issue.maximum)} items`
        : issue.origin === "string"
          ? `at most ${String(issue.maximum)} characters`
          : `must be ${issue.inclusive ? "at most" : "below"} ${String(issue.maximum)}`;
    case "too_small":
      if (issue.origin === "number" && issue.message.startsWith("must be ")) return issue.message;
      return issue.origin === "array"
        ? `at least ${String(issue.minimum)} item(s)`
        : issue.origin === "string"
          ? "must not be empty"
          : `must be ${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
    case "invalid_value":
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "invalid_union":
      return "not a valid value for this field";
    default:
      return issue.message;
  }
}

const TYPE_NAMES: Record<string, string> = { object: "a mapping", array: "a list", number: "a number", string: "a string", boolean: "true or false" };

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "object") return "a mapping";
  return typeof v === "string" ? `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}` : typeof v;
}

function suggestKey(path: Path, key: string): string | undefined {
  const best = closest(key, keysAt(path), 1)[0];
  return best !== undefined && distance(key.toLowerCase(), best) <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

/** The keys allowed at a path, read off the zod schema itself so there is one source of truth. */
function keysAt(path: Path): readonly string[] {
  const sig = path.filter((p) => typeof p === "string").join(".");
  if (KNOWN_KEYS[sig]) return KNOWN_KEYS[sig];
  let schema: z.core.$ZodType | undefined = manifestSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (!schema) break;
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (def.type === "object" && typeof seg === "string") schema = def.shape?.[seg];
    else if (def.type === "array") schema = def.element;
  }
  schema = unwrap(schema);
  const def = schema?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  const keys = def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
  KNOWN_KEYS[sig] = keys;
  return keys;
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let s = schema;
  while (s && (s._zod.def.type === "optional" || s._zod.def.type === "nullable")) {
    s = (s._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  }
  return s;
}
