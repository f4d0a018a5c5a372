// The PR comment body (also `check --format markdown` and the job summary). The marker comes first, so no
// truncation can lose it; everything taken from a manifest goes through escape.ts.
import type { BudgetUse } from "../budget.js";
import type { RunDelta } from "../diff.js";
import type { ExposureBasis, ManifestReport } from "../evaluate.js";
import type { Finding } from "../findings.js";
import { runAssumptions, type Report } from "../report.js";
import { co2BlockYaml, suggestedCo2Block, trainingGrams } from "../modelcard.js";
import { acceleratorCell, entryNotes } from "./entry.js";
import { code, escapeMarkdown, plainText } from "./escape.js";
import { append, formatDelta, formatInput, formatNumber, formatPct, formatQuantity, largest } from "./units.js";

export const MARKER = "<!-- footprint-gate:v1 -->";
/** GitHub refuses comment bodies over 65,536 characters; bytes are a safe upper bound of characters. */
export const COMMENT_LIMIT = 65_536;
/** The job summary of one step may hold 1 MiB. */
export const SUMMARY_LIMIT = 1024 * 1024;

const STATUS = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail" } as const;
const SEVERITY = { error: "❌ error", warning: "⚠️ warning", notice: "ℹ️ notice" } as const;

/** Less detail at each level: the full report, then without assumptions and long lists, then the bare minimum. */
export type Detail = "full" | "compact" | "minimal";
const ROWS: Record<Detail, number> = { full: Infinity, compact: 40, minimal: 10 };
const FINDINGS: Record<Detail, number> = { full: Infinity, compact: 40, minimal: 10 };

export interface MarkdownOptions {
  /** First line of the body; null for none (the job summary). */
  marker?: string | null;
  /** Links a finding to its manifest line (the action passes the PR head commit); plain `file:line` without it. */
  lineUrl?: (f: Finding) => string;
  detail?: Detail;
  /** Where the complete report is when detail was left out. */
  elsewhere?: string;
  footer?: string;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const lines = [...(options.marker === null ? [] : [options.marker ?? MARKER]), `## 🌱 footprint-gate: ${STATUS[report.verdict]}`, ""];
  for (const m of report.manifests) append(lines, manifestSection(m, report.manifests.length > 1, options)).push("");
  lines.push(`<sub>${options.footer ?? "Estimated with footprint-gate; every figure carries its source in the assumptions."}</sub>`);
  return lines.join("\n") + "\n";
}

/** The richest rendering that fits in `limit` UTF-8 bytes; a hard cut (marker kept) as the last resort. */
export function fitMarkdown(report: Report, options: MarkdownOptions, limit: number): { body: string; detail: Detail | "truncated" } {
  for (const detail of ["full", "compact", "minimal"] as const) {
    // The full report has a line per entry and per finding; when those alone exceed the limit it is not rendered.
    if (detail === "full" && fullAtLeast(report) > limit) continue;
    const body = renderMarkdown(report, { ...options, detail });
    if (Buffer.byteLength(body, "utf8") <= limit) return { body, detail };
  }
  return { body: truncate(renderMarkdown(report, { ...options, detail: "minimal" }), limit, options.elsewhere), detail: "truncated" };
}

/** A lower bound of the full rendering's UTF-8 size: a table row of 50 bytes or more per entry, 30 per finding. */
function fullAtLeast(report: Report): number {
  let n = 0;
  for (const m of report.manifests) n += 50 * m.runs.length + 30 * m.findings.length;
  return n;
}

/** Cuts at a line boundary, closes an open code fence and <details>, and says so. */
function truncate(body: string, limit: number, elsewhere = "the job summary"): string {
  const note = `\n\n> [!WARNING]\n> This report was cut to fit GitHub's size limit; the complete report is in ${elsewhere}.\n`;
  const budget = limit - Buffer.byteLength(note, "utf8") - 64;
  const kept: string[] = [];
  let size = 0;
  for (const line of body.split("\n")) {
    const n = Buffer.byteLength(line, "utf8") + 1;
    if (size + n > budget) break;
    kept.push(line);
    size += n;
  }
  const fences = kept.filter((l) => l.startsWith("```")).length;
  const opened = kept.filter((l) => l.includes("<details>")).length - kept.filter((l) => l.includes("</details>")).length;
  return `${kept.join("\n")}${fences % 2 ? "\n```" : ""}${"\n</details>".repeat(Math.max(0, opened))}${note}`;
}

