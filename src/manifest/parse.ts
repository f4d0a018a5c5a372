// YAML text → validated manifest, or every problem in it at once with line and column.
import {
  Composer,
  CST,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
  type YAMLMap,
} from "yaml";
import type * as z from "zod";
import { MAX_PER_RULE, omittedFinding, type Finding } from "../findings.js";
import { closest, distance, MAX_SUGGEST_LENGTH } from "../util/closest.js";
import { schemas, type Manifest } from "./schema.js";
import { validate } from "./validator.generated.js";

export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_ALIASES = 10;
const MAX_DEPTH = 16;

export type Path = readonly (string | number)[];
export interface Position {
  line: number;
  column: number;
}

/** Maps a path in the manifest to the line and column of its key or value; O(depth) per lookup. */
export class Locator {
  /** Each mapping's pairs by key (the first of equal keys), built when the mapping is first looked into. */
  private readonly pairs = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
  ) {}

  private pos(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  private pair(map: YAMLMap, seg: string | number): Pair | undefined {
    let byKey = this.pairs.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const k = String(p.key.value);
        if (!byKey.has(k)) byKey.set(k, p);
      }
      this.pairs.set(map, byKey);
    }
    return byKey.get(String(seg));
  }

  /** The value at `path`, or the nearest ancestor that exists. */
  value(path: Path): Position {
    if (!this.doc) return { line: 1, column: 1 };
    let node: unknown = this.doc.contents;
    let best: Position = { line: 1, column: 1 };
    for (const seg of path) {
      if (isNode(node) && node.range) best = this.pos(node.range[0]);
      if (isMap(node)) node = this.pair(node, seg)?.value;
      else if (isSeq(node)) node = typeof seg === "number" ? node.items[seg] : undefined;
      else return best;
      if (node === undefined || node === null) return best;
    }
    return isNode(node) && node.range ? this.pos(node.range[0]) : best;
  }

  /** The key of the last segment of `path` (falls back to the value's position). */
  key(path: Path): Position {
    if (!this.doc || path.length === 0) return this.value(path);
    let parent: unknown = this.doc.contents;
    for (const seg of path.slice(0, -1)) {
      if (isMap(parent)) parent = this.pair(parent, seg)?.value;
      else if (isSeq(parent)) parent = typeof seg === "number" ? parent.items[seg] : undefined;
      else parent = undefined;
      if (parent === undefined || parent === null) break;
    }
    if (isMap(parent)) {
      const pair = this.pair(parent, path[path.length - 1]!);
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
  const unclosed: Unclosed[] = [];
  const stackTraceLimit = Error.stackTraceLimit;
  try {
    // Each YAML error is an Error object; without stack traces 100,000 of them cost little.
    Error.stackTraceLimit = 0;
    const parsed = parseWatched(text, lines, unclosed);
    if (typeof parsed === "number")
      return { manifest: undefined, findings: [invalid("the YAML is nested too deeply", positionIn(text, parsed))], locator: empty };
    doc = parsed;
  } catch (err) {
    // The parser can still exhaust the stack on pathological input; that is the author's problem, not a crash.
    return { manifest: undefined, findings: [invalid(`the YAML cannot be parsed (${err instanceof Error ? err.message : String(err)})`)], locator: empty };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const locator = new Locator(doc, lines);
  let errors: readonly YAMLError[] = [...doc.errors, ...doc.warnings];
  // Nesting that exhausts the parser produces a cascade of follow-on errors; the first one says it all.
  const exhausted = errors.find((e) => e.code === "RESOURCE_EXHAUSTION");
  if (exhausted) errors = [exhausted];
  const problems: Pending[] = [];
  const directive = exhausted ? undefined : versionDirective(text, doc);
  if (directive) {
    problems.push({ pos: positionAt(lines, directive.offset), message: () => `manifests are YAML 1.2; remove the %YAML ${directive.version} directive` });
    errors = errors.filter((e) => !(e.code === "BAD_DIRECTIVE" && /YAML version/.test(e.message)));
  }
  const opened = openedAt(unclosed);
  for (const e of errors) problems.push(yamlProblem(e, text, lines, opened));
  const shape = exhausted ? undefined : checkShape(doc, lines);
  for (const offset of shape?.duplicates ?? [])
    problems.push({ pos: positionAt(lines, offset), message: () => "duplicate key: each key may appear once in a mapping" });
  if (problems.length > 0) return { manifest: undefined, findings: firstProblems(problems, invalid), locator };
  if (shape?.problem) return { manifest: undefined, findings: [invalid(shape.problem.message, shape.problem.pos)], locator };

  let data: unknown;
  try {
    // checkShape already limits alias nodes to MAX_ALIASES, which bounds expansion; this is a second fence.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { manifest: undefined, findings: [invalid(`the YAML cannot be read (${err instanceof Error ? err.message : String(err)})`)], locator };
  }
  if (data === null || data === undefined)
    return { manifest: undefined, findings: [invalid("the manifest is empty; it needs at least `version: 1` and `project`")], locator };

  // The standalone validator accepts exactly what the zod schema accepts (test/validator.test.ts), at a fraction of
  // the start-up cost; zod is built and run only to explain a rejected manifest.
  if (validate(data)) return { manifest: data as Manifest, findings: [], locator };
  // reportInput tells a missing key (input undefined) from a value of the wrong type.
  const result = schemas().manifest.safeParse(data, { reportInput: true });
  if (!result.success) {
    // Every issue is located (O(depth) each); only the ones shown get their message, the rest are counted.
    const pending = result.error.issues.flatMap((issue) => issueFindings(issue, locator));
    return { manifest: undefined, findings: firstProblems(pending, invalid), locator, data };
  }
  return { manifest: result.data, findings: [], locator };
}

function positionAt(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** A %YAML directive for any version but 1.2: the manifest format is YAML 1.2 (core schema). */
function versionDirective(text: string, doc: Document): { version: string; offset: number } | undefined {
  if (!doc.directives?.yaml.explicit) return undefined;
  // Directives come before the document; comments there start with #, so a line starting %YAML is the directive.
  const head = text.slice(0, doc.range?.[0] ?? 0);
  const m = /^%YAML[ \t]+(\S*)/m.exec(head);
  if (!m || m[1] === "1.2") return undefined;
  return { version: (m[1] ?? "").slice(0, 20), offset: m.index };
}

/** Flow nesting beyond this is refused: the parser's work on it grows much faster than the text. */
const MAX_FLOW_DEPTH = 1000;

/**
 * The yaml library's parseDocument, with its lexemes watched on the way: returns the offset of the first `[` or `{`
 * nested deeper than MAX_FLOW_DEPTH instead of parsing on.
 */
function parseWatched(text: string, lines: LineCounter, unclosed: Unclosed[]): Document | number {
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer({
    // Duplicate keys are found by checkShape: the parser's own check is quadratic in the keys of a mapping.
    uniqueKeys: false,
    strict: true,
    version: "1.2",
    // The core schema and no YAML 1.1 tags, whatever a %YAML directive says (a 1.1 directive is refused).
    schema: "core",
    resolveKnownTags: false,
    merge: false,
  });
  let tooDeep: number | undefined;
  function* tokens() {
    lines.addNewLine(0);
    let depth = 0;
    let offset = 0;
    let scalar = false;
    // The `[` and `{` not closed yet; the lexer ends them all at once when a line is indented too little.
    const open: Unclosed[] = [];
    const endAll = () => {
      for (let i = open.length - 1; i >= 0; i--) unclosed.push(open[i]!);
      open.length = 0;
    };
    for (const lexeme of new Lexer().lex(text)) {
      // The lexer's markers (document, scalar, flow error end) are single control characters with no source.
      const marker = lexeme.length === 1 && lexeme < " " && lexeme !== "\t" && lexeme !== "\n" && lexeme !== "\r";
      if (scalar) scalar = false;
      else if (lexeme === CST.SCALAR) scalar = true;
      else if (lexeme === "[" || lexeme === "{") {
        if (++depth > MAX_FLOW_DEPTH) {
          tooDeep = offset;
          return;
        }
        open.push({ offset, char: lexeme });
      } else if ((lexeme === "]" || lexeme === "}") && depth > 0) {
        depth--;
        // A `]` that ends a `{` (or the reverse) leaves that collection unclosed for the parser too.
        const top = open.pop();
        if (top && top.char !== (lexeme === "]" ? "[" : "{")) unclosed.push(top);
      } else if (lexeme === CST.FLOW_END) {
        depth = 0;
        endAll();
      }
      if (!marker) offset += lexeme.length;
      yield* parser.next(lexeme);
    }
    endAll();
    yield* parser.end();
  }
  let doc: Document | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (tooDeep !== undefined) break;
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"));
      break;
    }
  }
  return tooDeep ?? doc!;
}

function positionIn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** A `[` or `{` that its flow collection never closes, at its offset. */
interface Unclosed {
  offset: number;
  char: string;
}

/**
 * The opening of each unclosed flow collection, taken in turn: the parser reports them in document order, inner
 * collections first, which is the order in which they are collected.
 */
function openedAt(unclosed: readonly Unclosed[]): (char: string) => Unclosed | undefined {
  const next = { "[": 0, "{": 0 } as Record<string, number>;
  return (char) => {
    let i = next[char]!;
    while (i < unclosed.length && unclosed[i]!.char !== char) i++;
    next[char] = i + 1;
    return unclosed[i];
  };
}

const UNCLOSED_FLOW = /^Flow (map|sequence) (?:in block collection )?must (?:be sufficiently indented and )?end with a [\]}]/;

