import type { LeverAdvice } from "./advice/levers.js";
import type { Assumption, RunResult } from "./estimate/index.js";
import { FATAL_RULES, worstVerdict } from "./findings.js";
import { escapeForJson } from "./format/escape.js";
import { clip, REPORT_SCHEMA, TEXT_LIMITS } from "./report-limits.js";
import type {
  AssumptionRow,
  EvaluatedManifest,
  LeverReport,
  ManifestJson,
  ManifestReport,
  ModelCardReport,
  Report,
  RunReport,
  SourceRow,
} from "./report-schema.js";

export { clip, REPORT_SCHEMA, TEXT_LIMITS } from "./report-limits.js";
export type {
  AssumptionRow,
  BaseFigures,
  EvaluatedManifest,
  LeverReport,
  ManifestReport,
  RemovedManifest,
  Report,
  RunReport,
  SourceRow,
  UnevaluatedManifest,
} from "./report-schema.js";

export type FailOn = "error" | "warning" | "never";

export function buildReport(manifests: ManifestReport[]): Report {
  return { schema: REPORT_SCHEMA, verdict: worstVerdict(manifests.map((m) => m.verdict)), manifests: manifests.map(bounded) };
}

/** A report's figures summed, for the badge and the action's outputs. */
export interface ReportTotals {
  /** The manifests evaluated at the head (neither removed nor unevaluated), whose totals are summed. */
  manifests: EvaluatedManifest[];
  energy_kwh: number;
  co2e_kg: number;
  water_l: number;
  /** The manifests with a base (a removed one included): how many, their base energy and its change. */
  compared: { count: number; base_energy_kwh: number; delta_energy_kwh: number };
}

export function reportTotals(report: Report): ReportTotals {
  const manifests = report.manifests.filter((m) => m.status === "evaluated");
  const sum = (f: (m: EvaluatedManifest) => number) => manifests.reduce((s, m) => s + f(m), 0);
  const compared = report.manifests.flatMap((m) => (m.delta && m.base ? [{ base: m.base, delta: m.delta }] : []));
  return {
    manifests,
    energy_kwh: sum((m) => m.totals.energy_kwh),
    co2e_kg: sum((m) => m.totals.co2e_kg),
    water_l: sum((m) => m.totals.water_l),
    compared: {
      count: compared.length,
      base_energy_kwh: compared.reduce((s, c) => s + c.base.totals.energy_kwh, 0),
      delta_energy_kwh: compared.reduce((s, c) => s + c.delta.energy_kwh, 0),
    },
  };
}

/** Exit codes (docs/cli.md): 0 passed, 1 gate failed, 2 a manifest cannot be evaluated. */
export function exitCode(report: Report, failOn: FailOn): 0 | 1 | 2 {
  if (report.manifests.some((m) => m.status === "unevaluated" || m.findings.some((f) => FATAL_RULES.has(f.rule)))) return 2;
  if (failOn === "never") return 0;
  if (report.verdict === "fail") return 1;
  if (failOn === "warning" && report.verdict === "warn") return 1;
  return 0;
}

function bounded(m: ManifestReport): ManifestReport {
  const L = TEXT_LIMITS;
  const shown = {
    path: clip(m.path, L.path),
    project: m.project === null ? null : clip(m.project, L.project),
    findings: m.findings.map((f) => ({ ...f, message: clip(f.message, L.message), file: clip(f.file, L.path) })),
  };
  if (m.status === "unevaluated") return { ...m, ...shown };
  if (m.status === "removed") return { ...m, ...shown, base: { ...m.base, path: clip(m.base.path, L.path) } };
  const model_card = m.model_card ? boundedCard(m.model_card) : null;
  const model_cards = m.model_cards.map(boundedCard);
  if (m.base === null) return { ...m, ...shown, model_card, model_cards };
  return { ...m, ...shown, model_card, model_cards, base: { ...m.base, path: clip(m.base.path, L.path) } };
}

function boundedCard(card: ModelCardReport): ModelCardReport {
  const L = TEXT_LIMITS;
  const kept = Object.fromEntries(Object.entries(card.kept).map(([k, v]) => [k, clip(v, L.card)]));
  return { ...card, path: clip(card.path, L.path), missing_sections: card.missing_sections.map((s) => clip(s, L.section)), kept };
}

/** A manifest's report as the JSON report has it (docs/report.md): `status` is written as the two flags
 *  `evaluated` and `removed`, and every field in its documented place. */
export function manifestJson(m: ManifestReport): ManifestJson {
  return {
    path: m.path,
    project: m.project,
    verdict: m.verdict,
    evaluated: m.status !== "unevaluated",
    removed: m.status === "removed",
    totals: m.totals,
    period: m.period,
    runs: m.runs,
    assumptions: m.assumptions,
    sources: m.sources,
    datasets: m.datasets,
    base: m.base,
    delta: m.delta,
    budget: m.budget,
    advice: m.advice,
    levers: m.levers,
    privacy: m.privacy,
    model_card: m.model_card,
    model_cards: m.model_cards,
    findings: m.findings,
  };
}

