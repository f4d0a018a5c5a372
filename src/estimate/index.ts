// Estimation, as the README's Methodology describes. Pure: the catalogue is bundled data and measured files arrive pre-read.
import {
  ambiguousMessage,
  CFE_PROVIDERS,
  customMessage,
  defaults,
  findAccelerator,
  findLocation,
  providerCfe,
  unknownMessage,
  zoneIntensityIn,
  type Accelerator,
  type ResolvedLocation,
  type Sourced,
} from "../catalogue/index.js";
import type { Finding } from "../findings.js";
import type { CodeCarbonTotals } from "../measured/codecarbon.js";
import type { Locator, Path } from "../manifest/parse.js";
import type { InferenceEntry, Manifest, Throughput, TrainingEntry } from "../manifest/schema.js";

export type Kind = "training" | "inference";

export interface Totals {
  energy_kwh: number;
  operational_co2e_kg: number;
  embodied_co2e_kg: number;
  co2e_kg: number;
  water_l: number;
  /**
   * Like co2e_kg with the operational part market-based (GHG Protocol Scope 2 dual reporting); only where an entry
   * states carbon_free_energy or market_based_intensity. In totals, entries without one count location-based.
   */
  market_based_co2e_kg?: number;
}

/** One resolved input with its unit and where the figure comes from. */
export interface Assumption {
  name: string;
  value: number | string;
  unit: string;
  source: string;
  year: number | null;
}

export interface RunInputs {
  accelerator: string | null;
  /** Accelerators of the entry as stated (null: not stated). */
  count: number | null;
  accelerator_hours: number | null;
  /** Accelerator-hours ÷ count: how long the run or the service lasts (null without count). */
  wall_clock_hours: number | null;
  power_w: number | null;
  utilization: number | null;
  repeats: number;
  it_kwh: number;
  pue: number;
  carbon_intensity: number;
  location: string | null;
  zone: string | null;
  wue_l_per_kwh: number;
  ewif_l_per_kwh: number;
  embodied_per_accelerator_kg: number | null;
}

export interface RunResult extends Totals {
  id: string;
  kind: Kind;
  basis: "estimated" | "measured";
  inputs: RunInputs;
  assumptions: Assumption[];
  /** The plan for a measured entry, so teams see how good their plans are; null when it cannot be planned. */
  planned: (Totals & { drift_energy_pct: number | null }) | null;
  /** Every inference entry (figures null, with the reason, when its request count is unknown); null for training. */
  per_request: PerRequest | null;
  /** Manifest path of the entry, for findings. */
  path: Path;
}

/** An inference entry's figures per request: its whole footprint over the requests it serves. */
export interface PerRequest {
  /** Requests the figures divide by (over the period, times repeats); null when unknown. */
  requests: number | null;
  /** Where the count comes from: `requests` as stated, or the throughput rate over the period. */
  requests_basis: "stated" | "throughput" | null;
  /** Facility energy per request. */
  energy_wh: number | null;
  /** CO2e (operational + embodied) per 1,000 requests. */
  co2e_g_per_1000: number | null;
  water_ml: number | null;
  /** null also when the entry's energy is 0. */
  requests_per_kwh: number | null;
  /** Facility energy per token, when throughput states tokens_per_request. */
  j_per_token: number | null;
  /** Why the figures are null; null when they are known. */
  reason: string | null;
}

export interface MeasuredInput {
  /** One per file (rank): each is IT- or facility-level by its own pue column. */
  codecarbon?: CodeCarbonTotals[];
  energy_kwh?: number;
  label: string;
}

export interface EstimateContext {
  file: string;
  locator: Locator;
  /** Measured figures by entry path key (`training.3`), read beforehand. */
  measured: Map<string, MeasuredInput>;
}

export const HOURS_PER_YEAR = 8760;
/** Source of the period assumed for an inference entry without hours; renderers say it out loud. */
export const DEFAULT_PERIOD_SOURCE = "one year by default";

export function entryKey(kind: Kind, index: number): string {
  return `${kind}.${index}`;
}

export function sumTotals(items: readonly Totals[]): Totals {
  const t = zeroTotals();
  let market = 0;
  for (const r of items) {
    t.energy_kwh += r.energy_kwh;
    t.operational_co2e_kg += r.operational_co2e_kg;
    t.embodied_co2e_kg += r.embodied_co2e_kg;
    t.co2e_kg += r.co2e_kg;
    t.water_l += r.water_l;
    market += r.market_based_co2e_kg ?? r.co2e_kg;
  }
  if (items.some((r) => r.market_based_co2e_kg !== undefined)) t.market_based_co2e_kg = market;
  return t;
}

