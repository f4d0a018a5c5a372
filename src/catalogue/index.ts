// The sourced catalogue: accelerators, grid intensity by zone, cloud regions and fallback figures.
// Everything is bundled from data/*.json; nothing is read from the network or outside the project.
import acceleratorData from "../../data/accelerators.json" with { type: "json" };
import cfeData from "../../data/cfe.json" with { type: "json" };
import cloudData from "../../data/cloud.json" with { type: "json" };
import defaultsData from "../../data/defaults.json" with { type: "json" };
import gridData from "../../data/grid.json" with { type: "json" };
import { closest } from "../util/closest.js";
import { nameKey, unnamedHint } from "./names.js";
import { cloudRegion, clouds, placeKeys, placeNamed, placesInside, writable, type Place } from "./places.js";

export interface Accelerator {
  id: string;
  vendor: string;
  name: string;
  tdp_w: number | null;
  typical_power_w: number | null;
  /** The figure used when the manifest states no power_w (null: none published), with its basis and source. */
  power_w: number | null;
  /** "TDP", or how a published typical figure was obtained ("measured system power per chip"). */
  power_basis: string | null;
  power_source: string | null;
  power_year: number | null;
  peak_bf16_dense_tflops: number | null;
  /** Manufacturing CO2e per accelerator of its class, host share included; null: the default of defaults.embodied. */
  embodied: EmbodiedClass | null;
  aliases: string[];
  source: string;
  year: number;
}

/** An accelerator class's embodied carbon (generated from data/dies.csv by scripts/gen-accelerators.mjs). */
export interface EmbodiedClass {
  kg: number;
  /** What the figure is of: the die, its memory and the rated power its host share scales with. */
  class: string;
  source: string;
  year: number;
}

/** A figure together with where it comes from. */
export interface Sourced {
  value: number;
  source: string;
  year: number | null;
}

export type Provider = "aws" | "gcp" | "azure";

export interface ResolvedLocation {
  /** As the manifest author wrote it, normalised (`aws:us-east-1`, `zone:FR`). */
  id: string;
  provider: Provider | null;
  zone: string;
  zoneName: string;
  /** Where a cloud region is (city, country). */
  place: string | null;
  intensity: Sourced;
  pue: Sourced | null;
  wue: Sourced | null;
  /** How a place name was read, for the notice data/place-zone; null for a cloud region or zone id. */
  notice: string | null;
}

interface ProviderData {
  name: string;
  pue: { value: number; source: string; year: number };
  wue: { value: number | null; source: string; year: number } | null;
  regions: Record<string, { name: string; location: string; zone: string }>;
}

const PROVIDERS: readonly Provider[] = ["aws", "gcp", "azure"];
const accelerators = (acceleratorData as { accelerators: Accelerator[] }).accelerators;
const providers = (cloudData as unknown as { providers: Record<Provider, ProviderData> }).providers;
const grid = gridData as { source: string; zones: Record<string, { name: string; intensity: number; year: number; yearly: Record<string, number> }> };
const cfe = cfeData as {
  source: string;
  providers: Partial<Record<Provider, { regions: Record<string, { cfe: number; year: number; yearly: Record<string, number> }> }>>;
};

type GridYearly = { source: string; countries: Record<string, Record<string, number>> };
let gridYearly: GridYearly | undefined;

/**
 * Loads the countries' yearly series (data/grid-yearly.json) that zoneIntensityIn scales past years with. Only
 * manifests naming a `year` can need it, so it stays out of start-up; await it before estimating such entries.
 */
export async function loadYearlyGrid(): Promise<void> {
  gridYearly ??= (await import("../../data/grid-yearly.json", { with: { type: "json" } })).default as GridYearly;
}

export const defaults = defaultsData as {
  world_intensity: { value: number; source: string; year: number };
  unknown_pue: { value: number; source: string; year: number };
  wue_onsite: { value: number; source: string; year: number };
  ewif: { value: number; source: string; year: number };
  embodied: {
    per_accelerator_kg: number;
    per_server_kg: number;
    accelerators_per_server: number;
    per_accelerator_with_server_share_kg: number;
    lifetime_years: number;
    lifetime_utilization: number;
    source: string;
    year: number;
  };
  utilization: { training: number; inference: number; source: string; year: number | null };
  mfu: { value: number; source: string; year: number | null };
  facility_pue: Record<Facility, { value: number; source: string; year: number }>;
  throughput_utilization: { value: number; source: string; year: number | null };
};

