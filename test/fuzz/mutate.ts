// Mutations of the real examples, as data (shrinkable by fast-check) and as functions applying them.
// Positions are naturals taken modulo what exists when the mutation is applied, so every case is valid and shrinks to 0.
import fc from "fast-check";
import { parse, stringify } from "yaml";
import {
  ANY_VALUES,
  CARD_EMISSIONS,
  CARD_PATTERNS,
  CSV_COLUMNS,
  CSV_VALUES,
  EDGE_NUMBERS,
  HOSTILE_STRINGS,
  KEYS,
  MAX_REPEAT,
  NUMBER_LITERALS,
  NUMBER_STRINGS,
  repeatTo,
} from "./hostile.js";

/** A mutated manifest stays under this (the parser refuses 1 MiB; the bound keeps each case fast). */
export const MAX_MANIFEST_TEXT = 1024 * 1024 - 1;

export type DataOp =
  | { k: "num"; at: number; v: number | string }
  | { k: "str"; at: number; v: string }
  | { k: "type"; at: number; v: unknown }
  | { k: "del"; at: number }
  | { k: "ins"; at: number; key: string; v: unknown }
  | { k: "dup"; at: number; i: number }
  | { k: "drop"; at: number; i: number }
  | { k: "reorder"; at: number; rotate: number }
  | { k: "mult"; at: number; n: number; uniqueIds: boolean }
  | { k: "dupid"; at: number; i: number; j: number }
  | { k: "alias"; at: number; i: number; j: number };

export type TextOp =
  | { k: "prefix"; s: string }
  | { k: "laughs"; depth: number; width: number }
  | { k: "insert"; at: number; s: string }
  | { k: "numlit"; at: number; lit: string }
  | { k: "line"; at: number; op: "dup" | "drop" | "swap" | "long" | "indent" | "unindent"; n: number }
  | { k: "truncate"; at: number }
  | { k: "crlf" }
  | { k: "bom" };

export type CardOp =
  | { k: "pattern"; p: number; n: number; where: "append" | "body" | "front" }
  | { k: "emissions"; v: string }
  | { k: "field"; key: "source" | "training_type" | "geographical_location" | "hardware_used"; v: string }
  | { k: "nofront" }
  | { k: "unclosed" }
  | { k: "text"; op: TextOp };

export type CsvOp =
  | { k: "rows"; n: number }
  | { k: "field"; row: number; col: number; v: string }
  | { k: "dropcol"; col: number }
  | { k: "swapcol"; a: number; b: number }
  | { k: "addcol"; name: string; v: string }
  | { k: "header"; col: number; name: string }
  | { k: "empty" }
  | { k: "headerOnly" }
  | { k: "text"; op: TextOp };

export interface ManifestMutation {
  data: DataOp[];
  text: TextOp[];
}

export interface Case {
  /** Index into EXAMPLES. */
  ex: number;
  head: ManifestMutation;
  /** null: the base is the example's base file as committed. */
  base: ManifestMutation | null;
  card: CardOp[];
  /** Which of the two CodeCarbon files is mutated. */
  csvFile: 0 | 1;
  csv: CsvOp[];
  /** Which report is checked: with the base, without it, or several manifests. */
  mode: number;
}

// ---------------------------------------------------------------- data level

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown };

function slots(root: unknown, keep: (v: unknown) => boolean): Slot[] {
  const out: Slot[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [key, child] of entries) {
      if (keep(child)) out.push({ parent: v as Slot["parent"], key, value: child });
      walk(child);
    }
  };
  walk(root);
  return out;
}

function set(s: Slot, value: unknown): void {
  (s.parent as Record<string | number, unknown>)[s.key] = value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

function sizeOf(v: unknown): number {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return MAX_MANIFEST_TEXT;
  }
}

