// Badges (SVG + Shields endpoint JSON), region advice and the Mermaid energy chart.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { regionAdvice } from "../src/advice/region.js";
import { evaluate } from "../src/evaluate.js";
import { badgeFiles, badgeOf } from "../src/render/badge.js";
import { CHART_TOP, energyChart } from "../src/render/markdown.js";
import { buildReport, runAssumptions, type ManifestReport } from "../src/report.js";
import { source } from "./helpers.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist", "cli.js");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function manifestReport(text: string, base?: string): Promise<ManifestReport> {
  return evaluate(source(text), base === undefined ? null : source(base));
}

const entries = (n: number, hours = 10) =>
  Array.from({ length: n }, (_, i) => `  - { id: run-${i}, accelerator: nvidia-h100-sxm, count: 8, hours: ${hours + i} }`).join("\n");
const manifest = (n: number, extra = "", hours = 10) =>
  `version: 1\nproject: badge-test\ndefaults: { location: gcp:europe-west4 }\n${n ? `training:\n${entries(n, hours)}\n` : ""}${extra}`;

describe("badge", () => {
  it("is an SVG that parses as XML, with the total in its text, byte-identical across runs", async () => {
    const report = buildReport([await manifestReport(manifest(3, "budget: { co2e_kg: 1e6 }\n"))]);
    const a = await badgeFiles(badgeOf(report));
    const b = await badgeFiles(badgeOf(buildReport([await manifestReport(manifest(3, "budget: { co2e_kg: 1e6 }\n"))])));
    expect(a).toEqual(b);
    expect(XMLValidator.validate(a["footprint.svg"])).toBe(true);
    const svg = new XMLParser({ ignoreAttributes: false }).parse(a["footprint.svg"]) as { svg: { title: string; "@_aria-label": string } };
    const badge = badgeOf(report);
    expect(svg.svg.title).toBe(`carbon footprint: ${badge.message}`);
    expect(badge.message).toMatch(/^\d[\d.,]* (g|kg|t|kt) CO2e$/);
  });

  it("escapes its text for XML", async () => {
    // The label and message are ours, but the SVG generator must escape whatever reaches it.
    const { makeBadge } = await import("badge-maker");
    const svg = makeBadge({ label: `a<b>&"c'`, message: "</text><script>alert(1)</script>", color: "red" });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<script>");
  });

  it("endpoint JSON matches the Shields endpoint schema", async () => {
    const ajv = new Ajv({ strict: true });
    // https://shields.io/badges/endpoint-badge: schemaVersion 1, label and message strings, optional named colour.
    const validate = ajv.compile({
      type: "object",
      required: ["schemaVersion", "label", "message"],
      properties: {
        schemaVersion: { const: 1 },
        label: { type: "string" },
        message: { type: "string", minLength: 1 },
        color: { type: "string", pattern: "^(brightgreen|green|yellowgreen|yellow|orange|red|blue|lightgrey|grey|[0-9a-f]{3,6})$" },
        labelColor: { type: "string" },
        isError: { type: "boolean" },
        namedLogo: { type: "string" },
        logoSvg: { type: "string" },
        logoColor: { type: "string" },
        style: { type: "string" },
        cacheSeconds: { type: "integer", minimum: 300 },
      },
      additionalProperties: false,
    });
    const json = JSON.parse((await badgeFiles(badgeOf(buildReport([await manifestReport(manifest(2))]))))["footprint.json"]) as unknown;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["no budget", "", "lightgrey"],
    ["well under warn_at", "budget: { co2e_kg: 1e7 }\n", "brightgreen"],
    ["between warn_at and the budget", "budget: { co2e_kg: BUDGET_WARN }\n", "yellow"],
    ["over the budget", "budget: { co2e_kg: BUDGET_OVER }\n", "red"],
  ])("colour follows budget use: %s", async (_name, budget, color) => {
    const total = (await manifestReport(manifest(2))).totals!.co2e_kg;
    const text = manifest(2, budget.replace("BUDGET_WARN", String(total / 0.9)).replace("BUDGET_OVER", String(total / 1.1)));
    expect(badgeOf(buildReport([await manifestReport(text)])).color).toBe(color);
  });

  it("shows energy with --metric energy, and the CLI writes both files deterministically", () => {
    const dir = mkdtempSync(join(tmpdir(), "fg-badge-"));
    dirs.push(dir);
    writeFileSync(join(dir, "footprint.yml"), manifest(2, "budget: { energy_kwh: 1e9 }\n"));
    const run = (out: string) =>
      spawnSync(process.execPath, [CLI, "badge", "footprint.yml", "--out", out, "--metric", "energy"], { cwd: dir, encoding: "utf8" });
    expect(run("a").status).toBe(0);
    expect(run("b").status).toBe(0);
    const a = readFileSync(join(dir, "a", "footprint.svg"));
    expect(a.equals(readFileSync(join(dir, "b", "footprint.svg")))).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, "a", "footprint.json"), "utf8")) as { label: string; message: string; color: string };
    expect(json).toMatchObject({ label: "energy", color: "brightgreen" });
    expect(json.message).toMatch(/^\d[\d.,]* (kWh|MWh)$/);
  });

  it("refuses to write a badge for a manifest that cannot be evaluated", () => {
    const dir = mkdtempSync(join(tmpdir(), "fg-badge-"));
    dirs.push(dir);
    writeFileSync(join(dir, "footprint.yml"), "version: 1\nproject: x\ntraining:\n  - { id: a, accelerator: nope, count: 1, hours: 1 }\n");
    const r = spawnSync(process.execPath, [CLI, "badge", "footprint.yml", "--out", "out"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("data/unknown-accelerator");
    expect(() => readFileSync(join(dir, "out", "footprint.svg"))).toThrow();
  });

  it("the repository's own badge is the one its footprint.yml makes", () => {
    const dir = mkdtempSync(join(tmpdir(), "fg-badge-"));
    dirs.push(dir);
    expect(spawnSync(process.execPath, [CLI, "badge", "footprint.yml", "--out", dir], { cwd: ROOT }).status).toBe(0);
    for (const name of ["footprint.svg", "footprint.json"]) {
      expect(readFileSync(join(dir, name), "utf8")).toBe(readFileSync(join(ROOT, ".github", "badges", name), "utf8"));
    }
  });
});

