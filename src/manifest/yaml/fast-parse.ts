// The YAML that manifests are written in, parsed without the yaml library: block mappings and sequences,
// single-line flow collections, plain and quoted single-line scalars, comments. The result is exactly what the yaml
// library gives with the project's settings (YAML 1.2 core schema, no merge keys), or nothing: anything outside
// this subset, or odd inside it (anchors, tags, block scalars, directives, several documents, multi-line scalars or
// flow collections, empty values, non-string or duplicate keys), is left to the yaml library, which also words the
// errors. test/fast-parse.test.ts holds the two to the same data and positions on generated manifests.

/** Collections nested this deep are left to the yaml path, which applies the caller's limit. */
export const MAX_DEPTH = 16;
/** Keys longer than this are left to the yaml path (YAML caps implicit keys at 1024 characters). */
const MAX_KEY_LENGTH = 1000;
/** Slots of the cache of plain strings already read (a power of two). */
const SLOTS = 64;

/**
 * The offsets of a parsed document: a scalar is its offset; a collection has its offset and its items' offsets, a
 * mapping as [key, key offset, value] triples in document order. A flow collection may be only its offset (of its
 * `[` or `{`, where no scalar starts): its children's are read again from the text when asked for.
 */
export type PosNode = number | { at: number; items: PosNode[] } | { at: number; pairs: PosPairs };
export type PosPairs = (string | PosNode)[];

export interface FastParse {
  data: Record<string, unknown>;
  /** The offset of every node, for the locator; a flow collection is only its offset (see flowPositions). */
  positions: PosNode;
}

/** Thrown when the text is outside the subset: one instance, made once, so that declining costs no stack trace. */
class Decline extends Error {}
const DECLINE = new Decline("outside the subset the fast parser reads");

// Characters are compared by code.
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const APOS = 39;
const PLUS = 43;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const UPPER_F = 70;
const UPPER_N = 78;
const UPPER_T = 84;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LOWER_F = 102;
const LOWER_N = 110;
const LOWER_T = 116;
const LBRACE = 123;
const RBRACE = 125;
const TILDE = 126;

// Tabs, a byte-order mark, lone carriage returns and the line breaks of YAML 1.1 are left to the yaml library.
const OUTSIDE = /[\t\ufeff\u0085\u2028\u2029]|\r(?!\n)/;

/**
 * A plain scalar up to its last non-space character. It starts with a character that is not an indicator, or with a
 * `-` followed by more of it; then characters but spaces, line breaks, `:` and `#` (and in flow collections
 * `,[]{}`); a `:` followed by more of the scalar; a `#` right after one (after a space it starts a comment); spaces
 * followed by more of the scalar. Lone carriage returns are OUTSIDE, so every `\r` is a line end.
 */
