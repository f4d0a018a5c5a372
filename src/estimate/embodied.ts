// Embodied carbon: the hardware's manufacturing footprint, amortised over the accelerator-hours used.
import { defaults, type Accelerator } from "../catalogue/index.js";
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

export function embodiedCarbon(
  entry: TrainingEntry | InferenceEntry,
  acc: Accelerator | null,
  acceleratorHours: number | null,
  cache: EstimateCache,
): Embodied {
  if (acceleratorHours === null) return { kg: 0, perAcceleratorKg: null, assumptions: [] };
  const e = defaults.embodied;
  const own = entry.embodied;
  const stated = own?.per_accelerator_kg;
  // The accelerator's class figure where the catalogue has one; custom and unrated accelerators get the default.
  const cls = stated === undefined ? (acc?.embodied ?? null) : null;
  const perAcc = stated ?? cls?.kg ?? e.per_accelerator_with_server_share_kg;
  const lifeYears = own?.lifetime_years ?? e.lifetime_years;
  const lifeUse = own?.lifetime_utilization ?? e.lifetime_utilization;
  const kg = (acceleratorHours * (entry.repeats ?? 1) * perAcc) / (lifeYears * HOURS_PER_YEAR * lifeUse);
  const assumptions = cache.once("embodied", [perAcc, stated !== undefined, cls, lifeYears, lifeUse, own !== undefined], () => {
    const made = [cache.assumption("embodied_per_accelerator", perAcc, "kgCO2e", stated !== undefined ? STATED : (cls ?? e))];
    if (cls) made.push(cache.assumption("embodied_class", cls.class, "", cls));
    made.push(cache.assumption("hardware_lifetime", `${lifeYears} years at ${Math.round(lifeUse * 100)} % use`, "", own !== undefined ? STATED : e));
    return made;
  });
  return { kg, perAcceleratorKg: perAcc, assumptions };
}