/** A parser error with its position; the message is made only if it is shown. */
function yamlProblem(e: YAMLError, text: string, lines: LineCounter, opened: (char: string) => Unclosed | undefined): Pending {
  const { code, message } = e;
  const offset = e.pos[0];
  const key = `${code}@${offset}`;
  const here = () => positionAt(lines, offset);
  const flow = (code === "BAD_INDENT" || code === "MISSING_CHAR") && UNCLOSED_FLOW.exec(message);
  if (flow) {
    // Reported where the collection was opened, as the mistake is there or after it, not at the end of the file.
    const [char, close, what] = flow[1] === "map" ? ["{", "}", "mapping"] : ["[", "]", "list"];
    const start = opened(char);
    if (start) {
      return {
        pos: positionAt(lines, start.offset),
        key: `unclosed@${start.offset}`,
        message: () => `this \`${char}\` is never closed: end the flow ${what} with \`${close}\` (a continuation line must be indented deeper than its key)`,
      };
    }
  }
  switch (code) {
    case "DUPLICATE_KEY":
      return { pos: here(), key, message: () => "duplicate key: each key may appear once in a mapping" };
    case "MULTIPLE_DOCS":
      return { pos: here(), key, message: () => "the file holds several YAML documents; a manifest is one document (remove the `---` separator)" };
    case "RESOURCE_EXHAUSTION":
      return { pos: here(), key, message: () => "the YAML is nested too deeply" };
    case "TAG_RESOLVE_FAILED":
      return {
        pos: here(),
        key,
        message: () => {
          // Only the core schema's tags are known; YAML 1.1 types (!!binary, !!set, !!timestamp…) and custom tags are not.
          const tag = (/: (.*)$/.exec(message.split("\n")[0]!)?.[1] ?? "").replace(/^tag:yaml\.org,2002:/, "!!").slice(0, 100);
          return `the YAML tag ${tag} is not supported; a manifest holds plain YAML 1.2 values (write the value without the tag)`;
        },
      };
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY": {
      // yaml reports the value above; the mistake is the over-indented line below it.
      const next = /\n[ \t]*(?=[^\s#])/g;
      next.lastIndex = offset;
      const m = next.exec(text);
      const pos = m ? positionAt(lines, m.index + m[0].length) : here();
      return { pos, key, message: () => "this line is indented deeper than the key above it, which already has a value; align it with its sibling keys" };
    }
    default:
      return { pos: here(), key, message: () => `YAML ${code.toLowerCase().replace(/_/g, " ")}: ${message.slice(0, 1000).split("\n")[0]}` };
  }
}

/**
 * Problems → findings: the first MAX_PER_RULE by position with their messages (the same finding once), then one
 * "… and N more" finding at the first omitted, counting distinct problems. Linear after the sort; messages are made
 * only for the findings shown.
 */
function firstProblems(problems: Pending[], invalid: (m: string, p?: Position) => Finding): Finding[] {
  problems.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  const shown: Finding[] = [];
  const shownKeys = new Set<string>();
  const omittedKeys = new Set<string>();
  let first: Pending | undefined;
  let more = 0;
  for (const p of problems) {
    if (shown.length < MAX_PER_RULE) {
      const f = invalid(p.message(), p.pos);
      const k = `${f.line}:${f.column}:${f.message}`;
      if (!shownKeys.has(k)) {
        shownKeys.add(k);
        shown.push(f);
      }
      if (p.key) omittedKeys.add(p.key);
      continue;
    }
    if (p.key) {
      if (omittedKeys.has(p.key)) continue;
      omittedKeys.add(p.key);
    }
    first ??= p;
    more++;
  }
  return first ? [...shown, omittedFinding(invalid("", first.pos), more)] : shown;
}

/**
 * One pass over the document before it is expanded into data: aliases and nesting are limited, keys must be
 * scalars (the first such problem, in document order), and keys that repeat one of their mapping are collected.
 */
function checkShape(doc: Document, lines: LineCounter): { problem?: { message: string; pos: Position }; duplicates: number[] } {
  let aliases = 0;
  let problem: { message: string; pos: Position } | undefined;
  const duplicates: number[] = [];
  const at = (node: Node): Position => positionAt(lines, node.range?.[0] ?? 0);
  // Depth-first in document order; depth counts the collections above a node. A `key` entry stands for a pair
  // whose key is not a scalar: its problem comes before anything inside the pair.
  type Entry = { node: unknown; depth: number; key?: true };
  const stack: Entry[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth, key } = stack.pop()!;
    if (key) {
      problem ??= { message: "mapping keys must be plain scalars", pos: isNode(node) ? at(node) : { line: 1, column: 1 } };
      continue;
    }
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) problem ??= { message: `more than ${MAX_ALIASES} YAML aliases; write the values out`, pos: at(node) };
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_DEPTH) problem ??= { message: `the YAML is nested more than ${MAX_DEPTH} levels deep`, pos: at(node) };
    const children: Entry[] = [];
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) duplicates.push(pair.key.range?.[0] ?? 0);
          else seen.add(pair.key.value);
        } else children.push({ node: pair.key, depth, key: true });
        children.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
      }
    } else for (const item of node.items) children.push({ node: item, depth: depth + 1 });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { problem, duplicates };
}

