// The manifest's cross-field rules (what its JSON Schema cannot state clearly) and its catalogue names, checked once
// after parsing. Entries that pass go to the estimator with their accelerator, location and request rate resolved,
// so nothing is looked up twice.
import {
  ambiguousMessage,
  customMessage,
  findAccelerator,
  findLocation,
  limitSuggestions,
  unknownMessage,
  type Accelerator,
  type Lookup,
  type ResolvedLocation,
} from "../catalogue/index.js";
import { capacityProblem } from "../capacity/index.js";
import { findTpuSlice, type TpuSlice } from "../catalogue/tpu.js";
import type { Kind } from "../estimate/types.js";
import { DEFAULT_PERIOD, type Period } from "../period/index.js";
import type { Finding, Rule, Severity } from "../findings.js";
import { formatPath, type Locator, type Path } from "./parse.js";
import { acceleratorCountMessage, acceleratorWithCount, increaseFraction } from "./slips.js";
import type { InferenceEntry, InferenceInput, Manifest, Measured, Throughput, TrainingEntry, TrainingInput } from "./schema.js";

/** Where a finding points: the value at a path, or the key of its last segment (for a key that must not be there). */
export type Where = { value: Path } | { key: Path };

/** The file a finding is about and how to place it there. */
export interface FindingPlace {
  file: string;
  locator: Locator;
}

/** `at`, a place below the entry at `path`, as a place in the manifest. */
export function below(path: Path, at: Where): Where {
  return "key" in at ? { key: [...path, ...at.key] } : { value: [...path, ...at.value] };
}

/** A finding of the entry at `path`. */
export function entryFinding(place: FindingPlace, path: Path, f: EntryFinding): Finding {
  return findingAt(place, f.rule, f.severity, f.message, below(path, f.at));
}

export function findingAt(place: FindingPlace, rule: Rule, severity: Severity, message: string, where: Where): Finding {
  return { rule, severity, message, file: place.file, ...("key" in where ? place.locator.key(where.key) : place.locator.value(where.value)) };
}

/** An entry that passed the rules, with the names it uses resolved. */
export interface ResolvedEntry {
  kind: Kind;
  index: number;
  entry: TrainingEntry | InferenceEntry;
  /** `[kind, index]`, the entry's path in the manifest. */
  path: Path;
  /** The catalogue model, or a custom one built from the entry's power_w; null when the entry names none. */
  accelerator: Accelerator | null;
  location: ResolvedLocation | null;
  /** The throughput form's sustained rate in requests per second; null in the other forms. */
  rate: number | null;
}

export interface RulesResult {
  findings: Finding[];
  /** The entries that pass every rule, training first, in manifest order. */
  entries: ResolvedEntry[];
}

export const MARKET_BOTH =
  "give carbon_free_energy or market_based_intensity, not both (the share derives a market-based factor from the grid's; the factor states it)";

/**
 * Every rule of a schema-valid manifest; each finding is reported at the offending key.
 * It runs once per check over up to thousands of entries, mostly before V8 optimises it. So it makes one pass over
 * the entries, and an entry without findings allocates only its result: findings go straight into the list of their
 * rule, and their places are built only for them.
 */
export function checkRules(manifest: Manifest, place: FindingPlace, unsettled: ReadonlySet<string> = NO_KEYS): RulesResult {
  return limitSuggestions(() => {
    const d = manifest.defaults;
    const cx: Checking = {
      place,
      names: new Names(),
      defaultLocation: d?.location,
      period: manifest.period ?? DEFAULT_PERIOD,
      unsettled,
      ids: [],
      measured: [],
      findings: [],
      notices: [],
    };
    const entries: ResolvedEntry[] = [];
    const training = checkSection(cx, "training", manifest.training, null, entries);
    checkSection(cx, "inference", manifest.inference, training, entries);
    const datasets: SectionIds = { section: "datasets", first: new Map() };
    const sets = manifest.datasets ?? NONE;
    for (let i = 0; i < sets.length; i++) uniqueId(cx, datasets, null, "dataset", sets[i]!.id, i);
    const both =
      d?.carbon_free_energy !== undefined && d.market_based_intensity !== undefined
        ? [findingAt(place, "manifest/invalid", "error", MARKET_BOTH, { key: ["defaults", "market_based_intensity"] })]
        : NONE;
    if (manifest.aliases !== undefined) aliasTargets(cx, manifest.aliases);
    for (const [i, glob] of (manifest.launch_configs?.ignore ?? NONE).entries()) {
      const problem = ignoreProblem(glob);
      if (problem !== null) cx.findings.push(findingAt(place, "manifest/invalid", "error", problem, { value: ["launch_configs", "ignore", i] }));
    }
    const fraction = manifest.budget?.increase_pct === undefined ? null : increaseFraction(manifest.budget.increase_pct);
    const slips = fraction === null ? NONE : [findingAt(place, "budget/increase-fraction", "notice", fraction, { value: ["budget", "increase_pct"] })];
    return { findings: cx.ids.concat(cx.measured, both, cx.findings, slips), entries };
  });
}

