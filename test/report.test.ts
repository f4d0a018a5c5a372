// The JSON report and its renderings at scale: every report the gate writes is one the `report` input accepts
// (round trip over generated manifests), sources are listed once per manifest so that 10,000 entries stay under
// 10 MB, and no rendering spreads a list into a call (100,000 entries) or outgrows GitHub's comment limit.
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, evaluateRemoved, unreadableManifest } from "../src/evaluate.js";
import { RULES, type Finding } from "../src/findings.js";
import { MAX_MANIFEST_BYTES } from "../src/manifest/parse.js";
import { COMMENT_LIMIT, fitMarkdown, MARKER, renderMarkdown, SUMMARY_LIMIT } from "../src/render/markdown.js";
import { renderText } from "../src/render/text.js";
import { buildReport, manifestJson, reportJson, runAssumptions, TEXT_LIMITS, type Report, type ManifestReport } from "../src/report.js";
import { MAX_REPORT_BYTES, parseReport, ReportInputError } from "../src/report-schema.js";
import { source } from "./helpers.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

const ACCELERATORS = ["nvidia-h100-sxm", "A100-SXM4-80GB", "nvidia-l4", "H100 80GB HBM3", "amd-mi300x"];
const LOCATIONS = ["gcp:us-central1", "aws:us-east-1", "azure:westeurope", "FR", "zone:US-CAL-CISO"];

/** The benchmark's manifest: `n` training entries, a run budget each. */
function benchManifest(n: number): string {
  const lines = ["version: 1", "project: bench", "defaults: { location: gcp:europe-west4 }", "training:"];
  for (let i = 0; i < n; i++) {
    lines.push(`  - { id: run-${i}, accelerator: ${ACCELERATORS[i % 5]}, count: ${8 + (i % 64)}, hours: ${1 + (i % 200)}, location: "${LOCATIONS[i % 5]}" }`);
  }
  lines.push("budget: { energy_kwh: 1e12, run: { energy_kwh: 1e9 } }");
  return lines.join("\n") + "\n";
}

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

// ---------------------------------------------------------------------------------------------------------------
// Generated manifests: sizes, long and unicode names and messages, many findings, a base, a model card.

const SPECIAL = [
  "a",
  "Z",
  "0",
  " ",
  "é",
  "😀",
  "👩‍💻",
  "\u202e",
  "\u200b",
  "\u001b",
  "\u009b",
  "\u2028",
  "\u00ad",
  "|",
  "`",
  "<",
  "&",
  "@",
  "#",
  "\\",
  '"',
  "'",
  "\n",
  "\t",
  "中",
];
const text = (maxLength: number) => fc.string({ unit: fc.constantFrom(...SPECIAL), minLength: 1, maxLength });
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/);

