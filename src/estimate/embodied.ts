// Embodied carbon: the hardware's manufacturing footprint, amortised over the accelerator-hours used.
import { defaults } from "../catalogue/index.js";
import type { InferenceEntry, TrainingEntry } from "../manifest/schema.js";
import { STATED, type EstimateCache } from "./cache.js";
import { HOURS_PER_YEAR } from "./energy.js";
import type { Assumption } from "./types.js";

export interface Embodied {
  kg: number;
  /** null: no accelerator-hours to amortise over. */
  perAcceleratorKg: number | null;
  assumptions: readonly Assumption[];
}

export function embodiedCarbon(entry: TrainingEntry | InferenceEntry, acceleratorHours: number | null, cache: EstimateCache): Embodied {
  if (acceleratorHours === null) return { kg: 0, perAcceleratorKg: null, assumptions: [] };
  const e = defaults.embodied;
  const own = entry.embodied;
  const perAcc = own?.per_accelerator_kg ?? e.per_accelerator_kg + e.per_server_kg / e.accelerators_per_server;
  const lifeYears = own?.lifetime_years ?? e.lifetime_years;
  const lifeUse = own?.lifetime_utilization ?? e.lifetime_utilization;
  const kg = (acceleratorHours * (entry.repeats ?? 1) * perAcc) / (lifeYears * HOURS_PER_YEAR * lifeUse);
  const assumptions = cache.once("embodied", [perAcc, own?.per_accelerator_kg !== undefined, lifeYears, lifeUse, own !== undefined], () => [
    cache.assumption("embodied_per_accelerator", perAcc, "kgCO2e", own?.per_accelerator_kg !== undefined ? STATED : e),
    cache.assumption("hardware_lifetime", `${lifeYears} years at ${Math.round(lifeUse * 100)} % use`, "", own !== undefined ? STATED : e),
  ]);
  return { kg, perAcceleratorKg: perAcc, assumptions };
}