/**
 * The runs of a manifest with their assumptions by reference: each distinct assumption and each distinct source
 * is listed once per manifest, and a run lists the indexes of its assumptions. Repeating the sources (a few
 * kilobytes per entry) made reports of large manifests too big to read back.
 */
export function tabulateAssumptions(
  runs: readonly RunResult[],
  levers: readonly LeverAdvice[] = [],
): { runs: RunReport[]; assumptions: AssumptionRow[]; sources: SourceRow[]; levers: LeverReport[] } {
  const sources: SourceRow[] = [];
  const rows: AssumptionRow[] = [];
  // Keyed by the values themselves: a source text (kilobytes, mostly the same string each time) is hashed once,
  // and no key text is built per assumption.
  const sourceIndex = new Map<string, Map<number | null, number>>();
  const rowIndex = new Map<string, Map<number | string, number>>();
  // The estimator shares one object among the entries with the same assumption: that object's row is found at once.
  const rowOf = new Map<Assumption, number>();
  const rowIndexOf = (a: Assumption): number => {
    const known = rowOf.get(a);
    if (known !== undefined) return known;
    const source = clip(a.source, TEXT_LIMITS.source);
    let byYear = sourceIndex.get(source);
    if (!byYear) sourceIndex.set(source, (byYear = new Map<number | null, number>()));
    let s = byYear.get(a.year);
    if (s === undefined) {
      s = sources.push({ source, year: a.year }) - 1;
      byYear.set(a.year, s);
    }
    const value = typeof a.value === "string" ? clip(a.value, TEXT_LIMITS.assumptionValue) : a.value;
    // Name and unit are short catalogue words; the value is a key of its own, so 1 and "1" stay apart.
    const group = `${s}\u0000${a.unit}\u0000${a.name}`;
    let byValue = rowIndex.get(group);
    if (!byValue) rowIndex.set(group, (byValue = new Map<number | string, number>()));
    let row = byValue.get(value);
    if (row === undefined) {
      row = rows.push({ name: a.name, value, unit: a.unit, source: s }) - 1;
      byValue.set(value, row);
    }
    rowOf.set(a, row);
    return row;
  };
  const out = runs.map((run) => runReport(run, run.assumptions.map(rowIndexOf)));
  const leverRows = levers.map((l) => ({ ...l, assumptions: l.assumptions.map(rowIndexOf) }));
  return { runs: out, assumptions: rows, sources, levers: leverRows };
}

/**
 * A run as the report shows it: without its manifest path, its assumptions as rows of the table. Written out
 * rather than spread, as rest-spread copies are slow at 10,000 runs; the keys keep the estimate's order.
 */
function runReport(r: RunResult, assumptions: number[]): RunReport {
  return {
    id: r.id,
    kind: r.kind,
    basis: r.basis,
    energy_kwh: r.energy_kwh,
    operational_co2e_kg: r.operational_co2e_kg,
    embodied_co2e_kg: r.embodied_co2e_kg,
    co2e_kg: r.co2e_kg,
    water_l: r.water_l,
    ...(r.market_based_co2e_kg === undefined ? null : { market_based_co2e_kg: r.market_based_co2e_kg }),
    inputs: r.inputs,
    assumptions,
    planned: r.planned,
    per_request: r.per_request,
    ...(r.one_off ? { one_off: r.one_off } : null),
  };
}

/** A run's assumptions with their sources, resolved from the manifest's tables. */
export function runAssumptions(m: Pick<ManifestReport, "assumptions" | "sources">, run: { assumptions: readonly number[] }): Assumption[] {
  return run.assumptions.map((i) => {
    const a = m.assumptions[i]!;
    const s = m.sources[a.source]!;
    return { name: a.name, value: a.value, unit: a.unit, source: s.source, year: s.year };
  });
}

/**
 * The report as JSON text (`check --format json` and the action's report file): the report's outline indented,
 * then one line per run, finding, budget line…, which keeps a 10,000-entry report a few megabytes. Characters
 * that could steer a terminal or reorder text (C1 controls, bidi and invisible ones) are written as \u escapes.
 */
export function reportJson(report: Report): string {
  const out: string[] = [];
  const write = (value: unknown, indent: string, depth: number): void => {
    if (value === null || typeof value !== "object") {
      out.push(JSON.stringify(value) ?? "null");
      return;
    }
    const inner = indent + "  ";
    if (Array.isArray(value)) {
      if (value.length === 0) {
        out.push("[]");
        return;
      }
      out.push("[");
      value.forEach((v, i) => {
        out.push(i ? ",\n" : "\n", inner);
        // The manifests are outlined; the items of every other list take one line each.
        if (depth === 1) write(v, inner, depth + 1);
        else out.push(JSON.stringify(v));
      });
      out.push("\n", indent, "]");
      return;
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) {
      out.push("{}");
      return;
    }
    out.push("{");
    entries.forEach(([k, v], i) => {
      out.push(i ? ",\n" : "\n", inner, JSON.stringify(k), ": ");
      write(v, inner, depth + 1);
    });
    out.push("\n", indent, "}");
  };
  write({ ...report, manifests: report.manifests.map(manifestJson) }, "", 0);
  return escapeForJson(out.join("")) + "\n";
}
