"use strict";
exports.id = 190;
exports.ids = [190];
exports.modules = {

/***/ 2190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HistoryError: () => (/* binding */ HistoryError),
  historyRecord: () => (/* binding */ historyRecord),
  readRecords: () => (/* binding */ readRecords),
  writeRecord: () => (/* binding */ writeRecord)
});

// UNUSED EXPORTS: HISTORY_SCHEMA, MAX_RECORDS, MAX_RECORD_BYTES, MAX_RECORD_ENTRIES, MAX_RECORD_MANIFESTS, parseRecord, recordJson, recordPath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./data/accelerators.json
var accelerators = __webpack_require__(3083);
// EXTERNAL MODULE: ./data/cloud.json
var cloud = __webpack_require__(9688);
// EXTERNAL MODULE: ./data/defaults.json
var defaults = __webpack_require__(7945);
// EXTERNAL MODULE: ./data/grid.json
var grid = __webpack_require__(5639);
// EXTERNAL MODULE: ./data/levers.json
var levers = __webpack_require__(5766);
// EXTERNAL MODULE: ./src/report-limits.ts
var report_limits = __webpack_require__(1186);
// EXTERNAL MODULE: ./src/sources.ts + 1 modules
var sources = __webpack_require__(9374);
;// CONCATENATED MODULE: ./src/util/json.ts
/** The value of `schema` in the JSON `text`, or why it is not `what` (the history's files are untrusted input). */
function parseJson(text, schema, what) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        return "not JSON";
    }
    const parsed = schema.safeParse(data);
    if (parsed.success)
        return parsed.data;
    const first = parsed.error.issues[0];
    return `not ${what} (${first.path.join(".") || "(root)"}: ${first.message})`;
}

// EXTERNAL MODULE: ./src/util/sha256.ts
var sha256 = __webpack_require__(6701);
;// CONCATENATED MODULE: ./src/history/record.ts
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
const num = schemas/* number */.aig().finite();
const figures = { energy_kwh: num, co2e_kg: num, water_l: num };
const recordSchema = schemas/* strictObject */.rej({
    schema: schemas/* literal */.euz(HISTORY_SCHEMA),
    sha: schemas/* string */.YjP().regex(SHA),
    date: schemas/* string */.YjP().regex(ISO_DATE),
    ref: schemas/* string */.YjP().max(255).nullable(),
    verdict: schemas/* enum */.k5n(["pass", "warn", "fail"]),
    versions: schemas/* strictObject */.rej({ tool: schemas/* string */.YjP().max(40), data: schemas/* string */.YjP().max(40) }),
    manifests: schemas/* array */.YOg(schemas/* strictObject */.rej({
        path: schemas/* string */.YjP().max(report_limits/* TEXT_LIMITS */.Pc.path),
        project: schemas/* string */.YjP().max(report_limits/* TEXT_LIMITS */.Pc.project).nullable(),
        verdict: schemas/* enum */.k5n(["pass", "warn", "fail"]),
        // The window of the totals ("per month + one-off training"); null where the manifest was not evaluated.
        period: schemas/* string */.YjP().max(100).nullable(),
        // null: the manifest could not be evaluated at this run.
        totals: schemas/* strictObject */.rej(figures).nullable(),
        budget: schemas/* strictObject */.rej({ energy_kwh: num.nullable(), co2e_kg: num.nullable() }),
        // Ids are only ever shown, escaped: their length is what is checked here.
        entries: schemas/* array */.YOg(schemas/* strictObject */.rej({ id: schemas/* string */.YjP().max(100), kind: schemas/* enum */.k5n(["training", "inference"]), ...figures })).max(MAX_RECORD_ENTRIES),
        entries_omitted: schemas/* number */.aig().int().min(0),
    }))
        .max(MAX_RECORD_MANIFESTS),
});
/** Names the tables the figures came from, so a jump in the history can be told apart from a change of data. */
let dataVersion;
function dataVersionOf() {
    return (dataVersion ??= (0,sha256/* sha256Hex */.f)(JSON.stringify([accelerators, cloud, defaults, grid, levers])).slice(0, 12));
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
        versions: { tool: package_0/* version */.rE, data: dataVersionOf() },
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
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)((0,external_node_path_.join)(dir, rel)), { recursive: true });
    (0,sources/* writeRegularFile */.E2)((0,external_node_path_.join)(dir, rel), recordJson(record));
    return rel;
}
/** The record in `text`, or why it is not one. */
function parseRecord(text) {
    return parseJson(text, recordSchema, `a ${HISTORY_SCHEMA} record`);
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
        years = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })
            .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
            .map((d) => d.name);
    }
    catch (err) {
        if (err.code === "ENOENT")
            return { records: [], skipped };
        throw new HistoryError(`${dir}: cannot read the history folder (${err.code ?? String(err)})`);
    }
    for (const year of years) {
        for (const d of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, year), { withFileTypes: true })) {
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
            text = (0,sources/* readRegularFile */.XF)((0,external_node_path_.join)(dir, name), MAX_RECORD_BYTES)?.toString("utf8") ?? "";
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