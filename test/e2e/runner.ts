// Runs the bundled action (`node dist/index.js`) the way the Actions runner does: a fresh environment with the
// INPUT_* variables (defaults from action.yml), the GITHUB_* context, an event payload file, and the
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files; then reads back what the step produced.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { FakeGitHub, type RecordedRequest } from "./fake-github.js";
import { BOT, FakeGitlab } from "./fake-gitlab.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const ACTION = join(ROOT, "dist", "index.js");
export const CLI = join(ROOT, "dist", "cli.js");

export interface Annotation {
  level: "error" | "warning" | "notice";
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
  message: string;
}

export interface RunOptions {
  server: FakeGitHub;
  workspace: string;
  eventName: string;
  payload: unknown;
  /** Action inputs by their action.yml names; unspecified ones take action.yml's defaults, as the runner does. */
  inputs?: Record<string, string>;
  token?: string;
  repository?: string;
  sha?: string;
  workflow?: string;
  serverUrl?: string;
  apiUrl?: string;
  /** Extra or overriding environment variables (GITHUB_RUN_ID is "1" unless given here). */
  env?: Record<string, string>;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  outputFile: string;
  summary: string;
  annotations: Annotation[];
  /** Every `::command …::` line of stdout, raw. */
  commands: string[];
  requests: RecordedRequest[];
  /** The report JSON the action wrote (its `report` output), if any. */
  reportText: string | null;
  /** GITHUB_ENV, GITHUB_PATH and GITHUB_STATE after the run. */
  commandFiles: Record<string, string>;
  token: string;
}

export const WORKFLOW = "footprint";
export const REPOSITORY = "octo-org/octo-repo";
export const HEAD_SHA = "a".repeat(40);
export const BASE_SHA = "b".repeat(40);

/** A token shaped like an installation token (`ghs_` + 36 characters; `ghp_` for a personal one), new for each call. */
export function newToken(prefix: "ghs_" | "ghp_" = "ghs_"): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = prefix;
  for (let i = 0; i < 36; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

let scratch: string | null = null;
/** A folder under one per-process scratch root (removed by `cleanup()`). */
export function tempDir(label: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), "fg-e2e-"));
  return mkdtempSync(join(scratch, `${label}-`));
}

export function cleanup(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = null;
}

/** Writes `files` (path → text) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
}

/** A workspace without git history (a shallow checkout as far as the action can tell). */
export function workspace(files: Record<string, string>): string {
  const dir = tempDir("ws");
  writeFiles(dir, files);
  return dir;
}

const GIT_ENV = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z",
  GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z",
};

function git(cwd: string, args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    env: GIT_ENV,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** A git repository whose first commit holds `base` and whose work tree holds `head` (uncommitted is enough). */
export function gitWorkspace(base: Record<string, string>, head: Record<string, string>): { dir: string; baseSha: string } {
  const dir = tempDir("git");
  git(dir, ["init", "-q"]);
  writeFiles(dir, base);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "base"]);
  const baseSha = git(dir, ["rev-parse", "HEAD"]);
  for (const p of Object.keys(base)) if (!(p in head)) rmSync(join(dir, p));
  writeFiles(dir, head);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "--allow-empty", "-m", "head"]);
  return { dir, baseSha };
}

/** action.yml's inputs and their defaults; `${{ … }}` defaults are the runner's to fill. */
function actionDefaults(): Record<string, string> {
  const doc = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: unknown }> };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc.inputs)) {
    const d = typeof spec.default === "string" ? spec.default : spec.default === undefined || spec.default === null ? "" : JSON.stringify(spec.default);
    out[name] = d.includes("${{") ? "" : d;
  }
  return out;
}

