"use strict";
exports.id = 237;
exports.ids = [237,843];
exports.modules = {

/***/ 9843:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ trainingGrams),
/* harmony export */   co2BlockYaml: () => (/* binding */ co2BlockYaml),
/* harmony export */   formatGrams: () => (/* binding */ formatGrams),
/* harmony export */   suggestedCo2Block: () => (/* binding */ suggestedCo2Block)
/* harmony export */ });
/* harmony import */ var _catalogue_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3719);
// The `co2_eq_emissions` block footprint-gate suggests for a Hugging Face model card, and the figures it holds. Apart
// from reading and rewriting cards (modelcard.ts), so that the Markdown report can show the block without loading a
// YAML or Markdown parser.

/**
 * The block in YAML, its strings written by `quote`: double quotes (JSON's escapes are valid YAML) unless the card
 * has its own style (modelcard.ts `quoter`).
 */
function co2BlockYaml(b, quote = JSON.stringify) {
    const lines = ["co2_eq_emissions:", `  emissions: ${formatGrams(b.grams)}`, `  source: ${quote(b.source)}`];
    if (b.training_type)
        lines.push(`  training_type: ${quote(b.training_type)}`);
    if (b.geographical_location)
        lines.push(`  geographical_location: ${quote(b.geographical_location)}`);
    if (b.hardware_used)
        lines.push(`  hardware_used: ${quote(b.hardware_used)}`);
    return lines.join("\n");
}
/** Grams as a card writes them: whole grams, or three significant figures under 10 g (a short fine-tune emits 0.012 g). */
function formatGrams(grams) {
    if (grams >= 10 || grams === 0)
        return String(Math.round(grams));
    return String(Number(grams.toPrecision(3)));
}
/** The training entries' operational CO2e (the card's `emissions`) and their embodied CO2e, reported beside it, in grams. */
function trainingGrams(runs) {
    let operational = 0;
    let embodied = 0;
    for (const r of runs) {
        if (r.kind !== "training")
            continue;
        operational += r.operational_co2e_kg;
        embodied += r.embodied_co2e_kg;
    }
    return { operational_g: operational * 1000, embodied_g: embodied * 1000 };
}
/**
 * The block footprint-gate suggests for a card: the training entries' operational CO2e in grams (the convention of
 * CodeCarbon, AutoTrain and the ML CO2 calculator), where they ran as a readable place, and their hardware with its
 * count, keeping what the card already says. Values an earlier version wrote (grid-zone and catalogue ids) are refreshed.
 */
function suggestedCo2Block(runs, existing) {
    const training = runs.filter((r) => r.kind === "training");
    const unique = (xs) => [...new Set(xs.filter((x) => x !== null))].join(", ");
    const place = unique(training.map((r) => (0,_catalogue_index_js__WEBPACK_IMPORTED_MODULE_0__/* .readablePlace */ .QV)(r.inputs.location, r.inputs.zone))) || undefined;
    const hardware = unique(training.map((r) => r.inputs.accelerator === null ? null : `${r.inputs.count ? `${r.inputs.count} x ` : ""}${(0,_catalogue_index_js__WEBPACK_IMPORTED_MODULE_0__/* .acceleratorDisplayName */ .J)(r.inputs.accelerator)}`)) || undefined;
    const own = (value, generatedBefore) => (value !== undefined && value !== generatedBefore ? value : undefined);
    return {
        grams: trainingGrams(training).operational_g,
        source: training.some((r) => r.basis === "measured") ? "footprint-gate (CodeCarbon measurements where available)" : "footprint-gate estimate",
        training_type: existing?.training_type,
        geographical_location: own(existing?.geographical_location, unique(training.map((r) => r.inputs.zone))) ?? place,
        hardware_used: own(existing?.hardware_used, unique(training.map((r) => r.inputs.accelerator))) ?? hardware,
    };
}


/***/ }),

