// The terminal report: a table of entries, the deltas, the findings with file:line, and the verdict.
import type { RegionAdvice } from "../advice/region.js";
import type { RunDelta, RunFigures } from "../diff.js";
import type { Finding } from "../findings.js";
import type { LeverReport, ManifestReport, Report, RunReport } from "../report.js";
import { FP8_SPEEDUP } from "../advice/levers.js";
import { acceleratorCell, configSummary, entryNotes, entrySavings, perRequestChange, perRequestSummary } from "./entry.js";
import { plainLines, plainText } from "../format/escape.js";
import { formatBudgetUse } from "../budget.js";
import { labelled } from "../period/index.js";
import type { ModelCardReport } from "../policy.js";
import { formatDelta, formatNumber, formatPct, formatQuantity } from "../format/units.js";

const METRIC = { energy_kwh: "energy", co2e_kg: "CO2e", water_l: "water" } as const;
const VERDICT = { pass: "PASS", warn: "PASS with warnings", fail: "FAIL" } as const;

/** Characters as a terminal counts them: code points (a lone surrogate is one), without spreading the string. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

// Columns from the fifth (energy) on hold figures, aligned right.
const FIRST_FIGURE = 4;

const SPACES: string[] = [];
/** `n` spaces, made once per width: a 10,000-entry table pads some 90,000 cells. */
function spaces(n: number): string {
  return (SPACES[n] ??= " ".repeat(n));
}

/**
 * A table laid out as it fills: each column's width grows as cells are added, and each line is written in one pass
 * without an array per row.
 */
class Table {
  private readonly cells: string[] = [];
  private readonly widths: number[];
  /** The longest line written so far. */
  widest = 0;

  constructor(private readonly columns: number) {
    this.widths = new Array<number>(columns).fill(0);
  }

  /** The next cell, left to right and row by row; `width` is what a terminal counts (code points). */
  add(text: string, width = codePoints(text)): void {
    const c = this.cells.length % this.columns;
    this.cells.push(text);
    if (width > this.widths[c]!) this.widths[c] = width;
  }

  /** A cell the report writes itself (a figure, a unit, a share): one UTF-16 unit per character. */
  figure(text: string): void {
    this.add(text, text.length);
  }

  /** The table's lines, each after `indent`, into `out`; the total, the last row, under a rule as wide as the widest line. */
  write(out: Lines, indent: string): void {
    const parts: string[] = [];
    const last = this.cells.length - this.columns;
    for (let row = 0; row < last; row += this.columns) out.push(this.line(row, indent, parts));
    const total = this.line(last, indent, parts);
    out.push(indent + "-".repeat(this.widest));
    out.push(total);
  }

  /** One row as a line; `parts` is scratch space, reused. */
  private line(row: number, indent: string, parts: string[]): string {
    const { cells, columns, widths } = this;
    // Trailing empty cells are nothing but padding, which the line would lose to trimEnd anyway.
    let end = columns;
    while (end > 0 && cells[row + end - 1] === "") end--;
    parts.length = 0;
    parts.push(indent);
    for (let c = 0; c < end; c++) {
      const cell = cells[row + c]!;
      // Padded to the width in UTF-16 units, as padStart/padEnd would.
      const pad = widths[c]! - cell.length;
      if (c > 0) parts.push("  ");
      if (pad > 0 && c >= FIRST_FIGURE) parts.push(spaces(pad));
      parts.push(cell);
      if (pad > 0 && c < FIRST_FIGURE) parts.push(spaces(pad));
    }
    // One flat string per line: a line of concatenations is some twenty objects, all alive until the report is
    // joined. Only a line that may end in white space is trimmed, as that copies it again: every character trimEnd
    // takes is at most U+0020, U+00A0 or at least U+1680.
    let line = parts.join("");
    const c = line.charCodeAt(line.length - 1);
    if (c <= 0x20 || c === 0xa0 || c >= 0x1680) line = indent + line.slice(indent.length).trimEnd();
    if (line.length - indent.length > this.widest) this.widest = line.length - indent.length;
    return line;
  }
}

