"use strict";
exports.id = 421;
exports.ids = [421];
exports.modules = {

/***/ 5421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   historyPage: () => (/* binding */ historyPage)
/* harmony export */ });
/* unused harmony export MAX_SERIES */
/* harmony import */ var _format_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9044);
/* harmony import */ var _format_units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3124);
// The history page (docs/history.md): one self-contained HTML file, no script and nothing fetched, so that it shows
// from Pages, from a raw file or from disk. The tool draws the chart as SVG (energy and CO2e over time, one series
// per manifest, its budget as a dashed line) and puts the same figures in a table beside it, for screen readers and
// copy-paste. Light and dark follow the reader's setting. Every string from a record is escaped.


/** Series drawn; the other manifests are in the table only. */
const MAX_SERIES = 8;
const W = 720;
const H = 250;
const PAD = { left: 70, right: 14, top: 14, bottom: 30 };
function historyPage(records, options) {
    const series = seriesOf(records);
    const project = projectOf(records);
    const title = `${project ? `${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(project, 100)}: ` : ""}footprint over time`;
    const span = records.length === 0
        ? "No runs recorded yet."
        : `${records.length} ${records.length === 1 ? "run" : "runs"} from ${day(records[0].date)} to ${day(records[records.length - 1].date)}; latest verdict ${records[records.length - 1].verdict}.`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${title}</h1><p>${span} Made by footprint-gate ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(options.version, 40)}; every figure is an estimate with its sources in the run's report.</p></header>
