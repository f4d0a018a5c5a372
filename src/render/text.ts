// The terminal report: a table of entries, the deltas, the findings with file:line, and the verdict.
import type { Report, ManifestReport } from "../report.js";
import { acceleratorCell, entryNotes, perRequestChange, perRequestSummary } from "./entry.js";
import { plainText } from "./escape.js";
import { formatBudgetUse } from "../budget.js";
import { formatDelta, formatNumber, formatPct, formatQuantity, largest } from "./units.js";

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

function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map(() => 0);
  for (const r of rows) {
    for (let c = 0; c < widths.length; c++) {
      const w = codePoints(r[c] ?? "");
      if (w > widths[c]!) widths[c] = w;
    }
  }
  return rows.map((r) =>
    r
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd(),
  );
}

function manifestText(m: ManifestReport): string[] {
  const out: string[] = [`${plainText(m.path)}${m.project ? ` · ${plainText(m.project)}` : ""}`];
  if (m.status === "removed") out[0] += " · removed by this change";
  if (m.status !== "unevaluated") {
    const hasBase = m.delta !== null;
    const hasBudget = m.budget.length > 0;
    // Entries are judged by per-run limits, the total by the manifest's: each share names its metric.
    const shares = new Map<string, string[]>();
    for (const b of m.budget)
      if (b.key !== "budget.increase_pct") shares.set(b.scope, [...(shares.get(b.scope) ?? []), `${METRIC[b.metric]} ${Math.round(b.share * 100)} %`]);
    const share = (scope: string) => shares.get(scope)?.join(", ") ?? "–";
    const header = ["entry", "kind", "accelerator", "basis", "energy", ...(hasBase ? ["Δ energy"] : []), "CO2e", "water", ...(hasBudget ? ["budget"] : [])];
    const rows: string[][] = [header];
    const deltas = new Map(m.delta?.runs.map((d) => [d.id, d]) ?? []);
    for (const r of m.runs) {
      const d = deltas.get(r.id);
      rows.push([
        r.id,
        r.kind,
        acceleratorCell(r),
        r.basis,
        formatQuantity("energy_kwh", r.energy_kwh),
        ...(hasBase ? [d ? formatPct(d.energy_pct) : ""] : []),
        formatQuantity("co2e_kg", r.co2e_kg),
        formatQuantity("water_l", r.water_l),
        ...(hasBudget ? [share(r.id)] : []),
      ]);
    }
    for (const d of m.delta?.runs ?? []) {
      if (d.change === "removed" && d.base) {
        rows.push([
          d.id,
          d.kind,
          "",
          "",
          `(${formatQuantity("energy_kwh", d.base.energy_kwh)})`,
          "removed",
          `(${formatQuantity("co2e_kg", d.base.co2e_kg)})`,
          "",
          ...(hasBudget ? [""] : []),
        ]);
      }
    }
    rows.push([
      "total",
      "",
      "",
      "",
      formatQuantity("energy_kwh", m.totals.energy_kwh),
      ...(m.delta ? [formatPct(m.delta.energy_pct)] : []),
      formatQuantity("co2e_kg", m.totals.co2e_kg),
      formatQuantity("water_l", m.totals.water_l),
      ...(hasBudget ? [share("total")] : []),
    ]);
    if (rows.length > 2) {
      const lines = table(rows, new Set([4, 5, 6, 7, 8]));
      const width = largest(lines.map((l) => l.length));
      out.push("");
      for (const l of lines.slice(0, -1)) out.push(`  ${l}`);
      out.push(`  ${"-".repeat(width)}`, `  ${lines[lines.length - 1]}`, "");
      out.push(
        `  CO2e = ${formatQuantity("co2e_kg", m.totals.operational_co2e_kg)} operational + ${formatQuantity("co2e_kg", m.totals.embodied_co2e_kg)} embodied`,
      );
      if (m.totals.market_based_co2e_kg !== undefined) {
        out.push(
          `  market-based CO2e ${formatQuantity("co2e_kg", m.totals.market_based_co2e_kg)} (the CO2e above is location-based; entries without a market factor count at it)`,
        );
      }
    } else out.push("", "  no training or inference entries");
    if (m.delta && m.base) {
      out.push(
        `  vs base ${plainText(m.base.path)}: ${formatDelta("energy_kwh", m.delta.energy_kwh)} energy (${formatPct(m.delta.energy_pct)}), ${formatDelta("co2e_kg", m.delta.co2e_kg)} CO2e (${formatPct(m.delta.co2e_pct)})`,
      );
    }
    const totals = m.budget.filter((b) => b.scope === "total");
    if (totals.length > 0) {
      out.push(`  budget: ${totals.map((b) => `${formatBudgetUse(b)} (${Math.round(b.share * 100)} %)`).join(", ")}`);
    }
    for (const a of m.advice) {
      out.push(
        `  advice: ${a.id} in ${a.to} (${formatNumber(a.to_intensity)} g/kWh) instead of ${a.from} (${formatNumber(a.from_intensity)} g/kWh) would save ${formatQuantity("co2e_kg", a.saving_co2e_kg)} CO2e (${formatPct(-a.saving_pct)})`,
      );
    }
    for (const d of m.datasets) {
      const e = d.exposure;
      const f = (v: number | null) => (v === null ? "?" : formatNumber(v));
      out.push(`  dataset ${d.id}: R = p × D = ${f(e.p)} × ${f(e.records)} = ${f(e.expected_exposed_records)} expected exposed records (${e.basis})`);
    }
    if (m.model_card) {
      const c = m.model_card;
      out.push(
        `  model card ${plainText(c.path)}: ${c.disclosure === "none" ? "no co2_eq_emissions" : c.disclosure === "unreadable" ? "co2_eq_emissions is not a number of grams" : `${formatNumber(c.disclosed_g!)} g disclosed`}, operational estimate ${formatNumber(c.estimated_g)} g${c.difference_pct === null ? "" : ` (${formatPct(c.difference_pct)})`}; embodied ${formatNumber(c.embodied_g)} g beside it`,
      );
    }
    for (const r of m.runs) {
      if (r.planned) {
        const drift = r.planned.drift_energy_pct;
        out.push(
          `  ${r.id}: measured ${formatQuantity("energy_kwh", r.energy_kwh)} vs planned ${formatQuantity("energy_kwh", r.planned.energy_kwh)} (${formatPct(drift)})`,
        );
      }
      for (const n of entryNotes(m, r)) out.push(`  ${r.id}: ${n}`);
      if (r.market_based_co2e_kg !== undefined) {
        out.push(`  ${r.id}: market-based CO2e ${formatQuantity("co2e_kg", r.market_based_co2e_kg)}, location-based ${formatQuantity("co2e_kg", r.co2e_kg)}`);
      }
      const perRequest = perRequestSummary(r);
      if (perRequest !== null) out.push(`  ${r.id}: ${perRequest}`);
      const change = deltas.get(r.id);
      const cheaper = change ? perRequestChange(change) : null;
      if (cheaper !== null) out.push(`  ${r.id}: ${cheaper}`);
    }
  }
  if (m.findings.length > 0) {
    out.push("", "  findings:");
    for (const f of m.findings) out.push(`  ${plainText(f.file)}:${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.rule}  ${plainText(f.message)}`);
  }
  return out;
}

/** Every line once more through the sanitiser: whatever field a line is built from, nothing steers the terminal. */
function sanitised(line: string): string {
  // A line break inside a field starts a line of its own, and each line is sanitised apart.
  return line.includes("\n") ? line.split("\n").map(plainText).join("\n") : plainText(line);
}

export function renderText(report: Report): string {
  // Lines are sanitised as they are joined: splitting the whole report again would copy megabytes at 10,000 entries.
  const parts = report.manifests.map((m) => manifestText(m).map(sanitised).join("\n"));
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const m of report.manifests) for (const f of m.findings) counts[f.severity]++;
  const tally = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)`;
  return `${parts.join("\n\n")}\n\nverdict: ${VERDICT[report.verdict]} (${tally})\n`;
}
