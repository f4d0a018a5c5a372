// The planned IT energy of an entry: accelerator-hours × power × utilisation, or requests × energy per request.
import { defaults, type Accelerator } from "../catalogue/index.js";
import type { EntryFinding, ResolvedEntry, Where } from "../manifest/rules.js";
import type { InferenceEntry, TrainingEntry } from "../manifest/schema.js";
import { DEFAULT_PERIOD, PERIOD_HOURS, periodSource, type Period } from "../period/index.js";
import { STATED, type EstimateCache, type SourceRef } from "./cache.js";
import type { Assumption } from "./types.js";

/** Hours of a year of hardware life (embodied carbon). */
export const HOURS_PER_YEAR = 8760;

/** The manifest's window of recurring work, and whether the manifest states it. */
export interface PeriodOf {
  window: Period;
  stated: boolean;
}

/** A manifest without `period`. */
export const UNSTATED: PeriodOf = { window: DEFAULT_PERIOD, stated: false };

export interface PlannedEnergy {
  /** null: no duration is stated (a measured-only entry) or the entry is in the request form. */
  acceleratorHours: number | null;
  powerW: number | null;
  utilization: number;
  /** Energy over all repeats, kWh, on `basis`; null: nothing to plan. */
  itKwh: number | null;
  /** facility: a stated energy_per_request_wh that already includes the data centre (the entry's PUE is not applied). */
  basis: "it" | "facility";
  assumptions: Assumption[];
  notices: EntryFinding[];
}

/** `at` is below the entry. */
export type EnergyPlan = { ok: true; plan: PlannedEnergy } | { ok: false; message: string; at: Where };

export function plannedEnergy({ kind, entry, accelerator: acc, rate }: ResolvedEntry, cache: EstimateCache, period: PeriodOf = UNSTATED): EnergyPlan {
  const assumptions: Assumption[] = [];
  const notices: EntryFinding[] = [];
  const inf = entry as InferenceEntry;
  const repeats = entry.repeats ?? 1;
  // A fleet at a stated sustained rate is busy: its default is a measured load figure, not the fleet average.
  const utilSource: SourceRef = rate !== null ? defaults.throughput_utilization : defaults.utilization;
  const utilDefault =
    kind === "training" ? defaults.utilization.training : rate !== null ? defaults.throughput_utilization.value : defaults.utilization.inference;
  const utilization = entry.utilization ?? utilDefault;
  let accHours: number | null = null;
  let power: number | null = null;
  let itKwh: number | null = null;
  let basis: "it" | "facility" = "it";

  if (kind === "inference" && inf.energy_per_request_wh !== undefined && inf.requests !== undefined) {
    itKwh = ((inf.requests * inf.energy_per_request_wh) / 1000) * repeats;
    basis = inf.energy_basis ?? "it";
    const unit = basis === "it" ? "Wh (IT; the PUE is applied)" : "Wh (facility; includes the PUE)";
    assumptions.push(cache.assumption("energy_per_request", inf.energy_per_request_wh, unit, STATED));
    assumptions.push(cache.assumption("requests", inf.requests, "", STATED));
  } else if (acc) {
    if (entry.power_w !== undefined) {
      power = entry.power_w;
      assumptions.push(cache.assumption("power_w", power, "W", STATED));
    } else if (acc.power_w !== null) {
      // The catalogue's figure with its basis: TDP, or a published measured figure where that is the better one.
      power = acc.power_w;
      assumptions.push(cache.assumption("power_w", power, `W (${acc.power_basis!})`, { source: acc.power_source!, year: acc.power_year }));
    }
    const hours = kind === "inference" ? servingHours(inf, rate, period, assumptions, cache) : trainingHours(entry, acc, assumptions, cache);
    if (hours === undefined) {
      return {
        ok: false,
        message: `${acc.id} has no sourced peak BF16 figure; set peak_tflops, or give hours or gpu_hours instead of compute`,
        at: { key: ["compute"] },
      };
    }
    accHours = hours;
    const compute = kind === "training" ? (entry as TrainingEntry).compute : undefined;
    if (compute !== undefined && compute.mfu === undefined && accHours !== null) {
      // The hours of the compute form scale with 1 / mfu: a default figure must not pass unnoticed.
      notices.push({
        rule: "data/default-mfu",
        severity: "notice",
        message: `compute has no mfu, so ${defaults.mfu.value} is assumed (a planning convention from published large-scale runs, not a measurement; its source is in the assumptions); state the MFU your training stack reaches, e.g. compute: { …, mfu: 0.35 }`,
        at: { key: ["compute"] },
      });
    }
    if (accHours !== null) {
      if (power === null) return { ok: false, message: `${acc.id} has no published power figure; set power_w`, at: { value: ["accelerator"] } };
      assumptions.push(cache.assumption("utilization", utilization, "", entry.utilization !== undefined ? STATED : utilSource));
      itKwh = ((accHours * power * utilization) / 1000) * repeats;
    }
  }
  if (repeats !== 1) assumptions.push(cache.assumption("repeats", repeats, "", STATED));
  return { ok: true, plan: { acceleratorHours: accHours, powerW: power, utilization, itKwh, basis, assumptions, notices } };
}

/** Accelerator-hours of a serving fleet; null without count (a measured-only entry). */
function servingHours(inf: InferenceEntry, rate: number | null, period: PeriodOf, assumptions: Assumption[], cache: EstimateCache): number | null {
  if (rate !== null) {
    assumptions.push(cache.assumption("throughput", rate, "requests/s", STATED));
    if (inf.throughput?.tokens_per_request !== undefined)
      assumptions.push(cache.assumption("tokens_per_request", inf.throughput.tokens_per_request, "tokens", STATED));
    // With requests, the fleet is busy for requests ÷ rate (the rules refuse a plan that does not fit the hours).
    if (inf.requests !== undefined) {
      assumptions.push(cache.assumption("requests", inf.requests, "", STATED));
      return inf.count === undefined ? null : (inf.count * inf.requests) / rate / 3600;
    }
  }
  const hours = inf.hours ?? PERIOD_HOURS[period.window];
  assumptions.push(
    cache.assumption("hours", hours, "h", inf.hours !== undefined ? STATED : { source: periodSource(period.window, period.stated), year: null }),
  );
  return inf.count === undefined ? null : inf.count * hours;
}

/** Accelerator-hours of a training run. null: no duration given (measured-only); undefined: compute form without a peak figure. */
function trainingHours(t: TrainingEntry, acc: Accelerator, assumptions: Assumption[], cache: EstimateCache): number | null | undefined {
  if (t.hours !== undefined && t.count !== undefined) {
    assumptions.push(cache.assumption("hours", t.hours, "h", STATED));
    return t.count * t.hours;
  }
  if (t.gpu_hours !== undefined) {
    assumptions.push(cache.assumption("accelerator_hours", t.gpu_hours, "h", STATED));
    return t.gpu_hours;
  }
  if (t.compute) {
    const peak = t.peak_tflops ?? acc.peak_bf16_dense_tflops;
    if (peak === null) return undefined;
    const mfu = t.compute.mfu ?? defaults.mfu.value;
    const flops = 6 * t.compute.parameters * t.compute.tokens;
    assumptions.push(cache.assumption("training_flops", flops, "FLOP (6·P·T)", STATED));
    assumptions.push(cache.assumption("peak_bf16_dense", peak, "TFLOPS", t.peak_tflops !== undefined ? STATED : acc));
    assumptions.push(cache.assumption("mfu", mfu, "", t.compute.mfu !== undefined ? STATED : defaults.mfu));
    return flops / (peak * 1e12 * mfu) / 3600;
  }
  return null;
}
