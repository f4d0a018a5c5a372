"use strict";
exports.id = 843;
exports.ids = [843];
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


/***/ })

};
;