/** Applies one data mutation in place (returns the possibly new root). */
export function applyData(root: unknown, op: DataOp): unknown {
  const pick = <T>(xs: T[], at: number): T | undefined => (xs.length === 0 ? undefined : xs[at % xs.length]);
  switch (op.k) {
    case "num": {
      const s =
        pick(
          slots(root, (v) => typeof v === "number"),
          op.at,
        ) ??
        pick(
          slots(root, (v) => typeof v !== "object" || v === null),
          op.at,
        );
      if (s) set(s, op.v);
      return root;
    }
    case "str": {
      const s = pick(
        slots(root, (v) => typeof v === "string"),
        op.at,
      );
      if (s) set(s, op.v);
      return root;
    }
    case "type": {
      const s = pick(
        slots(root, () => true),
        op.at,
      );
      if (s) set(s, clone(op.v));
      else return clone(op.v);
      return root;
    }
    case "del": {
      const s = pick(
        slots(root, () => true),
        op.at,
      );
      if (!s) return root;
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
      else delete s.parent[s.key as string];
      return root;
    }
    case "ins": {
      const objects = [...(isObject(root) ? [root] : []), ...slots(root, isObject).map((s) => s.value as Record<string, unknown>)];
      const o = pick(objects, op.at);
      if (o) Object.defineProperty(o, op.key, { value: clone(op.v), enumerable: true, configurable: true, writable: true });
      return root;
    }
    case "dup":
    case "drop":
    case "reorder":
    case "mult":
    case "dupid":
    case "alias": {
      const arrays = slots(root, (v) => Array.isArray(v) && v.length > 0).map((s) => s.value as unknown[]);
      const a = pick(arrays, op.at);
      if (!a) return root;
      if (op.k === "dup") a.splice((op.i % a.length) + 1, 0, clone(a[op.i % a.length]));
      else if (op.k === "drop") a.splice(op.i % a.length, 1);
      else if (op.k === "reorder") a.push(...a.splice(0, op.rotate % a.length).reverse());
      else if (op.k === "mult") {
        // Up to n entries in all, within the size bound.
        const unit = Math.max(1, sizeOf(a) / a.length);
        const room = Math.floor((MAX_MANIFEST_TEXT * 0.8 - sizeOf(root)) / unit);
        const target = Math.min(op.n, a.length + Math.max(0, room));
        const original = a.slice();
        for (let i = a.length; i < target; i++) {
          const e = clone(original[i % original.length]);
          if (op.uniqueIds && isObject(e) && typeof e.id === "string") e.id = `${e.id}-${i}`.slice(-100);
          a.push(e);
        }
      } else {
        const i = op.i % a.length;
        const j = op.j % a.length;
        if (op.k === "alias") a[j] = a[i];
        else if (isObject(a[i]) && isObject(a[j])) a[j].id = a[i].id;
      }
      return root;
    }
  }
}

// ---------------------------------------------------------------- text level

const NUMBER = /-?\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi;

