"use strict";
exports.id = 596;
exports.ids = [596];
exports.modules = {

/***/ 596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SCAN_LIMITS: () => (/* binding */ SCAN_LIMITS),
/* harmony export */   unreadConfigs: () => (/* binding */ unreadConfigs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
// Launch configs that no entry reads (docs/manifest.md, "Reading launch configs"): a config the change touches
// (or, without a base, one in the repository) that no manifest's entry reads is a warning, so a new training job
// cannot arrive unseen. Configs are recognised by their content; the reading is bounded in files, bytes and time.


/** Limits of one scan: a repository full of large YAML files costs a bounded, small time. */
const SCAN_LIMITS = { files: 2000, fileBytes: 1024 * 1024, totalBytes: 32 * 1024 * 1024, ms: 3000, pathLength: 1024 };
/**
 * The unread configs among `scope`: the change's files, the files in the folders of the manifests that read or
 * ignore configs, or every file of the repository. Each warning goes to the use (manifest) whose folder holds the
 * config, else the first; `path` is the config's repository path (null on the notice that the scan stopped early).
 */
async function unreadConfigs(files, scope, uses, recognise, now = () => performance.now()) {
    const changed = typeof scope === "string" ? null : scope;
    const listing = changed === null ? files.present() : { paths: [...changed], truncated: null };
    if (scope === "folders") {
        const dirs = uses.filter((u) => u.read.size > 0 || u.ignore.length > 0).map((u) => u.dir);
        listing.paths = listing.paths.filter((p) => dirs.some((d) => d === "" || p.startsWith(`${d}/`)));
    }
    // The manifests themselves and the configs their entries read are not looked at.
    const read = new Set();
    for (const u of uses) {
        read.add(u.self);
        for (const p of u.read)
            read.add(p);
    }
    // Each glob is joined to its manifest's folder; picomatch without extglobs, the patterns' wildcards bounded (manifest/rules.ts).
    const ignored = uses.flatMap((u) => u.ignore.map((g) => picomatch__WEBPACK_IMPORTED_MODULE_1___default()(u.dir ? `${u.dir}/${g}` : g, { dot: true, noextglob: true })));
    const out = [];
    const start = now();
    let bytes = 0;
    let looked = 0;
    let stopped = listing.truncated;
    for (const path of listing.paths.sort()) {
        if (read.has(path) || path.length > SCAN_LIMITS.pathLength)
            continue;
        if (looked >= SCAN_LIMITS.files || bytes >= SCAN_LIMITS.totalBytes || now() - start > SCAN_LIMITS.ms) {
            stopped = `only the first ${looked} files were checked for launch configs that no entry reads`;
            break;
        }
        looked++;
        const text = await files.read(path, SCAN_LIMITS.fileBytes);
        if (text === null)
            continue;
        bytes += text.length;
        const format = recognise(text, path);
        if (format === null || ignored.some((m) => m(path)))
            continue;
        const use = owner(uses, path);
        const { dir, read: reads } = uses[use];
        const what = changed === null ? "in the repository" : "changed by this change";
        // A manifest that reads no config yet is told of the command that drafts entries from the configs.
        const draft = reads.size === 0 ? "; footprint-gate init draft.yml in the manifest's folder drafts an entry for each config" : "";
        out.push({
            use,
            path,
            finding: {
                rule: "config/unread",
                severity: "warning",
                message: `a ${FORMAT_NAMES[format]} launch config ${what} that no entry reads: add an entry with from: ${node_path__WEBPACK_IMPORTED_MODULE_0__.posix.relative(dir, path)}, or list it in launch_configs.ignore${draft}`,
                file: files.display(path),
                line: 1,
                column: 1,
            },
        });
    }
    if (stopped !== null && uses.length > 0) {
        out.push({ use: 0, path: null, finding: { rule: "config/unread", severity: "notice", message: stopped, file: uses[0].manifest, line: 1, column: 1 } });
    }
    return out;
}
const FORMAT_NAMES = { skypilot: "SkyPilot", slurm: "SLURM", kubernetes: "Kubernetes", dstack: "dstack", vertex: "Vertex AI" };
/** The use whose folder is the deepest one holding `path`; the first use when none does. */
function owner(uses, path) {
    let best = 0;
    let depth = -1;
    uses.forEach((u, i) => {
        if ((u.dir === "" || path.startsWith(`${u.dir}/`)) && u.dir.length > depth) {
            best = i;
            depth = u.dir.length;
        }
    });
    return best;
}


/***/ })

};
;