// History records (docs/history.md): one small summary of a run's report per file, `<yyyy>/<yyyy-mm-dd>-<sha7>.json`,
// so that two writers never touch the same file. A record keeps totals per manifest and per entry, the verdict,
// the period and the versions, never the whole report. Records are read back as untrusted input: sized, counted and
// validated field by field before anything is drawn from them.
import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import * as z from "zod";
import pkg from "../../package.json" with { type: "json" };
import acceleratorData from "../../data/accelerators.json" with { type: "json" };
import cloudData from "../../data/cloud.json" with { type: "json" };
import defaultsData from "../../data/defaults.json" with { type: "json" };
import gridData from "../../data/grid.json" with { type: "json" };
import leverData from "../../data/levers.json" with { type: "json" };
import { TEXT_LIMITS } from "../report-limits.js";
import type { Report } from "../report-schema.js";
import { readRegularFile, writeRegularFile } from "../sources.js";
import { parseJson } from "../util/json.js";
import { sha256Hex } from "../util/sha256.js";

export const HISTORY_SCHEMA = "footprint-gate/history@1";
/** A record keeps the largest entries of a manifest; the rest are counted. */
export const MAX_RECORD_ENTRIES = 100;
export const MAX_RECORD_MANIFESTS = 100;
/** A record the gate writes is a few kilobytes at most: anything far larger was not written by it. */
export const MAX_RECORD_BYTES = 256 * 1024;
/** Records read for a page or a trend, the newest first: 1,000 runs keep the page under 2 MB. */
export const MAX_RECORDS = 5000;

const SHA = /^[0-9a-f]{7,40}$/;
// An ISO 8601 instant as toISOString writes it, or a date: the only forms written, so the only ones read.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

const num = z.number().finite();
const figures = { energy_kwh: num, co2e_kg: num, water_l: num };
const recordSchema = z.strictObject({
  schema: z.literal(HISTORY_SCHEMA),
  sha: z.string().regex(SHA),
  date: z.string().regex(ISO_DATE),
  ref: z.string().max(255).nullable(),
  verdict: z.enum(["pass", "warn", "fail"]),
  versions: z.strictObject({ tool: z.string().max(40), data: z.string().max(40) }),
  manifests: z
    .array(
      z.strictObject({
        path: z.string().max(TEXT_LIMITS.path),
        project: z.string().max(TEXT_LIMITS.project).nullable(),
        verdict: z.enum(["pass", "warn", "fail"]),
        // The window of the totals ("per month + one-off training"); null where the manifest was not evaluated.
        period: z.string().max(100).nullable(),
        // null: the manifest could not be evaluated at this run.
        totals: z.strictObject(figures).nullable(),
        budget: z.strictObject({ energy_kwh: num.nullable(), co2e_kg: num.nullable() }),
        // Ids are only ever shown, escaped: their length is what is checked here.
        entries: z.array(z.strictObject({ id: z.string().max(100), kind: z.enum(["training", "inference"]), ...figures })).max(MAX_RECORD_ENTRIES),
        entries_omitted: z.number().int().min(0),
      }),
    )
    .max(MAX_RECORD_MANIFESTS),
});

export type HistoryRecord = z.output<typeof recordSchema>;
export type RecordManifest = HistoryRecord["manifests"][number];

/** Names the tables the figures came from, so a jump in the history can be told apart from a change of data. */
let dataVersion: string | undefined;
function dataVersionOf(): string {
  return (dataVersion ??= sha256Hex(JSON.stringify([acceleratorData, cloudData, defaultsData, gridData, leverData])).slice(0, 12));
}

export class HistoryError extends Error {}

