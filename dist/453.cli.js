"use strict";
exports.id = 453;
exports.ids = [453];
exports.modules = {

/***/ 5453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BadgeWriteError: () => (/* binding */ BadgeWriteError),
  writeBadge: () => (/* binding */ writeBadge)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/report.ts
var src_report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/period/index.ts
var period = __webpack_require__(3185);
// EXTERNAL MODULE: ./src/format/units.ts
var units = __webpack_require__(3124);
;// CONCATENATED MODULE: ./src/render/badge.ts
// README badges: an SVG made with badge-maker (what shields.io uses) and the Shields endpoint JSON.
// Deterministic — no timestamps, fixed rounding — so an unchanged footprint makes no diff.



/** Total of every evaluated manifest; the colour follows the use of the matching total budget (grey without one). */
function badgeOf(report, metric = "co2e") {
    const key = metric === "co2e" ? "co2e_kg" : "energy_kwh";
    const totals = (0,src_report/* reportTotals */.qC)(report);
    const evaluated = totals.manifests;
    const total = totals[key];
    const uses = evaluated.flatMap((m) => m.budget.filter((b) => b.key === `budget.${key}`));
    const color = uses.some((b) => b.status === "over")
        ? "red"
        : uses.some((b) => b.status === "warn")
            ? "yellow"
            : uses.length > 0
                ? "brightgreen"
                : "lightgrey";
    const message = evaluated.length === 0 ? "unknown" : `${(0,units/* formatQuantity */.VZ)(key, total)}${metric === "co2e" ? " CO2e" : ""}`;
    // The window of the total, where a manifest states one or has one-off training; a sum over different windows says so.
    const windows = new Set(evaluated.map((m) => m.period.label));
    const window = !evaluated.some((m) => (0,period/* labelled */.wW)(m.period)) ? "" : windows.size === 1 ? ` ${[...windows][0]}` : ", mixed periods";
    const label = `${metric === "co2e" ? "carbon footprint" : "energy"}${window}`;
    return { schemaVersion: 1, label, message, color: evaluated.length === 0 ? "lightgrey" : color };
}
async function badgeSvg(badge) {
    // Loaded on demand: badge-maker carries ~1 MB of font metrics that no other command needs.
    const { makeBadge } = await __webpack_require__.e(/* import() */ 833).then(__webpack_require__.bind(__webpack_require__, 8833));
    // badge-maker escapes label and message for XML.
    return makeBadge({ label: badge.label, message: badge.message, color: badge.color }) + "\n";
}
function badgeJson(badge) {
    return JSON.stringify(badge, null, 2) + "\n";
}
/** The files a badge folder holds, by name: the one badge, as an SVG and as the Shields endpoint JSON. */
async function badgeFiles(badge) {
    return { "footprint.svg": await badgeSvg(badge), "footprint.json": badgeJson(badge) };
}

// EXTERNAL MODULE: ./src/sources.ts + 1 modules
var sources = __webpack_require__(9374);
;// CONCATENATED MODULE: ./src/badge.ts
// Writing the badge into its folder, behind both entry points (the CLI's `badge --out`, the action's `badge-path`).
// They differ only in how the folder's paths are confined and how a failure is worded: the paths come in through
// a BadgeFolder, and a failure goes out as a BadgeWriteError for the entry point to word.





/** The folder cannot be created, or a file in it cannot be written. `path` is as the user would name it. */
class BadgeWriteError extends Error {
    target;
    path;
    reason;
    constructor(target, path, cause) {
        const reason = (0,sources/* fsReason */.EG)(cause);
        super(`${path}: ${reason}`, { cause });
        this.target = target;
        this.path = path;
        this.reason = reason;
    }
}
/**
 * Writes footprint.svg and footprint.json into the folder, creating it. Nothing at all, not even the folder, when a
 * manifest cannot be evaluated: a badge of the others' total would be a misleading one. Never writes through a
 * symlink; throws BadgeWriteError for what the file system refuses, and lets the folder's own refusals through.
 */
async function writeBadge(report, metric, folder) {
    if ((0,src_report/* exitCode */.I$)(report, "never") === 2)
        return { written: false };
    const dir = folder.dir();
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    }
    catch (err) {
        throw new BadgeWriteError("folder", folder.path, err);
    }
    const badge = badgeOf(report, metric);
    const contents = await badgeFiles(badge);
    const write = (name) => {
        const file = folder.file(name);
        try {
            (0,sources/* writeRegularFile */.E2)(file, contents[name]);
        }
        catch (err) {
            throw new BadgeWriteError("file", (0,external_node_path_.join)(folder.path, name), err);
        }
        return file;
    };
    const files = { "footprint.svg": write("footprint.svg"), "footprint.json": write("footprint.json") };
    return { written: true, badge, files };
}


/***/ })

};
;