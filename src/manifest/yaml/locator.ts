// Where a path of the manifest is written: the line and column of its key or value, for findings.
import { flowPositions, type PosNode, type PosPairs } from "./fast-parse.js";

export type Path = readonly (string | number)[];
export interface Position {
  line: number;
  column: number;
}

/** A path as written in messages: `training[0].hours`. */
export function formatPath(path: Path): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || "(document)";
}

/** Maps a path in the manifest to the line and column of its key or value. */
export interface Locator {
  /** The value at `path`, or the nearest ancestor that exists. */
  value(path: Path): Position;
  /** The key of the last segment of `path` (falls back to the value's position). */
  key(path: Path): Position;
}

export const NOWHERE: Locator = { value: () => ({ line: 1, column: 1 }), key: () => ({ line: 1, column: 1 }) };

/** Line and column (1-based) of offsets in a text, by binary search over its line starts. */
export function lineColumn(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return { line: low, column: offset - starts[low - 1]! + 1 };
  };
}

/** A Locator over the offsets the fast parser records; it answers as the yaml document's Locator does. */
export class TreeLocator implements Locator {
  private pos: ((offset: number) => Position) | undefined;
  /** Each large mapping's key → index of its triple, built on the first look-up into it. */
  private readonly indexes = new WeakMap<PosPairs, Map<string, number>>();
  /** The flow collections read again, by offset. */
  private readonly flows = new Map<number, PosNode>();

  constructor(
    private readonly text: string,
    private readonly tree: PosNode,
  ) {}

  private at(offset: number): Position {
    this.pos ??= lineColumn(this.text);
    return this.pos(offset);
  }

  /** The index of the triple of `key` in a mapping's pairs, or -1. */
  private pairOf(pairs: PosPairs, key: string): number {
    if (pairs.length < 48) {
      for (let i = 0; i < pairs.length; i += 3) if (pairs[i] === key) return i;
      return -1;
    }
    let index = this.indexes.get(pairs);
    if (!index) {
      index = new Map();
      for (let i = pairs.length - 3; i >= 0; i -= 3) index.set(pairs[i] as string, i);
      this.indexes.set(pairs, index);
    }
    return index.get(key) ?? -1;
  }

  /** A node with its children's positions: those of a flow collection recorded as its offset are read again. */
  private expand(node: PosNode): PosNode {
    if (typeof node !== "number") return node;
    const c = this.text.charCodeAt(node);
    if (c !== 0x7b && c !== 0x5b) return node; // `{`, `[`
    let full = this.flows.get(node);
    if (full === undefined) {
      full = flowPositions(this.text, node);
      this.flows.set(node, full);
    }
    return full;
  }

  private child(parent: PosNode, seg: string | number): PosNode | undefined {
    const node = this.expand(parent);
    if (typeof node === "number") return undefined;
    if ("pairs" in node) {
      const i = this.pairOf(node.pairs, String(seg));
      return i < 0 ? undefined : (node.pairs[i + 2] as PosNode);
    }
    return typeof seg === "number" ? node.items[seg] : undefined;
  }

  value(path: Path): Position {
    let node: PosNode = this.tree;
    for (const seg of path) {
      const next = this.child(node, seg);
      // The nearest ancestor that exists.
      if (next === undefined) break;
      node = next;
    }
    return this.at(typeof node === "number" ? node : node.at);
  }

  key(path: Path): Position {
    if (path.length === 0) return this.value(path);
    let parent: PosNode | undefined = this.tree;
    for (let i = 0; i < path.length - 1 && parent !== undefined; i++) parent = this.child(parent, path[i]!);
    if (parent !== undefined) parent = this.expand(parent);
    if (parent !== undefined && typeof parent !== "number" && "pairs" in parent) {
      const i = this.pairOf(parent.pairs, String(path[path.length - 1]));
      if (i >= 0) return this.at(parent.pairs[i + 1] as number);
    }
    return this.value(path);
  }
}