/** Every alias names a catalogue accelerator or a location. */
function aliasTargets(cx: Checking, aliases: Readonly<Record<string, string>>): void {
  for (const [name, target] of Object.entries(aliases)) {
    if (cx.names.accelerator(target).ok || cx.names.location(target).ok) continue;
    const found = cx.names.accelerator(target);
    const message = `aliases.${name.slice(0, 100)}: ${unknownMessage("accelerator", target, found.ok ? [] : found.suggestions)} (an alias names a catalogue accelerator or a location)`;
    cx.findings.push(findingAt(cx.place, "data/unknown-accelerator", "error", message, { value: ["aliases", name] }));
  }
}

/** Glob wildcards a launch_configs.ignore pattern may hold: each is matched against every launch config found, and
 *  the time a match takes grows with the path's length to the power of their number. */
const MAX_IGNORE_WILDCARDS = 2;

/** Why an ignore pattern is refused, or null. */
export function ignoreProblem(glob: string): string | null {
  if (glob.startsWith("/") || glob.split("/").includes(".."))
    return `launch_configs.ignore: ${JSON.stringify(glob)} must stay inside the repository (relative to the manifest, no ..)`;
  if ((glob.match(/\*+/g) ?? NONE).length > MAX_IGNORE_WILDCARDS)
    return `launch_configs.ignore: ${JSON.stringify(glob)} has more than ${MAX_IGNORE_WILDCARDS} wildcards (* or **); list the configs, or a folder (configs/**)`;
  return null;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** The entries of one section checked, those that pass added to `out`; the section's ids, for the next one's. */
function checkSection(
  cx: Checking,
  kind: Kind,
  section: readonly (TrainingInput | InferenceInput)[] | undefined,
  earlier: SectionIds | null,
  out: ResolvedEntry[],
): SectionIds {
  const ids: SectionIds = { section: kind, first: new Map() };
  const n = section?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const entry = section![i]!;
    uniqueId(cx, ids, earlier, "entry", entry.id, i);
    if (entry.measured !== undefined) measuredForm(cx, kind, entry.measured, i);
    const resolved = checkEntry(cx, kind, entry, i);
    if (resolved) out.push(resolved);
  }
  return ids;
}

const NONE: readonly never[] = [];

/** Catalogue lookups of one manifest: each distinct name is looked up once, and resolves to one object. */
class Names {
  private readonly accelerators = new Map<string, ReturnType<typeof findAccelerator>>();
  private readonly locations = new Map<string, Lookup<ResolvedLocation>>();
  private readonly customs = new Map<string, Accelerator>();
  private readonly withCounts = new Map<string, { model: string; count: number } | null>();
  private readonly slices = new Map<string, TpuSlice | string | null>();

  /** A TPU slice name (`TPU v3-256`): its chip model and chip count; a sentence when its size cannot be one; else null. */
  slice(name: string): TpuSlice | string | null {
    let found = this.slices.get(name);
    if (found === undefined) this.slices.set(name, (found = findTpuSlice(name)));
    return found;
  }

  accelerator(name: string): ReturnType<typeof findAccelerator> {
    let found = this.accelerators.get(name);
    if (!found) this.accelerators.set(name, (found = findAccelerator(name)));
    return found;
  }

