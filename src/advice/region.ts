// Advice that saves carbon: the same provider's region with the lowest grid intensity. Advice never fails the gate.
import { findLocation, greenestRegion, type Provider, type ResolvedLocation } from "../catalogue/index.js";
import type { Assumption, RunResult } from "../estimate/index.js";
import type { RegionAdvice } from "../report-schema.js";

export type { RegionAdvice } from "../report-schema.js";

/** Entries whose grid figure comes from a cloud region; a carbon_intensity stated in the manifest is the user's own fact. */
export function regionAdvice(runs: readonly Pick<RunResult, "id" | "inputs" | "assumptions" | "operational_co2e_kg" | "co2e_kg">[]): RegionAdvice[] {
  const out: RegionAdvice[] = [];
  // Many entries share a location: each is resolved once, with its provider's greenest region.
  const places = new Map<string, { here: ResolvedLocation; best: ResolvedLocation } | null>();
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const location = run.inputs.location;
    if (!location) continue;
    let place = places.get(location);
    if (place === undefined) places.set(location, (place = cloudPlace(location)));
    if (place === null || statesIntensity(run.assumptions)) continue;
    const { here, best } = place;
    // Operational CO2e scales with the grid's intensity; for a measured run it is the measurement's own figure.
    const saving = run.operational_co2e_kg * (1 - best.intensity.value / here.intensity.value);
    if (!(saving > 0) || run.co2e_kg <= 0) continue;
    out.push({
      id: run.id,
      from: location,
      to: best.id,
      from_intensity: here.intensity.value,
      to_intensity: best.intensity.value,
      saving_co2e_kg: saving,
      saving_pct: (saving / run.co2e_kg) * 100,
    });
  }
  return out;
}

function cloudPlace(location: string): { here: ResolvedLocation; best: ResolvedLocation } | null {
  const provider = location.split(":")[0] as Provider;
  if (provider !== "aws" && provider !== "gcp" && provider !== "azure") return null;
  const here = findLocation(location);
  return here.ok ? { here: here.value, best: greenestRegion(provider) } : null;
}

function statesIntensity(assumptions: readonly Assumption[]): boolean {
  for (let i = 0; i < assumptions.length; i++) if (assumptions[i]!.name === "carbon_intensity" && assumptions[i]!.source === "manifest") return true;
  return false;
}