/***/ 1237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_SECTIONS: () => (/* binding */ DEFAULT_SECTIONS),
/* harmony export */   DEFAULT_TOLERANCE_PCT: () => (/* binding */ DEFAULT_TOLERANCE_PCT),
/* harmony export */   MAX_MODEL_CARDS: () => (/* binding */ MAX_MODEL_CARDS),
/* harmony export */   cardGroups: () => (/* binding */ cardGroups),
/* harmony export */   checkPolicies: () => (/* binding */ checkPolicies),
/* harmony export */   datasetExposure: () => (/* binding */ datasetExposure),
/* harmony export */   dpLeakProbability: () => (/* binding */ dpLeakProbability),
/* harmony export */   privacyTotals: () => (/* binding */ privacyTotals)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _manifest_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7272);
/* harmony import */ var _co2_block_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9843);
/* harmony import */ var _format_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9044);
/* harmony import */ var _format_units_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3124);
// Privacy and transparency checks (docs/rules.md, docs/privacy.md), and the privacy exposure R = p × D they check. A requirement the
// manifest sets to true explicitly gives errors; the defaults give warnings, except the privacy protections required by default.





const DEFAULT_SECTIONS = ["Training data", "Intended use", "Limitations", "Environmental impact"];
const DEFAULT_TOLERANCE_PCT = 50;
/** Cards read for one manifest: each may be 1 MiB, and a manifest could name a different one per entry. */
const MAX_MODEL_CARDS = 100;
/** The SPDX licence ids, lower-cased; loaded with the first dataset licence to check, not at every start-up. */
let spdx;
const spdxIds = () => (spdx ??= __webpack_require__.e(/* import() */ 204).then(__webpack_require__.t.bind(__webpack_require__, 5204, 19)).then((m) => new Set(m.default.map((id) => id.toLowerCase()))));
function add(ctx, rule, severity, message, path, key = false) {
    ctx.findings.push({ rule, severity, message, file: ctx.src.path, ...(key ? ctx.locator.key(path) : ctx.locator.value(path)) });
}
/** A policy flag: off, on by default (warning), or required explicitly (error). */
function requirement(value, byDefault) {
    if (value === false)
        return null;
    if (value === true)
        return "error";
    return byDefault ? "warning" : null;
}
/** A repository path that exists, or an https URL. */
async function checkDocument(ctx, ref, path, rule, severity, what) {
    if (/^https:\/\//i.test(ref))
        return;
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
        add(ctx, rule, severity, `${what} must be a repository path or an https URL`, path);
        return;
    }
    try {
        if (!(await ctx.src.exists(ref)))
            add(ctx, rule, severity, `${what} ${JSON.stringify(ref)} does not exist (paths are relative to the manifest's folder)`, path);
    }
    catch (err) {
        if (err instanceof _manifest_source_js__WEBPACK_IMPORTED_MODULE_1__/* .PathError */ .E)
            add(ctx, rule, "error", `${what} ${JSON.stringify(ref)}: ${err.message}`, path);
        else
            throw err;
    }
}
async function checkPolicies(manifest, runs, datasets, src, locator) {
    const ctx = { manifest, src, locator, findings: [] };
    const privacy = manifest.policy?.privacy ?? {};
    const transparency = manifest.policy?.transparency ?? {};
    for (const [i, d] of (manifest.datasets ?? []).entries()) {
        const at = ["datasets", i];
        if (d.personal_data) {
            const anon = requirement(privacy.require_anonymization, true);
            if (anon && (d.anonymization === undefined || d.anonymization === "none")) {
                add(ctx, "privacy/anonymization", "error", `${d.id}: personal data without anonymization; set anonymization to pseudonymized, anonymized, k-anonymity or synthetic (or policy.privacy.require_anonymization: false with a reason in review)`, d.anonymization ? [...at, "anonymization"] : [...at, "personal_data"]);
            }
            const enc = requirement(privacy.require_encryption, true);
            if (enc && !(d.encryption?.at_rest && d.encryption?.in_transit)) {
                const missing = [!d.encryption?.at_rest && "at rest", !d.encryption?.in_transit && "in transit"].filter(Boolean).join(" and ");
                add(ctx, "privacy/encryption", "error", `${d.id}: personal data not encrypted ${missing}; set encryption: { at_rest: true, in_transit: true } once it is`, d.encryption ? [...at, "encryption"] : [...at, "personal_data"]);
            }
        }
        const dp = d.differential_privacy;
        if (dp && privacy.max_epsilon !== undefined && dp.epsilon > privacy.max_epsilon) {
            add(ctx, "privacy/epsilon", "error", `${d.id}: differential-privacy epsilon ${dp.epsilon} is above the policy's max_epsilon ${privacy.max_epsilon}; train with a smaller epsilon (more noise)`, [...at, "differential_privacy", "epsilon"]);
        }
        const exposure = datasets[i]?.exposure;
        if (exposure && d.personal_data) {
            const cap = privacy.max_exposed_records;
            if (exposure.p === null) {
                add(ctx, "privacy/exposure", "warning", `${d.id}: the exposure of its personal data is unknown; bound it with differential_privacy: { epsilon, delta } or a declared leak_probability`, [...at, "id"]);
            }
            else if (cap !== undefined) {
                const problem = exposureOverCap(d, exposure, cap);
                if (problem)
                    add(ctx, "privacy/exposure", "error", `${d.id}: ${problem}`, [...at, "id"]);
            }
        }
        const docs = requirement(transparency.require_dataset_documentation, true);
        if (docs) {
            if (d.documentation === undefined)
                add(ctx, "transparency/dataset-documentation", docs, `${d.id}: no documentation; add a datasheet (repository path or https URL) as documentation`, [
                    ...at,
                    "id",
                ]);
            else
                await checkDocument(ctx, d.documentation, [...at, "documentation"], "transparency/dataset-documentation", docs, `${d.id}: documentation`);
        }
        const lic = requirement(transparency.require_license, true);
        if (d.license !== undefined && lic)
            await checkLicense(ctx, d.id, d.license, [...at, "license"]);
        else if (lic)
            add(ctx, "transparency/license", lic, `${d.id}: no license; give its SPDX id (e.g. CC-BY-4.0) or "proprietary"`, [...at, "id"]);
    }
    const declared = manifest.transparency ?? {};
    for (const [key, flag, rule, what] of [
        ["explainability_report", transparency.require_explainability_report, "transparency/explainability-report", "an explainability report"],
        ["data_use_statement", transparency.require_data_use_statement, "transparency/data-use-statement", "a data-use statement"],
    ]) {
        const ref = declared[key];
        const severity = requirement(flag, false);
        if (ref !== undefined && flag !== false)
            await checkDocument(ctx, ref, ["transparency", key], rule, severity ?? "warning", `transparency.${key}`);
        else if (severity)
            add(ctx, rule, severity, `the policy requires ${what}; add transparency.${key} (repository path or https URL)`, ["policy", "transparency", `require_${key}`], true);
    }
    const { top, own } = await checkModelCards(ctx, runs);
    return { findings: ctx.findings, modelCard: top, modelCards: own };
}
function privacyTotals(datasets) {
    if (datasets.length === 0)
        return null;
    let total = 0;
    let unknown = 0;
    for (const d of datasets) {
        if (d.exposure.expected_exposed_records === null)
            unknown++;
        else
            total += d.exposure.expected_exposed_records;
    }
    return { expected_exposed_records: total, unknown_datasets: unknown };
}
/** The membership-inference bound of (ε, δ)-differential privacy: p = (e^ε − 1 + 2δ) / (e^ε + 1), at most 1. */
function dpLeakProbability(epsilon, delta) {
    const p = Math.min(1, (Math.exp(epsilon) - 1 + 2 * delta) / (Math.exp(epsilon) + 1));
    return Number.isFinite(p) ? p : 1; // e^ε overflows for huge ε; the bound tends to 1
}
function datasetExposure(manifest) {
    const capped = manifest.policy?.privacy?.max_exposed_records !== undefined;
    return (manifest.datasets ?? []).map((d) => {
        const records = d.records ?? null;
        let p = null;
        let basis = "unknown";
        if (d.differential_privacy) {
            const { epsilon, delta = 0 } = d.differential_privacy;
            p = dpLeakProbability(epsilon, delta);
            basis = "differential-privacy";
        }
        else if (d.leak_probability !== undefined) {
            p = d.leak_probability;
            basis = "declared";
        }
        else if (d.personal_data && (d.anonymization === undefined || d.anonymization === "none")) {
            p = 1;
            basis = "no-anonymization";
        }
        else if (d.personal_data && capped) {
            // Anonymization alone bounds nothing: without DP or a declared p, nothing shows R is under the cap.
            p = 1;
            basis = "unknown-under-cap";
        }
        return { id: d.id, exposure: { p, basis, records, expected_exposed_records: p !== null && records !== null ? p * records : null } };
    });
}
/** Why a dataset's R is not shown within the cap, and what would bring it under; null when it is within. */
function exposureOverCap(d, e, cap) {
    const p = e.p;
    const counted = e.basis === "unknown-under-cap" || e.basis === "no-anonymization";
    const why = e.basis === "differential-privacy"
        ? `p is the (ε, δ)-differential-privacy bound at ε = ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatInput */ .Mc)(d.differential_privacy.epsilon)}, δ = ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatInput */ .Mc)(d.differential_privacy.delta ?? 0)}`
        : e.basis === "declared"
            ? "p is the declared leak_probability"
            : e.basis === "no-anonymization"
                ? "personal data without anonymization counts at p = 1"
                : "personal data with no differential privacy and no leak_probability counts at p = 1 under a cap";
    // Anonymization is no bound on p by itself: only a leak_probability declared for it is.
    const anonymization = counted ? "; anonymization alone does not lower p: declare the leak_probability it gives, with its justification" : "";
    if (e.records === null || e.expected_exposed_records === null) {
        return counted
            ? `records (D) is not given, so R = p × D cannot be shown within max_exposed_records ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(cap)} (${why}); give records${anonymization}`
            : null;
    }
    const r = e.expected_exposed_records;
    if (r <= cap)
        return null;
    const D = e.records;
    const head = `expected exposed records R = p × D = ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(p)} × ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(D)} = ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(r)}, above max_exposed_records ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(cap)} (${why})`;
    const q = cap / D; // the largest p within the cap
    const records = `records ≤ ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatWhole */ .$X)(Math.floor(cap / p))}`;
    const delta = e.basis === "differential-privacy" ? (d.differential_privacy.delta ?? 0) : 0;
    const epsilon = largestEpsilon(q, delta, D, cap);
    const dp = epsilon === null
        ? `no ε can: even ε = 0 gives p = δ = ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatInput */ .Mc)(delta)}; a δ ≤ ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatInput */ .Mc)(floorSig(q))}`
        : `ε ≤ ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatInput */ .Mc)(epsilon)}${e.basis === "differential-privacy" ? ` (at δ = ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatInput */ .Mc)(delta)})` : " (differential_privacy at δ = 0)"}`;
    const leak = `a leak_probability ≤ ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatInput */ .Mc)(floorSig(q))}`;
    const fixes = e.basis === "differential-privacy" ? [dp, records] : e.basis === "declared" ? [leak, records, dp] : [dp, leak, records];
    return `${head}; ${fixes.slice(0, -1).join(", ")} or ${fixes[fixes.length - 1]} would bring R within it${anonymization}`;
}
/** x rounded down to three significant figures, so that a suggested bound is never above the exact one. */
function floorSig(x) {
    if (x <= 0 || !Number.isFinite(x))
        return x;
    const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
    return Math.floor(x / unit) * unit;
}
/**
 * The largest ε (three significant figures, rounded down) whose bound p(ε, δ) keeps p × D within the cap: solving
 * (e^ε − 1 + 2δ) / (e^ε + 1) ≤ q gives e^ε ≤ (1 + q − 2δ) / (1 − q). Null when even ε = 0 (p = δ) is above q.
 */
