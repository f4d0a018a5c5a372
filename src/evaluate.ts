// One manifest, head and (optionally) base → the JSON report docs/report.md describes. Pure apart from the injected file reader.
import { checkBudgets } from "./budget.js";
import { loadYearlyGrid } from "./catalogue/index.js";
import { diff, type RunFigures } from "./diff.js";
import { entryKey, estimateManifest, sumTotals, zeroTotals, type MeasuredInput, type RunResult, type Totals } from "./estimate/index.js";
import { capFindings, countFindings, FATAL_RULES, sortFindings, verdictOf, type Finding } from "./findings.js";
import type { Provenance, SettledManifest } from "./launch/resolve.js";
import type { ConfigUse } from "./launch/unread.js";
import { parseManifest, type Locator, type Path } from "./manifest/parse.js";
import { catalogueFindings, checkRules } from "./manifest/rules.js";
import type { Manifest } from "./manifest/schema.js";
import { PathError, type ManifestSource } from "./manifest/source.js";
import { leverAdvice } from "./advice/levers.js";
import { regionAdvice } from "./advice/region.js";
import { DEFAULT_PERIOD, totalsLabel, type PeriodReport } from "./period/index.js";
import { formatQuantity } from "./format/units.js";
import { tabulateAssumptions, type EvaluatedManifest, type ManifestReport, type RemovedManifest, type UnevaluatedManifest } from "./report.js";
import { posix } from "node:path";

export const MAX_MEASURED_BYTES = 64 * 1024 * 1024;

interface Evaluated {
  manifest: Manifest;
  /** The launch configs the entries read, by repository path. */
  configs: ReadonlySet<string>;
  runs: RunResult[];
  totals: Totals;
  locator: Locator;
  findings: Finding[];
  fatal: boolean;
}

async function evaluateOne(src: ManifestSource): Promise<Evaluated | { findings: Finding[]; fatal: true; project: string | null }> {
  const parsed = await parseManifest(src.text, src.path);
  if (!parsed.manifest) {
    const raw = parsed.data as { project?: unknown } | null | undefined;
    return {
      findings: parsed.findings.concat(catalogueFindings(parsed.data, { file: src.path, locator: parsed.locator })),
      fatal: true,
      project: typeof raw?.project === "string" ? raw.project : null,
    };
  }
  const { locator } = parsed;
  // Only a manifest that reads launch configs loads their readers.
  const launch = readsLaunchConfigs(parsed.manifest) ? await settleLaunchConfigs(parsed.manifest, src, locator) : null;
  const manifest = launch?.manifest ?? parsed.manifest;
  const rules = checkRules(manifest, { file: src.path, locator }, launch?.unsettled);
  const findings: Finding[] = launch ? launch.findings.concat(rules.findings) : rules.findings;
  const measured = await readMeasured(manifest, src, locator, findings);
  if (rules.entries.some((r) => r.entry.year !== undefined)) await loadYearlyGrid();
  const estimate = estimateManifest(manifest, rules.entries, { file: src.path, locator, measured });
  for (const f of estimate.findings) findings.push(f);
  if (launch) withProvenance(estimate.runs, launch.provenance);
  const totals = sumTotals(estimate.runs);
  // A run's path holds only finite indexes, so the runs are checked as they are. Their assumptions are objects the
  // entries share (estimate/cache.ts): each is checked once rather than once per entry.
  const shared = estimate.assumptions.some((a) => typeof a.value === "number" && !Number.isFinite(a.value));
  for (const f of nonFiniteFindings({ runs: estimate.runs, totals }, estimate.runs, src.path, locator, shared ? null : "assumptions")) findings.push(f);
  const fatal = findings.some((f) => FATAL_RULES.has(f.rule));
  return { manifest, configs: launch?.read ?? NO_CONFIGS, runs: estimate.runs, totals, locator, findings, fatal };
}

const NO_CONFIGS: ReadonlySet<string> = new Set();

