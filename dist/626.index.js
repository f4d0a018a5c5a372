"use strict";
exports.id = 626;
exports.ids = [626];
exports.modules = {

/***/ 4626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   explain: () => (/* binding */ explain)
/* harmony export */ });
/* harmony import */ var _util_closest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5519);
/* harmony import */ var _yaml_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1057);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6470);



/** The manifest zod accepts (the standalone validator is stricter only in theory), or its problems, located. */
function explain(data, locator) {
    // reportInput tells a missing key (input undefined) from a value of the wrong type.
    const result = (0,_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .schemas */ .jo)().manifest.safeParse(data, { reportInput: true });
    if (result.success)
        return { manifest: result.data };
    // Every issue is located (O(depth) each); only the ones shown get their message, the rest are counted.
    return { problems: result.error.issues.flatMap((issue) => issueFindings(issue, locator)) };
}
const KNOWN_KEYS = {};
function issueFindings(issue, locator) {
    const path = issue.path.filter((p) => typeof p !== "symbol");
    const where = (0,_yaml_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPath */ .jV)(path);
    if (issue.code === "unrecognized_keys") {
        return issue.keys.map((k) => ({
            pos: locator.key([...path, k]),
            message: () => {
                if (k === "<<")
                    return `${where}: YAML merge keys (<<) are not supported; write the keys out`;
                const synonym = synonymHint(path, k, issue.input);
                const hint = synonym ? undefined : suggestKey(path, k);
                const tail = synonym ? ` (${synonym})` : hint ? ` (did you mean \`${hint}\`?)` : "";
                return `${where === "(document)" ? "" : where + ": "}unknown key \`${quoted(k)}\`${tail}`;
            },
        }));
    }
    if (issue.code === "invalid_type" && issue.input === undefined) {
        const parent = path.slice(0, -1);
        return [{ pos: locator.value(parent), message: () => `${where}: required` }];
    }
    return [{ pos: locator.value(path), message: () => `${where}: ${describeIssue(issue, path)}` }];
}
/** A key as written, cut to a readable length (YAML keys may be up to 1024 characters). */
function quoted(key) {
    return key.length > 100 ? key.slice(0, 99) + "…" : key;
}
function describeIssue(issue, path) {
    switch (issue.code) {
        case "invalid_type": {
            if (issue.expected === "int")
                return `must be a whole number, got ${String(issue.input)}`;
            const fix = issue.expected === "number" && typeof issue.input === "string" ? numberInText(issue.input) : "";
            return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${typeName(issue.input)}${fix}`;
        }
        case "too_big":
            // Numbers carry their whole allowed range in the schema's own message.
            if (issue.origin === "number" && issue.message.startsWith("must be "))
                return issue.message;
            return issue.origin === "array"
                ? `at most ${String(issue.maximum)} items`
                : issue.origin === "string"
                    ? `at most ${String(issue.maximum)} characters`
                    : `must be ${issue.inclusive ? "at most" : "below"} ${String(issue.maximum)}`;
        case "too_small":
            if (issue.origin === "number" && issue.message.startsWith("must be "))
                return issue.message;
            return issue.origin === "array"
                ? `at least ${String(issue.minimum)} item(s)`
                : issue.origin === "string"
                    ? "must not be empty"
                    : `must be ${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
        case "invalid_value": {
            const key = path[path.length - 1];
            // `version: "1"` is the string "1": quotes make any YAML value text.
            const input = typeof issue.input === "string" && issue.input.length <= 20 ? issue.input.trim() : undefined;
            const quotedNumber = input !== undefined && issue.values.some((v) => typeof v === "number" && String(v) === input);
            const fix = quotedNumber && typeof key === "string" ? ` (${JSON.stringify(issue.input)} is a string: write \`${key}: ${input}\` without quotes)` : "";
            return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}${fix}`;
        }
        case "invalid_union":
            // A union that states its own choices says them; others have nothing better to say.
            return issue.message.startsWith("must be ") ? issue.message : "not a valid value for this field";
        default:
            return issue.message;
    }
}
/**
 * For a number written as text: how to write it. YAML 1.2 has no digit separators, so `1_000_000` and `1,000,000`
 * are strings, and so is any quoted number. Only short strings are looked at.
 */
function numberInText(input) {
    const t = input.trim();
    if (t.length > 40)
        return "";
    const separated = /^[+-]?\d{1,3}(?:([_,])\d{3})(?:\1\d{3})*(?:\.\d+)?$/.exec(t) ?? /^[+-]?\d+(?:_\d+)+(?:\.\d+)?$/.exec(t);
    if (separated) {
        const n = Number(t.replace(/[_,]/g, ""));
        if (!Number.isFinite(n))
            return "";
        const exp = Math.log10(Math.abs(n));
        const alt = n >= 1e4 && Number.isInteger(exp) ? `${n < 0 ? "-" : ""}1e${exp} or ` : "";
        return `; write ${alt}${String(n)} (YAML 1.2 reads ${t} as text)`;
    }
    if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t) && Number.isFinite(Number(t)))
        return `; write ${t} without quotes`;
    return "";
}
const TYPE_NAMES = { object: "a mapping", array: "a list", number: "a number", string: "a string", boolean: "true or false" };
function typeName(v) {
    if (v === null)
        return "null";
    if (Array.isArray(v))
        return "a list";
    if (typeof v === "number" && !Number.isFinite(v))
        return String(v);
    if (typeof v === "object")
        return "a mapping";
    return typeof v === "string" ? `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}` : typeof v;
}
/**
 * Words people write for a manifest key, by their letters and digits in lower case (`num-gpus`, `numGpus`, `NUM_GPUS`
 * are one word); each names the key to write and how. One lookup per unknown key.
 */
const SYNONYMS = (() => {
    const location = { key: "location", how: () => "write `location`: a cloud region such as aws:us-east-1, or a grid zone such as FR" };
    const accelerator = { key: "accelerator", how: () => "write `accelerator`: its catalogue id or name, such as H100 SXM" };
    const count = { key: "count", how: () => "write `count`: the number of accelerators" };
    const hours = (word) => ({
        key: "hours",
        how: (v) => {
            const h = typeof v === "number" && word === "days" ? v * 24 : NaN;
            return `write \`hours\`: ${word === "days" ? "days × 24" : "the duration in hours, days × 24"}${Number.isFinite(h) && h > 0 ? `, here \`hours: ${Number(h.toPrecision(12))}\`` : ""}`;
        },
    });
    return {
        region: location,
        zone: location,
        gpu: accelerator,
        gputype: accelerator,
        device: accelerator,
        gpus: count,
        numgpus: count,
        days: hours("days"),
        duration: hours("duration"),
        eps: { key: "epsilon", how: () => "write `epsilon`: the privacy loss ε" },
        requestsperday: { key: "requests", how: () => "write `requests` over `hours`: requests = requests_per_day × days, with hours = 24 × days" },
    };
})();
/** The key a newcomer meant by a common synonym, if that key is allowed here; `parent` is the mapping holding it. */
function synonymHint(path, key, parent) {
    if (key.length > 40)
        return undefined;
    const word = key.toLowerCase().replace(/[^a-z0-9]/g, "");
    const synonym = Object.prototype.hasOwnProperty.call(SYNONYMS, word) ? SYNONYMS[word] : undefined;
    if (!synonym || !keysAt(path).includes(synonym.key))
        return undefined;
    const value = parent !== null && typeof parent === "object" ? parent[key] : undefined;
    return synonym.how(value);
}
function suggestKey(path, key) {
    if (key.length > _util_closest_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SUGGEST_LENGTH */ .RU)
        return undefined;
    const best = (0,_util_closest_js__WEBPACK_IMPORTED_MODULE_0__/* .closest */ .kp)(key, keysAt(path), 1)[0];
    const max = Math.max(1, Math.floor(key.length / 3));
    return best !== undefined && (0,_util_closest_js__WEBPACK_IMPORTED_MODULE_0__/* .distance */ .Io)(key.toLowerCase(), best, max) <= max ? best : undefined;
}
/** The keys allowed at a path, read off the zod schema itself so there is one source of truth. */
function keysAt(path) {
    const sig = path.filter((p) => typeof p === "string").join(".");
    if (KNOWN_KEYS[sig])
        return KNOWN_KEYS[sig];
    let schema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .schemas */ .jo)().manifest;
    for (const seg of path) {
        schema = unwrap(schema);
        if (!schema)
            break;
        const def = schema._zod.def;
        if (def.type === "object" && typeof seg === "string")
            schema = def.shape?.[seg];
        else if (def.type === "array")
            schema = def.element;
    }
    schema = unwrap(schema);
    const def = schema?._zod.def;
    const keys = def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
    KNOWN_KEYS[sig] = keys;
    return keys;
}
function unwrap(schema) {
    let s = schema;
    while (s && (s._zod.def.type === "optional" || s._zod.def.type === "nullable")) {
        s = s._zod.def.innerType;
    }
    return s;
}


/***/ })

};
;