// A report JSON from elsewhere (the two-workflow pattern: a pull_request run uploads it, a workflow_run comments
// from it) is untrusted input: sized, validated field by field, strings capped, references in range, every string
// passed through the plain-text sanitiser. Only then rendered. The limits are those of the reports the gate writes
// itself (TEXT_LIMITS, the manifest's own limits), so that every report of `check --format json` is accepted.
import * as z from "zod";
import { BUDGET_RULES, budgetKeyOf, type BudgetKey } from "./budget.js";
import { RULES } from "./findings.js";
import { ID_PATTERN } from "./manifest/schema.js";
import { plainText } from "./render/escape.js";
import { manifestFromJson, REPORT_SCHEMA, TEXT_LIMITS, type Report } from "./report.js";
import { errorMessage } from "./util/errors.js";

/** About twice the largest report one manifest of the largest size (1 MiB) produces (some 30 MB: a finding per
 *  policy for each of 27,000 datasets); reading more would cost the runner gigabytes. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** Training and inference entries of one manifest (100,000 each), and what follows from them. */
const MAX_RUNS = 200_000;
const MAX_DATASETS = 100_000;
const MAX_FINDINGS = 2_000_000;

const num = z.number();
const str = (max: number) => z.string().max(max);
const pct = num.nullable();
const totals = z.strictObject({
  energy_kwh: num,
  operational_co2e_kg: num,
  embodied_co2e_kg: num,
  co2e_kg: num,
  water_l: num,
  // Only where an entry states a market factor (docs/report.md).
  market_based_co2e_kg: num.optional(),
});
const kind = z.enum(["training", "inference"]);
const basis = z.enum(["estimated", "measured"]);
const id = z.string().regex(ID_PATTERN);
// Reports written before per-request figures were compared are still read.
const figures = totals.extend({
  id,
  kind,
  basis,
  per_request: z.strictObject({ energy_wh: num.nullable(), co2e_g_per_1000: num.nullable() }).nullable().default(null),
});

const run = figures.extend({
  inputs: z.strictObject({
    accelerator: str(100).nullable(),
    // Reports written before these fields existed are still read.
    count: num.nullable().default(null),
    accelerator_hours: num.nullable(),
    wall_clock_hours: num.nullable().default(null),
    power_w: num.nullable(),
    utilization: num.nullable(),
    repeats: num,
    it_kwh: num,
    pue: num,
    carbon_intensity: num,
    location: str(200).nullable(),
    zone: str(100).nullable(),
    wue_l_per_kwh: num,
    ewif_l_per_kwh: num,
    embodied_per_accelerator_kg: num.nullable(),
  }),
  assumptions: z.array(num.int().min(0)).max(100),
  planned: totals.extend({ drift_energy_pct: pct }).nullable(),
  one_off: z.literal(true).optional(),
  per_request: z
    .strictObject({
      // Reports written before every inference entry had per-request figures lack the newer fields.
      requests: num.nullable().default(null),
      requests_basis: z.enum(["stated", "throughput"]).nullable().default(null),
      energy_wh: num.nullable(),
      co2e_g_per_1000: num.nullable(),
      water_ml: num.nullable().default(null),
      requests_per_kwh: num.nullable(),
      j_per_token: num.nullable().default(null),
      reason: str(200).nullable().default(null),
    })
    .nullable(),
});

const finding = z.strictObject({
  // A rule this version does not know is refused like any unknown field (no rule has ever been removed).
  rule: z.enum(RULES),
  severity: z.enum(["error", "warning", "notice"]),
  message: str(TEXT_LIMITS.message),
  // Any path the CLI was given; only plain repository paths become links (render/markdown.ts).
  file: str(TEXT_LIMITS.path),
  line: num.int().min(1),
  column: num.int().min(1),
});

const modelCard = z.strictObject({
  path: str(TEXT_LIMITS.path),
  // Reports written before cards named their entries have none listed.
  entries: z.array(id).max(MAX_RUNS).default([]),
  disclosure: z.enum(["none", "unreadable", "read"]),
  disclosed_g: num.nullable(),
  estimated_g: num,
  embodied_g: num,
  difference_pct: pct,
  missing_sections: z.array(str(TEXT_LIMITS.section)).max(50),
  kept: z.strictObject({
    training_type: str(TEXT_LIMITS.card).optional(),
    geographical_location: str(TEXT_LIMITS.card).optional(),
    hardware_used: str(TEXT_LIMITS.card).optional(),
  }),
});

const period = z.strictObject({
  window: z.enum(["month", "quarter", "year"]),
  stated: z.boolean(),
  label: str(100),
  one_off: totals.nullable(),
});