/** Whether an entry reads a launch config (or asks for its limit): only then are the readers loaded. */
function readsLaunchConfigs(m: Manifest): boolean {
  for (const section of [m.training, m.inference]) {
    if (section) for (let i = 0; i < section.length; i++) if (section[i]!.from !== undefined || section[i]!.hours === "limit") return true;
  }
  return false;
}

async function settleLaunchConfigs(manifest: Manifest, src: ManifestSource, locator: Locator): Promise<SettledManifest> {
  const [resolve, readers] = await Promise.all([import("./launch/resolve.js"), import("./launch/index.js")]);
  return resolve.settleLaunchConfigs(manifest, src, locator, readers);
}

/** Each value an entry took from its launch config joins its assumptions, with the config's file and line as source. */
function withProvenance(runs: RunResult[], provenance: ReadonlyMap<string, Provenance>): void {
  for (const run of runs) {
    const p = provenance.get(entryKey(run.kind, run.path[1] as number));
    if (!p) continue;
    const own = p.hours ? run.assumptions.map((a) => (a.name === "hours" && a.source === "manifest" ? p.hours! : a)) : run.assumptions;
    run.assumptions = [...p.assumptions, ...own];
  }
}

/** What each head manifest evaluated says about launch configs: the configs its entries read, and those it ignores. */
const CONFIG_USES = new WeakMap<ManifestReport, ConfigUse>();

export function configUse(report: ManifestReport): ConfigUse | undefined {
  return CONFIG_USES.get(report);
}

/** `copy`, made from `report` with more findings, keeps what `report` says about launch configs. */
export function withConfigUse<T extends ManifestReport>(report: ManifestReport, copy: T): T {
  const use = CONFIG_USES.get(report);
  if (use) CONFIG_USES.set(copy, use);
  return copy;
}

export async function evaluate(head: ManifestSource, base: ManifestSource | null): Promise<EvaluatedManifest | UnevaluatedManifest> {
  const h = await evaluateOne(head);
  const report = await evaluateHead(head, h, base);
  if ("manifest" in h && head.repoPath) {
    const dir = head.repoPath(".");
    CONFIG_USES.set(report, {
      manifest: head.path,
      self: head.repoPath(posix.basename(head.path)),
      dir: dir === "." ? "" : dir,
      read: h.configs,
      ignore: h.manifest.launch_configs?.ignore ?? [],
    });
  }
  return report;
}

