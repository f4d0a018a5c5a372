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
import type { Kind } from "../estimate/types.js";
import type { Finding, Rule, Severity } from "../findings.js";
import { formatPath, type Locator, type Path } from "./parse.js";
import type { InferenceEntry, Manifest, Throughput, TrainingEntry } from "./schema.js";

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

/** Every rule of a schema-valid manifest; each finding is reported at the offending key. */
export function checkRules(manifest: Manifest, place: FindingPlace): RulesResult {
  return limitSuggestions(() => {
    const names = new Names();
    const findings = [...duplicateIds(manifest, place), ...measuredForms(manifest, place)];
    const d = manifest.defaults;
    if (d?.carbon_free_energy !== undefined && d.market_based_intensity !== undefined) {
      findings.push(findingAt(place, "manifest/invalid", "error", MARKET_BOTH, { key: ["defaults", "market_based_intensity"] }));
    }
    const entries: ResolvedEntry[] = [];
    const check = (kind: Kind, entry: TrainingEntry | InferenceEntry, index: number) => {
      const checked = checkEntry(kind, entry, [kind, index], manifest, place, names);
      for (const f of checked.findings) findings.push(f);
      if (checked.ok) entries.push(checked.entry);
    };
    manifest.training?.forEach((e, i) => check("training", e, i));
    manifest.inference?.forEach((e, i) => check("inference", e, i));
    return { findings, entries };
  });
}

/** Catalogue lookups of one manifest: each distinct name is looked up once, and resolves to one object. */
class Names {
  private readonly accelerators = new Map<string, ReturnType<typeof findAccelerator>>();
  private readonly locations = new Map<string, Lookup<ResolvedLocation>>();
  private readonly customs = new Map<string, Accelerator>();

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

  location(name: string): Lookup<ResolvedLocation> {
    let found = this.locations.get(name);
    if (!found) this.locations.set(name, (found = findLocation(name)));
    return found;
  }
}

type EntryCheck = { ok: true; entry: ResolvedEntry; findings: Finding[] } | { ok: false; findings: Finding[] };

function checkEntry(kind: Kind, entry: TrainingEntry | InferenceEntry, path: Path, manifest: Manifest, place: FindingPlace, names: Names): EntryCheck {
  const problems: Finding[] = [];
  const notices: Finding[] = [];
  const invalid = (message: string, where: Where) => problems.push(findingAt(place, "manifest/invalid", "error", message, where));

  for (const p of kind === "training" ? trainingForm(entry) : inferenceForm(entry)) {
    invalid(p.message, below(path, p.at));
  }
  const t = entry as TrainingEntry;
  const inf = entry as InferenceEntry;
  if (!entry.accelerator && (kind === "training" ? t.hours !== undefined || t.gpu_hours !== undefined || t.compute !== undefined : inf.count !== undefined)) {
    const custom =
      entry.power_w !== undefined
        ? `; with power_w stated, any name works (a custom accelerator, e.g. accelerator: Jetson AGX Orin)`
        : " (a catalogue id or alias, or any name with power_w)";
    invalid(`accelerator is required to estimate this entry${custom}`, { value: [...path, "id"] });
  }

  const accelerator = entry.accelerator !== undefined ? acceleratorOf(kind, entry, entry.accelerator, names) : { model: null, problems: [], notices: [] };
  for (const p of accelerator.problems) problems.push(entryFinding(place, path, p));
  for (const n of accelerator.notices) notices.push(entryFinding(place, path, n));

  const locationInput = entry.location ?? manifest.defaults?.location;
  let location: ResolvedLocation | null = null;
  if (locationInput !== undefined) {
    const found = names.location(locationInput);
    if (found.ok) location = found.value;
    else {
      const message = unknownMessage("location", locationInput, found.suggestions);
      problems.push(findingAt(place, "data/unknown-location", "error", message, { value: locationPath({ entry, path }) }));
    }
  }

  const rate = kind === "inference" && inf.throughput !== undefined && throughputProblems(inf.throughput).length === 0 ? requestRate(inf.throughput) : null;
  if (rate !== null && inf.requests !== undefined && inf.hours !== undefined && inf.requests / rate / 3600 > inf.hours * (1 + 1e-9)) {
    const busy = inf.requests / rate / 3600;
    invalid(
      `${inf.requests} requests at ${Number(rate.toPrecision(6))} requests/s take ${Number(busy.toPrecision(4))} h, more than hours (${inf.hours}); raise the rate or lower requests, or drop hours (energy follows requests ÷ rate)`,
      { key: [...path, "requests"] },
    );
  }
  if (entry.carbon_free_energy !== undefined && entry.market_based_intensity !== undefined) invalid(MARKET_BOTH, { key: [...path, "market_based_intensity"] });

  if (problems.length > 0) return { ok: false, findings: problems.concat(notices) };
  return { ok: true, findings: notices, entry: { kind, index: path[1] as number, entry, path, accelerator: accelerator.model, location, rate } };
}

