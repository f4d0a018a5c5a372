// What an entry was read as, shared by the text and Markdown renderers: the resolved accelerator and count, and
// the figures the manifest did not state (the hours derived by compute, the default period of a service).
import type { RunDelta } from "../diff.js";
import { isPeriodSource } from "../period/index.js";
import type { LeverReport, ManifestReport, RunReport } from "../report.js";
import { formatNumber, formatPct } from "../format/units.js";

/** "8 × nvidia-h100-sxm", the accelerator alone without count, "–" without accelerator. */
export function acceleratorCell(r: RunReport): string {
  const a = r.inputs.accelerator;
  if (a === null) return "–";
  const count = r.inputs.count ?? null;
  return count === null ? a : `${formatNumber(count)} × ${a}`;
}

const NONE: readonly string[] = [];

function fromConfig(m: Pick<ManifestReport, "assumptions">, r: RunReport): boolean {
  const first = r.assumptions[0];
  return first !== undefined && m.assumptions[first]!.name === "launch_config";
}

/** Whether one of the entry's assumptions has this name. */
function named(m: Pick<ManifestReport, "assumptions">, r: RunReport, name: string): boolean {
  for (const i of r.assumptions) if (m.assumptions[i]!.name === name) return true;
  return false;
}

/** Values an entry takes from its launch config, as its assumptions name them, and how a line of the entry calls them. */
const FROM_CONFIG: ReadonlyMap<string, string> = new Map([
  ["accelerator", "accelerator"],
  ["count", "count"],
  ["location", "location"],
  ["time_limit", "time limit"],
]);

/**
 * Where an entry's values come from its launch config, in plain text ("from sky/train.yaml: accelerator :5, count
 * :5 × :9, time limit 72 h :12"); null for an entry that reads none. Read from the assumptions, whose sources are
 * `file:line field`.
 */
export function configSummary(m: Pick<ManifestReport, "assumptions" | "sources">, r: RunReport): string | null {
  const first = r.assumptions[0];
  if (first === undefined || m.assumptions[first]!.name !== "launch_config") return null;
  const file = String(m.assumptions[first]!.value);
  const parts: string[] = [];
  for (const i of r.assumptions) {
    const a = m.assumptions[i]!;
    const label = FROM_CONFIG.get(a.name);
    const src = m.sources[a.source]!.source;
    if (label === undefined || !src.includes(`${file}:`)) continue;
    // A count is a product of factors, or (worker pools) a sum of such products: `:5 × :9`, `:12 × :23 + :25 × :36`.
    const lines = src
      .split(") + (")
      .map((term) =>
        term
          .split(`${file}:`)
          .slice(1)
          .map((s) => `:${Number.parseInt(s, 10)}`)
          .join(" × "),
      )
      .join(" + ");
    const value = a.name === "time_limit" ? ` ${formatNumber(Number(a.value))} h` : "";
    parts.push(`${label}${value} ${lines}`);
  }
  return `from ${file}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}

/** Plain-text notes on an entry's derived or assumed figures; empty when the manifest stated them all. */
export function entryNotes(m: Pick<ManifestReport, "assumptions" | "sources" | "period">, r: RunReport): readonly string[] {
  const hours = r.inputs.accelerator_hours;
  // A training entry has few notes: without training_flops or a launch config, nothing else is read.
  if (r.kind === "training" && !(hours !== null && named(m, r, "training_flops")) && !fromConfig(m, r)) return NONE;
  const notes: string[] = [];
  // Read from the report's assumption table in place: building each entry's assumptions costs a 10,000-entry report
  // some 100,000 objects for three names.
  let flops = false;
  let hoursGiven = false;
  let rate: { value: unknown } | undefined;
  let period: { value: unknown } | undefined;
  for (const i of r.assumptions) {
    const a = m.assumptions[i]!;
    if (a.name === "candidates") notes.push(`the launch config leaves a choice: ${String(a.value)}`);
    else if (a.name === "hours" && a.unit.startsWith("h (time limit"))
      notes.push(`hours: limit, the config's time limit of ${formatNumber(Number(a.value))} h: the figures are an upper bound`);
    if (a.name === "training_flops") flops = true;
    else if (a.name === "throughput") rate ??= a;
    else if (a.name === "hours") {
      hoursGiven = true;
      if (!period && isPeriodSource(m.sources[a.source]!.source)) period = a;
    }
  }
  if (flops && hours !== null) {
    const wall = r.inputs.wall_clock_hours ?? null;
    notes.push(
      `compute (6·P·T) gives ${formatNumber(hours)} accelerator-hours${wall !== null ? `, ${formatNumber(wall)} h wall-clock on ${formatNumber(r.inputs.count!)} accelerators` : "; set count to see the wall-clock time"}`,
    );
  }
  const wall = r.inputs.wall_clock_hours ?? null;
  if (r.kind === "inference" && rate && !hoursGiven && hours !== null && wall !== null) {
    notes.push(
      `at ${formatNumber(Number(rate.value))} requests/s the requests keep the fleet busy ${formatNumber(wall)} h (${formatNumber(hours)} accelerator-hours); idle time is not counted`,
    );
  }
  if (r.kind === "inference" && period) {
    notes.push(
      m.period?.stated
        ? `no hours given: it serves the manifest's period, one ${m.period.window} (${formatNumber(Number(period.value))} h); set hours for a shorter service`
        : `no hours given: one year (${formatNumber(Number(period.value))} h) of service assumed; set hours for another period`,
    );
  }
  return notes;
}