async function evaluateHead(
  head: ManifestSource,
  h: Awaited<ReturnType<typeof evaluateOne>>,
  base: ManifestSource | null,
): Promise<EvaluatedManifest | UnevaluatedManifest> {
  if (!("manifest" in h) || h.fatal) return notEvaluated(head.path, "manifest" in h ? h.manifest.project : h.project, h.findings);

  const findings = [...h.findings];
  let b: (Evaluated & { path: string }) | null = null;
  if (base) {
    const evaluated = await evaluateOne(base);
    if ("manifest" in evaluated && !evaluated.fatal) b = { ...evaluated, path: base.path };
    else {
      findings.push({
        rule: "base/unavailable",
        severity: "notice",
        message: `the base manifest could not be evaluated (${countFindings(evaluated.findings)} problem(s), first: ${evaluated.findings[0]?.message ?? "unknown"}); no comparison is made`,
        file: head.path,
        line: 1,
        column: 1,
      });
    }
  }

  const period = periodReport(h.manifest, h.runs);
  if (b && (b.manifest.period ?? DEFAULT_PERIOD) !== period.window) {
    findings.push({
      rule: "base/period-changed",
      severity: "notice",
      message: `the period changes from ${b.manifest.period ?? DEFAULT_PERIOD} to ${period.window}: services without hours and runs in the period are compared across different windows`,
      file: head.path,
      ...h.locator.value(h.manifest.period !== undefined ? ["period"] : ["version"]),
    });
  }
  const budget = checkBudgets(h.manifest, h.totals, h.runs, b?.totals ?? null, head.path, h.locator, { baseRuns: b?.runs, period });
  for (const f of budget.findings) findings.push(f);
  // The privacy and transparency checks load only for a manifest that declares something they read.
  const policy = usesPolicies(h.manifest) ? await import("./policy.js") : null;
  const datasets = policy ? policy.datasetExposure(h.manifest) : [];
  const policies = policy ? await policy.checkPolicies(h.manifest, h.runs, datasets, head, h.locator) : { findings: [], modelCard: null, modelCards: [] };
  for (const f of policies.findings) findings.push(f);
  const tables = tabulateAssumptions(h.runs, leverAdvice(h.manifest, h.runs));
  const comparison = b
    ? { base: { path: b.path, totals: b.totals, runs: figures(b.runs) }, delta: diff(b.totals, figures(b.runs), h.totals, figures(h.runs)) }
    : { base: null, delta: null };
  const report: EvaluatedManifest = {
    path: head.path,
    project: h.manifest.project,
    verdict: "pass",
    status: "evaluated",
    totals: h.totals,
    period,
    runs: tables.runs,
    assumptions: tables.assumptions,
    sources: tables.sources,
    datasets,
    ...comparison,
    budget: budget.uses,
    advice: regionAdvice(h.runs),
    levers: tables.levers,
    privacy: policy ? policy.privacyTotals(datasets) : null,
    model_card: policies.modelCard,
    model_cards: policies.modelCards,
    findings: [],
  };
  // The entries were checked by evaluateOne; what is left is derived from them (totals, delta, budget, privacy, card).
  const nonFinite = nonFiniteFindings({ ...report, runs: [] }, h.runs, head.path, h.locator);
  if (nonFinite.length > 0) return notEvaluated(head.path, h.manifest.project, [...findings, ...nonFinite]);
  const sorted = capFindings(sortFindings(findings));
  return { ...report, verdict: verdictOf(sorted), findings: sorted };
}

function usesPolicies(m: Manifest): boolean {
  return (
    (m.datasets?.length ?? 0) > 0 ||
    m.policy !== undefined ||
    m.transparency !== undefined ||
    m.model_card !== undefined ||
    (m.training ?? []).some((t) => t.model_card !== undefined)
  );
}

/** Every figure must be a finite number: NaN passes every comparison, prints as "NaN %" and becomes null in JSON.
 *  The manifest's ranges keep estimates finite; this guards what they cannot bound (measured files, sums).
 *  One finding per entry (or report part), naming its figures. */
function nonFiniteFindings(report: object, runs: readonly RunResult[], file: string, locator: Locator, checked: string | null = null): Finding[] {
  // Almost every report is all finite: a walk that builds no names settles that before the one that does. It
  // skips the key `checked`, whose values the caller has checked.
  if (!hasNonFinite(report, checked)) return [];
  const entries = new Map(runs.map((r) => [r.id, r.path]));
  const bad = new Map<string, { subject: string; path: Path; figures: string[] }>();
  const visit = (value: unknown, at: string, entry: string | null, where: Path) => {
    if (typeof value === "number") {
      if (Number.isFinite(value)) return;
      const key = entry !== null ? `entry:${entry}` : `part:${where.join(".")}`;
      const subject = entry !== null ? `entry \`${entry}\`` : String(where[0] ?? "report");
      const group = bad.get(key) ?? { subject, path: entry !== null ? [...(entries.get(entry) ?? where), "id"] : where, figures: [] };
      group.figures.push(entry === null && at.startsWith(`${subject}.`) ? at.slice(subject.length + 1) : at);
      bad.set(key, group);
    } else if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => {
        const id = typeof v === "object" && v !== null && "id" in v && typeof v.id === "string" ? v.id : null;
        // Figures of an entry are named from the entry: `co2e_kg`, `delta.energy_pct`.
        if (entry === null && id !== null && entries.has(id) && /(^|\.)runs$/.test(at)) visit(v, at.replace(/\.?runs$/, ""), id, where);
        else visit(v, `${at}[${id ?? i}]`, entry, where.length === 1 && where[0] === "datasets" ? ["datasets", i, "id"] : where);
      });
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, at === "" ? k : `${at}.${k}`, entry, where.length === 0 ? [k] : where);
    }
  };
  visit(report, "", null, []);
  // Totals and their change are sums of the entries: a bad entry is reported once, at the entry.
  const groups = [...bad.values()];
  const ofEntries = groups.some((g) => g.subject.startsWith("entry "));
  return groups
    .filter((g) => !(ofEntries && DERIVED.has(g.subject)))
    .map(({ subject, path, figures }) => ({
      rule: "estimate/non-finite",
      severity: "error",
      message: `${subject}: ${figures.slice(0, 5).join(", ")}${figures.length > 5 ? ` and ${figures.length - 5} more` : ""} ${figures.length > 1 ? "are not finite numbers" : "is not a finite number"}; an input or measured file is outside any physical range, check its figures`,
      file,
      ...locator.value(path),
    }));
}

