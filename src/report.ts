import type { ManifestReport } from "./evaluate.js";
import { FATAL_RULES, worstVerdict, type Verdict } from "./findings.js";

export const REPORT_SCHEMA = "footprint-gate/report@1";

export interface Report {
  schema: typeof REPORT_SCHEMA;
  verdict: Verdict;
  manifests: ManifestReport[];
}

export type FailOn = "error" | "warning" | "never";

export function buildReport(manifests: ManifestReport[]): Report {
  return { schema: REPORT_SCHEMA, verdict: worstVerdict(manifests.map((m) => m.verdict)), manifests };
}

/** SPEC §4: 0 passed, 1 gate failed, 2 a manifest cannot be evaluated. */
export function exitCode(report: Report, failOn: FailOn): 0 | 1 | 2 {
  if (report.manifests.some((m) => !m.evaluated || m.findings.some((f) => FATAL_RULES.has(f.rule)))) return 2;
  if (failOn === "never") return 0;
  if (report.verdict === "fail") return 1;
  if (failOn === "warning" && report.verdict === "warn") return 1;
  return 0;
}
