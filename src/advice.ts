// Advice that saves carbon: the same provider's region with the lowest grid intensity. Advice never fails the gate.
import { findLocation, greenestRegion, type Provider } from "./catalogue/index.js";
import type { RunResult } from "./estimate/index.js";

export interface RegionAdvice {
  id: string;
  from: string;
  to: string;
  /** The grid zones and their intensities, gCO2e/kWh. */
  from_intensity: number;
  to_intensity: number;
  saving_co2e_kg: number;
  /** Of the entry's total CO2e. */
  saving_pct: number;
}

/** Entries whose grid figure comes from a cloud region; a carbon_intensity stated in the manifest is the user's own fact. */
export function regionAdvice(runs: readonly Pick<RunResult, "id" | "inputs" | "assumptions" | "operational_co2e_kg" | "co2e_kg">[]): RegionAdvice[] {
  const out: RegionAdvice[] = [];
  // Many entries share a location: each is resolved once.
  const places = new Map<string, ReturnType<typeof findLocation>>();
  for (const run of runs) {
    const location = run.inputs.location;
    const ownIntensity = run.assumptions.some((a) => a.name === "carbon_intensity" && a.source === "manifest");
    if (!location || ownIntensity) continue;
    const provider = location.split(":")[0] as Provider;
    if (!["aws", "gcp", "azure"].includes(provider)) continue;
    let here = places.get(location);
    if (!here) places.set(location, (here = findLocation(location)));
    if (!here.ok) continue;
    const best = greenestRegion(provider);
    // Operational CO2e scales with the grid's intensity; for a measured run it is the measurement's own figure.
    const saving = run.operational_co2e_kg * (1 - best.intensity.value / here.value.intensity.value);
    if (!(saving > 0) || run.co2e_kg <= 0) continue;
    out.push({
      id: run.id,
      from: location,
      to: best.id,
      from_intensity: here.value.intensity.value,
      to_intensity: best.intensity.value,
      saving_co2e_kg: saving,
      saving_pct: (saving / run.co2e_kg) * 100,
    });
  }
  return out;
}
