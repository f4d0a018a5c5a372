#!/usr/bin/env node
// The CLI adapter (docs/cli.md). No GitHub client is loaded here: start-up time is a feature.
import { parseArgs } from "node:util";
import pkg from "../package.json" with { type: "json" };
import { evaluate } from "./evaluate.js";
import { evaluateAll, movedFrom, type BaseSide, type Logger } from "./evaluate-all.js";
import { plainText } from "./format/escape.js";
import { renderText } from "./render/text.js";
import { buildReport, exitCode, reportJson, type FailOn, type Report } from "./report.js";
import { existsSync, realpathSync, statSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { BadgeWrite } from "./badge.js";
import type { BadgeMetric } from "./render/badge.js";
import { parseManifest } from "./manifest/parse.js";
import { PathError } from "./manifest/source.js";
import { closest, distance } from "./util/closest.js";
import {
  BaseRefUnavailable,
  SourceError,
  fsReason,
  gitHead,
  gitRefChange,
  gitRefSource,
  readRegularFile,
  repositoryRoot,
  workTreeLaunchFiles,
  workTreeSource,
  writableRelative,
  writeRegularFile,
} from "./sources.js";
import { errorMessage } from "./util/errors.js";

const CHECK_USAGE = `Usage: footprint-gate check [MANIFEST…] [--base FILE | --base-ref GITREF]
                            [--format text|markdown|json] [--max-chars N] [--fail-on error|warning|never]

  MANIFEST      footprint manifest(s), default footprint.yml
  --base FILE   compare with this base manifest (one MANIFEST only)
  --base-ref R  compare with the same path at git ref R (read with git show); a ref git does not have
                (no repository, a shallow clone) gives a base/unavailable notice and no comparison
  --format      text (default), markdown (the PR comment body) or json (the report)
  --max-chars N markdown: fit the body within N characters, as the action fits its comment (default 65536,
                GitHub's limit for a comment)
  --fail-on     error (default): exit 1 when the gate fails; warning: also on warnings; never
`;

const CARD_USAGE = `Usage: footprint-gate card [MANIFEST] [--write [--create]]

  Prints the Hugging Face co2_eq_emissions block for the manifest's training entries: one per model card
  where entries name their own model_card, each with the CO2e of its own entries.
  --write       update it in the front matter of each model_card, leaving every other byte as it was
  --create      with --write: create the model card when it does not exist yet
`;

const BADGE_USAGE = `Usage: footprint-gate badge [MANIFEST…] --out DIR [--metric co2e|energy]

  Writes DIR/footprint.svg and the Shields endpoint JSON DIR/footprint.json (total CO2e, or energy with
  --metric energy; coloured by the use of the total budget). DIR is created when it does not exist.
`;

const HISTORY_USAGE = `Usage: footprint-gate history add REPORT.json --dir DIR [--sha SHA] [--date ISO]
       footprint-gate history page --dir DIR --out FILE

  add           keep a small summary of the report (check --format json) in DIR/<yyyy>/<date>-<sha7>.json:
                totals per manifest and entry, verdict and versions; --sha defaults to GITHUB_SHA or git's HEAD,
                --date to now
  page          write one self-contained HTML page of the records in DIR: energy and CO2e over time as an SVG
                chart with the budgets, and a table of the runs; nothing in it is fetched from the network
`;

const INIT_USAGE = `Usage: footprint-gate init [MANIFEST]

  Finds the launch configs in the repository (SkyPilot, SLURM, Kubernetes, dstack, Vertex AI) and writes a
  starter manifest, default footprint.yml, with one entry per config (from:). Never overwrites a file.
`;

const SCHEMA_USAGE = `Usage: footprint-gate schema [report]

  Prints the JSON Schema of the manifest, or with report the JSON Schema of the report (check --format json).
`;

const USAGE = `footprint-gate — the CI carbon gate for ML projects

Usage:
  footprint-gate check [MANIFEST…] [--base FILE | --base-ref GITREF]
                       [--format text|markdown|json] [--max-chars N] [--fail-on error|warning|never]
  footprint-gate card [MANIFEST] [--write [--create]]
  footprint-gate badge [MANIFEST…] --out DIR [--metric co2e|energy]
  footprint-gate schema [report]
  footprint-gate init [MANIFEST]
  footprint-gate history add REPORT.json --dir DIR [--sha SHA] [--date ISO]
  footprint-gate history page --dir DIR --out FILE
  footprint-gate comment gitlab [MANIFEST…] [check's options | --report FILE]
  footprint-gate COMMAND --help

  MANIFEST      footprint manifest(s), default footprint.yml
  --base FILE   compare with this base manifest (one MANIFEST only)
  --base-ref R  compare with the same path at git ref R (read with git show)
  --format      text (default), markdown (the PR comment body) or json (the report)
  --max-chars N markdown: fit the body within N characters (default 65536)
  --fail-on     error (default): exit 1 when the gate fails; warning: also on warnings; never
  card          print the Hugging Face co2_eq_emissions block for the manifest's model_card;
                --write updates it in the card's front matter, leaving every other byte as it was
                (--create creates a card that does not exist yet)
  init          write a starter manifest with one entry per launch config found in the repository
  badge         write DIR/footprint.svg and the Shields endpoint JSON DIR/footprint.json (total CO2e,
                or energy with --metric energy; coloured by the use of the total budget)

Exit codes: 0 passed, 1 gate failed, 2 a manifest cannot be evaluated, usage error, or a GitLab setting to fix.
`;

/** A mistake on the command line; `usage` is the text of the command it concerns (the global usage otherwise). */
class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string = USAGE,
  ) {
    super(message);
  }
}

