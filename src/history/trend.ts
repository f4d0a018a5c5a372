// The recent trend of the default branch, for pull requests: the last runs' totals per manifest in one small file
// (`trend.json` beside the page), which a pull-request run reads without writing anything.
import * as z from "zod";
import { TEXT_LIMITS } from "../report-limits.js";
import { parseJson } from "../util/json.js";
import type { HistoryRecord } from "./record.js";

export const TREND_SCHEMA = "footprint-gate/trend@1";
/** Runs a trend covers: "main over the last 30 runs". */
export const TREND_RUNS = 30;
/** A trend the gate writes is some 100 KB at most (30 runs × 100 manifests). */
export const MAX_TREND_BYTES = 512 * 1024;

const trendSchema = z.strictObject({
  schema: z.literal(TREND_SCHEMA),
  runs: z
    .array(
      z.strictObject({
        sha: z.string().regex(/^[0-9a-f]{7,40}$/),
        date: z.string().max(40),
        manifests: z.array(z.strictObject({ path: z.string().max(TEXT_LIMITS.path), energy_kwh: z.number().finite(), co2e_kg: z.number().finite() })).max(100),
      }),
    )
    .max(TREND_RUNS),
});

export type Trend = z.output<typeof trendSchema>;

/** The last TREND_RUNS records (oldest first), each manifest that was evaluated by its totals. */
export function trendOf(records: readonly HistoryRecord[]): Trend {
  return {
    schema: TREND_SCHEMA,
    runs: records.slice(-TREND_RUNS).map((r) => ({
      sha: r.sha,
      date: r.date,
      manifests: r.manifests.flatMap((m) => (m.totals ? [{ path: m.path, energy_kwh: m.totals.energy_kwh, co2e_kg: m.totals.co2e_kg }] : [])),
    })),
  };
}

export function parseTrend(text: string): Trend | string {
  return parseJson(text, trendSchema, `a ${TREND_SCHEMA} file`);
}

/** The first and last run's totals over the manifests `paths` (those the pull request reports), or null. */
export function trendSpan(trend: Trend, paths: ReadonlySet<string>): { runs: number; first: Sums; last: Sums } | null {
  const sums = trend.runs
    .map((r) => r.manifests.filter((m) => paths.has(m.path)))
    .filter((ms) => ms.length > 0)
    .map((ms) => ({ energy_kwh: ms.reduce((s, m) => s + m.energy_kwh, 0), co2e_kg: ms.reduce((s, m) => s + m.co2e_kg, 0) }));
  if (sums.length === 0) return null;
  return { runs: sums.length, first: sums[0]!, last: sums[sums.length - 1]! };
}

interface Sums {
  energy_kwh: number;
  co2e_kg: number;
}