<main>
<section class="charts" aria-label="Charts">
${chart(series, "energy_kwh", "Energy")}
${chart(series, "co2e_kg", "CO2e")}
${legend(series, records)}
</section>
<section class="runs" aria-label="Runs">
${table(records)}
</section>
</main>
</body>
</html>
`;
}
function seriesOf(records) {
    const byPath = new Map();
    for (const r of records) {
        const t = Date.parse(r.date);
        for (const m of r.manifests) {
            if (!m.totals)
                continue;
            let s = byPath.get(m.path);
            if (!s)
                byPath.set(m.path, (s = { path: m.path, name: m.project ?? m.path, period: null, points: [], budget: m.budget }));
            s.points.push({ t, energy_kwh: m.totals.energy_kwh, co2e_kg: m.totals.co2e_kg });
            // The budget and the period in force are the latest ones.
            s.budget = m.budget;
            s.period = m.period;
        }
    }
    const last = (s) => s.points[s.points.length - 1].energy_kwh;
    return [...byPath.values()].sort((a, b) => last(b) - last(a)).slice(0, MAX_SERIES);
}
function projectOf(records) {
    const names = new Set(records.flatMap((r) => r.manifests.map((m) => m.project).filter((p) => p !== null)));
    return names.size === 1 ? [...names][0] : null;
}
const day = (iso) => new Date(Date.parse(iso)).toISOString().slice(0, 10);
const minute = (iso) => new Date(Date.parse(iso)).toISOString().slice(0, 16).replace("T", " ");
/** Coordinates to one decimal: enough for a 720-unit view box, and short (1,000 points per line). */
const c = (x) => String(Math.round(x * 10) / 10);
function chart(series, q, label) {
    const budgets = series.map((s) => s.budget[q]).filter((b) => b !== null);
    const values = series.flatMap((s) => s.points.map((p) => p[q]));
    const max = (0,_format_units_js__WEBPACK_IMPORTED_MODULE_1__/* .largest */ .nQ)([...budgets, ...values]) || 1;
    // Three to five gridlines at round figures.
    const step = niceCeiling((max * 1.05) / 4);
    const steps = Math.ceil((max * 1.05) / step);
    const top = step * steps;
    const times = series.flatMap((s) => s.points.map((p) => p.t));
    const t0 = times.length > 0 ? smallest(times) : 0;
    const t1 = times.length > 0 ? (0,_format_units_js__WEBPACK_IMPORTED_MODULE_1__/* .largest */ .nQ)(times) : 1;
    const x = (t) => PAD.left + (t1 === t0 ? (W - PAD.left - PAD.right) / 2 : ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
    const y = (v) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
    const parts = [];
    for (let i = 0; i <= steps; i++) {
        const v = step * i;
        parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${c(y(v))}" y2="${c(y(v))}"/>`);
        parts.push(`<text class="tick" x="${PAD.left - 6}" y="${c(y(v) + 4)}" text-anchor="end">${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)((0,_format_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatQuantity */ .VZ)(q, v))}</text>`);
    }
    if (times.length > 0) {
        const ticks = t1 === t0 ? [t0] : [0, 1, 2, 3].map((i) => t0 + ((t1 - t0) * i) / 3);
        for (const t of ticks) {
            const anchor = t === t0 && ticks.length > 1 ? "start" : t === t1 ? "end" : "middle";
            parts.push(`<text class="tick" x="${c(x(t))}" y="${H - 10}" text-anchor="${anchor}">${new Date(t).toISOString().slice(0, 10)}</text>`);
        }
    }
    series.forEach((s, i) => {
        const limit = s.budget[q];
        if (limit !== null)
            parts.push(`<line class="budget s${i}" x1="${PAD.left}" x2="${W - PAD.right}" y1="${c(y(limit))}" y2="${c(y(limit))}"><title>budget ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)((0,_format_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatQuantity */ .VZ)(q, limit))}</title></line>`);
        const pts = s.points.map((p) => `${c(x(p.t))},${c(y(p[q]))}`).join(" ");
        parts.push(`<polyline class="line s${i}" points="${pts}"/>`);
        const lastPoint = s.points[s.points.length - 1];
        parts.push(`<circle class="dot s${i}" cx="${c(x(lastPoint.t))}" cy="${c(y(lastPoint[q]))}" r="3.5"/>`);
    });
    const latest = series.map((s) => `${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(s.name, 100)} ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)((0,_format_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatQuantity */ .VZ)(q, s.points[s.points.length - 1][q]))}${periodText(s.period, " ")}`);
    const desc = series.length === 0 ? "No runs recorded yet." : `Latest: ${latest.join("; ")}. The table lists every run.`;
    return `<figure>
<svg role="img" viewBox="0 0 ${W} ${H}" aria-labelledby="${q}-title ${q}-desc"><title id="${q}-title">${label} per run</title><desc id="${q}-desc">${desc}</desc>
${parts.join("\n")}
</svg>
<figcaption>${label} per run${series.some((s) => s.budget[q] !== null) ? "; dashed: the budget" : ""}</figcaption>
</figure>`;
}
function legend(series, records) {
    if (series.length === 0)
        return "";
    const all = new Set(records.flatMap((r) => r.manifests.map((m) => m.path)));
    const more = all.size > series.length ? `<li>${all.size - series.length} more manifests in the table's totals</li>` : "";
    const items = series.map((s, i) => `<li><span class="swatch s${i}" aria-hidden="true"></span>${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(s.name, 100)}${periodText(s.period, " <small>", "</small>")} <code>${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(s.path, 200)}</code></li>`);
    return `<ul class="legend">${items.join("")}${more}</ul>`;
}
/** A manifest's period, escaped, between `before` and `after`; nothing when the record has none. */
function periodText(period, before, after = "") {
    return period ? `${before}${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(period, 100)}${after}` : "";
}
function table(records) {
    const rows = [...records].reverse().map((r) => {
        let energy = 0;
        let co2e = 0;
        let missing = 0;
        for (const m of r.manifests) {
            if (!m.totals)
                missing++;
            else {
                energy += m.totals.energy_kwh;
                co2e += m.totals.co2e_kg;
            }
        }
        const note = missing > 0 ? ` <small>(${missing} of ${r.manifests.length} not evaluated)</small>` : "";
        return `<tr><td>${minute(r.date)}</td><td><code>${r.sha.slice(0, 7)}</code></td><td class="v-${r.verdict}">${r.verdict}${note}</td><td class="n">${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)((0,_format_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatQuantity */ .VZ)("energy_kwh", energy))}</td><td class="n">${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)((0,_format_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatQuantity */ .VZ)("co2e_kg", co2e))}</td></tr>`;
    });
    // Totals of manifests with one period are labelled with it; mixed periods are named in the legend.
    const periods = new Set(records.flatMap((r) => r.manifests.flatMap((m) => (m.period ? [m.period] : []))));
    const [only] = periods;
    const caption = `totals of its manifests${periods.size > 1 ? ", each over its period" : only ? `, ${(0,_format_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(only, 100)}` : ""}`;
    return `<table>
<caption>Every run, newest first (${caption})</caption>
<thead><tr><th scope="col">date (UTC)</th><th scope="col">commit</th><th scope="col">verdict</th><th scope="col" class="n">energy</th><th scope="col" class="n">CO2e</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}
/** 1, 2, 2.5 or 5 times a power of ten, at or above `v`: round axis labels. */
function niceCeiling(v) {
    const p = 10 ** Math.floor(Math.log10(v));
    for (const m of [1, 2, 2.5, 5, 10])
        if (m * p >= v)
            return m * p;
    return 10 * p;
}
function smallest(xs) {
    let m = Infinity;
    for (const x of xs)
        if (x < m)
            m = x;
    return m;
}
// Colours with at least 3:1 contrast on both backgrounds (the series) and 4.5:1 for text.
const STYLE = `
:root { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --c0: #0969da; --c1: #bf3989; --c2: #1a7f37; --c3: #9a6700; --c4: #8250df; --c5: #cf222e; --c6: #0a7f8a; --c7: #6e7781; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --c0: #4493f8; --c1: #db61a2; --c2: #3fb950; --c3: #d29922; --c4: #ab7df8; --c5: #f85149; --c6: #39c5cf; --c7: #9198a1; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; }
header { padding: 16px 16px 0; }
h1 { font-size: 1.4em; margin: 0 0 4px; overflow-wrap: anywhere; }
header p { margin: 0; color: var(--muted); }
main { display: grid; grid-template-columns: minmax(0, 1fr); gap: 24px; padding: 16px; }
@media (min-width: 1100px) { main { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } .runs { max-height: calc(100vh - 120px); overflow: auto; } }
figure { margin: 0 0 16px; }
svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9em; }
.grid { stroke: var(--line); stroke-width: 1; }
.tick { fill: var(--muted); font-size: 11px; }
.line { fill: none; stroke-width: 2; stroke-linejoin: round; }
.budget { stroke-width: 1.5; stroke-dasharray: 6 4; }
${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `.s${i} { stroke: var(--c${i}); } .dot.s${i}, .swatch.s${i} { fill: var(--c${i}); background: var(--c${i}); }`).join("\n")}
.legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.legend li { overflow-wrap: anywhere; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.runs { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
th { position: sticky; top: 0; background: var(--bg); }
.n { text-align: right; }
.v-fail { color: var(--c5); } .v-warn { color: var(--c3); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
`;


/***/ })

};
;