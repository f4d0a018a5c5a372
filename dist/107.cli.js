"use strict";
exports.id = 107;
exports.ids = [107];
exports.modules = {

/***/ 4107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GITLAB_USAGE: () => (/* binding */ GITLAB_USAGE),
  GitlabError: () => (/* binding */ GitlabError),
  commentOnMergeRequest: () => (/* binding */ commentOnMergeRequest),
  mergeRequestOf: () => (/* binding */ mergeRequestOf)
});

// UNUSED EXPORTS: NOTE_LIMIT, noteBody

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/report.ts
var src_report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/util/sha256.ts
var sha256 = __webpack_require__(6701);
;// CONCATENATED MODULE: ./src/digest.ts
// A fingerprint of what a report shows: verdict, totals, per-entry figures, budgets, advice, assumptions and
// findings. Two runs whose reports show the same get the same digest, whatever their run id, commit SHAs or
// footer, so the PR comment is rewritten only when its content would change.


/** Bumped when the comment would show the same report differently, so that old comments get rewritten once. */
const DIGEST_VERSION = 1;
/** JSON with object keys sorted at every level: the same data always gives the same text. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(",")}]`;
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value).filter(([, v]) => v !== undefined);
        entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}
/** sha256 (hex) of the report's shown content. Left out: the base's display path (it names the base commit) and finding positions. */
function reportDigest(report) {
    const shown = {
        version: DIGEST_VERSION,
        verdict: report.verdict,
        manifests: report.manifests.map((m) => ({
            ...(0,src_report/* manifestJson */.cO)(m),
            base: m.base ? { totals: m.base.totals, runs: m.base.runs } : null,
            findings: m.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, file: f.file })),
        })),
    };
    return (0,sha256/* sha256Hex */.f)(canonical(shown));
}

// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/sticky.ts
// The two hidden lines a sticky comment starts with, the same on GitHub and GitLab: the marker says which comment is
// ours (one per key), the digest line what it shows, so an unchanged report is not rewritten (the footer changes on
// every run). The digest line follows the marker, so that any shortening of the body keeps both.

