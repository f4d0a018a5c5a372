"use strict";
exports.id = 799;
exports.ids = [799,470];
exports.modules = {

/***/ 5799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HistoryError: () => (/* binding */ HistoryError),
/* harmony export */   historyRecord: () => (/* binding */ historyRecord),
/* harmony export */   readRecords: () => (/* binding */ readRecords),
/* harmony export */   writeRecord: () => (/* binding */ writeRecord)
/* harmony export */ });
/* unused harmony exports HISTORY_SCHEMA, MAX_RECORD_ENTRIES, MAX_RECORD_MANIFESTS, MAX_RECORD_BYTES, MAX_RECORDS, recordPath, recordJson, parseRecord */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2311);
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8330);
/* harmony import */ var _data_accelerators_json__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3083);
/* harmony import */ var _data_cloud_json__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9688);
/* harmony import */ var _data_defaults_json__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7945);
/* harmony import */ var _data_grid_json__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5639);
/* harmony import */ var _data_levers_json__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5766);
/* harmony import */ var _manifest_schema_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6470);
/* harmony import */ var _report_limits_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1186);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6197);
/* harmony import */ var _util_sha256_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6701);
// History records (docs/history.md): one small summary of a run's report per file, `<yyyy>/<yyyy-mm-dd>-<sha7>.json`,
// so that two writers never touch the same file. A record keeps totals per manifest and per entry, the verdict,
// the period and the versions, never the whole report. Records are read back as untrusted input: sized, counted and
// validated field by field before anything is drawn from them.













const HISTORY_SCHEMA = "footprint-gate/history@1";
/** A record keeps the largest entries of a manifest; the rest are counted. */
const MAX_RECORD_ENTRIES = 100;
const MAX_RECORD_MANIFESTS = 100;
/** A record the gate writes is a few kilobytes at most: anything far larger was not written by it. */
const MAX_RECORD_BYTES = 256 * 1024;
/** Records read for a page or a trend, the newest first: 1,000 runs keep the page under 2 MB. */
const MAX_RECORDS = 5000;
const SHA = /^[0-9a-f]{7,40}$/;
// An ISO 8601 instant as toISOString writes it, or a date: the only forms written, so the only ones read.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const num = zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().finite();
const figures = { energy_kwh: num, co2e_kg: num, water_l: num };
const recordSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    schema: zod__WEBPACK_IMPORTED_MODULE_12__/* .literal */ .euz(HISTORY_SCHEMA),
    sha: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().regex(SHA),
    date: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().regex(ISO_DATE),
    ref: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().max(255).nullable(),
    verdict: zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(["pass", "warn", "fail"]),
    versions: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({ tool: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().max(40), data: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().max(40) }),
    manifests: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        path: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().max(_report_limits_js__WEBPACK_IMPORTED_MODULE_9__/* .TEXT_LIMITS */ .Pc.path),
        project: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().max(_report_limits_js__WEBPACK_IMPORTED_MODULE_9__/* .TEXT_LIMITS */ .Pc.project).nullable(),
        verdict: zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(["pass", "warn", "fail"]),
        // The window recurring work is counted over; null while entries have none of their own.
        period: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().max(20).nullable(),
        // null: the manifest could not be evaluated at this run.
        totals: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej(figures).nullable(),
        budget: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({ energy_kwh: num.nullable(), co2e_kg: num.nullable() }),
        entries: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({ id: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().regex(_manifest_schema_js__WEBPACK_IMPORTED_MODULE_8__/* .ID_PATTERN */ .pw), kind: zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(["training", "inference"]), ...figures })).max(MAX_RECORD_ENTRIES),
        entries_omitted: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().int().min(0),
    }))
        .max(MAX_RECORD_MANIFESTS),
});
/** Names the tables the figures came from, so a jump in the history can be told apart from a change of data. */
let dataVersion;
function dataVersionOf() {
    return (dataVersion ??= (0,_util_sha256_js__WEBPACK_IMPORTED_MODULE_11__/* .sha256Hex */ .f)(JSON.stringify([_data_accelerators_json__WEBPACK_IMPORTED_MODULE_3__, _data_cloud_json__WEBPACK_IMPORTED_MODULE_4__, _data_defaults_json__WEBPACK_IMPORTED_MODULE_5__, _data_grid_json__WEBPACK_IMPORTED_MODULE_6__, _data_levers_json__WEBPACK_IMPORTED_MODULE_7__])).slice(0, 12));
}
class HistoryError extends Error {
}
/** The record of a run: its report summed up, at commit `sha` and time `date` (ISO 8601). */
function historyRecord(report, meta) {
    if (!SHA.test(meta.sha))
        throw new HistoryError(`--sha must be a commit id of 7 to 40 lower-case hex digits (got ${JSON.stringify(meta.sha.slice(0, 60))})`);
    if (!ISO_DATE.test(meta.date) || !Number.isFinite(Date.parse(meta.date)))
        throw new HistoryError(`--date must be an ISO 8601 date or time, e.g. 2025-03-01T12:00:00Z (got ${JSON.stringify(meta.date.slice(0, 60))})`);
    const manifests = report.manifests
        .filter((m) => m.status !== "removed")
        .slice(0, MAX_RECORD_MANIFESTS)
        .map((m) => {
        const total = (key) => m.budget.find((b) => b.key === key)?.limit ?? null;
        const largest = [...m.runs].sort((a, b) => b.energy_kwh - a.energy_kwh).slice(0, MAX_RECORD_ENTRIES);
        return {
            path: m.path,
            project: m.project,
            verdict: m.verdict,
            period: null,
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
        versions: { tool: _package_json__WEBPACK_IMPORTED_MODULE_2__/* .version */ .rE, data: dataVersionOf() },
        manifests,
    };
}
/** Where the record goes in the history folder: `<yyyy>/<yyyy-mm-dd>-<sha7>.json`. */
function recordPath(record) {
    const day = new Date(Date.parse(record.date)).toISOString().slice(0, 10);
    return `${day.slice(0, 4)}/${day}-${record.sha.slice(0, 7)}.json`;
}
function recordJson(record) {
    return JSON.stringify(record, null, 1) + "\n";
}
/** Writes the record into the history folder `dir` (creating it), never through a symlink; its path in the folder. */
function writeRecord(dir, record) {
    const rel = recordPath(record);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, rel)), { recursive: true });
    (0,_sources_js__WEBPACK_IMPORTED_MODULE_10__/* .writeRegularFile */ .E2)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, rel), recordJson(record));
    return rel;
}
/** The record in `text`, or why it is not one. */
function parseRecord(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        return "not JSON";
    }
    const parsed = recordSchema.safeParse(data);
    if (parsed.success)
        return parsed.data;
    const first = parsed.error.issues[0];
    return `not a ${HISTORY_SCHEMA} record (${first.path.join(".") || "(root)"}: ${first.message})`;
}
/**
 * The records of the history folder `dir`, oldest first: files `<yyyy>/*.json` only, the newest MAX_RECORDS of
 * them by name, none larger than MAX_RECORD_BYTES and none through a symlink. Files that are not records are
 * named in `skipped`, with the reason, and left out.
 */
