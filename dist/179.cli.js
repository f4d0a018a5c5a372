"use strict";
exports.id = 179;
exports.ids = [179,843,560];
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

/***/ 560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_MODEL_CARD_BYTES: () => (/* binding */ MAX_MODEL_CARD_BYTES),
/* harmony export */   normaliseHeading: () => (/* binding */ normaliseHeading),
/* harmony export */   parseModelCard: () => (/* binding */ parseModelCard),
/* harmony export */   quoter: () => (/* binding */ quoter),
/* harmony export */   writeCo2Block: () => (/* binding */ writeCo2Block)
/* harmony export */ });
/* unused harmony exports gramsOf, MAX_MARKDOWN_NESTING, MAX_CONTAINERS, MAX_LAZY_LINES */
/* harmony import */ var mdast_util_from_markdown__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8353);
/* harmony import */ var mdast_util_gfm__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8595);
/* harmony import */ var mdast_util_to_string__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1869);
/* harmony import */ var micromark_extension_gfm__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2297);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _co2_block_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9843);
// Hugging Face model cards: YAML front matter + Markdown. We read the `co2_eq_emissions` disclosure (grams, as a
// bare number or an object) and the section headings, and can rewrite that one block leaving every other byte alone.






/** A card is read whole and parsed as Markdown: larger ones are refused, like a manifest over its 1 MiB. */
const MAX_MODEL_CARD_BYTES = 1024 * 1024;
const UNITS = {
    g: 1,
    gram: 1,
    grams: 1,
    kg: 1e3,
    kgs: 1e3,
    kilograms: 1e3,
    t: 1e6,
    ton: 1e6,
    tons: 1e6,
    tonne: 1e6,
    tonnes: 1e6,
    mt: 1e12,
};
/** "17g", "1.2 kg", "1,234.5", 17 → grams; null when no figure can be read. */
function gramsOf(value) {
    if (typeof value === "number")
        return Number.isFinite(value) && value >= 0 ? value : null;
    if (typeof value !== "string")
        return null;
    const m = /^\s*([0-9][0-9,]*(?:\.[0-9]+)?(?:e[+-]?\d+)?)\s*([a-z]*)\b/i.exec(value.replace(/co2(?:eq|e)?/i, ""));
    if (!m)
        return null;
    const n = Number(m[1].replace(/,/g, ""));
    const unit = m[2].toLowerCase();
    // "1e400" or "1e300 mt" is no figure: infinity would become null in the JSON report.
    const grams = unit === "" ? n : n * (UNITS[unit] ?? Number.NaN);
    return Number.isFinite(grams) ? grams : null;
}
/** Heading text compared case-insensitively, without Markdown emphasis, links, trailing colons or emoji. */
function normaliseHeading(s) {
    return stripLinks(s)
        .replace(/[*_`~]/g, "")
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim()
        .toLowerCase();
}
/** `[text](url)` → `text`, in one pass: the next `]` and `)` are remembered, so a run of `[` is not rescanned. */
function stripLinks(s) {
    let out = "";
    let from = 0;
    let close = -1; // the first `]` after the current `[`, or s.length when there is none
    let paren = -1; // the first `)` after that `](`, or s.length
    for (let i = s.indexOf("["); i >= 0; i = s.indexOf("[", i + 1)) {
        if (close <= i)
            close = indexOr(s, "]", i + 1);
        if (close >= s.length || s[close + 1] !== "(")
            continue;
        if (paren < close + 2)
            paren = indexOr(s, ")", close + 2);
        if (paren >= s.length)
            continue;
        out += s.slice(from, i) + s.slice(i + 1, close);
        from = paren + 1;
        i = paren;
    }
    return out + s.slice(from);
}
function indexOr(s, c, from) {
    const i = s.indexOf(c, from);
    return i < 0 ? s.length : i;
}
const FRONT_MATTER = /^(\ufeff?)---[ \t]*\r?\n/;
function parseModelCard(text) {
    const card = { frontMatter: null, frontMatterLine: 1, problems: [], co2: null, co2Line: null, headings: [], doc: null, quoting: null };
    if (text.length > MAX_MODEL_CARD_BYTES || Buffer.byteLength(text, "utf8") > MAX_MODEL_CARD_BYTES) {
        card.problems.push(`the card is larger than ${MAX_MODEL_CARD_BYTES} bytes and was not read`);
        return card;
    }
    let body = text;
    const open = FRONT_MATTER.exec(text);
    if (open) {
        const start = open[0].length;
        const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
        const rest = text.slice(start);
        const m = close.exec(rest);
        if (!m)
            card.problems.push("the front matter has no closing `---` line");
        else {
            const end = start + m.index;
            card.frontMatter = { start, end };
            card.frontMatterLine = 2;
            body = text.slice(end + m[0].length);
            readFrontMatter(text.slice(start, end), card);
        }
    }
    else
        card.problems.push("the card has no YAML front matter (`---` … `---` at the top)");
    card.headings = headings(body, card.problems);
    return card;
}
function readFrontMatter(yamlText, card) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        card.problems.push(`the front matter is not valid YAML (line ${lines.linePos(e.pos[0]).line + 1}: ${e.message.split("\n")[0]})`);
        return;
    }
    card.doc = doc;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents)) {
        if (doc.contents !== null)
            card.problems.push("the front matter is not a YAML mapping");
        return;
    }
    const pair = doc.contents.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && p.key.value === "co2_eq_emissions");
    card.quoting = quotingOf(doc, pair?.value);
    if (!pair)
        return;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.range)
        card.co2Line = lines.linePos(pair.key.range[0]).line + 1;
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 10 });
    }
    catch {
        card.problems.push("the front matter uses too many YAML aliases");
        return;
    }
    const co2 = value.co2_eq_emissions;
    const text = (v) => (typeof v === "string" ? v : undefined);
    if (co2 !== null && typeof co2 === "object" && !Array.isArray(co2)) {
        const o = co2;
        card.co2 = {
            grams: gramsOf(o.emissions),
            raw: JSON.stringify(o.emissions ?? null),
            source: text(o.source),
            training_type: text(o.training_type),
            geographical_location: text(o.geographical_location),
            hardware_used: text(o.hardware_used),
        };
    }
    else
        card.co2 = { grams: gramsOf(co2), raw: JSON.stringify(co2 ?? null) };
}
const STYLE = { PLAIN: "plain", QUOTE_SINGLE: "single", QUOTE_DOUBLE: "double" };
/** The quoting of the co2_eq_emissions block's own strings, else the most used among the front matter's string values. */
function quotingOf(doc, co2) {
    const count = (node) => {
        const seen = new Map();
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(node, {
            Pair(_, pair) {
                const v = pair.value;
                // Values only (keys are bare by convention); strings that plain style could not hold as strings say nothing.
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v) && typeof v.value === "string" && v.type && STYLE[v.type] && !(v.type !== "PLAIN" && !plainSafe(v.value))) {
                    seen.set(STYLE[v.type], (seen.get(STYLE[v.type]) ?? 0) + 1);
                }
            },
            Seq(_, seq) {
                for (const v of seq.items) {
                    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v) && typeof v.value === "string" && v.type && STYLE[v.type] && !(v.type !== "PLAIN" && !plainSafe(v.value))) {
                        seen.set(STYLE[v.type], (seen.get(STYLE[v.type]) ?? 0) + 1);
                    }
                }
            },
        });
        return seen;
    };
    const most = (seen) => [...seen.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return (co2 && typeof co2 === "object" ? most(count(co2)) : null) ?? most(count(doc.contents));
}
/** Whether a string reads back as the same string when written bare. */
function plainSafe(value) {
    return !/^["']/.test((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(value, { defaultStringType: "PLAIN", lineWidth: 0 }));
}
// Markdown inline syntax (emphasis, links, code spans…) is where micromark can go super-linear on hostile text, and
// only heading text needs it: the body is parsed for its blocks alone, then each heading's own line(s) in full.
const INLINE = [
    "attention",
    "autolink",
    "characterEscape",
    "characterReference",
    "codeText",
    "emailAutolink",
    "gfmFootnoteCall",
    "gfmPotentialFootnoteCall",
    "hardBreakEscape",
    "htmlText",
    "labelEnd",
    "labelStartImage",
    "labelStartLink",
    "protocolAutolink",
    "strikethrough",
    "wwwAutolink",
];
/** Longer heading text is read as written (normaliseHeading still drops its link and emphasis marks). */
const MAX_HEADING_MARKDOWN = 256;
/** Block quotes and lists nested deeper than this cost micromark time quadratic in the depth on every line. */
const MAX_MARKDOWN_NESTING = 32;
/** Block quotes and list items over the whole card: micromark's time grows with the square of their number. */
const MAX_CONTAINERS = 2000;
/** A quoted or listed paragraph continued on unmarked ("lazy") lines costs micromark time quadratic in their number. */
const MAX_LAZY_LINES = 100;
/**
 * The card's section headings (ATX and setext, levels 1–6) as plain text, links as their text and emphasis dropped.
 * CommonMark + GFM decide what is a heading, so fenced or indented code and HTML blocks (comments) hold none; headings
 * nested in block quotes or list items are not sections of the card.
 */
function headings(body, problems) {
    const shape = containers(body);
    if (shape.depth > MAX_MARKDOWN_NESTING) {
        problems.push(`the card nests block quotes or lists more than ${MAX_MARKDOWN_NESTING} deep; its headings were not read`);
        return [];
    }
    if (shape.containers > MAX_CONTAINERS) {
        problems.push(`the card has more than ${MAX_CONTAINERS} block quotes and list items; its headings were not read`);
        return [];
    }
    if (shape.lazy > MAX_LAZY_LINES) {
        problems.push(`the card continues a quoted or listed paragraph on more than ${MAX_LAZY_LINES} lines without \`>\` or indentation; its headings were not read`);
        return [];
    }
    const out = [];
    try {
        const blocks = (0,mdast_util_from_markdown__WEBPACK_IMPORTED_MODULE_2__/* .fromMarkdown */ .Y)(body, { extensions: [(0,micromark_extension_gfm__WEBPACK_IMPORTED_MODULE_3__/* .gfm */ .T)(), { disable: { null: INLINE } }], mdastExtensions: [(0,mdast_util_gfm__WEBPACK_IMPORTED_MODULE_4__/* .gfmFromMarkdown */ .C)()] });
        for (const node of blocks.children) {
            if (node.type !== "heading")
                continue;
            const source = body.slice(node.position.start.offset, node.position.end.offset);
            const text = source.length > MAX_HEADING_MARKDOWN ? node : (0,mdast_util_from_markdown__WEBPACK_IMPORTED_MODULE_2__/* .fromMarkdown */ .Y)(source, { extensions: [(0,micromark_extension_gfm__WEBPACK_IMPORTED_MODULE_3__/* .gfm */ .T)()], mdastExtensions: [(0,mdast_util_gfm__WEBPACK_IMPORTED_MODULE_4__/* .gfmFromMarkdown */ .C)()] });
            out.push((0,mdast_util_to_string__WEBPACK_IMPORTED_MODULE_5__/* .toString */ .d)(text, { includeHtml: false }).trim());
        }
    }
    catch {
        // A shape the nesting bound does not foresee (the parser recurses): a finding, never a crash.
        problems.push("the card's Markdown could not be read; its headings were not read");
        return [];
    }
    return out;
}
/**
 * In one pass: the deepest run of container marks (`>`, list bullets and numbers, indentation by eights) starting a
 * line, how many block quotes and list items open, and the longest run of lines that may continue a quoted or listed paragraph lazily (a line without `>` after a
 * quoted one, or indented less than two columns after a listed one, with no blank line between).
 */