function manifestSection(m: ManifestReport, several: boolean, options: MarkdownOptions): string[] {
  const detail = options.detail ?? "full";
  const out: string[] = [];
  if (several) out.push(`### ${code(m.path)}${m.project ? ` · ${escapeMarkdown(m.project, 100)}` : ""}`, "");
  out.push(verdictLine(m), "");
  // Sections can hold a line per entry: appended in a loop, never spread into push() (call stack).
  if (m.evaluated && m.totals) append(out, runsTable(m, detail, options)).push("");
  if (m.evaluated && detail !== "minimal") {
    for (const section of [adviceList(m, detail), energyChart(m), measuredTable(m), privacyTable(m), modelCardLine(m)]) append(out, section);
  }
  if (m.findings.length > 0) append(out, findingsList(m.findings, detail, options)).push("");
  if (m.evaluated && detail === "full") append(out, assumptions(m)).push("");
  if (m.evaluated && detail !== "minimal") append(out, modelCardBlock(m));
  return out;
}

function verdictLine(m: ManifestReport): string {
  const project = m.project ? `**${escapeMarkdown(m.project, 100)}**` : code(m.path);
  if (!m.evaluated || !m.totals) return `${STATUS.fail}: ${project} cannot be evaluated; fix the problems below.`;
  if (m.removed && m.base) return `🗑️ ${project} (${code(m.path)}) is removed by this change: ${formatDelta("energy_kwh", -m.base.totals.energy_kwh)} energy, ${formatDelta("co2e_kg", -m.base.totals.co2e_kg)} CO2e`;
  const t = m.totals;
  const totals = `${formatQuantity("energy_kwh", t.energy_kwh)}, ${formatQuantity("co2e_kg", t.co2e_kg)} CO2e, ${formatQuantity("water_l", t.water_l)} water`;
  if (!m.delta) return `${STATUS[m.verdict]}: ${project} · ${totals} · no base to compare with`;
  const d = m.delta;
  return `${STATUS[m.verdict]}: ${project} · **${formatPct(d.energy_pct)} energy, ${formatDelta("co2e_kg", d.co2e_kg)} CO2e** · ${totals}`;
}