/** A finding at a place below an entry. */
export interface EntryFinding {
  rule: Rule;
  severity: Severity;
  message: string;
  at: Where;
}

/** The catalogue model an entry names, or a custom one where it states power_w. */
function acceleratorOf(
  kind: Kind,
  entry: TrainingEntry | InferenceEntry,
  name: string,
  names: Names,
): { model: Accelerator | null; problems: EntryFinding[]; notices: EntryFinding[] } {
  const found = names.accelerator(name);
  const at: Where = { value: ["accelerator"] };
  if (found.ok) {
    const notices: EntryFinding[] = found.ambiguity
      ? [{ rule: "data/ambiguous-accelerator", severity: "notice", message: ambiguousMessage(name, found.value, found.ambiguity), at }]
      : [];
    return { model: found.value, problems: [], notices };
  }
  if (entry.power_w === undefined) {
    return {
      model: null,
      problems: [{ rule: "data/unknown-accelerator", severity: "error", message: unknownMessage("accelerator", name, found.suggestions), at }],
      notices: [],
    };
  }
  const model = names.custom(name);
  const peak = kind === "training" ? (entry as TrainingEntry).peak_tflops : undefined;
  const notices: EntryFinding[] = [{ rule: "data/custom-accelerator", severity: "notice", message: customMessage(model.name, entry.power_w, peak), at }];
  const problems: EntryFinding[] =
    kind === "training" && (entry as TrainingEntry).compute !== undefined && peak === undefined
      ? [
          {
            rule: "manifest/invalid",
            severity: "error",
            message: `compute needs peak_tflops for the custom accelerator ${JSON.stringify(model.name.slice(0, 100))} (or give hours or gpu_hours)`,
            at: { key: ["compute"] },
          },
        ]
      : [];
  return { model, problems, notices };
}

/** Where an entry's location is written: on the entry, or in defaults. */
export function locationPath({ entry, path }: Pick<ResolvedEntry, "entry" | "path">): Path {
  return entry.location !== undefined ? [...path, "location"] : ["defaults", "location"];
}

/** A problem of an entry's form, at a path below the entry. */
interface FormProblem {
  message: string;
  at: Where;
}

const DURATIONS = ["hours", "gpu_hours", "compute"] as const;

/** Exactly one of hours (with count), gpu_hours or compute, unless the entry states a measured figure. */
function trainingForm(t: TrainingEntry): FormProblem[] {
  const out: FormProblem[] = [];
  const given = DURATIONS.filter((k) => t[k] !== undefined);
  if (given.length > 1) out.push({ message: `give exactly one of hours, gpu_hours or compute (found ${given.join(", ")})`, at: { key: [given[1]!] } });
  else if (given.length === 0 && t.measured === undefined) {
    out.push({ message: "give one of hours (with count), gpu_hours or compute, or a measured figure", at: { value: ["id"] } });
  }
  if (t.hours !== undefined && t.count === undefined)
    out.push({ message: "hours needs count (accelerators in the run); or give gpu_hours", at: { key: ["hours"] } });
  return out;
}