/**
 * An inference entry's figures per request, in plain text ("0.0432 Wh per request, …, 1.2 J per token"), or why
 * they are unknown; null for training.
 */
export function perRequestSummary(r: Pick<RunReport, "per_request">): string | null {
  const p = r.per_request;
  if (!p) return null;
  if (p.energy_wh === null) return `per-request figures unknown: ${p.reason ?? "no request count"}`;
  const parts = [`${formatNumber(p.energy_wh)} Wh per request`];
  if (p.requests_per_kwh !== null) parts.push(`${formatNumber(p.requests_per_kwh)} requests per kWh`);
  if (p.co2e_g_per_1000 !== null) parts.push(`${formatNumber(p.co2e_g_per_1000)} g CO2e per 1,000 requests`);
  if (p.water_ml !== null) parts.push(`${formatNumber(p.water_ml)} mL water per request`);
  if (p.j_per_token !== null) parts.push(`${formatNumber(p.j_per_token)} J per token`);
  const basis = p.requests_basis === "throughput" && p.requests !== null ? ` (over ${formatNumber(p.requests)} requests at the throughput rate)` : "";
  return parts.join(", ") + basis;
}

/** "each request uses 18.0 % less energy than on the base (CO2e per request −20.0 %)"; null when unchanged or unknown. */
export function perRequestChange(d: Pick<RunDelta, "change" | "per_request_energy_pct" | "per_request_co2e_pct">): string | null {
  const e = d.per_request_energy_pct;
  if (d.change !== "changed" || e === null || formatPct(e) === "±0 %") return null;
  const amount = formatPct(Math.abs(e)).replace("+", "");
  const co2e = d.per_request_co2e_pct === null ? "" : ` (CO2e per request ${formatPct(d.per_request_co2e_pct)})`;
  return `each request uses ${amount} ${e < 0 ? "less" : "more"} energy than on the base${co2e}`;
}

/** One entry's part of a computed lever. */
export interface EntrySaving {
  lever: LeverReport;
  id: string;
  energy_kwh: number;
  co2e_kg: number;
  /** Of the entry's CO2e. */
  pct: number;
}

/**
 * The computed levers entry by entry, largest saving first: a lever about one entry as it is, one about several
 * (its share the same for each, as FP8's) as that share of each entry's energy and CO2e. `keep` picks the entries.
 */
export function entrySavings(m: Pick<ManifestReport, "runs" | "levers">, keep: (id: string) => boolean = () => true): EntrySaving[] {
  const out: EntrySaving[] = [];
  let byId: Map<string, RunReport> | undefined;
  for (const l of m.levers) {
    if (l.saving_co2e_kg === null || l.saving_pct === null) continue;
    if (l.ids.length === 1) {
      if (keep(l.ids[0]!)) out.push({ lever: l, id: l.ids[0]!, energy_kwh: l.saving_energy_kwh ?? 0, co2e_kg: l.saving_co2e_kg, pct: l.saving_pct });
      continue;
    }
    byId ??= new Map(m.runs.map((r) => [r.id, r]));
    const share = l.saving_pct / 100;
    for (const id of l.ids) {
      const r = byId.get(id);
      if (r && keep(id)) out.push({ lever: l, id, energy_kwh: r.energy_kwh * share, co2e_kg: r.co2e_kg * share, pct: l.saving_pct });
    }
  }
  return out.sort((a, b) => b.co2e_kg - a.co2e_kg);
}