/**
 * A text's lines, joined into flat text every few hundred lines and sanitised as they are: what each line is built
 * from then dies young, instead of living (and being copied by the collector) until the whole report is joined.
 */
class Lines {
  private readonly chunks: string[] = [];
  private pending: string[] = [];

  push(line: string): void {
    this.pending.push(line);
    if (this.pending.length >= 256) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // Every line once more through the sanitiser: whatever field a line is built from, nothing steers the terminal.
    // A line break inside a field starts a line of its own, sanitised apart.
    this.chunks.push(plainLines(this.pending.join("\n")));
    this.pending = [];
  }

  text(): string {
    this.flush();
    return this.chunks.join("\n");
  }
}

// Each entry's cells and lines are made by a function of their own, called once per entry: V8 optimises such a
// function after a few calls, where a long loop inside one big function runs unoptimised until it is replaced on
// the stack, which a 10,000-entry report pays for in every loop.

/** "energy 80 %" per scope (an entry's id, or "total"): entries are judged by per-run limits and their own, the
 *  total by the manifest's, so each share names its metric, and an entry's own limit is given with it. */
function budgetShares(m: ManifestReport): Map<string, string> {
  const shares = new Map<string, string>();
  for (const b of m.budget) {
    if (b.key === "budget.increase_pct") continue;
    const share =
      b.key === "entry.budget.increase_pct"
        ? `energy ${formatPct(b.value)} of +${b.limit} %`
        : `${METRIC[b.metric]} ${Math.round(b.share * 100)} %${b.key.startsWith("entry.") ? ` of ${formatQuantity(b.metric, b.limit)}` : ""}`;
    const before = shares.get(b.scope);
    shares.set(b.scope, before === undefined ? share : `${before}, ${share}`);
  }
  return shares;
}

interface Columns {
  table: Table;
  deltas: Map<string, RunDelta> | null;
  shares: Map<string, string> | null;
}

function runRow({ table, deltas, shares }: Columns, r: RunReport): void {
  table.add(r.id);
  table.add(r.one_off ? "training, one-off" : r.kind);
  table.add(acceleratorCell(r));
  table.add(r.basis);
  table.figure(formatQuantity("energy_kwh", r.energy_kwh));
  if (deltas) {
    const d = deltas.get(r.id);
    table.figure(d ? formatPct(d.energy_pct) : "");
  }
  table.figure(formatQuantity("co2e_kg", r.co2e_kg));
  table.figure(formatQuantity("water_l", r.water_l));
  if (shares) table.figure(shares.get(r.id) ?? "–");
}

function removedRow({ table, shares }: Columns, d: RunDelta, base: RunFigures): void {
  table.add(d.id);
  table.add(d.kind);
  table.add("");
  table.add("");
  table.figure(`(${formatQuantity("energy_kwh", base.energy_kwh)})`);
  table.figure("removed");
  table.figure(`(${formatQuantity("co2e_kg", base.co2e_kg)})`);
  table.figure("");
  if (shares) table.figure("");
}

const LEVER_NAME = {
  "fp8-training": "FP8 training",
  "serving-utilization": "",
  "quantized-serving": "quantized weights",
  batching: "batching",
  sparsity: "2:4 sparsity",
  distillation: "distillation",
} as const satisfies Record<LeverReport["lever"], string>;

/** "9.1 to 33.3 % less energy", "−40.0 % to +33.0 % energy" (a range that can cost more), as the comment says it. */
const rangeText = ([lo, hi]: [number, number]) =>
  lo >= 0 ? `${formatNumber(lo)} to ${formatNumber(hi)} % less energy` : `${formatPct(-hi)} to ${formatPct(-lo)} energy`;

/** Lines of computed levers shown; the rest are counted (every one is in the JSON report). */
const LEVER_LINES = 3;

