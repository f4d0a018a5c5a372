"use strict";
exports.id = 536;
exports.ids = [536];
exports.modules = {

/***/ 5536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   starterManifest: () => (/* binding */ starterManifest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _manifest_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6470);
// `footprint-gate init`: a starter footprint.yml with one entry per launch config found (docs/cli.md). Pure: the
// configs arrive read; the CLI finds them and writes the file.


/** The manifest for `project` with an entry per job of the configs found; jobs that cannot be read are listed, commented out. */
function starterManifest(project, found) {
    const ids = new Set();
    const live = [];
    const commented = [];
    const entries = [];
    const unread = [];
    for (const { path, read } of found) {
        if (read.jobs.length === 0) {
            unread.push(`${path}: ${read.problems.map((p) => `line ${p.line}: ${p.message}`).join("; ") || "no job found"}`);
            continue;
        }
        for (const job of read.jobs) {
            const id = uniqueId(ids, job.name ?? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(path).replace(/\.[^.]*$/, ""));
            const from = read.jobs.length > 1 ? `{ path: ${yamlString(path)}, document: ${job.document} }` : yamlString(path);
            const why = problems(job, read);
            const lines = entryLines(id, from, job);
            if (why === null) {
                for (const l of lines)
                    live.push(l);
                entries.push(`${path}${read.jobs.length > 1 ? ` (document ${job.document})` : ""}: ${id}, ${summary(job)}`);
            }
            else {
                commented.push(`  # ${path}: ${why}; state the missing values, then uncomment:`);
                for (const l of lines)
                    commented.push(`  # ${l.slice(2)}`);
                unread.push(`${path}${read.jobs.length > 1 ? ` (document ${job.document})` : ""}: ${why}`);
            }
        }
    }
    const text = [
        `# yaml-language-server: $schema=${_manifest_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .SCHEMA_ID */ .Ew}`,
        "# Written by footprint-gate init: one entry per launch config found. Each entry reads its accelerator, count",
        "# and place from the config (from:); the hours are yours to state, as no launch format records how long a job runs.",
        "version: 1",
        `project: ${JSON.stringify(project)}`,
        "",
        // With no entry written whole, `training:` is commented out too, so that the starter checks as it stands.
        ...(live.length > 0
            ? ["training:", ...live, ...commented]
            : commented.length > 0
                ? ["# No entry could be written whole: state the missing values below, then uncomment training: and the entries.", "# training:", ...commented]
                : ["# No launch config was found: add training and inference entries (docs/manifest.md)."]),
        "",
    ].join("\n");
    return { text, entries, unread };
}
function entryLines(id, from, job) {
    const lines = [`  - id: ${id}`, `    from: ${from}`];
    if (job.timeLimitHours)
        lines.push(`    hours: limit # the config's time limit, ${job.timeLimitHours.value} h: an upper bound; state the expected hours if you know them`);
    else
        lines.push("    hours: 1 # TODO: the expected wall-clock hours of one run (the config states no limit)");
    if (!job.candidates.some((c) => c.location))
        lines.push("    # location: aws:us-east-1 # TODO: where it runs (a cloud region or grid zone); the config names no place");
    return lines;
}
/** Why the job cannot be an entry as it stands, or null. */
function problems(job, read) {
    const all = [...read.problems, ...job.problems].map((p) => `line ${p.line}: ${p.message}`);
    // A reader's problem with the accelerator already says what to state.
    if (job.candidates.some((c) => !c.accelerator?.id) && !all.some((p) => p.includes("accelerator")))
        all.push("no accelerator the catalogue knows (state accelerator, or map the config's name in aliases)");
    if (job.candidates.some((c) => !c.count))
        all.push("no accelerator count (state count)");
    return all.length > 0 ? all.join("; ") : null;
}
function summary(job) {
    const c = job.candidates[0];
    const what = `${c.count ? `${c.count.value} × ` : ""}${c.accelerator?.id ?? "?"}`;
    const choice = job.candidates.length > 1 ? ` (${job.candidates.length} candidates)` : "";
    const place = c.location ? ` in ${c.location.value}` : "";
    return `${what}${choice}${place}${job.timeLimitHours ? `, time limit ${job.timeLimitHours.value} h` : ""}`;
}
function uniqueId(ids, name) {
    const base = name
        .replace(/[^A-Za-z0-9._/-]+/g, "-")
        .replace(/^[^A-Za-z0-9]+/, "")
        .slice(0, 90) || "job";
    let id = base;
    for (let n = 2; ids.has(id) || !_manifest_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ID_PATTERN */ .pw.test(id); n++)
        id = `${base}-${n}`;
    ids.add(id);
    return id;
}
/** A path as a YAML plain scalar where that reads back as the same string, else double-quoted. */
function yamlString(s) {
    const plain = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(s) && /[A-Za-z]/.test(s) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(s);
    return plain ? s : JSON.stringify(s);
}


/***/ })

};
;