export type Facility = "hyperscale" | "colocation" | "enterprise";

/** Catalogue names are plain ASCII, so their keys are never null. */
const normalise = (s: string) => nameKey(s)!;

let acceleratorIndex: Map<string, Accelerator> | undefined;
function index(): Map<string, Accelerator> {
  if (!acceleratorIndex) {
    // Built once, on the first look-up, while V8 still interprets this code: plain loops, no iterators.
    acceleratorIndex = new Map();
    for (let i = 0; i < accelerators.length; i++) {
      const a = accelerators[i]!;
      acceleratorIndex.set(normalise(a.id), a);
      for (let j = 0; j < a.aliases.length; j++) acceleratorIndex.set(normalise(a.aliases[j]!), a);
    }
  }
  return acceleratorIndex;
}

/** `hint`: what the name is, when that says more than the closest names (a country without a zone, a cloud not in the catalogue). */
export type Lookup<T> = { ok: true; value: T } | { ok: false; suggestions: string[]; hint?: string };

/**
 * Suggestions cost edit distances against the whole catalogue. Inside `limitSuggestions`, at most this many
 * distinct unknown names of each kind get them; findings beyond that are not shown anyway (see capFindings).
 */
export const MAX_SUGGESTED = 20;
const budget = { accelerator: Infinity, location: Infinity };

/** Runs `fn` with suggestions limited to MAX_SUGGESTED distinct unknown names per kind. */
export function limitSuggestions<T>(fn: () => T): T {
  const saved = { ...budget };
  budget.accelerator = budget.location = MAX_SUGGESTED;
  try {
    return fn();
  } finally {
    Object.assign(budget, saved);
  }
}

/** Lookups of unknown names, so that one name repeated in many entries costs one search. */
const MAX_CACHED = 1000;
const unknown = { accelerator: new Map<string, string[]>(), location: new Map<string, string[]>() };

function suggest(kind: "accelerator" | "location", input: string, search: () => string[]): string[] {
  const cache = unknown[kind];
  const hit = cache.get(input);
  if (hit) return [...hit];
  if (budget[kind] <= 0) return [];
  budget[kind]--;
  const found = search();
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(input, found);
  return [...found];
}

/**
 * Names that cover several catalogue models (data/accelerators.json): each resolves to the model listed first, the
 * one the name most often means (the SXM board of training clusters), and the others are named in a notice.
 * `others` are family members the catalogue lacks.
 */
