"use strict";
exports.id = 495;
exports.ids = [495,843];
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

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   docsUrl: () => (/* binding */ docsUrl),
/* harmony export */   fitMarkdown: () => (/* binding */ fitMarkdown)
/* harmony export */ });
/* unused harmony exports MARKER, COMMENT_LIMIT, SUMMARY_LIMIT, renderMarkdown, ADVICE_LINES, CHART_TOP, energyChart */
/* harmony import */ var _advice_levers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4059);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7562);
/* harmony import */ var _period_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3185);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(665);
/* harmony import */ var _co2_block_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9843);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8892);
/* harmony import */ var _format_escape_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9044);
/* harmony import */ var _format_units_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3124);
// The PR comment body (also `check --format markdown` and the job summary). The marker comes first, so no
// truncation can lose it; everything taken from a manifest goes through format/escape.ts.








const MARKER = "<!-- footprint-gate:v1 -->";
/** GitHub refuses comment bodies over 65,536 characters; bytes are a safe upper bound of characters. */
const COMMENT_LIMIT = 65_536;
/** The job summary of one step may hold 1 MiB. */
const SUMMARY_LIMIT = (/* unused pure expression or super */ null && (1024 * 1024));
const STATUS = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail" };
const SEVERITY = { error: "❌ error", warning: "⚠️ warning", notice: "ℹ️ notice" };
const ROWS = { full: Infinity, compact: 40, minimal: 10 };
const FINDINGS = { full: Infinity, compact: 40, minimal: 10 };
/** The action's README, where the comment's figures and rules are explained. */
function docsUrl(serverUrl = "https://github.com", actionRepository = "footprint-gate/footprint-gate") {
    return `${serverUrl}/${actionRepository}#readme`;
}
/**
 * The body, in reading order: the verdict and what changed; on fail or warn the findings, each with its value,
 * its limit and how to fix it; the table; notices and advice; the rest collapsed. At 740 px the verdict and the
 * first finding stay in the first half screen whatever the manifest holds.
 */
