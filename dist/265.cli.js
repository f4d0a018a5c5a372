"use strict";
exports.id = 265;
exports.ids = [265];
exports.modules = {

/***/ 9265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_REPORT_BYTES: () => (/* binding */ MAX_REPORT_BYTES),
/* harmony export */   parseReport: () => (/* binding */ parseReport),
/* harmony export */   reportJsonSchema: () => (/* binding */ reportJsonSchema)
/* harmony export */ });
/* unused harmony exports BUDGET_KEYS, LEVERS, budgetKeyOf, manifestFromJson, ReportInputError */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8532);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8439);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1001);
/* harmony import */ var _manifest_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6470);
/* harmony import */ var _format_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9044);
/* harmony import */ var _report_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1186);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17);
// The JSON report's contract (docs/report.md), defined once: the zod schemas below are what the gate's types are
// inferred from (estimate, diff, budget, policy, advice and report import them), what schema/report.schema.json
// is generated from, and what every report read back is checked against. A field is added here, in one line.
//
// A report JSON from elsewhere (the two-workflow pattern: a pull_request run uploads it, a workflow_run comments
// from it; `history add`) is untrusted input: sized, validated field by field, strings capped, references in
// range, every string passed through the plain-text sanitiser. Only then rendered. The limits are those of the
// reports the gate writes itself (TEXT_LIMITS, the manifest's own limits), so that every report of
// `check --format json` is accepted. Fields added after 1.0 have a default, so that older reports are still read.






/** About twice the largest report one manifest of the largest size (1 MiB) produces (some 30 MB: a finding per
 *  policy for each of 27,000 datasets); reading more would cost the runner gigabytes. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** Training and inference entries of one manifest (100,000 each), and what follows from them. */
const MAX_RUNS = 200_000;
const MAX_DATASETS = 100_000;
const MAX_FINDINGS = 2_000_000;
const num = zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig();
const str = (max) => zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(max);
const pct = num.nullable();
const id = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(_manifest_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ID_PATTERN */ .pw);
const verdict = zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["pass", "warn", "fail"]);
const totals = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    energy_kwh: num,
    operational_co2e_kg: num,
    embodied_co2e_kg: num,
    co2e_kg: num,
    water_l: num,
    // Only where an entry states a market factor (docs/report.md).
    market_based_co2e_kg: num.optional(),
});
const kind = zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["training", "inference"]);
const basis = zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["estimated", "measured"]);
/** A run's figures as a comparison holds them (base runs, the two sides of a change). */
const runFigures = totals.extend({
    id,
    kind,
    basis,
    // Reports written before per-request figures were compared are still read.
    per_request: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ energy_wh: num.nullable(), co2e_g_per_1000: num.nullable() }).nullable().default(null),
});
const runInputs = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
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
    precision: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(_manifest_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .PRECISIONS */ .st).nullable().default(null),
});
const perRequest = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    requests: num.nullable().default(null),
    requests_basis: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["stated", "throughput"]).nullable().default(null),
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
    assumptions: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(num.int().min(0)).max(100),
    planned: totals.extend({ drift_energy_pct: pct }).nullable(),
    one_off: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz(true).optional(),
    per_request: perRequest.nullable(),
});
const finding = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    // A rule this version does not know is refused like any unknown field (no rule has ever been removed).
    rule: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0),
    severity: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["error", "warning", "notice"]),
    message: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.message),
    // Any path the CLI was given; only plain repository paths become links (render/markdown.ts).
    file: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.path),
    line: num.int().min(1),
    column: num.int().min(1),
});
const exposureBasis = zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["differential-privacy", "declared", "no-anonymization", "unknown-under-cap", "unknown"]);
const dataset = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    id,
    exposure: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ p: num.nullable(), basis: exposureBasis, records: num.nullable(), expected_exposed_records: num.nullable() }),
});
const runDelta = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    id,
    kind,
    change: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["added", "removed", "changed", "unchanged"]),
    base: runFigures.nullable(),
    head: runFigures.nullable(),
    energy_kwh: num,
    energy_pct: pct,
    co2e_kg: num,
    co2e_pct: pct,
    per_request_energy_pct: pct.default(null),
    per_request_co2e_pct: pct.default(null),
});
const delta = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    energy_kwh: num,
    energy_pct: pct,
    co2e_kg: num,
    co2e_pct: pct,
    water_l: num,
    runs: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(runDelta).max(2 * MAX_RUNS),
});
const BUDGET_KEYS = [
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
];
const quantity = zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["energy_kwh", "co2e_kg", "water_l"]);
const budgetUse = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    scope: str(100),
    metric: quantity,
    // Reports written before uses named their key get it from scope and metric.
    key: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(BUDGET_KEYS).optional(),
    limit: num,
    value: num,
    share: num,
    status: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["ok", "warn", "over"]),
    period: str(100).optional(),
})
    .transform((b) => ({ ...b, key: b.key ?? budgetKeyOf(b) }));
