// Helpers shared by the unit tests: a manifest read from memory, its report, and a relative comparison.
import { expect } from "vitest";
import { evaluate } from "../src/evaluate.js";
import type { ManifestReport, RunReport } from "../src/report.js";
import type { ManifestSource } from "../src/manifest/source.js";

/** A manifest read from memory, with the files it may refer to. */
export function source(text: string, files: Record<string, string> = {}, path = "footprint.yml"): ManifestSource {
  return { path, text, readRelative: async (rel) => (Object.hasOwn(files, rel) ? files[rel]! : null), exists: async (rel) => Object.hasOwn(files, rel) };
}

export async function report(text: string, files: Record<string, string> = {}): Promise<ManifestReport> {
  return evaluate(source(text, files), null);
}

export async function onlyRun(text: string, files: Record<string, string> = {}): Promise<RunReport> {
  const r = await report(text, files);
  expect(
    r.findings.filter((f) => f.severity === "error"),
    JSON.stringify(r.findings),
  ).toEqual([]);
  expect(r.runs).toHaveLength(1);
  return r.runs[0]!;
}

/** Relative closeness, 1e-9. */
export function near(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual! - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(tol);
}

export const HEAD = "version: 1\nproject: p\n";