function containers(body) {
    let deepest = 0;
    let opened = 0;
    let quotesBefore = 0; // `>` marks on the line before: a quote continued is not a new one
    let longest = 0;
    let open = null; // the container a paragraph may be continuing
    let lazy = 0;
    let i = 0;
    while (i < body.length) {
        let depth = 0;
        let columns = 0;
        let quotes = 0;
        for (; i < body.length; i++) {
            const c = body[i];
            if (c === " ")
                columns++;
            else if (c === "\t")
                columns += 4;
            else if (c === ">") {
                depth++;
                quotes++;
                if (body[i + 1] === " ")
                    i++; // the blank after a mark is part of it
            }
            else if ((c === "-" || c === "*" || c === "+") && (body[i + 1] === " " || body[i + 1] === "\t")) {
                depth++;
                i++;
            }
            else if (c >= "0" && c <= "9") {
                let j = i;
                while (j < body.length && j - i < 9 && body[j] >= "0" && body[j] <= "9")
                    j++;
                if ((body[j] !== "." && body[j] !== ")") || (body[j + 1] !== " " && body[j + 1] !== "\t"))
                    break;
                depth++;
                i = j + 1;
            }
            else
                break;
        }
        deepest = Math.max(deepest, depth + Math.floor(columns / 8));
        opened += depth - quotes + Math.max(0, quotes - quotesBefore);
        quotesBefore = quotes;
        let next = i;
        while (next < body.length && body[next] !== "\n" && body[next] !== "\r")
            next++;
        const text = body.slice(i, next);
        next += body.startsWith("\r\n", next) ? 2 : 1;
        if (depth > 0) {
            open = quotes > 0 ? "quote" : "list";
            lazy = 0;
        }
        else if (text.trim() === "" || text.startsWith("```") || text.startsWith("~~~") || text.startsWith("#")) {
            // A blank line, a fence or a heading ends the paragraph: nothing after it is lazy.
            open = null;
            lazy = 0;
        }
        else if (open === "quote" || (open === "list" && columns < 2))
            longest = Math.max(longest, ++lazy);
        i = next;
    }
    return { depth: deepest, containers: opened, lazy: longest };
}
/** How a card in `style` writes a string. */
function quoter(style) {
    if (style === "double")
        return JSON.stringify;
    // The yaml library quotes a string that the chosen style cannot hold (a leading quote, ": ", a number-like text…).
    const type = style === "plain" ? "PLAIN" : "QUOTE_SINGLE";
    return (s) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(s, { defaultStringType: type, defaultKeyType: "PLAIN", lineWidth: 0 }).replace(/\n$/, "");
}
/**
 * The card with its `co2_eq_emissions` block replaced (or added), every other byte unchanged.
 * Throws when the card's front matter cannot be edited safely.
 */
