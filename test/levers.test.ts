// Efficiency advice: FP8 training, a busier serving fleet, and the levers that only have published ranges.
import { describe, expect, it } from "vitest";
import levers from "../data/levers.json" with { type: "json" };
import accelerators from "../data/accelerators.json" with { type: "json" };
import defaults from "../data/defaults.json" with { type: "json" };
import { evaluate } from "../src/evaluate.js";
import { renderMarkdown } from "../src/render/markdown.js";
import { renderText } from "../src/render/text.js";
import { buildReport, reportJson, runAssumptions, type ManifestReport } from "../src/report.js";
import { parseReport } from "../src/report-schema.js";
import { report, source } from "./helpers.js";

const training = (entry: string, extra = "") => `version: 1\nproject: p\ndefaults: { location: FR }\ntraining:\n  - ${entry}\n${extra}`;
const serving = (entry: string) => `version: 1\nproject: p\ndefaults: { location: FR }\ninference:\n  - ${entry}\n`;
const lever = (m: ManifestReport, name: string) => m.levers.find((l) => l.lever === name);

describe("FP8 training advice", () => {
  it("an H100 run with no stated precision saves 1 − 1/1.2 of its energy and CO2e, with the published range", async () => {
    const m = await report(training("{ id: pretrain, accelerator: nvidia-h100-sxm, count: 64, hours: 100 }"));
    const run = m.runs[0]!;
    const a = lever(m, "fp8-training")!;
    expect(a.ids).toEqual(["pretrain"]);
    expect(a.saving_energy_kwh).toBeCloseTo(run.energy_kwh * (1 - 1 / 1.2), 6);
    expect(a.saving_co2e_kg).toBeCloseTo(run.co2e_kg * (1 - 1 / 1.2), 6);
    expect(a.saving_pct).toBeCloseTo(16.67, 2);
    expect(a.range_pct).toEqual([9.1, 33.3]);
    // Its figures are assumptions with their sources, like any default.
    const figures = runAssumptions(m, a);
    expect(figures.map((f) => [f.name, f.value])).toEqual([
      ["fp8_training_speedup", 1.2],
      ["fp8_training_speedup_range", "1.1–1.5×"],
    ]);
    expect(figures[0]!.source).toMatch(/torchao/);
    expect(figures[0]!.year).toBe(levers.fp8_training.year);
  });

  it("is listed once for all the entries it applies to, its savings summed and its share that of each", async () => {
    const m = await report(
      training("{ id: a, accelerator: nvidia-h100-sxm, count: 8, hours: 10 }") +
        "  - { id: b, accelerator: nvidia-h100-sxm, count: 8, hours: 30 }\n  - { id: c, accelerator: nvidia-a100-80gb-sxm, count: 8, hours: 30 }\n",
    );
    const fp8 = m.levers.filter((l) => l.lever === "fp8-training");
    expect(fp8).toHaveLength(1);
    expect(fp8[0]!.ids).toEqual(["a", "b"]);
    const [a, b] = m.runs;
    expect(fp8[0]!.saving_co2e_kg).toBeCloseTo((a!.co2e_kg + b!.co2e_kg) * (1 - 1 / 1.2), 6);
    // The comment gives each entry its part, the largest first.
    const md = renderMarkdown(buildReport([m]));
    const lines = md.split("\n").filter((l) => /^- `[ab]`: FP8/.test(l));
    expect(lines.map((l) => l.slice(3, 4))).toEqual(["b", "a"]);
  });

  it("stops once the entry states fp8 or lower, and is given for bf16", async () => {
    for (const precision of ["fp8", "fp4", "int8"]) {
      const m = await report(training(`{ id: t, accelerator: nvidia-h100-sxm, count: 8, hours: 10, precision: ${precision} }`));
      expect(lever(m, "fp8-training"), precision).toBeUndefined();
      expect(m.runs[0]!.inputs.precision).toBe(precision);
    }
    const bf16 = await report(training("{ id: t, accelerator: nvidia-b200, count: 8, hours: 10, precision: bf16 }"));
    expect(lever(bf16, "fp8-training")).toBeDefined();
  });

  it("is not given before Hopper, nor for a model under 8B parameters", async () => {
    expect(lever(await report(training("{ id: t, accelerator: nvidia-a100-80gb-sxm, count: 8, hours: 10 }")), "fp8-training")).toBeUndefined();
    const small = await report(training("{ id: t, accelerator: nvidia-h100-sxm, count: 8, compute: { parameters: 1.3e9, tokens: 2e10 } }"));
    expect(lever(small, "fp8-training")).toBeUndefined();
    const large = await report(training("{ id: t, accelerator: nvidia-h100-sxm, count: 8, compute: { parameters: 8e9, tokens: 2e10 } }"));
    expect(lever(large, "fp8-training")).toBeDefined();
  });

  it("names only catalogue accelerators with FP8 tensor cores", () => {
    const ids = new Set(accelerators.accelerators.map((a) => a.id));
    for (const id of levers.fp8_training.accelerators) expect(ids.has(id), id).toBe(true);
    expect(levers.fp8_training.accelerators.every((id) => /^nvidia-(g?h\d|h\d|g?b\d)/.test(id))).toBe(true);
  });

  it("an invalid precision is a manifest error with its position", async () => {
    const m = await report(training("{ id: t, accelerator: nvidia-h100-sxm, count: 8, hours: 10, precision: fp7 }"));
    expect(m.status).toBe("unevaluated");
    expect(m.findings[0]).toMatchObject({ rule: "manifest/invalid", line: 5 });
    expect(m.findings[0]!.message).toMatch(/precision/);
  });
});