/** `--help` was given: print this usage and exit 0. */
class HelpRequest extends Error {
  constructor(readonly usage: string) {
    super("help");
  }
}

type Options = Record<string, { type: "string" | "boolean" }>;
type Values<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean };

/**
 * parseArgs with `--help`/`-h` and messages of our own: the parser's text (hints about `--` and positionals)
 * is not for users, and an empty value is as missing as none.
 */
function parse<O extends Options>(args: string[], options: O, usage: string, allowPositionals = true): { values: Values<O>; positionals: string[] } {
  let parsed: { values: Values<O> & { help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals, options: { ...options, help: { type: "boolean", short: "h" } } });
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (!e.code?.startsWith("ERR_PARSE_ARGS")) throw err;
    // The help wins over any other mistake on the same line.
    if (args.includes("--help") || args.includes("-h")) throw new HelpRequest(usage);
    const quoted = /'(-[^' ]*)/.exec(e.message ?? "")?.[1];
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option ${JSON.stringify(quoted ?? "?")}`, usage);
    if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const extra = args.find((a) => !a.startsWith("-"));
      throw new UsageError(`unexpected argument ${JSON.stringify(extra ?? "?")}`, usage);
    }
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && quoted) {
      const name = quoted.split("=")[0]!;
      throw new UsageError(options[name.replace(/^--/, "")]?.type === "boolean" ? `${name} takes no value` : `${name} needs a value`, usage);
    }
    throw new UsageError("invalid command line", usage);
  }
  if (parsed.values.help) throw new HelpRequest(usage);
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === "") throw new UsageError(`--${name} needs a value`, usage);
  }
  return parsed;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T, usage = USAGE): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`, usage);
}

/**
 * Writes to standard output synchronously, as process.stdout does for files and pipes on Linux and macOS, without
 * creating process.stdout: that loads Node's streams (and net for a pipe), a tenth of a small check's start-up.
 * Windows keeps process.stdout, which writes to its console in UTF-16.
 */