const FAMILIES: readonly { names: string[]; members: string[]; others?: string }[] = [
  { names: ["A100", "NVIDIA A100"], members: ["nvidia-a100-80gb-sxm", "nvidia-a100-40gb-sxm", "nvidia-a100-80gb-pcie", "nvidia-a100-40gb-pcie"] },
  { names: ["A100-80GB"], members: ["nvidia-a100-80gb-sxm", "nvidia-a100-80gb-pcie"] },
  // The ML CO2 Impact calculator's label (mlco2/impact data/gpus.csv), at the 250 W it uses.
  { names: ["A100 PCIe 40/80GB"], members: ["nvidia-a100-40gb-pcie", "nvidia-a100-80gb-pcie"] },
  { names: ["H100", "NVIDIA H100"], members: ["nvidia-h100-sxm", "nvidia-h100-pcie", "nvidia-h100-nvl"] },
  { names: ["H100-80GB"], members: ["nvidia-h100-sxm", "nvidia-h100-pcie"] },
  { names: ["H200", "NVIDIA H200"], members: ["nvidia-h200-sxm", "nvidia-h200-nvl"] },
  { names: ["H800", "NVIDIA H800"], members: ["nvidia-h800-sxm"], others: "H800 PCIe (not in the catalogue; state power_w for it)" },
  { names: ["A800", "NVIDIA A800"], members: ["nvidia-a800-sxm"], others: "A800 PCIe (not in the catalogue; state power_w for it)" },
  // The Blackwell GPU of an HGX board and the one of a Grace superchip draw different power.
  { names: ["B200", "NVIDIA B200"], members: ["nvidia-b200", "nvidia-gb200-gpu"] },
  { names: ["B300", "NVIDIA B300"], members: ["nvidia-b300", "nvidia-gb300-gpu"] },
  { names: ["V100", "Tesla V100", "NVIDIA Tesla V100"], members: ["nvidia-v100-sxm2", "nvidia-v100-pcie"] },
  { names: ["V100-32GB"], members: ["nvidia-v100-sxm2", "nvidia-v100-pcie"] },
  { names: ["P100", "Tesla P100", "NVIDIA Tesla P100"], members: ["nvidia-p100-pcie"], others: "P100 SXM2 (not in the catalogue; state power_w for it)" },
  {
    names: ["RTX 6000", "NVIDIA RTX 6000"],
    members: ["nvidia-rtx-6000-ada", "nvidia-rtx-a6000"],
    others: "Quadro RTX 6000 and RTX PRO 6000 Blackwell (not in the catalogue; state power_w for them)",
  },
  { names: ["MI300", "Instinct MI300", "AMD Instinct MI300"], members: ["amd-mi300x", "amd-mi300a"] },
  { names: ["MI350", "Instinct MI350", "AMD Instinct MI350"], members: ["amd-mi355x", "amd-mi350x"] },
  { names: ["TPU v4", "Cloud TPU v4"], members: ["google-tpu-v4"], others: "TPU v4i (an inference chip not offered on Google Cloud; not in the catalogue)" },
  { names: ["TPU v5", "Cloud TPU v5", "v5"], members: ["google-tpu-v5p", "google-tpu-v5e"] },
  { names: ["Trainium", "AWS Trainium"], members: ["aws-trainium1", "aws-trainium2", "aws-trainium3"] },
  { names: ["Inferentia", "AWS Inferentia"], members: ["aws-inferentia1", "aws-inferentia2"] },
];

export interface Ambiguity {
  /** The other catalogue models of the family. */
  alternatives: Accelerator[];
  others: string | null;
}

let familyIndex: Map<string, { chosen: Accelerator; ambiguity: Ambiguity }> | undefined;
function families(): Map<string, { chosen: Accelerator; ambiguity: Ambiguity }> {
  if (!familyIndex) {
    // Built once, on the first look-up, while V8 still interprets this code: plain loops, no iterators or destructuring.
    const byId = new Map<string, Accelerator>();
    for (let i = 0; i < accelerators.length; i++) byId.set(accelerators[i]!.id, accelerators[i]!);
    familyIndex = new Map();
    for (let i = 0; i < FAMILIES.length; i++) {
      const f = FAMILIES[i]!;
      const alternatives: Accelerator[] = [];
      for (let j = 1; j < f.members.length; j++) alternatives.push(byId.get(f.members[j]!)!);
      const chosen = byId.get(f.members[0]!)!;
      for (let j = 0; j < f.names.length; j++) familyIndex.set(normalise(f.names[j]!), { chosen, ambiguity: { alternatives, others: f.others ?? null } });
    }
  }
  return familyIndex;
}

/** The model a family name is read as, with the alternatives, for the notice data/ambiguous-accelerator. */
export function ambiguousMessage(input: string, chosen: Accelerator, ambiguity: Ambiguity): string {
  const watts = (a: Accelerator) => (a.power_w !== null ? ` (${a.power_w} W${a.power_basis === "TDP" ? "" : `, ${a.power_basis}`})` : " (no published power)");
  const also = [...ambiguity.alternatives.map((a) => `${a.id}${watts(a)}`), ...(ambiguity.others ? [ambiguity.others] : [])];
  return `${JSON.stringify(quoted(input))} is read as ${chosen.id}${watts(chosen)}; the family also has ${also.join(", ")}; name the model to silence this`;
}

