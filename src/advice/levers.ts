// The methodology's efficiency levers as advice (docs/methodology.md#efficiency-advice): what an entry would save
// with a lower precision or a busier fleet, from its own figures where the gate can compute it, and as published
// ranges with their conditions where it cannot. Advice never changes a verdict; every figure is an assumption
// with its source (data/levers.json).
import leverData from "../../data/levers.json" with { type: "json" };
import { defaults } from "../catalogue/index.js";
import type { Assumption, RunResult } from "../estimate/index.js";
import type { InferenceInput as InferenceEntry, Manifest, Precision, TrainingInput as TrainingEntry } from "../manifest/schema.js";
import type { Lever, LeverReport } from "../report-schema.js";

export type { Lever } from "../report-schema.js";

/** A lever with its assumptions themselves; the report lists them by index (LeverReport). */
export type LeverAdvice = Omit<LeverReport, "assumptions"> & { assumptions: Assumption[] };

const data = leverData;
const FP8_ACCELERATORS: ReadonlySet<string> = new Set(data.fp8_training.accelerators);
/** Precisions of 8 bits or fewer: advice to lower the precision no longer applies to them. */
const LOW_PRECISION: ReadonlySet<Precision> = new Set(["fp8", "fp4", "int8", "int4"]);

/** A speedup S at unchanged average power saves 1 − 1/S of the energy, in %. */
const savedPct = (speedup: number) => (1 - 1 / speedup) * 100;
const round1 = (x: number) => Math.round(x * 10) / 10;

// One object per figure, shared by every entry, so the report's assumption table lists each once.
const sourced = (name: string, value: number | string, unit: string, ref: { source: string; year: number; conditions?: string }): Assumption => ({
  name,
  value,
  unit,
  source: ref.conditions ? `${ref.source}. Applies to ${ref.conditions}` : ref.source,
  year: ref.year,
});
const fp8 = data.fp8_training;
const FP8_FIGURES = [
  sourced("fp8_training_speedup", fp8.speedup, "×", fp8),
  sourced("fp8_training_speedup_range", `${fp8.speedup_low}–${fp8.speedup_high}×`, "", fp8),
];
const BUSY = defaults.throughput_utilization;
const BUSY_FIGURES = [sourced("serving_utilization_busy", BUSY.value, "", { source: data.serving_utilization.source, year: data.serving_utilization.year })];

interface RangeLever {
  lever: Lever;
  range: [number, number];
  assumption: Assumption;
  applies(entry: InferenceEntry): boolean;
}

const pctRange = (lo: number, hi: number) => `${lo} to ${hi} %`;
const RANGES: readonly RangeLever[] = [
  {
    lever: "quantized-serving",
    range: [data.quantized_serving.saving_pct_low, data.quantized_serving.saving_pct_high],
    assumption: sourced(
      "quantized_serving_energy_saving",
      pctRange(data.quantized_serving.saving_pct_low, data.quantized_serving.saving_pct_high),
      "",
      data.quantized_serving,
    ),
    applies: (e) => e.precision === undefined || !LOW_PRECISION.has(e.precision),
  },
  {
    lever: "batching",
    range: [data.batching.saving_pct_low, data.batching.saving_pct_high],
    assumption: sourced("batching_energy_saving", pctRange(data.batching.saving_pct_low, data.batching.saving_pct_high), "", data.batching),
    // With a stated throughput the fleet's batching is already in its figures.
    applies: (e) => e.throughput === undefined,
  },
  {
    lever: "sparsity",
    range: [round1(savedPct(data.sparsity.speedup_low)), round1(savedPct(data.sparsity.speedup_high))],
    assumption: sourced("sparsity_2of4_speedup", `${data.sparsity.speedup_low}–${data.sparsity.speedup_high}×`, "", data.sparsity),
    applies: () => true,
  },
  {
    lever: "distillation",
    range: [round1(savedPct(data.distillation.speedup_low)), round1(savedPct(data.distillation.speedup_high))],
    assumption: sourced("distillation_speedup", `${data.distillation.speedup_low}–${data.distillation.speedup_high}×`, "", data.distillation),
    applies: () => true,
  },
];