/** Another engineer may be rebuilding dist/ (the build removes the folder first): wait for the bundle. */
async function waitForBundle(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (existsSync(ACTION) && existsSync(join(ROOT, "dist", "package.json"))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("dist/index.js is missing: run `npm run build`");
}

/** `name<<DELIMITER` heredocs (and legacy `name=value` lines) of a GITHUB_OUTPUT file. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: ${name} has no closing delimiter ${delimiter}`);
      out[name!] = value.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT: cannot parse ${JSON.stringify(line)}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ":").replace(/%2C/g, ",");

/** `::error file=…,line=…,col=…,title=…::message` workflow commands of stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const a: Annotation = { level: m[1] as Annotation["level"], message: unescapeData(m[3]!) };
    for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      const key = pair.slice(0, eq);
      const value = unescapeProperty(pair.slice(eq + 1));
      if (key === "line" || key === "col" || key === "endLine" || key === "endColumn") a[key] = Number(value);
      else if (key === "file" || key === "title") a[key] = value;
    }
    out.push(a);
  }
  return out;
}

export async function runAction(o: RunOptions): Promise<RunResult> {
  await waitForBundle();
  const token = o.token ?? newToken();
  const temp = tempDir("runner");
  const home = join(temp, "home");
  mkdirSync(home);
  const outputFile = join(temp, "github_output");
  const summaryFile = join(temp, "step_summary");
  const eventFile = join(temp, "event.json");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const commandFiles = { GITHUB_ENV: join(temp, "github_env"), GITHUB_PATH: join(temp, "github_path"), GITHUB_STATE: join(temp, "github_state") };
  for (const f of Object.values(commandFiles)) writeFileSync(f, "");
  writeFileSync(eventFile, JSON.stringify(o.payload, null, 2));

  const inputs: Record<string, string> = { ...actionDefaults(), "github-token": token, ...o.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GIT_CONFIG_NOSYSTEM: "1",
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: o.repository ?? REPOSITORY,
    GITHUB_REPOSITORY_OWNER: (o.repository ?? REPOSITORY).split("/")[0]!,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_SHA: o.sha ?? HEAD_SHA,
    GITHUB_WORKFLOW: o.workflow ?? WORKFLOW,
    GITHUB_RUN_ID: "1",
    GITHUB_ACTOR: "octocat",
    GITHUB_SERVER_URL: o.serverUrl ?? "https://github.com",
    GITHUB_API_URL: o.apiUrl ?? o.server.apiUrl,
    GITHUB_GRAPHQL_URL: `${o.apiUrl ?? o.server.apiUrl}/graphql`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: join(temp, "runner_temp"),
    RUNNER_OS: "Linux",
    ...commandFiles,
    ...o.env,
  };
  mkdirSync(env.RUNNER_TEMP!, { recursive: true });
  // The runner's naming: `INPUT_` + the name upper-cased with spaces as `_`; hyphens are kept.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;

  const first = o.server.requests.length;
  // A rebuild of dist/ by someone else may remove the bundle under our feet; that fails before any request, so rerun.
  let [code, signal, stdout, stderr] = await spawnAction(env, o.workspace);
  for (let attempt = 1; attempt <= 3 && code !== 0 && /Cannot find module|ERR_MODULE_NOT_FOUND/.test(stderr) && o.server.requests.length === first; attempt++) {
    await waitForBundle();
    writeFileSync(outputFile, "");
    writeFileSync(summaryFile, "");
    [code, signal, stdout, stderr] = await spawnAction(env, o.workspace);
  }

  const outputs = parseOutputFile(readFileSync(outputFile, "utf8"));
  const reportPath = outputs.report;
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs,
    outputFile: readFileSync(outputFile, "utf8"),
    summary: readFileSync(summaryFile, "utf8"),
    annotations: parseAnnotations(stdout),
    commands: stdout.split(/\r?\n/).filter((l) => l.startsWith("::")),
    requests: o.server.requests.slice(first),
    reportText: reportPath && existsSync(reportPath) ? readFileSync(reportPath, "utf8") : null,
    commandFiles: Object.fromEntries(Object.entries(commandFiles).map(([k, f]) => [k, readFileSync(f, "utf8")])),
    token,
  };
}

function spawnAction(env: Record<string, string>, cwd: string): Promise<[number | null, NodeJS.Signals | null, string, string]> {
  const child = spawn(process.execPath, [ACTION], { cwd, env, stdio: ["ignore", "pipe", "pipe"], shell: false });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c, s) => resolve([c, s, stdout, stderr]));
  });
}

/** Runs the CLI (`node dist/cli.js …`) in `cwd` with `env` added to a bare environment. */
export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  for (let attempt = 0; ; attempt++) {
    await waitForBundle();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (c) => resolve(c));
    });
    if (code === 0 || attempt >= 3 || !/Cannot find module|ERR_MODULE_NOT_FOUND/.test(stderr)) return { code, stdout, stderr };
  }
}

/** The test file's fake GitHub: started before its tests, reset before each, closed (and scratch folders removed) after. */
export function serveFakeGitHub(): FakeGitHub {
  const server = new FakeGitHub({ repository: REPOSITORY });
  beforeAll(() => server.start());
  afterAll(async () => {
    await server.close();
    cleanup();
  });
  beforeEach(() => server.reset());
  return server;
}

/** A stand-in GitLab for the file (or describe block): started once, `token` acting as the bot, reset per test. */
export function serveFakeGitlab(token: string): FakeGitlab {
  const gitlab = new FakeGitlab();
  beforeAll(() => gitlab.start());
  afterAll(async () => {
    await gitlab.close();
    cleanup();
  });
  beforeEach(() => {
    gitlab.reset();
    gitlab.tokens.set(token, BOT);
  });
  return gitlab;
}

/**
 * A valid one-entry manifest: 8 H100 × `hours` h in gcp:europe-west4 = 61.6 kWh per 10 h. The budget value is on
 * line 11, column 15 (one line lower with a `comment`, written after the project).
 */
export function demoManifest(o: { hours?: number; budget?: number; project?: string; id?: string; comment?: string } = {}): string {
  return `version: 1
project: ${o.project ?? "demo"}${o.comment ? `\n# ${o.comment}` : ""}
defaults:
  location: gcp:europe-west4
training:
  - id: ${o.id ?? "train-a"}
    accelerator: nvidia-h100-sxm
    count: 8
    hours: ${o.hours ?? 10}
budget:
  energy_kwh: ${o.budget ?? 10000}
`;
}