export function findAccelerator(name: string): Lookup<Accelerator> & { ambiguity?: Ambiguity } {
  // CodeCarbon writes "8 x NVIDIA A100-SXM4-80GB"; the count belongs in `count`, the model is what we look up.
  const model = name.replace(/^\s*\d+\s*x\s+/i, "");
  const key = nameKey(model);
  if (key === null) return { ok: false, suggestions: [], hint: unnamedHint(model) };
  const found = modelNamed(key) ?? modelNamed(withoutVendor(key));
  if (found) return found;
  return {
    ok: false,
    suggestions: suggest("accelerator", key, () =>
      closest(
        key,
        accelerators.map((a) => a.id),
        3,
        acceleratorNames,
      ),
    ),
  };
}

function modelNamed(key: string): (Lookup<Accelerator> & { ambiguity?: Ambiguity }) | null {
  const family = families().get(key);
  if (family) return { ok: true, value: family.chosen, ambiguity: family.ambiguity };
  const hit = index().get(key);
  return hit ? { ok: true, value: hit } : null;
}

/** Consoles and schedulers prefix the model with its vendor and brand ("nvidia-tesla-a100", "NVIDIA Tesla P100 PCIe"). */
const VENDORS = ["nvidia", "amd", "intel", "google"];
function withoutVendor(key: string): string {
  const vendor = VENDORS.find((v) => key.startsWith(v));
  const rest = vendor ? key.slice(vendor.length) : key;
  return rest.startsWith("tesla") ? rest.slice("tesla".length) : rest;
}

let namesById: Map<string, string[]> | undefined;
function acceleratorNames(id: string): string[] {
  namesById ??= new Map(accelerators.map((a) => [a.id, [a.id, ...a.aliases].map(normalise)]));
  return namesById.get(id)!;
}

/** Longer inputs are cut in messages; the schema allows at most 100 characters for a name. */
const MAX_QUOTED = 100;

const quoted = (input: string) => ([...input].length > MAX_QUOTED ? [...input].slice(0, MAX_QUOTED - 1).join("") + "…" : input);

export function unknownMessage(what: "accelerator" | "location", input: string, suggestions: readonly string[], why?: string): string {
  if (what === "location" && why !== undefined) return `unknown location ${JSON.stringify(quoted(input))}: ${why}`;
  const hint =
    (why ? `; ${why}` : "") + (suggestions.length > 0 ? `; closest${what === "accelerator" ? " catalogue ids" : ""}: ${suggestions.join(", ")}` : "");
  if (what === "location" && suggestions.length > 0 && suggestions.every((s) => s.endsWith(`:${input.trim().toLowerCase()}`))) {
    return `unknown location ${JSON.stringify(quoted(input))}; a cloud region is written with its provider: ${suggestions.join(" or ")}`;
  }
  // A model the catalogue lacks is still usable: its power is then the author's figure.
  const custom = what === "accelerator" ? "; state power_w (and peak_tflops for compute) to use it as a custom accelerator" : "";
  return `unknown ${what} ${JSON.stringify(quoted(input))}${custom}${hint}`;
}

/** The notice data/custom-accelerator. */
export function customMessage(input: string, powerW: number, peakTflops: number | undefined): string {
  const peak = peakTflops !== undefined ? ` and peak_tflops (${peakTflops} TFLOPS)` : "";
  const perAcc = defaults.embodied.per_accelerator_with_server_share_kg;
  return `${JSON.stringify(quoted(input))} is not in the catalogue: a custom accelerator with the stated power_w (${powerW} W)${peak}; embodied carbon uses the default per-accelerator figure (${perAcc} kg, or embodied.per_accelerator_kg)`;
}

const zoneIds = Object.keys(grid.zones);
let zoneIndex: Map<string, string> | undefined;
function zoneKey(input: string): string | undefined {
  zoneIndex ??= new Map(zoneIds.map((z) => [z.toUpperCase(), z]));
  return zoneIndex.get(input.toUpperCase());
}

function zoneIntensity(zone: string): Sourced {
  const z = grid.zones[zone]!;
  return { value: z.intensity, source: `${grid.source}; zone ${zone}`, year: z.year };
}

/**
 * The grid intensity of a zone in a given year (docs/manifest.md: Grid year), with a notice when it is not that year's own
 * Electricity Maps figure: a later year gets the nearest earlier one; a year before the lifecycle series gets its
 * first year scaled by the country's ratio of direct-CO2 intensities (Our World in Data) between the two years,
 * so that a sub-national zone keeps its own level relative to its country.
 */