function readRecords(dir) {
    const skipped = [];
    const names = [];
    let years;
    try {
        years = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })
            .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
            .map((d) => d.name);
    }
    catch (err) {
        if (err.code === "ENOENT")
            return { records: [], skipped };
        throw new HistoryError(`${dir}: cannot read the history folder (${err.code ?? String(err)})`);
    }
    for (const year of years) {
        for (const d of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, year), { withFileTypes: true })) {
            if (/^\d{4}-\d{2}-\d{2}-[0-9a-f]{7}\.json$/.test(d.name)) {
                if (d.isFile())
                    names.push(`${year}/${d.name}`);
                else
                    skipped.push(`${year}/${d.name}: not a regular file`);
            }
        }
    }
    names.sort();
    const kept = names.slice(-MAX_RECORDS);
    if (names.length > kept.length)
        skipped.push(`${names.length - kept.length} older records: only the newest ${MAX_RECORDS} are read`);
    const records = [];
    for (const name of kept) {
        let text;
        try {
            text = (0,_sources_js__WEBPACK_IMPORTED_MODULE_10__/* .readRegularFile */ .XF)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name), MAX_RECORD_BYTES)?.toString("utf8") ?? "";
        }
        catch (err) {
            skipped.push(`${name}: ${err.message}`);
            continue;
        }
        const record = parseRecord(text);
        if (typeof record === "string")
            skipped.push(`${name}: ${record}`);
        else
            records.push(record);
    }
    // Several runs a day: in the order they ran.
    records.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
    return { records, skipped };
}