function writeCo2Block(text, block) {
    const card = parseModelCard(text);
    const yamlBlock = (0,_co2_block_js__WEBPACK_IMPORTED_MODULE_1__.co2BlockYaml)(block, quoter(card.quoting ?? "double"));
    if (!card.frontMatter) {
        if (FRONT_MATTER.test(text))
            throw new Error(card.problems[0] ?? "the front matter cannot be read");
        const bom = text.startsWith("\ufeff") ? "\ufeff" : "";
        const eol = text.includes("\r\n") ? "\r\n" : "\n";
        return `${bom}---${eol}${yamlBlock.split("\n").join(eol)}${eol}---${eol}${text.slice(bom.length)}`;
    }
    const { start, end } = card.frontMatter;
    const fm = text.slice(start, end);
    const eol = fm.includes("\r\n") || (fm === "" && text.includes("\r\n")) ? "\r\n" : "\n";
    const contents = card.doc?.contents;
    if (!card.doc || (contents !== null && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(contents)))
        throw new Error(card.problems[0] ?? "the front matter is not a YAML mapping");
    const pair = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(contents) ? contents.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && p.key.value === "co2_eq_emissions") : undefined;
    if (!pair) {
        // Appended after whatever the front matter holds (keys, comments), which stays as it is.
        const sep = fm === "" || fm.endsWith("\n") ? "" : eol;
        return text.slice(0, end) + sep + yamlBlock.split("\n").join(eol) + eol + text.slice(end);
    }
    const keyStart = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.range[0] : 0;
    const value = pair.value;
    const keyLineEnd = fm.indexOf("\n", keyStart) < 0 ? fm.length : fm.indexOf("\n", keyStart);
    // A comment on the key's line (`co2_eq_emissions: 5  # grams`) is kept there, so a second write changes nothing.
    const keyLine = fm.slice(keyStart, keyLineEnd);
    const comment = lineComment(keyLine);
    const keep = comment ? keyLine.slice(comment.start, comment.end) : "";
    // range[1] ends the value itself; comments and blank lines after it stay where they are.
    let valueEnd = value?.range ? value.range[1] : keyLineEnd;
    while (valueEnd > keyStart && /\s/.test(fm[valueEnd - 1]))
        valueEnd--;
    const replaceEnd = Math.max(valueEnd, keep ? keyLineEnd - (fm[keyLineEnd - 1] === "\r" ? 1 : 0) : valueEnd);
    const [first, ...rest] = yamlBlock.split("\n");
    return text.slice(0, start + keyStart) + [first + keep, ...rest].join(eol) + text.slice(start + replaceEnd);
}
/** Where a YAML comment (blanks, `#`, the rest of the line) sits on a line, quoted strings skipped; linear in the line. */
function lineComment(line) {
    const n = line.length;
    // closeDq[p]: the quote closing a double-quoted string whose text starts at p (`\x` escapes one character), or -1.
    const closeDq = new Int32Array(n + 2).fill(-1);
    for (let p = n - 1; p >= 0; p--) {
        const c = line[p];
        if (c === '"')
            closeDq[p] = p;
        else if (c !== "\\")
            closeDq[p] = closeDq[p + 1];
        else if (p + 1 < n && !"\r\n\u2028\u2029".includes(line[p + 1]))
            closeDq[p] = closeDq[p + 2];
    }
    let sq = -1; // the first `'` after the current one, or n
    let blanks = -1; // where the current run of blanks starts
    for (let i = 0; i < n; i++) {
        const c = line[i];
        let end = -1;
        if (c === '"')
            end = closeDq[i + 1];
        else if (c === "'") {
            if (sq <= i)
                sq = indexOr(line, "'", i + 1);
            end = sq < n ? sq : -1;
        }
        if (end >= 0) {
            blanks = -1;
            i = end;
        }
        else if (c === " " || c === "\t") {
            if (blanks < 0)
                blanks = i;
        }
        else if (c === "#" && blanks >= 0) {
            let stop = i;
            while (stop < n && line[stop] !== "\r" && line[stop] !== "\n")
                stop++;
            return { start: blanks, end: stop };
        }
        else
            blanks = -1;
    }
    return null;
}


/***/ })

};
;