const KNOWN_KEYS: Record<string, readonly string[]> = {};

/** A schema problem located in the manifest; its message is made only if it is shown. */
interface Pending {
  pos: Position;
  message: () => string;
  /** Tells repeats of one problem apart from distinct ones (parser errors). */
  key?: string;
}

function issueFindings(issue: z.core.$ZodIssue, locator: Locator): Pending[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const where = formatPath(path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => ({
      pos: locator.key([...path, k]),
      message: () => {
        if (k === "<<") return `${where}: YAML merge keys (<<) are not supported; write the keys out`;
        const synonym = synonymHint(path, k, issue.input);
        const hint = synonym ? undefined : suggestKey(path, k);
        const tail = synonym ? ` (${synonym})` : hint ? ` (did you mean \`${hint}\`?)` : "";
        return `${where === "(document)" ? "" : where + ": "}unknown key \`${quoted(k)}\`${tail}`;
      },
    }));
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    const parent = path.slice(0, -1);
    return [{ pos: locator.value(parent), message: () => `${where}: required` }];
  }

  return [{ pos: locator.value(path), message: () => `${where}: ${describeIssue(issue, path)}` }];
}

/** A key as written, cut to a readable length (YAML keys may be up to 1024 characters). */
function quoted(key: string): string {
  return key.length > 100 ? key.slice(0, 99) + "…" : key;
}