function runsTable(m: ManifestReport, detail: Detail, options: MarkdownOptions): string[] {
  const hasBase = m.delta !== null;
  const byScope = new Map<string, BudgetUse[]>();
  for (const b of m.budget) byScope.set(b.scope, [...(byScope.get(b.scope) ?? []), b]);
  const budgetOf = (scope: string) => {
    const uses = byScope.get(scope) ?? [];
    return uses.length ? uses.map((b) => `${b.metric === "energy_kwh" ? "energy" : b.metric === "co2e_kg" ? "CO2e" : "water"} ${Math.round(b.share * 100)} %`).join(", ") : "–";
  };
  const rows = [
    `| entry | kind | accelerator | energy${hasBase ? " (base → head)" : ""} | ${hasBase ? "Δ % | " : ""}CO2e | water | budget | status |`,
    `|---|---|---|---:|${hasBase ? "---:|" : ""}---:|---:|---|---|`,
  ];
  const deltas = new Map(m.delta?.runs.map((d) => [d.id, d]) ?? []);
  const runRow = (r: ManifestReport["runs"][number], d: RunDelta | undefined) => {
    const energy = d?.base ? `${formatQuantity("energy_kwh", d.base.energy_kwh)} → ${formatQuantity("energy_kwh", r.energy_kwh)}` : formatQuantity("energy_kwh", r.energy_kwh);
    const uses = byScope.get(r.id) ?? [];
    const status = uses.some((b) => b.status === "over")
      ? "❌ over budget"
      : uses.some((b) => b.status === "warn")
        ? "⚠️ near budget"
        : d?.change === "added"
          ? "🆕 added"
          : d?.change === "changed"
            ? "✏️ changed"
            : "✅ ok";
    const accelerator = r.inputs.accelerator === null ? "–" : escapeMarkdown(acceleratorCell(r), 120);
    return `| ${code(r.id)} | ${r.kind}${r.basis === "measured" ? " (measured)" : ""} | ${accelerator} | ${energy} | ${hasBase ? `${d ? formatPct(d.energy_pct) : ""} | ` : ""}${formatQuantity("co2e_kg", r.co2e_kg)} | ${formatQuantity("water_l", r.water_l)} | ${budgetOf(r.id)} | ${status} |`;
  };
  // Rows are formatted only once chosen: with less room, most of 100,000 entries are never shown.
  const lines: { weight: number; text: () => string }[] = [];
  for (const r of m.runs) {
    const d = deltas.get(r.id);
    lines.push({ weight: Math.abs(d?.energy_kwh ?? r.energy_kwh), text: () => runRow(r, d) });
  }
  for (const d of m.delta?.runs ?? []) {
    if (d.change !== "removed" || !d.base) continue;
    lines.push({
      weight: Math.abs(d.energy_kwh),
      text: () => `| ${code(d.id)} | ${d.kind} | | ${formatQuantity("energy_kwh", d.base!.energy_kwh)} → 0 kWh | −100 % | 0 kg | 0 L | – | 🗑️ removed |`,
    });
  }
  // With less room, the entries that changed most are the ones a reviewer needs.
  const limit = ROWS[detail];
  const shown = lines.length > limit ? [...lines].sort((a, b) => b.weight - a.weight).slice(0, limit) : lines;
  for (const l of shown) rows.push(l.text());
  if (shown.length < lines.length) {
    rows.push(`| … ${lines.length - shown.length} more entries (smaller changes) in ${options.elsewhere ?? "the full report"} | | | | ${hasBase ? "| " : ""}| | | |`);
  }
  const t = m.totals!;
  const energy = m.base ? `${formatQuantity("energy_kwh", m.base.totals.energy_kwh)} → ${formatQuantity("energy_kwh", t.energy_kwh)}` : formatQuantity("energy_kwh", t.energy_kwh);
  rows.push(
    `| **total** | | | **${energy}** | ${hasBase ? `**${formatPct(m.delta!.energy_pct)}** | ` : ""}**${formatQuantity("co2e_kg", t.co2e_kg)}** | **${formatQuantity("water_l", t.water_l)}** | ${budgetOf("total")} | ${STATUS[m.verdict]} |`,
  );
  // Figures the manifest did not state: the hours compute derives, the period a service is assumed to run.
  const notes: string[] = [];
  for (const r of m.runs) {
    if (notes.length >= limit) break;
    for (const n of entryNotes(m, r)) notes.push(`- ${code(r.id)}: ${escapeMarkdown(n, 300)}`);
  }
  if (notes.length > 0) append(rows, ["", ...notes.slice(0, limit)]);
  return rows;
}

/** Where the same work would emit less: the provider's cleanest region. */
function adviceList(m: ManifestReport, detail: Detail): string[] {
  if (m.advice.length === 0) return [];
  const shown = [...m.advice].sort((a, b) => b.saving_co2e_kg - a.saving_co2e_kg).slice(0, detail === "full" ? Infinity : 10);
  return [
    "**Advice** (never fails the gate)",
    "",
    ...shown.map(
      (a) =>
        `- 💡 ${code(a.id)}: running in ${code(a.to)} (${formatNumber(a.to_intensity)} g/kWh) instead of ${code(a.from)} (${formatNumber(a.from_intensity)} g/kWh) would save ${formatQuantity("co2e_kg", a.saving_co2e_kg)} CO2e (${formatPct(-a.saving_pct)}); check that the accelerator is offered there.`,
    ),
    ...(shown.length < m.advice.length ? [`- … ${m.advice.length - shown.length} more`] : []),
    "",
  ];
}