export function applyText(text: string, op: TextOp): string {
  switch (op.k) {
    case "prefix":
      return op.s + text;
    case "laughs": {
      // Unknown top-level keys holding an alias tree: the parser must refuse it without expanding it.
      const lines = [`lol0: &a0 [${Array(op.width).fill("lol").join(", ")}]`];
      for (let d = 1; d <= op.depth; d++)
        lines.push(
          `lol${d}: &a${d} [${Array(op.width)
            .fill(`*a${d - 1}`)
            .join(", ")}]`,
        );
      return `${text.replace(/\n*$/, "\n")}${lines.join("\n")}\n`;
    }
    case "insert": {
      const at = op.at % (text.length + 1);
      return text.slice(0, at) + op.s + text.slice(at);
    }
    case "numlit": {
      const matches = [...text.matchAll(NUMBER)];
      if (matches.length === 0) return text;
      const m = matches[op.at % matches.length]!;
      return text.slice(0, m.index) + op.lit + text.slice(m.index + m[0].length);
    }
    case "line": {
      const lines = text.split("\n");
      const i = op.at % lines.length;
      const j = (op.at + op.n) % lines.length;
      if (op.op === "dup") lines.splice(i, 0, ...Array<string>(Math.min(op.n, 2000)).fill(lines[i]!));
      else if (op.op === "drop") lines.splice(i, 1);
      else if (op.op === "swap") [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      else if (op.op === "long") lines[i] = lines[i] + " " + "x".repeat(Math.min(MAX_REPEAT, op.n * 50));
      else if (op.op === "indent") lines[i] = " ".repeat(op.n % 40) + lines[i];
      else lines[i] = lines[i]!.trimStart();
      return lines.join("\n");
    }
    case "truncate":
      return text.slice(0, op.at % (text.length + 1));
    case "crlf":
      return text.replace(/\r?\n/g, "\r\n");
    case "bom":
      return "\ufeff" + text;
  }
}

/** The manifest text after its mutations; data mutations go through YAML (comments are lost, anchors appear). */
export function mutateManifest(original: string, m: ManifestMutation): string {
  let text = original;
  if (m.data.length > 0) {
    let data = parse(original) as unknown;
    for (const op of m.data) data = applyData(data, op);
    try {
      text = stringify(data, { lineWidth: 0 });
    } catch {
      text = JSON.stringify(data) ?? "";
    }
  }
  for (const op of m.text) text = applyText(text, op);
  return text.length > MAX_MANIFEST_TEXT ? text.slice(0, MAX_MANIFEST_TEXT) : text;
}

// ---------------------------------------------------------------- model card and CodeCarbon

export function mutateCard(original: string, ops: CardOp[]): string {
  let text = original;
  for (const op of ops) {
    const close = text.indexOf("\n---", 4);
    switch (op.k) {
      case "pattern": {
        const s = CARD_PATTERNS[op.p % CARD_PATTERNS.length]!(Math.min(op.n, MAX_REPEAT));
        if (op.where === "append") text = `${text}\n${s}\n`;
        else if (op.where === "front" && close > 0) text = `${text.slice(0, close)}\nnote: ${JSON.stringify(s)}${text.slice(close)}`;
        else {
          const body = close > 0 ? close + 4 : 0;
          text = `${text.slice(0, body)}\n${s}\n${text.slice(body)}`;
        }
        break;
      }
      case "emissions":
        text = text.replace(/^( +emissions:).*$/m, `$1 ${op.v}`).replace(/^co2_eq_emissions:[ \t]*\S.*$/m, `co2_eq_emissions: ${op.v}`);
        break;
      case "field":
        text = text.replace(new RegExp(`^( +${op.key}:).*$`, "m"), (_, k: string) => `${k} ${JSON.stringify(op.v)}`);
        break;
      case "nofront":
        if (close > 0) text = text.slice(close + 4);
        break;
      case "unclosed":
        text = text.replace(/^---[ \t]*$/gm, (m, offset: number) => (offset === 0 ? m : "-- -"));
        break;
      case "text":
        text = applyText(text, op.op);
        break;
    }
  }
  return text;
}

function csvRows(text: string): string[] {
  return text.split("\n").filter((l) => l !== "");
}

export function mutateCsv(original: string, ops: CsvOp[]): string {
  let text = original;
  for (const op of ops) {
    const lines = csvRows(text);
    const split = (l: string) => l.split(",");
    switch (op.k) {
      case "rows": {
        const data = lines.slice(1);
        if (data.length === 0) break;
        const out = lines.slice(0, 1);
        for (let i = 0; i < op.n; i++) out.push(data[i % data.length]!);
        text = out.join("\n") + "\n";
        break;
      }
      case "field": {
        if (lines.length < 2) break;
        const r = 1 + (op.row % (lines.length - 1));
        const cells = split(lines[r]!);
        cells[op.col % cells.length] = op.v;
        lines[r] = cells.join(",");
        text = lines.join("\n") + "\n";
        break;
      }
      case "dropcol":
      case "swapcol":
      case "header":
      case "addcol": {
        text =
          lines
            .map((l, r) => {
              const cells = split(l);
              if (op.k === "dropcol") cells.splice(op.col % cells.length, 1);
              else if (op.k === "swapcol") {
                const a = op.a % cells.length;
                const b = op.b % cells.length;
                [cells[a], cells[b]] = [cells[b]!, cells[a]!];
              } else if (op.k === "header") {
                if (r === 0) cells[op.col % cells.length] = op.name;
              } else cells.push(r === 0 ? op.name : op.v);
              return cells.join(",");
            })
            .join("\n") + "\n";
        break;
      }
      case "empty":
        text = "";
        break;
      case "headerOnly":
        text = (lines[0] ?? "") + "\n";
        break;
      case "text":
        text = applyText(text, op.op);
        break;
    }
  }
  return text;
}

// ---------------------------------------------------------------- arbitraries

const at = fc.nat({ max: 1_000_000 });
/** Mostly small counts, sometimes thousands (rarer and at most 3,000 in CI, where each such case costs the most). */
const CAMPAIGN = process.env.FUZZ_RUNS !== undefined;
const count = fc.oneof(
  { weight: CAMPAIGN ? 5 : 20, arbitrary: fc.integer({ min: 2, max: 50 }) },
  { weight: 1, arbitrary: fc.integer({ min: 51, max: CAMPAIGN ? 10_000 : 3000 }) },
);
const size = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 200 }) },
  { weight: 2, arbitrary: fc.integer({ min: 201, max: 10_240 }) },
  { weight: 1, arbitrary: fc.constant(MAX_REPEAT) },
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS)).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), size).map(([s, n]) => repeatTo(s, n)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...ANY_VALUES), fc.constantFrom(...EDGE_NUMBERS), hostileString);

