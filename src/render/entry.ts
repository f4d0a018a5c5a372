// What an entry was read as, shared by the text and Markdown renderers: the resolved accelerator and count, and
// the figures the manifest did not state (the hours derived by compute, the default period of a service).
import { DEFAULT_PERIOD_SOURCE } from "../estimate/index.js";
import type { ManifestReport, RunReport } from "../evaluate.js";
import { runAssumptions } from "../report.js";
import { formatNumber } from "./units.js";

/** "8 × nvidia-h100-sxm", the accelerator alone without count, "–" without accelerator. */
export function acceleratorCell(r: RunReport): string {
  const a = r.inputs.accelerator;
  if (a === null) return "–";
  const count = r.inputs.count ?? null;
  return count === null ? a : `${formatNumber(count)} × ${a}`;
}

/** Plain-text notes on an entry's derived or assumed figures; empty when the manifest stated them all. */
export function entryNotes(m: Pick<ManifestReport, "assumptions" | "sources">, r: RunReport): string[] {
  const notes: string[] = [];
  const assumed = runAssumptions(m, r);
  const hours = r.inputs.accelerator_hours;
  if (assumed.some((a) => a.name === "training_flops") && hours !== null) {
    const wall = r.inputs.wall_clock_hours ?? null;
    notes.push(
      `compute (6·P·T) gives ${formatNumber(hours)} accelerator-hours${wall !== null ? `, ${formatNumber(wall)} h wall-clock on ${formatNumber(r.inputs.count!)} accelerators` : "; set count to see the wall-clock time"}`,
    );
  }
  const period = assumed.find((a) => a.name === "hours" && a.source === DEFAULT_PERIOD_SOURCE);
  if (r.kind === "inference" && period) {
    notes.push(`no hours given: one year (${formatNumber(Number(period.value))} h) of service assumed; set hours for another period`);
  }
  return notes;
}
