"use strict";
exports.id = 86;
exports.ids = [86];
exports.modules = {

/***/ 86:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readDocuments: () => (/* binding */ readDocuments)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1905);
/* harmony import */ var _locator_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9431);
// YAML read by the yaml library (YAML 1.2 core schema, no merge keys): for whatever the fast parser declines, and
// to word every problem of a malformed file with its line and column. Reached only through ./index.ts.



const MAX_ALIASES = 10;
/** Maps a path to a position through the yaml library's document; O(depth) per lookup. */
class DocumentLocator {
    doc;
    lines;
    /** Each mapping's pairs by key (the first of equal keys), built when the mapping is first looked into. */
    pairs = new WeakMap();
    constructor(doc, lines) {
        this.doc = doc;
        this.lines = lines;
    }
    pos(offset) {
        const { line, col } = this.lines.linePos(offset);
        return { line, column: col };
    }
    pair(map, seg) {
        let byKey = this.pairs.get(map);
        if (!byKey) {
            byKey = new Map();
            for (const p of map.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key))
                    continue;
                const k = String(p.key.value);
                if (!byKey.has(k))
                    byKey.set(k, p);
            }
            this.pairs.set(map, byKey);
        }
        return byKey.get(String(seg));
    }
    value(path) {
        let node = this.doc.contents;
        let best = { line: 1, column: 1 };
        for (const seg of path) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) && node.range)
                best = this.pos(node.range[0]);
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
                node = this.pair(node, seg)?.value;
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
                node = typeof seg === "number" ? node.items[seg] : undefined;
            else
                return best;
            if (node === undefined || node === null)
                return best;
        }
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) && node.range ? this.pos(node.range[0]) : best;
    }
    key(path) {
        if (path.length === 0)
            return this.value(path);
        let parent = this.doc.contents;
        for (const seg of path.slice(0, -1)) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent))
                parent = this.pair(parent, seg)?.value;
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(parent))
                parent = typeof seg === "number" ? parent.items[seg] : undefined;
            else
                parent = undefined;
            if (parent === undefined || parent === null)
                break;
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent)) {
            const pair = this.pair(parent, path[path.length - 1]);
            if (pair && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.range)
                return this.pos(pair.key.range[0]);
        }
        return this.value(path);
    }
}
/** The data of each well-formed YAML document with its locator, or the problems of a malformed file. */
function readDocuments(text, limits, invalid) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    let docs;
    const unclosed = [];
    const stackTraceLimit = Error.stackTraceLimit;
    try {
        // Each YAML error is an Error object; without stack traces 100,000 of them cost little.
        Error.stackTraceLimit = 0;
        const parsed = parseWatched(text, lines, unclosed, limits.maxDocuments);
        if (typeof parsed === "number")
            return { findings: [invalid("the YAML is nested too deeply", (0,_locator_js__WEBPACK_IMPORTED_MODULE_2__/* .lineColumn */ .rv)(text)(parsed))], locator: _locator_js__WEBPACK_IMPORTED_MODULE_2__/* .NOWHERE */ .JW };
        docs = parsed;
    }
    catch (err) {
        // The parser can still exhaust the stack on pathological input; that is the author's problem, not a crash.
        return { findings: [invalid(`the YAML cannot be parsed (${err instanceof Error ? err.message : String(err)})`)], locator: _locator_js__WEBPACK_IMPORTED_MODULE_2__/* .NOWHERE */ .JW };
    }
    finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
    const locators = docs.map((doc) => new DocumentLocator(doc, lines));
    const problems = [];
    const opened = openedAt(unclosed);
    const aliases = { count: 0 };
    let shapeProblem;
    let exhausted = false;
    for (let i = 0; i < docs.length && !exhausted; i++) {
        const doc = docs[i];
        let errors = [...doc.errors, ...doc.warnings];
        // Nesting that exhausts the parser produces a cascade of follow-on errors; the first one says it all.
        const exhaustion = errors.find((e) => e.code === "RESOURCE_EXHAUSTION");
        if (exhaustion) {
            errors = [exhaustion];
            exhausted = true;
        }
        const directive = exhausted ? undefined : versionDirective(text, doc, i > 0 ? (docs[i - 1].range?.[2] ?? 0) : 0);
        if (directive) {
            problems.push({
                pos: positionAt(lines, directive.offset),
                message: () => `${limits.name}s are YAML 1.2; remove the %YAML ${directive.version} directive`,
            });
            errors = errors.filter((e) => !(e.code === "BAD_DIRECTIVE" && /YAML version/.test(e.message)));
        }
        for (const e of errors)
            problems.push(yamlProblem(e, text, lines, opened, limits));
        const shape = exhausted ? undefined : checkShape(doc, lines, limits.maxDepth, aliases);
        for (const offset of shape?.duplicates ?? [])
            problems.push({ pos: positionAt(lines, offset), message: () => "duplicate key: each key may appear once in a mapping" });
        shapeProblem ??= shape?.problem;
    }
    if (problems.length > 0)
        return { findings: (0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .firstProblems */ .f)(problems, invalid), locator: locators[0] ?? _locator_js__WEBPACK_IMPORTED_MODULE_2__/* .NOWHERE */ .JW };
    if (shapeProblem)
        return { findings: [invalid(shapeProblem.message, shapeProblem.pos)], locator: locators[0] ?? _locator_js__WEBPACK_IMPORTED_MODULE_2__/* .NOWHERE */ .JW };
    const documents = [];
    for (let i = 0; i < docs.length; i++) {
        let data;
        try {
            // checkShape already limits alias nodes to MAX_ALIASES, which bounds expansion; this is a second fence.
            data = docs[i].toJS({ maxAliasCount: 100 });
        }
        catch (err) {
            return { findings: [invalid(`the YAML cannot be read (${err instanceof Error ? err.message : String(err)})`)], locator: locators[i] };
        }
        const doc = docs[i];
        documents.push({ data, locator: locators[i], line: positionAt(lines, (doc.contents?.range ?? doc.range)?.[0] ?? 0).line });
    }
    return { documents };
}
function positionAt(lines, offset) {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
}
/** A %YAML directive for any version but 1.2: the manifest format is YAML 1.2 (core schema). */
function versionDirective(text, doc, from) {
    if (!doc.directives?.yaml.explicit)
        return undefined;
    // Directives come before the document; comments there start with #, so a line starting %YAML is the directive.
    const head = text.slice(from, doc.range?.[0] ?? 0);
    const m = /^%YAML[ \t]+(\S*)/m.exec(head);
    if (!m || m[1] === "1.2")
        return undefined;
    return { version: (m[1] ?? "").slice(0, 20), offset: from + m.index };
}
/** Flow nesting beyond this is refused: the parser's work on it grows much faster than the text. */
const MAX_FLOW_DEPTH = 1000;
/**
 * The yaml library's parseAllDocuments, with its lexemes watched on the way: returns the offset of the first `[` or
 * `{` nested deeper than MAX_FLOW_DEPTH instead of parsing on, and stops after one document more than `maxDocuments`.
 */