function print(text: string): void {
  if (process.platform === "win32") {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, "utf8");
  for (let done = 0; done < bytes.length;) {
    try {
      done += writeSync(1, bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // The reader left (`… | head`): say so in one line, as other bad runs do.
      if (code === "EPIPE") throw new SourceError("standard output was closed before the whole report was written (EPIPE)");
      // A pipe its reader made non-blocking is full: wait a millisecond for the reader rather than lose the report.
      if (code !== "EAGAIN") throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/** Messages of the run, on stderr: stdout holds the report. */
const stderrLog: Logger = {
  info: (message) => process.stderr.write(`footprint-gate: ${plainText(message)}\n`),
  notice: (message) => process.stderr.write(`footprint-gate: ${plainText(message)}\n`),
  warning: (message) => process.stderr.write(`footprint-gate: warning: ${plainText(message)}\n`),
};

/**
 * The base of `--base FILE` (one manifest) or `--base-ref REF` (the same path at the ref, read with git; a manifest
 * the change moved is compared with its old path, one it deleted is reported as removed).
 */
function baseSide(file: string | undefined, ref: string | undefined, heads: readonly string[]): BaseSide | null {
  if (file !== undefined) {
    return {
      name: `--base ${file}`,
      async compare() {
        try {
          return { base: workTreeSource(file) };
        } catch (err) {
          if (err instanceof SourceError) throw new SourceError(`--base ${err.path ?? file}: ${err.message}`);
          throw err;
        }
      },
    };
  }
  if (ref === undefined) return null;
  const change = gitRefChange(ref, heads);
  return {
    name: `--base-ref ${ref}`,
    commit: {
      source: (path) => change.source(path),
      files: () => change.files(),
      changes: async () => {
        const files = await change.changes();
        if (files === null)
          stderrLog.warning(
            `git cannot list the files changed since ${ref}: a moved manifest is reported as removed and new, and launch configs are not checked.`,
          );
        return files ?? [];
      },
      changesFrom: "git",
    },
    async compare(path, head) {
      try {
        const base = await gitRefSource(path, ref, head.path);
        if (base) return { base };
        // A manifest moved here since the ref is compared with its old path (the files changed since are local).
        const from = (await change.changes())?.find((c) => c.status === "renamed" && c.path === path)?.previous_path;
        const old = from ? await change.source(from) : null;
        if (old) return { base: old, notice: movedFrom(from!) };
        return { base: null, notice: { rule: "base/new-manifest", message: `new manifest, no base at ${ref}: no comparison is made` } };
      } catch (err) {
        // Git cannot give the base here: the head is judged alone, and the notice says why and how to fix it.
        if (!(err instanceof BaseRefUnavailable)) throw err;
        return { base: null, notice: { rule: "base/unavailable", message: `${err.message}; no comparison is made` } };
      }
    },
  };
}

const CHECK_OPTIONS = {
  base: { type: "string" },
  "base-ref": { type: "string" },
  format: { type: "string" },
  "fail-on": { type: "string" },
} as const satisfies Options;

/** GitHub's limit for a comment, the default fit of `--format markdown`. */
const MAX_CHARS = 65_536;
/** Below this the fitted body would hold little more than the note that it was cut. */
const MIN_CHARS = 4096;

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...CHECK_OPTIONS, "max-chars": { type: "string" } }, CHECK_USAGE);
  const raw = values["max-chars"];
  if (raw !== undefined && (!/^\d{1,9}$/.test(raw) || Number(raw) < MIN_CHARS))
    throw new UsageError(`--max-chars must be a whole number of characters, at least ${MIN_CHARS} (got ${JSON.stringify(raw.slice(0, 40))})`, CHECK_USAGE);
  const { report, format, failOn } = await checkReport(values, positionals, CHECK_USAGE);
  print(await formatReport(report, format, raw === undefined ? MAX_CHARS : Number(raw)));
  return exitCode(report, failOn);
}

/** check's report, shared by `check` and `comment gitlab` (same arguments). */
async function checkReport(values: Values<typeof CHECK_OPTIONS>, positionals: string[], usage: string) {
  const format = oneOf("format", values.format, ["text", "markdown", "json"] as const, "text", usage);
  const failOn = oneOf<FailOn>("fail-on", values["fail-on"], ["error", "warning", "never"], "error", usage);
  const files = positionals.length > 0 ? positionals : ["footprint.yml"];
  if (values.base !== undefined && values["base-ref"] !== undefined) throw new UsageError("give --base or --base-ref, not both", usage);
  if (values.base !== undefined && files.length > 1) throw new UsageError("--base takes one manifest; use --base-ref to compare several", usage);
  const root = repositoryRoot(dirname(resolve(files[0]!)));
  const report = await evaluateAll({
    paths: files,
    readHead: (file) => workTreeSource(file),
    base: baseSide(values.base, values["base-ref"], files),
    launchFiles: workTreeLaunchFiles(existsSync(root) ? realpathSync(root) : root, process.cwd()),
    log: stderrLog,
  });
  return { report, format, failOn };
}

async function formatReport(report: Report, format: "text" | "markdown" | "json", maxChars = MAX_CHARS): Promise<string> {
  if (format === "json") return reportJson(report);
  if (format === "text") return renderText(report);
  // The Markdown renderer is loaded only for the formats that need it, not at every start-up.
  const { docsUrl, fitMarkdown } = await import("./render/markdown.js");
  // The body a host can take: shortened as the action shortens its comment (UTF-8 bytes bound the characters).
  return fitMarkdown(report, { footer: { docsUrl: docsUrl() }, elsewhere: "the JSON report (check --format json)" }, maxChars).body;
}

/** `comment gitlab`: check (or a report), then the merge request's note; the settings are checked before any work. */
async function comment(args: string[]): Promise<number> {
  // GitLab's client (and the Markdown of its note) is loaded only for this command, not at every start-up.
  const { commentOnMergeRequest, GITLAB_USAGE, GitlabError, mergeRequestOf } = await import("./gitlab/comment.js");
  try {
    const [host, ...rest] = args;
    if (host === "--help" || host === "-h") throw new HelpRequest(GITLAB_USAGE);
    if (host !== "gitlab")
      throw new UsageError(
        host === undefined ? "comment needs a host: comment gitlab" : `unknown host ${JSON.stringify(host)}; only gitlab is supported`,
        GITLAB_USAGE,
      );
    const { values, positionals } = parse(rest, { ...CHECK_OPTIONS, report: { type: "string" } }, GITLAB_USAGE);
    if (values.report !== undefined && (positionals.length > 0 || values.base !== undefined || values["base-ref"] !== undefined))
      throw new UsageError("--report replaces MANIFEST, --base and --base-ref", GITLAB_USAGE);
    const mr = mergeRequestOf(process.env);
    const { report, format, failOn } =
      values.report === undefined
        ? await checkReport(values, positionals, GITLAB_USAGE)
        : {
            report: await readReportFile(values.report),
            format: oneOf("format", values.format, ["text", "markdown", "json"] as const, "text", GITLAB_USAGE),
            failOn: oneOf<FailOn>("fail-on", values["fail-on"], ["error", "warning", "never"], "error", GITLAB_USAGE),
          };
    print(await formatReport(report, format));
    process.stderr.write(`footprint-gate: ${await commentOnMergeRequest(report, mr, values["base-ref"] ?? null)}\n`);
    return exitCode(report, failOn);
  } catch (err) {
    // A setting the job must fix: one line and exit code 2, like bad input.
    if (!(err instanceof GitlabError)) throw err;
    process.stderr.write(`footprint-gate: comment gitlab: ${plainText(err.message)}\n`);
    return 2;
  }
}

/** A report written by `check --format json`, read as untrusted input (its zod schema is loaded only here). */
async function readReportFile(path: string): Promise<Report> {
  const { MAX_REPORT_BYTES, parseReport } = await import("./report-schema.js");
  let bytes: Buffer | null;
  try {
    bytes = readRegularFile(path, MAX_REPORT_BYTES);
  } catch (err) {
    throw new SourceError(err instanceof PathError ? err.message : `cannot read it (${fsReason(err)})`, path);
  }
  if (bytes === null) throw new SourceError("no such file", path);
  try {
    return parseReport(bytes.toString("utf8"));
  } catch (err) {
    throw new SourceError(`not a footprint-gate report: ${errorMessage(err)}`, path);
  }
}

async function badge(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: "string" }, metric: { type: "string" } }, BADGE_USAGE);
  if (values.out === undefined) throw new UsageError("badge needs --out DIR", BADGE_USAGE);
  const out = values.out;
  const metric = oneOf<BadgeMetric>("metric", values.metric, ["co2e", "energy"], "co2e", BADGE_USAGE);
  // Refused before any work: --out names the folder to write into, not a file.
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new SourceError(`--out ${out}: is a file, not a folder; give the folder to write footprint.svg and footprint.json into`);
  const paths = positionals.length > 0 ? positionals : ["footprint.yml"];
  // Every manifest is read first: one that cannot be read stops the command with one line, before anything is
  // written, where evaluateAll would make it a finding of the report.
  const heads = new Map(paths.map((path) => [path, workTreeSource(path)]));
  const report = await evaluateAll({ paths, readHead: (path) => heads.get(path)!, base: null, log: stderrLog });
  // The badge writer (and its SVG maker) is loaded only for this command.
  const { BadgeWriteError, writeBadge } = await import("./badge.js");
  let result: BadgeWrite;
  try {
    // The user's own folder, not confined to the repository; no file in it is written through a symlink.
    result = await writeBadge(report, metric, { path: out, dir: () => out, file: (name) => join(out, name) });
  } catch (err) {
    if (!(err instanceof BadgeWriteError)) throw err;
    if (err.target === "folder") throw new SourceError(`--out ${out}: cannot create the folder: ${err.reason}`);
    throw new SourceError(err.cause instanceof PathError ? err.reason : `cannot write it: ${err.reason}`, err.path);
  }
  if (!result.written) {
    print(renderText(report));
    return 2;
  }
  const { badge: b, files } = result;
  print(`${files["footprint.svg"]}, ${files["footprint.json"]}: ${b.label} ${b.message} (${b.color})\n`);
  return 0;
}