export function zoneIntensityIn(zone: string, year: number): { intensity: Sourced; notice: string | null } {
  const z = grid.zones[zone]!;
  const own = z.yearly[year];
  const src = (detail: string) => `${grid.source}; zone ${zone}, ${detail}`;
  if (own !== undefined) return { intensity: { value: own, source: src(String(year)), year }, notice: null };
  const years = Object.keys(z.yearly)
    .map(Number)
    .sort((a, b) => a - b);
  const earlier = years.filter((y) => y < year);
  if (earlier.length > 0) {
    const y = earlier[earlier.length - 1]!;
    return {
      intensity: { value: z.yearly[y]!, source: src(String(y)), year: y },
      notice: `year ${year}: the catalogue has no grid figure of zone ${zone} for that year; the nearest earlier year's (${y}) ${formatG(z.yearly[y]!)} gCO2e/kWh is used`,
    };
  }
  const first = years[0]!;
  const base = z.yearly[first]!;
  const country = zone.split("-")[0]!;
  if (!gridYearly) throw new Error("zoneIntensityIn: the yearly grid series is not loaded (await loadYearlyGrid() first)");
  const series = gridYearly.countries[country];
  const past = series
    ? Object.keys(series)
        .map(Number)
        .filter((y) => y <= year)
        .sort((a, b) => b - a)[0]
    : undefined;
  const ref = series?.[first];
  if (series && past !== undefined && ref !== undefined) {
    const value = (base * series[past]!) / ref;
    return {
      intensity: { value, source: `${src(`${first}`)}, scaled by ${country}'s ${past}/${first} ratio of ${gridYearly.source}`, year },
      notice:
        `year ${year} is before zone ${zone}'s lifecycle figures (from ${first}): its ${first} figure ${formatG(base)} gCO2e/kWh × ${country}'s direct-CO2 ratio ` +
        `${past}/${first} (${formatG(series[past]!)}/${formatG(ref)}, Our World in Data) = ${formatG(value)} gCO2e/kWh; state carbon_intensity if you know the figure`,
    };
  }
  return {
    intensity: { value: base, source: src(String(first)), year: first },
    notice: `year ${year} is before zone ${zone}'s lifecycle figures and the catalogue has no yearly series of ${country} to scale them; ${first}'s ${formatG(base)} gCO2e/kWh is used`,
  };
}

const formatG = (v: number) => String(Number(v.toPrecision(4)));

/** Providers that publish a carbon-free-energy share per region (data/cfe.json), for messages. */
export const CFE_PROVIDERS: readonly Provider[] = PROVIDERS.filter((p) => cfe.providers[p] !== undefined);

/**
 * The carbon-free-energy share the provider publishes for a cloud region (docs/methodology.md: Market-based CO2e): that of the
 * given year, else the nearest earlier published year (the first one for a year before them), with a notice; the
 * latest without a year. null: no share is published for the location.
 */
export function providerCfe(loc: ResolvedLocation, year?: number): { share: Sourced; notice: string | null } | null {
  const region = loc.provider ? cfe.providers[loc.provider]?.regions[loc.id.slice(loc.id.indexOf(":") + 1)] : undefined;
  if (!region) return null;
  const years = Object.keys(region.yearly)
    .map(Number)
    .sort((a, b) => a - b);
  const chosen = year === undefined ? region.year : (years.filter((y) => y <= year).pop() ?? years[0]!);
  const share: Sourced = { value: region.yearly[chosen]!, source: `${cfe.source}; ${loc.id}, ${chosen}`, year: chosen };
  const notice =
    year === undefined || chosen === year
      ? null
      : `year ${year}: ${providers[loc.provider!].name} publishes no carbon-free-energy share of ${loc.id} for that year; ${chosen}'s ${share.value} is used`;
  return { share, notice };
}