/** The levers of a manifest: the largest computed savings, one line each, then one line for the published ranges. */
function leverLines(m: Pick<ManifestReport, "runs" | "levers">): string[] {
  const out: string[] = [];
  const computed = entrySavings(m);
  for (const s of computed.slice(0, LEVER_LINES)) {
    const saving = `${formatQuantity("co2e_kg", s.co2e_kg)} CO2e (${formatPct(-s.pct)})`;
    out.push(
      s.lever.lever === "serving-utilization"
        ? `  advice: ${s.id} kept busy at the utilization of production serving needs fewer accelerator-hours: ${saving} of embodied carbon`
        : `  advice: ${s.id} in FP8 (precision: fp8; about ${FP8_SPEEDUP}× faster for dense models of 8B parameters and up) would save ${saving}; published ${rangeText(s.lever.range_pct!)}`,
    );
  }
  if (computed.length > LEVER_LINES) out.push(`  advice: … ${computed.length - LEVER_LINES} more in the JSON report`);
  const ranges = m.levers.filter((l) => l.saving_co2e_kg === null && l.range_pct);
  if (ranges.length > 0) {
    const parts = ranges.map((l) => `${LEVER_NAME[l.lever]} ${rangeText(l.range_pct!)}`);
    out.push(`  advice: inference entries, depending on the model (published figures, never assumed): ${parts.join(", ")}; conditions in the JSON report`);
  }
  return out;
}

function adviceLine(a: RegionAdvice): string {
  return `  advice: ${a.id} in ${a.to} (${formatNumber(a.to_intensity)} g/kWh) instead of ${a.from} (${formatNumber(a.from_intensity)} g/kWh) would save ${formatQuantity("co2e_kg", a.saving_co2e_kg)} CO2e (${formatPct(-a.saving_pct)})`;
}

/** The lines under the table on one entry: plan drift, derived figures, market-based CO2e, per-request figures. */
function runNotes(out: Lines, m: ManifestReport, r: RunReport, deltas: Map<string, RunDelta> | null): void {
  if (r.planned) {
    const drift = r.planned.drift_energy_pct;
    out.push(
      `  ${r.id}: measured ${formatQuantity("energy_kwh", r.energy_kwh)} vs planned ${formatQuantity("energy_kwh", r.planned.energy_kwh)} (${formatPct(drift)})`,
    );
  }
  const config = configSummary(m, r);
  if (config !== null) out.push(`  ${r.id}: ${config}`);
  for (const n of entryNotes(m, r)) out.push(`  ${r.id}: ${n}`);
  if (r.market_based_co2e_kg !== undefined) {
    out.push(`  ${r.id}: market-based CO2e ${formatQuantity("co2e_kg", r.market_based_co2e_kg)}, location-based ${formatQuantity("co2e_kg", r.co2e_kg)}`);
  }
  const perRequest = perRequestSummary(r);
  if (perRequest !== null) out.push(`  ${r.id}: ${perRequest}`);
  const change = deltas?.get(r.id);
  const cheaper = change ? perRequestChange(change) : null;
  if (cheaper !== null) out.push(`  ${r.id}: ${cheaper}`);
}

/** A card's disclosure against its entries' estimate; `named`: several cards, so each names its entries. */
function cardLine(c: ModelCardReport, named: boolean): string {
  const entries = named && c.entries.length > 0 ? ` (${c.entries.slice(0, 5).join(", ")}${c.entries.length > 5 ? `, +${c.entries.length - 5}` : ""})` : "";
  const disclosed =
    c.disclosure === "none"
      ? "no co2_eq_emissions"
      : c.disclosure === "unreadable"
        ? "co2_eq_emissions is not a number of grams"
        : `${formatNumber(c.disclosed_g!)} g disclosed`;
  return `  model card ${plainText(c.path)}${entries}: ${disclosed}, operational estimate ${formatNumber(c.estimated_g)} g${c.difference_pct === null ? "" : ` (${formatPct(c.difference_pct)})`}; embodied ${formatNumber(c.embodied_g)} g beside it`;
}

function findingLine(f: Finding): string {
  return `  ${plainText(f.file)}:${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.rule}  ${plainText(f.message)}`;
}