async function card(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { write: { type: "boolean" }, create: { type: "boolean" } }, CARD_USAGE);
  if (positionals.length > 1) throw new UsageError("card takes one manifest", CARD_USAGE);
  if (values.create && !values.write) throw new UsageError("--create goes with --write", CARD_USAGE);
  const file = positionals[0] ?? "footprint.yml";
  const source = workTreeSource(file);
  const report = await evaluate(source, null);
  if (report.status === "unevaluated") {
    print(renderText(buildReport([report])));
    return 2;
  }
  // The card's emissions are those of training; without a training entry there is nothing to disclose.
  if (!report.runs.some((r) => r.kind === "training")) {
    throw new SourceError("no training entries: the card's co2_eq_emissions is the CO2e of training; add a training entry", source.path);
  }
  const manifest = (await parseManifest(source.text, source.path)).manifest!;
  const { cardGroups, MAX_MODEL_CARDS } = await import("./policy.js");
  const groups = cardGroups(manifest);
  if (groups.own.length > MAX_MODEL_CARDS) throw new SourceError(`more than ${MAX_MODEL_CARDS} model cards are named; name fewer`, source.path);
  // The YAML and Markdown parsers load only for this command, not at every start-up.
  const { MAX_MODEL_CARD_BYTES, parseModelCard, quoter, writeCo2Block } = await import("./modelcard.js");
  const { co2BlockYaml, formatGrams, suggestedCo2Block } = await import("./co2-block.js");
  // Each card with its own entries' figures; one card (or none) for a one-model repository, as before.
  const cards = groups.own.length === 0 ? [groups.top] : [...(groups.top && groups.top.ids.size > 0 ? [groups.top] : []), ...groups.own];
  const prepared = [];
  for (const group of cards) {
    const ref = group?.ref;
    let existing: string | null;
    try {
      existing = ref ? await source.readRelative(ref, { maxBytes: MAX_MODEL_CARD_BYTES }) : null;
    } catch (err) {
      // Outside the repository, too large, unreadable: name the card, as for a manifest.
      if (err instanceof PathError) throw new SourceError(`model_card ${ref}: ${err.message}`, source.path);
      throw err;
    }
    const runs = group && groups.own.length > 0 ? report.runs.filter((r) => group.ids.has(r.id)) : report.runs;
    const parsed = existing === null ? null : parseModelCard(existing);
    prepared.push({ ref, existing, parsed, block: suggestedCo2Block(runs, parsed?.co2 ?? null) });
  }
  if (!values.write) {
    const blocks = prepared.map(({ ref, parsed, block }) => {
      const yaml = co2BlockYaml(block, quoter(parsed?.quoting ?? "double"))
        .split("\n")
        .map(plainText)
        .join("\n");
      // Several cards: each block is headed by its card, as a YAML comment.
      return groups.own.length > 0 ? `# ${plainText(ref!)}\n${yaml}` : yaml;
    });
    print(blocks.join("\n\n") + "\n");
    return 0;
  }
  if (prepared.some((p) => !p.ref)) throw new UsageError(`${source.path} names no model_card to write to`, CARD_USAGE);
  // Every card is checked before any is written: a mistyped path must not leave some cards updated.
  const targets = prepared.map(({ ref }) => writableRelative(file, ref!));
  for (const { ref, existing } of prepared) {
    if (existing !== null) continue;
    // A mistyped model_card must not quietly become a new card beside the real one.
    if (await source.exists(ref!)) throw new SourceError(`${ref}: the model card is a folder, not a file`, source.path);
    if (!values.create) throw new SourceError(`${ref}: the model card does not exist; check model_card, or add --create to create it`, source.path);
  }
  const written: string[] = [];
  for (const [i, { ref, existing, block }] of prepared.entries()) {
    try {
      writeRegularFile(targets[i]!, writeCo2Block(existing ?? "", block));
    } catch (err) {
      throw new SourceError(`${ref}: cannot update the card (${fsReason(err)})`);
    }
    written.push(`${plainText(ref!)}: co2_eq_emissions.emissions = ${formatGrams(block.grams)} g (operational)`);
  }
  print(written.join("\n") + "\n");
  return 0;
}

