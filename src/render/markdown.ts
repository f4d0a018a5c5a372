// The PR comment body (also `check --format markdown`). The marker comes first so no truncation can lose it.
import type { BudgetUse } from "../budget.js";
import type { ManifestReport } from "../evaluate.js";
import type { Finding } from "../findings.js";
import type { Report } from "../report.js";
import { code, escapeMarkdown } from "./escape.js";
import { formatDelta, formatNumber, formatPct, formatQuantity } from "./units.js";

export const MARKER = "<!-- footprint-gate:v1 -->";

const STATUS = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail" } as const;
const SEVERITY = { error: "❌ error", warning: "⚠️ warning", notice: "ℹ️ notice" } as const;

export interface MarkdownOptions {
  /** Builds a link to a manifest line (the action passes the PR head commit); plain `file:line` without it. */
  lineUrl?: (f: Finding) => string;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const lines = [MARKER, `## 🌱 footprint-gate: ${STATUS[report.verdict]}`, ""];
  for (const m of report.manifests) lines.push(...manifestSection(m, report.manifests.length > 1, options), "");
  lines.push("<sub>Estimates follow the footprint-gate methodology (SPEC §2); every figure carries its source in the assumptions. This comment is updated on each push.</sub>");
  return lines.join("\n") + "\n";
}

function manifestSection(m: ManifestReport, several: boolean, options: MarkdownOptions): string[] {
  const out: string[] = [];
  if (several) out.push(`### ${code(m.path)}${m.project ? ` · ${escapeMarkdown(m.project, 100)}` : ""}`, "");
  out.push(verdictLine(m), "");
  if (m.evaluated && m.totals) out.push(...runsTable(m), "");
  if (m.findings.length > 0) out.push(...findingsList(m.findings, options), "");
  if (m.evaluated) out.push(...assumptions(m), "", ...modelCardBlock(m));
  return out;
}

function verdictLine(m: ManifestReport): string {
  const project = m.project ? `**${escapeMarkdown(m.project, 100)}**` : code(m.path);
  if (!m.evaluated || !m.totals) return `${STATUS.fail}: ${project} cannot be evaluated; fix the problems below.`;
  const t = m.totals;
  const totals = `${formatQuantity("energy_kwh", t.energy_kwh)}, ${formatQuantity("co2e_kg", t.co2e_kg)} CO2e, ${formatQuantity("water_l", t.water_l)} water`;
  if (!m.delta) return `${STATUS[m.verdict]}: ${project} · ${totals} · no base to compare with`;
  const d = m.delta;
  return `${STATUS[m.verdict]}: ${project} · **${formatPct(d.energy_pct)} energy, ${formatDelta("co2e_kg", d.co2e_kg)} CO2e** · ${totals}`;
}