export function zeroTotals(): Totals {
  return { energy_kwh: 0, operational_co2e_kg: 0, embodied_co2e_kg: 0, co2e_kg: 0, water_l: 0 };
}

/** Estimates every entry; entries that cannot be resolved produce findings instead of results. */
export function estimateManifest(manifest: Manifest, ctx: EstimateContext): { runs: RunResult[]; findings: Finding[] } {
  const runs: RunResult[] = [];
  const findings: Finding[] = [];
  const entries: [Kind, TrainingEntry | InferenceEntry, number][] = [
    ...(manifest.training ?? []).map((e, i): [Kind, TrainingEntry, number] => ["training", e, i]),
    ...(manifest.inference ?? []).map((e, i): [Kind, InferenceEntry, number] => ["inference", e, i]),
  ];
  const d = manifest.defaults;
  if (d?.carbon_free_energy !== undefined && d.market_based_intensity !== undefined) {
    findings.push({
      rule: "manifest/invalid",
      severity: "error",
      message: MARKET_BOTH,
      file: ctx.file,
      ...ctx.locator.key(["defaults", "market_based_intensity"]),
    });
  }
  const defaultPue: { id: string; at: Path }[] = [];
  for (const [kind, entry, i] of entries) {
    const result = estimateEntry(kind, entry, [kind, i], manifest, ctx);
    if ("findings" in result) for (const f of result.findings) findings.push(f);
    else {
      runs.push(result.run);
      for (const f of result.warnings) findings.push(f);
      if (result.defaultPue) defaultPue.push({ id: result.run.id, at: result.defaultPue });
    }
  }
  if (defaultPue.length > 0) {
    findings.push({
      rule: "data/default-pue",
      severity: "notice",
      message: defaultPueMessage(defaultPue.map((e) => e.id)),
      file: ctx.file,
      ...ctx.locator.value(defaultPue[0]!.at),
    });
  }
  return { runs, findings };
}

const MARKET_BOTH =
  "give carbon_free_energy or market_based_intensity, not both (the share derives a market-based factor from the grid's; the factor states it)";
const MAX_LISTED = 10;

/** The notice data/default-pue: one per manifest, naming the entries (README: Locations). */
export function defaultPueMessage(ids: readonly string[]): string {
  const f = defaults.facility_pue;
  const listed = ids.slice(0, MAX_LISTED).join(", ") + (ids.length > MAX_LISTED ? ` and ${ids.length - MAX_LISTED} more` : "");
  return (
    `PUE ${defaults.unknown_pue.value} (industry average, Uptime Institute ${defaults.unknown_pue.year}) is assumed for ${listed}: a grid zone says nothing about the data centre; ` +
    `set facility (hyperscale ${f.hyperscale.value}, colocation ${f.colocation.value}, enterprise ${f.enterprise.value}) or pue on the entry or in defaults`
  );
}

/** Why `carbon_free_energy: provider` has no figure for a location, and what to state instead. */
function noProviderCfeMessage(loc: ResolvedLocation | undefined): string {
  const which = CFE_PROVIDERS.map((p) => `${p}:`).join(" or ");
  const where = loc ? `${loc.id} has none` : "the entry has no location";
  return `carbon_free_energy: provider is the share a cloud provider publishes for a ${which} region; ${where}. State the share as a number from 0 to 1, or market_based_intensity`;
}

/** `defaultPue`: where the location of an entry whose PUE is the industry-average default is written. */
type EntryOutcome = { run: RunResult; warnings: Finding[]; defaultPue: Path | null } | { findings: Finding[] };

