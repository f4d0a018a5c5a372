// Estimation, as docs/methodology.md describes. Pure: the catalogue is bundled data and measured files arrive
// pre-read. Each entry is estimated in named steps (./entry.ts); the manifest's rules have run before (manifest/rules.ts).
import { defaults } from "../catalogue/index.js";
import type { Finding } from "../findings.js";
import type { CodeCarbonTotals } from "../measured/codecarbon.js";
import type { Locator, Path } from "../manifest/parse.js";
import type { ResolvedEntry } from "../manifest/rules.js";
import type { Manifest } from "../manifest/schema.js";
import { EstimateCache } from "./cache.js";
import { estimateEntry } from "./entry.js";

export { DEFAULT_PERIOD_SOURCE, HOURS_PER_YEAR } from "./energy.js";
export { pct } from "./footprint.js";

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
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  readonly source: string;
  readonly year: number | null;
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

/** Estimates every entry that passed the rules; one that cannot be estimated produces findings instead of a run. */
export function estimateManifest(manifest: Manifest, entries: readonly ResolvedEntry[], ctx: EstimateContext): { runs: RunResult[]; findings: Finding[] } {
  const runs: RunResult[] = [];
  const findings: Finding[] = [];
  const cache = new EstimateCache();
  const place = { file: ctx.file, locator: ctx.locator };
  const defaultPue: { id: string; at: Path }[] = [];
  for (const e of entries) {
    const measured = ctx.measured.get(entryKey(e.kind, e.index));
    // A measured figure that could not be read is reported where it was read, and the plan must not stand in for it.
    if (e.entry.measured !== undefined && !measured) continue;
    const result = estimateEntry(e, { defaults: manifest.defaults, measured, place, cache });
    for (const f of result.findings) findings.push(f);
    if (result.ok) {
      runs.push(result.run);
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

const MAX_LISTED = 10;

/** The notice data/default-pue: one per manifest, naming the entries (docs/manifest.md: Locations). */
export function defaultPueMessage(ids: readonly string[]): string {
  const f = defaults.facility_pue;
  const listed = ids.slice(0, MAX_LISTED).join(", ") + (ids.length > MAX_LISTED ? ` and ${ids.length - MAX_LISTED} more` : "");
  return (
    `PUE ${defaults.unknown_pue.value} (industry average, Uptime Institute ${defaults.unknown_pue.year}) is assumed for ${listed}: a grid zone says nothing about the data centre; ` +
    `set facility (hyperscale ${f.hyperscale.value}, colocation ${f.colocation.value}, enterprise ${f.enterprise.value}) or pue on the entry or in defaults`
  );
}
