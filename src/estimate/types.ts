// The shapes estimation produces, in a module of their own so the steps and the rules can share them without a cycle.
import type { CodeCarbonTotals } from "../measured/codecarbon.js";
import type { Path } from "../manifest/parse.js";
import type { RunReport } from "../report-schema.js";

export type { Kind, PerRequest, RunInputs, Totals } from "../report-schema.js";

/** One resolved input with its unit and where the figure comes from. */
export interface Assumption {
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  readonly source: string;
  readonly year: number | null;
}

/** An estimated entry: its figures as the report has them (report-schema.ts), with its assumptions themselves and
 *  its place in the manifest. */
export type RunResult = Omit<RunReport, "assumptions"> & {
  assumptions: Assumption[];
  /** Manifest path of the entry, for findings. */
  path: Path;
};

export interface MeasuredInput {
  /** One per file (rank): each is IT- or facility-level by its own pue column. */
  codecarbon?: CodeCarbonTotals[];
  energy_kwh?: number;
  /** What the figures cover, as the manifest states it; unstated, energy_kwh is IT-level and a CodeCarbon file is what its pue column says. */
  basis?: "it" | "facility";
  label: string;
}