export const dataOp: fc.Arbitrary<DataOp> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant("num" as const),
      at,
      v: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EDGE_NUMBERS) }, fc.constantFrom(...NUMBER_STRINGS)),
    }),
  },
  { weight: 5, arbitrary: fc.record({ k: fc.constant("str" as const), at, v: hostileString }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("type" as const), at, v: anyValue }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("del" as const), at }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("ins" as const), at, key: fc.oneof(fc.constantFrom(...KEYS), hostileString), v: anyValue }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("dup" as const), at, i: at }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("drop" as const), at, i: at }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("reorder" as const), at, rotate: at }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("mult" as const), at, n: count, uniqueIds: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("dupid" as const), at, i: at, j: at }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("alias" as const), at, i: at, j: at }) },
);

export const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant("prefix" as const),
      s: fc.constantFrom("%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "%TAG !e! tag:evil,2000:\n---\n", "---\n", "# \u202e\n", "--- !!map\n"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("laughs" as const), depth: fc.integer({ min: 1, max: 9 }), width: fc.integer({ min: 1, max: 9 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("insert" as const), at, s: hostileString }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("numlit" as const), at, lit: fc.constantFrom(...NUMBER_LITERALS) }) },
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant("line" as const), at, op: fc.constantFrom("dup", "drop", "swap", "long", "indent", "unindent"), n: count }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("truncate" as const), at }) },
  { weight: 1, arbitrary: fc.constant({ k: "crlf" as const }) },
  { weight: 1, arbitrary: fc.constant({ k: "bom" as const }) },
);

export const manifestMutation = (maxData: number, maxText: number): fc.Arbitrary<ManifestMutation> =>
  fc.record({ data: fc.array(dataOp, { maxLength: maxData }), text: fc.array(textOp, { maxLength: maxText }) });

export const cardOp: fc.Arbitrary<CardOp> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant("pattern" as const),
      p: fc.nat({ max: CARD_PATTERNS.length - 1 }),
      n: size,
      where: fc.constantFrom("append" as const, "body" as const, "front" as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("emissions" as const), v: fc.constantFrom(...CARD_EMISSIONS) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant("field" as const),
      key: fc.constantFrom("source" as const, "training_type" as const, "geographical_location" as const, "hardware_used" as const),
      v: hostileString,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ k: "nofront" as const }) },
  { weight: 1, arbitrary: fc.constant({ k: "unclosed" as const }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("text" as const), op: textOp }) },
);

const csvValue = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CSV_VALUES) }, { weight: 1, arbitrary: hostileString });

export const csvOp: fc.Arbitrary<CsvOp> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant("rows" as const), n: fc.oneof(fc.integer({ min: 0, max: 3 }), count) }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant("field" as const), row: at, col: fc.oneof(fc.constantFrom(4, 5, 13, 14, 2, 36, 25), at), v: csvValue }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("dropcol" as const), col: fc.oneof(fc.constantFrom(13, 5, 2, 36), at) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("swapcol" as const), a: at, b: at }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("addcol" as const), name: fc.oneof(fc.constantFrom(...CSV_COLUMNS), hostileString), v: csvValue }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("header" as const), col: at, name: fc.oneof(fc.constantFrom(...CSV_COLUMNS), hostileString) }) },
  { weight: 1, arbitrary: fc.constant({ k: "empty" as const }) },
  { weight: 1, arbitrary: fc.constant({ k: "headerOnly" as const }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("text" as const), op: textOp }) },
);

export interface CaseShape {
  exs?: number[];
  head?: [number, number];
  base?: [number, number] | null;
  card?: number;
  csv?: number;
}

/** Cases mutating what `shape` allows (numbers are the most mutations of each kind). */
export function caseArb(shape: CaseShape, examples: number): fc.Arbitrary<Case> {
  const [hd, ht] = shape.head ?? [0, 0];
  return fc.record({
    ex: shape.exs ? fc.constantFrom(...shape.exs) : fc.nat({ max: examples - 1 }),
    head: manifestMutation(hd, ht),
    base: shape.base ? fc.option(manifestMutation(shape.base[0], shape.base[1]), { nil: null }) : fc.constant(null),
    card: fc.array(cardOp, { maxLength: shape.card ?? 0 }),
    csvFile: fc.constantFrom(0 as const, 1 as const),
    csv: fc.array(csvOp, { maxLength: shape.csv ?? 0 }),
    mode: fc.nat({ max: 2 }),
  });
}