describe("serving advice", () => {
  it("a fleet below the measured serving utilisation needs fewer accelerator-hours: the embodied carbon they carry", async () => {
    const m = await report(serving("{ id: chat, accelerator: nvidia-l4, count: 4, hours: 8760, requests: 1e8 }"));
    const run = m.runs[0]!;
    const a = lever(m, "serving-utilization")!;
    const busy = defaults.throughput_utilization.value;
    expect(a.saving_co2e_kg).toBeCloseTo(run.embodied_co2e_kg * (1 - 0.5 / busy), 9);
    expect(a.saving_energy_kwh).toBe(0);
    expect(runAssumptions(m, a)[0]).toMatchObject({ name: "serving_utilization_busy", value: busy });
    // Already as busy, or with a stated throughput: nothing to say.
    expect(lever(await report(serving("{ id: chat, accelerator: nvidia-l4, count: 4, hours: 10, utilization: 0.8 }")), "serving-utilization")).toBeUndefined();
    const rated = await report(serving("{ id: chat, accelerator: nvidia-l4, count: 4, hours: 10, throughput: { requests_per_second: 10 } }"));
    expect(lever(rated, "serving-utilization")).toBeUndefined();
  });

  it("quantised weights, batching, sparsity and distillation are ranges only, listed once with the entries they apply to", async () => {
    const text = `version: 1\nproject: p\ndefaults: { location: FR }\ninference:\n  - { id: a, accelerator: nvidia-l4, count: 1, hours: 10 }\n  - { id: b, accelerator: nvidia-l4, count: 1, hours: 10, precision: int4 }\n`;
    const m = await report(text);
    const ranged = m.levers.filter((l) => l.saving_co2e_kg === null);
    expect(ranged.map((l) => l.lever)).toEqual(["quantized-serving", "batching", "sparsity", "distillation"]);
    expect(lever(m, "quantized-serving")!.ids).toEqual(["a"]);
    expect(lever(m, "quantized-serving")!.range_pct).toEqual([levers.quantized_serving.saving_pct_low, levers.quantized_serving.saving_pct_high]);
    expect(lever(m, "sparsity")!.ids).toEqual(["a", "b"]);
    for (const l of ranged) {
      expect(l.saving_pct).toBeNull();
      expect(runAssumptions(m, l)[0]!.source.length).toBeGreaterThan(40);
    }
    // A range that can cost more is said as a change of energy, the others as savings, in the terminal as in the comment.
    const line = renderText(buildReport([m]))
      .split("\n")
      .find((l) => l.includes("depending on the model"))!;
    expect(line).toContain("quantized weights −40.0 % to +33.0 % energy, batching 40 to 96 % less energy, 2:4 sparsity 9.1 to 23.1 % less energy");
  });
});

describe("advice in the report and the comment", () => {
  it("never changes the verdict or the findings", async () => {
    const budget = "budget: { energy_kwh: 1 }\n";
    const plain = await report(training("{ id: t, accelerator: nvidia-h100-sxm, count: 8, hours: 10 }", budget));
    const stated = await report(training("{ id: t, accelerator: nvidia-h100-sxm, count: 8, hours: 10, precision: fp8 }", budget));
    expect(plain.levers.length).toBeGreaterThan(stated.levers.length);
    expect(plain.verdict).toBe("fail");
    expect(stated.verdict).toBe(plain.verdict);
    expect(stated.findings.map((f) => f.rule)).toEqual(plain.findings.map((f) => f.rule));
  });

  it("shows levers only for added or changed entries", async () => {
    const base = training("{ id: old, accelerator: nvidia-h100-sxm, count: 8, hours: 10 }");
    const head = base + "  - { id: new, accelerator: nvidia-h100-sxm, count: 8, hours: 20 }\n";
    const m = await evaluate(source(head), source(base));
    expect(lever(m, "fp8-training")!.ids).toEqual(["old", "new"]);
    const md = renderMarkdown(buildReport([m]));
    expect(md).toMatch(/^- `new`: FP8 training/m);
    expect(md).not.toMatch(/^- `old`: FP8/m);
  });

  it("survives the JSON report, and a report written before levers existed reads with none", async () => {
    const m = await report(serving("{ id: chat, accelerator: nvidia-l4, count: 4, hours: 8760 }"));
    const json = reportJson(buildReport([m]));
    expect(parseReport(json).manifests[0]!.levers).toEqual(m.levers);
    const old = JSON.parse(json) as { manifests: Record<string, unknown>[] };
    delete old.manifests[0]!.levers;
    expect(parseReport(JSON.stringify(old)).manifests[0]!.levers).toEqual([]);
  });
});