  /** A model the catalogue lacks: the entry's power (and peak) figures stand in for the catalogue's. */
  custom(name: string): Accelerator {
    let found = this.customs.get(name);
    if (!found) this.customs.set(name, (found = customAccelerator(name)));
    return found;
  }

  /** The model and count of a name that holds both (`H100:8`), else null. */
  counted(name: string): { model: string; count: number } | null {
    let found = this.withCounts.get(name);
    if (found === undefined) this.withCounts.set(name, (found = countedAccelerator(name)));
    return found;
  }

  location(name: string): Lookup<ResolvedLocation> {
    let found = this.locations.get(name);
    if (!found) this.locations.set(name, (found = findLocation(name)));
    return found;
  }
}

/** What the checks of one manifest's entries share. */
interface Checking {
  place: FindingPlace;
  names: Names;
  defaultLocation: string | undefined;
  /** The window a service without hours serves. */
  period: Period;
  /** Entries (`training.3`) whose launch config could not be read, reported where it was read: not estimated. */
  unsettled: ReadonlySet<string>;
  /** Findings by rule, in the order they are reported: duplicate ids, measured blocks, then the entries' other rules. */
  ids: Finding[];
  measured: Finding[];
  /** An entry's problems are added as they are found. */
  findings: Finding[];
  /** The current entry's notices, added after its problems; emptied for the next entry. */
  notices: Finding[];
}

/** A problem of the entry at `path`, at `at` below it. */
function invalid(cx: Checking, path: Path, message: string, at: Where): void {
  cx.findings.push(findingAt(cx.place, "manifest/invalid", "error", message, below(path, at)));
}

/** The entry resolved, or null when it has a problem (reported in cx.findings). */
function checkEntry(cx: Checking, kind: Kind, input: TrainingInput | InferenceInput, index: number): ResolvedEntry | null {
  const path: Path = [kind, index];
  if (cx.unsettled.size > 0 && cx.unsettled.has(`${kind}.${index}`)) return null;
  // A launch config's limit replaces `limit` before the rules run (launch/resolve.ts); one left here has no config.
  if (input.hours === "limit") {
    invalid(cx, path, "hours: limit takes the time limit the entry's launch config states; add from: (the config), or give hours as a number", {
      value: ["hours"],
    });
    return null;
  }
  const stated = input as TrainingEntry | InferenceEntry;
  const problemsBefore = cx.findings.length;
  // A slice name says its chip count: the entry is estimated with that count unless it states one (checked below).
  const slice = stated.accelerator !== undefined ? cx.names.slice(stated.accelerator) : null;
  const entry = slice !== null && typeof slice === "object" && stated.count === undefined ? { ...stated, count: slice.chips } : stated;
  const t = entry as TrainingEntry;
  const inf = entry as InferenceEntry;
  if (kind === "training") trainingForm(cx, path, t);
  else inferenceForm(cx, path, inf);
  if (!entry.accelerator && (kind === "training" ? t.hours !== undefined || t.gpu_hours !== undefined || t.compute !== undefined : inf.count !== undefined)) {
    const custom =
      entry.power_w !== undefined
        ? `; with power_w stated, any name works (a custom accelerator, e.g. accelerator: Jetson AGX Orin)`
        : " (a catalogue id or alias, or any name with power_w)";
    invalid(cx, path, `accelerator is required to estimate this entry${custom}`, { value: ["id"] });
  }

  const accelerator =
    slice !== null ? sliceOf(cx, stated, slice, path) : entry.accelerator !== undefined ? acceleratorOf(cx, kind, entry, entry.accelerator, path) : null;

  const locationInput = entry.location ?? cx.defaultLocation;
  let location: ResolvedLocation | null = null;
  if (locationInput !== undefined) {
    const found = cx.names.location(locationInput);
    if (found.ok) {
      location = found.value;
      if (location.notice !== null)
        cx.notices.push(findingAt(cx.place, "data/place-zone", "notice", location.notice, { value: locationPath({ entry, path }) }));
    } else {
      const message = unknownMessage("location", locationInput, found.suggestions, found.hint);
      cx.findings.push(findingAt(cx.place, "data/unknown-location", "error", message, { value: locationPath({ entry, path }) }));
    }
  }

  const rate = kind === "inference" && inf.throughput !== undefined && throughputProblem(inf.throughput) === null ? requestRate(inf.throughput) : null;
  if (rate !== null && inf.requests !== undefined) {
    const problem = capacityProblem({ requests: inf.requests, rate, count: inf.count ?? null, hours: inf.hours ?? null, period: cx.period });
    if (problem !== null) invalid(cx, path, problem, { key: ["requests"] });
  }
  if (entry.carbon_free_energy !== undefined && entry.market_based_intensity !== undefined) invalid(cx, path, MARKET_BOTH, { key: ["market_based_intensity"] });
  const fraction = entry.budget?.increase_pct === undefined ? null : increaseFraction(entry.budget.increase_pct);
  if (fraction !== null) cx.notices.push(findingAt(cx.place, "budget/increase-fraction", "notice", fraction, { value: [...path, "budget", "increase_pct"] }));

  const ok = cx.findings.length === problemsBefore;
  if (cx.notices.length > 0) {
    for (let i = 0; i < cx.notices.length; i++) cx.findings.push(cx.notices[i]!);
    cx.notices.length = 0;
  }
  return ok ? { kind, index, entry, path, accelerator, location, rate } : null;
}

