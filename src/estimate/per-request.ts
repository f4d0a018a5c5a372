// An inference entry's figures per request.
import type { InferenceEntry } from "../manifest/schema.js";
import type { PerRequest, Totals } from "./types.js";

/**
 * The entry's whole footprint over the requests it serves: the stated `requests`, else the throughput rate over
 * the period. Without either the count is unknown and the figures are null, with the reason.
 */
export function perRequest(result: Totals, inf: InferenceEntry, rate: number | null, periodHours: number): PerRequest {
  const perRepeat = inf.requests ?? (rate !== null ? rate * 3600 * (inf.hours ?? periodHours) : null);
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
  const n = perRepeat * (inf.repeats ?? 1);
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