function hasNonFinite(value: object, skip: string | null): boolean {
  // This runs over every figure of every entry, once, mostly before the JIT has optimised it: numbers are tested
  // in the loop rather than by a call each, and arrays by index rather than an iterator.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === "number" ? !Number.isFinite(v) : typeof v === "object" && v !== null && hasNonFinite(v, skip)) return true;
    }
    return false;
  }
  // The report is plain data: for…in sees the same keys as Object.entries, without building an array per object.
  for (const k in value) {
    if (k === skip) continue;
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === "number" ? !Number.isFinite(v) : typeof v === "object" && v !== null && hasNonFinite(v, skip)) return true;
  }
  return false;
}

/**
 * A manifest the change deletes: its base figures, all removed, and a warning naming what the base declared (its
 * budgets no longer apply, so `fail-on: warning` stops the change). A base that cannot be evaluated is left out.
 */
export async function evaluateRemoved(base: ManifestSource, path: string): Promise<RemovedManifest | null> {
  const b = await evaluateOne(base);
  if (!("manifest" in b) || b.fatal) return null;
  const runs = figures(b.runs);
  const ids = runs.map((r) => `\`${r.id}\``);
  const entries = `${runs.length} ${runs.length === 1 ? "entry" : "entries"}${ids.length ? ` (${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""})` : ""}`;
  const removed: Finding = {
    rule: "base/manifest-removed",
    severity: "warning",
    message:
      `this change deletes the manifest: the base declared project \`${b.manifest.project}\` with ${entries}, ` +
      `${formatQuantity("energy_kwh", b.totals.energy_kwh)} and ${formatQuantity("co2e_kg", b.totals.co2e_kg)} CO2e, whose budgets no longer apply; ` +
      "keep the manifest, or move it (its budgets follow a moved manifest)",
    file: path,
    line: 1,
    column: 1,
  };
  return {
    path,
    project: b.manifest.project,
    verdict: "warn",
    status: "removed",
    totals: zeroTotals(),
    period: null,
    runs: [],
    assumptions: [],
    sources: [],
    datasets: [],
    base: { path: base.path, totals: b.totals, runs },
    delta: diff(b.totals, runs, zeroTotals(), []),
    budget: [],
    advice: [],
    levers: [],
    privacy: null,
    model_card: null,
    model_cards: [],
    findings: [removed],
  };
}

/** The window of the totals, and the one-off training part of them. */
function periodReport(manifest: Manifest, runs: readonly RunResult[]): PeriodReport {
  const window = manifest.period ?? DEFAULT_PERIOD;
  const oneOff = runs.filter((r) => r.one_off);
  return {
    window,
    stated: manifest.period !== undefined,
    label: totalsLabel(window, oneOff.length < runs.length, oneOff.length > 0),
    one_off: oneOff.length > 0 ? sumTotals(oneOff) : null,
  };
}

function figures(runs: RunResult[]): RunFigures[] {
  return runs.map((r) => ({
    id: r.id,
    kind: r.kind,
    basis: r.basis,
    energy_kwh: r.energy_kwh,
    operational_co2e_kg: r.operational_co2e_kg,
    embodied_co2e_kg: r.embodied_co2e_kg,
    co2e_kg: r.co2e_kg,
    water_l: r.water_l,
    per_request: r.per_request ? { energy_wh: r.per_request.energy_wh, co2e_g_per_1000: r.per_request.co2e_g_per_1000 } : null,
  }));
}

