// The part of the workflow run we rely on, read from the environment and the event payload and validated.
import { readFileSync } from "node:fs";
import * as z from "zod";
import { errorMessage } from "../util/errors.js";

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const repo = z.looseObject({ full_name: z.string() });

const pullRequest = z.looseObject({
  number: z.number().int().positive(),
  base: z.looseObject({ sha, ref: z.string() }),
  head: z.looseObject({ sha, ref: z.string(), repo: repo.nullable().optional() }),
});

const payload = z.looseObject({
  pull_request: pullRequest.optional(),
  before: z.string().optional(),
  repository: z.looseObject({ default_branch: z.string().optional() }).optional(),
  after: z.string().optional(),
  workflow_run: z
    .looseObject({
      head_sha: sha,
      head_branch: z.string().nullable().optional(),
      head_repository: z
        .looseObject({ owner: z.looseObject({ login: z.string() }) })
        .nullable()
        .optional(),
      pull_requests: z.array(z.looseObject({ number: z.number().int().positive() })).optional(),
    })
    .optional(),
});

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  serverUrl: string;
  workflow: string;
  workspace: string;
  /** The commit the manifests are read at (the PR head for links). */
  headSha: string | null;
  /** The commit to compare with: the PR's base, or the push's `before`. */
  baseSha: string | null;
  pr: { number: number; isFork: boolean } | null;
  workflowRun: z.infer<typeof payload>["workflow_run"] | null;
  /** This run (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT), for a link to it; null outside a runner. */
  runId: string | null;
  runAttempt: string | null;
  /** The repository the action was taken from (GITHUB_ACTION_REPOSITORY), for a link to its documentation. */
  actionRepository: string | null;
  /** The ref the run is for (GITHUB_REF) and the repository's default branch, from the payload. */
  ref: string | null;
  defaultBranch: string | null;
  /** The pull request's base branch. */
  baseRef: string | null;
}

const ZERO_SHA = /^0{40}$/;

export function readContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, name] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !name) throw new Error("GITHUB_REPOSITORY is not set; footprint-gate runs inside GitHub Actions (use the CLI elsewhere)");
  let event: z.infer<typeof payload> = {};
  if (env.GITHUB_EVENT_PATH) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch (err) {
      throw new Error(`cannot read the event payload (${errorMessage(err)})`, { cause: err });
    }
    const parsed = payload.safeParse(raw);
    if (!parsed.success) throw new Error(`unexpected event payload: ${z.prettifyError(parsed.error).split("\n").slice(0, 3).join("; ")}`);
    event = parsed.data;
  }
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const pr = event.pull_request;
  const before = event.before && sha.safeParse(event.before).success && !ZERO_SHA.test(event.before) ? event.before : null;
  return {
    eventName,
    owner,
    repo: name,
    serverUrl: (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/(?<!\/)\/+$/, ""),
    workflow: env.GITHUB_WORKFLOW ?? "",
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    headSha: pr?.head.sha ?? event.workflow_run?.head_sha ?? env.GITHUB_SHA ?? null,
    baseSha: pr ? pr.base.sha : eventName === "push" ? before : null,
    // head.repo is null when the fork was deleted; treat that as a fork too.
    pr: pr ? { number: pr.number, isFork: pr.head.repo?.full_name !== `${owner}/${name}` } : null,
    workflowRun: event.workflow_run ?? null,
    // Only what can go into a URL unchanged; anything else is no run to link to.
    runId: /^\d+$/.test(env.GITHUB_RUN_ID ?? "") ? env.GITHUB_RUN_ID! : null,
    runAttempt: /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? "") ? env.GITHUB_RUN_ATTEMPT! : null,
    actionRepository: /^[\w.-]+\/[\w.-]+$/.test(env.GITHUB_ACTION_REPOSITORY ?? "") ? env.GITHUB_ACTION_REPOSITORY! : null,
    ref: env.GITHUB_REF || null,
    defaultBranch: event.repository?.default_branch || null,
    baseRef: pr?.base.ref || null,
  };
}