/** A finding at a place below an entry. */
export interface EntryFinding {
  rule: Rule;
  severity: Severity;
  message: string;
  at: Where;
}

const AT_ACCELERATOR: Where = { value: ["accelerator"] };

/** The catalogue model an entry names, or a custom one where it states power_w (null: unknown, reported). */
function acceleratorOf(cx: Checking, kind: Kind, entry: TrainingEntry | InferenceEntry, name: string, path: Path): Accelerator | null {
  const counted = cx.names.counted(name);
  if (counted !== null) {
    invalid(cx, path, acceleratorCountMessage(name, counted, entry.count), AT_ACCELERATOR);
    return null;
  }
  const found = cx.names.accelerator(name);
  if (found.ok) {
    if (found.ambiguity) {
      const message = ambiguousMessage(name, found.value, found.ambiguity);
      cx.notices.push(findingAt(cx.place, "data/ambiguous-accelerator", "notice", message, below(path, AT_ACCELERATOR)));
    }
    return found.value;
  }
  if (entry.power_w === undefined) {
    const message = unknownMessage("accelerator", name, found.suggestions, found.hint);
    cx.findings.push(findingAt(cx.place, "data/unknown-accelerator", "error", message, below(path, AT_ACCELERATOR)));
    return null;
  }
  const model = cx.names.custom(name);
  const peak = kind === "training" ? (entry as TrainingEntry).peak_tflops : undefined;
  const notice = customMessage(model.name, entry.power_w, peak);
  cx.notices.push(findingAt(cx.place, "data/custom-accelerator", "notice", notice, below(path, AT_ACCELERATOR)));
  if (kind === "training" && (entry as TrainingEntry).compute !== undefined && peak === undefined) {
    const message = `compute needs peak_tflops for the custom accelerator ${JSON.stringify(model.name.slice(0, 100))} (or give hours or gpu_hours)`;
    invalid(cx, path, message, { key: ["compute"] });
  }
  return model;
}

/** A name that is a model and a count (`H100:8`, `A100 x 8`): never a model of its own, nor a custom accelerator. */
function countedAccelerator(name: string): { model: string; count: number } | null {
  const counted = acceleratorWithCount(name);
  // `A100 x 8` only where the model is one the catalogue knows; a colon is never part of a model's name.
  return counted !== null && (name.includes(":") || findAccelerator(counted.model).ok) ? counted : null;
}