function runsTable(m: ManifestReport): string[] {
  const hasBase = m.delta !== null;
  const byScope = new Map<string, BudgetUse[]>();
  for (const b of m.budget) byScope.set(b.scope, [...(byScope.get(b.scope) ?? []), b]);
  const budgetOf = (id: string) => {
    const uses = byScope.get(id) ?? [];
    return uses.length ? uses.map((b) => `${Math.round(b.share * 100)} %`).join(" · ") : "–";
  };
  const rows = [
    `| entry | kind | energy${hasBase ? " (base → head)" : ""} | ${hasBase ? "Δ % | " : ""}CO2e | water | budget | status |`,
    `|---|---|---:|${hasBase ? "---:|" : ""}---:|---:|---:|---|`,
  ];
  const deltas = new Map(m.delta?.runs.map((d) => [d.id, d]) ?? []);
  for (const r of m.runs) {
    const d = deltas.get(r.id);
    const energy = hasBase && d?.base ? `${formatQuantity("energy_kwh", d.base.energy_kwh)} → ${formatQuantity("energy_kwh", r.energy_kwh)}` : formatQuantity("energy_kwh", r.energy_kwh);
    const uses = byScope.get(r.id) ?? [];
    const over = uses.some((b) => b.status === "over");
    const warn = uses.some((b) => b.status === "warn");
    const status = over ? "❌ over budget" : warn ? "⚠️ near budget" : d?.change === "added" ? "🆕 added" : d?.change === "changed" ? "✏️ changed" : "✅ ok";
    rows.push(
      `| ${code(r.id)} | ${r.kind}${r.basis === "measured" ? " (measured)" : ""} | ${energy} | ${hasBase ? `${d ? formatPct(d.energy_pct) : ""} | ` : ""}${formatQuantity("co2e_kg", r.co2e_kg)} | ${formatQuantity("water_l", r.water_l)} | ${budgetOf(r.id)} | ${status} |`,
    );
  }
  for (const d of m.delta?.runs ?? []) {
    if (d.change !== "removed" || !d.base) continue;
    rows.push(`| ${code(d.id)} | ${d.kind} | ${formatQuantity("energy_kwh", d.base.energy_kwh)} → 0 | −100 % | 0 kg | 0 L | – | 🗑️ removed |`);
  }
  const t = m.totals!;
  const energy = m.base ? `${formatQuantity("energy_kwh", m.base.totals.energy_kwh)} → ${formatQuantity("energy_kwh", t.energy_kwh)}` : formatQuantity("energy_kwh", t.energy_kwh);
  const totalBudget = byScope.get("total") ?? [];
  rows.push(
    `| **total** | | **${energy}** | ${hasBase ? `**${formatPct(m.delta!.energy_pct)}** | ` : ""}**${formatQuantity("co2e_kg", t.co2e_kg)}** | **${formatQuantity("water_l", t.water_l)}** | ${totalBudget.length ? totalBudget.map((b) => `${b.metric.split("_")[0]} ${Math.round(b.share * 100)} %`).join(" · ") : "–"} | ${STATUS[m.verdict]} |`,
  );
  return rows;
}

function findingsList(findings: readonly Finding[], options: MarkdownOptions): string[] {
  return [
    "**Findings**",
    "",
    ...findings.map((f) => {
      const where = `${escapeMarkdown(f.file, 200)}:${f.line}`;
      const link = options.lineUrl ? `[${where}](${options.lineUrl(f)})` : where;
      return `- ${SEVERITY[f.severity]} ${code(f.rule)} ${escapeMarkdown(f.message, 500)} (${link})`;
    }),
  ];
}

function assumptions(m: ManifestReport): string[] {
  const out = ["<details><summary>Assumptions and sources</summary>", ""];
  for (const r of m.runs) {
    out.push(`**${code(r.id)}** (${r.kind}, ${r.basis})`, "", "| input | value | source | year |", "|---|---:|---|---|");
    for (const a of r.assumptions) {
      const value = typeof a.value === "number" ? `${formatNumber(a.value)}${a.unit ? ` ${escapeMarkdown(a.unit, 40)}` : ""}` : escapeMarkdown(a.value, 200);
      out.push(`| ${escapeMarkdown(a.name, 60)} | ${value} | ${escapeMarkdown(a.source, 300)} | ${a.year ?? "–"} |`);
    }
    out.push("");
  }
  out.push("</details>");
  return out;
}

/** The Hugging Face `co2_eq_emissions` block (grams) for the training entries. */
function modelCardBlock(m: ManifestReport): string[] {
  const training = m.runs.filter((r) => r.kind === "training");
  if (training.length === 0) return [];
  const grams = Math.round(training.reduce((s, r) => s + r.co2e_kg, 0) * 1000);
  const measured = training.some((r) => r.basis === "measured");
  return [
    "<details><summary>Suggested <code>co2_eq_emissions</code> for the model card</summary>",
    "",
    "```yaml",
    "co2_eq_emissions:",
    `  emissions: ${grams}`,
    `  source: "footprint-gate${measured ? " (CodeCarbon / measured where available)" : " estimate"}"`,
    `  training_type: "pre-training"`,
    "```",
    "",
    "</details>",
  ];
}