function parseWatched(text, lines, unclosed, maxDocuments) {
    const parser = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .iX(lines.addNewLine);
    const composer = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Composer */ .Dk({
        // Duplicate keys are found by checkShape: the parser's own check is quadratic in the keys of a mapping.
        uniqueKeys: false,
        strict: true,
        version: "1.2",
        // The core schema and no YAML 1.1 tags, whatever a %YAML directive says (a 1.1 directive is refused).
        schema: "core",
        resolveKnownTags: false,
        merge: false,
    });
    let tooDeep;
    function* tokens() {
        lines.addNewLine(0);
        let depth = 0;
        let offset = 0;
        let scalar = false;
        // The `[` and `{` not closed yet; the lexer ends them all at once when a line is indented too little.
        const open = [];
        const endAll = () => {
            for (let i = open.length - 1; i >= 0; i--)
                unclosed.push(open[i]);
            open.length = 0;
        };
        for (const lexeme of new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Lexer */ .JG().lex(text)) {
            // The lexer's markers (document, scalar, flow error end) are single control characters with no source.
            const marker = lexeme.length === 1 && lexeme < " " && lexeme !== "\t" && lexeme !== "\n" && lexeme !== "\r";
            if (scalar)
                scalar = false;
            else if (lexeme === yaml__WEBPACK_IMPORTED_MODULE_0__/* .CST */ .DB.SCALAR)
                scalar = true;
            else if (lexeme === "[" || lexeme === "{") {
                if (++depth > MAX_FLOW_DEPTH) {
                    tooDeep = offset;
                    return;
                }
                open.push({ offset, char: lexeme });
            }
            else if ((lexeme === "]" || lexeme === "}") && depth > 0) {
                depth--;
                // A `]` that ends a `{` (or the reverse) leaves that collection unclosed for the parser too.
                const top = open.pop();
                if (top && top.char !== (lexeme === "]" ? "[" : "{"))
                    unclosed.push(top);
            }
            else if (lexeme === yaml__WEBPACK_IMPORTED_MODULE_0__/* .CST */ .DB.FLOW_END) {
                depth = 0;
                endAll();
            }
            if (!marker)
                offset += lexeme.length;
            yield* parser.next(lexeme);
        }
        endAll();
        yield* parser.end();
    }
    const docs = [];
    for (const next of composer.compose(tokens(), true, text.length)) {
        if (tooDeep !== undefined)
            break;
        if (docs.length < maxDocuments)
            docs.push(next);
        else {
            docs[docs.length - 1].errors.push(new yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLParseError */ .XT([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"));
            break;
        }
    }
    return tooDeep ?? docs;
}
/**
 * The opening of each unclosed flow collection, taken in turn: the parser reports them in document order, inner
 * collections first, which is the order in which they are collected.
 */
function openedAt(unclosed) {
    const next = { "[": 0, "{": 0 };
    return (char) => {
        let i = next[char];
        while (i < unclosed.length && unclosed[i].char !== char)
            i++;
        next[char] = i + 1;
        return unclosed[i];
    };
}
const UNCLOSED_FLOW = /^Flow (map|sequence) (?:in block collection )?must (?:be sufficiently indented and )?end with a [\]}]/;
/** A parser error with its position; the message is made only if it is shown. */
function yamlProblem(e, text, lines, opened, limits) {
    const { code, message } = e;
    const offset = e.pos[0];
    const key = `${code}@${offset}`;
    const here = () => positionAt(lines, offset);
    const flow = (code === "BAD_INDENT" || code === "MISSING_CHAR") && UNCLOSED_FLOW.exec(message);
    if (flow) {
        // Reported where the collection was opened, as the mistake is there or after it, not at the end of the file.
        const [char, close, what] = flow[1] === "map" ? ["{", "}", "mapping"] : ["[", "]", "list"];
        const start = opened(char);
        if (start) {
            return {
                pos: positionAt(lines, start.offset),
                key: `unclosed@${start.offset}`,
                message: () => `this \`${char}\` is never closed: end the flow ${what} with \`${close}\` (a continuation line must be indented deeper than its key)`,
            };
        }
    }
    switch (code) {
        case "DUPLICATE_KEY":
            return { pos: here(), key, message: () => "duplicate key: each key may appear once in a mapping" };
        case "MULTIPLE_DOCS":
            return {
                pos: here(),
                key,
                message: () => limits.maxDocuments === 1
                    ? `the file holds several YAML documents; a ${limits.name} is one document (remove the \`---\` separator)`
                    : `the file holds more than ${limits.maxDocuments} YAML documents`,
            };
        case "RESOURCE_EXHAUSTION":
            return { pos: here(), key, message: () => "the YAML is nested too deeply" };
        case "TAG_RESOLVE_FAILED":
            return {
                pos: here(),
                key,
                message: () => {
                    // Only the core schema's tags are known; YAML 1.1 types (!!binary, !!set, !!timestamp…) and custom tags are not.
                    const tag = (/: (.*)$/.exec(message.split("\n")[0])?.[1] ?? "").replace(/^tag:yaml\.org,2002:/, "!!").slice(0, 100);
                    return `the YAML tag ${tag} is not supported; a ${limits.name} holds plain YAML 1.2 values (write the value without the tag)`;
                },
            };
        case "BLOCK_AS_IMPLICIT_KEY":
        case "MULTILINE_IMPLICIT_KEY": {
            // yaml reports the value above; the mistake is the over-indented line below it.
            const next = /\n[ \t]*(?=[^\s#])/g;
            next.lastIndex = offset;
            const m = next.exec(text);
            const pos = m ? positionAt(lines, m.index + m[0].length) : here();
            return { pos, key, message: () => "this line is indented deeper than the key above it, which already has a value; align it with its sibling keys" };
        }
        default:
            return { pos: here(), key, message: () => `YAML ${code.toLowerCase().replace(/_/g, " ")}: ${message.slice(0, 1000).split("\n")[0]}` };
    }
}
/**
 * One pass over a document before it is expanded into data: aliases (counted over the file) and nesting are limited, keys must be
 * scalars (the first such problem, in document order), and keys that repeat one of their mapping are collected.
 */
function checkShape(doc, lines, maxDepth, aliases) {
    let problem;
    const duplicates = [];
    const at = (node) => positionAt(lines, node.range?.[0] ?? 0);
    const stack = [{ node: doc.contents, depth: 0 }];
    while (stack.length > 0) {
        const { node, depth, key } = stack.pop();
        if (key) {
            problem ??= { message: "mapping keys must be plain scalars", pos: (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) ? at(node) : { line: 1, column: 1 } };
            continue;
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node)) {
            if (++aliases.count > MAX_ALIASES)
                problem ??= { message: `more than ${MAX_ALIASES} YAML aliases; write the values out`, pos: at(node) };
            continue;
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
            continue;
        if (depth >= maxDepth)
            problem ??= { message: `the YAML is nested more than ${maxDepth} levels deep`, pos: at(node) };
        const children = [];
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const seen = new Set();
            for (const pair of node.items) {
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key)) {
                    if (seen.has(pair.key.value))
                        duplicates.push(pair.key.range?.[0] ?? 0);
                    else
                        seen.add(pair.key.value);
                }
                else
                    children.push({ node: pair.key, depth, key: true });
                children.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
            }
        }
        else
            for (const item of node.items)
                children.push({ node: item, depth: depth + 1 });
        for (let i = children.length - 1; i >= 0; i--)
            stack.push(children[i]);
    }
    return { problem, duplicates };
}


/***/ })

};
;