export const CHART_MAX_ENTRIES = 20;

/** A Mermaid bar chart of energy per entry: head as bars, base as a line (xychart draws bars on top of each other). */
export function energyChart(m: ManifestReport): string[] {
  const removed = (m.delta?.runs ?? []).filter((d) => d.change === "removed" && d.base);
  const entries = [...m.runs.map((r) => r.id), ...removed.map((d) => d.id)];
  if (entries.length === 0 || entries.length > CHART_MAX_ENTRIES) return [];
  const head = [...m.runs.map((r) => r.energy_kwh), ...removed.map(() => 0)];
  const baseById = new Map((m.base?.runs ?? []).map((r) => [r.id, r.energy_kwh]));
  const base = entries.map((id) => baseById.get(id) ?? 0);
  const max = Math.max(largest(head), largest(base));
  const [factor, unit] = max >= 1e6 ? [1e6, "GWh"] : max >= 1e3 ? [1e3, "MWh"] : [1, "kWh"];
  const values = (xs: number[]) => `[${xs.map((x) => Number((x / factor).toPrecision(3))).join(", ")}]`;
  // Entry ids are limited to letters, digits and . _ - / (the manifest schema), so quoting is enough.
  return [
    `<details><summary>Energy per entry${m.base ? " (bars: head, line: base)" : ""}</summary>`,
    "",
    "```mermaid",
    "xychart-beta",
    `  title "Energy per entry (${unit})"`,
    `  x-axis [${entries.map((id) => JSON.stringify(id)).join(", ")}]`,
    `  y-axis "${unit}"`,
    `  bar ${values(head)}`,
    ...(m.base ? [`  line ${values(base)}`] : []),
    "```",
    "",
    "</details>",
    "",
  ];
}

/** How good the plans were: measured runs next to their estimate. */
function measuredTable(m: ManifestReport): string[] {
  const measured = m.runs.filter((r) => r.planned);
  if (measured.length === 0) return [];
  return [
    "**Measured vs planned**",
    "",
    "| entry | measured energy | planned energy | drift | measured CO2e | planned CO2e |",
    "|---|---:|---:|---:|---:|---:|",
    ...measured.map(
      (r) =>
        `| ${code(r.id)} | ${formatQuantity("energy_kwh", r.energy_kwh)} | ${formatQuantity("energy_kwh", r.planned!.energy_kwh)} | ${formatPct(r.planned!.drift_energy_pct)} | ${formatQuantity("co2e_kg", r.co2e_kg)} | ${formatQuantity("co2e_kg", r.planned!.co2e_kg)} |`,
    ),
    "",
  ];
}

const EXPOSURE_BASIS = {
  "differential-privacy": "(ε, δ)-DP bound",
  declared: "declared",
  "no-anonymization": "not anonymized",
  "unknown-under-cap": "undeclared (counts as 1 under the cap)",
  unknown: "unknown",
} as const satisfies Record<ExposureBasis, string>;

/** Privacy exposure R = p × D per dataset. */
function privacyTable(m: ManifestReport): string[] {
  if (m.datasets.length === 0) return [];
  const fmt = (v: number | null) => (v === null ? "?" : formatNumber(v));
  const total = m.privacy
    ? `Expected exposed records: **${formatNumber(m.privacy.expected_exposed_records)}**${m.privacy.unknown_datasets ? ` (+ ${m.privacy.unknown_datasets} dataset(s) with unknown exposure)` : ""}`
    : "";
  return [
    "**Privacy exposure** (R = p × D)",
    "",
    "| dataset | records D | p | basis | R |",
    "|---|---:|---:|---|---:|",
    ...m.datasets.map((d) => `| ${code(d.id)} | ${fmt(d.exposure.records)} | ${fmt(d.exposure.p)} | ${EXPOSURE_BASIS[d.exposure.basis]} | ${fmt(d.exposure.expected_exposed_records)} |`),
    "",
    ...(total ? [total, ""] : []),
  ];
}

