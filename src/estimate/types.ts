// The shapes estimation produces, in a module of their own so the steps and the rules can share them without a cycle.
import type { CodeCarbonTotals } from "../measured/codecarbon.js";
import type { Path } from "../manifest/parse.js";

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
  /** What the figures cover, as the manifest states it; unstated, energy_kwh is IT-level and a CodeCarbon file is what its pue column says. */
  basis?: "it" | "facility";
  label: string;
}