/** A manifest's part of the report, sanitised. */
function manifestText(m: ManifestReport): string {
  const out = new Lines();
  out.push(`${plainText(m.path)}${m.project ? ` · ${plainText(m.project)}` : ""}${m.status === "removed" ? " · removed by this change" : ""}`);
  if (m.status !== "unevaluated") {
    let deltas: Map<string, RunDelta> | null = null;
    if (m.delta) {
      deltas = new Map();
      for (const d of m.delta.runs) deltas.set(d.id, d);
    }
    const shares = m.budget.length > 0 ? budgetShares(m) : null;
    const table = new Table(7 + (deltas ? 1 : 0) + (shares ? 1 : 0));
    const columns: Columns = { table, deltas, shares };
    for (const h of ["entry", "kind", "accelerator", "basis", "energy"]) table.add(h);
    if (deltas) table.add("Δ energy");
    table.add("CO2e");
    table.add("water");
    if (shares) table.add("budget");
    for (const r of m.runs) runRow(columns, r);
    let rows = m.runs.length;
    for (const d of m.delta?.runs ?? []) {
      if (d.change === "removed" && d.base) {
        removedRow(columns, d, d.base);
        rows++;
      }
    }
    for (const cell of [labelled(m.period) ? `total ${m.period.label}` : "total", "", "", ""]) table.add(cell);
    table.figure(formatQuantity("energy_kwh", m.totals.energy_kwh));
    if (m.delta) table.figure(formatPct(m.delta.energy_pct));
    table.figure(formatQuantity("co2e_kg", m.totals.co2e_kg));
    table.figure(formatQuantity("water_l", m.totals.water_l));
    if (shares) table.figure(shares.get("total") ?? "–");
    if (rows > 0) {
      out.push("");
      table.write(out, "  ");
      out.push("");
      out.push(
        `  CO2e = ${formatQuantity("co2e_kg", m.totals.operational_co2e_kg)} operational + ${formatQuantity("co2e_kg", m.totals.embodied_co2e_kg)} embodied`,
      );
      const oneOff = m.period?.one_off;
      if (oneOff) {
        out.push(
          `  one-off training, in the total once: ${formatQuantity("energy_kwh", oneOff.energy_kwh)} energy, ${formatQuantity("co2e_kg", oneOff.co2e_kg)} CO2e`,
        );
      }
      if (m.totals.market_based_co2e_kg !== undefined) {
        out.push(
          `  market-based CO2e ${formatQuantity("co2e_kg", m.totals.market_based_co2e_kg)} (the CO2e above is location-based; entries without a market factor count at it)`,
        );
      }
    } else {
      out.push("");
      out.push("  no training or inference entries");
    }
    if (m.delta && m.base) {
      out.push(
        `  vs base ${plainText(m.base.path)}: ${formatDelta("energy_kwh", m.delta.energy_kwh)} energy (${formatPct(m.delta.energy_pct)}), ${formatDelta("co2e_kg", m.delta.co2e_kg)} CO2e (${formatPct(m.delta.co2e_pct)})`,
      );
    }
    const totals = m.budget.filter((b) => b.scope === "total");
    if (totals.length > 0) {
      out.push(`  budget: ${totals.map((b) => `${formatBudgetUse(b)} (${Math.round(b.share * 100)} %)`).join(", ")}`);
    }
    for (const a of m.advice) out.push(adviceLine(a));
    for (const line of leverLines(m)) out.push(line);
    for (const d of m.datasets) {
      const e = d.exposure;
      const f = (v: number | null) => (v === null ? "?" : formatNumber(v));
      out.push(`  dataset ${d.id}: R = p × D = ${f(e.p)} × ${f(e.records)} = ${f(e.expected_exposed_records)} expected exposed records (${e.basis})`);
    }
    for (const c of [m.model_card, ...m.model_cards]) if (c) out.push(cardLine(c, m.model_cards.length > 0));
    for (const r of m.runs) runNotes(out, m, r, deltas);
  }
  if (m.findings.length > 0) {
    out.push("");
    out.push("  findings:");
    for (const f of m.findings) out.push(findingLine(f));
  }
  return out.text();
}

export function renderText(report: Report): string {
  const parts = report.manifests.map(manifestText);
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const m of report.manifests) for (const f of m.findings) counts[f.severity]++;
  const tally = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)`;
  return `${parts.join("\n\n")}\n\nverdict: ${VERDICT[report.verdict]} (${tally})\n`;
}