/** The chip model of a slice name, with the notice that shows the derived count; a stated count must agree. */
function sliceOf(cx: Checking, entry: TrainingEntry | InferenceEntry, slice: TpuSlice | string, path: Path): Accelerator | null {
  if (typeof slice === "string") {
    cx.findings.push(findingAt(cx.place, "data/unknown-accelerator", "error", slice, below(path, AT_ACCELERATOR)));
    return null;
  }
  if (entry.count !== undefined && entry.count !== slice.chips) {
    const message = `count ${entry.count} disagrees with the slice: ${slice.note}; remove count (it is derived) or name the slice that has ${entry.count} chips`;
    invalid(cx, path, message, { value: ["count"] });
  } else {
    cx.notices.push(findingAt(cx.place, "data/tpu-slice", "notice", `count ${slice.chips} is derived: ${slice.note}`, below(path, AT_ACCELERATOR)));
  }
  return slice.accelerator;
}

/** Where an entry's location is written: on the entry, or in defaults. */
export function locationPath({ entry, path }: Pick<ResolvedEntry, "entry" | "path">): Path {
  return entry.location !== undefined ? [...path, "location"] : ["defaults", "location"];
}

const DURATIONS = ["hours", "gpu_hours", "compute"] as const;

/** Exactly one of hours (with count), gpu_hours or compute, unless the entry states a measured figure. */
function trainingForm(cx: Checking, path: Path, t: TrainingEntry): void {
  const given = (t.hours !== undefined ? 1 : 0) + (t.gpu_hours !== undefined ? 1 : 0) + (t.compute !== undefined ? 1 : 0);
  if (given > 1) {
    const found = DURATIONS.filter((k) => t[k] !== undefined);
    invalid(cx, path, `give exactly one of hours, gpu_hours or compute (found ${found.join(", ")})`, { key: [found[1]!] });
  } else if (given === 0 && t.measured === undefined) {
    invalid(cx, path, "give one of hours (with count), gpu_hours or compute, or a measured figure", { value: ["id"] });
  }
  if (t.hours !== undefined && t.count === undefined) invalid(cx, path, "hours needs count (accelerators in the run); or give gpu_hours", { key: ["hours"] });
}

/** One of the fleet form (accelerator and count), the request form (energy_per_request_wh and requests) or the throughput form. */
function inferenceForm(cx: Checking, path: Path, inf: InferenceEntry): void {
  const requestForm = inf.energy_per_request_wh !== undefined;
  if (requestForm && (inf.count !== undefined || inf.power_w !== undefined || inf.utilization !== undefined || inf.throughput !== undefined)) {
    const k = inf.count !== undefined ? "count" : inf.power_w !== undefined ? "power_w" : inf.utilization !== undefined ? "utilization" : "throughput";
    const message = `energy_per_request_wh (request form) cannot be combined with ${k} (${k === "throughput" ? "throughput" : "fleet"} form); keep one form`;
    invalid(cx, path, message, { key: [k] });
  }
  if (inf.energy_basis !== undefined && !requestForm) {
    const message = "energy_basis describes energy_per_request_wh, which this entry does not state; for a measured figure, write it inside measured";
    invalid(cx, path, message, { key: ["energy_basis"] });
  }
  const tp = throughputProblem(inf.throughput);
  if (tp !== null) invalid(cx, path, tp.message, { key: tp.at === null ? ["throughput"] : ["throughput", tp.at] });
  if (requestForm && inf.requests === undefined)
    invalid(cx, path, "energy_per_request_wh needs requests (N over the period)", { key: ["energy_per_request_wh"] });
  if (!requestForm && inf.measured === undefined && (inf.accelerator === undefined || inf.count === undefined)) {
    const message = "an inference entry needs accelerator and count (fleet form) or energy_per_request_wh and requests (request form)";
    invalid(cx, path, message, { value: ["id"] });
  }
}

/** The rule `throughput` breaks, with the key below it that the rule is about (null: throughput itself); null if none. */
function throughputProblem(tp: Throughput | undefined): { message: string; at: string | null } | null {
  if (tp === undefined) return null;
  if (tp.requests_per_second !== undefined && tp.tokens_per_second !== undefined) {
    return { message: "give one rate in throughput: requests_per_second or tokens_per_second (found both)", at: "tokens_per_second" };
  }
  if (tp.requests_per_second === undefined && tp.tokens_per_second === undefined) {
    return { message: "throughput needs requests_per_second, or tokens_per_second with tokens_per_request", at: null };
  }
  if (tp.tokens_per_second !== undefined && tp.tokens_per_request === undefined) {
    return { message: "tokens_per_second needs tokens_per_request, to turn the token rate into requests", at: "tokens_per_second" };
  }
  return null;
}