export function findLocation(input: string): Lookup<ResolvedLocation> {
  const trimmed = input.trim();
  const colon = trimmed.indexOf(":");
  const prefix = colon > 0 ? trimmed.slice(0, colon).toLowerCase() : "";
  const rest = colon > 0 ? trimmed.slice(colon + 1).trim() : trimmed;

  if ((PROVIDERS as readonly string[]).includes(prefix)) {
    const provider = prefix as Provider;
    const p = providers[provider];
    // A GCP zone (us-central1-a) names its region plus a suffix.
    const regionId = provider === "gcp" ? rest.toLowerCase().replace(/^([a-z]+-[a-z]+\d+)-[a-z]$/, "$1") : rest.toLowerCase();
    const region = p.regions[regionId];
    if (!region) {
      return {
        ok: false,
        suggestions: suggest("location", `${provider}:${regionId}`, () => closest(regionId, Object.keys(p.regions)).map((r) => `${provider}:${r}`)),
      };
    }
    return {
      ok: true,
      value: {
        id: `${provider}:${regionId}`,
        provider,
        zone: region.zone,
        zoneName: grid.zones[region.zone]?.name ?? region.zone,
        place: region.location,
        intensity: zoneIntensity(region.zone),
        pue: p.pue,
        // A provider that publishes no WUE has value null: the default applies.
        wue: p.wue?.value != null ? (p.wue as Sourced) : null,
        notice: null,
      },
    };
  }
  const cloud = prefix !== "" && Object.prototype.hasOwnProperty.call(clouds, prefix) ? clouds[prefix]! : undefined;
  if (cloud) {
    const found = cloudRegion(cloud, rest.toLowerCase());
    if (!found) {
      const ids = Object.keys(cloud.regions);
      return { ok: false, suggestions: suggest("location", `${prefix}:${rest}`, () => closest(rest.toLowerCase(), ids).map((r) => `${prefix}:${r}`)) };
    }
    return { ok: true, value: zoneLocation(`${prefix}:${found.id}`, found.region.zone, found.region.location, null) };
  }
  if (prefix === "" || prefix === "zone") {
    const zone = zoneKey(rest);
    if (zone) return { ok: true, value: zoneLocation(`zone:${zone}`, zone, null, null) };
  }
  // A cloud region written without its provider (us-east-1, europe-west4, westeurope): the provider is the fix.
  const bare = prefix === "" ? providerRegions(trimmed) : [];
  if (bare.length > 0) return { ok: false, suggestions: bare };
  if (prefix === "") {
    const named = placeNamed(trimmed);
    if (named && "place" in named) return placeLocation(trimmed, named.place, named.twins);
    if (named) return { ok: false, suggestions: [], hint: `it names several places; write one of ${named.ambiguous.map(writable).join(" or ")}` };
    if (nameKey(trimmed) === null) return { ok: false, suggestions: [], hint: unnamedHint(trimmed) };
  } else if (prefix !== "zone" && placeNamed(prefix) === null) {
    const name = JSON.stringify(quoted(prefix));
    return {
      ok: false,
      suggestions: [],
      hint: `the catalogue has no regions of the cloud ${name}; write the grid zone of its site (a zone id such as US-TEX-ERCO, or a country or US state by name) with facility or carbon_intensity`,
    };
  }
  const needle = prefix === "zone" ? rest : trimmed;
  // A place that names a known one inside it ("Frankfurt, Germany") suggests that one; else the closest names.
  const inside = prefix === "" ? placesInside(trimmed) : [];
  if (inside.length > 0) return { ok: false, suggestions: inside.slice(0, 3).map(writable) };
  return { ok: false, suggestions: suggest("location", `\u0000${needle}`, () => closestPlaces(needle)) };
}

/** A zone-level location: a zone id, a place name or a region of a cloud the catalogue has no PUE for. */
function zoneLocation(id: string, zone: string, place: string | null, notice: string | null): ResolvedLocation {
  const zoneName = grid.zones[zone]!.name;
  return { id, provider: null, zone, zoneName, place, intensity: zoneIntensity(zone), pue: null, wue: null, notice };
}

