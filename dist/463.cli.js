"use strict";
exports.id = 463;
exports.ids = [463];
exports.modules = {

/***/ 9463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_CONFIG_BYTES: () => (/* binding */ MAX_CONFIG_BYTES),
/* harmony export */   settleLaunchConfigs: () => (/* binding */ settleLaunchConfigs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _catalogue_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3719);
/* harmony import */ var _estimate_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5985);
/* harmony import */ var _manifest_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(475);
/* harmony import */ var _manifest_rules_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4682);
/* harmony import */ var _manifest_source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7272);
/* harmony import */ var _format_units_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3124);
// Entries that read a launch config (`from:`), settled before the manifest's rules run (docs/manifest.md, "Reading
// launch configs"): what the config states fills what the entry does not; a value stated in both that disagrees is
// drift; a value the config does not give readably is a finding, never a default. Every value taken from a config
// carries its file and line into the report's assumptions. Loaded only for a manifest that reads configs.







/** A launch config is read with the manifest's own size limit. */
const MAX_CONFIG_BYTES = _manifest_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .ZJ;
async function settleLaunchConfigs(manifest, src, locator, readers) {
    // A null-prototype copy: a config name such as `__proto__` or `toString` is only ever a name.
    const aliases = Object.assign(Object.create(null), manifest.aliases ?? {});
    const cx = { src, locator, readers, aliases, findings: [], files: new Map() };
    const out = { manifest, findings: cx.findings, unsettled: new Set(), provenance: new Map(), read: new Set() };
    const sections = {};
    for (const kind of ["training", "inference"]) {
        const entries = manifest[kind] ?? [];
        let copy = null;
        for (let i = 0; i < entries.length; i++) {
            const entry = entries[i];
            if (entry.from === undefined)
                continue;
            const settled = await settleEntry(cx, manifest, kind, i, entry, entry.from, out.read);
            copy ??= [...entries];
            if (settled === null)
                out.unsettled.add((0,_estimate_index_js__WEBPACK_IMPORTED_MODULE_2__/* .entryKey */ .k2)(kind, i));
            else {
                copy[i] = settled.entry;
                out.provenance.set((0,_estimate_index_js__WEBPACK_IMPORTED_MODULE_2__/* .entryKey */ .k2)(kind, i), settled.provenance);
            }
        }
        if (copy)
            sections[kind] = copy;
    }
    out.manifest = { ...manifest, ...sections };
    return out;
}
/** The config file at `rel`, read and recognised once per path and format. */
function configFile(cx, rel, format) {
    const key = `${format ?? ""}\u0000${rel}`;
    let file = cx.files.get(key);
    if (!file)
        cx.files.set(key, (file = readConfig(cx, rel, format)));
    return file;
}
async function readConfig(cx, rel, format) {
    const shown = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(cx.src.path), rel.split("\\").join("/")));
    let text;
    try {
        text = await cx.src.readRelative(rel, { maxBytes: MAX_CONFIG_BYTES });
    }
    catch (err) {
        if (err instanceof _manifest_source_js__WEBPACK_IMPORTED_MODULE_5__/* .PathError */ .E)
            return { ok: false, message: `${quote(rel)}: ${err.message}` };
        throw err;
    }
    if (text === null)
        return { ok: false, message: `${quote(rel)}: file not found (paths are relative to the manifest's folder)` };
    const read = await cx.readers.readLaunchConfig(text, { ...(format ? { format } : {}), aliases: cx.aliases });
    return { ok: true, shown, read, repoPath: cx.src.repoPath?.(rel) ?? null };
}
/** One entry with its config's values; null when the config cannot give what the entry needs (reported). */
async function settleEntry(cx, manifest, kind, index, entry, from, read) {
    const path = [kind, index];
    const fromPath = typeof from === "string" ? [...path, "from"] : [...path, "from", "path"];
    const rel = typeof from === "string" ? from : from.path;
    const unreadable = (message, at = fromPath) => {
        add(cx, "config/unreadable", "error", `from: ${message}`, at);
        return null;
    };
    const file = await configFile(cx, rel, typeof from === "string" ? undefined : from.format);
    if (!file.ok)
        return unreadable(file.message);
    if (file.repoPath !== null)
        read.add(file.repoPath);
    const { shown } = file;
    const problems = file.read.problems.map((p) => `${at(shown, p)}: ${p.message}`);
    if (problems.length > 0)
        return unreadable(`${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}`);
    const job = chooseJob(file.read.jobs, typeof from === "string" ? undefined : from.document, shown, unreadable);
    if (!job)
        return null;
    // Problems of the job: a value the config does not give readably comes from the entry, or stops the estimate.
    let blocked = false;
    for (const p of job.problems) {
        const stated = p.needs !== null && p.needs !== "hours" ? entry[p.needs] !== undefined : p.needs === "hours" && typeof entry.hours === "number";
        const place = `${at(shown, p)} \`${p.field}\``;
        if (stated)
            add(cx, "config/manifest-value", "notice", `${place}: ${p.message}; the entry's ${p.needs} is used`, [...path, p.needs]);
        else {
            const fix = p.needs === null ? "" : `; state ${p.needs} on the entry`;
            add(cx, "config/unreadable", "error", `from: ${place}: ${p.message}${fix}`, fromPath);
            blocked = true;
        }
    }
    if (blocked)
        return null;
    const ctx = { cx, shown, path, entry };
    const candidates = job.candidates.map((c) => candidateValues(ctx, c));
    if (candidates.some((c) => c === null))
        return null;
    let values = candidates;
    for (const field of ["accelerator", "count", "location"])
        values = agree(ctx, field, values);
    const hours = hoursOf(ctx, job, fromPath);
    if (hours === null)
        return null;
    const filled = values.map((v) => fill(entry, v, hours.value));
    let chosen = 0;
    const assumptions = [
        assumption("launch_config", shown, "", `${shown}:${job.line} ${job.format}${job.document > 0 ? ` document ${job.document}` : ""}${job.name ? ` ${job.name}` : ""}`),
    ];
    if (filled.length > 1) {
        // Every candidate is estimated; the estimate and the budgets take the largest, and the range is shown. A
        // candidate the catalogue cannot estimate (no published power) is named as such, never counted as zero.
        const figures = filled.map((e) => candidateFigures(manifest, kind, e));
        const known = figures.flatMap((f, i) => (f.energy === null ? [] : [{ i, energy: f.energy }]));
        chosen = known.reduce((best, f) => (f.energy > figures[best].energy ? f.i : best), known[0]?.i ?? 0);
        const low = known.reduce((m, f) => Math.min(m, f.energy), Infinity);
        const figure = (i) => {
            const f = figures[i];
            return f.energy !== null ? `${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_6__/* .formatNumber */ .ZV)(f.energy)} kWh` : `not estimated (${f.why})`;
        };
        const listed = figures.map((_, i) => `${values[i].label}: ${figure(i)}`).join("; ");
        assumptions.push(assumption("candidates", `${listed} (budgets check the largest)`, "", `${shown}:${job.candidates[0].accelerator?.origin.line ?? job.line} ${job.candidates[0].accelerator?.origin.field ?? "candidates"}`));
        const unknown = figures.flatMap((f, i) => (f.energy === null ? [`${values[i].label} (${f.why})`] : []));
        const range = known.length > 0 ? `: ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_6__/* .formatNumber */ .ZV)(low)}–${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_6__/* .formatNumber */ .ZV)(figures[chosen].energy)} kWh` : "";
        const notEstimated = unknown.length > 0 ? `; not estimated, so not in the range: ${unknown.join(", ")}` : "";
        add(cx, "config/candidates", "notice", `${shown} leaves ${filled.length} ways to run (${values.map((v) => v.label).join(", ")})${range}; the estimate and budgets use the largest${notEstimated}`, fromPath);
    }
    const v = values[chosen];
    if (v.accelerator) {
        assumptions.push(assumption("accelerator", v.accelerator.id, "", source(shown, v.accelerator.origin)));
        if (v.accelerator.note)
            add(cx, "data/ambiguous-accelerator", "notice", `${source(shown, v.accelerator.origin)}: ${v.accelerator.note}`, fromPath);
    }
    if (v.count)
        assumptions.push(assumption("count", v.count.value, "", countSource(shown, v.count)));
    if (v.location)
        assumptions.push(assumption("location", v.location.value, "", source(shown, v.location.origin)));
    if (job.timeLimitHours)
        assumptions.push(assumption("time_limit", job.timeLimitHours.value, "h (upper bound)", source(shown, job.timeLimitHours.origin)));
    const limitHours = entry.hours === "limit" && job.timeLimitHours
        ? assumption("hours", job.timeLimitHours.value, "h (time limit: upper bound)", source(shown, job.timeLimitHours.origin))
        : null;
    return { entry: filled[chosen], provenance: { assumptions, hours: limitHours } };
}
/** The job the entry reads: the one in the file, or the document it names. */
function chooseJob(jobs, document, shown, unreadable) {
    const listed = () => jobs.map((j) => `${j.document}${j.name ? ` (${j.name})` : ""}`).join(", ");
    if (jobs.length === 0)
        return unreadable(`${shown} is not a launch config of a known format (SkyPilot, SLURM, Kubernetes, dstack, Vertex AI); give from: { path, format }`);
    if (document !== undefined) {
        const job = jobs.find((j) => j.document === document);
        return job ?? unreadable(`${shown} has no job in document ${document}; the documents with jobs are ${listed()}`);
    }
    if (jobs.length > 1)
        return unreadable(`${shown} holds ${jobs.length} jobs (documents ${listed()}); choose one with from: { path: ${shown.split("/").pop()}, document: N }`);
    return jobs[0];
}
/** A candidate's values, each the config states resolved through the catalogue; null when one cannot be (reported). */
function candidateValues({ cx, shown, path, entry }, c) {
    const fromPath = [...path, "from"];
    let ok = true;
    if (c.accelerator && c.accelerator.id === null && entry.accelerator === undefined) {
        const hint = `aliases: { ${JSON.stringify(c.accelerator.written.slice(0, 60))}: <catalogue id> }`;
        add(cx, "config/unreadable", "error", `from: ${source(shown, c.accelerator.origin)}: the catalogue does not know ${quote(c.accelerator.written)}; map it (${hint}) or state accelerator on the entry`, fromPath);
        ok = false;
    }
    else if (c.accelerator && c.accelerator.id === null) {
        add(cx, "config/manifest-value", "notice", `${source(shown, c.accelerator.origin)}: the catalogue does not know ${quote(c.accelerator.written)}; the entry's accelerator is used`, [...path, "accelerator"]);
    }
    if (c.count && !(Number.isInteger(c.count.value) && c.count.value >= 1 && c.count.value <= 1e7)) {
        add(cx, "config/unreadable", "error", `from: ${countSource(shown, c.count)}: ${c.count.value} accelerators is not a count from 1 to 1e7`, fromPath);
        ok = false;
    }
    let location = null;
    if (c.location) {
        const name = Object.hasOwn(cx.aliases, c.location.value) ? cx.aliases[c.location.value] : c.location.value;
        const found = (0,_catalogue_index_js__WEBPACK_IMPORTED_MODULE_1__/* .findLocation */ .xg)(name);
        if (found.ok)
            location = { ...c.location, id: found.value.id };
        else if (entry.location !== undefined) {
            add(cx, "config/manifest-value", "notice", `${source(shown, c.location.origin)}: the catalogue does not know the place ${quote(c.location.value)}; the entry's location is used`, [...path, "location"]);
        }
        else {
            const message = `from: ${source(shown, c.location.origin)}: the catalogue does not know the place ${quote(c.location.value)}; map it (aliases: { ${JSON.stringify(c.location.value.slice(0, 60))}: <location> }) or state location on the entry`;
            add(cx, "config/unreadable", "error", message, fromPath);
            ok = false;
        }
    }
    if (!ok)
        return null;
    const accelerator = c.accelerator?.id ? c.accelerator : null;
    const name = accelerator?.id ?? entry.accelerator ?? "?";
    const count = c.count?.value ?? entry.count;
    return { accelerator, count: c.count, location, label: count === undefined ? name : `${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_6__/* .formatNumber */ .ZV)(count)} × ${name}` };
}
/**
 * The candidates that agree with what the entry states about `field`: where the entry states a value and the config
 * another (no candidate has it), that is drift, and the config's values stand.
 */