describe("region advice", () => {
  const cloud = JSON.parse(readFileSync(join(ROOT, "data", "cloud.json"), "utf8")) as {
    providers: Record<string, { regions: Record<string, { zone: string }> }>;
  };
  const grid = JSON.parse(readFileSync(join(ROOT, "data", "grid.json"), "utf8")) as { zones: Record<string, { intensity: number }> };
  const greenest = (provider: string) =>
    Object.entries(cloud.providers[provider]!.regions)
      .map(([region, r]) => ({ region, intensity: grid.zones[r.zone]!.intensity }))
      .reduce((a, b) => (b.intensity < a.intensity ? b : a));

  it.each(["aws", "gcp", "azure"])("picks the greenest %s region and computes the saving", async (provider) => {
    const region = provider === "aws" ? "us-east-1" : provider === "gcp" ? "us-central1" : "eastus";
    const m = await manifestReport(
      `version: 1\nproject: p\ntraining:\n  - { id: run, accelerator: nvidia-h100-sxm, count: 8, hours: 100, location: "${provider}:${region}" }\n`,
    );
    const best = greenest(provider);
    expect(m.advice).toHaveLength(1);
    const a = m.advice[0]!;
    expect(a.to).toBe(`${provider}:${best.region}`);
    expect(a.to_intensity).toBe(best.intensity);
    const run = m.runs[0]!;
    expect(a.saving_co2e_kg).toBeCloseTo((run.energy_kwh * (run.inputs.carbon_intensity - best.intensity)) / 1000, 6);
    expect(a.saving_co2e_kg).toBeCloseTo(run.operational_co2e_kg * (1 - best.intensity / run.inputs.carbon_intensity), 6);
    expect(a.saving_pct).toBeCloseTo((a.saving_co2e_kg / run.co2e_kg) * 100, 6);
    expect(m.verdict).toBe("pass");
  });

  it("gives none for the greenest region, a zone location, or a stated carbon_intensity", async () => {
    const best = greenest("gcp");
    const m = await manifestReport(
      `version: 1\nproject: p\ntraining:\n` +
        `  - { id: a, accelerator: nvidia-h100-sxm, count: 8, hours: 1, location: "gcp:${best.region}" }\n` +
        `  - { id: b, accelerator: nvidia-h100-sxm, count: 8, hours: 1, location: FR }\n` +
        `  - { id: c, accelerator: nvidia-h100-sxm, count: 8, hours: 1, location: "gcp:us-central1", carbon_intensity: 900 }\n`,
    );
    expect(m.advice).toEqual([]);
    expect(regionAdvice(m.runs.map((r) => ({ ...r, assumptions: runAssumptions(m, r) })))).toEqual([]);
  });

  it("never fails the gate, even for a large saving", async () => {
    const m = await manifestReport(
      `version: 1\nproject: p\ntraining:\n  - { id: a, accelerator: nvidia-h100-sxm, count: 512, hours: 1000, location: "aws:ap-south-1" }\n`,
    );
    expect(m.advice[0]!.saving_pct).toBeGreaterThan(50);
    expect(m.findings).toEqual([]);
    expect(m.verdict).toBe("pass");
  });
});