/** A place name resolved: a cloud region by its display name, or the zone of a country, state or province. */
function placeLocation(input: string, place: Place, twins: readonly Place[]): Lookup<ResolvedLocation> {
  if (place.kind === "region") return findLocation(place.id);
  if (place.kind === "zones") {
    const hint =
      place.zones.length > 0
        ? `${place.place} has no country-wide grid zone in the catalogue; write the zone of the site: ${place.zones.join(", ")}`
        : `the catalogue has no grid figure for ${place.place}; state carbon_intensity (gCO2e/kWh) and pue for the entry`;
    return { ok: false, suggestions: [], hint };
  }
  const notes: string[] = [];
  if (place.also.length > 0) {
    notes.push(`it is served by several grid zones (${place.zone}, ${place.also.join(", ")}); ${place.zone} carries most of its load, so it is used`);
  }
  if (twins.length > 0)
    notes.push(
      `${twins.map((t) => (t as { id: string }).id).join(" and ")} ${twins.length > 1 ? "are cloud regions" : "is a cloud region"} of that name: write it for the provider's PUE`,
    );
  const notice =
    notes.length > 0
      ? `${JSON.stringify(quoted(input))} is read as grid zone ${place.zone} (${place.place}): ${notes.join("; ")}; write the zone of the site to be exact`
      : null;
  return { ok: true, value: zoneLocation(`zone:${place.zone}`, place.zone, place.place, notice) };
}

/** The closest zone ids, cloud regions and place names by spelling, as they would be written. */
function closestPlaces(needle: string): string[] {
  locationCandidates ??= [...zoneIds, ...PROVIDERS.flatMap((p) => Object.keys(providers[p].regions).map((r) => `${p}:${r}`))];
  // An id-like input (no spaces; a hyphen, a colon or a code) is a typo of an id; anything else of a name.
  const idLike = !needle.includes(" ") && (needle.includes("-") || needle.includes(":") || needle.length <= 3);
  if (idLike) return closest(needle, locationCandidates);
  const key = nameKey(needle);
  if (!key) return [];
  const names = placeKeys();
  // Codes (two or three letters) would match as substrings of any name; names are what this is about.
  const found = closest(
    key,
    [...names.keys()].filter((k) => k.length > 3),
    6,
  );
  const out: string[] = [];
  for (const k of found) {
    const w = writable(names.get(k)![0]!);
    if (!out.includes(w)) out.push(w);
  }
  return out.slice(0, 3);
}
let locationCandidates: string[] | undefined;

/** `provider:region` for every provider with a region of this id (a GCP zone names its region); one look-up each. */
function providerRegions(input: string): string[] {
  const id = input.toLowerCase();
  if (id.length > MAX_QUOTED) return [];
  return PROVIDERS.filter((p) =>
    Object.prototype.hasOwnProperty.call(providers[p].regions, p === "gcp" ? id.replace(/^([a-z]+-[a-z]+\d+)-[a-z]$/, "$1") : id),
  ).map((p) => `${p}:${id}`);
}
const greenest = new Map<Provider, ResolvedLocation>();

/** The provider's region with the lowest grid intensity (ties: the first in catalogue order); computed once. */
export function greenestRegion(provider: Provider): ResolvedLocation {
  let best = greenest.get(provider);
  if (best) return best;
  for (const region of Object.keys(providers[provider].regions)) {
    const found = findLocation(`${provider}:${region}`);
    if (found.ok && (!best || found.value.intensity.value < best.intensity.value)) best = found.value;
  }
  greenest.set(provider, best!);
  return best!;
}

/** A place a reader knows ("US East (N. Virginia)", "France") for a resolved location id or grid zone; null for none. */
export function readablePlace(location: string | null, zone: string | null): string | null {
  const colon = location?.indexOf(":") ?? -1;
  if (location && colon > 0) {
    const provider = location.slice(0, colon) as Provider;
    const region = (PROVIDERS as readonly string[]).includes(provider) ? providers[provider].regions[location.slice(colon + 1)] : undefined;
    if (region) return region.name;
    const cloud = Object.prototype.hasOwnProperty.call(clouds, provider) ? cloudRegion(clouds[provider]!, location.slice(colon + 1)) : null;
    if (cloud) return cloud.region.name;
  }
  return zone === null ? null : (grid.zones[zone]?.name ?? zone);
}

/** The catalogue's display name of an accelerator id ("A100 80GB SXM4"); the name as given when it is not a catalogue id. */
export function acceleratorDisplayName(id: string): string {
  const found = findAccelerator(id);
  return found.ok ? found.value.name : id;
}
