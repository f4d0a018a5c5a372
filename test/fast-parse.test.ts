// The fast parser must give exactly what the yaml library gives (data, and the position of every key and value) or
// decline, leaving the text to the yaml library. Checked on generated manifests and on YAML snippets mutated at the
// characters that matter to YAML, from a seeded generator so that a failure repeats.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/findings.js";
import { fastParse } from "../src/manifest/yaml/fast-parse.js";
import { TreeLocator, type Locator, type Path, type Position } from "../src/manifest/yaml/locator.js";
import { MANIFEST_LIMITS, parseManifest } from "../src/manifest/parse.js";
import { readDocuments } from "../src/manifest/yaml/library.js";
import { EXAMPLES, ROOT } from "./fuzz/check.js";

const invalid = (message: string, pos: Position = { line: 1, column: 1 }): Finding => ({
  rule: "manifest/invalid",
  severity: "error",
  message,
  file: "f.yml",
  ...pos,
});

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first difference between two values as the yaml library would build them (own keys in order, -0, NaN). */
function difference(a: unknown, b: unknown, at = "$"): string | undefined {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b) ? undefined : `${at}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: different kinds`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.join("\u0000") !== kb.join("\u0000")) return `${at}: keys ${ka.map(String).join(",")} ≠ ${kb.map(String).join(",")}`;
  for (const k of ka) {
    if (k === "length") continue;
    const d = difference(Reflect.get(a, k), Reflect.get(b, k), `${at}.${String(k)}`);
    if (d) return d;
  }
  return undefined;
}

/** Every path to a value of `data`, and paths just beside them that do not exist. */
function paths(data: unknown, at: Path = []): Path[] {
  const out: Path[] = [at, [...at, "nope"], [...at, 0], [...at, "0"]];
  if (Array.isArray(data)) {
    out.push([...at, data.length]);
    data.forEach((v, i) => out.push(...paths(v, [...at, i])));
  } else if (typeof data === "object" && data !== null) {
    for (const k of Object.keys(data)) out.push(...paths((data as Record<string, unknown>)[k], [...at, k]), [...at, k, "deeper", 1]);
  }
  return out;
}

/** What the fast parser does with `text`, checked against the yaml library; "fast" or "declined". */
function compare(text: string): "fast" | "declined" {
  const fast = fastParse(text);
  if (!fast) return "declined";
  const read = readDocuments(text, MANIFEST_LIMITS, invalid);
  const context = `\n--- text ---\n${text}\n------------`;
  if (!("documents" in read)) throw new Error(`the fast parser read text the yaml library rejects: ${read.findings[0]?.message}${context}`);
  const ref = read.documents[0]!;
  const d = difference(fast.data, ref.data);
  if (d) throw new Error(`different data, ${d}${context}`);
  const locator: Locator = new TreeLocator(text, fast.positions);
  for (const p of paths(ref.data)) {
    for (const kind of ["value", "key"] as const) {
      const [got, want] = [locator[kind](p), ref.locator[kind](p)];
      if (got.line !== want.line || got.column !== want.column)
        throw new Error(`${kind} of ${JSON.stringify(p)} at ${got.line}:${got.column}, the yaml library says ${want.line}:${want.column}${context}`);
    }
  }
  return "fast";
}

// ── generated manifests ──────────────────────────────────────────────────────────────────────────────────────