function notEvaluated(path: string, project: string | null, findings: Finding[]): UnevaluatedManifest {
  return {
    path,
    project,
    verdict: "fail",
    status: "unevaluated",
    totals: null,
    period: null,
    runs: [],
    assumptions: [],
    sources: [],
    datasets: [],
    base: null,
    delta: null,
    budget: [],
    advice: [],
    levers: [],
    privacy: null,
    model_card: null,
    model_cards: [],
    findings: capFindings(sortFindings(findings)),
  };
}

/** The report of a manifest that cannot be read at all. */
export function unreadableManifest(path: string, message: string): UnevaluatedManifest {
  return notEvaluated(path, null, [{ rule: "manifest/unreadable", severity: "error", message, file: path, line: 1, column: 1 }]);
}

async function readMeasured(manifest: Manifest, src: ManifestSource, locator: Locator, findings: Finding[]): Promise<Map<string, MeasuredInput>> {
  const out = new Map<string, MeasuredInput>();
  const kinds = [
    ["training", manifest.training ?? []],
    ["inference", manifest.inference ?? []],
  ] as const;
  for (const [kind, entries] of kinds) {
    for (const [i, entry] of entries.entries()) {
      const m = entry.measured;
      if (!m) continue;
      const path = [kind, i, "measured"];
      // A block with both or neither is reported by the rules (manifest/rules.ts), and its entry is not estimated.
      if (m.energy_kwh !== undefined) {
        const basis = m.energy_basis ?? "it";
        out.set(entryKey(kind, i), { energy_kwh: m.energy_kwh, basis, label: `${m.energy_kwh} kWh (${basis === "it" ? "IT-level" : "facility-level"})` });
        continue;
      }
      if (m.codecarbon === undefined) continue;
      const files = typeof m.codecarbon === "string" ? [m.codecarbon] : m.codecarbon;
      // The CSV parser loads only for a manifest with CodeCarbon measurements.
      const { CodeCarbonError, readCodeCarbon } = await import("./measured/codecarbon.js");
      const parts = [];
      for (const [j, rel] of files.entries()) {
        const filePath = typeof m.codecarbon === "string" ? [...path, "codecarbon"] : [...path, "codecarbon", j];
        const problem = (message: string) =>
          findings.push({ rule: "data/unreadable", severity: "error", message: `${rel}: ${message}`, file: src.path, ...locator.value(filePath) });
        try {
          const text = await src.readRelative(rel, { maxBytes: MAX_MEASURED_BYTES });
          if (text === null) problem("file not found (paths are relative to the manifest's folder)");
          else {
            const cc = readCodeCarbon(text);
            // Finite rows can still sum to infinity (1e308 twice); no real measurement is that large.
            const column = CODECARBON_COLUMNS.find(([k]) => cc[k] !== null && !Number.isFinite(cc[k]))?.[1];
            if (column) problem(`the \`${column}\` figures sum to more than the largest number; this is not a real measurement`);
            else parts.push(cc);
          }
        } catch (err) {
          if (err instanceof CodeCarbonError || err instanceof PathError) problem(err.message);
          else throw err;
        }
      }
      if (parts.length === files.length) {
        const runs = parts.reduce((n, p) => n + p.runs, 0);
        const label = `CodeCarbon, ${files.length} file(s), ${runs} run(s)`;
        out.set(entryKey(kind, i), m.energy_basis ? { codecarbon: parts, basis: m.energy_basis, label } : { codecarbon: parts, label });
      }
    }
  }
  return out;
}

const DERIVED: ReadonlySet<string> = new Set(["totals", "delta", "base"]);

const CODECARBON_COLUMNS = [
  ["energy_kwh", "energy_consumed"],
  ["emissions_kg", "emissions"],
  ["water_l", "water_consumed"],
] as const;
