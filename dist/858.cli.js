"use strict";
exports.id = 858;
exports.ids = [858];
exports.modules = {

/***/ 9858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CodeCarbonError: () => (/* binding */ CodeCarbonError),
/* harmony export */   readCodeCarbon: () => (/* binding */ readCodeCarbon)
/* harmony export */ });
/* unused harmony exports MAX_CODECARBON_LINES, MAX_RAGGED_ROWS */
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5175);
// CodeCarbon emissions.csv, read by header name so every version (2.x to 3.3) works.
// Each run_id appends a row per flush: the last row of a run_id is its total; rows without a run_id are summed.

class CodeCarbonError extends Error {
}
/** More lines than any CodeCarbon file within the size limit holds: its rows are 400 to 600 bytes, so 64 MiB is
 *  about 130,000 of them. The cap bounds the parse of a hostile file of short or blank lines. */
const MAX_CODECARBON_LINES = 200_000;
/** Rows whose column count differs from the header's: a truncated last row is one; thousands are not CodeCarbon. */
const MAX_RAGGED_ROWS = 1000;
/** Whether `text` has more than `max` lines (LF, CRLF or CR endings), counted without splitting it. */
function moreLinesThan(text, max) {
    for (const eol of ["\n", "\r"]) {
        let n = 0;
        for (let i = text.indexOf(eol); i >= 0; i = text.indexOf(eol, i + 1))
            if (++n > max)
                return true;
    }
    return false;
}
const REQUIRED = ["energy_consumed", "emissions"];
/**
 * Totals of a CodeCarbon file. Parsed with csv-parse (RFC 4180: quoted fields may hold commas, quotes and newlines)
 * one record at a time: no record is kept beyond the last one of each run_id, and rows are capped.
 */
function readCodeCarbon(text) {
    let header = null;
    let idx = { energy: -1, emissions: -1, run: -1, pue: -1, water: -1 };
    let dataRows = 0;
    // Last row per run_id wins; rows without a run_id each count.
    const chosen = new Map();
    const onRecord = (r, info) => {
        if (info.invalid_field_length > MAX_RAGGED_ROWS) {
            throw new CodeCarbonError(`more than ${MAX_RAGGED_ROWS} rows have a different number of columns than the header (is this CodeCarbon output?)`);
        }
        if (header === null) {
            header = r.map((h) => h.trim());
            const col = (name) => header.indexOf(name);
            const missing = REQUIRED.filter((n) => col(n) < 0);
            if (missing.length > 0) {
                throw new CodeCarbonError(`not CodeCarbon output: no ${missing.map((m) => `\`${m}\``).join(" or ")} column in the header`);
            }
            idx = { energy: col("energy_consumed"), emissions: col("emissions"), run: col("run_id"), pue: col("pue"), water: col("water_consumed") };
            return null;
        }
        const line = ++dataRows;
        const runId = idx.run >= 0 ? (r[idx.run] ?? "").trim() : "";
        const kept = { line, length: r.length, energy: r[idx.energy], emissions: r[idx.emissions], water: r[idx.water], pue: r[idx.pue] };
        chosen.set(runId ? `run:${runId}` : `row:${line}`, kept);
        return null;
    };
    // Checked before parsing: blank lines cost the parser time but no record.
    if (moreLinesThan(text, MAX_CODECARBON_LINES))
        throw new CodeCarbonError(`more than ${MAX_CODECARBON_LINES} lines; CodeCarbon writes far fewer (is this its emissions.csv?)`);
    try {
        (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, on_record: onRecord });
    }
    catch (err) {
        if (err instanceof CodeCarbonError)
            throw err;
        if (err instanceof csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .CsvError */ .J$) {
            if (err.code === "CSV_QUOTE_NOT_CLOSED")
                throw new CodeCarbonError("the file ends inside a quoted field (truncated?)");
            throw new CodeCarbonError(`not valid CSV at line ${Number(err.lines) || "?"} (${err.code})`);
        }
        throw err;
    }
    if (header === null)
        throw new CodeCarbonError("the file is empty");
    const columns = header.length;
    if (chosen.size === 0)
        throw new CodeCarbonError("the file has a header but no rows");
    let energy = 0;
    let emissions = 0;
    let water = 0;
    let pue = null;
    for (const k of chosen.values()) {
        if (k.length < columns)
            throw new CodeCarbonError(`data row ${k.line} has ${k.length} of ${columns} columns (truncated file?)`);
        energy += number(k.energy, "energy_consumed", k.line);
        emissions += number(k.emissions, "emissions", k.line);
        if (idx.water >= 0 && (k.water ?? "").trim() !== "")
            water += number(k.water, "water_consumed", k.line);
        if (idx.pue >= 0 && (k.pue ?? "").trim() !== "") {
            const own = number(k.pue, "pue", k.line);
            if (own < 1)
                throw new CodeCarbonError(`\`pue\` is ${own} in data row ${k.line}; a PUE is at least 1`);
            pue = Math.max(pue ?? 1, own);
        }
    }
    return { energy_kwh: energy, emissions_kg: emissions, water_l: idx.water >= 0 ? water : null, pue, runs: chosen.size };
}
function number(raw, column, row) {
    const v = Number((raw ?? "").trim());
    if ((raw ?? "").trim() === "" || !Number.isFinite(v) || v < 0) {
        throw new CodeCarbonError(`\`${column}\` is not a non-negative number in data row ${row} (${JSON.stringify((raw ?? "").slice(0, 30))})`);
    }
    return v;
}


/***/ })

};
;