/** Requests per second of a valid throughput statement. */
function requestRate(tp: Throughput): number {
  return tp.requests_per_second ?? tp.tokens_per_second! / tp.tokens_per_request!;
}

function customAccelerator(input: string): Accelerator {
  // One line: the name is shown in table cells.
  const name = input.replace(/\s+/g, " ").trim();
  return {
    id: name,
    vendor: "",
    name,
    tdp_w: null,
    typical_power_w: null,
    power_w: null,
    power_basis: null,
    power_source: null,
    power_year: null,
    peak_bf16_dense_tflops: null,
    embodied: null,
    aliases: [],
    source: "manifest",
    year: 0,
  };
}

/** The ids of one section. Indexes, not `section[i]` strings: a place is written only for a duplicate. */
interface SectionIds {
  section: string;
  first: Map<string, number>;
}

/**
 * Entry ids are unique across training and inference (they key the base → head diff), and dataset ids among datasets:
 * an id used before, in `earlier` or higher up in its own section, is reported.
 */
function uniqueId(cx: Checking, ids: SectionIds, earlier: SectionIds | null, what: string, id: string, i: number): void {
  const before = earlier?.first.get(id);
  const prev = before !== undefined ? `${earlier!.section}[${before}]` : ids.first.has(id) ? `${ids.section}[${ids.first.get(id)}]` : null;
  if (prev === null) ids.first.set(id, i);
  else {
    const message = `${ids.section}[${i}].id: duplicate ${what} id \`${id}\` (first used at ${prev}); ids must be unique`;
    cx.ids.push(findingAt(cx.place, "manifest/invalid", "error", message, { value: [ids.section, i, "id"] }));
  }
}

/** A measured figure is either CodeCarbon files or an energy figure. */
function measuredForm(cx: Checking, kind: Kind, m: Measured, i: number): void {
  if ((m.codecarbon === undefined) === (m.energy_kwh === undefined)) {
    const path = [kind, i, "measured"];
    cx.measured.push(findingAt(cx.place, "manifest/invalid", "error", `${formatPath(path)}: give exactly one of codecarbon or energy_kwh`, { key: path }));
  }
}

/** Unknown accelerators and locations in a manifest that failed the schema, so every problem shows at once. */
export function catalogueFindings(data: unknown, place: FindingPlace): Finding[] {
  return limitSuggestions(() => {
    const out: Finding[] = [];
    const names = new Names();
    const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
    if (!isRecord(data)) return out;
    const checkLocation = (value: unknown, path: Path) => {
      if (typeof value !== "string") return;
      const found = names.location(value);
      if (!found.ok)
        out.push(findingAt(place, "data/unknown-location", "error", unknownMessage("location", value, found.suggestions, found.hint), { value: path }));
    };
    if (isRecord(data.defaults)) checkLocation(data.defaults.location, ["defaults", "location"]);
    for (const section of ["training", "inference"]) {
      const entries = data[section];
      if (!Array.isArray(entries)) continue;
      entries.forEach((e: unknown, i) => {
        if (!isRecord(e)) return;
        const counted = typeof e.accelerator === "string" ? names.counted(e.accelerator) : null;
        if (counted !== null) {
          const count = typeof e.count === "number" ? e.count : undefined;
          const message = acceleratorCountMessage(e.accelerator as string, counted, count);
          out.push(findingAt(place, "manifest/invalid", "error", message, { value: [section, i, "accelerator"] }));
        } else if (typeof e.accelerator === "string" && e.power_w === undefined && names.slice(e.accelerator) === null) {
          // With power_w an unknown name is a custom accelerator (reported once the schema passes).
          const found = names.accelerator(e.accelerator);
          if (!found.ok) {
            const message = unknownMessage("accelerator", e.accelerator, found.suggestions, found.hint);
            out.push(findingAt(place, "data/unknown-accelerator", "error", message, { value: [section, i, "accelerator"] }));
          }
        }
        checkLocation(e.location, [section, i, "location"]);
      });
    }
    return out;
  });
}