function largestEpsilon(q, delta, records, cap) {
    if (delta > q)
        return null;
    let epsilon = floorSig(Math.log1p((2 * (q - delta)) / (1 - q)));
    // Rounding in the formula must not make the suggestion miss the cap.
    for (let i = 0; i < 3 && epsilon > 0 && dpLeakProbability(epsilon, delta) * records > cap; i++)
        epsilon = floorSig(epsilon * (1 - 1e-3));
    if (dpLeakProbability(epsilon, delta) * records <= cap)
        return epsilon;
    return dpLeakProbability(0, delta) * records <= cap ? 0 : null;
}
async function checkLicense(ctx, id, license, path) {
    if (license.toLowerCase() === "proprietary" || (await spdxIds()).has(license.toLowerCase()))
        return;
    // Loaded only for a near miss: most manifests never need it.
    const { default: spdxCorrect } = await __webpack_require__.e(/* import() */ 728).then(__webpack_require__.t.bind(__webpack_require__, 5728, 23));
    let suggestion;
    try {
        suggestion = spdxCorrect(license);
    }
    catch {
        suggestion = null;
    }
    add(ctx, "transparency/license", "error", `${id}: ${JSON.stringify(license)} is not an SPDX licence id${suggestion ? `; did you mean ${suggestion}?` : ""} (or write "proprietary")`, path);
}
/**
 * Each card with the training entries it discloses: an entry's own model_card, else the top-level one (which also
 * takes the entries naming the same file; files are compared by their normalised path). `top` is null without a
 * top-level card, and then the entries that name none have no card.
 */
