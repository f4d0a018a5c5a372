// A report JSON from elsewhere (the two-workflow pattern: a pull_request run uploads it, a workflow_run comments
// from it) is untrusted input: sized, validated field by field, strings capped, numbers finite. Only then rendered.
import * as z from "zod";
import { ID_PATTERN } from "./manifest/schema.js";
import { REPORT_SCHEMA, type Report } from "./report.js";

export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

const num = z.number();
const str = (max: number) => z.string().max(max);
const pct = num.nullable();
const totals = z.strictObject({ energy_kwh: num, operational_co2e_kg: num, embodied_co2e_kg: num, co2e_kg: num, water_l: num });
const kind = z.enum(["training", "inference"]);
const basis = z.enum(["estimated", "measured"]);
const id = z.string().regex(ID_PATTERN);
const figures = totals.extend({ id, kind, basis });

const run = figures.extend({
  inputs: z.strictObject({
    accelerator: str(100).nullable(),
    accelerator_hours: num.nullable(),
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
  assumptions: z
    .array(z.strictObject({ name: str(60), value: z.union([num, str(300)]), unit: str(40), source: str(1000), year: num.int().nullable() }))
    .max(100),
  planned: totals.extend({ drift_energy_pct: pct }).nullable(),
  per_request: z.strictObject({ energy_wh: num, requests_per_kwh: num, co2e_g_per_1000: num }).nullable(),
});

const finding = z.strictObject({
  rule: z.string().regex(/^[a-z0-9/-]{1,60}$/),
  severity: z.enum(["error", "warning", "notice"]),
  message: str(2000),
  // Findings become links into the repository: only plain relative paths, no `.`/`..` segments.
  file: str(1000).regex(/^(?![/\\])(?!.*(?:^|\/)\.{1,2}(?:\/|$))[^\u0000-\u001f\\:]+$/, "a relative path inside the repository"),
  line: num.int().min(1),
  column: num.int().min(1),
});

const manifest = z.strictObject({
  path: str(1000),
  project: str(200).nullable(),
  verdict: z.enum(["pass", "warn", "fail"]),
  evaluated: z.boolean(),
  removed: z.boolean(),
  totals: totals.nullable(),
  runs: z.array(run).max(100_000),
  datasets: z
    .array(
      z.strictObject({
        id,
        exposure: z.strictObject({
          p: num.nullable(),
          basis: z.enum(["differential-privacy", "declared", "no-anonymization", "unknown"]),
          records: num.nullable(),
          expected_exposed_records: num.nullable(),
        }),
      }),
    )
    .max(100_000),
  base: z.strictObject({ path: str(1000), totals, runs: z.array(figures).max(100_000) }).nullable(),
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
          }),
        )
        .max(200_000),
    })
    .nullable(),
  budget: z
    .array(
      z.strictObject({
        scope: str(100),
        metric: z.enum(["energy_kwh", "co2e_kg", "water_l"]),
        limit: num,
        value: num,
        share: num,
        status: z.enum(["ok", "warn", "over"]),
      }),
    )
    .max(300_000),
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
    .max(100_000),
  privacy: z.strictObject({ expected_exposed_records: num, unknown_datasets: num.int() }).nullable(),
  model_card: z
    .strictObject({
      path: str(1000),
      disclosure: z.enum(["none", "unreadable", "read"]),
      disclosed_g: num.nullable(),
      estimated_g: num,
      difference_pct: pct,
      missing_sections: z.array(str(200)).max(50),
      kept: z.strictObject({ training_type: str(200).optional(), geographical_location: str(200).optional(), hardware_used: str(200).optional() }),
    })
    .nullable(),
  findings: z.array(finding).max(10_000),
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
    throw new ReportInputError(`the report is not JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ReportInputError(`the report is not a footprint-gate report@1: ${first.join("; ")}`);
  }
  return parsed.data;
}
