// What one manifest's estimation builds once per distinct input set rather than once per entry: assumptions (a
// 10,000-entry manifest has a few hundred distinct ones) and the steps whose inputs most entries share.
import type { Assumption } from "./types.js";

/** Where a figure comes from. */
export interface SourceRef {
  source: string;
  year: number | null;
}

export const STATED: SourceRef = { source: "manifest", year: null };

export class EstimateCache {
  /** By name, unit, source, year and value: nested maps, so that a look-up builds no key. */
  private readonly assumptions = new Map<string, Map<string, Map<string, Map<number | null, Map<number | string, Assumption>>>>>();
  private readonly steps = new Map<string, KeyedMap<unknown>>();
  /** Every distinct assumption made, in the order made. */
  readonly made: Assumption[] = [];

  /** The one (frozen, shared) assumption with these fields. */
  assumption(name: string, value: number | string, unit: string, src: SourceRef): Assumption {
    const byValue = child(child(child(child(this.assumptions, name), unit), src.source), src.year);
    let a = byValue.get(value);
    if (a === undefined) {
      byValue.set(value, (a = Object.freeze({ name, value, unit, source: src.source, year: src.year })));
      this.made.push(a);
    }
    return a;
  }

  /** `make()` of `step`, once per distinct `keys` (primitives compared by value, objects by identity). */
  once<T>(step: string, keys: readonly unknown[], make: () => T): T {
    let memo = this.steps.get(step);
    if (!memo) this.steps.set(step, (memo = new KeyedMap()));
    let value = memo.get(keys) as T | undefined;
    if (value === undefined) memo.set(keys, (value = make()));
    return value;
  }
}

/** A map keyed by a list of values, as nested maps, so a look-up builds no key. Every list of one map has the same length. */
class KeyedMap<T> {
  private readonly root = new Map<unknown, unknown>();

  // Indexed loops: a check makes these look-ups for every entry, mostly before the JIT has optimised them, where an
  // iterator per look-up costs more than the look-up.
  get(keys: readonly unknown[]): T | undefined {
    let node: unknown = this.root;
    for (let i = 0; i < keys.length; i++) {
      node = (node as Map<unknown, unknown>).get(keys[i]);
      if (node === undefined) return undefined;
    }
    return node as T;
  }

  set(keys: readonly unknown[], value: T): void {
    let node = this.root;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      let next = node.get(keys[i]) as Map<unknown, unknown> | undefined;
      if (!next) node.set(keys[i], (next = new Map()));
      node = next;
    }
    node.set(keys[last], value);
  }
}

function child<K, V extends Map<unknown, unknown>>(map: Map<K, V>, key: K): V {
  let next = map.get(key);
  if (!next) map.set(key, (next = new Map() as V));
  return next;
}