async function history(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === "--help" || action === "-h") throw new HelpRequest(HISTORY_USAGE);
  if (action !== "add" && action !== "page")
    throw new UsageError(action === undefined ? "history needs add or page" : `unknown history command ${JSON.stringify(action)}`, HISTORY_USAGE);
  const { values, positionals } = parse(
    rest,
    { dir: { type: "string" }, out: { type: "string" }, sha: { type: "string" }, date: { type: "string" } },
    HISTORY_USAGE,
  );
  if (values.dir === undefined) throw new UsageError(`history ${action} needs --dir DIR`, HISTORY_USAGE);
  // The history's modules (and zod, which reads records) load only for this command.
  const { HistoryError, historyRecord, readRecords, writeRecord } = await import("./history/record.js");
  try {
    if (action === "add") {
      if (positionals.length !== 1) throw new UsageError("history add takes one report (check --format json)", HISTORY_USAGE);
      if (values.out !== undefined) throw new UsageError("history add takes no --out", HISTORY_USAGE);
      const report = await readReportFile(positionals[0]!);
      const sha = values.sha ?? process.env.GITHUB_SHA ?? headCommit();
      const record = historyRecord(report, { sha, date: values.date ?? new Date().toISOString(), ref: process.env.GITHUB_REF ?? null });
      const rel = writeRecord(values.dir, record);
      print(`${join(values.dir, rel)}\n`);
      return 0;
    }
    if (positionals.length > 0 || values.sha !== undefined || values.date !== undefined)
      throw new UsageError("history page takes --dir and --out only", HISTORY_USAGE);
    if (values.out === undefined) throw new UsageError("history page needs --out FILE", HISTORY_USAGE);
    const { historyPage } = await import("./history/page.js");
    const { records, skipped } = readRecords(values.dir);
    for (const s of skipped) stderrLog.warning(`${values.dir}: skipped ${s}`);
    writeRegularFile(values.out, historyPage(records, { version: pkg.version }));
    print(`${values.out}: ${records.length} runs\n`);
    return 0;
  } catch (err) {
    if (err instanceof HistoryError) throw new SourceError(err.message);
    throw err;
  }
}