/** The record of a run: its report summed up, at commit `sha` and time `date` (ISO 8601). */
export function historyRecord(report: Report, meta: { sha: string; date: string; ref?: string | null }): HistoryRecord {
  if (!SHA.test(meta.sha)) throw new HistoryError(`--sha must be a commit id of 7 to 40 lower-case hex digits (got ${JSON.stringify(meta.sha.slice(0, 60))})`);
  if (!ISO_DATE.test(meta.date) || !Number.isFinite(Date.parse(meta.date)))
    throw new HistoryError(`--date must be an ISO 8601 date or time, e.g. 2025-03-01T12:00:00Z (got ${JSON.stringify(meta.date.slice(0, 60))})`);
  const manifests = report.manifests
    .filter((m) => m.status !== "removed")
    .slice(0, MAX_RECORD_MANIFESTS)
    .map((m): RecordManifest => {
      const total = (key: "budget.energy_kwh" | "budget.co2e_kg") => m.budget.find((b) => b.key === key)?.limit ?? null;
      const largest = [...m.runs].sort((a, b) => b.energy_kwh - a.energy_kwh).slice(0, MAX_RECORD_ENTRIES);
      return {
        path: m.path,
        project: m.project,
        verdict: m.verdict,
        period: m.status === "evaluated" ? m.period.label : null,
        totals: m.totals && { energy_kwh: m.totals.energy_kwh, co2e_kg: m.totals.co2e_kg, water_l: m.totals.water_l },
        budget: { energy_kwh: total("budget.energy_kwh"), co2e_kg: total("budget.co2e_kg") },
        entries: largest.map((r) => ({ id: r.id, kind: r.kind, energy_kwh: r.energy_kwh, co2e_kg: r.co2e_kg, water_l: r.water_l })),
        entries_omitted: m.runs.length - largest.length,
      };
    });
  return {
    schema: HISTORY_SCHEMA,
    sha: meta.sha,
    date: meta.date,
    ref: meta.ref ?? null,
    verdict: report.verdict,
    versions: { tool: pkg.version, data: dataVersionOf() },
    manifests,
  };
}

/** Where the record goes in the history folder: `<yyyy>/<yyyy-mm-dd>-<sha7>.json`. */
export function recordPath(record: Pick<HistoryRecord, "sha" | "date">): string {
  const day = new Date(Date.parse(record.date)).toISOString().slice(0, 10);
  return `${day.slice(0, 4)}/${day}-${record.sha.slice(0, 7)}.json`;
}

export function recordJson(record: HistoryRecord): string {
  return JSON.stringify(record, null, 1) + "\n";
}

/** Writes the record into the history folder `dir` (creating it), never through a symlink; its path in the folder. */
export function writeRecord(dir: string, record: HistoryRecord): string {
  const rel = recordPath(record);
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeRegularFile(join(dir, rel), recordJson(record));
  return rel;
}

/** The record in `text`, or why it is not one. */
export function parseRecord(text: string): HistoryRecord | string {
  return parseJson(text, recordSchema, `a ${HISTORY_SCHEMA} record`);
}

/**
 * The records of the history folder `dir`, oldest first: files `<yyyy>/*.json` only, the newest MAX_RECORDS of
 * them by name, none larger than MAX_RECORD_BYTES and none through a symlink. Files that are not records are
 * named in `skipped`, with the reason, and left out.
 */
export function readRecords(dir: string): { records: HistoryRecord[]; skipped: string[] } {
  const skipped: string[] = [];
  const names: string[] = [];
  let years: string[];
  try {
    years = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
      .map((d) => d.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { records: [], skipped };
    throw new HistoryError(`${dir}: cannot read the history folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  for (const year of years) {
    for (const d of readdirSync(join(dir, year), { withFileTypes: true })) {
      if (/^\d{4}-\d{2}-\d{2}-[0-9a-f]{7}\.json$/.test(d.name)) {
        if (d.isFile()) names.push(`${year}/${d.name}`);
        else skipped.push(`${year}/${d.name}: not a regular file`);
      }
    }
  }
  names.sort();
  const kept = names.slice(-MAX_RECORDS);
  if (names.length > kept.length) skipped.push(`${names.length - kept.length} older records: only the newest ${MAX_RECORDS} are read`);
  const records: HistoryRecord[] = [];
  for (const name of kept) {
    let text: string;
    try {
      text = readRegularFile(join(dir, name), MAX_RECORD_BYTES)?.toString("utf8") ?? "";
    } catch (err) {
      skipped.push(`${name}: ${(err as Error).message}`);
      continue;
    }
    const record = parseRecord(text);
    if (typeof record === "string") skipped.push(`${name}: ${record}`);
    else records.push(record);
  }
  // Several runs a day: in the order they ran.
  records.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  return { records, skipped };
}