describe("Mermaid energy chart", () => {
  const wellFormed = (lines: string[]) => {
    const text = lines.join("\n");
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(text)![1]!.split("\n");
    expect(block[0]).toBe("xychart-beta");
    const labels = JSON.parse(/^ {2}x-axis (\[.*\])$/.exec(block.find((l) => l.startsWith("  x-axis"))!)![1]!) as string[];
    const series = block.filter((l) => /^ {2}(bar|line) /.test(l)).map((l) => JSON.parse(l.replace(/^ {2}(bar|line) /, "")) as number[]);
    for (const s of series) {
      expect(s).toHaveLength(labels.length);
      for (const v of s) expect(Number.isFinite(v)).toBe(true);
    }
    expect(text.match(/<details>/g)).toHaveLength(1);
    expect(text.match(/<\/details>/g)).toHaveLength(1);
    return { labels, series };
  };

  it("is omitted with no entries", async () => {
    expect(energyChart(await manifestReport(manifest(0)))).toEqual([]);
  });

  it("has one bar for one entry", async () => {
    const { labels, series } = wellFormed(energyChart(await manifestReport(manifest(1))));
    expect(labels).toEqual(["run-0"]);
    expect(series).toHaveLength(1);
  });

  it("with a base, gives each entry a base and a head bar side by side, in two series, with y from 0", async () => {
    const m = await manifestReport(manifest(3, "", 20), manifest(2));
    const { labels, series } = wellFormed(energyChart(m));
    expect(labels).toEqual(["run-0 · base", "run-0 · head", "run-1 · base", "run-1 · head", "run-2 · base", "run-2 · head"]);
    expect(series).toHaveLength(2);
    // Base bars at the base places only, head bars at the head places only: nothing is drawn over anything.
    expect(series[0]!.filter((_, i) => i % 2 === 1)).toEqual([0, 0, 0]);
    expect(series[1]!.filter((_, i) => i % 2 === 0)).toEqual([0, 0, 0]);
    // The entry new in the head has no base bar.
    expect(series[0]![4]).toBe(0);
    const text = energyChart(m).join("\n");
    expect(text).not.toMatch(/^ {2}line /m);
    const axis = /^ {2}y-axis "(\w+)" 0 --> ([\d.]+)$/m.exec(text)!;
    expect(Number(axis[2])).toBeGreaterThanOrEqual(Math.max(...series.flat()));
  });

  it(`shows the ${CHART_TOP} largest entries and sums the rest as "others", however many there are`, async () => {
    const m = await manifestReport(manifest(25));
    const { labels, series } = wellFormed(energyChart(m));
    expect(labels).toHaveLength(CHART_TOP + 1);
    expect(labels[CHART_TOP]).toBe("others (15)");
    // The largest entries (the longest runs) come first; the others' bar is the sum of the 15 smallest.
    expect(labels[0]).toBe("run-24");
    const perEntry = m.runs.map((r) => r.energy_kwh / 1e3).sort((a, b) => a - b);
    const others = perEntry.slice(0, 15).reduce((a, b) => a + b, 0);
    expect(series[0]![CHART_TOP]).toBeCloseTo(others, 0);
  });
});
