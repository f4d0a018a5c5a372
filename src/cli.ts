#!/usr/bin/env node
// The CLI adapter (SPEC §4). No GitHub client is loaded here: start-up time is a feature.
import { parseArgs } from "node:util";
import pkg from "../package.json" with { type: "json" };
import { evaluate, PathError, unreadableManifest, type ManifestReport, type ManifestSource } from "./evaluate.js";
import { jsonSchema } from "./manifest/schema.js";
import { renderMarkdown } from "./render/markdown.js";
import { plainText } from "./render/escape.js";
import { renderText } from "./render/text.js";
import { buildReport, exitCode, reportJson, type FailOn } from "./report.js";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { badgeFiles, badgeOf, type BadgeMetric } from "./render/badge.js";
import { parseManifest } from "./manifest/parse.js";
import { co2BlockYaml, formatGrams, MAX_MODEL_CARD_BYTES, parseModelCard, suggestedCo2Block, writeCo2Block } from "./modelcard.js";
import { SourceError, gitRefSource, workTreeSource, writableRelative, writeRegularFile } from "./sources.js";

const USAGE = `footprint-gate — the CI carbon gate for ML projects

Usage:
  footprint-gate check [MANIFEST…] [--base FILE | --base-ref GITREF]
                       [--format text|markdown|json] [--fail-on error|warning|never]
  footprint-gate card [MANIFEST] [--write]
  footprint-gate badge [MANIFEST…] --out DIR [--metric co2e|energy]
  footprint-gate schema

  MANIFEST      footprint manifest(s), default footprint.yml
  --base FILE   compare with this base manifest (one MANIFEST only)
  --base-ref R  compare with the same path at git ref R (read with git show)
  --format      text (default), markdown (the PR comment body) or json (the report)
  --fail-on     error (default): exit 1 when the gate fails; warning: also on warnings; never
  card          print the Hugging Face co2_eq_emissions block for the manifest's model_card;
                --write updates it in the card's front matter, leaving every other byte as it was
  badge         write DIR/footprint.svg and the Shields endpoint JSON DIR/footprint.json (total CO2e,
                or energy with --metric energy; coloured by the use of the total budget)

Exit codes: 0 passed, 1 gate failed, 2 a manifest cannot be evaluated or usage error.
`;

class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      base: { type: "string" },
      "base-ref": { type: "string" },
      format: { type: "string" },
      "fail-on": { type: "string" },
    },
  });
  const format = oneOf("format", values.format, ["text", "markdown", "json"] as const, "text");
  const failOn = oneOf<FailOn>("fail-on", values["fail-on"], ["error", "warning", "never"], "error");
  const files = positionals.length > 0 ? positionals : ["footprint.yml"];
  if (values.base !== undefined && values["base-ref"] !== undefined) throw new UsageError("give --base or --base-ref, not both");
  if (values.base !== undefined && files.length > 1) throw new UsageError("--base takes one manifest; use --base-ref to compare several");

  const manifests: ManifestReport[] = [];
  for (const file of files) {
    let head: ManifestSource;
    try {
      head = workTreeSource(file);
    } catch (err) {
      // A missing manifest is reported like any other problem, so --format json still prints a report.
      if (!(err instanceof SourceError) || err.path === undefined) throw err;
      manifests.push(unreadableManifest(err.path, err.message));
      continue;
    }
    const base =
      values.base !== undefined ? workTreeSource(values.base) : values["base-ref"] !== undefined ? await gitRefSource(file, values["base-ref"], head.path) : null;
    manifests.push(await evaluate(head, base));
  }
  const report = buildReport(manifests);
  const output = format === "json" ? reportJson(report) : format === "markdown" ? renderMarkdown(report) : renderText(report);
  process.stdout.write(output);
  return exitCode(report, failOn);
}

async function badge(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" }, metric: { type: "string" } } });
  if (values.out === undefined) throw new UsageError("badge needs --out DIR");
  const metric = oneOf<BadgeMetric>("metric", values.metric, ["co2e", "energy"], "co2e");
  const reports: ManifestReport[] = [];
  for (const file of positionals.length > 0 ? positionals : ["footprint.yml"]) reports.push(await evaluate(workTreeSource(file), null));
  const report = buildReport(reports);
  if (exitCode(report, "never") === 2) {
    process.stdout.write(renderText(report));
    return 2;
  }
  mkdirSync(values.out, { recursive: true });
  for (const [name, content] of Object.entries(await badgeFiles(report, metric))) {
    try {
      writeRegularFile(join(values.out, name), content);
    } catch (err) {
      if (err instanceof PathError) throw new SourceError(err.message, join(values.out, name));
      throw err;
    }
  }
  const b = badgeOf(report, metric);
  process.stdout.write(`${join(values.out, "footprint.svg")}, ${join(values.out, "footprint.json")}: ${b.label} ${b.message} (${b.color})\n`);
  return 0;
}

async function card(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { write: { type: "boolean" } } });
  if (positionals.length > 1) throw new UsageError("card takes one manifest");
  const file = positionals[0] ?? "footprint.yml";
  const source = workTreeSource(file);
  const report = await evaluate(source, null);
  if (!report.evaluated) {
    process.stdout.write(renderText(buildReport([report])));
    return 2;
  }
  const ref = parseManifest(source.text, source.path).manifest?.model_card;
  const existing = ref ? await source.readRelative(ref, { maxBytes: MAX_MODEL_CARD_BYTES }) : null;
  const block = suggestedCo2Block(report.runs, existing === null ? null : parseModelCard(existing).co2);
  if (!values.write) {
    const style = existing === null ? "double" : (parseModelCard(existing).quoting ?? "double");
    process.stdout.write(co2BlockYaml(block, style).split("\n").map(plainText).join("\n") + "\n");
    return 0;
  }
  if (!ref) throw new UsageError(`${source.path} names no model_card to write to`);
  const target = writableRelative(file, ref);
  try {
    writeRegularFile(target, writeCo2Block(existing ?? "", block));
  } catch (err) {
    throw new SourceError(`${ref}: cannot update the card (${err instanceof Error ? err.message : String(err)})`);
  }
  process.stdout.write(`${plainText(ref)}: co2_eq_emissions.emissions = ${formatGrams(block.grams)} g (operational)\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await check(rest);
      case "schema":
        process.stdout.write(JSON.stringify(jsonSchema(), null, 2) + "\n");
        return 0;
      case "card":
        return await card(rest);
      case "badge":
        return await badge(rest);
      case "--version":
      case "-v":
        process.stdout.write(`${pkg.version}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (err) {
    // Bad input and usage get one clear line and exit code 2, never a stack trace.
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`footprint-gate: ${plainText((err as Error).message)}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof SourceError || err instanceof PathError) {
      const where = err instanceof SourceError && err.path ? `${err.path}: ` : "";
      process.stderr.write(`footprint-gate: ${plainText(`${where}${err.message}`)}\n`);
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
    process.stderr.write(`footprint-gate: internal error: ${plainText(err instanceof Error ? err.message : String(err))}\nPlease report this with the manifest that caused it.\n`);
    process.exitCode = 3;
  },
);