const regionAdvice = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    id,
    from: str(200),
    to: str(200),
    from_intensity: num,
    to_intensity: num,
    saving_co2e_kg: num,
    saving_pct: num,
});
const LEVERS = ["fp8-training", "serving-utilization", "quantized-serving", "batching", "sparsity", "distillation"];
const lever = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    lever: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(LEVERS),
    ids: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(id).min(1).max(MAX_RUNS),
    saving_energy_kwh: num.nullable(),
    saving_co2e_kg: num.nullable(),
    saving_pct: num.nullable(),
    range_pct: zod__WEBPACK_IMPORTED_MODULE_4__/* .tuple */ .PVZ([num, num]).nullable(),
    assumptions: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(num.int().min(0)).max(100),
});
const modelCard = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    path: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.path),
    // Reports written before cards named their entries have none listed.
    entries: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(id).max(MAX_RUNS).default([]),
    disclosure: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["none", "unreadable", "read"]),
    disclosed_g: num.nullable(),
    estimated_g: num,
    embodied_g: num,
    difference_pct: pct,
    missing_sections: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.section)).max(50),
    kept: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
        training_type: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.card).optional(),
        geographical_location: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.card).optional(),
        hardware_used: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.card).optional(),
    }),
});
const period = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    window: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(["month", "quarter", "year"]),
    stated: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY(),
    label: str(100),
    one_off: totals.nullable(),
});
const manifestJsonSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    path: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.path),
    project: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.project).nullable(),
    verdict,
    evaluated: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY(),
    removed: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY(),
    totals: totals.nullable(),
    // Reports written before periods existed are read per year.
    period: period.nullable().default(null),
    runs: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(run).max(MAX_RUNS),
    assumptions: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ name: str(60), value: zod__WEBPACK_IMPORTED_MODULE_4__/* .union */ .KCZ([num, str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.assumptionValue)]), unit: str(40), source: num.int().min(0) }))
        .max(MAX_RUNS * 20),
    sources: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ source: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.source), year: num.int().nullable() })).max(100_000),
    datasets: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(dataset).max(MAX_DATASETS),
    base: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ path: str(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.path), totals, runs: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(runFigures).max(MAX_RUNS) }).nullable(),
    delta: delta.nullable(),
    // The total's four limits, and per entry the two of budget.run and the four of its own budget.
    budget: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(budgetUse).max(4 + 6 * MAX_RUNS),
    advice: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(regionAdvice).max(MAX_RUNS),
    // Reports written before levers were advised have none.
    levers: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(lever)
        .max(MAX_RUNS * LEVERS.length)
        .default([]),
    privacy: zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({ expected_exposed_records: num, unknown_datasets: num.int() }).nullable(),
    model_card: modelCard.nullable(),
    // Reports written before entries named their own cards have none.
    model_cards: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(modelCard).max(MAX_RUNS).default([]),
    findings: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(finding).max(MAX_FINDINGS),
});
const manifest = manifestJsonSchema
    .superRefine((m, ctx) => {
    // Every reference points into its table.
    const bad = (path, what) => ctx.addIssue({ code: "custom", path, message: `${what} is not in the table` });
    for (const [i, a] of m.assumptions.entries())
        if (a.source >= m.sources.length)
            bad(["assumptions", i, "source"], `source ${a.source}`);
    const refs = (part, list) => {
        for (const [i, r] of list.entries()) {
            for (const [j, a] of r.assumptions.entries())
                if (a >= m.assumptions.length)
                    bad([part, i, "assumptions", j], `assumption ${a}`);
        }
    };
    refs("runs", m.runs);
    refs("levers", m.levers);
})
    .transform((m, ctx) => {
    // The flags `evaluated` and `removed` become the report's `status`, in combinations the gate writes.
    const report = manifestFromJson(m);
    if (typeof report !== "string")
        return report;
    ctx.addIssue({ code: "custom", message: report });
    return zod__WEBPACK_IMPORTED_MODULE_5__/* .NEVER */ .tm;
});
const reportSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    schema: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz(_report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .REPORT_SCHEMA */ .DC),
    verdict,
    manifests: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(manifest).min(1).max(1000),
});
const findingIsFinding = true;
void findingIsFinding;
/** The key of a use in a report written before uses named their key. */
function budgetKeyOf(use) {
    if (use.scope === "total")
        return `budget.${use.metric}`;
    return use.metric === "co2e_kg" ? "budget.run.co2e_kg" : "budget.run.energy_kwh";
}
/** The manifest's report from its JSON form, or why the form is not one the gate writes. */
function manifestFromJson(j) {
    const { evaluated, removed, totals, period, base, delta, privacy, model_card, ...rest } = j;
    if (!evaluated) {
        if (removed || totals !== null || period !== null || base !== null || delta !== null || privacy !== null || model_card !== null)
            return "a manifest that is not evaluated has only its findings";
        return { ...rest, status: "unevaluated", totals, period, base, delta, privacy, model_card };
    }
    if (totals === null)
        return "an evaluated manifest has totals";
    if (removed) {
        if (base === null || delta === null || privacy !== null || model_card !== null || period !== null)
            return "a removed manifest has its base and delta only";
        return { ...rest, status: "removed", totals, period, base, delta, privacy, model_card };
    }
    // A report written before periods existed is per year.
    const window = period ?? { window: "year", stated: false, label: "per year", one_off: null };
    if (base !== null && delta !== null)
        return { ...rest, status: "evaluated", totals, period: window, base, delta, privacy, model_card };
    if (base === null && delta === null)
        return { ...rest, status: "evaluated", totals, period: window, base, delta, privacy, model_card };
    return "base and delta are both given or both null";
}
/** The JSON Schema of the report (schema/report.schema.json): what a report must hold to be read. */
function reportJsonSchema() {
    return {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: "https://raw.githubusercontent.com/footprint-gate/footprint-gate/main/schema/report.schema.json",
        title: _report_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .REPORT_SCHEMA */ .DC,
        ...zod__WEBPACK_IMPORTED_MODULE_6__/* .toJSONSchema */ .bl(reportSchema, { io: "input", target: "draft-2020-12", reused: "ref" }),
    };
}
class ReportInputError extends Error {
}
function parseReport(text) {
    if (Buffer.byteLength(text, "utf8") > MAX_REPORT_BYTES)
        throw new ReportInputError(`the report is larger than ${MAX_REPORT_BYTES} bytes`);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        throw new ReportInputError(`the report is not JSON (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .g)(err)})`, { cause: err });
    }
    const parsed = reportSchema.safeParse(data);
    if (!parsed.success) {
        const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
        throw new ReportInputError(`the report is not a footprint-gate report@1: ${first.join("; ")}`);
    }
    return sanitise(parsed.data);
}
/** Every string of the report through the plain-text sanitiser (ids and enums are unchanged by it). */
function sanitise(value) {
    if (typeof value === "string")
        return (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .wh)(value);
    if (Array.isArray(value))
        return value.map(sanitise);
    if (value !== null && typeof value === "object") {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = sanitise(v);
        return out;
    }
    return value;
}


/***/ })

};
;