const training = fc.record(
  {
    id,
    accelerator: fc.oneof(fc.constantFrom(...ACCELERATORS, "H100", "A100"), text(120)),
    count: fc.integer({ min: 1, max: 1024 }),
    hours: fc.double({ min: 0.1, max: 1e4, noNaN: true }),
    location: fc.oneof(fc.constantFrom(...LOCATIONS), text(120)),
    repeats: fc.integer({ min: 1, max: 10 }),
    measured: fc.record({ energy_kwh: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
  },
  { requiredKeys: ["id", "accelerator", "count", "hours"] },
);
const dataset = fc.record(
  { id, personal_data: fc.boolean(), records: fc.integer({ min: 0, max: 1e9 }), license: fc.oneof(fc.constantFrom("MIT", "CC-BY-4.0"), text(200)) },
  { requiredKeys: ["id"] },
);
const manifestData = fc.record(
  {
    version: fc.constant(1),
    project: fc.oneof(text(40), text(TEXT_LIMITS.project + 300)),
    training: fc.array(training, { maxLength: 25 }),
    datasets: fc.array(dataset, { maxLength: 10 }),
    budget: fc.record({
      energy_kwh: fc.double({ min: 1, max: 1e9, noNaN: true }),
      run: fc.record({ co2e_kg: fc.double({ min: 0.001, max: 1e6, noNaN: true }) }),
    }),
    model_card: fc.constant("MODEL_CARD.md"),
    // Unknown keys: the manifest is refused, and the message quotes the key.
    [`x${"k".repeat(5000)}`]: fc.constant(1),
  },
  { requiredKeys: ["version", "project", "training"] },
);
const card = fc
  .record({ training_type: text(1500), geographical_location: text(300), hardware_used: text(300) })
  .map((c) => `---\n${stringify({ co2_eq_emissions: { emissions: 5, ...c } })}---\n# Card\n`);

describe("the report input accepts every report the gate writes", () => {
  it("round trip: generated manifests, evaluated in-process and written as the CLI writes them, are read back by parseReport", async () => {
    await fc.assert(
      fc.asyncProperty(manifestData, fc.option(manifestData), card, async (head, base, cardText) => {
        const files = { "MODEL_CARD.md": cardText };
        const m = await evaluate(source(stringify(head), files), base ? source(stringify(base), files, "footprint.base.yml") : null);
        const report = buildReport([m]);
        const plain = { ...report, manifests: report.manifests.map(manifestJson) };
        for (const written of [reportJson(report), JSON.stringify(plain, null, 2)]) {
          let read: Report | undefined;
          expect(() => (read = parseReport(written))).not.toThrow();
          expect(read!.verdict).toBe(report.verdict);
          expect(read!.manifests[0]!.status).toBe(m.status);
          expect(read!.manifests[0]!.runs.length).toBe(m.runs.length);
          expect(read!.manifests[0]!.findings.length).toBe(m.findings.length);
        }
        // The report file is the JSON of the report itself (status as its two flags), whatever it escapes.
        expect(JSON.parse(reportJson(report))).toEqual(JSON.parse(JSON.stringify(plain)));
      }),
      { numRuns: 40 },
    );
  });

  it("a megabyte-long key, project name and model-card field are cut when the report is built, and the report is read back", async () => {
    const key = "k".repeat(500_000);
    const project = "p".repeat(300_000);
    const invalid = await evaluate(source(`version: 1\nproject: ${project}\n? ${key}\n: 1\ntraining: []\n`), null);
    expect(invalid.status).toBe("unevaluated");
    expect(invalid.project!.length).toBeGreaterThan(TEXT_LIMITS.project);
    const files = { "MODEL_CARD.md": `---\nco2_eq_emissions:\n  emissions: 5\n  training_type: "${"t".repeat(100_000)}"\n---\n# Card\n` };
    const valid = await evaluate(
      source(`version: 1\nproject: p\nmodel_card: MODEL_CARD.md\ntraining:\n  - { id: a, accelerator: nvidia-l4, gpu_hours: 1 }\n`, files),
      null,
    );
    // The card's fields are cut where they are read; a report built by hand is cut again.
    expect(valid.model_card!.kept.training_type!.length).toBeLessThanOrEqual(TEXT_LIMITS.card);
    valid.model_card!.kept.training_type = "t".repeat(100_000);

    const report = buildReport([invalid, valid]);
    const read = parseReport(reportJson(report));
    expect(read.manifests[0]!.project!.length).toBe(TEXT_LIMITS.project);
    expect(read.manifests[0]!.project!.endsWith("…")).toBe(true);
    for (const f of read.manifests[0]!.findings) expect(f.message.length).toBeLessThanOrEqual(TEXT_LIMITS.message);
    expect(read.manifests[1]!.model_card!.kept.training_type!.length).toBe(TEXT_LIMITS.card);
  });

  it("a report written for a path outside the repository (the CLI given ../x or /tmp/x) is read back; only repository paths become links", async () => {
    const m = await evaluate(
      source("version: 1\nproject: p\ntraining:\n  - { id: a, accelerator: nvidia-l4, gpu_hours: 1 }\n", {}, "../other/footprint.yml"),
      null,
    );
    const read = parseReport(reportJson(buildReport([m])));
    expect(read.manifests[0]!.findings[0]!.file).toBe("../other/footprint.yml");
    const body = renderMarkdown(read, { lineUrl: (f) => `https://github.com/o/r/blob/sha/${f.file}#L${f.line}` });
    expect(body).not.toContain("](https://");
  });

  it("an assumption or source index outside its table is refused", async () => {
    const m = await evaluate(source("version: 1\nproject: p\ntraining:\n  - { id: a, accelerator: nvidia-l4, gpu_hours: 1, location: FR }\n"), null);
    const good = JSON.parse(reportJson(buildReport([m]))) as { manifests: { runs: { assumptions: number[] }[]; assumptions: { source: number }[] }[] };
    const badRun = structuredClone(good);
    badRun.manifests[0]!.runs[0]!.assumptions.push(good.manifests[0]!.assumptions.length);
    expect(() => parseReport(JSON.stringify(badRun))).toThrow(/runs\.0\.assumptions\.\d+: assumption \d+ is not in the table/);
    const badSource = structuredClone(good);
    badSource.manifests[0]!.assumptions[0]!.source = 10_000;
    expect(() => parseReport(JSON.stringify(badSource))).toThrow(ReportInputError);
    expect(() => parseReport(JSON.stringify(good))).not.toThrow();
  });

  it("the flags evaluated and removed are read back as each manifest's status; combinations the gate never writes are refused", async () => {
    const text = "version: 1\nproject: p\ntraining:\n  - { id: a, accelerator: nvidia-l4, gpu_hours: 1, location: aws:us-east-1 }\n";
    const compared = await evaluate(source(text), source(text, {}, "footprint.base.yml"));
    const removed = (await evaluateRemoved(source(text, {}, "gone.yml"), "gone.yml"))!;
    const report = buildReport([compared, removed, unreadableManifest("x.yml", "the manifest does not exist")]);
    const json = JSON.parse(reportJson(report)) as { manifests: Record<string, unknown>[] };
    expect(json.manifests.map((m) => [m.evaluated, m.removed])).toEqual([
      [true, false],
      [true, true],
      [false, false],
    ]);
    expect(parseReport(JSON.stringify(json)).manifests.map((m) => m.status)).toEqual(["evaluated", "removed", "unevaluated"]);
    const refused = (i: number, change: Record<string, unknown>, why: RegExp) => {
      const bad = structuredClone(json);
      Object.assign(bad.manifests[i]!, change);
      expect(() => parseReport(JSON.stringify(bad))).toThrow(why);
    };
    refused(0, { totals: null }, /an evaluated manifest has totals/);
    refused(0, { delta: null }, /base and delta are both given or both null/);
    refused(1, { base: null }, /a removed manifest has its base and delta only/);
    refused(2, { removed: true }, /a manifest that is not evaluated has only its findings/);
    refused(2, { totals: json.manifests[0]!.totals }, /a manifest that is not evaluated has only its findings/);
  });

  it("a finding naming a rule the gate does not have is refused; every rule it has is read", async () => {
    const m = await evaluate(source("version: 1\nproject: p\ntraining:\n  - { id: a, accelerator: nvidia-l4, gpu_hours: 1 }\n"), null);
    const good = JSON.parse(reportJson(buildReport([m]))) as { manifests: { findings: { rule: string }[] }[] };
    expect(good.manifests[0]!.findings[0]!.rule).toBe("data/location-missing");
    for (const rule of RULES) {
      good.manifests[0]!.findings[0]!.rule = rule;
      expect(parseReport(JSON.stringify(good)).manifests[0]!.findings[0]!.rule).toBe(rule);
    }
    good.manifests[0]!.findings[0]!.rule = "data/made-up";
    expect(() => parseReport(JSON.stringify(good))).toThrow(/findings\.0\.rule/);
  });

  it("the largest report per manifest byte (a finding per privacy and transparency policy for each dataset) leaves room for a 1 MiB manifest under MAX_REPORT_BYTES", async () => {
    const lines = ["version: 1", "project: p", "datasets:"];
    for (let i = 0; i < 2000; i++) lines.push(`  - {id: d${i}, personal_data: true}`);
    const manifest = lines.join("\n") + "\n";
    const m = await evaluate(source(manifest), null);
    // Findings are capped per rule ("… and N more"), so the report does not grow with the findings' number.
    expect(m.findings.length).toBeLessThanOrEqual(4 * 21);
    expect(m.findings.some((f) => /and 1980 more/.test(f.message))).toBe(true);
    const perByte = bytes(reportJson(buildReport([m]))) / bytes(manifest);
    expect(perByte * MAX_MANIFEST_BYTES).toBeLessThan(MAX_REPORT_BYTES / 1.5);
  });

  it("every catalogue source fits the report's limit for a source", async () => {
    const strings: string[] = [];
    const walk = (v: unknown, key = ""): void => {
      if (typeof v === "string" && key === "source") strings.push(v);
      else if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    for (const f of readdirSync(join(ROOT, "data")).filter((f) => f.endsWith(".json"))) walk(JSON.parse(readFileSync(join(ROOT, "data", f), "utf8")));
    expect(strings.length).toBeGreaterThan(10);
    // Grid sources get "; zone XX" appended.
    for (const s of strings) expect(s.length + 20, s.slice(0, 80)).toBeLessThanOrEqual(TEXT_LIMITS.source);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 10,000 and 100,000 entries

describe("large manifests", () => {
  let big: ManifestReport;
  beforeAll(async () => {
    big = await evaluate(source(benchManifest(10_000)), null);
    expect(big.status).toBe("evaluated");
    expect(big.runs).toHaveLength(10_000);
  }, 120_000);

  it("10,000 entries give a JSON report under 10 MB (sources by reference), and the report input reads it back", () => {
    const json = reportJson(buildReport([big]));
    expect(bytes(json)).toBeLessThan(10_000_000);
    // Each distinct source once: a handful, not one per entry.
    expect(big.sources.length).toBeLessThan(40);
    expect(new Set(big.sources.map((s) => s.source)).size).toBe(big.sources.length);
    const read = parseReport(json);
    expect(runAssumptions(read.manifests[0]!, read.manifests[0]!.runs[9_999]!)).toEqual(runAssumptions(big, big.runs[9_999]!));
  });

  it("check --format markdown and text render 10,000 entries, and the comment stays under 65,536 bytes with the marker first", () => {
    const report = buildReport([big]);
    expect(() => renderMarkdown(report)).not.toThrow();
    expect(() => renderText(report)).not.toThrow();
    const { body, detail } = fitMarkdown(report, { marker: MARKER }, COMMENT_LIMIT);
    expect(detail).not.toBe("full");
    expect(bytes(body)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.split("\n")[0]).toBe(MARKER);
  });

  it("100,000 entries with 100,000 findings, some of 8,000 characters: markdown renders, the comment and the summary fit, the marker first", () => {
    // More than a 1 MiB manifest can hold: built from the 10,000-entry report.
    const runs = [];
    for (let k = 0; k < 10; k++) for (const r of big.runs) runs.push({ ...r, id: `${r.id}-${k}` });
    const long = "Ünïcode | `code` <b>x</b> @octocat #1 😀 ".repeat(200);
    const findings: Finding[] = runs.map((r, i) => ({
      rule: "budget/run-energy",
      severity: i % 2 ? "warning" : "error",
      message: i % 100 ? `${r.id}: over budget` : `${r.id}: ${long}`,
      file: "footprint.yml",
      line: i + 1,
      column: 1,
    }));
    const huge: ManifestReport = { ...big, runs, findings, verdict: "fail" };
    const report = buildReport([huge]);
    expect(() => renderMarkdown(report, { detail: "compact" })).not.toThrow();
    for (const limit of [COMMENT_LIMIT, SUMMARY_LIMIT - 1024]) {
      const { body, detail } = fitMarkdown(report, { marker: MARKER }, limit);
      expect(["compact", "minimal", "truncated"]).toContain(detail);
      expect(bytes(body)).toBeLessThanOrEqual(limit);
      expect(body.split("\n")[0]).toBe(MARKER);
    }
    // A thousand manifests: the minimal rendering names ten and counts the rest.
    const small = { ...huge, runs: runs.slice(0, 20), findings: findings.slice(0, 20), budget: [], advice: [] };
    const many = buildReport(Array.from({ length: 1000 }, (_, i) => ({ ...small, path: `m${i}/footprint.yml` })));
    const fitted = fitMarkdown(many, { marker: MARKER }, COMMENT_LIMIT);
    expect(fitted.detail).toBe("minimal");
    expect(bytes(fitted.body)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(fitted.body).toContain("| … 990 more manifests in the full report |");
    // Below even that, the cut keeps the marker.
    const { body, detail } = fitMarkdown(many, { marker: MARKER }, 4000);
    expect(detail).toBe("truncated");
    expect(bytes(body)).toBeLessThanOrEqual(4000);
    expect(body.split("\n")[0]).toBe(MARKER);
    expect(body).toContain("cut to fit");
  }, 120_000);

  it("100,000 entries render in full as check --format markdown and text (no list is spread into a call)", () => {
    const runs = [];
    for (let k = 0; k < 10; k++) for (const r of big.runs) runs.push({ ...r, id: `${r.id}-${k}` });
    const report = buildReport([{ ...big, runs, budget: [], advice: [] }]);
    let md = "";
    expect(() => (md = renderMarkdown(report))).not.toThrow();
    expect(md.split("\n")[0]).toBe(MARKER);
    expect(() => renderText(report)).not.toThrow();
  }, 120_000);

  it("no source file spreads an array into a call's arguments (push(...x), Math.max(...x), f(...x))", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk(join(ROOT, "src"));
    // A spread right after an opening parenthesis or a comma inside a call: `f(...x)`, `f(a, ...x)`.
    const call = /[\w$)\]]\s*\((?:[^(){}[\]]*?,\s*)?\.\.\.(?![\w$]+\)\s*=>)/;
    const offenders: string[] = [];
    for (const f of files) {
      readFileSync(f, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (call.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${f.slice(ROOT.length)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
