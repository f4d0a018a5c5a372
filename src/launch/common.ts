// What the readers share: a document being read (positions, problems), the catalogue look-up of an accelerator
// name as a format writes it, counts as products of stated factors, and time limits. Nothing here expands or
// executes anything: a value that looks templated is a problem, never a default.
import { ambiguousMessage, findAccelerator } from "../catalogue/index.js";
import { findInstanceType } from "../catalogue/instances.js";
import { findTpuSlice } from "../catalogue/tpu.js";
import { formatPath, type Locator, type Path } from "../manifest/yaml/index.js";
import type { LaunchCandidate, LaunchProblem, Origin, Stated, StatedAccelerator, StatedCount } from "./types.js";

/** Longest name or value read from a config; longer is not a name anyone launches with. */
const MAX_TEXT = 200;
/** Candidates per job (any_of × accelerator sets × node ranges), problems per file. */
const MAX_CANDIDATES = 64;
const MAX_PROBLEMS = 100;
/** Largest accelerator count of one job (and of any factor of it). */
export const MAX_COUNT = 1_000_000;

/** `${VAR}`, `$VAR`, `$(cmd)`, `{{ .Values.x }}`, `<your-project>`: written to be filled in by something else. */
const TEMPLATED = /\$[{(A-Za-z_]|\{\{|\{%|<[^<>\s]{1,100}>/;
/** Control and bidirectional formatting characters: never part of a name a scheduler accepts. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

type Needs = LaunchProblem["needs"];

/** The problems of one file, bounded: a hostile file cannot make an unbounded list. */
export class Problems {
  readonly list: LaunchProblem[] = [];
  add(problem: LaunchProblem): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(problem);
  }
}

/** One YAML document of a config, or a SLURM header: where values are, and the problems found reading them. */
export class Reading {
  constructor(
    private readonly where: (path: Path) => { line: number; column: number },
    readonly problems: Problems,
    readonly aliases: Readonly<Record<string, string>>,
  ) {}

  static yaml(locator: Locator, problems: Problems, aliases: Readonly<Record<string, string>>): Reading {
    return new Reading((path) => locator.value(path), problems, aliases);
  }

  origin(path: Path, field = formatPath(path)): Origin {
    return { ...this.where(path), field };
  }

  problem(kind: LaunchProblem["kind"], origin: Origin, message: string, needs: Needs): void {
    this.problems.add({ kind, field: origin.field, line: origin.line, column: origin.column, message, needs });
  }

  /**
   * A scalar as text, or null (with a problem) when it is templated, too long, not a scalar or carries invisible
   * characters; `needs` is what the manifest entry must state instead.
   */
  text(value: unknown, origin: Origin, needs: Needs): string | null {
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value !== "string") {
      this.problem("unreadable", origin, `${origin.field} is not a single value${hint(needs)}`, needs);
      return null;
    }
    const s = value.trim();
    if (s.length > MAX_TEXT) {
      this.problem("unreadable", origin, `${origin.field} is longer than ${MAX_TEXT} characters${hint(needs)}`, needs);
      return null;
    }
    if (INVISIBLE.test(s)) {
      this.problem("unreadable", origin, `${origin.field} contains control or bidirectional formatting characters${hint(needs)}`, needs);
      return null;
    }
    if (TEMPLATED.test(s)) {
      this.problem("templated", origin, `${origin.field} is templated (${JSON.stringify(s)}): nothing in a config is expanded${hint(needs)}`, needs);
      return null;
    }
    return s;
  }

  /** A whole number from 1 to MAX_COUNT (or from `min`), as a number or a string of digits; null with a problem otherwise. */
  count(value: unknown, origin: Origin, needs: Needs = "count", min = 1): number | null {
    const s = this.text(value, origin, needs);
    if (s === null) return null;
    const n = /^\d{1,9}$/.test(s) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < min || n > MAX_COUNT) {
      this.problem("unreadable", origin, `${origin.field} is ${JSON.stringify(s)}, not a whole number from ${min} to ${MAX_COUNT}${hint(needs)}`, needs);
      return null;
    }
    return n;
  }

  /**
   * The catalogue accelerator a format's name means: a site alias first, then the format's own meaning of the name
   * (`special`), a TPU slice, an instance type, the catalogue's names. Returns the accelerator and the accelerators
   * per unit the name stands for (8 for `p5.48xlarge`, 16 chips for `v4-32`), or null with a problem.
   */
  accelerator(written: string, origin: Origin, special?: (name: string) => { id: string; note: string } | undefined): Resolved | null {
    const alias = lookupAlias(this.aliases, written);
    if (alias) return resolvedId(written, alias, `${written} is ${alias} by the manifest's aliases`, origin, null);
    const own = special?.(written);
    if (own) return resolvedId(written, own.id, own.note, origin, null);
    const slice = findTpuSlice(written);
    if (typeof slice === "string") {
      this.problem("unreadable", origin, `${slice}; state accelerator and count`, "accelerator");
      return null;
    }
    if (slice)
      return resolvedId(written, slice.accelerator.id, slice.note, origin, { value: slice.chips, label: `${slice.chips} chips per ${written}`, origin });
    const instance = findInstanceType(written);
    if (instance) {
      const unit = { value: instance.count, label: `${instance.count} × ${instance.accelerator} per ${instance.instance_type}`, origin };
      return resolvedId(
        written,
        instance.accelerator,
        `${instance.instance_type} carries ${instance.count} × ${instance.accelerator} (${instance.source}, ${instance.year})`,
        origin,
        unit,
      );
    }
    const found = findAccelerator(written);
    if (found.ok) {
      const note = found.ambiguity ? ambiguousMessage(written, found.value, found.ambiguity) : null;
      return resolvedId(written, found.value.id, note, origin, null);
    }
    this.problem(
      "unreadable",
      origin,
      `${JSON.stringify(written)} is neither a catalogue accelerator nor a known instance type; map it with the manifest's aliases or state accelerator`,
      "accelerator",
    );
    return null;
  }
}

/** An accelerator resolved from a name, and the accelerators one unit of that name stands for (null: one). */
export interface Resolved {
  accelerator: StatedAccelerator;
  unit: Factor | null;
}

export type Factor = StatedCount["factors"][number];

function resolvedId(written: string, id: string, note: string | null, origin: Origin, unit: Factor | null): Resolved {
  return { accelerator: { written, id, note, origin }, unit };
}

function lookupAlias(aliases: Readonly<Record<string, string>>, written: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(aliases, written) ? aliases[written] : undefined;
}

function hint(needs: Needs): string {
  return needs ? `; state ${needs} in the manifest entry` : "";
}

/** The product of the factors that are known, or null when one is missing (already reported). */
export function product(factors: (Factor | null)[], reading: Reading, at: Origin): StatedCount | null {
  if (factors.some((f) => f === null)) return null;
  const known = factors as Factor[];
  const value = known.reduce((a, f) => a * f.value, 1);
  if (!Number.isFinite(value) || value > MAX_COUNT) {
    reading.problem("unreadable", at, `the accelerator count comes to more than ${MAX_COUNT}; state count in the manifest entry`, "count");
    return null;
  }
  return { value, factors: known };
}

/** Counts added up (worker pools, leader and workers): one stays as it is; several are the terms of a sum. */
export function sum(counts: StatedCount[]): StatedCount {
  return counts.length === 1 ? counts[0]! : { value: counts.reduce((a, c) => a + c.value, 0), factors: [], terms: counts };
}

/** `1 pod`, `2 pods`. */
export function counted(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A factor the format supplies when the config is silent (one node, one replica): no origin, said in its label. */
export function defaulted(value: number, label: string): Factor {
  return { value, label, origin: null };
}

/**
 * Candidates once each (a range whose ends coincide is one way to run), at most MAX_CANDIDATES (a problem says
 * when some were left out).
 */
export function bounded(all: LaunchCandidate[], reading: Reading, at: Origin): LaunchCandidate[] {
  const seen = new Set<string>();
  const candidates = all.filter((c) => {
    const key = `${c.accelerator?.id ?? c.accelerator?.written ?? ""}\u0000${c.count?.value ?? ""}\u0000${c.location?.value ?? ""}`;
    return !seen.has(key) && seen.add(key);
  });
  if (candidates.length <= MAX_CANDIDATES) return candidates;
  reading.problem("limit", at, `more than ${MAX_CANDIDATES} ways to run this job; only the first ${MAX_CANDIDATES} are read`, null);
  return candidates.slice(0, MAX_CANDIDATES);
}

/** A time limit in hours with its origin, or null for none (0 or unlimited) or an unreadable value (reported). */
export function hoursLimit(hours: number | null, origin: Origin): Stated<number> | null {
  return hours === null || hours <= 0 ? null : { value: hours, origin };
}

/** The value at `key` of a mapping, or undefined (no inherited keys, no non-objects). */
export function get(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A location as the manifest writes it: `provider:region`, lower-case. */
export function location(provider: string, region: string, origin: Origin): Stated<string> {
  const p = provider.toLowerCase() === "google" ? "gcp" : provider.toLowerCase();
  // A Google Cloud zone (us-central1-a) names its region and a suffix.
  const r = p === "gcp" ? region.toLowerCase().replace(/^([a-z]+-[a-z]+\d+)-[a-z]$/, "$1") : region.toLowerCase();
  return { value: `${p}:${r}`, origin };
}
