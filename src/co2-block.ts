// The `co2_eq_emissions` block footprint-gate suggests for a Hugging Face model card, and the figures it holds. Apart
// from reading and rewriting cards (modelcard.ts), so that the Markdown report can show the block without loading a
// YAML or Markdown parser.
import { acceleratorDisplayName, readablePlace } from "./catalogue/index.js";

export interface Co2Block {
  grams: number;
  source: string;
  training_type?: string;
  geographical_location?: string;
  hardware_used?: string;
}

/**
 * The block in YAML, its strings written by `quote`: double quotes (JSON's escapes are valid YAML) unless the card
 * has its own style (modelcard.ts `quoter`).
 */
export function co2BlockYaml(b: Co2Block, quote: (s: string) => string = JSON.stringify): string {
  const lines = ["co2_eq_emissions:", `  emissions: ${formatGrams(b.grams)}`, `  source: ${quote(b.source)}`];
  if (b.training_type) lines.push(`  training_type: ${quote(b.training_type)}`);
  if (b.geographical_location) lines.push(`  geographical_location: ${quote(b.geographical_location)}`);
  if (b.hardware_used) lines.push(`  hardware_used: ${quote(b.hardware_used)}`);
  return lines.join("\n");
}

/** Grams as a card writes them: whole grams, or three significant figures under 10 g (a short fine-tune emits 0.012 g). */
export function formatGrams(grams: number): string {
  if (grams >= 10 || grams === 0) return String(Math.round(grams));
  return String(Number(grams.toPrecision(3)));
}

type CardRun = {
  kind: string;
  basis: string;
  operational_co2e_kg: number;
  embodied_co2e_kg: number;
  inputs: { accelerator: string | null; count?: number | null; location: string | null; zone: string | null };
};

/** The training entries' operational CO2e (the card's `emissions`) and their embodied CO2e, reported beside it, in grams. */
export function trainingGrams(runs: readonly CardRun[]): { operational_g: number; embodied_g: number } {
  let operational = 0;
  let embodied = 0;
  for (const r of runs) {
    if (r.kind !== "training") continue;
    operational += r.operational_co2e_kg;
    embodied += r.embodied_co2e_kg;
  }
  return { operational_g: operational * 1000, embodied_g: embodied * 1000 };
}

/**
 * The block footprint-gate suggests for a card: the training entries' operational CO2e in grams (the convention of
 * CodeCarbon, AutoTrain and the ML CO2 calculator), where they ran as a readable place, and their hardware with its
 * count, keeping what the card already says. Values an earlier version wrote (grid-zone and catalogue ids) are refreshed.
 */
export function suggestedCo2Block(
  runs: readonly CardRun[],
  existing?: { training_type?: string; geographical_location?: string; hardware_used?: string } | null,
): Co2Block {
  const training = runs.filter((r) => r.kind === "training");
  const unique = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))].join(", ");
  const place = unique(training.map((r) => readablePlace(r.inputs.location, r.inputs.zone))) || undefined;
  const hardware =
    unique(
      training.map((r) =>
        r.inputs.accelerator === null ? null : `${r.inputs.count ? `${r.inputs.count} x ` : ""}${acceleratorDisplayName(r.inputs.accelerator)}`,
      ),
    ) || undefined;
  const own = (value: string | undefined, generatedBefore: string) => (value !== undefined && value !== generatedBefore ? value : undefined);
  return {
    grams: trainingGrams(training).operational_g,
    source: training.some((r) => r.basis === "measured") ? "footprint-gate (CodeCarbon measurements where available)" : "footprint-gate estimate",
    training_type: existing?.training_type,
    geographical_location: own(existing?.geographical_location, unique(training.map((r) => r.inputs.zone))) ?? place,
    hardware_used: own(existing?.hardware_used, unique(training.map((r) => r.inputs.accelerator))) ?? hardware,
  };
}
