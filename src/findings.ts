export type Severity = "error" | "warning" | "notice";

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
}

export type Verdict = "pass" | "warn" | "fail";

/** Rules whose findings mean the manifest cannot be evaluated (exit code 2). */
export const FATAL_RULES: ReadonlySet<string> = new Set([
  "manifest/invalid",
  "manifest/unreadable",
  "data/unreadable",
  "data/unknown-accelerator",
  "data/unknown-location",
  "estimate/non-finite",
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
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
}
