export type Severity = "error" | "warning" | "notice";

/** Every rule a finding can name, as docs/rules.md lists them. */
export const RULES = [
  "manifest/invalid",
  "manifest/unreadable",
  "data/unknown-accelerator",
  "data/custom-accelerator",
  "data/default-mfu",
  "data/ambiguous-accelerator",
  "data/tpu-slice",
  "data/unknown-location",
  "data/place-zone",
  "data/unreadable",
  "estimate/non-finite",
  "data/location-missing",
  "data/default-pue",
  "data/energy-basis",
  "data/grid-year",
  "data/cfe-year",
  "config/unreadable",
  "config/manifest-value",
  "config/drift",
  "config/time-limit",
  "config/candidates",
  "config/unread",
  "budget/energy",
  "budget/co2e",
  "budget/water",
  "budget/run-energy",
  "budget/run-co2e",
  "budget/increase",
  "base/unavailable",
  "base/new-manifest",
  "base/period-changed",
  "budget/increase-fraction",
  "base/manifest-moved",
  "base/manifest-removed",
  "privacy/anonymization",
  "privacy/encryption",
  "privacy/epsilon",
  "privacy/exposure",
  "transparency/model-card",
  "transparency/model-card-section",
  "transparency/emissions-disclosure",
  "transparency/dataset-documentation",
  "transparency/license",
  "transparency/explainability-report",
  "transparency/data-use-statement",
] as const;

export type Rule = (typeof RULES)[number];

export interface Finding {
  rule: Rule;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
}

export type Verdict = "pass" | "warn" | "fail";

/** Rules whose findings mean the manifest cannot be evaluated (exit code 2). */
export const FATAL_RULES: ReadonlySet<Rule> = new Set<Rule>([
  "manifest/invalid",
  "manifest/unreadable",
  "data/unreadable",
  "data/unknown-accelerator",
  "data/unknown-location",
  "estimate/non-finite",
  "config/unreadable",
]);

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === "error")) return "fail";
  if (findings.some((f) => f.severity === "warning")) return "warn";
  return "pass";
}

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("fail")) return "fail";
  if (verdicts.includes("warn")) return "warn";
  return "pass";
}

/** Most severe first, then by position, so capped outputs (annotations) keep what matters. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || (a.file === b.file ? 0 : a.file.localeCompare(b.file)) || a.line - b.line || a.column - b.column,
  );
}

/** Findings shown per rule; the rest are summed up in one finding, so a hostile manifest cannot flood the report. */
export const MAX_PER_RULE = 20;
/** Findings shown in all (the per-rule summaries included). */
export const MAX_FINDINGS = 200;

/** Summary findings made by capFindings, with how many findings each stands for. */
const omitted = new WeakMap<Finding, number>();

/** How many findings a list stands for, the ones summed up by capFindings included. */
export function countFindings(findings: readonly Finding[]): number {
  return findings.reduce((n, f) => n + (omitted.get(f) ?? 1), 0);
}

function summary(first: Finding, n: number, rule: Rule | null): Finding {
  const f: Finding = { ...first, message: `… and ${n} more ${rule ? `${rule} ` : ""}problems` };
  omitted.set(f, n);
  return f;
}

/** The finding that stands for `n` omitted findings of `first`'s rule, placed at `first`. */
export function omittedFinding(first: Finding, n: number): Finding {
  return summary(first, n, first.rule);
}

/**
 * Sorted findings → at most MAX_PER_RULE per rule (identical findings once), then one finding "… and N more <rule>
 * problems" at the first omitted one; at most MAX_FINDINGS in all. Capping a capped list again keeps the counts.
 */
export function capFindings(sorted: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const shown = new Map<Rule, number>();
  const more = new Map<Rule, { first: Finding; n: number }>();
  const kept: Finding[] = [];
  for (const f of sorted) {
    const n = omitted.get(f);
    if (n === undefined) {
      const key = `${f.rule}\u0000${f.severity}\u0000${f.file}\u0000${f.line}\u0000${f.column}\u0000${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const count = shown.get(f.rule) ?? 0;
      if (count < MAX_PER_RULE) {
        shown.set(f.rule, count + 1);
        kept.push(f);
        continue;
      }
    }
    const m = more.get(f.rule);
    if (m) m.n += n ?? 1;
    else more.set(f.rule, { first: f, n: n ?? 1 });
  }
  const all = sortFindings([...kept, ...[...more].map(([rule, m]) => summary(m.first, m.n, rule))]);
  if (all.length <= MAX_FINDINGS) return all;
  const rest = all.slice(MAX_FINDINGS - 1);
  return [...all.slice(0, MAX_FINDINGS - 1), summary(rest[0]!, countFindings(rest), null)];
}
