// The JSON report's contract (docs/report.md), defined once: the zod schemas below are what the gate's types are
// inferred from (estimate, diff, budget, policy, advice and report import them), what schema/report.schema.json
// is generated from, and what every report read back is checked against. A field is added here, in one line.
//
// A report JSON from elsewhere (the two-workflow pattern: a pull_request run uploads it, a workflow_run comments
// from it; `history add`) is untrusted input: sized, validated field by field, strings capped, references in
// range, every string passed through the plain-text sanitiser. Only then rendered. The limits are those of the
// reports the gate writes itself (TEXT_LIMITS, the manifest's own limits), so that every report of
// `check --format json` is accepted. Fields added after 1.0 have a default, so that older reports are still read.
import * as z from "zod";
import { RULES, type Finding } from "./findings.js";
import { ID_PATTERN, PRECISIONS } from "./manifest/schema.js";
import { plainText } from "./format/escape.js";
import { REPORT_SCHEMA, TEXT_LIMITS } from "./report-limits.js";
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
const id = z.string().regex(ID_PATTERN);
const verdict = z.enum(["pass", "warn", "fail"]);

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

/** A run's figures as a comparison holds them (base runs, the two sides of a change). */
const runFigures = totals.extend({
  id,
  kind,
  basis,
  // Reports written before per-request figures were compared are still read.
  per_request: z.strictObject({ energy_wh: num.nullable(), co2e_g_per_1000: num.nullable() }).nullable().default(null),
});

const runInputs = z.strictObject({
  accelerator: str(100).nullable(),
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
  precision: z.enum(PRECISIONS).nullable().default(null),
});

const perRequest = z.strictObject({
  requests: num.nullable().default(null),
  requests_basis: z.enum(["stated", "throughput"]).nullable().default(null),
  energy_wh: num.nullable(),
  co2e_g_per_1000: num.nullable(),
  water_ml: num.nullable().default(null),
  requests_per_kwh: num.nullable(),
  j_per_token: num.nullable().default(null),
  reason: str(200).nullable().default(null),
});

