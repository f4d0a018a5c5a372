// Octokit with retries (5xx, network) and throttling (rate limits); the API base comes from GITHUB_API_URL.
import * as core from "./log.js";
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

export type Octokit = ReturnType<typeof getOctokit>;

const RATE_LIMIT_RETRIES = 2;
/** A rate limit is waited out only this long (seconds), per wait and for the whole run: the gate must not hang. */
export const MAX_RATE_LIMIT_WAIT_S = 60;

type LimitHandler = (retryAfter: number, options: { method: string; url: string }, octokit: unknown, retryCount: number) => boolean;

/** The throttling plugin's handlers: whether to wait `retryAfter` seconds and retry; the waits share one budget. */
export function rateLimitHandlers(): { onRateLimit: LimitHandler; onSecondaryRateLimit: LimitHandler } {
  let waited = 0;
  const handler =
    (kind: string): LimitHandler =>
    (retryAfter, options, _octokit, retryCount) => {
      const what = `GitHub API ${kind} on ${options.method} ${options.url}`;
      const wait = Number.isFinite(retryAfter) ? Math.max(0, Math.ceil(retryAfter)) : Infinity;
      if (retryCount >= RATE_LIMIT_RETRIES) {
        core.warning(`${what}; still limited after ${retryCount} retries, the request is given up.`);
        return false;
      }
      if (wait > MAX_RATE_LIMIT_WAIT_S || waited + wait > MAX_RATE_LIMIT_WAIT_S) {
        core.warning(
          `${what}; GitHub asks to wait ${wait} s, but waits are capped at ${MAX_RATE_LIMIT_WAIT_S} s per run (${waited} s spent): the request is given up.`,
        );
        return false;
      }
      waited += wait;
      core.warning(`${what}; retrying in ${wait} s (waits are capped at ${MAX_RATE_LIMIT_WAIT_S} s per run).`);
      return true;
    };
  return { onRateLimit: handler("rate limit"), onSecondaryRateLimit: handler("secondary rate limit") };
}

export function createClient(token: string): Octokit {
  // baseUrl is left to @actions/github, which reads GITHUB_API_URL (GHES: https://HOST/api/v3); never pass undefined.
  return getOctokit(token, { throttle: rateLimitHandlers() }, retry, throttling);
}

/**
 * An installation token (`ghs_`: the workflow token, a GitHub App's): it writes as a bot and `GET /user` refuses
 * it. Other prefixes (`ghp_`, `github_pat_`, `gho_`, `ghu_`) and older unprefixed tokens may be a person's.
 */
export const isInstallationToken = (token: string): boolean => token.startsWith("ghs_");

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** A rate-limit refusal (given up after the capped waits), as opposed to a permission refusal with the same 403. */
export function isRateLimited(err: unknown): boolean {
  const status = statusOf(err);
  if (status === 429) return true;
  if (status !== 403) return false;
  const headers = (err as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
  return headers["x-ratelimit-remaining"] === "0" || headers["retry-after"] !== undefined || /rate limit/i.test(err instanceof Error ? err.message : "");
}