function renderMarkdown(report, options = {}) {
    const detail = options.detail ?? "full";
    const lines = [...(options.marker === null ? [] : [options.marker ?? MARKER]), `## 🌱 footprint-gate: ${STATUS[report.verdict]}`, ""];
    const ms = report.manifests;
    const several = ms.length > 1;
    lines.push(several ? reportSentence(ms) : manifestSentence(ms[0]), "");
    (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(lines, leadFindings(ms, detail, options));
    if (options.trend)
        lines.push(trendSentence(report, options.trend), "");
    if (several) {
        (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(lines, overviewTable(ms, detail, options));
        const unchanged = ms.filter(isUnchanged);
        if (unchanged.length > 0) {
            const names = unchanged.slice(0, 10).map((m) => (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(m.path));
            lines.push(`${unchanged.length} ${unchanged.length === 1 ? "manifest" : "manifests"} unchanged: ${names.join(", ")}${unchanged.length > names.length ? `, … ${unchanged.length - names.length} more` : ""}`, "");
        }
        // The sections of the manifests a reviewer has to look at; capped like the rows of a table.
        const shown = ms.filter((m) => !isUnchanged(m));
        for (const m of shown.slice(0, ROWS[detail])) {
            lines.push(`### ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(m.path)}${m.project ? ` · ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(m.project, 100)}` : ""}`, "", manifestSentence(m), "");
            (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(lines, manifestSection(m, options));
        }
        if (shown.length > ROWS[detail])
            lines.push(`… ${shown.length - ROWS[detail]} more manifests in ${options.elsewhere ?? "the full report"}`, "");
    }
    else
        (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(lines, manifestSection(ms[0], options));
    lines.push(footerLine(options.footer));
    return lines.join("\n") + "\n";
}
/** The richest rendering that fits in `limit` UTF-8 bytes; a hard cut (marker kept) as the last resort. */
function fitMarkdown(report, options, limit) {
    for (const detail of ["full", "compact", "minimal"]) {
        // The full report has a line per entry and per finding; when those alone exceed the limit it is not rendered.
        if (detail === "full" && fullAtLeast(report) > limit)
            continue;
        const body = renderMarkdown(report, { ...options, detail });
        if (Buffer.byteLength(body, "utf8") <= limit)
            return { body, detail };
    }
    return { body: truncate(renderMarkdown(report, { ...options, detail: "minimal" }), limit, options.elsewhere), detail: "truncated" };
}
/** A lower bound of the full rendering's UTF-8 size: a table row of 50 bytes or more per entry, 30 per finding. */
function fullAtLeast(report) {
    let n = 0;
    for (const m of report.manifests)
        n += 50 * m.runs.length + 30 * m.findings.length;
    return n;
}
/** Cuts at a line boundary, closes an open code fence and <details>, and says so. */
function truncate(body, limit, elsewhere = "the job summary") {
    const note = `\n\n> [!WARNING]\n> This report was cut to fit GitHub's size limit; the complete report is in ${elsewhere}.\n`;
    const budget = limit - Buffer.byteLength(note, "utf8") - 64;
    const kept = [];
    let size = 0;
    for (const line of body.split("\n")) {
        const n = Buffer.byteLength(line, "utf8") + 1;
        if (size + n > budget)
            break;
        kept.push(line);
        size += n;
    }
    const fences = kept.filter((l) => l.startsWith("```")).length;
    const opened = kept.filter((l) => l.includes("<details>")).length - kept.filter((l) => l.includes("</details>")).length;
    return `${kept.join("\n")}${fences % 2 ? "\n```" : ""}${"\n</details>".repeat(Math.max(0, opened))}${note}`;
}
const q = (quantity, value) => (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatQuantity */ .VZ)(quantity, value, _format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK);
const pct = (value) => (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatPct */ .R8)(value, _format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK);
const delta = (quantity, value) => (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatDelta */ .CW)(quantity, value, _format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK);
/** Nothing to review: compared with a base, no entry changed and nothing found. */
function isUnchanged(m) {
    return m.status === "evaluated" && m.delta !== null && m.findings.length === 0 && m.delta.runs.every((d) => d.change === "unchanged");
}
/** One sentence on what changed, in the unit that gates (energy; CO2e too when a CO2e limit exists). */
function manifestSentence(m) {
    const project = m.project ? `**${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(m.project, 100)}**` : (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(m.path);
    if (m.status === "unevaluated")
        return `${STATUS.fail}: ${project} cannot be evaluated; fix the problems below.`;
    if (m.status === "removed")
        return `🗑️ ${project} (${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(m.path)}) is removed by this change: ${delta("energy_kwh", -m.base.totals.energy_kwh)} energy, ${delta("co2e_kg", -m.base.totals.co2e_kg)} CO2e.`;
    const t = m.totals;
    const window = (0,_period_index_js__WEBPACK_IMPORTED_MODULE_2__/* .labelled */ .wW)(m.period) ? ` ${m.period.label}` : "";
    const totals = `${q("co2e_kg", t.co2e_kg)} CO2e, ${q("water_l", t.water_l)} water${window}`;
    if (m.delta === null)
        return `${project}: ${q("energy_kwh", t.energy_kwh)} energy, ${totals}; no base to compare with.`;
    const d = m.delta;
    const co2Gates = m.budget.some((b) => b.metric === "co2e_kg");
    const co2 = co2Gates ? `**${delta("co2e_kg", d.co2e_kg)} CO2e** (${pct(d.co2e_pct)})` : `${delta("co2e_kg", d.co2e_kg)} CO2e`;
    const counts = ["added", "changed", "removed"]
        .map((c) => [c, d.runs.filter((r) => r.change === c).length])
        .filter(([, n]) => n > 0)
        .map(([c, n]) => `${n} ${c}`);
    const changes = counts.length ? `${counts.join(", ")} of ${d.runs.length} entries` : "no entry changed";
    return `${project}: energy ${q("energy_kwh", m.base.totals.energy_kwh)} → ${q("energy_kwh", t.energy_kwh)}${window} (**${pct(d.energy_pct)}**), ${co2}; ${changes}.`;
}
/** "📈 `main` over its last 30 recorded runs: energy 1.2 GWh → 1.3 GWh (+8.3 %), …; this PR +2.0 % energy." */
function trendSentence(report, t) {
    const change = (from, to) => (from > 0 ? ` (${pct(((to - from) / from) * 100)})` : "");
    const figure = (key, label) => t.runs === 1 ? `${label} ${q(key, t.last[key])}` : `${label} ${q(key, t.first[key])} → ${q(key, t.last[key])}${change(t.first[key], t.last[key])}`;
    const span = t.runs === 1 ? "at its last recorded run" : `over its last ${t.runs} recorded runs`;
    const { count, base_energy_kwh: base, delta_energy_kwh: d } = (0,_report_js__WEBPACK_IMPORTED_MODULE_3__/* .reportTotals */ .qC)(report).compared;
    const pr = count > 0 && base > 0 ? `; this PR ${pct((d / base) * 100)} energy against its base` : "";
    return `📈 ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(t.branch, 100)} ${span}: ${figure("energy_kwh", "energy")}, ${figure("co2e_kg", "CO2e")}${pr}.`;
}
/** Several manifests: how many pass, warn and fail, and the energy change of those with a base. */
function reportSentence(ms) {
    const count = (v) => ms.filter((m) => m.verdict === v).length;
    let base = 0;
    let head = 0;
    for (const m of ms) {
        if (m.status === "unevaluated" || m.base === null)
            continue;
        base += m.base.totals.energy_kwh;
        head += m.status === "removed" ? 0 : m.totals.energy_kwh;
    }
    const verdicts = `${count("fail")} fail, ${count("warn")} warn, ${count("pass")} pass`;
    const change = base > 0 ? `; energy ${q("energy_kwh", base)} → ${q("energy_kwh", head)} (**${pct(((head - base) / base) * 100)}**) over the manifests with a base` : "";
    return `**${ms.length} manifests**: ${verdicts}${change}.`;
}
/** The budget use a budget finding reports, matched by rule, status and the subject its message starts with. */
function useOf(f, uses) {
    const status = f.severity === "error" ? "over" : "warn";
    return uses.find((b) => _budget_js__WEBPACK_IMPORTED_MODULE_1__/* .BUDGET_RULES */ .SE[b.key] === f.rule && b.status === status && f.message.startsWith(b.scope === "total" ? "total " : `${b.scope}:`));
}
/** One line on what to do: raise the limit knowingly or shrink the plan. Other rules' messages say it already. */
function budgetFix(key, scope = "total") {
    const where = key.startsWith("entry.") ? ` of ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(scope)}` : "";
    return `${key.endsWith("increase_pct") ? "reduce the change" : "reduce the plan"} or raise ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)((0,_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .writtenKey */ .R7)(key))}${where} in a reviewed change`;
}
function budgetKeyOfRule(rule) {
    return Object.keys(_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .BUDGET_RULES */ .SE).find((k) => _budget_js__WEBPACK_IMPORTED_MODULE_1__/* .BUDGET_RULES */ .SE[k] === rule);
}
// Only a plain relative path becomes a link into the repository: no leading slash, no `.`/`..` segment, no drive.
const REPOSITORY_PATH = /^(?![/\\])(?!.*(?:^|\/)\.{1,2}(?:\/|$))[^\u0000-\u001f\\:]+$/;
function where(f, m, options) {
    const text = `${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(f.file, 200)}:${f.line}`;
    // A removed manifest's lines exist only at the base.
    const url = options.lineUrl && REPOSITORY_PATH.test(f.file) ? options.lineUrl(f, m.status === "removed" ? "base" : "head") : null;
    // Parentheses are percent-encoded so that no file name can close the link early.
    return url ? `[${text}](${url.replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"))})` : text;
}
/** A finding as one list item: a budget finding by its value and limit, any other by its message. */
function findingLine(f, m, options, prefix) {
    const icon = SEVERITY[f.severity];
    const b = f.rule.startsWith("budget/") ? useOf(f, m.budget) : undefined;
    if (b) {
        const subject = b.scope === "total" ? "" : `${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(b.scope)} `;
        const increase = b.key.endsWith("increase_pct");
        const value = increase
            ? `${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .METRIC_LABEL */ .SM[b.metric]} ${pct(b.value)} vs base`
            : `${b.scope === "total" ? "total " : ""}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .METRIC_LABEL */ .SM[b.metric]} ${q(b.metric, b.value)} (${Math.round(b.share * 100)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}%)`;
        const limit = increase ? "" : ` (${q(b.metric, b.limit)}${b.period === undefined ? "" : ` ${b.period}`})`;
        return `- ${icon} ${prefix}${subject}**${value}**, limit ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(`${(0,_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .writtenKey */ .R7)(b.key)}: ${String(b.limit)}`)}${limit}: ${budgetFix(b.key, b.scope)} (${where(f, m, options)})`;
    }
    const key = budgetKeyOfRule(f.rule);
    const fix = key && f.severity !== "notice" ? `; ${budgetFix(key)}` : "";
    return `- ${icon} ${prefix}${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(f.rule)} ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(f.message, 500)}${fix} (${where(f, m, options)})`;
}
/** The errors and warnings of every manifest, first: why the gate fails or warns. */
function leadFindings(ms, detail, options) {
    const limit = FINDINGS[detail];
    const out = [];
    let total = 0;
    for (const m of ms) {
        const prefix = ms.length > 1 ? `${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(m.path)}: ` : "";
        for (const f of m.findings) {
            if (f.severity === "notice")
                continue;
            total++;
            if (out.length < limit)
                out.push(findingLine(f, m, options, prefix));
        }
    }
    if (total === 0)
        return [];
    if (out.length < total)
        out.push(`- … ${total - out.length} more in ${options.elsewhere ?? "the full report"}`);
    return [...out, ""];
}
/** A row per manifest: verdict, change and totals; each figure with its own unit (manifests differ widely). */
function overviewTable(ms, detail, options) {
    // As in an entry table, Δ CO2e gets a column only when a CO2e budget gates, so the table fits the column.
    const co2Gates = ms.some((m) => m.budget.some((b) => b.metric === "co2e_kg"));
    const rows = [`| manifest | verdict | energy | Δ energy | CO2e |${co2Gates ? " Δ CO2e |" : ""}`, `|---|---|---:|---:|---:|${co2Gates ? "---:|" : ""}`];
    for (const m of ms.slice(0, ROWS[detail])) {
        const name = `${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(m.path)}${m.project ? `<br><sub>${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(m.project, 100)}</sub>` : ""}`;
        if (m.status === "unevaluated") {
            rows.push(`| ${name} | ${STATUS.fail} (not evaluated) | – | – | – |${co2Gates ? " – |" : ""}`);
            continue;
        }
        const removed = m.status === "removed";
        const verdict = removed ? "🗑️ removed" : isUnchanged(m) ? `${STATUS[m.verdict]} (unchanged)` : STATUS[m.verdict];
        const energy = q("energy_kwh", removed ? 0 : m.totals.energy_kwh);
        const co2 = q("co2e_kg", removed ? 0 : m.totals.co2e_kg);
        // A removed manifest always has its delta (the base's figures to zero).
        const d = m.delta;
        const dEnergy = d ? pct(d.energy_pct) : "no base";
        const dCo2 = d ? delta("co2e_kg", d.co2e_kg) : "–";
        rows.push(`| ${name} | ${verdict} | ${energy} | ${dEnergy} | ${co2} |${co2Gates ? ` ${dCo2} |` : ""}`);
    }
    if (ms.length > ROWS[detail])
        rows.push(`| … ${ms.length - ROWS[detail]} more manifests in ${options.elsewhere ?? "the full report"} | | | | |${co2Gates ? " |" : ""}`);
    return [...rows, ""];
}
function manifestSection(m, options) {
    const detail = options.detail ?? "full";
    const out = [];
    // Sections can hold a line per entry: appended in a loop, never spread into push() (call stack).
    if (m.status !== "unevaluated")
        (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(out, runsTable(m, detail, options)).push("");
    const notices = m.findings.filter((f) => f.severity === "notice");
    if (notices.length > 0) {
        for (const f of notices.slice(0, FINDINGS[detail]))
            out.push(findingLine(f, m, options, ""));
        if (notices.length > FINDINGS[detail])
            out.push(`- … ${notices.length - FINDINGS[detail]} more notices in ${options.elsewhere ?? "the full report"}`);
        out.push("");
    }
    if (m.status === "unevaluated" || detail === "minimal")
        return out;
    for (const section of [adviceList(m), modelCardLine(m), energyChart(m), measuredTable(m), privacyTable(m)])
        (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(out, section);
    if (detail === "full")
        (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(out, assumptions(m));
    (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(out, modelCardBlock(m));
    return out;
}
// No-break spaces: a status reads as one word and never wraps under its mark.
const STATE = {
    over: "❌\u00a0over",
    warn: "⚠️\u00a0near\u00a0limit",
    added: "🆕\u00a0added",
    changed: "✏️\u00a0changed",
    removed: "🗑️\u00a0removed",
    ok: "✅\u00a0ok",
};
function runsTable(m, detail, options) {
    const hasBase = m.delta !== null;
    const byScope = new Map();
    for (const b of m.budget)
        byScope.set(b.scope, [...(byScope.get(b.scope) ?? []), b]);
    const deltas = new Map(m.delta?.runs.map((d) => [d.id, d]) ?? []);
    const baseById = new Map((m.base?.runs ?? []).map((r) => [r.id, r]));
    const all = [];
    for (const r of m.runs) {
        const d = deltas.get(r.id);
        all.push({
            id: r.id,
            kind: r.kind,
            measured: r.basis === "measured",
            oneOff: r.one_off === true,
            accelerator: (0,_entry_js__WEBPACK_IMPORTED_MODULE_5__/* .acceleratorCell */ .yO)(r),
            config: (0,_entry_js__WEBPACK_IMPORTED_MODULE_5__/* .configSummary */ .hA)(m, r),
            base: baseById.get(r.id) ?? null,
            head: r,
            d,
            weight: Math.abs(d?.energy_kwh ?? r.energy_kwh),
        });
    }
    for (const d of m.delta?.runs ?? []) {
        if (d.change === "removed" && d.base)
            all.push({
                id: d.id,
                kind: d.kind,
                measured: false,
                oneOff: false,
                accelerator: "",
                config: null,
                base: d.base,
                head: null,
                d,
                weight: Math.abs(d.energy_kwh),
            });
    }
    // With less room, the entries that changed most are the ones a reviewer needs.
    const limit = ROWS[detail];
    const shown = all.length > limit ? [...all].sort((a, b) => b.weight - a.weight).slice(0, limit) : all;
    const t = m.totals;
    const baseTotals = m.base?.totals ?? null;
    // One unit per column, chosen from the figures shown (totals included).
    const energyValues = [t.energy_kwh, ...(baseTotals ? [baseTotals.energy_kwh] : [])];
    for (const r of shown)
        energyValues.push(r.head?.energy_kwh ?? 0, r.base?.energy_kwh ?? 0);
    const energy = (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .columnUnit */ .Dl)("energy_kwh", energyValues, _format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK);
    const co2e = (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .columnUnit */ .Dl)("co2e_kg", [t.co2e_kg, ...shown.map((r) => r.head?.co2e_kg ?? 0)], _format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK);
    const water = (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .columnUnit */ .Dl)("water_l", [t.water_l, ...shown.map((r) => r.head?.water_l ?? 0)], _format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK);
    const unit = (name, u) => (u.unit ? `${name} (${u.unit})` : name);
    // Entry budgets get a column of their own; the manifest's total budgets are listed under the table, where a
    // line per limit does not widen every row.
    // The limits every entry has (budget.run) are stated in the header, so a cell gives their share only; an entry's
    // own limit is given in its cell.
    const runLimits = new Map();
    let entryLimits = false;
    let metrics = 0;
    const seen = new Set();
    for (const b of m.budget) {
        if (b.scope === "total")
            continue;
        if (b.key.startsWith("budget.run."))
            runLimits.set(b.metric, b.limit);
        else
            entryLimits = true;
        if (!seen.has(b.metric))
            metrics++;
        seen.add(b.metric);
    }
    const runBudgets = runLimits.size > 0 || entryLimits;
    const several = metrics > 1;
    const window = (0,_period_index_js__WEBPACK_IMPORTED_MODULE_2__/* .labelled */ .wW)(m.period) ? `, per${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}${m.period.window}` : "";
    const budgetHeader = `entry budget${runLimits.size > 0 ? ` (${[...runLimits].map(([metric, limit]) => q(metric, limit)).join(", ")}${window})` : window}`;
    const budgetCell = (scope) => (byScope.get(scope) ?? [])
        .map((b) => {
        const name = several ? `${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .METRIC_LABEL */ .SM[b.metric]}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}` : "";
        if (b.key === "entry.budget.increase_pct")
            return `Δ${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}${pct(b.value)} of${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}+${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatInput */ .Mc)(b.limit)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}%`;
        // A line may break before "of", never inside a figure; a one-off entry is marked on its id.
        const own = b.key.startsWith("entry.") ? ` of${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}${q(b.metric, b.limit)}` : "";
        return `${name}${Math.round(b.share * 100)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}%${own}`;
    })
        .join("<br>") || "–";
    // Seven columns at most, so that the table fits GitHub's comment column (about 740 px) without scrolling.
    // The change vs base sits under each figure, small: two columns fewer, so the table fits the comment column.
    const change = (text) => (hasBase ? `<br><sub>${text}</sub>` : "");
    const header = ["entry", unit("energy", energy), unit("CO2e", co2e), unit("water", water), ...(runBudgets ? [budgetHeader] : []), "status"];
    const rows = [`| ${header.join(" | ")} |`, `|---|${"---:|".repeat(header.length - 2)}---|`];
    for (const r of shown) {
        const uses = byScope.get(r.id) ?? [];
        const state = !r.head
            ? "removed"
            : uses.some((b) => b.status === "over")
                ? "over"
                : uses.some((b) => b.status === "warn")
                    ? "warn"
                    : r.d?.change === "added" || r.d?.change === "changed"
                        ? r.d.change
                        : "ok";
        // The kind and basis are marked on the id only when they are not the common case (an estimated training run);
        // the accelerator goes under the id, small, rather than in a column of its own.
        const marks = `${r.kind === "inference" ? " (inference)" : ""}${r.oneOff ? " (one-off)" : ""}${r.measured ? " (measured)" : ""}`;
        const accelerator = r.accelerator === "" || r.accelerator === "–" ? "" : `<br><sub>${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(r.accelerator, 120).replace(" × ", `${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}×${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}`)}</sub>`;
        const config = r.config === null ? "" : `<br><sub>${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(r.config, 300)}</sub>`;
        const cells = [
            `${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(r.id)}${marks}${accelerator}${config}`,
            `${r.head ? energy.cell(r.head.energy_kwh) : "–"}${change(r.d ? pct(r.d.energy_pct) : "–")}`,
            `${r.head ? co2e.cell(r.head.co2e_kg) : "–"}${change(r.d ? pct(r.d.co2e_pct) : "–")}`,
            r.head ? water.cell(r.head.water_l) : "–",
            ...(runBudgets ? [budgetCell(r.id)] : []),
            STATE[state],
        ];
        rows.push(`| ${cells.join(" | ")} |`);
    }
    if (shown.length < all.length) {
        rows.push(`| … ${all.length - shown.length} more entries (smaller changes) in ${options.elsewhere ?? "the full report"} |${" |".repeat(header.length - 1)}`);
    }
    const d = m.delta;
    const total = (0,_period_index_js__WEBPACK_IMPORTED_MODULE_2__/* .labelled */ .wW)(m.period) ? `**total ${m.period.label}**` : "**total**";
    const totalCells = [
        baseTotals ? `${total}<br><sub>base ${energy.cell(baseTotals.energy_kwh)}${energy.unit ? `${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}${energy.unit}` : ""}</sub>` : total,
        `**${energy.cell(t.energy_kwh)}**${change(`**${pct(d?.energy_pct ?? null)}**`)}`,
        `**${co2e.cell(t.co2e_kg)}**${change(`**${pct(d?.co2e_pct ?? null)}**`)}`,
        `**${water.cell(t.water_l)}**`,
        ...(runBudgets ? [""] : []),
        STATUS[m.verdict],
    ];
    rows.push(`| ${totalCells.join(" | ")} |`);
    const totals = byScope.get("total") ?? [];
    if (totals.length > 0) {
        const mark = { ok: "✅", warn: "⚠️", over: "❌" };
        rows.push("", `Budgets: ${totals.map((b) => `${mark[b.status]}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}${(0,_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBudgetUse */ .EK)(b, _format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK)}`).join(" · ")}`);
    }
    const oneOff = m.period?.one_off;
    if (oneOff) {
        rows.push("", `One-off training, in the total once: ${q("energy_kwh", oneOff.energy_kwh)} energy, ${q("co2e_kg", oneOff.co2e_kg)} CO2e.`);
    }
    // Figures the manifest did not state: the hours compute derives, the period a service is assumed to run.
    const notes = [];
    for (const r of m.runs) {
        if (notes.length >= limit)
            break;
        for (const n of (0,_entry_js__WEBPACK_IMPORTED_MODULE_5__/* .entryNotes */ .yu)(m, r))
            notes.push(`- ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(r.id)}: ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(n, 300)}`);
        // An inference entry's cost per request, its change first: what a serving team looks for.
        if (r.per_request?.energy_wh != null) {
            const d = deltas.get(r.id);
            const cheaper = d ? (0,_entry_js__WEBPACK_IMPORTED_MODULE_5__/* .perRequestChange */ .ZI)(d) : null;
            notes.push(`- ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(r.id)}: ${cheaper ? `**${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(cheaper, 200)}**; ` : ""}${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)((0,_entry_js__WEBPACK_IMPORTED_MODULE_5__/* .perRequestSummary */ .zm)(r), 400)}`);
        }
    }
    if (notes.length > 0)
        (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(rows, ["", ...notes.slice(0, limit)]);
    if (t.market_based_co2e_kg !== undefined) {
        rows.push("", `Market-based CO2e: ${q("co2e_kg", t.market_based_co2e_kg)} (location-based ${q("co2e_kg", t.co2e_kg)}, GHG Protocol Scope 2 dual reporting)`);
    }
    return rows;
}
/**
 * What added or changed entries could save: the provider's cleanest region and the levers computed from the entry's
 * own figures, largest first, three lines at most; then the levers that only have published ranges, in one line.
 */
function adviceList(m) {
    // Advice on entries the change leaves alone was given before; without a base every entry is new.
    const touched = m.delta ? new Set(m.delta.runs.filter((d) => d.change === "added" || d.change === "changed").map((d) => d.id)) : null;
    const isTouched = (id) => !touched || touched.has(id);
    const items = [
        ...m.advice.filter((a) => isTouched(a.id)).map((a) => ({ saving: a.saving_co2e_kg, line: regionLine(a) })),
        ...(0,_entry_js__WEBPACK_IMPORTED_MODULE_5__/* .entrySavings */ .Yu)(m, isTouched).map((s) => ({ saving: s.co2e_kg, line: leverLine(s) })),
    ].sort((a, b) => b.saving - a.saving);
    const ranges = m.levers.filter((l) => l.saving_co2e_kg === null && l.range_pct && l.ids.some(isTouched));
    if (items.length === 0 && ranges.length === 0)
        return [];
    const shown = items.slice(0, ADVICE_LINES).map((i) => i.line);
    if (items.length > shown.length)
        shown.push(`- … ${items.length - shown.length} more in the JSON report`);
    if (ranges.length > 0) {
        const parts = ranges.map((l) => `${LEVER_TEXT[l.lever]} (${rangeText(l.range_pct)})`);
        shown.push(`- inference entries, depending on the model (published ranges of the energy saving, never assumed): ${parts.join("; ")}`);
    }
    const title = items.length > 0
        ? `💡 Advice (never fails the gate): up to ${q("co2e_kg", items[0].saving)} CO2e less`
        : "💡 Advice (never fails the gate): efficiency levers";
    if (shown.length === 1)
        return [`${title}:`, "", ...shown, ""];
    return [`<details><summary>${title}</summary>`, "", ...shown, "", "</details>", ""];
}
function regionLine(a) {
    return `- ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(a.id)}: ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(a.to)} (${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(a.to_intensity)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}g/kWh) instead of ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(a.from)} (${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(a.from_intensity)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}g/kWh) saves ${q("co2e_kg", a.saving_co2e_kg)} CO2e (${pct(-a.saving_pct)}), if the accelerator is offered there`;
}
/** What each lever is, and the conditions its figure holds under. */
const LEVER_TEXT = {
    "fp8-training": `FP8 training (${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)("precision: fp8")}): about ${_advice_levers_js__WEBPACK_IMPORTED_MODULE_0__/* .FP8_SPEEDUP */ .aG}× faster end to end for dense models of 8B parameters and up`,
    "serving-utilization": `a fleet kept busy at utilization ${_advice_levers_js__WEBPACK_IMPORTED_MODULE_0__/* .BUSY_UTILIZATION */ .Fb} (production LLM serving) needs fewer accelerator-hours for the same work`,
    "quantized-serving": "quantized weights (FP8 W8A8): a saving only when serving is compute-bound (batched, about 7B parameters and up); weight-only INT8 at batch 1 costs more energy",
    batching: "batching requests: depends on today's batch size, which the entry does not state",
    sparsity: "2:4 structured sparsity: needs retraining (about 13B tokens for an 8B model) and costs some accuracy",
    distillation: "a distilled smaller model: needs a distillation run and a model that meets the quality bar",
};
/** A lever computed from the entry's own figures. */
function leverLine(s) {
    const l = s.lever;
    const saving = `${q("co2e_kg", s.co2e_kg)} CO2e (${pct(-s.pct)})`;
    if (l.lever === "serving-utilization")
        return `- ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(s.id)}: ${LEVER_TEXT[l.lever]}: ${saving} of embodied carbon; its energy is the same, as the estimate counts no idle power`;
    const energy = s.energy_kwh ? `${q("energy_kwh", s.energy_kwh)} energy, ` : "";
    return `- ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(s.id)}: ${LEVER_TEXT[l.lever]}: saves ${energy}${saving}${l.range_pct ? `; published ${rangeText(l.range_pct)}` : ""}`;
}
/** "9.1 to 33.3 % less energy", "−40 to +33 % energy" (a range that can cost more). */
function rangeText([lo, hi]) {
    if (lo >= 0)
        return `${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(lo)} to ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(hi)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}% less energy`;
    return `${pct(-hi)} to ${pct(-lo)} energy`;
}
const ADVICE_LINES = 3;
/** Bars shown in the chart; smaller entries are summed up as "others" so that 20+ entries stay readable. */
const CHART_TOP = 10;
/**
 * A Mermaid bar chart of energy per entry, y from 0. xychart-beta draws a second bar series on top of the first
 * at the same position, not beside it; so base and head get a category each ("id · base", "id · head"), each
 * series holding zeros at the other's places: two colours side by side, labelled, and no line across entries.
 */
function energyChart(m) {
    const baseById = new Map((m.base?.runs ?? []).map((r) => [r.id, r.energy_kwh]));
    const entries = [
        ...m.runs.map((r) => ({ id: r.id, head: r.energy_kwh, base: baseById.get(r.id) ?? 0 })),
        ...(m.delta?.runs ?? []).flatMap((d) => (d.change === "removed" && d.base ? [{ id: d.id, head: 0, base: d.base.energy_kwh }] : [])),
    ];
    if (entries.length === 0)
        return [];
    const size = (e) => Math.max(e.head, e.base);
    let shown = entries;
    if (entries.length > CHART_TOP + 1) {
        const sorted = [...entries].sort((a, b) => size(b) - size(a));
        const rest = sorted.slice(CHART_TOP);
        const sum = (k) => rest.reduce((s, e) => s + e[k], 0);
        shown = [...sorted.slice(0, CHART_TOP), { id: `others (${rest.length})`, head: sum("head"), base: sum("base") }];
    }
    const max = (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .largest */ .nQ)(shown.map(size));
    const [factor, unit] = max >= 1e6 ? [1e6, "GWh"] : max >= 1e3 ? [1e3, "MWh"] : [1, "kWh"];
    const scaled = (x) => Number((x / factor).toPrecision(3));
    const top = Number(((max / factor) * 1.05).toPrecision(2)) || 1;
    const series = (xs) => `[${xs.map(scaled).join(", ")}]`;
    // Entry ids are limited to letters, digits and . _ - / (the manifest schema), so quoting is enough.
    const label = (s) => JSON.stringify(s);
    const compared = m.base !== null;
    const categories = compared ? shown.flatMap((e) => [label(`${e.id} · base`), label(`${e.id} · head`)]) : shown.map((e) => label(e.id));
    return [
        `<details><summary>Energy per entry${compared ? ", base and head side by side" : ""}</summary>`,
        "",
        "```mermaid",
        "xychart-beta",
        `  title "Energy per entry (${unit})${compared ? ": base, then head" : ""}"`,
        `  x-axis [${categories.join(", ")}]`,
        `  y-axis "${unit}" 0 --> ${top}`,
        ...(compared
            ? [`  bar ${series(shown.flatMap((e) => [e.base, 0]))}`, `  bar ${series(shown.flatMap((e) => [0, e.head]))}`]
            : [`  bar ${series(shown.map((e) => e.head))}`]),
        "```",
        "",
        "</details>",
        "",
    ];
}
/** How good the plans were: measured runs next to their estimate. */
function measuredTable(m) {
    const measured = m.runs.filter((r) => r.planned);
    if (measured.length === 0)
        return [];
    return [
        `<details><summary>Measured vs planned: ${measured.length} ${measured.length === 1 ? "entry" : "entries"}</summary>`,
        "",
        "| entry | measured energy | planned energy | drift | measured CO2e | planned CO2e |",
        "|---|---:|---:|---:|---:|---:|",
        ...measured.map((r) => `| ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(r.id)} | ${q("energy_kwh", r.energy_kwh)} | ${q("energy_kwh", r.planned.energy_kwh)} | ${pct(r.planned.drift_energy_pct)} | ${q("co2e_kg", r.co2e_kg)} | ${q("co2e_kg", r.planned.co2e_kg)} |`),
        "",
        "</details>",
        "",
    ];
}
const EXPOSURE_BASIS = {
    "differential-privacy": "(ε, δ)-DP bound",
    declared: "declared",
    "no-anonymization": "not anonymized",
    "unknown-under-cap": "undeclared (counts as 1 under the cap)",
    unknown: "unknown",
};
/** Privacy exposure R = p × D per dataset. */
function privacyTable(m) {
    if (m.datasets.length === 0)
        return [];
    const fmt = (v) => (v === null ? "?" : (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(v));
    const total = m.privacy
        ? `${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(m.privacy.expected_exposed_records)} expected exposed records${m.privacy.unknown_datasets ? ` (+ ${m.privacy.unknown_datasets} dataset(s) with unknown exposure)` : ""}`
        : `${m.datasets.length} dataset(s)`;
    return [
        `<details><summary>Privacy exposure (R = p × D): ${total}</summary>`,
        "",
        "| dataset | records D | p | basis | R |",
        "|---|---:|---:|---|---:|",
        ...m.datasets.map((d) => `| ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(d.id)} | ${fmt(d.exposure.records)} | ${fmt(d.exposure.p)} | ${EXPOSURE_BASIS[d.exposure.basis]} | ${fmt(d.exposure.expected_exposed_records)} |`),
        "",
        "</details>",
        "",
    ];
}
function modelCardLine(m) {
    return [m.model_card, ...m.model_cards].flatMap((c) => (c ? cardLine(c, m.model_cards.length > 0) : []));
}
/** One card's disclosure against its entries' estimate; `named`: several cards, so each names its entries. */
function cardLine(c, named) {
    const entries = named && c.entries.length > 0
        ? ` (${c.entries
            .slice(0, ENTRIES_NAMED)
            .map((id) => (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(id))
            .join(", ")}${c.entries.length > ENTRIES_NAMED ? `, +${c.entries.length - ENTRIES_NAMED}` : ""})`
        : "";
    const disclosed = c.disclosure === "none"
        ? "has no co2_eq_emissions"
        : c.disclosure === "unreadable"
            ? "has a co2_eq_emissions that is not a number of grams"
            : `discloses ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(c.disclosed_g)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}g CO2e`;
    const diff = c.difference_pct === null ? "" : ` (${pct(c.difference_pct)} vs the operational estimate of ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(c.estimated_g)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}g)`;
    return [
        `Model card ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(c.path)}${entries} ${disclosed}${diff}; embodied carbon of the training hardware, reported beside it and not in the card's figure: ${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)(c.embodied_g)}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}g.`,
        "",
    ];
}
/** Entries named in an assumption row; "all" when every entry shares it. */
const ENTRIES_NAMED = 5;
/**
 * The inputs behind the figures, each distinct one once, pointing at numbered notes that hold each source's full
 * text once (a source is often shared by every entry: repeating it was most of the comment).
 */
function assumptions(m) {
    if (m.runs.length === 0)
        return [];
    const users = new Map();
    for (const r of m.runs)
        for (const i of r.assumptions)
            (users.get(i) ?? users.set(i, []).get(i)).push(r.id);
    // The advice's figures are sourced like any default, listed with the entries they are about.
    for (const l of m.levers)
        for (const i of l.assumptions)
            (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(users.get(i) ?? users.set(i, []).get(i), l.ids);
    // Notes are numbered in order of first use.
    const noteOf = new Map();
    const rows = [];
    for (const [i, ids] of users) {
        const a = m.assumptions[i];
        let note = noteOf.get(a.source);
        if (note === undefined)
            noteOf.set(a.source, (note = noteOf.size + 1));
        const value = typeof a.value === "number" ? `${(0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatInput */ .Mc)(a.value)}${a.unit ? `${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(a.unit, 40)}` : ""}` : (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(a.value, 200);
        const named = ids
            .slice(0, ENTRIES_NAMED)
            .map((id) => (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(id))
            .join(", ");
        const entries = ids.length === m.runs.length && m.runs.length > 1 ? "all" : `${named}${ids.length > ENTRIES_NAMED ? `, +${ids.length - ENTRIES_NAMED}` : ""}`;
        rows.push(`| ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(a.name, 60)} | ${value} | ${entries} | [${note}] |`);
    }
    const notes = [];
    for (const [source, n] of noteOf) {
        const s = m.sources[source];
        // The full text: sources are capped when the report is built (TEXT_LIMITS.source), never here.
        notes.push(`${n}. ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(s.source, _report_js__WEBPACK_IMPORTED_MODULE_3__/* .TEXT_LIMITS */ .Pc.source + 1)}${s.year === null ? "" : ` (${s.year})`}`);
    }
    return [
        `<details><summary>Assumptions: ${rows.length} inputs, ${notes.length} sources</summary>`,
        "",
        "| input | value | entries | source |",
        "|---|---:|---|---|",
        ...rows,
        "",
        ...notes,
        "",
        "</details>",
        "",
    ];
}
/** The Hugging Face `co2_eq_emissions` block (grams) for the training entries: one per card where entries name their own. */
function modelCardBlock(m) {
    if (!m.runs.some((r) => r.kind === "training"))
        return [];
    if (m.model_cards.length === 0)
        return cardBlock(m.runs, m.model_card, "the model card");
    const out = [];
    for (const card of [m.model_card, ...m.model_cards]) {
        if (card === null || card.entries.length === 0)
            continue;
        const ids = new Set(card.entries);
        (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .append */ .BC)(out, cardBlock(m.runs.filter((r) => ids.has(r.id)), card, 
        // The summary is an HTML block, where Markdown escapes would show as backslashes.
        `<code>${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeHtmlBlock */ .o9)(card.path, 100)}</code>`));
    }
    return out;
}
function cardBlock(runs, card, name) {
    // Inside a code fence nothing renders, and every line starts with a key, so nothing can close the fence.
    const kept = card ? Object.fromEntries(Object.entries(card.kept).map(([k, v]) => [k, (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .plainText */ .wh)(v)])) : undefined;
    const yaml = (0,_co2_block_js__WEBPACK_IMPORTED_MODULE_4__.co2BlockYaml)((0,_co2_block_js__WEBPACK_IMPORTED_MODULE_4__.suggestedCo2Block)(runs, kept));
    const embodied = (0,_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .formatNumber */ .ZV)((0,_co2_block_js__WEBPACK_IMPORTED_MODULE_4__/* .trainingGrams */ .L)(runs).embodied_g);
    return [
        `<details><summary>Suggested <code>co2_eq_emissions</code> for ${name} (operational training CO2e; embodied ${embodied}${_format_units_js__WEBPACK_IMPORTED_MODULE_7__/* .NBSP */ .MK}g reported beside it)</summary>`,
        "",
        "```yaml",
        yaml,
        "```",
        "",
        "</details>",
        "",
    ];
}
// A link only to a plain http(s) address: nothing in it can end the Markdown link or start another.
const PLAIN_URL = /^https?:\/\/[^\s()<>[\]"'`\\]+$/;
const SHA = /^[0-9a-f]{40}$/;
/** "base abc1234 → head def5678 · workflow run · how the figures are made", with what the caller knows. */
function footerLine(footer = {}) {
    const commit = (s) => (0,_format_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .code */ .aY)(SHA.test(s) ? s.slice(0, 7) : s, 60);
    const parts = [];
    if (footer.baseSha && footer.headSha)
        parts.push(`base ${commit(footer.baseSha)} → head ${commit(footer.headSha)}`);
    else if (footer.headSha)
        parts.push(`head ${commit(footer.headSha)}`);
    if (footer.runUrl && PLAIN_URL.test(footer.runUrl))
        parts.push(`[${footer.runLabel ?? "workflow run"}](${footer.runUrl})`);
    const docs = footer.docsUrl && PLAIN_URL.test(footer.docsUrl) ? `[footprint-gate](${footer.docsUrl})` : "footprint-gate";
    parts.push(`estimated by ${docs}; every figure has its source in the assumptions`);
    return `<sub>${parts.join(" · ")}</sub>`;
}


/***/ })

};
;