const DIGEST_LINE = /^<!-- footprint-gate:digest=([0-9a-f]{64}) -->$/;
/** The first line of our comments; `parts` say what the comment covers (workflow, manifests, a user's key). */
function markerLine(parts) {
    return `<!-- footprint-gate:v1 key=${(0,sha256/* sha256Hex */.f)(parts.join("\0")).slice(0, 12)} -->`;
}
/** The second line of our comments. */
const digestLine = (digest) => `<!-- footprint-gate:digest=${digest} -->`;
/** Whether `body` starts with `marker`, and if so the digest its second line carries (null when it has none). */
function readSticky(body, marker) {
    if (!body.startsWith(`${marker}\n`))
        return null;
    const second = body.slice(marker.length + 1).split("\n", 1)[0];
    return { digest: DIGEST_LINE.exec(second)?.[1] ?? null };
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/util/bounded-fetch.ts
// A response body read only so far: what a server sends past the limit is never held in memory.
/**
 * `fetch` whose response body stops one byte past `maxBytes`: a huge answer (a file at the base, a page of notes) is
 * not downloaded whole, and the reader sees it is over the limit.
 */
function boundedFetch(inner, maxBytes) {
    return async (input, init) => {
        const res = await inner(input, init);
        if (!res.body || [101, 204, 205, 304].includes(res.status))
            return res;
        const reader = res.body.getReader();
        let seen = 0;
        const body = new ReadableStream({
            async pull(controller) {
                const { done, value } = await reader.read();
                if (done)
                    return controller.close();
                const room = maxBytes + 1 - seen;
                seen += value.byteLength;
                controller.enqueue(value.byteLength > room ? value.subarray(0, room) : value);
                if (seen > maxBytes) {
                    controller.close();
                    await reader.cancel();
                }
            },
            cancel: (reason) => reader.cancel(reason),
        });
        const headers = new Headers(res.headers);
        headers.delete("content-length");
        return new Response(body, { status: res.status, statusText: res.statusText, headers });
    };
}

// EXTERNAL MODULE: ./src/format/escape.ts
var format_escape = __webpack_require__(9044);
;// CONCATENATED MODULE: ./src/gitlab/notes.ts
// The merge request's sticky note through GitLab's notes API (REST v4, a PRIVATE-TOKEN). Ours is a note that starts
// with our marker AND was written by the token's own account: anyone can paste the marker. Built on fetch, with no
// client library: four requests are all it takes, and the CLI bundle stays free of runtime dependencies.




/** A request GitLab refused or that could not be made; `permanent` when trying again cannot help (the token, its role, the project). */
class GitlabApiError extends Error {
    permanent;
    constructor(message, permanent) {
        super(message);
        this.permanent = permanent;
    }
}
const TIMEOUT_MS = 30_000;
/** The largest answer read. A page of 100 notes fits unless they are very long (GitLab allows 1,000,000 characters
 *  each); a larger answer is refused with a warning, and the verdict stands. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** 100 notes a page: our note is searched among the oldest 2,000 notes of the merge request. */
const PER_PAGE = 100;
const MAX_PAGES = 20;
/** Attempts of a request that may be repeated safely (GET, PUT) when GitLab is busy or the network fails. */
const ATTEMPTS = 3;
const MAX_RETRY_WAIT_MS = 10_000;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Why GitLab said no, in one line: its `message` (a string or field errors) or `error_description`. Never the token. */
function reason(status, text, token) {
    let detail = "";
    try {
        const json = JSON.parse(text);
        const m = json.message ?? json.error_description ?? json.error;
        detail = typeof m === "string" ? m : m === undefined ? "" : JSON.stringify(m);
    }
    catch {
        // Not JSON (a proxy's HTML page): the status says enough.
    }
    const line = (0,format_escape/* plainText */.wh)(detail.split(token).join("***")).slice(0, 300);
    return line && line !== String(status) ? `HTTP ${status}: ${line}` : `HTTP ${status}`;
}
/** What a refusal means for the user of a CI job: each case with the fix. */
function refusal(status, what, why) {
    if (status === 401)
        return new GitlabApiError(`GitLab refused GITLAB_TOKEN (${why}): the token is invalid, expired or revoked; create a project access token with the api scope`, true);
    if (status === 403)
        return new GitlabApiError(`GitLab refused to ${what} (${why}): GITLAB_TOKEN needs the api scope and at least the Reporter role in the merge request's project`, true);
    if (status === 404)
        return new GitlabApiError(`GitLab cannot find the merge request to ${what} (${why}): check CI_MERGE_REQUEST_PROJECT_ID and CI_MERGE_REQUEST_IID, and that GITLAB_TOKEN can read that project`, true);
    return new GitlabApiError(`GitLab could not ${what} (${why})`, status >= 400 && status < 500 && status !== 408 && status !== 429);
}
function notesClient(target, options = {}) {
    const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    const sleep = options.sleep ?? wait;
    const base = target.api.replace(/\/$/, "");
    const notesPath = `/projects/${encodeURIComponent(target.projectId)}/merge_requests/${target.mrIid}/notes`;
    async function send(method, path, what, body) {
        const attempts = method === "POST" ? 1 : ATTEMPTS;
        for (let attempt = 1;; attempt++) {
            let res;
            let bytes;
            try {
                res = await boundedFetch(fetch, MAX_RESPONSE_BYTES)(`${base}${path}`, {
                    method,
                    headers: {
                        "PRIVATE-TOKEN": target.token,
                        Accept: "application/json",
                        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
                    },
                    body: body === undefined ? undefined : JSON.stringify(body),
                    // A redirect would carry the PRIVATE-TOKEN header to wherever it points.
                    redirect: "manual",
                    signal: AbortSignal.timeout(timeoutMs),
                });
                bytes = new Uint8Array(await res.arrayBuffer());
            }
            catch (err) {
                const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
                const why = timedOut ? `no answer within ${timeoutMs / 1000} s` : `${(0,errors/* errorMessage */.g)(err)}${causeOf(err)}`;
                if (attempt < attempts) {
                    await sleep(1000 * attempt);
                    continue;
                }
                throw new GitlabApiError(`cannot reach GitLab at ${base} to ${what}: ${(0,format_escape/* plainText */.wh)(why.split(target.token).join("***"))}`, false);
            }
            // Refused whole, not retried: a GitLab that answers this much will answer it again.
            if (bytes.byteLength > MAX_RESPONSE_BYTES)
                throw new GitlabApiError(`GitLab's answer to ${what} is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; it is not read`, false);
            const text = new TextDecoder().decode(bytes);
            if (res.status >= 300 && res.status < 400)
                throw new GitlabApiError(`GitLab answered ${what} with a redirect (HTTP ${res.status}); CI_API_V4_URL must be the API's own address`, true);
            if (res.ok) {
                try {
                    return { json: text ? JSON.parse(text) : null, headers: res.headers };
                }
                catch {
                    throw new GitlabApiError(`GitLab's answer to ${what} is not JSON; is CI_API_V4_URL the API address (…/api/v4)?`, true);
                }
            }
            const retryable = res.status === 429 || res.status >= 500;
            if (retryable && attempt < attempts) {
                // Retry-After in seconds when GitLab sends it (rate limits), capped; else a short backoff.
                const header = res.headers.get("retry-after");
                const after = header === null ? NaN : Number(header);
                await sleep(Number.isFinite(after) && after >= 0 ? Math.min(after * 1000, MAX_RETRY_WAIT_MS) : 1000 * attempt);
                continue;
            }
            throw refusal(res.status, what, reason(res.status, text, target.token));
        }
    }
    /** The token's own account: whose notes may be ours. */
    async function me() {
        const { json } = await send("GET", "/user", "identify the token's account (GET /user)");
        const id = json?.id;
        if (typeof id !== "number")
            throw new GitlabApiError("GitLab's GET /user answer has no account id", true);
        return id;
    }
    /** Our note, oldest first: the one earlier runs kept current. Pages are followed by x-next-page, at most MAX_PAGES. */
    async function findOurs(author) {
        let page = 1;
        for (let n = 0; n < MAX_PAGES; n++) {
            const { json, headers } = await send("GET", `${notesPath}?sort=asc&order_by=created_at&per_page=${PER_PAGE}&page=${page}`, "list the merge request's notes");
            if (!Array.isArray(json))
                throw new GitlabApiError("GitLab's list of notes is not a list", true);
            for (const note of json) {
                if (note.system || note.author?.id !== author || typeof note.body !== "string")
                    continue;
                const sticky = readSticky(note.body, target.marker);
                if (sticky)
                    return { id: note.id, digest: sticky.digest };
            }
            const next = Number(headers.get("x-next-page"));
            if (!Number.isInteger(next) || next <= page)
                return null;
            page = next;
        }
        options.warn?.(`Only the oldest ${MAX_PAGES * PER_PAGE} notes of the merge request were searched for ours; a new note is posted.`);
        return null;
    }
    return {
        /** Updates our note when it shows another digest, creates it when there is none, leaves it otherwise. */
        async keep(body, digest) {
            const ours = await findOurs(await me());
            if (ours?.digest === digest)
                return { action: "unchanged", id: ours.id, why: "it shows the same figures and findings (same digest)" };
            if (ours) {
                await send("PUT", `${notesPath}/${ours.id}`, "update the note", { body });
                return { action: "updated", id: ours.id, why: "the figures or findings changed" };
            }
            const { json } = await send("POST", notesPath, "create the note", { body });
            const id = json?.id;
            return { action: "created", id: typeof id === "number" ? id : null, why: "no note of ours yet" };
        },
    };
}
/** fetch hides the network error (ECONNREFUSED, ENOTFOUND) in `cause`. */
function causeOf(err) {
    const cause = err.cause;
    const code = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
    return code ? ` (${code})` : "";
}

;// CONCATENATED MODULE: ./src/gitlab/comment.ts
// `footprint-gate comment gitlab`: the report as one sticky merge-request note, kept current from GitLab's predefined
// CI/CD variables. The body is the GitHub comment's (GitLab renders the same <details>, <sub> and alerts); only the
// links (job, manifest lines) point at GitLab.






const GITLAB_USAGE = `Usage: footprint-gate comment gitlab [MANIFEST…] [--base FILE | --base-ref GITREF] [--report FILE]
                                     [--format text|markdown|json] [--fail-on error|warning|never]

  Runs check (or reads --report FILE, the JSON report of an earlier check) and keeps one note on the GitLab merge
  request up to date: created once, edited in place when the figures or findings change, left alone otherwise.
  Prints the report like check and exits with the gate's exit code.

  Runs in a merge-request pipeline and reads GitLab's CI/CD variables CI_API_V4_URL, CI_MERGE_REQUEST_PROJECT_ID
  and CI_MERGE_REQUEST_IID, and the token from GITLAB_TOKEN: a project access token with the api scope and at least
  the Reporter role (CI_JOB_TOKEN cannot write merge-request notes).
  --report FILE  the JSON report of check --format json, instead of MANIFEST, --base and --base-ref
`;
/** GitLab refuses notes over 1,000,000 characters; bytes are a safe upper bound of characters. */
const NOTE_LIMIT = 1_000_000;
/** A setting the job must fix (not a merge-request pipeline, no token, a token GitLab refuses): exit code 2. */
class GitlabError extends Error {
}
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const PLAIN_URL = /^https?:\/\/[^\s()<>[\]"'`\\]+$/;
const url = (value) => (value && PLAIN_URL.test(value) ? value.replace(/\/$/, "") : null);
/** The merge request this job runs for, from the predefined variables; a GitlabError says what is missing and how to fix it. */
function mergeRequestOf(env) {
    const iid = env.CI_MERGE_REQUEST_IID;
    if (!iid)
        throw new GitlabError('not a merge-request pipeline: CI_MERGE_REQUEST_IID is not set. Run this job in merge-request pipelines (rules: - if: $CI_PIPELINE_SOURCE == "merge_request_event"), or use footprint-gate check elsewhere');
    if (!/^[1-9]\d{0,9}$/.test(iid))
        throw new GitlabError(`CI_MERGE_REQUEST_IID must be a merge request number (got ${JSON.stringify(iid.slice(0, 40))})`);
    // The merge request belongs to the target project; in a fork's pipeline CI_PROJECT_ID is the fork.
    const projectId = env.CI_MERGE_REQUEST_PROJECT_ID || env.CI_PROJECT_ID;
    if (!projectId || !/^[1-9]\d{0,18}$/.test(projectId))
        throw new GitlabError("CI_MERGE_REQUEST_PROJECT_ID is not set to a project id");
    const api = url(env.CI_API_V4_URL);
    if (!api)
        throw new GitlabError("CI_API_V4_URL is not set to an http(s) address (GitLab sets it in every job, e.g. https://gitlab.com/api/v4)");
    // Spaces or a line break around a pasted token are dropped; anything else but visible ASCII inside it is refused
    // before it reaches a header, and no message shows any part of it.
    const token = env.GITLAB_TOKEN?.trim();
    if (token && !VISIBLE_ASCII.test(token))
        throw new GitlabError("GITLAB_TOKEN contains a space, a line break or another character a token never has; set the CI/CD variable to the token alone");
    if (!token)
        throw new GitlabError("GITLAB_TOKEN is not set: create a project access token with the api scope and the Reporter role, and add it as a masked CI/CD variable GITLAB_TOKEN (CI_JOB_TOKEN cannot write merge-request notes)");
    return {
        api,
        projectId,
        mrIid: Number(iid),
        token,
        mrProjectUrl: url(env.CI_MERGE_REQUEST_PROJECT_URL),
        projectUrl: url(env.CI_PROJECT_URL),
        sha: env.CI_COMMIT_SHA && /^[0-9a-f]{40}$/.test(env.CI_COMMIT_SHA) ? env.CI_COMMIT_SHA : null,
        projectDir: env.CI_PROJECT_DIR || null,
        jobUrl: url(env.CI_JOB_URL),
    };
}
/** Manifest paths are relative to the working directory: they are repository paths only when it is the checkout's root. */
function inProjectDir(dir) {
    if (!dir)
        return false;
    try {
        return (0,external_node_fs_.realpathSync)(process.cwd()) === (0,external_node_fs_.realpathSync)(dir);
    }
    catch {
        return false;
    }
}
/** The note: marker, digest, then the comment body with GitLab links. One note per set of manifests. */
function noteBody(report, mr, baseRef) {
    const marker = markerLine(["gitlab", report.manifests.map((m) => m.path).join("\n")]);
    const digest = reportDigest(report);
    const { projectUrl, sha } = mr;
    const lineUrl = projectUrl && inProjectDir(mr.projectDir)
        ? (f, side) => {
            // `--base-ref origin/main` names no commit GitLab knows: only a commit is linked.
            const at = side === "head" ? sha : baseRef && /^[0-9a-f]{40}$/.test(baseRef) ? baseRef : null;
            return at ? `${projectUrl}/-/blob/${at}/${f.file.split("/").map(encodeURIComponent).join("/")}#L${f.line}` : null;
        }
        : undefined;
    const footer = { baseSha: baseRef, headSha: sha, runUrl: mr.jobUrl, runLabel: "CI job", docsUrl: (0,markdown.docsUrl)() };
    const { body } = (0,markdown.fitMarkdown)(report, { marker: `${marker}\n${digestLine(digest)}`, lineUrl, footer, elsewhere: "the CI job's log" }, NOTE_LIMIT);
    return { body, digest, marker };
}
/**
 * Keeps the merge request's note current; the line to print says what was done. A refusal that trying again cannot
 * cure (the token, its role, the merge request) is a GitlabError; a GitLab that is down or unreachable is a warning:
 * the gate's verdict does not depend on it.
 */
async function commentOnMergeRequest(report, mr, baseRef, options = {}) {
    const { body, digest, marker } = noteBody(report, mr, baseRef);
    const warn = (message) => process.stderr.write(`footprint-gate: warning: ${message}\n`);
    const notes = notesClient({ api: mr.api, projectId: mr.projectId, mrIid: mr.mrIid, token: mr.token, marker }, { warn, ...options });
    try {
        const outcome = await notes.keep(body, digest);
        const where = mr.mrProjectUrl && outcome.id !== null ? `${mr.mrProjectUrl}/-/merge_requests/${mr.mrIid}#note_${outcome.id}` : `merge request !${mr.mrIid}`;
        return `merge request note ${outcome.action}: ${where} (${outcome.why})`;
    }
    catch (err) {
        if (err instanceof GitlabApiError && err.permanent)
            throw new GitlabError(err.message);
        return `warning: the merge request note could not be kept current: ${(0,errors/* errorMessage */.g)(err)}; the verdict stands`;
    }
}


/***/ }),

/***/ 6701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
// SHA-256 for the sticky comments' marker and digest lines. node:crypto takes longer to load than a whole small
// check, and only commenting needs it, so it is loaded on first use rather than at start-up.

const requireBuiltin = (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(require("url").pathToFileURL(__filename).href);
/** The SHA-256 of `text` (UTF-8), in lowercase hex. */
function sha256Hex(text) {
    const { createHash } = requireBuiltin("node:crypto");
    return createHash("sha256").update(text).digest("hex");
}


/***/ })

};
;