"use strict";
exports.id = 265;
exports.ids = [265];
exports.modules = {

/***/ 9265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_REPORT_BYTES: () => (/* binding */ MAX_REPORT_BYTES),
/* harmony export */   parseReport: () => (/* binding */ parseReport)
/* harmony export */ });
/* unused harmony export ReportInputError */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8532);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7562);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1001);
/* harmony import */ var _manifest_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6470);
/* harmony import */ var _render_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7789);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(665);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17);
// A report JSON from elsewhere (the two-workflow pattern: a pull_request run uploads it, a workflow_run comments
// from it) is untrusted input: sized, validated field by field, strings capped, references in range, every string
// passed through the plain-text sanitiser. Only then rendered. The limits are those of the reports the gate writes
// itself (TEXT_LIMITS, the manifest's own limits), so that every report of `check --format json` is accepted.







/** About twice the largest report one manifest of the largest size (1 MiB) produces (some 30 MB: a finding per
 *  policy for each of 27,000 datasets); reading more would cost the runner gigabytes. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** Training and inference entries of one manifest (100,000 each), and what follows from them. */
const MAX_RUNS = 200_000;
const MAX_DATASETS = 100_000;
const MAX_FINDINGS = 2_000_000;
const num = zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig();
const str = (max) => zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().max(max);
const pct = num.nullable();
const totals = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    energy_kwh: num,
    operational_co2e_kg: num,
    embodied_co2e_kg: num,
    co2e_kg: num,
    water_l: num,
    // Only where an entry states a market factor (docs/report.md).
    market_based_co2e_kg: num.optional(),
});
const kind = zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["training", "inference"]);
const basis = zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["estimated", "measured"]);
const id = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().regex(_manifest_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .ID_PATTERN */ .pw);
// Reports written before per-request figures were compared are still read.
const figures = totals.extend({
    id,
    kind,
    basis,
    per_request: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ energy_wh: num.nullable(), co2e_g_per_1000: num.nullable() }).nullable().default(null),
});
const run = figures.extend({
    inputs: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
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
    assumptions: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(num.int().min(0)).max(100),
    planned: totals.extend({ drift_energy_pct: pct }).nullable(),
    per_request: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        // Reports written before every inference entry had per-request figures lack the newer fields.
        requests: num.nullable().default(null),
        requests_basis: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["stated", "throughput"]).nullable().default(null),
        energy_wh: num.nullable(),
        co2e_g_per_1000: num.nullable(),
        water_ml: num.nullable().default(null),
        requests_per_kwh: num.nullable(),
        j_per_token: num.nullable().default(null),
        reason: str(200).nullable().default(null),
    })
        .nullable(),
});
const finding = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    // A rule this version does not know is refused like any unknown field (no rule has ever been removed).
    rule: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES */ .y0),
    severity: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["error", "warning", "notice"]),
    message: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.message),
    // Any path the CLI was given; only plain repository paths become links (render/markdown.ts).
    file: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.path),
    line: num.int().min(1),
    column: num.int().min(1),
});
const manifest = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    path: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.path),
    project: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.project).nullable(),
    verdict: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["pass", "warn", "fail"]),
    evaluated: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY(),
    removed: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY(),
    totals: totals.nullable(),
    runs: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(run).max(MAX_RUNS),
    assumptions: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ name: str(60), value: zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([num, str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.assumptionValue)]), unit: str(40), source: num.int().min(0) }))
        .max(MAX_RUNS * 20),
    sources: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ source: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.source), year: num.int().nullable() })).max(100_000),
    datasets: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        id,
        exposure: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
            p: num.nullable(),
            basis: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["differential-privacy", "declared", "no-anonymization", "unknown-under-cap", "unknown"]),
            records: num.nullable(),
            expected_exposed_records: num.nullable(),
        }),
    }))
        .max(MAX_DATASETS),
    base: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ path: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.path), totals, runs: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(figures).max(MAX_RUNS) }).nullable(),
    delta: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        energy_kwh: num,
        energy_pct: pct,
        co2e_kg: num,
        co2e_pct: pct,
        water_l: num,
        runs: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
            id,
            kind,
            change: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["added", "removed", "changed", "unchanged"]),
            base: figures.nullable(),
            head: figures.nullable(),
            energy_kwh: num,
            energy_pct: pct,
            co2e_kg: num,
            co2e_pct: pct,
            per_request_energy_pct: pct.default(null),
            per_request_co2e_pct: pct.default(null),
        }))
            .max(2 * MAX_RUNS),
    })
        .nullable(),
    budget: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        scope: str(100),
        metric: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["energy_kwh", "co2e_kg", "water_l"]),
        // Reports written before uses named their key get it from scope and metric.
        key: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(Object.keys(_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .BUDGET_RULES */ .SE)).optional(),
        limit: num,
        value: num,
        share: num,
        status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["ok", "warn", "over"]),
    })
        .transform((b) => ({ ...b, key: b.key ?? (0,_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .budgetKeyOf */ .E4)(b) })))
        .max(4 + 2 * MAX_RUNS),
    advice: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        id,
        from: str(200),
        to: str(200),
        from_intensity: num,
        to_intensity: num,
        saving_co2e_kg: num,
        saving_pct: num,
    }))
        .max(MAX_RUNS),
    privacy: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ expected_exposed_records: num, unknown_datasets: num.int() }).nullable(),
    model_card: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
        path: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.path),
        disclosure: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["none", "unreadable", "read"]),
        disclosed_g: num.nullable(),
        estimated_g: num,
        embodied_g: num,
        difference_pct: pct,
        missing_sections: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.section)).max(50),
        kept: zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
            training_type: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.card).optional(),
            geographical_location: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.card).optional(),
            hardware_used: str(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .TEXT_LIMITS */ .Pc.card).optional(),
        }),
    })
        .nullable(),
    findings: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(finding).max(MAX_FINDINGS),
})
    .superRefine((m, ctx) => {
    // Every reference points into its table.
    const bad = (path, what) => ctx.addIssue({ code: "custom", path, message: `${what} is not in the table` });
    for (const [i, a] of m.assumptions.entries())
        if (a.source >= m.sources.length)
            bad(["assumptions", i, "source"], `source ${a.source}`);
    for (const [i, r] of m.runs.entries()) {
        for (const [j, a] of r.assumptions.entries())
            if (a >= m.assumptions.length)
                bad(["runs", i, "assumptions", j], `assumption ${a}`);
    }
})
    .transform((m, ctx) => {
    // The flags `evaluated` and `removed` become the report's `status`, in combinations the gate writes.
    const report = (0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .manifestFromJson */ .I0)(m);
    if (typeof report !== "string")
        return report;
    ctx.addIssue({ code: "custom", message: report });
    return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
});
const reportSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    schema: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz(_report_js__WEBPACK_IMPORTED_MODULE_4__/* .REPORT_SCHEMA */ .DC),
    verdict: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(["pass", "warn", "fail"]),
    manifests: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(manifest).min(1).max(1000),
});
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
        return (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plainText */ .wh)(value);
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