/** Scalars as written, the tricky ones of YAML 1.1 versus 1.2 among them. */
const SCALARS = [
  "1_000",
  "yes",
  "no",
  "on",
  "off",
  "0x1F",
  "0X1F",
  "0o17",
  "0o19",
  "017",
  ".inf",
  "-.Inf",
  "+.INF",
  ".nan",
  ".NaN",
  "~",
  "null",
  "Null",
  "NULL",
  "nULL",
  "true",
  "False",
  "TRUE",
  "tRue",
  "1e3",
  "1E-3",
  "+1",
  "-1",
  "-0",
  "+0",
  "08",
  "0.5",
  ".5",
  "5.",
  "-.5",
  "+.5e+3",
  "12e",
  ".e3",
  "1.5.2",
  "2026-01-01",
  "2026-01-01T10:00:00Z",
  "1:30",
  "a#b",
  "a:b",
  "a,b",
  "a[0]",
  "a]",
  "a}",
  "http://x.y/z?q=1#f",
  "x: y",
  "-",
  "-x",
  "--x",
  "---x",
  "...x",
  "a b",
  "3.14",
  "1,000",
  "1 000",
  "é",
  "😀",
  "0b101",
  "1_0",
  "9007199254740993",
  "1e400",
  "-1e400",
  "4.9e-324",
  "0x",
  "0o",
  "h100 sxm",
  "gcp:us-central1",
  "zone:US-CAL-CISO",
  "A100-SXM4-80GB",
  "@x",
  "`x",
  "%x",
  "!x",
  "&x",
  "*x",
  "|",
  ">",
  "?x",
  ":x",
  "x:",
  "#x",
  "x #y",
  "'x'",
  '"x"',
  '"a \\" b"',
  '"\\\\"',
  '"tab\\tnew\\nline"',
  '"\\u00e9 \\x41 \\U0001F600"',
  '"\\N\\_\\L\\P\\0\\a\\b\\e\\f\\v\\r\\/\\ "',
  '"\\q"',
  '"\\x4"',
  '"\\UFFFFFFFF"',
  '"\\ud800"',
  "'it''s'",
  "''",
  '""',
  "'a # b'",
  '"a # b"',
  "' lead'",
  '"trail "',
  "'1_000'",
  '"yes"',
  "'0x1F'",
  '"~"',
  "[]",
  "{}",
];
const KEYS = [
  "id",
  "name",
  "a b",
  "a:b",
  "a-b",
  "k_1",
  "x.y",
  "__proto__",
  "toString",
  "constructor",
  "hasOwnProperty",
  "1",
  "1.0",
  "0x1",
  "true",
  "null",
  "~",
  "",
  '"quoted key"',
  "'single'",
  '"1"',
  "'true'",
  '"a: b"',
  '"__proto__"',
  "é",
  "-k",
  "k#",
  "k #",
  "[k]",
  "{k}",
  "? k",
  "&a k",
  "!t k",
  "*a",
  "k ",
  "k".repeat(1001),
];

type Gen = () => number;
const pick = <T>(r: Gen, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A YAML node: a scalar as written, or a collection. */
type Node = { s: string } | { seq: Node[] } | { map: [string, Node][] };

function node(r: Gen, depth: number): Node {
  const x = r();
  if (depth > 4 || x < 0.55) return { s: pick(r, SCALARS) };
  const n = Math.floor(r() * 4);
  if (x < 0.75) return { seq: Array.from({ length: n }, () => node(r, depth + 1)) };
  // Keys mostly distinct; a repeat now and then.
  return { map: Array.from({ length: n }, (_, i) => [r() < 0.1 ? pick(r, KEYS) : r() < 0.6 ? `k${i}` : pick(r, KEYS), node(r, depth + 1)]) };
}

function flow(r: Gen, n: Node): string {
  const sp = () => pick(r, ["", " ", " ", "  "]);
  if ("s" in n) return n.s;
  if ("seq" in n) return `[${sp()}${n.seq.map((v) => flow(r, v)).join(`${sp()},${pick(r, [" ", " ", ""])}`)}${sp()}]`;
  return `{${sp()}${n.map.map(([k, v]) => `${k}${pick(r, [": ", ": ", ":", " : ", ":  "])}${flow(r, v)}`).join(pick(r, [", ", ",", " , "]))}${sp()}}`;
}

function comment(r: Gen): string {
  return pick(r, ["", "", "", "", " # note", "  #x", "#x", " ", "  "]);
}

/** Block lines of a node in column `col`; its first line starts with `lead` (the indentation, or a `- ` before it). */
function block(r: Gen, n: Node, col: number, out: string[], lead: string): void {
  const pad = " ".repeat(col);
  const line = (s: string, i: number): void => {
    out.push((i === 0 ? lead : pad) + s);
  };
  const child = (v: Node, head: string, i: number) => {
    if ("s" in v || r() < 0.3 || ("seq" in v ? v.seq.length : v.map.length) === 0)
      return line(`${head}${pick(r, [" ", " ", "  "])}${flow(r, v)}${comment(r)}`, i);
    line(head + comment(r), i);
    if (r() < 0.1) out.push(pick(r, ["", "# between", "   # indented comment", "  "]));
    const inner = "seq" in v && head.endsWith(":") && r() < 0.4 ? col : col + pick(r, [1, 2, 2, 4]);
    block(r, v, inner, out, " ".repeat(inner));
  };
  if ("s" in n) return line(n.s, 0);
  if ("seq" in n) {
    n.seq.forEach((v, i) => {
      if (!("s" in v) && r() < 0.5 && ("seq" in v ? v.seq.length : v.map.length) > 0) {
        // A compact collection on the item's line: `- key: value` or `- - x`.
        const gap = pick(r, [" ", " ", "   "]);
        block(r, v, col + 1 + gap.length, out, (i === 0 ? lead : pad) + "-" + gap);
      } else child(v, "-", i);
    });
    return;
  }
  n.map.forEach(([k, v], i) => child(v, `${k}:`, i));
}

function manifestText(r: Gen): string {
  const root: Node = {
    map: [
      ["version", { s: "1" }],
      ["project", { s: pick(r, ["demo", "'demo'", '"demo"']) }],
    ],
  };
  const extra = node(r, 0);
  if ("map" in extra) root.map.push(...extra.map);
  else root.map.push(["extra", extra]);
  if (r() < 0.5) {
    root.map.push([
      "training",
      {
        seq: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => ({
          map: [
            ["id", { s: `run-${i}` }],
            ["accelerator", { s: "H100 SXM" }],
            ["count", { s: "8" }],
            ["hours", { s: pick(r, ["1", "1e3", "0.5", "1_000", "yes"]) }],
          ] as [string, Node][],
        })),
      },
    ]);
  }
  const out: string[] = [];
  if (r() < 0.1) out.push(pick(r, ["---", "--- # doc", "# head", "---x: 1", "--- a"]));
  block(r, root, 0, out, "");
  if (r() < 0.1) out.splice(Math.floor(r() * out.length), 0, pick(r, ["", "  ", "# c", "  # c", "...", "---", "%YAML 1.2", "\t", " \t# tab"]));
  const eol = r() < 0.15 ? "\r\n" : "\n";
  return (r() < 0.05 ? "\ufeff" : "") + out.join(eol) + (r() < 0.9 ? eol : "");
}