function agree({ cx, shown, path, entry }, field, values) {
    const stated = entry[field];
    if (stated === undefined)
        return values;
    const mine = field === "accelerator" ? acceleratorId(String(stated)) : field === "location" ? locationId(String(stated)) : stated;
    const theirs = values.map((v) => field === "accelerator" ? (v.accelerator?.id ?? null) : field === "location" ? (v.location?.id ?? null) : (v.count?.value ?? null));
    if (theirs.every((t) => t === null))
        return values;
    const same = values.filter((_, i) => theirs[i] === mine);
    if (same.length > 0)
        return same;
    const places = values.flatMap((v) => {
        const o = field === "accelerator" ? v.accelerator?.origin : field === "location" ? v.location?.origin : null;
        return field === "count" && v.count
            ? [`${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_6__/* .formatNumber */ .ZV)(v.count.value)} (${countSource(shown, v.count)})`]
            : o
                ? [`${String(theirs[values.indexOf(v)])} (${source(shown, o)})`]
                : [];
    });
    const message = `${field} ${String(stated)} here, but the launch config says ${[...new Set(places)].join(" or ")}; the config's value is used: correct ${field} here or remove it`;
    add(cx, "config/drift", "error", message, [...path, field]);
    return values;
}
function acceleratorId(name) {
    const found = (0,_catalogue_index_js__WEBPACK_IMPORTED_MODULE_1__/* .findAccelerator */ .di)(name);
    return found.ok ? found.value.id : null;
}
function locationId(name) {
    const found = (0,_catalogue_index_js__WEBPACK_IMPORTED_MODULE_1__/* .findLocation */ .xg)(name);
    return found.ok ? found.value.id : null;
}
/** The hours the entry runs: its own, checked against the config's limit, or the limit itself for `hours: limit`. */
function hoursOf({ cx, shown, path, entry }, job, fromPath) {
    const limit = job.timeLimitHours;
    if (entry.hours === "limit") {
        if (!limit) {
            add(cx, "config/unreadable", "error", `hours: limit, but ${shown} states no time limit; give hours (a platform's default limit is never assumed)`, [
                ...path,
                "hours",
            ]);
            return null;
        }
        if (!(limit.value >= 1e-4 && limit.value <= 1e6)) {
            add(cx, "config/unreadable", "error", `from: ${source(shown, limit.origin)}: a time limit of ${limit.value} h is not one from 1e-4 to 1e6 h; give hours`, fromPath);
            return null;
        }
        return { value: limit.value };
    }
    if (limit && entry.hours !== undefined && entry.hours > limit.value * (1 + 1e-9)) {
        const message = `hours ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_6__/* .formatNumber */ .ZV)(entry.hours)} is above the time limit of ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_6__/* .formatNumber */ .ZV)(limit.value)} h that ${source(shown, limit.origin)} states: the job would be stopped first; lower hours or raise the limit`;
        add(cx, "config/time-limit", "error", message, [...path, "hours"]);
    }
    return { value: entry.hours };
}
/** The entry with the candidate's values where the config states them; the config's win over the entry's (drift is reported). */
function fill(entry, v, hours) {
    return {
        ...entry,
        ...(v.accelerator ? { accelerator: v.accelerator.id } : null),
        ...(v.count ? { count: v.count.value } : null),
        ...(v.location ? { location: v.location.id } : null),
        hours,
    };
}
/** One candidate's facility energy, estimated as the entry alone (its findings are the entry's, reported once);
 *  null, with the first reason, when the candidate cannot be estimated. */
