// The merge request's sticky note through GitLab's notes API (REST v4, a PRIVATE-TOKEN). Ours is a note that starts
// with our marker AND was written by the token's own account: anyone can paste the marker. Built on fetch, with no
// client library: four requests are all it takes, and the CLI bundle stays free of runtime dependencies.
import { readSticky } from "../sticky.js";
import { boundedFetch } from "../util/bounded-fetch.js";
import { plainText } from "../format/escape.js";
import { errorMessage } from "../util/errors.js";

export interface NotesTarget {
  /** CI_API_V4_URL, e.g. https://gitlab.example.com/api/v4 */
  api: string;
  /** The project the merge request belongs to (its id). */
  projectId: string;
  mrIid: number;
  token: string;
  /** The first line of our note. */
  marker: string;
}

/** `id` is null only when GitLab answered a creation without the note (it never should). */
export type NoteOutcome = { action: "created" | "updated" | "unchanged"; id: number | null; why: string };

export interface NotesOptions {
  /** Per request, including reading the response. */
  timeoutMs?: number;
  /** Waits between retries (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  /** Told when the search for our note stopped at the page bound. */
  warn?: (message: string) => void;
}

/** A request GitLab refused or that could not be made; `permanent` when trying again cannot help (the token, its role, the project). */
export class GitlabApiError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export const TIMEOUT_MS = 30_000;
/** The largest answer read. A page of 100 notes fits unless they are very long (GitLab allows 1,000,000 characters
 *  each); a larger answer is refused with a warning, and the verdict stands. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** 100 notes a page: our note is searched among the oldest 2,000 notes of the merge request. */
export const PER_PAGE = 100;
export const MAX_PAGES = 20;
/** Attempts of a request that may be repeated safely (GET, PUT) when GitLab is busy or the network fails. */
const ATTEMPTS = 3;
const MAX_RETRY_WAIT_MS = 10_000;

interface Note {
  id: number;
  body: string;
  system: boolean;
  author: { id: number };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Why GitLab said no, in one line: its `message` (a string or field errors) or `error_description`. Never the token. */
function reason(status: number, text: string, token: string): string {
  let detail = "";
  try {
    const json = JSON.parse(text) as { message?: unknown; error?: unknown; error_description?: unknown };
    const m = json.message ?? json.error_description ?? json.error;
    detail = typeof m === "string" ? m : m === undefined ? "" : JSON.stringify(m);
  } catch {
    // Not JSON (a proxy's HTML page): the status says enough.
  }
  const line = plainText(detail.split(token).join("***")).slice(0, 300);
  return line && line !== String(status) ? `HTTP ${status}: ${line}` : `HTTP ${status}`;
}

/** What a refusal means for the user of a CI job: each case with the fix. */
function refusal(status: number, what: string, why: string): GitlabApiError {
  if (status === 401)
    return new GitlabApiError(
      `GitLab refused GITLAB_TOKEN (${why}): the token is invalid, expired or revoked; create a project access token with the api scope`,
      true,
    );
  if (status === 403)
    return new GitlabApiError(
      `GitLab refused to ${what} (${why}): GITLAB_TOKEN needs the api scope and at least the Reporter role in the merge request's project`,
      true,
    );
  if (status === 404)
    return new GitlabApiError(
      `GitLab cannot find the merge request to ${what} (${why}): check CI_MERGE_REQUEST_PROJECT_ID and CI_MERGE_REQUEST_IID, and that GITLAB_TOKEN can read that project`,
      true,
    );
  return new GitlabApiError(`GitLab could not ${what} (${why})`, status >= 400 && status < 500 && status !== 408 && status !== 429);
}

export function notesClient(target: NotesTarget, options: NotesOptions = {}) {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const sleep = options.sleep ?? wait;
  const base = target.api.replace(/\/$/, "");
  const notesPath = `/projects/${encodeURIComponent(target.projectId)}/merge_requests/${target.mrIid}/notes`;

  async function send(method: string, path: string, what: string, body?: unknown): Promise<{ json: unknown; headers: Headers }> {
    const attempts = method === "POST" ? 1 : ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      let bytes: Uint8Array;
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
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
        const why = timedOut ? `no answer within ${timeoutMs / 1000} s` : `${errorMessage(err)}${causeOf(err)}`;
        if (attempt < attempts) {
          await sleep(1000 * attempt);
          continue;
        }
        throw new GitlabApiError(`cannot reach GitLab at ${base} to ${what}: ${plainText(why.split(target.token).join("***"))}`, false);
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
        } catch {
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
  async function me(): Promise<number> {
    const { json } = await send("GET", "/user", "identify the token's account (GET /user)");
    const id = (json as { id?: unknown } | null)?.id;
    if (typeof id !== "number") throw new GitlabApiError("GitLab's GET /user answer has no account id", true);
    return id;
  }

  /** Our note, oldest first: the one earlier runs kept current. Pages are followed by x-next-page, at most MAX_PAGES. */
  async function findOurs(author: number): Promise<{ id: number; digest: string | null } | null> {
    let page = 1;
    for (let n = 0; n < MAX_PAGES; n++) {
      const { json, headers } = await send(
        "GET",
        `${notesPath}?sort=asc&order_by=created_at&per_page=${PER_PAGE}&page=${page}`,
        "list the merge request's notes",
      );
      if (!Array.isArray(json)) throw new GitlabApiError("GitLab's list of notes is not a list", true);
      for (const note of json as Note[]) {
        if (note.system || note.author?.id !== author || typeof note.body !== "string") continue;
        const sticky = readSticky(note.body, target.marker);
        if (sticky) return { id: note.id, digest: sticky.digest };
      }
      const next = Number(headers.get("x-next-page"));
      if (!Number.isInteger(next) || next <= page) return null;
      page = next;
    }
    options.warn?.(`Only the oldest ${MAX_PAGES * PER_PAGE} notes of the merge request were searched for ours; a new note is posted.`);
    return null;
  }

  return {
    /** Updates our note when it shows another digest, creates it when there is none, leaves it otherwise. */
    async keep(body: string, digest: string): Promise<NoteOutcome> {
      const ours = await findOurs(await me());
      if (ours?.digest === digest) return { action: "unchanged", id: ours.id, why: "it shows the same figures and findings (same digest)" };
      if (ours) {
        await send("PUT", `${notesPath}/${ours.id}`, "update the note", { body });
        return { action: "updated", id: ours.id, why: "the figures or findings changed" };
      }
      const { json } = await send("POST", notesPath, "create the note", { body });
      const id = (json as { id?: unknown } | null)?.id;
      return { action: "created", id: typeof id === "number" ? id : null, why: "no note of ours yet" };
    },
  };
}

/** fetch hides the network error (ECONNREFUSED, ENOTFOUND) in `cause`. */
function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
  return code ? ` (${code})` : "";
}
