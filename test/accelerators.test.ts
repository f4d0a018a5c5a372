// Accelerators the catalogue lacks, family names, and what every output says about how an entry was read:
// the resolved model and count, the hours compute derives, the period a service is assumed to run, and the
// metric of each budget share.
import { describe, expect, it } from "vitest";
import { findAccelerator } from "../src/catalogue/index.js";
import { evaluate, type ManifestReport } from "../src/evaluate.js";
import { renderMarkdown } from "../src/render/markdown.js";
import { renderText } from "../src/render/text.js";
import { buildReport, reportJson } from "../src/report.js";
import { parseReport } from "../src/report-schema.js";

async function report(text: string): Promise<ManifestReport> {
  return evaluate({ path: "footprint.yml", text, readRelative: async () => null, exists: async () => false }, null);
}
// The facility only silences data/default-pue (its PUE is the same 1.56), so that each test sees its own findings.
const HEAD = "version: 1\nproject: p\ndefaults: { location: FR, facility: enterprise }\n";
const rules = (m: ManifestReport) => m.findings.map((f) => [f.rule, f.severity]);

describe("custom accelerators", () => {
  it("an accelerator the catalogue lacks works with power_w, with the notice data/custom-accelerator", async () => {
    for (const name of ["RTX 4090", "A6000", "GH200"]) {
      const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: ${name}\n    power_w: 450\n    count: 4\n    hours: 10\n`);
      expect(m.evaluated).toBe(true);
      expect(rules(m)).toEqual([["data/custom-accelerator", "notice"]]);
      expect(m.findings[0]!.message).toContain(`"${name}" is not in the catalogue`);
      expect(m.findings[0]!.message).toContain("embodied carbon uses the default per-accelerator figure");
      expect(m.findings[0]).toMatchObject({ line: 6, column: 18 });
      const r = m.runs[0]!;
      expect(r.inputs).toMatchObject({ accelerator: name, power_w: 450, count: 4, accelerator_hours: 40 });
      // 40 h × 450 W × utilisation 1 = 18 kWh IT; embodied 40 h × 462.5 kg / (6 × 8760 × 0.85).
      expect(r.inputs.it_kwh).toBeCloseTo(18, 9);
      expect(r.embodied_co2e_kg).toBeCloseTo((40 * 462.5) / (6 * 8760 * 0.85), 9);
      expect(m.verdict).toBe("pass");
    }
  });

  it("a custom accelerator in the compute form needs peak_tflops, and peak_tflops gives the hours", async () => {
    const without = await report(`${HEAD}training:\n  - id: a\n    accelerator: GH200\n    power_w: 900\n    compute: { parameters: 1e9, tokens: 1e11 }\n`);
    expect(without.evaluated).toBe(false);
    expect(without.findings.find((f) => f.rule === "manifest/invalid")!.message).toContain("compute needs peak_tflops");
    const withPeak = await report(`${HEAD}training:\n  - id: a\n    accelerator: GH200\n    power_w: 900\n    peak_tflops: 500\n    compute: { parameters: 1e9, tokens: 1e11, mfu: 0.5 }\n`);
    expect(withPeak.evaluated).toBe(true);
    expect(withPeak.runs[0]!.inputs.accelerator_hours).toBeCloseTo((6 * 1e9 * 1e11) / (500e12 * 0.5) / 3600, 9);
  });

  it("peak_tflops overrides the catalogue peak and makes compute work for an accelerator without one", async () => {
    const a10g = await report(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-a10g\n    peak_tflops: 70\n    compute: { parameters: 1e8, tokens: 1e10, mfu: 0.5 }\n`);
    expect(a10g.evaluated).toBe(true);
    expect(a10g.runs[0]!.inputs.accelerator_hours).toBeCloseTo((6 * 1e8 * 1e10) / (70e12 * 0.5) / 3600, 9);
    const h100 = await report(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    peak_tflops: 500\n    compute: { parameters: 1e9, tokens: 1e11, mfu: 0.5 }\n`);
    expect(h100.runs[0]!.inputs.accelerator_hours).toBeCloseTo((6 * 1e9 * 1e11) / (500e12 * 0.5) / 3600, 9);
    const bad = await report(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    peak_tflops: 0\n    gpu_hours: 1\n`);
    expect(bad.evaluated).toBe(false);
  });

  it("without power_w an unknown name stays data/unknown-accelerator and says that power_w makes it a custom accelerator", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: RTX 4090\n    count: 1\n    hours: 1\n`);
    expect(m.evaluated).toBe(false);
    expect(rules(m)).toEqual([["data/unknown-accelerator", "error"]]);
    expect(m.findings[0]!.message).toMatch(/^unknown accelerator "RTX 4090"; state power_w .* custom accelerator; closest catalogue ids: /);
  });

  it("power_w without accelerator says how to name a custom accelerator", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    power_w: 300\n    count: 1\n    hours: 1\n`);
    expect(m.evaluated).toBe(false);
    expect(m.findings[0]!.message).toContain("any name works (a custom accelerator");
  });

  it("a custom accelerator's name is one line in every table", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: "a\\n\u0060\u0060\u0060\\n@octocat"\n    power_w: 100\n    count: 2\n    hours: 1\n`);
    expect(m.runs[0]!.inputs.accelerator).toBe("a ``` @octocat");
    const text = renderText(buildReport([m]));
    expect(text.split("\n").filter((l) => l.includes("octocat") && !l.includes("custom-accelerator"))).toEqual([expect.stringMatching(/^ {2}a +training +2 × a ``` @octocat +estimated /)]);
  });

  it("a custom accelerator in a manifest that fails the schema is not reported as unknown", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: RTX 4090\n    power_w: 450\n    count: 1\n    hours: 1\n    hourz: 2\n`);
    expect(m.findings.map((f) => f.rule)).not.toContain("data/unknown-accelerator");
  });
});