function modelCardLine(m: ManifestReport): string[] {
  const c = m.model_card;
  if (!c) return [];
  const disclosed =
    c.disclosure === "none" ? "has no co2_eq_emissions" : c.disclosure === "unreadable" ? "has a co2_eq_emissions that is not a number of grams" : `discloses ${formatNumber(c.disclosed_g!)} g CO2e`;
  const diff = c.difference_pct === null ? "" : ` (${formatPct(c.difference_pct)} vs the operational estimate of ${formatNumber(c.estimated_g)} g)`;
  return [`Model card ${code(c.path)} ${disclosed}${diff}; embodied carbon of the training hardware, reported beside it and not in the card's figure: ${formatNumber(c.embodied_g)} g.`, ""];
}

// Only a plain relative path becomes a link into the repository: no leading slash, no `.`/`..` segment, no drive.
const REPOSITORY_PATH = /^(?![/\\])(?!.*(?:^|\/)\.{1,2}(?:\/|$))[^\u0000-\u001f\\:]+$/;

function findingsList(findings: readonly Finding[], detail: Detail, options: MarkdownOptions): string[] {
  const limit = FINDINGS[detail];
  const shown = findings.slice(0, limit);
  return [
    "**Findings**",
    "",
    ...shown.map((f) => {
      const where = `${escapeMarkdown(f.file, 200)}:${f.line}`;
      // Parentheses are percent-encoded so that no file name can close the link early.
      const link = options.lineUrl && REPOSITORY_PATH.test(f.file) ? `[${where}](${options.lineUrl(f).replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"))})` : where;
      return `- ${SEVERITY[f.severity]} ${code(f.rule)} ${escapeMarkdown(f.message, 500)} (${link})`;
    }),
    ...(shown.length < findings.length ? [`- … ${findings.length - shown.length} more in ${options.elsewhere ?? "the full report"}`] : []),
  ];
}

function assumptions(m: ManifestReport): string[] {
  const out = ["<details><summary>Assumptions and sources</summary>", ""];
  // A row per distinct assumption, rendered once however many entries share it.
  const rendered = new Map<number, string>();
  const row = (i: number) => {
    let text = rendered.get(i);
    if (text === undefined) {
      const a = runAssumptions(m, { assumptions: [i] })[0]!;
      const value = typeof a.value === "number" ? `${formatInput(a.value)}${a.unit ? ` ${escapeMarkdown(a.unit, 40)}` : ""}` : escapeMarkdown(a.value, 200);
      text = `| ${escapeMarkdown(a.name, 60)} | ${value} | ${escapeMarkdown(a.source, 300)} | ${a.year ?? "–"} |`;
      rendered.set(i, text);
    }
    return text;
  };
  for (const r of m.runs) {
    out.push(`**${code(r.id)}** (${r.kind}, ${r.basis})`, "", "| input | value | source | year |", "|---|---:|---|---|");
    for (const i of r.assumptions) out.push(row(i));
    out.push("");
  }
  out.push("</details>");
  return out;
}

/** The Hugging Face `co2_eq_emissions` block (grams) for the training entries. */
function modelCardBlock(m: ManifestReport): string[] {
  if (!m.runs.some((r) => r.kind === "training")) return [];
  // Inside a code fence nothing renders, and every line starts with a key, so nothing can close the fence.
  const kept = m.model_card ? Object.fromEntries(Object.entries(m.model_card.kept).map(([k, v]) => [k, plainText(v)])) : undefined;
  const yaml = co2BlockYaml(suggestedCo2Block(m.runs, kept));
  const embodied = formatNumber(trainingGrams(m.runs).embodied_g);
  return [
    `<details><summary>Suggested <code>co2_eq_emissions</code> for the model card (operational training CO2e; embodied ${embodied} g reported beside it)</summary>`,
    "",
    "```yaml",
    yaml,
    "```",
    "",
    "</details>",
    "",
  ];
}