function estimateEntry(kind: Kind, entry: TrainingEntry | InferenceEntry, path: Path, manifest: Manifest, ctx: EstimateContext): EntryOutcome {
  const problems: Finding[] = [];
  const warnings: Finding[] = [];
  const at = (rule: Finding["rule"], message: string, fieldPath: Path, severity: Finding["severity"] = "error", key = false): Finding => ({
    rule,
    severity,
    message,
    file: ctx.file,
    ...(key ? ctx.locator.key(fieldPath) : ctx.locator.value(fieldPath)),
  });
  const measured = ctx.measured.get(entryKey(kind, path[1] as number));

  // Shape rules that a JSON Schema cannot state clearly; each reported at the offending key.
  const t = entry as TrainingEntry;
  const inf = entry as InferenceEntry;
  if (kind === "training") {
    const given = (["hours", "gpu_hours", "compute"] as const).filter((k) => t[k] !== undefined);
    if (given.length > 1) {
      problems.push(at("manifest/invalid", `give exactly one of hours, gpu_hours or compute (found ${given.join(", ")})`, [...path, given[1]!], "error", true));
    } else if (given.length === 0 && !measured) {
      problems.push(at("manifest/invalid", "give one of hours (with count), gpu_hours or compute, or a measured figure", [...path, "id"]));
    }
    if (t.hours !== undefined && t.count === undefined) {
      problems.push(at("manifest/invalid", "hours needs count (accelerators in the run); or give gpu_hours", [...path, "hours"], "error", true));
    }
  } else {
    const requestForm = inf.energy_per_request_wh !== undefined;
    if (requestForm && (inf.count !== undefined || inf.power_w !== undefined || inf.utilization !== undefined || inf.throughput !== undefined)) {
      const k = inf.count !== undefined ? "count" : inf.power_w !== undefined ? "power_w" : inf.utilization !== undefined ? "utilization" : "throughput";
      problems.push(
        at(
          "manifest/invalid",
          `energy_per_request_wh (request form) cannot be combined with ${k} (${k === "throughput" ? "throughput" : "fleet"} form); keep one form`,
          [...path, k],
          "error",
          true,
        ),
      );
    }
    for (const p of throughputProblems(inf.throughput)) problems.push(at("manifest/invalid", p.message, [...path, "throughput", ...p.at], "error", true));
    if (requestForm && inf.requests === undefined) {
      problems.push(at("manifest/invalid", "energy_per_request_wh needs requests (N over the period)", [...path, "energy_per_request_wh"], "error", true));
    }
    if (!requestForm && !measured && (inf.accelerator === undefined || inf.count === undefined)) {
      problems.push(
        at("manifest/invalid", "an inference entry needs accelerator and count (fleet form) or energy_per_request_wh and requests (request form)", [
          ...path,
          "id",
        ]),
      );
    }
  }
  if (!entry.accelerator && (kind === "training" ? t.hours !== undefined || t.gpu_hours !== undefined || t.compute !== undefined : inf.count !== undefined)) {
    const custom =
      entry.power_w !== undefined
        ? `; with power_w stated, any name works (a custom accelerator, e.g. accelerator: Jetson AGX Orin)`
        : " (a catalogue id or alias, or any name with power_w)";
    problems.push(at("manifest/invalid", `accelerator is required to estimate this entry${custom}`, [...path, "id"]));
  }

  let acc: Accelerator | undefined;
  if (entry.accelerator !== undefined) {
    const found = findAccelerator(entry.accelerator);
    const peak = kind === "training" ? t.peak_tflops : undefined;
    if (found.ok) {
      acc = found.value;
      if (found.ambiguity)
        warnings.push(at("data/ambiguous-accelerator", ambiguousMessage(entry.accelerator, acc, found.ambiguity), [...path, "accelerator"], "notice"));
    } else if (entry.power_w !== undefined) {
      // A model the catalogue lacks: the author's power (and peak) figures stand in for the catalogue's.
      // One line: the name is shown in table cells.
      const name = entry.accelerator.replace(/\s+/g, " ").trim();
      acc = {
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
      warnings.push(at("data/custom-accelerator", customMessage(name, entry.power_w, peak), [...path, "accelerator"], "notice"));
      if (kind === "training" && t.compute !== undefined && peak === undefined) {
        problems.push(
          at(
            "manifest/invalid",
            `compute needs peak_tflops for the custom accelerator ${JSON.stringify(name.slice(0, 100))} (or give hours or gpu_hours)`,
            [...path, "compute"],
            "error",
            true,
          ),
        );
      }
    } else {
      problems.push(at("data/unknown-accelerator", unknownMessage("accelerator", entry.accelerator, found.suggestions), [...path, "accelerator"]));
    }
  }

  const locInput = entry.location ?? manifest.defaults?.location;
  const locPath: Path = entry.location !== undefined ? [...path, "location"] : ["defaults", "location"];
  let loc: ResolvedLocation | undefined;
  if (locInput !== undefined) {
    const found = findLocation(locInput);
    if (found.ok) loc = found.value;
    else problems.push(at("data/unknown-location", unknownMessage("location", locInput, found.suggestions), locPath));
  }
  // The throughput form: the fleet's sustained rate, in requests per second (null: another form).
  const rate = kind === "inference" && inf.throughput !== undefined && problems.length === 0 ? requestRate(inf.throughput) : null;
  if (rate !== null && inf.requests !== undefined && inf.hours !== undefined && inf.requests / rate / 3600 > inf.hours * (1 + 1e-9)) {
    const busy = inf.requests / rate / 3600;
    problems.push(
      at(
        "manifest/invalid",
        `${inf.requests} requests at ${Number(rate.toPrecision(6))} requests/s take ${Number(busy.toPrecision(4))} h, more than hours (${inf.hours}); raise the rate or lower requests, or drop hours (energy follows requests ÷ rate)`,
        [...path, "requests"],
        "error",
        true,
      ),
    );
  }
  if (problems.length > 0) return { findings: [...problems, ...warnings] };

  const assumptions: Assumption[] = [];
  const note = (name: string, value: number | string, unit: string, src: { source: string; year: number | null }) =>
    assumptions.push({ name, value, unit, source: src.source, year: src.year });
  const stated = { source: "manifest", year: null };

  // Location, PUE, grid intensity, water factors. A cloud region's PUE is its provider's; elsewhere the stated kind
  // of facility gives it, and failing that the industry average, named by the notice data/default-pue.
  const d = manifest.defaults;
  const pueOwn = entry.pue ?? d?.pue;
  const facility = entry.facility ?? d?.facility;
  const pue: Sourced =
    pueOwn !== undefined ? { value: pueOwn, ...stated } : (loc?.pue ?? (facility !== undefined ? defaults.facility_pue[facility] : defaults.unknown_pue));
  const defaultPue = loc && pue === defaults.unknown_pue ? locPath : null;
  let intensity: Sourced = entry.carbon_intensity !== undefined ? { value: entry.carbon_intensity, ...stated } : (loc?.intensity ?? defaults.world_intensity);
  if (loc && entry.carbon_intensity === undefined && entry.year !== undefined) {
    const inYear = zoneIntensityIn(loc.zone, entry.year);
    intensity = inYear.intensity;
    if (inYear.notice) warnings.push(at("data/grid-year", inYear.notice, [...path, "year"], "notice"));
  }
  if (!loc && !(entry.carbon_intensity !== undefined && pueOwn !== undefined)) {
    warnings.push(
      at(
        "data/location-missing",
        `no location: using the world average grid (${defaults.world_intensity.value} gCO2e/kWh) and PUE ${pue.value}; set location (e.g. aws:us-east-1, FR) on the entry or in defaults`,
        [...path, "id"],
        "warning",
      ),
    );
  }
  const wueOwn = entry.wue_l_per_kwh ?? d?.wue_l_per_kwh;
  const wue: Sourced = wueOwn !== undefined ? { value: wueOwn, ...stated } : (loc?.wue ?? defaults.wue_onsite);
  const ewifOwn = entry.water_intensity_l_per_kwh ?? d?.water_intensity_l_per_kwh;
  const ewif: Sourced = ewifOwn !== undefined ? { value: ewifOwn, ...stated } : defaults.ewif;
  // Market-based reporting: an entry's own factor (either kind) replaces the defaults' one.
  const ownMarket = entry.carbon_free_energy !== undefined || entry.market_based_intensity !== undefined;
  if (entry.carbon_free_energy !== undefined && entry.market_based_intensity !== undefined) {
    return { findings: [at("manifest/invalid", MARKET_BOTH, [...path, "market_based_intensity"], "error", true), ...warnings] };
  }
  const cfeStated = ownMarket ? entry.carbon_free_energy : d?.carbon_free_energy;
  const marketIntensity = ownMarket ? entry.market_based_intensity : d?.market_based_intensity;
  let cfe: Sourced | undefined = typeof cfeStated === "number" ? { value: cfeStated, ...stated } : undefined;
  if (cfeStated === "provider") {
    // The provider's published share of the entry's region, of the run's year where one is stated.
    const published = loc ? providerCfe(loc, entry.year) : null;
    if (!published) {
      const cfePath: Path = ownMarket ? [...path, "carbon_free_energy"] : ["defaults", "carbon_free_energy"];
      return { findings: [at("manifest/invalid", noProviderCfeMessage(loc), cfePath), ...warnings] };
    }
    cfe = published.share;
    if (published.notice) warnings.push(at("data/cfe-year", published.notice, [...path, "year"], "notice"));
  }
  if (loc)
    note("location", `${loc.id}${loc.place ? ` (${loc.place})` : ""} → grid zone ${loc.zone} (${loc.zoneName})`, "", {
      source: "data/cloud.json, data/grid.json",
      year: null,
    });
  note("pue", pue.value, "", pue);
  note("carbon_intensity", intensity.value, "gCO2e/kWh", intensity);
  if (marketIntensity !== undefined) note("market_based_intensity", marketIntensity, "gCO2e/kWh", stated);
  else if (cfe !== undefined) note("carbon_free_energy", cfe.value, "", cfe);

  // Accelerator-hours, power and IT energy of the plan.
  const repeats = entry.repeats ?? 1;
  // A fleet at a stated sustained rate is busy: its default is a measured load figure, not the fleet average.
  const utilSource = rate !== null ? { source: defaults.throughput_utilization.source, year: defaults.throughput_utilization.year } : defaults.utilization;
  const utilDefault =
    kind === "training" ? defaults.utilization.training : rate !== null ? defaults.throughput_utilization.value : defaults.utilization.inference;
  const utilization = entry.utilization ?? utilDefault;
  let accHours: number | null = null;
  let power: number | null = null;
  let planIt: number | null = null;

  if (kind === "inference" && inf.energy_per_request_wh !== undefined && inf.requests !== undefined) {
    planIt = ((inf.requests * inf.energy_per_request_wh) / 1000) * repeats;
    note("energy_per_request", inf.energy_per_request_wh, "Wh (IT)", stated);
    note("requests", inf.requests, "", stated);
  } else if (acc) {
    if (entry.power_w !== undefined) {
      power = entry.power_w;
      note("power_w", power, "W", stated);
    } else if (acc.power_w !== null) {
      // The catalogue's figure with its basis: TDP, or a published measured figure where that is the better one.
      power = acc.power_w;
      note("power_w", power, `W (${acc.power_basis!})`, { source: acc.power_source!, year: acc.power_year });
    }
    const hours = acceleratorHours(kind, entry, acc, note, stated, rate);
    if (hours === undefined) {
      return {
        findings: [
          at(
            "manifest/invalid",
            `${acc.id} has no sourced peak BF16 figure; set peak_tflops, or give hours or gpu_hours instead of compute`,
            [...path, "compute"],
            "error",
            true,
          ),
        ],
      };
    }
    accHours = hours;
    if (kind === "training" && t.compute !== undefined && t.compute.mfu === undefined && accHours !== null) {
      // The hours of the compute form scale with 1 / mfu: a default figure must not pass unnoticed.
      warnings.push(
        at(
          "data/default-mfu",
          `compute has no mfu, so ${defaults.mfu.value} is assumed (a planning convention from published large-scale runs, not a measurement; its source is in the assumptions); state the MFU your training stack reaches, e.g. compute: { …, mfu: 0.35 }`,
          [...path, "compute"],
          "notice",
          true,
        ),
      );
    }
    if (accHours !== null) {
      if (power === null) {
        return { findings: [at("manifest/invalid", `${acc.id} has no published power figure; set power_w`, [...path, "accelerator"])] };
      }
      note("utilization", utilization, "", entry.utilization !== undefined ? stated : utilSource);
      planIt = ((accHours * power * utilization) / 1000) * repeats;
    }
  }
  if (repeats !== 1) note("repeats", repeats, "", stated);

  // Embodied carbon is amortised over the accelerator-hours used.
  const e = defaults.embodied;
  const perAcc = entry.embodied?.per_accelerator_kg ?? e.per_accelerator_kg + e.per_server_kg / e.accelerators_per_server;
  const lifeYears = entry.embodied?.lifetime_years ?? e.lifetime_years;
  const lifeUse = entry.embodied?.lifetime_utilization ?? e.lifetime_utilization;
  const embodied = accHours !== null ? (accHours * repeats * perAcc) / (lifeYears * HOURS_PER_YEAR * lifeUse) : 0;
  if (accHours !== null) {
    const own = entry.embodied !== undefined;
    note("embodied_per_accelerator", perAcc, "kgCO2e", own && entry.embodied?.per_accelerator_kg !== undefined ? stated : e);
    note("hardware_lifetime", `${lifeYears} years at ${Math.round(lifeUse * 100)} % use`, "", own ? stated : e);
  }
  note("wue_onsite", wue.value, "L/kWh", wue);
  note("ewif", ewif.value, "L/kWh", ewif);

  const plan = planIt === null ? null : footprint(planIt, pue.value, intensity.value, wue.value, ewif.value, embodied);

  // Measured figures replace the plan's energy and operational CO2e.
  let result: Totals;
  let it: number;
  if (measured) {
    const m = measuredFootprint(measured, pue.value, intensity.value, wue.value, ewif.value);
    it = m.it;
    result = { ...m.totals, embodied_co2e_kg: embodied, co2e_kg: m.totals.operational_co2e_kg + embodied };
    note("measured", measured.label, "", { source: "measurement", year: null });
    if (measured.codecarbon) {
      note("operational_co2e", "CodeCarbon's emissions column (its own grid figure; carbon_intensity above is not applied)", "", {
        source: "measurement",
        year: null,
      });
    }
  } else if (plan) {
    it = planIt!;
    result = plan;
  } else {
    return { findings: [at("manifest/invalid", "nothing to estimate for this entry", [...path, "id"])] };
  }

  // Market-based: the stated factor on the facility energy, or the location-based operational CO2e (measured or
  // estimated) without its carbon-free share.
  if (marketIntensity !== undefined || cfe !== undefined) {
    const operational = marketIntensity !== undefined ? (result.energy_kwh * marketIntensity) / 1000 : result.operational_co2e_kg * (1 - cfe!.value);
    result = { ...result, market_based_co2e_kg: operational + result.embodied_co2e_kg };
  }

  return {
    warnings,
    defaultPue,
    run: {
      id: entry.id,
      kind,
      basis: measured ? "measured" : "estimated",
      ...result,
      inputs: {
        accelerator: acc?.id ?? null,
        count: entry.count ?? null,
        accelerator_hours: accHours,
        wall_clock_hours: accHours !== null && entry.count !== undefined ? accHours / entry.count : null,
        power_w: power,
        utilization: accHours !== null ? utilization : null,
        repeats,
        it_kwh: it,
        pue: pue.value,
        carbon_intensity: intensity.value,
        location: loc?.id ?? null,
        zone: loc?.zone ?? null,
        wue_l_per_kwh: wue.value,
        ewif_l_per_kwh: ewif.value,
        embodied_per_accelerator_kg: accHours !== null ? perAcc : null,
      },
      assumptions,
      planned: measured && plan ? { ...plan, drift_energy_pct: pct(result.energy_kwh, plan.energy_kwh) } : null,
      per_request: kind === "inference" ? perRequest(result, inf, rate, repeats) : null,
      path,
    },
  };
}

/** null: no duration given (measured-only entry); undefined: compute form without a peak figure. */
function acceleratorHours(
  kind: Kind,
  entry: TrainingEntry | InferenceEntry,
  acc: Accelerator,
  note: (name: string, value: number | string, unit: string, src: { source: string; year: number | null }) => void,
  stated: { source: string; year: null },
  rate: number | null,
): number | null | undefined {
  if (kind === "inference") {
    const inf = entry as InferenceEntry;
    if (rate !== null) {
      note("throughput", rate, "requests/s", stated);
      if (inf.throughput?.tokens_per_request !== undefined) note("tokens_per_request", inf.throughput.tokens_per_request, "tokens", stated);
      // With requests, the fleet is busy for requests ÷ rate: that is the period, whatever hours says.
      if (inf.requests !== undefined) {
        note("requests", inf.requests, "", stated);
        return entry.count === undefined ? null : (entry.count * inf.requests) / rate / 3600;
      }
    }
    const hours = entry.hours ?? HOURS_PER_YEAR;
    note("hours", hours, "h", entry.hours !== undefined ? stated : { source: DEFAULT_PERIOD_SOURCE, year: null });
    return entry.count === undefined ? null : entry.count * hours;
  }
  const t = entry as TrainingEntry;
  if (t.hours !== undefined && t.count !== undefined) {
    note("hours", t.hours, "h", stated);
    return t.count * t.hours;
  }
  if (t.gpu_hours !== undefined) {
    note("accelerator_hours", t.gpu_hours, "h", stated);
    return t.gpu_hours;
  }
  if (t.compute) {
    const peak = t.peak_tflops ?? acc.peak_bf16_dense_tflops;
    if (peak === null) return undefined;
    const mfu = t.compute.mfu ?? defaults.mfu.value;
    const flops = 6 * t.compute.parameters * t.compute.tokens;
    note("training_flops", flops, "FLOP (6·P·T)", stated);
    note("peak_bf16_dense", peak, "TFLOPS", t.peak_tflops !== undefined ? stated : acc);
    note("mfu", mfu, "", t.compute.mfu !== undefined ? stated : defaults.mfu);
    return flops / (peak * 1e12 * mfu) / 3600;
  }
  return null;
}

/** Shape rules of `throughput` that the schema cannot state clearly, each with the key it is about. */
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

/**
 * The entry's whole footprint over the requests it serves: the stated `requests`, else the throughput rate over
 * the period. Without either the count is unknown and the figures are null, with the reason.
 */
function perRequest(result: Totals, inf: InferenceEntry, rate: number | null, repeats: number): PerRequest {
  const perRepeat = inf.requests ?? (rate !== null ? rate * 3600 * (inf.hours ?? HOURS_PER_YEAR) : null);
  if (perRepeat === null) {
    return {
      requests: null,
      requests_basis: null,
      energy_wh: null,
      co2e_g_per_1000: null,
      water_ml: null,
      requests_per_kwh: null,
      j_per_token: null,
      reason: "no request count; give requests, or throughput (the fleet's sustained rate)",
    };
  }
  const n = perRepeat * repeats;
  const energyWh = (result.energy_kwh * 1000) / n;
  const tokens = inf.throughput?.tokens_per_request;
  return {
    requests: n,
    requests_basis: inf.requests !== undefined ? "stated" : "throughput",
    energy_wh: energyWh,
    co2e_g_per_1000: (result.co2e_kg * 1e6) / n,
    water_ml: (result.water_l * 1000) / n,
    requests_per_kwh: result.energy_kwh > 0 ? n / result.energy_kwh : null,
    j_per_token: tokens !== undefined ? (energyWh * 3600) / tokens : null,
    reason: null,
  };
}

function footprint(itKwh: number, pue: number, intensity: number, wue: number, ewif: number, embodied: number): Totals {
  const energy = itKwh * pue;
  const operational = (energy * intensity) / 1000;
  return {
    energy_kwh: energy,
    operational_co2e_kg: operational,
    embodied_co2e_kg: embodied,
    co2e_kg: operational + embodied,
    water_l: itKwh * wue + energy * ewif,
  };
}

function measuredFootprint(m: MeasuredInput, pue: number, intensity: number, wue: number, ewif: number): { totals: Totals; it: number } {
  if (m.codecarbon) {
    const t = { it: 0, energy: 0, operational: 0, water: 0 };
    for (const cc of m.codecarbon) {
      // A file whose pue column is above 1 is already facility-level; otherwise the entry's PUE scales it.
      const facility = cc.pue > 1;
      const it = facility ? cc.energy_kwh / cc.pue : cc.energy_kwh;
      const energy = facility ? cc.energy_kwh : cc.energy_kwh * pue;
      t.it += it;
      t.energy += energy;
      t.operational += facility ? cc.emissions_kg : cc.emissions_kg * pue;
      // CodeCarbon ≥ 3.1 measures on-site water (WUE × kWh); older files, or a WUE of 0, leave it to ours.
      t.water += (cc.water_l !== null && cc.water_l > 0 ? cc.water_l : it * wue) + energy * ewif;
    }
    return { it: t.it, totals: { energy_kwh: t.energy, operational_co2e_kg: t.operational, embodied_co2e_kg: 0, co2e_kg: t.operational, water_l: t.water } };
  }
  const it = m.energy_kwh ?? 0;
  return { it, totals: footprint(it, pue, intensity, wue, ewif, 0) };
}

export function pct(head: number, base: number): number | null {
  if (base === 0) return head === 0 ? 0 : null;
  return ((head - base) / base) * 100;
}