/** One of the fleet form (accelerator and count), the request form (energy_per_request_wh and requests) or the throughput form. */
function inferenceForm(inf: InferenceEntry): FormProblem[] {
  const out: FormProblem[] = [];
  const requestForm = inf.energy_per_request_wh !== undefined;
  if (requestForm && (inf.count !== undefined || inf.power_w !== undefined || inf.utilization !== undefined || inf.throughput !== undefined)) {
    const k = inf.count !== undefined ? "count" : inf.power_w !== undefined ? "power_w" : inf.utilization !== undefined ? "utilization" : "throughput";
    out.push({
      message: `energy_per_request_wh (request form) cannot be combined with ${k} (${k === "throughput" ? "throughput" : "fleet"} form); keep one form`,
      at: { key: [k] },
    });
  }
  for (const p of throughputProblems(inf.throughput)) out.push({ message: p.message, at: { key: ["throughput", ...p.at] } });
  if (requestForm && inf.requests === undefined)
    out.push({ message: "energy_per_request_wh needs requests (N over the period)", at: { key: ["energy_per_request_wh"] } });
  if (!requestForm && inf.measured === undefined && (inf.accelerator === undefined || inf.count === undefined)) {
    out.push({
      message: "an inference entry needs accelerator and count (fleet form) or energy_per_request_wh and requests (request form)",
      at: { value: ["id"] },
    });
  }
  return out;
}

/** Rules of `throughput`, each with the key it is about. */
function throughputProblems(tp: Throughput | undefined): { message: string; at: string[] }[] {
  if (tp === undefined) return [];
  if (tp.requests_per_second !== undefined && tp.tokens_per_second !== undefined) {
    return [{ message: "give one rate in throughput: requests_per_second or tokens_per_second (found both)", at: ["tokens_per_second"] }];
  }
  if (tp.requests_per_second === undefined && tp.tokens_per_second === undefined) {
    return [{ message: "throughput needs requests_per_second, or tokens_per_second with tokens_per_request", at: [] }];
  }
  if (tp.tokens_per_second !== undefined && tp.tokens_per_request === undefined) {
    return [{ message: "tokens_per_second needs tokens_per_request, to turn the token rate into requests", at: ["tokens_per_second"] }];
  }
  return [];
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
    aliases: [],
    source: "manifest",
    year: 0,
  };
}

/** Entry ids are unique across training and inference (they key the base → head diff), and dataset ids among datasets. */
function duplicateIds(manifest: Manifest, place: FindingPlace): Finding[] {
  const out: Finding[] = [];
  const check = (groups: [string, { id: string }[] | undefined][], what: string) => {
    const seen = new Map<string, string>();
    for (const [section, entries] of groups) {
      entries?.forEach((e, i) => {
        const prev = seen.get(e.id);
        if (prev) {
          const message = `${section}[${i}].id: duplicate ${what} id \`${e.id}\` (first used at ${prev}); ids must be unique`;
          out.push(findingAt(place, "manifest/invalid", "error", message, { value: [section, i, "id"] }));
        } else seen.set(e.id, `${section}[${i}]`);
      });
    }
  };
  check(
    [
      ["training", manifest.training],
      ["inference", manifest.inference],
    ],
    "entry",
  );
  check([["datasets", manifest.datasets]], "dataset");
  return out;
}

/** A measured figure is either CodeCarbon files or an energy figure. */
function measuredForms(manifest: Manifest, place: FindingPlace): Finding[] {
  const out: Finding[] = [];
  for (const kind of ["training", "inference"] as const) {
    manifest[kind]?.forEach((entry, i) => {
      const m = entry.measured;
      if (m && (m.codecarbon === undefined) === (m.energy_kwh === undefined)) {
        const path = [kind, i, "measured"];
        out.push(findingAt(place, "manifest/invalid", "error", `${formatPath(path)}: give exactly one of codecarbon or energy_kwh`, { key: path }));
      }
    });
  }
  return out;
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
      if (!found.ok) out.push(findingAt(place, "data/unknown-location", "error", unknownMessage("location", value, found.suggestions), { value: path }));
    };
    if (isRecord(data.defaults)) checkLocation(data.defaults.location, ["defaults", "location"]);
    for (const section of ["training", "inference"]) {
      const entries = data[section];
      if (!Array.isArray(entries)) continue;
      entries.forEach((e: unknown, i) => {
        if (!isRecord(e)) return;
        // With power_w an unknown name is a custom accelerator (reported once the schema passes).
        if (typeof e.accelerator === "string" && e.power_w === undefined) {
          const found = names.accelerator(e.accelerator);
          if (!found.ok) {
            const message = unknownMessage("accelerator", e.accelerator, found.suggestions);
            out.push(findingAt(place, "data/unknown-accelerator", "error", message, { value: [section, i, "accelerator"] }));
          }
        }
        checkLocation(e.location, [section, i, "location"]);
      });
    }
    return out;
  });
}
