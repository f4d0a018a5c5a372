// What the writer of a report and its reader (report-schema.ts) share without loading zod: the schema's name and
// the longest text of each kind.

export const REPORT_SCHEMA = "footprint-gate/report@1";

/**
 * Longest text of each kind in a report. Longer text (a YAML key of a megabyte in an error message, a model card
 * field) is cut when the report is built, once, so that every report the gate writes is one that the `report`
 * input accepts.
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

/** Cuts `s` to at most `max` UTF-16 units (as JSON Schema and zod count), never inside a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (end > 0 && /[\ud800-\udbff]/.test(s[end - 1]!)) end--;
  return `${s.slice(0, end)}…`;
}