/***/ }),

/***/ 6470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jo: () => (/* binding */ schemas),
/* harmony export */   jsonSchema: () => (/* binding */ jsonSchema),
/* harmony export */   pw: () => (/* binding */ ID_PATTERN),
/* harmony export */   st: () => (/* binding */ PRECISIONS)
/* harmony export */ });
/* unused harmony exports SCHEMA_ID, validationSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8439);
// The manifest v1 schema (docs/manifest.md; every key in docs/manifest-reference.md). Strict objects everywhere: a typo must not silently pass a gate.
// Ranges are bounded below and above so that absurd figures (hours: 1e308, mfu: 1e-300) are refused instead of
// producing nonsense, infinity or NaN.
// Cross-field rules (exactly one of hours|gpu_hours|compute, …) live in ./rules.ts, where they get positions.

// No code generation (new Function) for validators: faster for the small documents we parse, and no eval.
zod__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W({ jitless: true });
/** 1e7 rather than 10000000, so a range reads like the YAML that may be written. */
const show = (n) => ((n >= 1e4 || (n > 0 && n < 0.001)) && Number.isInteger(Math.log10(n)) ? `1e${Math.log10(n)}` : String(n));
const outOfRange = (range) => (iss) => `must be ${range} (got ${String(iss.input)})`;
// Every number has a floor as well as a ceiling: a figure such as 5e-324 divides into infinity, and every divisor
// of the estimate (lifetimes, mfu, budgets, requests, base figures) must keep all results finite.
const num = (min, max) => {
    const error = outOfRange(`from ${show(min)} to ${show(max)}`);
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().gte(min, { error }).lte(max, { error });
};
/** The floor of each "0 or from min to max" schema, by its definition (shared by its described copies). */
const FLOORS = new WeakMap();
/** 0 (none) or a figure from min to max; nothing in between, so no product of figures underflows. */
const zeroOr = (min, max) => {
    const error = outOfRange(`0 or from ${show(min)} to ${show(max)}`);
    const schema = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .gte(0, { error })
        .lte(max, { error })
        .refine((v) => !(v > 0 && v < min), { error });
    FLOORS.set(schema._zod.def, min);
    return schema;
};
/** A share from min to 1; a percentage written instead (utilization: 50) is told how to write it as a share. */
const share = (min) => {
    const range = outOfRange(`from ${show(min)} to 1`);
    const error = (iss) => {
        const v = iss.input;
        const pct = typeof v === "number" && v > 1 && v <= 100 ? `; for ${v} % write ${Number((v / 100).toPrecision(12))}` : "";
        return range(iss) + pct;
    };
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().gte(min, { error }).lte(1, { error });
};
const text = (max) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(max);
/** A wrong value as a message can show it: text quoted and cut short, lists and mappings by their kind. */
const shown = (v) => typeof v === "string" ? JSON.stringify(v.slice(0, 40)) : Array.isArray(v) ? "a list" : v !== null && typeof v === "object" ? "a mapping" : String(v);
/** Numeric formats an entry may state (`precision`). */
const PRECISIONS = ["bf16", "fp16", "fp8", "fp4", "int8", "int4"];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;
/**
 * Builds the zod schemas. Only a manifest the standalone validator (./validator.generated.js) rejects needs them, to
 * explain what is wrong, so they are built on first use rather than at start-up.
 */
