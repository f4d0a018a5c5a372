// Outputs, the JSON report file, annotations and the job summary.
import * as core from "./log.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sortFindings } from "../findings.js";
import { reportJson, reportTotals, type Report } from "../report.js";

/** GitHub shows a limited number of annotations per step; the most severe go first, the rest are in the report. */
export const MAX_ANNOTATIONS = 50;

const round = (v: number) => String(Number(v.toFixed(3)));

export function writeReportFile(report: Report, env: NodeJS.ProcessEnv = process.env): string {
  const dir = join(env.RUNNER_TEMP || tmpdir(), "footprint-gate");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "report.json");
  writeFileSync(path, reportJson(report));
  return path;
}

export function setOutputs(report: Report, reportPath: string): void {
  const t = reportTotals(report);
  const { count, base_energy_kwh: baseEnergy, delta_energy_kwh: deltaEnergy } = t.compared;
  core.setOutput("verdict", report.verdict);
  core.setOutput("energy-kwh", round(t.energy_kwh));
  core.setOutput("co2e-kg", round(t.co2e_kg));
  core.setOutput("water-l", round(t.water_l));
  core.setOutput("delta-energy-kwh", count ? round(deltaEnergy) : "");
  core.setOutput("delta-energy-pct", count && baseEnergy > 0 ? round((deltaEnergy / baseEnergy) * 100) : "");
  core.setOutput("report", reportPath);
}

export function annotate(report: Report): void {
  const all = sortFindings(report.manifests.flatMap((m) => m.findings));
  for (const f of all.slice(0, MAX_ANNOTATIONS)) {
    const props = { title: `footprint-gate ${f.rule}`, file: f.file, startLine: f.line, startColumn: f.column };
    if (f.severity === "error") core.error(f.message, props);
    else if (f.severity === "warning") core.warning(f.message, props);
    else core.notice(f.message, props);
  }
  if (all.length > MAX_ANNOTATIONS) core.info(`${all.length - MAX_ANNOTATIONS} more findings are in the JSON report (the report output).`);
}