function candidateFigures(manifest, kind, entry) {
    const alone = { version: 1, project: manifest.project, ...(manifest.defaults ? { defaults: manifest.defaults } : {}), [kind]: [entry] };
    const place = { file: "", locator: { value: () => ({ line: 1, column: 1 }), key: () => ({ line: 1, column: 1 }) } };
    const rules = (0,_manifest_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .checkRules */ .MM)(alone, place);
    const estimate = (0,_estimate_index_js__WEBPACK_IMPORTED_MODULE_2__/* .estimateManifest */ .g)(alone, rules.entries, { ...place, measured: new Map() });
    const run = estimate.runs[0];
    if (run)
        return { energy: run.energy_kwh, why: null };
    const problem = rules.findings.concat(estimate.findings).find((f) => f.severity === "error");
    return { energy: null, why: problem?.message ?? "it cannot be estimated" };
}
function add(cx, rule, severity, message, at) {
    cx.findings.push({ rule, severity, message, file: cx.src.path, ...cx.locator.value(at) });
}
function assumption(name, value, unit, src) {
    return Object.freeze({ name, value, unit, source: src, year: null });
}
/** `sky/train.yaml:7 resources.accelerators` */
function source(shown, o) {
    return `${shown}:${o.line} ${o.field}`;
}
function at(shown, p) {
    return `${shown}:${p.line}:${p.column}`;
}
/** Each factor of a count, as the reader labels it, with its line: `sky.yaml:5 8 per node (resources.accelerators) × 1 node (default)`;
 *  a sum of products (worker pools) as `(…) + (…)`. */
function countSource(shown, c) {
    if (c.terms && c.terms.length > 0)
        return c.terms.map((t) => `(${countSource(shown, t)})`).join(" + ");
    return c.factors.map((f) => (f.origin ? `${shown}:${f.origin.line} ${f.label}` : f.label)).join(" × ");
}
function quote(s) {
    return JSON.stringify(s.length > 100 ? `${s.slice(0, 99)}…` : s);
}


/***/ })

};
;