describe("ambiguous family names", () => {
  it("A100 resolves to nvidia-a100-80gb-sxm with the notice data/ambiguous-accelerator naming the alternatives", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: A100\n    count: 8\n    hours: 10\n`);
    expect(rules(m)).toEqual([["data/ambiguous-accelerator", "notice"]]);
    expect(m.findings[0]!.message).toBe(
      '"A100" is read as nvidia-a100-80gb-sxm (400 W); the family also has nvidia-a100-40gb-sxm (400 W), nvidia-a100-80gb-pcie (300 W), nvidia-a100-40gb-pcie (250 W); name the model to silence this',
    );
    expect(m.runs[0]!.inputs.accelerator).toBe("nvidia-a100-80gb-sxm");
    expect(m.verdict).toBe("pass");
  });

  it("every family name gives the notice; a model name does not", () => {
    for (const [name, chosen] of [
      ["A100", "nvidia-a100-80gb-sxm"],
      ["nvidia a100", "nvidia-a100-80gb-sxm"],
      ["A100-80GB", "nvidia-a100-80gb-sxm"],
      ["H100", "nvidia-h100-sxm"],
      ["h100-80gb", "nvidia-h100-sxm"],
      ["V100", "nvidia-v100-sxm2"],
      ["Tesla V100", "nvidia-v100-sxm2"],
      ["MI300", "amd-mi300x"],
    ] as const) {
      const found = findAccelerator(name);
      expect(found.ok && found.value.id, name).toBe(chosen);
      expect(found.ambiguity, name).toBeDefined();
    }
    for (const name of ["A100-SXM4-80GB", "A100 80GB PCIe", "H100 SXM", "H100 PCIe", "V100 PCIe", "MI300X", "TPU v4", "nvidia-a100-80gb-sxm"]) {
      const found = findAccelerator(name);
      expect(found.ok, name).toBe(true);
      expect(found.ambiguity, name).toBeUndefined();
    }
  });

  it("the resolved accelerator and count are shown per entry in the text output and the Markdown", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: A100\n    count: 8\n    hours: 10\n  - id: b\n    accelerator: H100 SXM\n    gpu_hours: 100\n`);
    const text = renderText(buildReport([m]));
    expect(text).toMatch(/^ {2}a +training +8 × nvidia-a100-80gb-sxm +estimated /m);
    expect(text).toMatch(/^ {2}b +training +nvidia-h100-sxm +estimated /m);
    const md = renderMarkdown(buildReport([m]));
    expect(md).toContain("| entry | kind | accelerator | energy | CO2e | water | budget | status |");
    expect(md).toContain("| <code>a</code> | training | 8 × nvidia\\-a100\\-80gb\\-sxm |");
    expect(md).toContain("| <code>b</code> | training | nvidia\\-h100\\-sxm |");
  });
});