function build() {
    const id = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(ID_PATTERN, "must start with a letter or digit and use only letters, digits, '.', '_', '-' or '/' (at most 100)")
        .describe("Unique key of the entry; base and head entries with the same id are compared.");
    const location = text(100).describe("Cloud region (aws:us-east-1, gcp:us-central1, azure:westeurope) or Electricity Maps zone (FR, zone:US-CAL-CISO).");
    const pue = num(1, 3).describe("Power usage effectiveness of the data centre (facility energy / IT energy).");
    const carbonIntensity = zeroOr(0.001, 2000).describe("Grid carbon intensity in gCO2e/kWh (0, or at least 0.001); overrides the location's figure.");
    const repeats = num(0.01, 1e6).describe("How many times the run is expected to happen (default 1).");
    /** The data centre and its electricity beyond the grid zone: inherited from defaults, overridden per entry. */
    const siteFields = {
        facility: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["hyperscale", "colocation", "enterprise"])
            .optional()
            .describe("Kind of data centre; gives the PUE where the location is not a cloud region (hyperscale 1.13, colocation and enterprise 1.56)."),
        wue_l_per_kwh: zeroOr(0.001, 100).optional().describe("On-site water per kWh of IT energy, L/kWh (0, or at least 0.001); overrides the catalogue's WUE."),
        water_intensity_l_per_kwh: zeroOr(0.001, 100)
            .optional()
            .describe("Off-site water per kWh of electricity, L/kWh (0, or at least 0.001); overrides the default 3.1."),
        carbon_free_energy: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([num(0, 1), zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz("provider")], {
            error: (iss) => `must be a share from 0 to 1 or "provider" (got ${shown(iss.input)})`,
        })
            .optional()
            .describe("Share of the electricity matched by carbon-free supply (0 to 1): market-based intensity = grid intensity × (1 − share); `provider`: the share the cloud provider publishes for the region (gcp)."),
        market_based_intensity: zeroOr(0.001, 2000)
            .optional()
            .describe("Market-based emission factor in gCO2e/kWh (0, or at least 0.001), e.g. of a supplier contract; adds market-based CO2e to the report."),
    };
    const embodied = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        per_accelerator_kg: zeroOr(0.001, 1e5)
            .optional()
            .describe("Manufacturing emissions per accelerator incl. its server share, kg (0, or at least 0.001; default 462.5 kg)."),
        lifetime_years: num(0.1, 30).optional().describe("Hardware lifetime in years (default 6)."),
        lifetime_utilization: share(0.01).optional().describe("Share of the lifetime the hardware is in use (default 0.85)."),
    })
        .describe("Overrides of the embodied-carbon defaults.");
    const codecarbonPath = text(1000);
    const measured = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        codecarbon: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([codecarbonPath, zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(codecarbonPath).min(1).max(1024)])
            .optional()
            .describe("CodeCarbon emissions.csv (one file or one per rank), relative to the manifest."),
        energy_kwh: zeroOr(1e-6, 1e10).optional().describe("Measured IT-level energy in kWh (0, or at least 1e-6); the entry's PUE is applied."),
    })
        .describe("Measured figures; they replace the estimate of energy and operational CO2e.");
    const common = {
        id,
        accelerator: text(100)
            .optional()
            .describe("Catalogue id or alias, case-insensitive (H100 SXM, A100-SXM4-80GB); any other name with power_w is a custom accelerator."),
        count: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .int()
            .gte(1, { error: outOfRange("from 1 to 1e7") })
            .lte(1e7, { error: outOfRange("from 1 to 1e7") })
            .optional()
            .describe("Number of accelerators."),
        hours: num(1e-4, 1e6).optional(),
        power_w: num(1, 1e4).optional().describe("Per-accelerator power draw in W (default: catalogue TDP)."),
        utilization: share(0.001).optional().describe("Factor on power_w (default 1.0 training, 0.5 inference)."),
        location: location.optional(),
        pue: pue.optional(),
        carbon_intensity: carbonIntensity.optional(),
        repeats: repeats.optional(),
        measured: measured.optional(),
        embodied: embodied.optional(),
        ...siteFields,
        precision: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(PRECISIONS)
            .optional()
            .describe("Numeric format the entry computes in (bf16, fp16, fp8, fp4, int8, int4): recorded in the report; advice on a lower precision is given only where it still applies."),
        year: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .int()
            .gte(2000, { error: outOfRange("from 2000 to 2100") })
            .lte(2100, { error: outOfRange("from 2000 to 2100") })
            .optional()
            .describe("Year of the run: the location's grid intensity of that year (default: the latest year)."),
    };
    const trainingSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        ...common,
        hours: num(1e-4, 1e6).optional().describe("Wall-clock hours of the run (with count)."),
        gpu_hours: num(1e-4, 1e11).optional().describe("Accelerator-hours of the run; count is then optional."),
        peak_tflops: num(0.1, 1e5)
            .optional()
            .describe("Peak dense BF16 (or FP16) TFLOPS per accelerator for compute; overrides the catalogue figure, required for a custom accelerator."),
        compute: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            parameters: num(1, 1e15).describe("Model parameters P."),
            tokens: num(1, 1e17).describe("Training tokens T."),
            mfu: share(0.01).optional().describe("Model FLOPs utilisation (default 0.4)."),
        })
            .optional()
            .describe("Predict accelerator-hours from dense-transformer FLOPs 6·P·T."),
    })
        .describe("A training or fine-tuning run.");
    // The floors keep requests ÷ rate finite; the ceilings are far above any fleet's sustained rate.
    const throughput = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        requests_per_second: num(1e-4, 1e9).optional().describe("Sustained requests per second of the entry's count accelerators together."),
        tokens_per_second: num(1e-3, 1e12).optional().describe("Sustained tokens per second of the count accelerators together; needs tokens_per_request."),
        tokens_per_request: num(1, 1e8).optional().describe("Tokens per request, counted as tokens_per_second counts them; gives j_per_token."),
    })
        .describe("Throughput form: the sustained rate of the count accelerators together. With requests, energy = requests ÷ rate × count × power_w × utilization; with hours and no requests, requests = rate × hours. Utilization default 0.7 (a busy serving fleet).");
    const inferenceSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        ...common,
        hours: num(1e-4, 1e6).optional().describe("Hours the fleet serves (default 8760, one year)."),
        requests: num(1, 1e18).optional().describe("Requests N over the period; enables per-request figures."),
        energy_per_request_wh: num(1e-6, 1e6).optional().describe("Request form: IT energy per request in Wh (energy = N × C)."),
        throughput: throughput.optional(),
    })
        .describe("An inference deployment: a fleet of accelerators, or a number of requests.");
    const datasetSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        id: id.describe("Unique key of the dataset."),
        records: num(0, 1e15).optional().describe("Number of records D."),
        personal_data: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("Whether the dataset contains personal data (PII)."),
        anonymization: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["none", "pseudonymized", "anonymized", "k-anonymity", "synthetic"])
            .optional()
            .describe("How personal data is protected; none or missing fails privacy/anonymization for personal data."),
        encryption: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            at_rest: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("Stored encrypted."),
            in_transit: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("Transferred encrypted."),
        })
            .optional()
            .describe("Both are required for personal data (privacy/encryption)."),
        differential_privacy: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            epsilon: num(0, 1000).describe("Privacy loss ε of (ε, δ)-differential privacy."),
            delta: num(0, 1).optional().describe("Failure probability δ (default 0)."),
        })
            .optional()
            .describe("Training with (ε, δ)-differential privacy; bounds p = (e^ε − 1 + 2δ)/(e^ε + 1)."),
        leak_probability: num(0, 1).optional().describe("Declared probability p that a record leaks."),
        license: text(200).optional().describe("SPDX licence id, or proprietary."),
        documentation: text(1000).optional().describe("Repository path (must exist) or https URL of the datasheet."),
        source: text(1000).optional().describe("Provenance, free text or URL."),
    })
        .describe("A dataset used by the project.");
    const budgetSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        energy_kwh: num(0.001, 1e12).optional().describe("Total facility energy of the manifest, kWh."),
        co2e_kg: num(0.001, 1e12).optional().describe("Total CO2e (operational + embodied), kg."),
        water_l: num(0.001, 1e14).optional().describe("Total water, litres."),
        run: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            energy_kwh: num(0.001, 1e12).optional().describe("Facility energy of any one entry, kWh."),
            co2e_kg: num(0.001, 1e12).optional().describe("CO2e of any one entry, kg."),
        })
            .optional()
            .describe("Limits for every single entry."),
        increase_pct: zeroOr(0.01, 1e6).optional().describe("Maximum increase of total energy over the base, % (0, or at least 0.01)."),
        warn_at: share(0.01).optional().describe("Share of any absolute budget that raises a warning (default 0.8)."),
        basis: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["location", "market"])
            .optional()
            .describe("Which CO2e the co2e_kg limits judge: location-based (default) or market-based (entries without a market factor count location-based)."),
    })
        .describe("What fails the gate.");
    const policySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        privacy: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            require_anonymization: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("Personal data must be anonymized (default true; errors)."),
            require_encryption: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("Personal data must be encrypted at rest and in transit (default true; errors)."),
            max_epsilon: num(0, 1000).optional().describe("Highest differential-privacy ε allowed (no cap by default)."),
            max_exposed_records: num(0, 1e15).optional().describe("Highest expected exposed records R = p × D per dataset (no cap by default)."),
        })
            .optional()
            .describe("Privacy policies."),
        transparency: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            require_model_card: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("A model card must be declared and readable (default false)."),
            model_card_sections: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text(200))
                .max(50)
                .optional()
                .describe("Headings the card must have (errors); default Training data, Intended use, Limitations, Environmental impact (warnings)."),
            require_emissions_disclosure: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
                .optional()
                .describe("The card must disclose co2_eq_emissions close to the estimate (default true; warnings)."),
            disclosure_tolerance_pct: num(0, 1e4).optional().describe("Allowed difference between the card's figure and the estimate, % (default 50)."),
            require_dataset_documentation: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("Every dataset needs documentation (default true; warnings)."),
            require_license: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("Every dataset needs an SPDX licence or proprietary (default true; warnings)."),
            require_explainability_report: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("transparency.explainability_report must exist (default false)."),
            require_data_use_statement: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional().describe("transparency.data_use_statement must exist (default false)."),
        })
            .optional()
            .describe("Transparency policies."),
    })
        .describe("Privacy and transparency policies. A requirement set to true explicitly gives errors; requirements on by default give warnings, except anonymization and encryption, which are errors.");
    const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1).describe("Manifest format version."),
        project: text(200).describe("Project name, shown in reports and badges."),
        defaults: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ location: location.optional(), pue: pue.optional(), ...siteFields })
            .optional()
            .describe("Inherited by every training and inference entry."),
        training: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(trainingSchema).max(100_000).optional(),
        inference: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(inferenceSchema).max(100_000).optional(),
        datasets: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(datasetSchema).max(100_000).optional(),
        model_card: text(1000).optional().describe("Hugging Face model card, relative to the manifest."),
        transparency: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            explainability_report: text(1000).optional().describe("How the model's decisions can be explained: repository path or https URL."),
            data_use_statement: text(1000).optional().describe("How the training data is used: repository path or https URL."),
        })
            .optional()
            .describe("Published transparency documents."),
        budget: budgetSchema.optional(),
        policy: policySchema.optional(),
    })
        .describe("footprint-gate manifest, version 1.");
    return {
        manifest: manifestSchema,
        training: trainingSchema,
        inference: inferenceSchema,
        dataset: datasetSchema,
        budget: budgetSchema,
        policy: policySchema,
        measured,
        throughput,
    };
}
let built;
/** The zod schemas, built once on first use. */
function schemas() {
    return (built ??= build());
}
/**
 * Where the published schema lives: the committed schema/ file on the default branch, so editors and SchemaStore
 * can fetch it by this stable https URL (`# yaml-language-server: $schema=…` in every example manifest). It
 * resolves once the repository is public with schema/ on main.
 */