const run = runFigures.extend({
  inputs: runInputs,
  // Indexes into the manifest's `assumptions`.
  assumptions: z.array(num.int().min(0)).max(100),
  planned: totals.extend({ drift_energy_pct: pct }).nullable(),
  one_off: z.literal(true).optional(),
  per_request: perRequest.nullable(),
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

const exposureBasis = z.enum(["differential-privacy", "declared", "no-anonymization", "unknown-under-cap", "unknown"]);
const dataset = z.strictObject({
  id,
  exposure: z.strictObject({ p: num.nullable(), basis: exposureBasis, records: num.nullable(), expected_exposed_records: num.nullable() }),
});

const runDelta = z.strictObject({
  id,
  kind,
  change: z.enum(["added", "removed", "changed", "unchanged"]),
  base: runFigures.nullable(),
  head: runFigures.nullable(),
  energy_kwh: num,
  energy_pct: pct,
  co2e_kg: num,
  co2e_pct: pct,
  per_request_energy_pct: pct.default(null),
  per_request_co2e_pct: pct.default(null),
});

const delta = z.strictObject({
  energy_kwh: num,
  energy_pct: pct,
  co2e_kg: num,
  co2e_pct: pct,
  water_l: num,
  runs: z.array(runDelta).max(2 * MAX_RUNS),
});

export const BUDGET_KEYS = [
  "budget.energy_kwh",
  "budget.co2e_kg",
  "budget.water_l",
  "budget.run.energy_kwh",
  "budget.run.co2e_kg",
  "budget.increase_pct",
  "entry.budget.energy_kwh",
  "entry.budget.co2e_kg",
  "entry.budget.water_l",
  "entry.budget.increase_pct",
] as const;
const quantity = z.enum(["energy_kwh", "co2e_kg", "water_l"]);
const budgetUse = z
  .strictObject({
    scope: str(100),
    metric: quantity,
    // Reports written before uses named their key get it from scope and metric.
    key: z.enum(BUDGET_KEYS).optional(),
    limit: num,
    value: num,
    share: num,
    status: z.enum(["ok", "warn", "over"]),
    period: str(100).optional(),
  })
  .transform((b) => ({ ...b, key: b.key ?? budgetKeyOf(b) }));

const regionAdvice = z.strictObject({
  id,
  from: str(200),
  to: str(200),
  from_intensity: num,
  to_intensity: num,
  saving_co2e_kg: num,
  saving_pct: num,
});

export const LEVERS = ["fp8-training", "serving-utilization", "quantized-serving", "batching", "sparsity", "distillation"] as const;
const lever = z.strictObject({
  lever: z.enum(LEVERS),
  ids: z.array(id).min(1).max(MAX_RUNS),
  saving_energy_kwh: num.nullable(),
  saving_co2e_kg: num.nullable(),
  saving_pct: num.nullable(),
  range_pct: z.tuple([num, num]).nullable(),
  assumptions: z.array(num.int().min(0)).max(100),
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

const manifestJsonSchema = z.strictObject({
  path: str(TEXT_LIMITS.path),
  project: str(TEXT_LIMITS.project).nullable(),
  verdict,
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
  datasets: z.array(dataset).max(MAX_DATASETS),
  base: z.strictObject({ path: str(TEXT_LIMITS.path), totals, runs: z.array(runFigures).max(MAX_RUNS) }).nullable(),
  delta: delta.nullable(),
  // The total's four limits, and per entry the two of budget.run and the four of its own budget.
  budget: z.array(budgetUse).max(4 + 6 * MAX_RUNS),
  advice: z.array(regionAdvice).max(MAX_RUNS),
  // Reports written before levers were advised have none.
  levers: z
    .array(lever)
    .max(MAX_RUNS * LEVERS.length)
    .default([]),
  privacy: z.strictObject({ expected_exposed_records: num, unknown_datasets: num.int() }).nullable(),
  model_card: modelCard.nullable(),
  // Reports written before entries named their own cards have none.
  model_cards: z.array(modelCard).max(MAX_RUNS).default([]),
  findings: z.array(finding).max(MAX_FINDINGS),
});

const manifest = manifestJsonSchema
  .superRefine((m, ctx) => {
    // Every reference points into its table.
    const bad = (path: (string | number)[], what: string) => ctx.addIssue({ code: "custom", path, message: `${what} is not in the table` });
    for (const [i, a] of m.assumptions.entries()) if (a.source >= m.sources.length) bad(["assumptions", i, "source"], `source ${a.source}`);
    const refs = (part: "runs" | "levers", list: readonly { assumptions: number[] }[]) => {
      for (const [i, r] of list.entries()) {
        for (const [j, a] of r.assumptions.entries()) if (a >= m.assumptions.length) bad([part, i, "assumptions", j], `assumption ${a}`);
      }
    };
    refs("runs", m.runs);
    refs("levers", m.levers);
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
  verdict,
  manifests: z.array(manifest).min(1).max(1000),
});

// The gate's types of the report's parts, as the schema reads them.
export type Totals = z.output<typeof totals>;
export type Kind = z.output<typeof kind>;
export type RunInputs = z.output<typeof runInputs>;
export type PerRequest = z.output<typeof perRequest>;
export type RunFigures = z.output<typeof runFigures>;
/** A run as reported: its assumptions are indexes into the manifest's `assumptions` table. */
export type RunReport = z.output<typeof run>;
export type Change = z.output<typeof runDelta>["change"];
export type RunDelta = z.output<typeof runDelta>;
export type Delta = z.output<typeof delta>;
export type ExposureBasis = z.output<typeof exposureBasis>;
export type DatasetReport = z.output<typeof dataset>;
export type PrivacyTotals = NonNullable<z.output<typeof manifestJsonSchema>["privacy"]>;
export type ModelCardReport = z.output<typeof modelCard>;
/** How a manifest's figures are labelled (period/index.ts): its window and the one-off training part of its totals. */
export type PeriodReport = z.output<typeof period>;
export type Quantity = z.output<typeof quantity>;
/** The manifest key that sets a limit: what a reader changes to raise it; `entry.` keys are in the entry's own budget. */
export type BudgetKey = (typeof BUDGET_KEYS)[number];
export type BudgetUse = z.output<typeof budgetUse>;
export type RegionAdvice = z.output<typeof regionAdvice>;
export type Lever = (typeof LEVERS)[number];
/** A lever as reported: its assumptions are indexes into the manifest's `assumptions` table, like a run's. */
export type LeverReport = z.output<typeof lever>;
/** One resolved input, listed once per manifest; `source` is an index into the manifest's `sources`. */
export type AssumptionRow = z.output<typeof manifestJsonSchema>["assumptions"][number];
/** Where a figure comes from, listed once per manifest however many entries use it. */
export type SourceRow = z.output<typeof manifestJsonSchema>["sources"][number];
/** A manifest's report as the JSON report has it: `status` written as the two flags `evaluated` and `removed`. */
export type ManifestJson = z.output<typeof manifestJsonSchema>;
export type Verdict = z.output<typeof verdict>;

// Finding is the core's own type (findings.ts, which everything loads): the schema must read exactly it.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const findingIsFinding: Same<z.output<typeof finding>, Finding> = true;
void findingIsFinding;

/** The base a manifest is compared with: its path as shown, and its figures. */
export type BaseFigures = NonNullable<ManifestJson["base"]>;

/** What every manifest's report has. Each kind below has every field of the JSON report, typed as that kind has
 *  it: the renderers narrow on `status` instead of asserting that a field is there. */
type ManifestCommon = Omit<ManifestJson, "evaluated" | "removed" | "totals" | "period" | "base" | "delta" | "privacy" | "model_card">;

/** A manifest of the head, with its comparison when there is a base. */
export type EvaluatedManifest = ManifestCommon & {
  status: "evaluated";
  totals: Totals;
  /** The window of the totals and budgets, and the one-off training part of the totals. */
  period: PeriodReport;
  privacy: PrivacyTotals | null;
  model_card: ModelCardReport | null;
} & ({ base: BaseFigures; delta: Delta } | { base: null; delta: null });

/** A manifest the change deletes: only the base exists, and every figure goes to zero. */
export type RemovedManifest = ManifestCommon & {
  status: "removed";
  totals: Totals;
  period: null;
  base: BaseFigures;
  delta: Delta;
  privacy: null;
  model_card: null;
};

/** A manifest that cannot be evaluated (exit code 2): only its findings. */
export type UnevaluatedManifest = ManifestCommon & {
  status: "unevaluated";
  totals: null;
  period: null;
  base: null;
  delta: null;
  privacy: null;
  model_card: null;
};

export type ManifestReport = EvaluatedManifest | RemovedManifest | UnevaluatedManifest;

export interface Report {
  schema: typeof REPORT_SCHEMA;
  verdict: Verdict;
  manifests: ManifestReport[];
}

/** The key of a use in a report written before uses named their key. */
export function budgetKeyOf(use: { scope: string; metric: Quantity }): BudgetKey {
  if (use.scope === "total") return `budget.${use.metric}`;
  return use.metric === "co2e_kg" ? "budget.run.co2e_kg" : "budget.run.energy_kwh";
}

/** The manifest's report from its JSON form, or why the form is not one the gate writes. */
export function manifestFromJson(j: ManifestJson): ManifestReport | string {
  const { evaluated, removed, totals, period, base, delta, privacy, model_card, ...rest } = j;
  if (!evaluated) {
    if (removed || totals !== null || period !== null || base !== null || delta !== null || privacy !== null || model_card !== null)
      return "a manifest that is not evaluated has only its findings";
    return { ...rest, status: "unevaluated", totals, period, base, delta, privacy, model_card };
  }
  if (totals === null) return "an evaluated manifest has totals";
  if (removed) {
    if (base === null || delta === null || privacy !== null || model_card !== null || period !== null) return "a removed manifest has its base and delta only";
    return { ...rest, status: "removed", totals, period, base, delta, privacy, model_card };
  }
  // A report written before periods existed is per year.
  const window = period ?? { window: "year" as const, stated: false, label: "per year", one_off: null };
  if (base !== null && delta !== null) return { ...rest, status: "evaluated", totals, period: window, base, delta, privacy, model_card };
  if (base === null && delta === null) return { ...rest, status: "evaluated", totals, period: window, base, delta, privacy, model_card };
  return "base and delta are both given or both null";
}

/** The JSON Schema of the report (schema/report.schema.json): what a report must hold to be read. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://raw.githubusercontent.com/footprint-gate/footprint-gate/main/schema/report.schema.json",
    title: REPORT_SCHEMA,
    ...z.toJSONSchema(reportSchema, { io: "input", target: "draft-2020-12", reused: "ref" }),
  };
}

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
