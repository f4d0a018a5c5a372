"use strict";
exports.id = 495;
exports.ids = [495];
exports.modules = {

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   docsUrl: () => (/* binding */ docsUrl),
/* harmony export */   fitMarkdown: () => (/* binding */ fitMarkdown)
/* harmony export */ });
/* unused harmony exports MARKER, COMMENT_LIMIT, SUMMARY_LIMIT, renderMarkdown, ADVICE_LINES, CHART_TOP, energyChart */
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7562);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(665);
/* harmony import */ var _co2_block_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9843);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8892);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7789);
/* harmony import */ var _units_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3647);
// The PR comment body (also `check --format markdown` and the job summary). The marker comes first, so no
// truncation can lose it; everything taken from a manifest goes through escape.ts.






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
    (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(lines, leadFindings(ms, detail, options));
    if (several) {
        (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(lines, overviewTable(ms, detail, options));
        const unchanged = ms.filter(isUnchanged);
        if (unchanged.length > 0) {
            const names = unchanged.slice(0, 10).map((m) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(m.path));
            lines.push(`${unchanged.length} ${unchanged.length === 1 ? "manifest" : "manifests"} unchanged: ${names.join(", ")}${unchanged.length > names.length ? `, … ${unchanged.length - names.length} more` : ""}`, "");
        }
        // The sections of the manifests a reviewer has to look at; capped like the rows of a table.
        const shown = ms.filter((m) => !isUnchanged(m));
        for (const m of shown.slice(0, ROWS[detail])) {
            lines.push(`### ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(m.path)}${m.project ? ` · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(m.project, 100)}` : ""}`, "", manifestSentence(m), "");
            (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(lines, manifestSection(m, options));
        }
        if (shown.length > ROWS[detail])
            lines.push(`… ${shown.length - ROWS[detail]} more manifests in ${options.elsewhere ?? "the full report"}`, "");
    }
    else
        (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(lines, manifestSection(ms[0], options));
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
const q = (quantity, value) => (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatQuantity */ .VZ)(quantity, value, _units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK);
const pct = (value) => (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPct */ .R8)(value, _units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK);
const delta = (quantity, value) => (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDelta */ .CW)(quantity, value, _units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK);
/** Nothing to review: compared with a base, no entry changed and nothing found. */
function isUnchanged(m) {
    return m.status === "evaluated" && m.delta !== null && m.findings.length === 0 && m.delta.runs.every((d) => d.change === "unchanged");
}
/** One sentence on what changed, in the unit that gates (energy; CO2e too when a CO2e limit exists). */
function manifestSentence(m) {
    const project = m.project ? `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(m.project, 100)}**` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(m.path);
    if (m.status === "unevaluated")
        return `${STATUS.fail}: ${project} cannot be evaluated; fix the problems below.`;
    if (m.status === "removed")
        return `🗑️ ${project} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(m.path)}) is removed by this change: ${delta("energy_kwh", -m.base.totals.energy_kwh)} energy, ${delta("co2e_kg", -m.base.totals.co2e_kg)} CO2e.`;
    const t = m.totals;
    const totals = `${q("co2e_kg", t.co2e_kg)} CO2e, ${q("water_l", t.water_l)} water`;
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
    return `${project}: energy ${q("energy_kwh", m.base.totals.energy_kwh)} → ${q("energy_kwh", t.energy_kwh)} (**${pct(d.energy_pct)}**), ${co2}; ${changes}.`;
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
/** The budget use a budget finding reports, matched by rule, status and (for an entry's limit) the entry id. */
function useOf(f, uses) {
    const status = f.severity === "error" ? "over" : "warn";
    return uses.find((b) => _budget_js__WEBPACK_IMPORTED_MODULE_0__/* .BUDGET_RULES */ .SE[b.key] === f.rule && b.status === status && (b.scope === "total" || f.message.startsWith(`${b.scope}:`)));
}
/** One line on what to do: raise the limit knowingly or shrink the plan. Other rules' messages say it already. */
function budgetFix(key) {
    return `${key === "budget.increase_pct" ? "reduce the change" : "reduce the plan"} or raise ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(key)} in a reviewed change`;
}
function budgetKeyOfRule(rule) {
    return Object.keys(_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .BUDGET_RULES */ .SE).find((k) => _budget_js__WEBPACK_IMPORTED_MODULE_0__/* .BUDGET_RULES */ .SE[k] === rule);
}
// Only a plain relative path becomes a link into the repository: no leading slash, no `.`/`..` segment, no drive.
const REPOSITORY_PATH = /^(?![/\\])(?!.*(?:^|\/)\.{1,2}(?:\/|$))[^\u0000-\u001f\\:]+$/;
function where(f, options) {
    const text = `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(f.file, 200)}:${f.line}`;
    // Parentheses are percent-encoded so that no file name can close the link early.
    return options.lineUrl && REPOSITORY_PATH.test(f.file) ? `[${text}](${options.lineUrl(f).replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"))})` : text;
}
/** A finding as one list item: a budget finding by its value and limit, any other by its message. */
function findingLine(f, m, options, prefix) {
    const icon = SEVERITY[f.severity];
    const b = f.rule.startsWith("budget/") ? useOf(f, m.budget) : undefined;
    if (b) {
        const subject = b.scope === "total" ? "" : `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(b.scope)} `;
        const value = b.key === "budget.increase_pct"
            ? `${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .METRIC_LABEL */ .SM[b.metric]} ${pct(b.value)} vs base`
            : `${b.scope === "total" ? "total " : ""}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .METRIC_LABEL */ .SM[b.metric]} ${q(b.metric, b.value)} (${Math.round(b.share * 100)}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}%)`;
        const limit = b.key === "budget.increase_pct" ? "" : ` (${q(b.metric, b.limit)})`;
        return `- ${icon} ${prefix}${subject}**${value}**, limit ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(`${b.key}: ${String(b.limit)}`)}${limit}: ${budgetFix(b.key)} (${where(f, options)})`;
    }
    const key = budgetKeyOfRule(f.rule);
    const fix = key && f.severity !== "notice" ? `; ${budgetFix(key)}` : "";
    return `- ${icon} ${prefix}${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(f.rule)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(f.message, 500)}${fix} (${where(f, options)})`;
}
/** The errors and warnings of every manifest, first: why the gate fails or warns. */
function leadFindings(ms, detail, options) {
    const limit = FINDINGS[detail];
    const out = [];
    let total = 0;
    for (const m of ms) {
        const prefix = ms.length > 1 ? `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(m.path)}: ` : "";
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
        const name = `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(m.path)}${m.project ? `<br><sub>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(m.project, 100)}</sub>` : ""}`;
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
        (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(out, runsTable(m, detail, options)).push("");
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
        (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(out, section);
    if (detail === "full")
        (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(out, assumptions(m));
    (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(out, modelCardBlock(m));
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
            accelerator: (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .acceleratorCell */ .yO)(r),
            base: baseById.get(r.id) ?? null,
            head: r,
            d,
            weight: Math.abs(d?.energy_kwh ?? r.energy_kwh),
        });
    }
    for (const d of m.delta?.runs ?? []) {
        if (d.change === "removed" && d.base)
            all.push({ id: d.id, kind: d.kind, measured: false, accelerator: "", base: d.base, head: null, d, weight: Math.abs(d.energy_kwh) });
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
    const energy = (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .columnUnit */ .Dl)("energy_kwh", energyValues, _units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK);
    const co2e = (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .columnUnit */ .Dl)("co2e_kg", [t.co2e_kg, ...shown.map((r) => r.head?.co2e_kg ?? 0)], _units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK);
    const water = (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .columnUnit */ .Dl)("water_l", [t.water_l, ...shown.map((r) => r.head?.water_l ?? 0)], _units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK);
    const unit = (name, u) => (u.unit ? `${name} (${u.unit})` : name);
    // Entry budgets get a column of their own; the manifest's total budgets are listed under the table, where a
    // line per limit does not widen every row.
    // Every entry has the same limits (budget.run), so the header states them and a cell gives the share only.
    const runLimits = new Map();
    for (const b of m.budget)
        if (b.scope !== "total")
            runLimits.set(b.metric, b.limit);
    const runBudgets = runLimits.size > 0;
    const several = runLimits.size > 1;
    const budgetHeader = `entry budget (${[...runLimits].map(([metric, limit]) => q(metric, limit)).join(", ")})`;
    const budgetCell = (scope) => (byScope.get(scope) ?? []).map((b) => `${several ? `${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .METRIC_LABEL */ .SM[b.metric]}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}` : ""}${Math.round(b.share * 100)}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}%`).join("<br>") || "–";
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
        const marks = `${r.kind === "inference" ? " (inference)" : ""}${r.measured ? " (measured)" : ""}`;
        const accelerator = r.accelerator === "" || r.accelerator === "–" ? "" : `<br><sub>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(r.accelerator, 120).replace(" × ", `${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}×${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}`)}</sub>`;
        const cells = [
            `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(r.id)}${marks}${accelerator}`,
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
    const totalCells = [
        baseTotals ? `**total**<br><sub>base ${energy.cell(baseTotals.energy_kwh)}${energy.unit ? `${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}${energy.unit}` : ""}</sub>` : "**total**",
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
        rows.push("", `Budgets: ${totals.map((b) => `${mark[b.status]}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}${(0,_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBudgetUse */ .EK)(b, _units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK)}`).join(" · ")}`);
    }
    // Figures the manifest did not state: the hours compute derives, the period a service is assumed to run.
    const notes = [];
    for (const r of m.runs) {
        if (notes.length >= limit)
            break;
        for (const n of (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .entryNotes */ .yu)(m, r))
            notes.push(`- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(r.id)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(n, 300)}`);
        // An inference entry's cost per request, its change first: what a serving team looks for.
        if (r.per_request?.energy_wh != null) {
            const d = deltas.get(r.id);
            const cheaper = d ? (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .perRequestChange */ .ZI)(d) : null;
            notes.push(`- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(r.id)}: ${cheaper ? `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(cheaper, 200)}**; ` : ""}${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)((0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .perRequestSummary */ .zm)(r), 400)}`);
        }
    }
    if (notes.length > 0)
        (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .append */ .BC)(rows, ["", ...notes.slice(0, limit)]);
    if (t.market_based_co2e_kg !== undefined) {
        rows.push("", `Market-based CO2e: ${q("co2e_kg", t.market_based_co2e_kg)} (location-based ${q("co2e_kg", t.co2e_kg)}, GHG Protocol Scope 2 dual reporting)`);
    }
    return rows;
}
/** Where added or changed entries would emit less: the provider's cleanest region. Three lines at most. */
function adviceList(m) {
    // Advice on entries the change leaves alone was given before; without a base every entry is new.
    const touched = m.delta ? new Set(m.delta.runs.filter((d) => d.change === "added" || d.change === "changed").map((d) => d.id)) : null;
    const relevant = m.advice.filter((a) => !touched || touched.has(a.id)).sort((a, b) => b.saving_co2e_kg - a.saving_co2e_kg);
    if (relevant.length === 0)
        return [];
    const shown = relevant.slice(0, ADVICE_LINES);
    const items = shown.map((a) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(a.id)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(a.to)} (${(0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatNumber */ .ZV)(a.to_intensity)}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}g/kWh) instead of ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(a.from)} (${(0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatNumber */ .ZV)(a.from_intensity)}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}g/kWh) saves ${q("co2e_kg", a.saving_co2e_kg)} CO2e (${pct(-a.saving_pct)}), if the accelerator is offered there`);
    if (relevant.length > shown.length)
        items.push(`- … ${relevant.length - shown.length} more in the JSON report`);
    const title = `💡 Advice (never fails the gate): up to ${q("co2e_kg", shown[0].saving_co2e_kg)} CO2e less in a cleaner region`;
    if (items.length === 1)
        return [`${title}:`, "", ...items, ""];
    return [`<details><summary>${title}</summary>`, "", ...items, "", "</details>", ""];
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
    const max = (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .largest */ .nQ)(shown.map(size));
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
        ...measured.map((r) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(r.id)} | ${q("energy_kwh", r.energy_kwh)} | ${q("energy_kwh", r.planned.energy_kwh)} | ${pct(r.planned.drift_energy_pct)} | ${q("co2e_kg", r.co2e_kg)} | ${q("co2e_kg", r.planned.co2e_kg)} |`),
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
    const fmt = (v) => (v === null ? "?" : (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatNumber */ .ZV)(v));
    const total = m.privacy
        ? `${(0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatNumber */ .ZV)(m.privacy.expected_exposed_records)} expected exposed records${m.privacy.unknown_datasets ? ` (+ ${m.privacy.unknown_datasets} dataset(s) with unknown exposure)` : ""}`
        : `${m.datasets.length} dataset(s)`;
    return [
        `<details><summary>Privacy exposure (R = p × D): ${total}</summary>`,
        "",
        "| dataset | records D | p | basis | R |",
        "|---|---:|---:|---|---:|",
        ...m.datasets.map((d) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(d.id)} | ${fmt(d.exposure.records)} | ${fmt(d.exposure.p)} | ${EXPOSURE_BASIS[d.exposure.basis]} | ${fmt(d.exposure.expected_exposed_records)} |`),
        "",
        "</details>",
        "",
    ];
}
function modelCardLine(m) {
    const c = m.model_card;
    if (!c)
        return [];
    const disclosed = c.disclosure === "none"
        ? "has no co2_eq_emissions"
        : c.disclosure === "unreadable"
            ? "has a co2_eq_emissions that is not a number of grams"
            : `discloses ${(0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatNumber */ .ZV)(c.disclosed_g)}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}g CO2e`;
    const diff = c.difference_pct === null ? "" : ` (${pct(c.difference_pct)} vs the operational estimate of ${(0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatNumber */ .ZV)(c.estimated_g)}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}g)`;
    return [
        `Model card ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(c.path)} ${disclosed}${diff}; embodied carbon of the training hardware, reported beside it and not in the card's figure: ${(0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatNumber */ .ZV)(c.embodied_g)}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}g.`,
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
    // Notes are numbered in order of first use.
    const noteOf = new Map();
    const rows = [];
    for (const [i, ids] of users) {
        const a = m.assumptions[i];
        let note = noteOf.get(a.source);
        if (note === undefined)
            noteOf.set(a.source, (note = noteOf.size + 1));
        const value = typeof a.value === "number" ? `${(0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatInput */ .Mc)(a.value)}${a.unit ? `${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(a.unit, 40)}` : ""}` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(a.value, 200);
        const named = ids
            .slice(0, ENTRIES_NAMED)
            .map((id) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(id))
            .join(", ");
        const entries = ids.length === m.runs.length && m.runs.length > 1 ? "all" : `${named}${ids.length > ENTRIES_NAMED ? `, +${ids.length - ENTRIES_NAMED}` : ""}`;
        rows.push(`| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(a.name, 60)} | ${value} | ${entries} | [${note}] |`);
    }
    const notes = [];
    for (const [source, n] of noteOf) {
        const s = m.sources[source];
        // The full text: sources are capped when the report is built (TEXT_LIMITS.source), never here.
        notes.push(`${n}. ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(s.source, _report_js__WEBPACK_IMPORTED_MODULE_1__/* .TEXT_LIMITS */ .Pc.source + 1)}${s.year === null ? "" : ` (${s.year})`}`);
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
/** The Hugging Face `co2_eq_emissions` block (grams) for the training entries. */
function modelCardBlock(m) {
    if (!m.runs.some((r) => r.kind === "training"))
        return [];
    // Inside a code fence nothing renders, and every line starts with a key, so nothing can close the fence.
    const kept = m.model_card ? Object.fromEntries(Object.entries(m.model_card.kept).map(([k, v]) => [k, (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .plainText */ .wh)(v)])) : undefined;
    const yaml = (0,_co2_block_js__WEBPACK_IMPORTED_MODULE_2__.co2BlockYaml)((0,_co2_block_js__WEBPACK_IMPORTED_MODULE_2__.suggestedCo2Block)(m.runs, kept));
    const embodied = (0,_units_js__WEBPACK_IMPORTED_MODULE_5__/* .formatNumber */ .ZV)((0,_co2_block_js__WEBPACK_IMPORTED_MODULE_2__/* .trainingGrams */ .L)(m.runs).embodied_g);
    return [
        `<details><summary>Suggested <code>co2_eq_emissions</code> for the model card (operational training CO2e; embodied ${embodied}${_units_js__WEBPACK_IMPORTED_MODULE_5__/* .NBSP */ .MK}g reported beside it)</summary>`,
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
    const commit = (s) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(SHA.test(s) ? s.slice(0, 7) : s, 60);
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