describe("assumed and derived hours", () => {
  it("an inference entry without hours states the one-year period in text, Markdown and the JSON assumptions", async () => {
    const m = await report(`${HEAD}inference:\n  - id: svc\n    accelerator: nvidia-l4\n    count: 2\n`);
    const rep = buildReport([m]);
    expect(renderText(rep)).toContain("svc: no hours given: one year (8,760 h) of service assumed");
    expect(renderMarkdown(rep)).toContain("- <code>svc</code>: no hours given: one year \\(8,760 h\\) of service assumed");
    expect(m.assumptions.find((a) => a.name === "hours")).toMatchObject({ value: 8760 });
    const stated = await report(`${HEAD}inference:\n  - id: svc\n    accelerator: nvidia-l4\n    count: 2\n    hours: 100\n`);
    expect(renderText(buildReport([stated]))).not.toContain("no hours given");
  });

  it("the compute form shows the derived accelerator-hours and, with count, the wall-clock time", async () => {
    const compute = "compute: { parameters: 1e9, tokens: 1e11, mfu: 0.5 }";
    const hours = (6 * 1e9 * 1e11) / (989e12 * 0.5) / 3600;
    const solo = await report(`${HEAD}training:\n  - id: p\n    accelerator: nvidia-h100-sxm\n    ${compute}\n`);
    expect(renderText(buildReport([solo]))).toContain("p: compute (6·P·T) gives 337 accelerator-hours; set count to see the wall-clock time");
    expect(solo.runs[0]!.inputs.wall_clock_hours).toBeNull();
    const fleet = await report(`${HEAD}training:\n  - id: p\n    accelerator: nvidia-h100-sxm\n    count: 64\n    ${compute}\n`);
    const r = fleet.runs[0]!;
    expect(r.inputs.accelerator_hours).toBeCloseTo(hours, 9);
    expect(r.inputs.wall_clock_hours).toBeCloseTo(hours / 64, 9);
    // count changes the wall-clock, not the energy.
    expect(r.energy_kwh).toBeCloseTo(solo.runs[0]!.energy_kwh, 9);
    const rep = buildReport([fleet]);
    expect(renderText(rep)).toContain("p: compute (6·P·T) gives 337 accelerator-hours, 5.27 h wall-clock on 64 accelerators");
    expect(renderMarkdown(rep)).toContain("- <code>p</code>: compute \\(6·P·T\\) gives 337 accelerator\\-hours, 5\\.27 h wall\\-clock on 64 accelerators");
    // The JSON report carries it and is read back.
    const read = parseReport(reportJson(rep));
    expect(read.manifests[0]!.runs[0]!.inputs).toMatchObject({ count: 64 });
    expect(read.manifests[0]!.runs[0]!.inputs.wall_clock_hours).toBeCloseTo(hours / 64, 9);
  });

  it("a report written before count and wall_clock_hours existed is still read", async () => {
    const m = await report(`${HEAD}training:\n  - id: p\n    accelerator: nvidia-h100-sxm\n    count: 2\n    hours: 3\n`);
    const json = JSON.parse(reportJson(buildReport([m]))) as { manifests: { runs: { inputs: Record<string, unknown> }[] }[] };
    delete json.manifests[0]!.runs[0]!.inputs.count;
    delete json.manifests[0]!.runs[0]!.inputs.wall_clock_hours;
    const read = parseReport(JSON.stringify(json));
    expect(read.manifests[0]!.runs[0]!.inputs).toMatchObject({ count: null, wall_clock_hours: null, accelerator_hours: 6 });
  });
});

describe("budget shares", () => {
  it("the text output labels each budget share with its metric (per-run energy, total CO2e)", async () => {
    const m = await report(
      `${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    count: 8\n    hours: 10\nbudget:\n  co2e_kg: 100\n  run: { energy_kwh: 200 }\n`,
    );
    const text = renderText(buildReport([m]));
    const row = text.split("\n").find((l) => /^ {2}a\s/.test(l))!;
    const total = text.split("\n").find((l) => /^ {2}total\s/.test(l))!;
    expect(row).toMatch(/energy \d+ %$/);
    expect(total).toMatch(/CO2e \d+ %$/);
    expect(text).not.toMatch(/ {2}\d+ %$/m);
  });
});