const SCHEMA_ID = "https://raw.githubusercontent.com/footprint-gate/footprint-gate/main/schema/footprint.schema.json";
function jsonSchema() {
    const { $schema, ...rest } = zod__WEBPACK_IMPORTED_MODULE_2__/* .toJSONSchema */ .bl(schemas().manifest, { target: "draft-2020-12" });
    return { $schema, $id: SCHEMA_ID, ...rest, title: "footprint-gate manifest v1" };
}
/**
 * The JSON Schema the standalone validator is compiled from: jsonSchema() without annotations, and with the one
 * check JSON Schema does not get from zod, the floor of "0 or from min to max" ranges, so that it accepts exactly
 * what the zod schema accepts.
 */
function validationSchema() {
    return z.toJSONSchema(schemas().manifest, {
        target: "draft-2020-12",
        override: ({ zodSchema, jsonSchema }) => {
            delete jsonSchema.description;
            const floor = FLOORS.get(zodSchema._zod.def);
            if (floor === undefined)
                return;
            const { minimum, maximum } = jsonSchema;
            delete jsonSchema.type;
            delete jsonSchema.minimum;
            delete jsonSchema.maximum;
            jsonSchema.anyOf = [{ const: 0 }, { type: "number", minimum: Math.max(floor, Number(minimum)), maximum }];
        },
    });
}


/***/ }),

/***/ 6701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
// SHA-256 for the sticky comments' marker and digest lines. node:crypto takes longer to load than a whole small
// check, and only commenting needs it, so it is loaded on first use rather than at start-up.

const requireBuiltin = (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(require("url").pathToFileURL(__filename).href);
/** The SHA-256 of `text` (UTF-8), in lowercase hex. */
function sha256Hex(text) {
    const { createHash } = requireBuiltin("node:crypto");
    return createHash("sha256").update(text).digest("hex");
}


/***/ })

};
;