const PLAIN_BLOCK = /(?:[^ \n\r?:,[\]{}#&*!|>'"%@`-]|-(?=[^ \n\r]))(?:[^ \n\r:#]|:(?=[^ \n\r])|#| +(?=[^ \n\r:#]|:[^ \n\r]))*/y;
const PLAIN_FLOW = /(?:[^ \n\r?:,[\]{}#&*!|>'"%@`-]|-(?=[^ \n\r,[\]{}]))(?:[^ \n\r:#,[\]{}]|:(?=[^ \n\r,[\]{}])|#| +(?=[^ \n\r:#,[\]{}]|:[^ \n\r,[\]{}]))*/y;
/** Quoted scalars without escapes, closed on their line: the common case, found by a native scan. */
const DOUBLE_QUOTED = /"[^"\\\n\r]*"/y;
const SINGLE_QUOTED = /'[^'\n\r]*'(?!')/y;

// The YAML 1.2 core schema's scalars, tested in the yaml library's order; anything else plain is a string.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * A plain scalar's value in the core schema, as the yaml library resolves it. The first character tells which
 * types it could be (null starts with `~`, `n` or `N`; booleans with `t`, `T`, `f` or `F`; numbers with a digit,
 * a sign or `.`), so most scalars meet one regex or none.
 */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if (c === TILDE || c === LOWER_N || c === UPPER_N || s.length === 0) return NULL.test(s) ? null : s;
  if (c === LOWER_T || c === UPPER_T || c === LOWER_F || c === UPPER_F) return BOOL.test(s) ? c === LOWER_T || c === UPPER_T : s;
  if (!(c >= DIGIT_0 && c <= DIGIT_9) && c !== PLUS && c !== DASH && c !== DOT) return s;
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The manifest's data (a mapping at the top) with its positions, or undefined when the text is for the yaml library. */
export function fastParse(text: string): FastParse | undefined {
  if (OUTSIDE.test(text)) return undefined;
  try {
    return new FastParser(text).document();
  } catch (err) {
    if (err === DECLINE) return undefined;
    throw err;
  }
}

/**
 * The positions of the flow collection at `at` (its `[` or `{`) in a text that fastParse read, with its children's.
 * fastParse records only the offset of a flow collection, as a long manifest's entries mostly are flow mappings and
 * their children's offsets are rarely asked for: they are read again when a finding needs them.
 */
export function flowPositions(text: string, at: number): PosNode {
  const parser = new FastParser(text, true);
  parser.flowNode(at);
  return parser.node;
}

/**
 * A recursive-descent reader over the text by character codes. Each reader leaves what it read in `value` and
 * `pos` (and, for values on one line, where they end in `end`), so that reading allocates only the data and one
 * offset list per collection.
 */
class FastParser {
  private readonly len: number;
  /** Start of the first line not consumed yet. */
  private next = 0;
  private value: unknown;
  private pos: PosNode = 0;
  private end = 0;
  /** Where the last plain scalar stopped: the line end, a comment, a `:` or a flow indicator. */
  private stop = 0;
  /**
   * Plain scalars already read that are strings, by first character and length: keys repeat from entry to entry,
   * and values such as accelerators often do. One read again is the same string: no copy and no resolving.
   */
  private readonly strings: string[] = new Array<string>(SLOTS).fill("");

  constructor(
    private readonly text: string,
    /** Whether flow collections record their children's positions, or only their own offset. */
    private readonly flowChildren = false,
  ) {
    this.len = text.length;
  }

  /** The positions that the last reader left. */
  get node(): PosNode {
    return this.pos;
  }

  /** Reads the flow collection at `at`. */
  flowNode(at: number): void {
    this.flowValue(at, 0, true);
  }

  document(): FastParse {
    // One `---` may open the document; anything else on its line is left to the yaml library.
    let line = this.contentLine(0, true);
    if (line >= 0 && this.isMarker(line)) {
      if (!this.text.startsWith("---", line) || !this.blankRest(line + 3)) throw DECLINE;
      line = this.contentLine(this.lineAfter(line));
    }
    if (line < 0 || this.indent(line) !== 0) throw DECLINE;
    this.blockMap(line, 0, 0);
    if (this.contentLine(this.next) >= 0) throw DECLINE;
    return { data: this.value as Record<string, unknown>, positions: this.pos };
  }

  // ── lines ──────────────────────────────────────────────────────────────────────────────────────────────────

  private isEol(i: number): boolean {
    if (i >= this.len) return true;
    const c = this.text.charCodeAt(i);
    return c === LF || (c === CR && this.text.charCodeAt(i + 1) === LF);
  }

  /** The start of the line after the one holding `i`. */
  private lineAfter(i: number): number {
    const nl = this.text.indexOf("\n", i);
    return nl < 0 ? this.len : nl + 1;
  }

  private indent(line: number): number {
    let i = line;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - line;
  }

  /** The first line from `line` on with content (not blank, not only a comment), or -1 at the end. */
  private contentLine(line: number, markers = false): number {
    while (line < this.len) {
      const i = line + this.indent(line);
      if (!this.isEol(i) && this.text.charCodeAt(i) !== HASH) {
        // Document markers in column 0 end the document: several documents are for the yaml library.
        if (!markers && i === line && this.isMarker(i)) throw DECLINE;
        return line;
      }
      line = this.lineAfter(i);
    }
    return -1;
  }

  /** `---` or `...` at the start of a line (`i`), as a document marker. */
  private isMarker(i: number): boolean {
    return (this.text.startsWith("---", i) || this.text.startsWith("...", i)) && this.isSpaceOrEol(i + 3);
  }

  private isSpaceOrEol(i: number): boolean {
    return this.isEol(i) || this.text.charCodeAt(i) === SPACE;
  }

  /** Spaces, then the end of the line or a comment. */
  private blankRest(i: number): boolean {
    const start = i;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return this.isEol(i) || (i > start && this.text.charCodeAt(i) === HASH);
  }

  /** The rest of a line after a value: spaces, and a comment or nothing; then the next line. */
  private endLine(i: number): void {
    if (!this.blankRest(i)) throw DECLINE;
    this.next = this.lineAfter(i);
  }

  private isSeqItem(i: number): boolean {
    return this.text.charCodeAt(i) === DASH && this.isSpaceOrEol(i + 1);
  }

  private skipSpaces(i: number): number {
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  // ── block collections ──────────────────────────────────────────────────────────────────────────────────────

  /** The collection or scalar whose first line starts at `i`, in column `col`. */
  private blockNode(i: number, col: number, depth: number): void {
    const c = this.text.charCodeAt(i);
    // A flow collection, as most entries of a long manifest are, is neither (keyEnd reads no key from `{` or `[`).
    if (c !== LBRACE && c !== LBRACKET) {
      if (this.isSeqItem(i)) return this.blockSeq(i, col, depth);
      if (this.keyEnd(i) >= 0) return this.blockMap(i, col, depth);
    }
    this.flowValue(i, depth, false);
    this.endLine(this.end);
  }

  /** A block mapping whose first key starts at `i`, in column `col`. */
  private blockMap(i: number, col: number, depth: number): void {
    if (depth >= MAX_DEPTH) throw DECLINE;
    const map: Record<string, unknown> = {};
    const pairs: PosPairs = [];
    const at = i;
    for (;;) {
      const end = this.keyEnd(i);
      if (end < 0) throw DECLINE;
      const key = this.key(i, end);
      // After the `:` (keyEnd saw a space or the line end there): a value on the same line, or a collection below.
      const v = this.skipSpaces(end + 1);
      if (this.isEol(v) || this.text.charCodeAt(v) === HASH) {
        const line = this.contentLine(this.lineAfter(v));
        if (line < 0) throw DECLINE;
        const ind = this.indent(line);
        if (ind > col) this.blockNode(line + ind, ind, depth + 1);
        // A sequence may sit in the key's own column.
        else if (ind === col && this.isSeqItem(line + ind)) this.blockSeq(line + ind, col, depth + 1);
        else throw DECLINE;
      } else {
        if (this.isSeqItem(v)) throw DECLINE;
        this.flowValue(v, depth + 1, false);
        this.endLine(this.end);
      }
      setKey(map, key, this.value);
      pairs.push(key, i, this.pos);
      const line = this.contentLine(this.next);
      if (line < 0) break;
      const ind = this.indent(line);
      if (ind < col) break;
      if (ind > col) throw DECLINE;
      i = line + ind;
    }
    this.value = map;
    this.pos = { at, pairs };
  }

  /** A block sequence whose first `-` is at `i`, in column `col`. */
  private blockSeq(i: number, col: number, depth: number): void {
    if (depth >= MAX_DEPTH) throw DECLINE;
    const seq: unknown[] = [];
    const items: PosNode[] = [];
    const at = i;
    for (;;) {
      if (!this.isSeqItem(i)) throw DECLINE;
      const v = this.skipSpaces(i + 1);
      if (this.isEol(v) || this.text.charCodeAt(v) === HASH) {
        const line = this.contentLine(this.lineAfter(v));
        if (line < 0) throw DECLINE;
        const ind = this.indent(line);
        if (ind <= col) throw DECLINE;
        this.blockNode(line + ind, ind, depth + 1);
      } else {
        // A collection may start on the item's own line: `- - x`, `- key: value`.
        this.blockNode(v, col + v - i, depth + 1);
      }
      seq.push(this.value);
      items.push(this.pos);
      const line = this.contentLine(this.next);
      if (line < 0) break;
      const ind = this.indent(line);
      if (ind < col) break;
      if (ind > col) throw DECLINE;
      // In the column of a mapping's key, the mapping goes on.
      if (!this.isSeqItem(line + ind)) break;
      i = line + ind;
    }
    this.value = seq;
    this.pos = { at, items };
  }

  /** The offset of the `:` ending an implicit key that starts at `i` (followed by a space or the line end), or -1. */
  private keyEnd(i: number): number {
    const c = this.text.charCodeAt(i);
    let end: number;
    if (c === QUOTE || c === APOS) {
      end = this.quotedEnd(i);
      if (end < 0) return -1;
      end++;
    } else {
      if (this.plainEnd(i, false) < 0) return -1;
      end = this.stop;
    }
    return this.text.charCodeAt(end) === COLON && this.isSpaceOrEol(end + 1) ? end : -1;
  }

  /** A key from `i` to its `:` at `end`: a string, as every manifest key is; other keys are for the yaml library. */
  private key(i: number, end: number): string {
    if (end - i > MAX_KEY_LENGTH) throw DECLINE;
    const c = this.text.charCodeAt(i);
    if (c === QUOTE || c === APOS) {
      this.quoted(i);
      return this.value as string;
    }
    // Spaces before the `:` are for the yaml library.
    if (this.text.charCodeAt(end - 1) === SPACE) throw DECLINE;
    const key = this.plain(i, end);
    if (typeof key !== "string") throw DECLINE;
    return key;
  }

  /** The value of the plain scalar from `i` to `end`. */
  private plain(i: number, end: number): unknown {
    const first = this.text.charCodeAt(i);
    if (first >= DIGIT_0 && first <= DIGIT_9 && end - i <= 15) {
      // Digits only, as counts and hours mostly are: the integer, read without a copy (exact up to 15 digits).
      let n = 0;
      let j = i;
      for (; j < end; j++) {
        const d = this.text.charCodeAt(j) - DIGIT_0;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (j === end) return n;
    }
    const slot = (this.text.charCodeAt(i) + (end - i) * 31) & (SLOTS - 1);
    const known = this.strings[slot]!;
    if (known.length === end - i && this.text.startsWith(known, i)) return known;
    const raw = this.text.slice(i, end);
    const value = resolvePlain(raw);
    if (value === raw) this.strings[slot] = raw;
    return value;
  }

  // ── scalars and flow collections ───────────────────────────────────────────────────────────────────────────

  /** A scalar or flow collection starting at `i` on one line. */
  private flowValue(i: number, depth: number, flow: boolean): void {
    const c = this.text.charCodeAt(i);
    if (c === LBRACKET) return this.flowSeq(i, depth);
    if (c === LBRACE) return this.flowMap(i, depth);
    if (c === QUOTE || c === APOS) return this.quoted(i);
    const end = this.plainEnd(i, flow);
    if (end < 0) throw DECLINE;
    // In a block, a plain value ends at the line end or a comment; a `: ` means a mapping the yaml library should see.
    if (!flow && this.text.charCodeAt(this.stop) === COLON) throw DECLINE;
    this.value = this.plain(i, end);
    this.pos = i;
    this.end = end;
  }

  /**
   * A plain scalar from `i`: returns the offset after its last non-space character, and leaves in `stop` where it
   * stops — the line end, a comment, a `:` that ends a key and, in flow collections, a flow indicator; or -1 when
   * no plain scalar starts at `i`.
   */
  private plainEnd(i: number, flow: boolean): number {
    // A native scan rather than a loop over characters, which runs mostly interpreted in a one-off check.
    const scan = flow ? PLAIN_FLOW : PLAIN_BLOCK;
    scan.lastIndex = i;
    if (!scan.test(this.text)) return -1;
    const end = scan.lastIndex;
    let stop = end;
    while (this.text.charCodeAt(stop) === SPACE) stop++;
    this.stop = stop;
    return end;
  }

  /** The offset of the closing quote of a scalar quoted at `i` and closed on its line, or -1. */
  private quotedEnd(i: number): number {
    const q = this.text.charCodeAt(i);
    const plain = q === QUOTE ? DOUBLE_QUOTED : SINGLE_QUOTED;
    plain.lastIndex = i;
    if (plain.test(this.text)) return plain.lastIndex - 1;
    for (let j = i + 1; ; j++) {
      if (this.isEol(j)) return -1;
      const c = this.text.charCodeAt(j);
      if (q === APOS && c === APOS) {
        if (this.text.charCodeAt(j + 1) !== APOS) return j;
        j++;
      } else if (q === QUOTE) {
        if (c === QUOTE) return j;
        if (c === BACKSLASH) j++;
      }
    }
  }

  private quoted(i: number): void {
    const close = this.quotedEnd(i);
    if (close < 0) throw DECLINE;
    const inner = this.text.slice(i + 1, close);
    this.value = this.text.charCodeAt(i) === APOS ? inner.replace(/''/g, "'") : unescape(inner);
    this.pos = i;
    this.end = close + 1;
  }

  private flowSeq(i: number, depth: number): void {
    if (depth >= MAX_DEPTH) throw DECLINE;
    const seq: unknown[] = [];
    const items: PosNode[] | undefined = this.flowChildren ? [] : undefined;
    let j = this.skipSpaces(i + 1);
    if (this.text.charCodeAt(j) !== RBRACKET) {
      for (;;) {
        this.flowValue(j, depth + 1, true);
        seq.push(this.value);
        items?.push(this.pos);
        j = this.skipSpaces(this.end);
        const c = this.text.charCodeAt(j);
        if (c === RBRACKET) break;
        if (c !== COMMA) throw DECLINE;
        j = this.skipSpaces(j + 1);
        // An empty entry or a trailing comma is for the yaml library.
        if (this.text.charCodeAt(j) === RBRACKET || this.text.charCodeAt(j) === COMMA) throw DECLINE;
      }
    }
    this.value = seq;
    this.pos = items ? { at: i, items } : i;
    this.end = j + 1;
  }

  // Flow mappings are what a long manifest's entries mostly are: their loop reads the text itself rather than
  // through the small helpers, as calls cost most in the tiers a one-off check runs in.
  private flowMap(i: number, depth: number): void {
    if (depth >= MAX_DEPTH) throw DECLINE;
    const text = this.text;
    const map: Record<string, unknown> = {};
    const pairs: PosPairs | undefined = this.flowChildren ? [] : undefined;
    let j = this.skipSpaces(i + 1);
    if (text.charCodeAt(j) !== RBRACE) {
      for (;;) {
        const k = text.charCodeAt(j);
        // The key ends right before its `: ` (a -1 from quotedEnd or plainEnd fails the test below).
        const end = k === QUOTE || k === APOS ? this.quotedEnd(j) + 1 : this.plainEnd(j, true);
        // `key: value` with one space: anything else (`key:value`, `key :`, a key alone) is for the yaml library.
        if (end <= j || text.charCodeAt(end) !== COLON || text.charCodeAt(end + 1) !== SPACE) throw DECLINE;
        const key = this.key(j, end);
        const keyAt = j;
        j = end + 2;
        while (text.charCodeAt(j) === SPACE) j++;
        const c = text.charCodeAt(j);
        if (c === COMMA || c === RBRACE || c === LF || c === CR || j >= this.len) throw DECLINE;
        this.flowValue(j, depth + 1, true);
        setKey(map, key, this.value);
        pairs?.push(key, keyAt, this.pos);
        j = this.end;
        while (text.charCodeAt(j) === SPACE) j++;
        const n = text.charCodeAt(j);
        if (n === RBRACE) break;
        if (n !== COMMA) throw DECLINE;
        j++;
        while (text.charCodeAt(j) === SPACE) j++;
        if (text.charCodeAt(j) === RBRACE || text.charCodeAt(j) === COMMA) throw DECLINE;
      }
    }
    this.value = map;
    this.pos = pairs ? { at: i, pairs } : i;
    this.end = j + 1;
  }
}

/**
 * A key as the yaml library sets it on a plain object: names the prototype already has (`__proto__`, `toString`)
 * become own properties. A key set twice is a duplicate, which the yaml path reports.
 */
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  // No value is undefined, and every name on the prototype is defined.
  if (map[key] === undefined) map[key] = value;
  else if (Object.prototype.hasOwnProperty.call(map, key)) throw DECLINE;
  else Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The text between double quotes on one line, its escapes resolved; an escape the yaml library would reject declines. */
function unescape(inner: string): string {
  if (inner.indexOf("\\") < 0) return inner;
  let out = "";
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = inner[++i] ?? "";
    const simple = Object.prototype.hasOwnProperty.call(ESCAPES, next) ? ESCAPES[next] : undefined;
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const length = Object.prototype.hasOwnProperty.call(HEX_LENGTH, next) ? HEX_LENGTH[next]! : 0;
    const hex = inner.substr(i + 1, length);
    if (length === 0 || hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw DECLINE;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw DECLINE;
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}