function describeIssue(issue: z.core.$ZodIssue, path: Path): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.expected === "int") return `must be a whole number, got ${String(issue.input)}`;
      const fix = issue.expected === "number" && typeof issue.input === "string" ? numberInText(issue.input) : "";
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${typeName(issue.input)}${fix}`;
    }
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
    case "invalid_value": {
      const key = path[path.length - 1];
      // `version: "1"` is the string "1": quotes make any YAML value text.
      const input = typeof issue.input === "string" && issue.input.length <= 20 ? issue.input.trim() : undefined;
      const quotedNumber = input !== undefined && issue.values.some((v) => typeof v === "number" && String(v) === input);
      const fix = quotedNumber && typeof key === "string" ? ` (${JSON.stringify(issue.input)} is a string: write \`${key}: ${input}\` without quotes)` : "";
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}${fix}`;
    }
    case "invalid_union":
      // A union that states its own choices says them; others have nothing better to say.
      return issue.message.startsWith("must be ") ? issue.message : "not a valid value for this field";
    default:
      return issue.message;
  }
}

/**
 * For a number written as text: how to write it. YAML 1.2 has no digit separators, so `1_000_000` and `1,000,000`
 * are strings, and so is any quoted number. Only short strings are looked at.
 */
function numberInText(input: string): string {
  const t = input.trim();
  if (t.length > 40) return "";
  const separated = /^[+-]?\d{1,3}(?:([_,])\d{3})(?:\1\d{3})*(?:\.\d+)?$/.exec(t) ?? /^[+-]?\d+(?:_\d+)+(?:\.\d+)?$/.exec(t);
  if (separated) {
    const n = Number(t.replace(/[_,]/g, ""));
    if (!Number.isFinite(n)) return "";
    const exp = Math.log10(Math.abs(n));
    const alt = n >= 1e4 && Number.isInteger(exp) ? `${n < 0 ? "-" : ""}1e${exp} or ` : "";
    return `; write ${alt}${String(n)} (YAML 1.2 reads ${t} as text)`;
  }
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t) && Number.isFinite(Number(t))) return `; write ${t} without quotes`;
  return "";
}

const TYPE_NAMES: Record<string, string> = { object: "a mapping", array: "a list", number: "a number", string: "a string", boolean: "true or false" };

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "object") return "a mapping";
  return typeof v === "string" ? `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}` : typeof v;
}

/**
 * Words people write for a manifest key, by their letters and digits in lower case (`num-gpus`, `numGpus`, `NUM_GPUS`
 * are one word); each names the key to write and how. One lookup per unknown key.
 */
const SYNONYMS: Record<string, { key: string; how: (value: unknown) => string }> = (() => {
  const location = { key: "location", how: () => "write `location`: a cloud region such as aws:us-east-1, or a grid zone such as FR" };
  const accelerator = { key: "accelerator", how: () => "write `accelerator`: its catalogue id or name, such as H100 SXM" };
  const count = { key: "count", how: () => "write `count`: the number of accelerators" };
  const hours = (word: string) => ({
    key: "hours",
    how: (v: unknown) => {
      const h = typeof v === "number" && word === "days" ? v * 24 : NaN;
      return `write \`hours\`: ${word === "days" ? "days × 24" : "the duration in hours, days × 24"}${Number.isFinite(h) && h > 0 ? `, here \`hours: ${Number(h.toPrecision(12))}\`` : ""}`;
    },
  });
  return {
    region: location,
    zone: location,
    gpu: accelerator,
    gputype: accelerator,
    device: accelerator,
    gpus: count,
    numgpus: count,
    days: hours("days"),
    duration: hours("duration"),
    eps: { key: "epsilon", how: () => "write `epsilon`: the privacy loss ε" },
    requestsperday: { key: "requests", how: () => "write `requests` over `hours`: requests = requests_per_day × days, with hours = 24 × days" },
  };
})();

/** The key a newcomer meant by a common synonym, if that key is allowed here; `parent` is the mapping holding it. */
function synonymHint(path: Path, key: string, parent: unknown): string | undefined {
  if (key.length > 40) return undefined;
  const word = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  const synonym = Object.prototype.hasOwnProperty.call(SYNONYMS, word) ? SYNONYMS[word]! : undefined;
  if (!synonym || !keysAt(path).includes(synonym.key)) return undefined;
  const value = parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined;
  return synonym.how(value);
}

function suggestKey(path: Path, key: string): string | undefined {
  if (key.length > MAX_SUGGEST_LENGTH) return undefined;
  const best = closest(key, keysAt(path), 1)[0];
  const max = Math.max(1, Math.floor(key.length / 3));
  return best !== undefined && distance(key.toLowerCase(), best, max) <= max ? best : undefined;
}

/** The keys allowed at a path, read off the zod schema itself so there is one source of truth. */
function keysAt(path: Path): readonly string[] {
  const sig = path.filter((p) => typeof p === "string").join(".");
  if (KNOWN_KEYS[sig]) return KNOWN_KEYS[sig];
  let schema: z.core.$ZodType | undefined = schemas().manifest;
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
