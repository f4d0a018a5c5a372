// A fingerprint of what a report shows: verdict, totals, per-entry figures, budgets, advice, assumptions and
// findings. Two runs whose reports show the same get the same digest, whatever their run id, commit SHAs or
// footer, so the PR comment is rewritten only when its content would change.
import { manifestJson, type Report } from "./report.js";
import { sha256Hex } from "./util/sha256.js";

/** Bumped when the comment would show the same report differently, so that old comments get rewritten once. */
const DIGEST_VERSION = 1;

/** JSON with object keys sorted at every level: the same data always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** sha256 (hex) of the report's shown content. Left out: the base's display path (it names the base commit) and finding positions. */
export function reportDigest(report: Report): string {
  const shown = {
    version: DIGEST_VERSION,
    verdict: report.verdict,
    manifests: report.manifests.map((m) => ({
      ...manifestJson(m),
      base: m.base ? { totals: m.base.totals, runs: m.base.runs } : null,
      findings: m.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, file: f.file })),
    })),
  };
  return sha256Hex(canonical(shown));
}