/** The commit checked out in the current folder, for a record made outside a runner. */
function headCommit(): string {
  const sha = gitHead(process.cwd());
  if (sha === null) throw new UsageError("no --sha given, GITHUB_SHA is not set and git has no HEAD here", HISTORY_USAGE);
  return sha;
}

/** `init`: a starter manifest from the launch configs in the repository; never overwrites. */
async function init(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, INIT_USAGE);
  if (positionals.length > 1) throw new UsageError("init takes one manifest path", INIT_USAGE);
  const file = resolve(positionals[0] ?? "footprint.yml");
  if (existsSync(file))
    throw new SourceError("exists already; init never overwrites a manifest (check it with footprint-gate check)", positionals[0] ?? "footprint.yml");
  const dir = dirname(file);
  const root = repositoryRoot(dir);
  // The readers and the starter load only for this command.
  const [{ readLaunchConfig, recogniseLaunchFormat }, { starterManifest }, { SCAN_LIMITS }] = await Promise.all([
    import("./launch/index.js"),
    import("./launch/starter.js"),
    import("./launch/unread.js"),
  ]);
  const files = workTreeLaunchFiles(root);
  const listing = files.present();
  const found = [];
  for (const path of listing.paths.slice(0, SCAN_LIMITS.files)) {
    const text = await files.read(path, SCAN_LIMITS.fileBytes);
    if (text === null || recogniseLaunchFormat(text, path) === null) continue;
    found.push({ path: relative(dir, join(root, path)).split(sep).join("/"), read: await readLaunchConfig(text) });
  }
  const starter = starterManifest(basename(root), found);
  try {
    writeFileSync(file, starter.text, { flag: "wx" });
  } catch (err) {
    throw new SourceError(`cannot write it (${fsReason(err)})`, positionals[0] ?? "footprint.yml");
  }
  const lines = [`Found ${found.length} launch config(s)${listing.truncated ? ` (${listing.truncated})` : ""}.`];
  if (starter.entries.length > 0) lines.push("Entries written:");
  for (const e of starter.entries) lines.push(`  ${e}`);
  if (starter.unread.length > 0) lines.push("Could not read (left commented out):");
  for (const e of starter.unread) lines.push(`  ${e}`);
  lines.push(`Wrote ${relative(process.cwd(), file) || file}: state the hours marked TODO, then run footprint-gate check.`);
  print(lines.map(plainText).join("\n") + "\n");
  return 0;
}