const manifest = z
  .strictObject({
    path: str(TEXT_LIMITS.path),
    project: str(TEXT_LIMITS.project).nullable(),
    verdict: z.enum(["pass", "warn", "fail"]),
    evaluated: z.boolean(),
    removed: z.boolean(),
    totals: totals.nullable(),
    // Reports written before periods existed are read per year.
    period: period.nullable().default(null),
    runs: z.array(run).max(MAX_RUNS),
    assumptions: z
      .array(z.strictObject({ name: str(60), value: z.union([num, str(TEXT_LIMITS.assumptionValue)]), unit: str(40), source: num.int().min(0) }))
      .max(MAX_RUNS * 20),
    sources: z.array(z.strictObject({ source: str(TEXT_LIMITS.source), year: num.int().nullable() })).max(100_000),
    datasets: z
      .array(
        z.strictObject({
          id,
          exposure: z.strictObject({
            p: num.nullable(),
            basis: z.enum(["differential-privacy", "declared", "no-anonymization", "unknown-under-cap", "unknown"]),
            records: num.nullable(),
            expected_exposed_records: num.nullable(),
          }),
        }),
      )
      .max(MAX_DATASETS),
    base: z.strictObject({ path: str(TEXT_LIMITS.path), totals, runs: z.array(figures).max(MAX_RUNS) }).nullable(),
    delta: z
      .strictObject({
        energy_kwh: num,
        energy_pct: pct,
        co2e_kg: num,
        co2e_pct: pct,
        water_l: num,
        runs: z
          .array(
            z.strictObject({
              id,
              kind,
              change: z.enum(["added", "removed", "changed", "unchanged"]),
              base: figures.nullable(),
              head: figures.nullable(),
              energy_kwh: num,
              energy_pct: pct,
              co2e_kg: num,
              co2e_pct: pct,
              per_request_energy_pct: pct.default(null),
              per_request_co2e_pct: pct.default(null),
            }),
          )
          .max(2 * MAX_RUNS),
      })
      .nullable(),
    budget: z
      .array(
        z
          .strictObject({
            scope: str(100),
            metric: z.enum(["energy_kwh", "co2e_kg", "water_l"]),
            // Reports written before uses named their key get it from scope and metric.
            key: z.enum(Object.keys(BUDGET_RULES) as [BudgetKey, ...BudgetKey[]]).optional(),
            limit: num,
            value: num,
            share: num,
            status: z.enum(["ok", "warn", "over"]),
            period: str(100).optional(),
          })
          .transform((b) => ({ ...b, key: b.key ?? budgetKeyOf(b) })),
      )
      .max(4 + 2 * MAX_RUNS),
    advice: z
      .array(
        z.strictObject({
          id,
          from: str(200),
          to: str(200),
          from_intensity: num,
          to_intensity: num,
          saving_co2e_kg: num,
          saving_pct: num,
        }),
      )
      .max(MAX_RUNS),
    privacy: z.strictObject({ expected_exposed_records: num, unknown_datasets: num.int() }).nullable(),
    model_card: modelCard.nullable(),
    // Reports written before entries named their own cards have none.
    model_cards: z.array(modelCard).max(MAX_RUNS).default([]),
    findings: z.array(finding).max(MAX_FINDINGS),
  })
  .superRefine((m, ctx) => {
    // Every reference points into its table.
    const bad = (path: (string | number)[], what: string) => ctx.addIssue({ code: "custom", path, message: `${what} is not in the table` });
    for (const [i, a] of m.assumptions.entries()) if (a.source >= m.sources.length) bad(["assumptions", i, "source"], `source ${a.source}`);
    for (const [i, r] of m.runs.entries()) {
      for (const [j, a] of r.assumptions.entries()) if (a >= m.assumptions.length) bad(["runs", i, "assumptions", j], `assumption ${a}`);
    }
  })
  .transform((m, ctx) => {
    // The flags `evaluated` and `removed` become the report's `status`, in combinations the gate writes.
    const report = manifestFromJson(m);
    if (typeof report !== "string") return report;
    ctx.addIssue({ code: "custom", message: report });
    return z.NEVER;
  });

const reportSchema = z.strictObject({
  schema: z.literal(REPORT_SCHEMA),
  verdict: z.enum(["pass", "warn", "fail"]),
  manifests: z.array(manifest).min(1).max(1000),
});

export class ReportInputError extends Error {}

export function parseReport(text: string): Report {
  if (Buffer.byteLength(text, "utf8") > MAX_REPORT_BYTES) throw new ReportInputError(`the report is larger than ${MAX_REPORT_BYTES} bytes`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ReportInputError(`the report is not JSON (${errorMessage(err)})`, { cause: err });
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ReportInputError(`the report is not a footprint-gate report@1: ${first.join("; ")}`);
  }
  return sanitise(parsed.data);
}

/** Every string of the report through the plain-text sanitiser (ids and enums are unchanged by it). */
function sanitise<T>(value: T): T {
  if (typeof value === "string") return plainText(value) as T;
  if (Array.isArray(value)) return value.map(sanitise) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = sanitise(v);
    return out as T;
  }
  return value;
}