/** One to three edits at characters that matter to YAML. */
function mutate(r: Gen, text: string): string {
  const CHARS = [
    " ",
    " ",
    ":",
    "-",
    "#",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "?",
    "\t",
    "\r",
    "\n",
    "\\",
    "x",
    "0",
    ".",
    "~",
  ];
  let t = text;
  for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
    const at = Math.floor(r() * (t.length + 1));
    const what = r();
    if (what < 0.4) t = t.slice(0, at) + pick(r, CHARS) + t.slice(at);
    else if (what < 0.7) t = t.slice(0, at) + t.slice(at + 1);
    else t = t.slice(0, at) + pick(r, CHARS) + t.slice(at + 1);
  }
  return t;
}

describe("the fast manifest parser", () => {
  it("reads every example manifest (the yaml library is not needed for them)", () => {
    for (const e of EXAMPLES) for (const f of [e.manifest, e.base]) expect([f, compare(readFileSync(join(ROOT, f), "utf8"))]).toEqual([f, "fast"]);
  });

  it("gives the yaml library's data and positions, or declines, on 4,000 generated manifests", () => {
    const r = random(12);
    let fast = 0;
    for (let i = 0; i < 4000; i++) if (compare(manifestText(r)) === "fast") fast++;
    // The generator mostly writes the subset: most of the texts must take the fast path, or the test checks little.
    expect(fast).toBeGreaterThan(1000);
  });

  it("gives the yaml library's data and positions, or declines, on 6,000 mutated manifests", () => {
    const r = random(34);
    const examples = EXAMPLES.map((e) => readFileSync(join(ROOT, e.manifest), "utf8"));
    let fast = 0;
    for (let i = 0; i < 6000; i++) if (compare(mutate(r, i % 2 ? manifestText(r) : pick(r, examples))) === "fast") fast++;
    expect(fast).toBeGreaterThan(1000);
  });

  it("gives the yaml library's value for each tricky scalar, as a value, in a list and in a flow mapping", () => {
    for (const s of SCALARS)
      for (const text of [`version: 1\nv: ${s}\n`, `version: 1\nv:\n  - ${s}\n`, `version: 1\nv: { a: ${s} }\n`, `version: 1\nv: [${s}]\n`]) compare(text);
  });

  it("locates every key and value inside flow collections, nested ones too, as the yaml library does", () => {
    // Flow collections keep only their own offset while parsing; the locator reads their children again.
    const text = "version: 1\ntraining:\n  - { id: a, hours: 2, tags: [x, { y: 1 }] }\n  - {id: b,  hours: 3}\nbudget: { run: { energy_kwh: 1e9 } }\n";
    expect(compare(text)).toBe("fast");
  });

  it("reads 1_000 and yes as text, 0x1F and 0o17 as numbers, .nan as NaN and ~ as null (YAML 1.2 core schema)", () => {
    expect(fastParse("a: 1_000\nb: yes\nc: 0x1F\nd: 0o17\ne: .nan\nf: ~\ng: -.Inf\nh: '1'\ni: 08\nj: +1\n")?.data).toEqual({
      a: "1_000",
      b: "yes",
      c: 31,
      d: 15,
      e: NaN,
      f: null,
      g: -Infinity,
      h: "1",
      i: 8,
      j: 1,
    });
  });

  it("sets a __proto__ key as data, as the yaml library does, without touching the prototype", () => {
    const data = fastParse("__proto__: { polluted: 1 }\ntoString: x\n")!.data;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(["__proto__", "toString"]);
    expect(compare("__proto__: { polluted: 1 }\ntoString: x\n")).toBe("fast");
  });

  it.each([
    ["an anchor", "a: &x 1\n"],
    ["an alias", "a: 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a literal block scalar", "a: |\n  x\n"],
    ["a folded block scalar", "a: >\n  x\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["several documents", "a: 1\n---\nb: 2\n"],
    ["a document end marker", "a: 1\n...\n"],
    ["content after the document start", "--- a: 1\n"],
    ["a complex key", "? a\n: b\n"],
    ["a flow collection as a key", "[a]: b\n"],
    ["a plain scalar over two lines", "a: b\n  c\n"],
    ["a quoted scalar over two lines", 'a: "b\n  c"\n'],
    ["a flow collection over two lines", "a: [b,\n  c]\n"],
    ["an empty value", "a:\nb: 1\n"],
    ["an empty value at the end", "a: 1\nb:\n"],
    ["an empty list item", "a:\n  -\n  - x\n"],
    ["a key without a value in a flow mapping", "a: {b}\n"],
    ["a flow mapping key without a space after the colon", "a: {b:1}\n"],
    ["a trailing comma", "a: [1, 2, ]\n"],
    ["an empty flow entry", "a: [1, , 2]\n"],
    ["a number as a key", "1: x\n"],
    ["true as a key", "true: x\n"],
    ["null as a key", "~: x\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a duplicate key in a flow mapping", "a: { b: 1, b: 2 }\n"],
    ["a space before the colon", "a : 1\n"],
    ["a key longer than 1000 characters", `${"k".repeat(1001)}: 1\n`],
    ["a tab", "a:\t1\n"],
    ["a byte-order mark", "\ufeffa: 1\n"],
    ["a lone carriage return", "a: 1\rb: 2\n"],
    ["a list at the top", "- a\n"],
    ["a scalar at the top", "a\n"],
    ["a flow mapping at the top", "{ a: 1 }\n"],
    ["an indented top-level mapping", "  a: 1\n"],
    ["an empty document", "# nothing\n"],
    ["a mapping over-indented", "a: 1\n  b: 2\n"],
    ["a value after a flow collection", "a: [1] x\n"],
    ["a comment without a space", 'a: "x"#c\n'],
    ["an unknown escape", 'a: "\\q"\n'],
    ["a mapping in a value", "a: b: c\n"],
    ["a list in a value", "a: - b\n"],
    ["a pair in a flow list", "a: [b: c]\n"],
    ["nesting deeper than the limit", `a: ${"[".repeat(17)}${"]".repeat(17)}\n`],
  ])("leaves %s to the yaml library", (_, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it("reports schema problems at the positions the yaml library gives", async () => {
    // A tab in a trailing comment sends the same manifest down the yaml path without moving anything.
    const r = random(56);
    const examples = EXAMPLES.map((e) => readFileSync(join(ROOT, e.manifest), "utf8"));
    let compared = 0;
    for (let i = 0; i < 300; i++) {
      const text = pick(r, examples).replace(/(\n\s*)(count|hours|id|location|project): [^\n#]*/g, (m, lead: string, key: string) =>
        r() < 0.3 ? `${lead}${pick(r, [key, `${key}x`, "regoin"])}: ${pick(r, SCALARS)}` : m,
      );
      const fast = await parseManifest(text, "f.yml");
      const slow = await parseManifest(`${text}#\t\n`, "f.yml");
      expect(fast.findings).toEqual(slow.findings);
      if (fast.findings.length > 0 && fastParse(text)) compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