async function schema(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, SCHEMA_USAGE);
  if (positionals.length > 1 || (positionals[0] !== undefined && positionals[0] !== "report"))
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals.at(-1))}`, SCHEMA_USAGE);
  // zod is loaded only for this command (and to explain a rejected manifest), not for every check.
  if (positionals[0] === "report") {
    const { reportJsonSchema } = await import("./report-schema.js");
    print(JSON.stringify(reportJsonSchema(), null, 2) + "\n");
    return 0;
  }
  const { jsonSchema } = await import("./manifest/schema.js");
  print(JSON.stringify(jsonSchema(), null, 2) + "\n");
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await check(rest);
      case "schema":
        return await schema(rest);
      case "card":
        return await card(rest);
      case "badge":
        return await badge(rest);
      case "init":
        return await init(rest);
      case "comment":
        return await comment(rest);
      case "history":
        return await history(rest);
      case "--version":
      case "-v":
        print(`${pkg.version}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        print(USAGE);
        return command === undefined ? 2 : 0;
      default: {
        // A near miss (chek, bagde) names the command meant; the input is bounded by closest's length limit.
        const near = closest(command, ["check", "card", "badge", "schema", "init", "comment", "history", "help"], 1)[0];
        const meant = near !== undefined && distance(command.toLowerCase(), near, 2) <= 2 ? ` (did you mean ${near}?)` : "";
        throw new UsageError(`unknown command ${JSON.stringify(command)}${meant}`);
      }
    }
  } catch (err) {
    if (err instanceof HelpRequest) {
      print(err.usage);
      return 0;
    }
    // Bad input and usage get one clear line and exit code 2, never a stack trace.
    if (err instanceof UsageError) {
      process.stderr.write(`footprint-gate: ${plainText(err.message)}\n\n${err.usage}`);
      return 2;
    }
    if (err instanceof SourceError || err instanceof PathError) {
      const where = err instanceof SourceError && err.path ? `${err.path}: ` : "";
      process.stderr.write(`footprint-gate: ${plainText(`${where}${err.message}`)}\n`);
      return 2;
    }
    // An ordinary file-system mistake (a file for a folder, no permission) is bad input, not a crash.
    const sys = err as NodeJS.ErrnoException;
    if (typeof sys.code === "string" && typeof sys.syscall === "string") {
      process.stderr.write(`footprint-gate: ${plainText(`${sys.path ? `${sys.path}: ` : ""}${fsReason(err)}`)}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`footprint-gate: internal error: ${plainText(errorMessage(err))}\nPlease report this with the manifest that caused it.\n`);
    process.exitCode = 3;
  },
);
