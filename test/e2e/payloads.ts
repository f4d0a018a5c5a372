// Event payloads for the runs, taken from @octokit/webhooks-examples (real payloads) and pointed at the fake repository
// and at commit shas the tests control.
import examples from "@octokit/webhooks-examples";
import { BASE_SHA, HEAD_SHA, REPOSITORY } from "./runner.js";

interface Repo {
  full_name: string;
  name: string;
  owner: { login: string };
}

export interface PullRequestPayload {
  action: string;
  number: number;
  pull_request: { number: number; base: { sha: string; ref: string; repo: Repo }; head: { sha: string; ref: string; label: string; repo: Repo | null } };
  repository: Repo;
}

export interface PushPayload {
  before: string;
  after: string;
  ref: string;
  repository: Repo;
}

export interface WorkflowRunPayload {
  action: string;
  workflow_run: {
    event: string;
    head_sha: string;
    head_branch: string | null;
    head_repository: Repo | null;
    pull_requests: { number: number }[];
    repository: Repo;
  };
  repository: Repo;
}

// The package's types name @octokit/webhooks-types, which is not installed: read it as plain data.
const definitions = examples as unknown as { name: string; examples: unknown[] }[];

function example(event: string, action?: string): unknown {
  const def = definitions.find((e) => e.name === event);
  if (!def) throw new Error(`no ${event} example in @octokit/webhooks-examples`);
  const found = (def.examples as { action?: string }[]).find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no ${event}.${action} example`);
  return structuredClone(found);
}

function pointAt(repo: Repo, fullName: string): void {
  const [owner, name] = fullName.split("/") as [string, string];
  repo.full_name = fullName;
  repo.name = name;
  repo.owner.login = owner;
}

export function pullRequest(
  o: { action?: "opened" | "synchronize"; number?: number; baseSha?: string; headSha?: string; fork?: string; repository?: string } = {},
): PullRequestPayload {
  const p = example("pull_request", o.action ?? "opened") as PullRequestPayload;
  const repository = o.repository ?? REPOSITORY;
  const n = o.number ?? 12;
  p.number = n;
  p.pull_request.number = n;
  pointAt(p.repository, repository);
  pointAt(p.pull_request.base.repo, repository);
  p.pull_request.base.sha = o.baseSha ?? BASE_SHA;
  p.pull_request.base.ref = "main";
  p.pull_request.head.sha = o.headSha ?? HEAD_SHA;
  p.pull_request.head.ref = "feature";
  if (!p.pull_request.head.repo) throw new Error("the example has no head repository");
  // A fork: the head repository belongs to another owner.
  pointAt(p.pull_request.head.repo, o.fork ?? repository);
  p.pull_request.head.label = `${(o.fork ?? repository).split("/")[0]}:feature`;
  return p;
}

export function push(o: { before?: string; after?: string } = {}): PushPayload {
  const p = example("push") as PushPayload;
  pointAt(p.repository, REPOSITORY);
  p.before = o.before ?? BASE_SHA;
  p.after = o.after ?? HEAD_SHA;
  p.ref = "refs/heads/main";
  return p;
}

export function workflowRun(o: { headSha?: string; headBranch?: string; fork?: string; pullRequests?: { number: number }[] } = {}): WorkflowRunPayload {
  const p = example("workflow_run", "completed") as WorkflowRunPayload;
  pointAt(p.repository, REPOSITORY);
  pointAt(p.workflow_run.repository, REPOSITORY);
  p.workflow_run.event = "pull_request";
  p.workflow_run.head_sha = o.headSha ?? HEAD_SHA;
  p.workflow_run.head_branch = o.headBranch ?? "patch-1";
  if (!p.workflow_run.head_repository) throw new Error("the example has no head repository");
  pointAt(p.workflow_run.head_repository, o.fork ?? "forker/octo-repo");
  p.workflow_run.pull_requests = o.pullRequests ?? [];
  return p;
}
