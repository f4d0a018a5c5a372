// Estimation, as docs/methodology.md describes. Pure: the catalogue is bundled data and measured files arrive
// pre-read. Each entry is estimated in named steps (./entry.ts); the manifest's rules have run before (manifest/rules.ts).
import { defaults } from "../catalogue/index.js";
import type { Finding } from "../findings.js";
import type { Locator } from "../manifest/parse.js";
import { locationPath, type ResolvedEntry } from "../manifest/rules.js";
import type { Manifest } from "../manifest/schema.js";
import { EstimateCache } from "./cache.js";
import { estimateEntry } from "./entry.js";
import { DEFAULT_PERIOD } from "../period/index.js";

export { pct } from "./footprint.js";

export type { Assumption, Kind, MeasuredInput, PerRequest, RunInputs, RunResult, Totals } from "./types.js";
import type { Assumption, Kind, MeasuredInput, RunResult, Totals } from "./types.js";

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

/**
 * Estimates every entry that passed the rules; one that cannot be estimated produces findings instead of a run.
 * `assumptions`: each distinct assumption object the runs share, once.
 */
export function estimateManifest(
  manifest: Manifest,
  entries: readonly ResolvedEntry[],
  ctx: EstimateContext,
): { runs: RunResult[]; findings: Finding[]; assumptions: readonly Assumption[] } {
  const runs: RunResult[] = [];
  const findings: Finding[] = [];
  const period = { window: manifest.period ?? DEFAULT_PERIOD, stated: manifest.period !== undefined };
  const context = { defaults: manifest.defaults, place: { file: ctx.file, locator: ctx.locator }, cache: new EstimateCache(), period };
  // The entries whose PUE is the default, and the first of them, where the notice is placed.
  const defaultPue: string[] = [];
  let firstDefaultPue: ResolvedEntry | null = null;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const measured = e.entry.measured === undefined ? undefined : ctx.measured.get(entryKey(e.kind, e.index));
    // A measured figure that could not be read is reported where it was read, and the plan must not stand in for it.
    if (e.entry.measured !== undefined && !measured) continue;
    const result = estimateEntry(e, measured, context);
    for (let j = 0; j < result.findings.length; j++) findings.push(result.findings[j]!);
    if (result.ok) {
      runs.push(result.run);
      if (result.defaultPue) {
        firstDefaultPue ??= e;
        defaultPue.push(result.run.id);
      }
    }
  }
  if (firstDefaultPue) {
    findings.push({
      rule: "data/default-pue",
      severity: "notice",
      message: defaultPueMessage(defaultPue),
      file: ctx.file,
      ...ctx.locator.value(locationPath(firstDefaultPue)),
    });
  }
  return { runs, findings, assumptions: context.cache.made };
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
