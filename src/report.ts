import type { ManifestReport } from "./evaluate.js";
import type { Assumption, RunResult } from "./estimate/index.js";
import { FATAL_RULES, worstVerdict, type Verdict } from "./findings.js";
import { escapeForJson } from "./render/escape.js";

export const REPORT_SCHEMA = "footprint-gate/report@1";

export interface Report {
  schema: typeof REPORT_SCHEMA;
  verdict: Verdict;
  manifests: ManifestReport[];
}

export type FailOn = "error" | "warning" | "never";

/** Where a figure comes from, listed once per manifest however many entries use it. */
export interface SourceRow {
  source: string;
  year: number | null;
}

/** One resolved input, listed once per manifest; `source` is an index into the manifest's `sources`. */
export interface AssumptionRow {
  name: string;
  value: number | string;
  unit: string;
  source: number;
}

/**
 * Longest text of each kind in a report. Longer text (a YAML key of a megabyte in an error message, a model card
 * field) is cut here, once, so that every report the gate writes is one that the `report` input accepts.
 */
export const TEXT_LIMITS = {
  path: 4096,
  project: 200,
  message: 4000,
  card: 200,
  section: 200,
  assumptionValue: 1000,
  source: 2000,
} as const;

export function buildReport(manifests: ManifestReport[]): Report {
  return { schema: REPORT_SCHEMA, verdict: worstVerdict(manifests.map((m) => m.verdict)), manifests: manifests.map(bounded) };
}

/** Exit codes (README: The CLI): 0 passed, 1 gate failed, 2 a manifest cannot be evaluated. */
export function exitCode(report: Report, failOn: FailOn): 0 | 1 | 2 {
  if (report.manifests.some((m) => !m.evaluated || m.findings.some((f) => FATAL_RULES.has(f.rule)))) return 2;
  if (failOn === "never") return 0;
  if (report.verdict === "fail") return 1;
  if (failOn === "warning" && report.verdict === "warn") return 1;
  return 0;
}

/** Cuts `s` to at most `max` UTF-16 units (as JSON Schema and zod count), never inside a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (end > 0 && /[\ud800-\udbff]/.test(s[end - 1]!)) end--;
  return `${s.slice(0, end)}…`;
}

function bounded(m: ManifestReport): ManifestReport {
  const L = TEXT_LIMITS;
  const card = m.model_card;
  const kept = card ? Object.fromEntries(Object.entries(card.kept).map(([k, v]) => [k, clip(v, L.card)])) : {};
  return {
    ...m,
    path: clip(m.path, L.path),
    project: m.project === null ? null : clip(m.project, L.project),
    base: m.base ? { ...m.base, path: clip(m.base.path, L.path) } : null,
    model_card: card ? { ...card, path: clip(card.path, L.path), missing_sections: card.missing_sections.map((s) => clip(s, L.section)), kept } : null,
    findings: m.findings.map((f) => ({ ...f, message: clip(f.message, L.message), file: clip(f.file, L.path) })),
  };
}

/**
 * The runs of a manifest with their assumptions by reference: each distinct assumption and each distinct source
 * is listed once per manifest, and a run lists the indexes of its assumptions. Repeating the sources (a few
 * kilobytes per entry) made reports of large manifests too big to read back.
 */
export function tabulateAssumptions<R extends Pick<RunResult, "assumptions">>(
  runs: readonly R[],
): { runs: (Omit<R, "assumptions"> & { assumptions: number[] })[]; assumptions: AssumptionRow[]; sources: SourceRow[] } {
  const sources: SourceRow[] = [];
  const rows: AssumptionRow[] = [];
  // Keyed by the values themselves: a source text (kilobytes, mostly the same string each time) is hashed once,
  // and no key text is built per assumption.
  const sourceIndex = new Map<string, Map<number | null, number>>();
  const rowIndex = new Map<string, Map<number | string, number>>();
  const out = runs.map(({ assumptions, ...run }) => ({
    ...run,
    assumptions: assumptions.map((a: Assumption) => {
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
      return row;
    }),
  }));
  return { runs: out, assumptions: rows, sources };
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
  write(report, "", 0);
  return escapeForJson(out.join("")) + "\n";
}