function cardGroups(manifest) {
    const ref = manifest.model_card;
    const topKey = ref === undefined ? null : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(ref);
    const top = ref === undefined ? null : { ref, at: ["model_card"], ids: new Set() };
    const own = new Map();
    for (const [i, e] of (manifest.training ?? []).entries()) {
        const key = e.model_card === undefined ? null : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(e.model_card);
        if (key === null || key === topKey)
            top?.ids.add(e.id);
        else {
            const card = own.get(key);
            if (card)
                card.ids.add(e.id);
            else
                own.set(key, { ref: e.model_card, at: ["training", i, "model_card"], ids: new Set([e.id]) });
        }
    }
    return { top, own: [...own.values()] };
}
async function checkModelCards(ctx, runs) {
    const t = ctx.manifest.policy?.transparency ?? {};
    const required = requirement(t.require_model_card, false);
    const groups = cardGroups(ctx.manifest);
    const runsOf = (g) => runs.filter((r) => r.kind === "training" && g.ids.has(r.id));
    let top = null;
    if (groups.top === null) {
        if (required && groups.own.length === 0)
            add(ctx, "transparency/model-card", required, "the policy requires a model card; add model_card: MODEL_CARD.md (Hugging Face format)", ["policy", "transparency", "require_model_card"], true);
    }
    else {
        // A top-level card whose entries all name cards of their own is checked for its sections only.
        const disclose = groups.top.ids.size > 0 || groups.own.length === 0;
        top = await checkModelCard(ctx, groups.top.ref, groups.top.at, runsOf(groups.top), required, disclose);
    }
    const own = [];
    const over = groups.own[MAX_MODEL_CARDS];
    if (over) {
        const n = groups.own.length - MAX_MODEL_CARDS;
        add(ctx, "transparency/model-card", "error", `more than ${MAX_MODEL_CARDS} model cards are named; this one and ${n - 1} more were not read`, over.at);
    }
    for (const g of groups.own.slice(0, MAX_MODEL_CARDS)) {
        const report = await checkModelCard(ctx, g.ref, g.at, runsOf(g), required, true);
        if (report)
            own.push(report);
    }
    return { top, own };
}
async function checkModelCard(ctx, ref, at, runs, required, disclose) {
    const t = ctx.manifest.policy?.transparency ?? {};
    // The YAML and Markdown parsers load only for a manifest that names a card.
    const { MAX_MODEL_CARD_BYTES, normaliseHeading, parseModelCard } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(851), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 560));
    let text;
    try {
        text = await ctx.src.readRelative(ref, { maxBytes: MAX_MODEL_CARD_BYTES });
    }
    catch (err) {
        if (!(err instanceof _manifest_source_js__WEBPACK_IMPORTED_MODULE_1__/* .PathError */ .E))
            throw err;
        add(ctx, "transparency/model-card", "error", `model_card ${JSON.stringify(ref)}: ${err.message}`, at);
        return null;
    }
    if (text === null) {
        add(ctx, "transparency/model-card", required ?? "warning", `model_card ${JSON.stringify(ref)} does not exist (paths are relative to the manifest's folder)`, at);
        return null;
    }
    const card = parseModelCard(text);
    for (const problem of card.problems)
        add(ctx, "transparency/model-card", required ?? "warning", `${ref}: ${problem}`, at);
    const sectionsGiven = t.model_card_sections;
    const sections = sectionsGiven ?? DEFAULT_SECTIONS;
    const have = new Set(card.headings.map(normaliseHeading));
    const missing = sections.filter((s) => !have.has(normaliseHeading(s)));
    for (const s of missing) {
        add(ctx, "transparency/model-card-section", sectionsGiven ? "error" : "warning", `${ref}: no "${s}" section; add a heading for it (any level, case-insensitive)`, sectionsGiven ? ["policy", "transparency", "model_card_sections"] : at);
    }
    // The card's figure is operational CO2e (CodeCarbon, AutoTrain); embodied carbon is reported beside it, not compared.
    const { operational_g: estimated, embodied_g: embodied } = (0,_co2_block_js__WEBPACK_IMPORTED_MODULE_2__/* .trainingGrams */ .L)(runs);
    const disclosure = disclose ? requirement(t.require_emissions_disclosure, true) : null;
    const tolerance = t.disclosure_tolerance_pct ?? DEFAULT_TOLERANCE_PCT;
    let differencePct = null;
    if (card.co2?.grams != null && estimated > 0)
        differencePct = ((card.co2.grams - estimated) / estimated) * 100;
    if (disclosure) {
        const grams = (0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(estimated);
        if (!card.co2) {
            add(ctx, "transparency/emissions-disclosure", disclosure, `${ref}: no co2_eq_emissions in the front matter; add the block this report suggests (${grams} g), or run footprint-gate card --write`, at);
        }
        else if (card.co2.grams === null) {
            add(ctx, "transparency/emissions-disclosure", disclosure, `${ref}: co2_eq_emissions ${card.co2.raw} is not a number of grams`, at);
        }
        else if (differencePct !== null && Math.abs(differencePct) > tolerance) {
            add(ctx, "transparency/emissions-disclosure", disclosure, `${ref}: co2_eq_emissions discloses ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(card.co2.grams)} g, ${differencePct > 0 ? "+" : ""}${differencePct.toFixed(0)} % from the operational estimate of ${grams} g (tolerance ${tolerance} %); ${kilogramsHint(card.co2.grams, estimated) ?? "update the card (footprint-gate card --write) or the manifest"}`, at);
        }
    }
    const read = !card.co2 ? "none" : card.co2.grams === null ? "unreadable" : "read";
    const kept = {};
    for (const key of ["training_type", "geographical_location", "hardware_used"]) {
        const v = card.co2?.[key];
        // Shown in the PR comment's code block: no control, bidi or zero-width characters from the card.
        if (v !== undefined)
            kept[key] = (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .plainText */ .wh)(v).slice(0, 200);
    }
    return {
        path: ref,
        entries: runs.map((r) => r.id),
        disclosure: read,
        disclosed_g: card.co2?.grams ?? null,
        estimated_g: estimated,
        embodied_g: embodied,
        difference_pct: differencePct,
        missing_sections: missing,
        kept,
    };
}
/**
 * A card figure about 1,000 × below the estimate (a factor of 3 either way) is most likely kilograms written where the
 * Hugging Face convention wants grams (CodeCarbon reports kilograms): the fix, or null.
 */
function kilogramsHint(cardGrams, estimatedGrams) {
    const ratio = estimatedGrams / cardGrams;
    if (!(ratio >= 1000 / 3 && ratio <= 1000 * 3))
        return null;
    return `the figure looks like kilograms: co2_eq_emissions is in grams, so ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(cardGrams)} kg is written ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_4__/* .formatNumber */ .ZV)(cardGrams * 1000)}`;
}


/***/ })

};
;