type Run = Pick<RunResult, "id" | "kind" | "path" | "inputs" | "energy_kwh" | "co2e_kg" | "embodied_co2e_kg">;

/**
 * The levers of a manifest's runs. A lever whose share is the same for every entry (FP8, the ranges) is listed once,
 * with the entries it applies to and its savings summed over them; a serving fleet's, which depends on the entry's
 * own utilisation, once per entry.
 */
export function leverAdvice(manifest: Pick<Manifest, "training" | "inference">, runs: readonly Run[]): LeverAdvice[] {
  const out: LeverAdvice[] = [];
  const fp8Runs: Run[] = [];
  const ranged = RANGES.map(() => [] as string[]);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const index = run.path[1] as number;
    if (run.kind === "training") {
      if (fp8Applies(run, manifest.training![index]!)) fp8Runs.push(run);
      continue;
    }
    const entry = manifest.inference![index]!;
    const busy = servingUtilization(run, entry);
    if (busy) out.push(busy);
    for (let j = 0; j < RANGES.length; j++) if (RANGES[j]!.applies(entry)) ranged[j]!.push(run.id);
  }
  if (fp8Runs.length > 0) out.unshift(fp8Training(fp8Runs));
  RANGES.forEach((r, j) => {
    const ids = ranged[j]!;
    if (ids.length > 0)
      out.push({ lever: r.lever, ids, saving_energy_kwh: null, saving_co2e_kg: null, saving_pct: null, range_pct: r.range, assumptions: [r.assumption] });
  });
  return out;
}

/** FP8 training on an accelerator with FP8 tensor cores, for a model of 8B parameters and up (or of unknown size). */
function fp8Applies(run: Run, entry: TrainingEntry): boolean {
  if (entry.precision !== undefined && LOW_PRECISION.has(entry.precision)) return false;
  if (run.inputs.accelerator === null || !FP8_ACCELERATORS.has(run.inputs.accelerator) || !(run.co2e_kg > 0)) return false;
  const parameters = entry.compute?.parameters;
  return parameters === undefined || parameters >= fp8.min_parameters;
}

/** The same share of every entry's energy and CO2e: fewer accelerator-hours at the same power shrink operational
 *  and embodied carbon alike. */
function fp8Training(runs: readonly Run[]): LeverAdvice {
  const share = 1 - 1 / fp8.speedup;
  let energy = 0;
  let co2e = 0;
  for (const r of runs) {
    energy += r.energy_kwh;
    co2e += r.co2e_kg;
  }
  return {
    lever: "fp8-training",
    ids: runs.map((r) => r.id),
    saving_energy_kwh: energy * share,
    saving_co2e_kg: co2e * share,
    saving_pct: share * 100,
    range_pct: [round1(savedPct(fp8.speedup_low)), round1(savedPct(fp8.speedup_high))],
    assumptions: FP8_FIGURES,
  };
}

/**
 * A fleet serving below the measured utilisation of production serving: the same work on a busier fleet needs
 * fewer accelerator-hours. The gate counts power in proportion to utilisation, so the energy is the same; the
 * embodied carbon of the hours no longer needed is the saving.
 */
function servingUtilization(run: Run, entry: InferenceEntry): LeverAdvice | null {
  const u = run.inputs.utilization;
  if (u === null || entry.throughput !== undefined || !(u < BUSY.value)) return null;
  const saving = run.embodied_co2e_kg * (1 - u / BUSY.value);
  if (!(saving > 0) || !(run.co2e_kg > 0)) return null;
  return {
    lever: "serving-utilization",
    ids: [run.id],
    saving_energy_kwh: 0,
    saving_co2e_kg: saving,
    saving_pct: (saving / run.co2e_kg) * 100,
    range_pct: null,
    assumptions: BUSY_FIGURES,
  };
}

/** The figures the views state with the advice. */
export const FP8_SPEEDUP = fp8.speedup;
export const BUSY_UTILIZATION = BUSY.value;
