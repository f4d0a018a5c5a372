// One entry that passed the manifest's rules → its run, in named steps: where it runs, the market-based factor,
// the planned energy, embodied carbon, measured figures in place of the plan's, and the run's record.
import { below, entryFinding, findingAt, type EntryFinding, type FindingPlace, type ResolvedEntry, type Where } from "../manifest/rules.js";
import type { Finding } from "../findings.js";
import type { Path } from "../manifest/parse.js";
import type { Manifest, TrainingEntry } from "../manifest/schema.js";
import type { EstimateCache } from "./cache.js";
import { embodiedCarbon, type Embodied } from "./embodied.js";
import { plannedEnergy, type PeriodOf, type PlannedEnergy } from "./energy.js";
import { PERIOD_HOURS } from "../period/index.js";
import { footprint, measuredFootprint, pct, withMarketBased, type Factors } from "./footprint.js";
import type { Assumption, MeasuredInput, RunResult, Totals } from "./types.js";
import { marketFactor } from "./market.js";
import { perRequest } from "./per-request.js";
import { siteOf } from "./site.js";

/** What every entry of a manifest is estimated with. */
export interface EntryContext {
  defaults: Manifest["defaults"];
  place: FindingPlace;
  cache: EstimateCache;
  period: PeriodOf;
}

/** `defaultPue`: the entry has a location, but its PUE is the industry-average default. */
export type EntryEstimate = { ok: true; run: RunResult; findings: Finding[]; defaultPue: boolean } | { ok: false; findings: Finding[] };

/** `measured`: the entry's measured figures, read beforehand. */
export function estimateEntry(e: ResolvedEntry, measured: MeasuredInput | undefined, { defaults, place, cache, period }: EntryContext): EntryEstimate {
  const site = siteOf(e, defaults, cache);
  const findings: Finding[] = [];
  addNotices(findings, place, e.path, site.notices);
  const market = marketFactor(e, defaults, cache);
  if (!market.ok) {
    const at = market.stated === "entry" ? [...e.path, "carbon_free_energy"] : ["defaults", "carbon_free_energy"];
    return failure(place, market.message, { value: at }, findings);
  }
  addNotices(findings, place, e.path, market.notices);
  const energy = plannedEnergy(e, cache, period);
  if (!energy.ok) return failure(place, energy.message, below(e.path, energy.at), findings);
  const plan = energy.plan;
  addNotices(findings, place, e.path, plan.notices);
  const embodied = embodiedCarbon(e.entry, e.accelerator, plan.acceleratorHours, cache);
  const factors = site.factors;
  // A stated figure that includes the facility is IT energy × PUE already.
  const planIt = plan.itKwh === null ? null : plan.basis === "facility" ? plan.itKwh / factors.pue : plan.itKwh;
  const planned = planIt === null ? null : footprint(planIt, factors, embodied.kg);
  if (measured) addNotices(findings, place, e.path, measuredNotices(measured, factors));
  const outcome = measured ? measuredOutcome(measured, factors, embodied, cache) : planned && { totals: planned, itKwh: planIt!, assumptions: [] };
  if (!outcome) return failure(place, "nothing to estimate for this entry", { value: [...e.path, "id"] }, findings);

  // In the order the report lists them; concat copies once.
  const assumptions = site.assumptions.concat(market.assumptions, plan.assumptions, embodied.assumptions, site.water, outcome.assumptions);
  const totals = withMarketBased(outcome.totals, market.factor);
  const run = runRecord(e, { totals, itKwh: outcome.itKwh, factors, plan, embodied, assumptions, measured: measured !== undefined, planned, period });
  return { ok: true, run, findings, defaultPue: site.defaultPue };
}

// Indexed loops here and in estimateManifest: a check runs them once per entry, mostly before the JIT has
// optimised them, where an iterator per loop costs more than the loop.
function addNotices(findings: Finding[], place: FindingPlace, path: Path, notices: readonly EntryFinding[]): void {
  for (let i = 0; i < notices.length; i++) findings.push(entryFinding(place, path, notices[i]!));
}

function failure(place: FindingPlace, message: string, at: Where, findings: Finding[]): EntryEstimate {
  return { ok: false, findings: [findingAt(place, "manifest/invalid", "error", message, at), ...findings] };
}

interface Outcome {
  totals: Totals;
  itKwh: number;
  assumptions: readonly Assumption[];
}

