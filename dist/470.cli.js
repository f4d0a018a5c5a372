"use strict";
exports.id = 470;
exports.ids = [470];
exports.modules = {

/***/ 6470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ SCHEMA_ID),
/* harmony export */   jo: () => (/* binding */ schemas),
/* harmony export */   jsonSchema: () => (/* binding */ jsonSchema),
/* harmony export */   pw: () => (/* binding */ ID_PATTERN),
/* harmony export */   st: () => (/* binding */ PRECISIONS)
/* harmony export */ });
/* unused harmony export validationSchema */
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
    const repeats = num(0.01, 1e6).describe("Runs in the period (default 1); with one_off, runs in all.");
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
            .describe("Manufacturing emissions per accelerator incl. its server share, kg (0, or at least 0.001; default: the accelerator class's catalogue figure, else 462.5 kg)."),
        lifetime_years: num(0.1, 30).optional().describe("Hardware lifetime in years (default 6)."),
        lifetime_utilization: share(0.01).optional().describe("Share of the lifetime the hardware is in use (default 0.85)."),
    })
        .describe("Overrides of the embodied-carbon defaults.");
    const energyBasis = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["it", "facility"])
        .describe("What a stated energy figure covers: it (the accelerators and hosts; the entry's PUE is applied) or facility (already includes the data centre's overhead, as providers' published per-prompt figures do; no PUE is applied).");
    const codecarbonPath = text(1000);
    const measured = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        codecarbon: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([codecarbonPath, zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(codecarbonPath).min(1).max(1024)])
            .optional()
            .describe("CodeCarbon emissions.csv (one file or one per rank), relative to the manifest."),
        energy_kwh: zeroOr(1e-6, 1e10).optional().describe("Measured energy in kWh (0, or at least 1e-6), IT-level unless energy_basis says facility."),
        energy_basis: energyBasis
            .optional()
            .describe("it or facility: what the measured figures cover. Default: it for energy_kwh; for a CodeCarbon file, facility at the file's own pue where it has a pue column, else it."),
    })
        .describe("Measured figures; they replace the estimate of energy and operational CO2e.");
    // Periods, entry budgets and per-model cards (docs/manifest.md#periods-and-entry-budgets).
    const period = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["month", "quarter", "year"])
        .describe("The window of recurring work (default year): inference without hours serves one period, repeats counts runs in it, and totals and budgets are per period.");
    const entryBudget = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        energy_kwh: num(0.001, 1e12).optional().describe("Facility energy of this entry, kWh."),
        co2e_kg: num(0.001, 1e12).optional().describe("CO2e of this entry (operational + embodied), kg."),
        water_l: num(0.001, 1e14).optional().describe("Water of this entry, litres."),
        increase_pct: zeroOr(0.01, 1e6).optional().describe("Maximum increase of this entry's energy over its base, % (0, or at least 0.01)."),
    })
        .describe("Limits of this entry alone, per period (one-off training: in all); warned at budget.warn_at.");
    const oneOff = zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().describe("A run that happens once, not every period: reported as one-off training, and repeats counts its runs in all.");
    const entryCard = text(1000).describe("Hugging Face model card of the model this run trains, relative to the manifest (default: the top-level model_card).");
    // Launch configs (docs/manifest.md, "Reading launch configs"): an entry may read what it runs on from one. The
    // formats are launch/types.ts's LAUNCH_FORMATS, written out: this module imports only zod (scripts/validator.mjs).
    const configPath = text(1000);
    const launch = {
        from: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
            configPath,
            zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
                path: configPath.describe("The launch config, relative to the manifest."),
                format: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(["skypilot", "slurm", "kubernetes", "dstack", "vertex"])
                    .optional()
                    .describe("The config's format, where its content does not tell."),
                document: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().gte(0).lte(9999).optional().describe("Which document (0-based) of a file that holds several jobs."),
            }),
        ], { error: (iss) => `must be a path, or { path, format, document } (got ${shown(iss.input)})` })
            .optional()
            .describe("Launch config the entry reads (SkyPilot, SLURM, Kubernetes, dstack, Vertex AI), relative to the manifest: it supplies the accelerator, count and location it states."),
    };
    /** Hours, or `limit`: the time limit the entry's launch config states (an upper bound). */
    const hours = (description) => zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([num(1e-4, 1e6), zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz("limit")], {
        error: (iss) => `must be a number of hours from 1e-4 to 1e6, or limit (the launch config's time limit) (got ${shown(iss.input)})`,
    })
        .optional()
        .describe(description);
    const common = {
        id,
        ...launch,
        accelerator: text(100)
            .optional()
            .describe("Catalogue id or alias, case-insensitive (H100 SXM, A100-SXM4-80GB); any other name with power_w is a custom accelerator."),
        count: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .int()
            .gte(1, { error: outOfRange("from 1 to 1e7") })
            .lte(1e7, { error: outOfRange("from 1 to 1e7") })
            .optional()
            .describe("Number of accelerators."),
        hours: hours("Hours."),
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
        budget: entryBudget.optional(),
    };
    const trainingSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        ...common,
        hours: hours("Wall-clock hours of the run (with count); limit: the launch config's time limit (an upper bound)."),
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
        one_off: oneOff.optional(),
        model_card: entryCard.optional(),
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
        hours: hours("Hours the fleet serves (default: the period, 8760 for a year); limit: the launch config's time limit (an upper bound)."),
        requests: num(1, 1e18).optional().describe("Requests N over the hours (or the period); enables per-request figures."),
        energy_per_request_wh: num(1e-6, 1e6)
            .optional()
            .describe("Request form: energy per request in Wh (energy = N × C), IT-level unless energy_basis says facility."),
        energy_basis: energyBasis.optional().describe("it (default) or facility: what energy_per_request_wh covers."),
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
            .describe("Limits for every single entry, training and inference alike; an entry's own budget limits that entry alone."),
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
        period: period.optional(),
        defaults: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ location: location.optional(), pue: pue.optional(), ...siteFields })
            .optional()
            .describe("Inherited by every training and inference entry."),
        training: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(trainingSchema).max(100_000).optional(),
        inference: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(inferenceSchema).max(100_000).optional(),
        datasets: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(datasetSchema).max(100_000).optional(),
        model_card: text(1000)
            .optional()
            .describe("Hugging Face model card, relative to the manifest; for the training entries that name no model_card of their own."),
        transparency: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            explainability_report: text(1000).optional().describe("How the model's decisions can be explained: repository path or https URL."),
            data_use_statement: text(1000).optional().describe("How the training data is used: repository path or https URL."),
        })
            .optional()
            .describe("Published transparency documents."),
        budget: budgetSchema.optional(),
        policy: policySchema.optional(),
        aliases: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), text(100))
            .optional()
            .describe("Names launch configs use that the catalogue lacks (SLURM GRES types, partitions, places) → catalogue accelerator ids or locations."),
        launch_configs: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            ignore: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text(200))
                .max(100)
                .optional()
                .describe("Globs (relative to the manifest) of launch configs no entry needs to read: no config/unread warning for them."),
        })
            .optional()
            .describe("Launch configs in the repository that no entry reads."),
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


/***/ })

};
;