/** Measured figures replace the plan's energy and operational CO2e; embodied carbon stays the plan's. */
function measuredOutcome(measured: MeasuredInput, factors: Factors, embodied: Embodied, cache: EstimateCache): Outcome {
  const m = measuredFootprint(measured, factors, embodied.kg);
  const src = { source: "measurement", year: null };
  const assumptions = [cache.assumption("measured", measured.label, "", src), cache.assumption("energy_basis", measuredBasis(measured, factors), "", src)];
  if (measured.codecarbon) {
    assumptions.push(
      cache.assumption("operational_co2e", "CodeCarbon's emissions column (its own grid figure; carbon_intensity above is not applied)", "", src),
    );
  }
  return { totals: m.totals, itKwh: m.itKwh, assumptions };
}

/** What the measured figures cover, as the report states it. */
function measuredBasis(m: MeasuredInput, f: Factors): string {
  const it = `IT-level (× PUE ${f.pue})`;
  if (m.basis === "it" || (m.basis === undefined && !m.codecarbon)) return it;
  if (m.basis === "facility") return "facility-level, as stated (no PUE applied)";
  const pues = [...new Set(m.codecarbon!.map((c) => c.pue))];
  return pues.map((p) => (p === null ? `${it}: no pue column` : `facility-level at CodeCarbon's pue ${p}`)).join("; ");
}

/**
 * CodeCarbon writes pue 1 when none was configured: such figures are taken as recorded, and a notice says how to apply
 * the site's PUE instead, where that differs.
 */
function measuredNotices(m: MeasuredInput, f: Factors): EntryFinding[] {
  if (m.basis !== undefined || !m.codecarbon || f.pue === 1 || !m.codecarbon.some((c) => c.pue === 1)) return [];
  const message =
    `the CodeCarbon file records pue 1, so its energy is taken as the whole facility's, as recorded; ` +
    `if CodeCarbon was left at its default of 1, write measured.energy_basis: it to apply this entry's PUE (${f.pue})`;
  return [{ rule: "data/energy-basis", severity: "notice", message, at: { value: ["measured", "codecarbon"] } }];
}

interface RunParts {
  totals: Totals;
  itKwh: number;
  factors: Factors;
  plan: PlannedEnergy;
  embodied: Embodied;
  assumptions: Assumption[];
  measured: boolean;
  /** The plan's totals, also for a measured entry; null when it cannot be planned. */
  planned: Totals | null;
  period: PeriodOf;
}

function runRecord(e: ResolvedEntry, p: RunParts): RunResult {
  const { entry, kind } = e;
  const accHours = p.plan.acceleratorHours;
  return {
    id: entry.id,
    kind,
    basis: p.measured ? "measured" : "estimated",
    // Written out rather than spread (a spread into a literal is slow at 10,000 entries).
    energy_kwh: p.totals.energy_kwh,
    operational_co2e_kg: p.totals.operational_co2e_kg,
    embodied_co2e_kg: p.totals.embodied_co2e_kg,
    co2e_kg: p.totals.co2e_kg,
    water_l: p.totals.water_l,
    ...(p.totals.market_based_co2e_kg === undefined ? null : { market_based_co2e_kg: p.totals.market_based_co2e_kg }),
    inputs: {
      accelerator: e.accelerator?.id ?? null,
      count: entry.count ?? null,
      accelerator_hours: accHours,
      wall_clock_hours: accHours !== null && entry.count !== undefined ? accHours / entry.count : null,
      power_w: p.plan.powerW,
      utilization: accHours !== null ? p.plan.utilization : null,
      repeats: entry.repeats ?? 1,
      it_kwh: p.itKwh,
      pue: p.factors.pue,
      carbon_intensity: p.factors.intensity,
      location: e.location?.id ?? null,
      zone: e.location?.zone ?? null,
      wue_l_per_kwh: p.factors.wue,
      ewif_l_per_kwh: p.factors.ewif,
      embodied_per_accelerator_kg: p.embodied.perAcceleratorKg,
      precision: entry.precision ?? null,
    },
    assumptions: p.assumptions,
    planned: p.measured && p.planned ? { ...p.planned, drift_energy_pct: pct(p.totals.energy_kwh, p.planned.energy_kwh) } : null,
    per_request: kind === "inference" ? perRequest(p.totals, entry, e.rate, PERIOD_HOURS[p.period.window]) : null,
    ...(kind === "training" && (entry as TrainingEntry).one_off === true ? { one_off: true } : null),
    path: e.path,
  };
}
