// Accelerators the catalogue lacks, family names, and what every output says about how an entry was read:
// the resolved model and count, the hours compute derives, the period a service is assumed to run, and the
// metric of each budget share.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ambiguousMessage, findAccelerator } from "../src/catalogue/index.js";
import { evaluate } from "../src/evaluate.js";
import { renderMarkdown } from "../src/render/markdown.js";
import { renderText } from "../src/render/text.js";
import { buildReport, reportJson, type ManifestReport } from "../src/report.js";
import { parseReport } from "../src/report-schema.js";

async function report(text: string): Promise<ManifestReport> {
  return evaluate({ path: "footprint.yml", text, readRelative: async () => null, exists: async () => false }, null);
}
// The facility only silences data/default-pue (its PUE is the same 1.56), so that each test sees its own findings.
const HEAD = "version: 1\nproject: p\ndefaults: { location: FR, facility: enterprise }\n";
const rules = (m: ManifestReport) => m.findings.map((f) => [f.rule, f.severity]);

describe("custom accelerators", () => {
  it("an accelerator the catalogue lacks works with power_w, with the notice data/custom-accelerator", async () => {
    for (const name of ["Jetson AGX Orin", "Radeon RX 7900 XTX", "Tenstorrent n300"]) {
      const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: ${name}\n    power_w: 450\n    count: 4\n    hours: 10\n`);
      expect(m.status).toBe("evaluated");
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
    const without = await report(
      `${HEAD}training:\n  - id: a\n    accelerator: Jetson AGX Orin\n    power_w: 60\n    compute: { parameters: 1e9, tokens: 1e11 }\n`,
    );
    expect(without.status).toBe("unevaluated");
    expect(without.findings.find((f) => f.rule === "manifest/invalid")!.message).toContain("compute needs peak_tflops");
    const withPeak = await report(
      `${HEAD}training:\n  - id: a\n    accelerator: Jetson AGX Orin\n    power_w: 60\n    peak_tflops: 500\n    compute: { parameters: 1e9, tokens: 1e11, mfu: 0.5 }\n`,
    );
    expect(withPeak.status).toBe("evaluated");
    expect(withPeak.runs[0]!.inputs.accelerator_hours).toBeCloseTo((6 * 1e9 * 1e11) / (500e12 * 0.5) / 3600, 9);
  });

  it("peak_tflops overrides the catalogue peak and makes compute work for an accelerator without one", async () => {
    const a10g = await report(
      `${HEAD}training:\n  - id: a\n    accelerator: nvidia-a10g\n    peak_tflops: 70\n    compute: { parameters: 1e8, tokens: 1e10, mfu: 0.5 }\n`,
    );
    expect(a10g.status).toBe("evaluated");
    expect(a10g.runs[0]!.inputs.accelerator_hours).toBeCloseTo((6 * 1e8 * 1e10) / (70e12 * 0.5) / 3600, 9);
    const h100 = await report(
      `${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    peak_tflops: 500\n    compute: { parameters: 1e9, tokens: 1e11, mfu: 0.5 }\n`,
    );
    expect(h100.runs[0]!.inputs.accelerator_hours).toBeCloseTo((6 * 1e9 * 1e11) / (500e12 * 0.5) / 3600, 9);
    const bad = await report(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    peak_tflops: 0\n    gpu_hours: 1\n`);
    expect(bad.status).toBe("unevaluated");
  });

  it("without power_w an unknown name stays data/unknown-accelerator and says that power_w makes it a custom accelerator", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: Jetson AGX Orin\n    count: 1\n    hours: 1\n`);
    expect(m.status).toBe("unevaluated");
    expect(rules(m)).toEqual([["data/unknown-accelerator", "error"]]);
    expect(m.findings[0]!.message).toMatch(/^unknown accelerator "Jetson AGX Orin"; state power_w .* custom accelerator; closest catalogue ids: /);
  });

  it("power_w without accelerator says how to name a custom accelerator", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    power_w: 300\n    count: 1\n    hours: 1\n`);
    expect(m.status).toBe("unevaluated");
    expect(m.findings[0]!.message).toContain("any name works (a custom accelerator");
  });

  it("a custom accelerator's name is one line in every table", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: "a\\n\u0060\u0060\u0060\\n@octocat"\n    power_w: 100\n    count: 2\n    hours: 1\n`);
    expect(m.runs[0]!.inputs.accelerator).toBe("a ``` @octocat");
    const text = renderText(buildReport([m]));
    expect(text.split("\n").filter((l) => l.includes("octocat") && !l.includes("custom-accelerator"))).toEqual([
      expect.stringMatching(/^ {2}a +training +2 × a ``` @octocat +estimated /),
    ]);
  });

  it("a custom accelerator in a manifest that fails the schema is not reported as unknown", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: Jetson AGX Orin\n    power_w: 60\n    count: 1\n    hours: 1\n    hourz: 2\n`);
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
      ["TPU v4", "google-tpu-v4"],
      ["TPU v5", "google-tpu-v5p"],
      ["H200", "nvidia-h200-sxm"],
      ["H800", "nvidia-h800-sxm"],
      ["A800", "nvidia-a800-sxm"],
      ["B200", "nvidia-b200"],
      ["B300", "nvidia-b300"],
      ["P100", "nvidia-p100-pcie"],
      ["RTX 6000", "nvidia-rtx-6000-ada"],
      ["MI350", "amd-mi355x"],
      ["Trainium", "aws-trainium1"],
      ["Inferentia", "aws-inferentia1"],
    ] as const) {
      const found = findAccelerator(name);
      expect(found.ok && found.value.id, name).toBe(chosen);
      expect(found.ambiguity, name).toBeDefined();
    }
    for (const name of [
      "A100-SXM4-80GB",
      "A100 80GB PCIe",
      "H100 SXM",
      "H100 PCIe",
      "V100 PCIe",
      "MI300X",
      "TPUv4 Chip",
      "nvidia-a100-80gb-sxm",
      "GH200",
      "GB200",
      "H200 NVL",
      "RTX 4090",
      "A6000",
      "RTX 6000 Ada",
      "MI300A",
      "MI325X",
      "Trillium",
      "Ironwood",
      "Trainium2",
      "Inf2",
    ]) {
      const found = findAccelerator(name);
      expect(found.ok, name).toBe(true);
      expect(found.ambiguity, name).toBeUndefined();
    }
  });

  it("a family added with the broader catalogue names each alternative with its power and basis", () => {
    const message = (name: string) => {
      const found = findAccelerator(name);
      if (!found.ok || !found.ambiguity) throw new Error(`${name} is not a family name`);
      return ambiguousMessage(name, found.value, found.ambiguity);
    };
    expect(message("B200")).toBe('"B200" is read as nvidia-b200 (1000 W); the family also has nvidia-gb200-gpu (1200 W); name the model to silence this');
    expect(message("MI300")).toBe('"MI300" is read as amd-mi300x (750 W); the family also has amd-mi300a (550 W); name the model to silence this');
    expect(message("RTX 6000")).toBe(
      '"RTX 6000" is read as nvidia-rtx-6000-ada (300 W); the family also has nvidia-rtx-a6000 (300 W), Quadro RTX 6000 and RTX PRO 6000 Blackwell (not in the catalogue; state power_w for them); name the model to silence this',
    );
    expect(message("TPU v4")).toBe(
      '"TPU v4" is read as google-tpu-v4 (378.5 W, measured system power per chip); the family also has TPU v4i (an inference chip not offered on Google Cloud; not in the catalogue); name the model to silence this',
    );
    expect(message("TPU v5")).toBe(
      '"TPU v5" is read as google-tpu-v5p (no published power); the family also has google-tpu-v5e (no published power); name the model to silence this',
    );
  });

  it("the resolved accelerator and count are shown per entry in the text output and the Markdown", async () => {
    const m = await report(
      `${HEAD}training:\n  - id: a\n    accelerator: A100\n    count: 8\n    hours: 10\n  - id: b\n    accelerator: H100 SXM\n    gpu_hours: 100\n`,
    );
    const text = renderText(buildReport([m]));
    expect(text).toMatch(/^ {2}a +training +8 × nvidia-a100-80gb-sxm +estimated /m);
    expect(text).toMatch(/^ {2}b +training +nvidia-h100-sxm +estimated /m);
    const md = renderMarkdown(buildReport([m]));
    expect(md).toContain("| entry | energy (kWh) | CO2e (kg) | water (L) | status |");
    expect(md).toContain("| `a`<br><sub>8\u00a0×\u00a0nvidia\\-a100\\-80gb\\-sxm</sub> |");
    expect(md).toContain("| `b`<br><sub>nvidia\\-h100\\-sxm</sub> |");
  });
});

describe("catalogue breadth", () => {
  const catalogue = (
    JSON.parse(readFileSync(new URL("../data/accelerators.json", import.meta.url), "utf8")) as { accelerators: { id: string; aliases: string[] }[] }
  ).accelerators;

  it("has at least 45 accelerators", () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(45);
  });

  it("resolves every id and alias to its own row, or to a family whose notice names that row", () => {
    for (const a of catalogue) {
      for (const name of [a.id, ...a.aliases]) {
        const found = findAccelerator(name);
        if (!found.ok) throw new Error(`${name} does not resolve`);
        if (found.ambiguity) expect([found.value.id, ...found.ambiguity.alternatives.map((x) => x.id)], name).toContain(a.id);
        else expect(found.value.id, name).toBe(a.id);
      }
    }
  });
});

describe("the names launch configs use", () => {
  it("resolve through the catalogue's aliases: SkyPilot, GKE node labels, Karpenter and Vertex AI enums", () => {
    for (const [name, id, ambiguous] of [
      // SkyPilot (its bare A100 is the 40 GB part: the SkyPilot reader maps that one, not the catalogue)
      ["A100-80GB", "nvidia-a100-80gb-sxm", true],
      ["H100-MEGA", "nvidia-h100-sxm", false],
      ["H100-NVL", "nvidia-h100-nvl", false],
      ["H100", "nvidia-h100-sxm", true],
      ["L4", "nvidia-l4", false],
      ["L40S", "nvidia-l40s", false],
      ["A10G", "nvidia-a10g", false],
      ["T4", "nvidia-t4", false],
      ["V100-32GB", "nvidia-v100-sxm2", true],
      // GKE cloud.google.com/gke-accelerator
      ["nvidia-h100-80gb", "nvidia-h100-sxm", false],
      ["nvidia-h100-mega-80gb", "nvidia-h100-sxm", false],
      ["nvidia-h200-141gb", "nvidia-h200-sxm", false],
      ["nvidia-l4", "nvidia-l4", false],
      ["nvidia-tesla-a100", "nvidia-a100-40gb-sxm", false],
      ["nvidia-a100-80gb", "nvidia-a100-80gb-sxm", false],
      ["nvidia-tesla-t4", "nvidia-t4", false],
      ["tpu-v5-lite-podslice", "google-tpu-v5e", false],
      // Karpenter karpenter.k8s.aws/instance-gpu-name
      ["h100", "nvidia-h100-sxm", true],
      ["a10g", "nvidia-a10g", false],
      ["l40s", "nvidia-l40s", false],
      // Vertex AI acceleratorType
      ["NVIDIA_H100_80GB", "nvidia-h100-sxm", false],
      ["NVIDIA_H100_MEGA_80GB", "nvidia-h100-sxm", false],
      ["NVIDIA_TESLA_A100", "nvidia-a100-40gb-sxm", false],
      ["NVIDIA_A100_80GB", "nvidia-a100-80gb-sxm", false],
      ["NVIDIA_L4", "nvidia-l4", false],
      ["TPU_V5_LITEPOD", "google-tpu-v5e", false],
      ["TPU_V4_POD", "google-tpu-v4", false],
      ["TPU_V3", "google-tpu-v3", false],
    ] as const) {
      const found = findAccelerator(name);
      expect(found.ok && found.value.id, name).toBe(id);
      expect(found.ambiguity !== undefined, name).toBe(ambiguous);
    }
  });
});

describe("power basis", () => {
  /** The power_w assumption of a run, with its source row resolved. */
  const power = (m: ManifestReport, run = 0) => {
    const row = m.runs[run]!.assumptions.map((i) => m.assumptions[i]!).find((a) => a.name === "power_w")!;
    return { value: row.value, unit: row.unit, ...m.sources[row.source]! };
  };

  it("a TPU entry states the measured system power per chip it uses, with its source and year; a GPU states its TDP", async () => {
    const m = await report(
      `${HEAD}training:\n  - id: t\n    accelerator: google-tpu-v3\n    gpu_hours: 1000\n  - id: g\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1000\n`,
    );
    expect(power(m, 0)).toMatchObject({ value: 283, unit: "W (measured system power per chip)", year: 2021 });
    expect(power(m, 0).source).toMatch(/Patterson et al\. 2021/);
    // 1000 chip-hours at 283 W and training utilisation 1.
    expect(m.runs[0]!.inputs.it_kwh).toBeCloseTo(283, 9);
    expect(power(m, 1)).toMatchObject({ value: 700, unit: "W (TDP)", year: 2022 });
    const v4 = await report(`${HEAD}training:\n  - id: t\n    accelerator: TPUv4 Chip\n    gpu_hours: 10\n`);
    expect(power(v4)).toMatchObject({ value: 378.5, unit: "W (measured system power per chip)", year: 2022 });
    expect(power(v4).source).toMatch(/PaLM/);
  });

  it("an accelerator with no published power figure (TPU v6e, Trainium2) needs power_w, and uses it when stated", async () => {
    for (const id of ["google-tpu-v6e", "aws-trainium2"]) {
      const without = await report(`${HEAD}training:\n  - id: t\n    accelerator: ${id}\n    gpu_hours: 10\n`);
      expect(without.status, id).toBe("unevaluated");
      expect(without.findings.map((f) => f.message)).toContain(`${id} has no published power figure; set power_w`);
      const stated = await report(`${HEAD}training:\n  - id: t\n    accelerator: ${id}\n    power_w: 300\n    gpu_hours: 10\n`);
      expect(stated.status, id).toBe("evaluated");
      expect(power(stated)).toMatchObject({ value: 300, unit: "W", source: "manifest" });
      expect(stated.runs[0]!.inputs.it_kwh).toBeCloseTo(3, 9);
    }
  });
});

describe("assumed and derived hours", () => {
  it("an inference entry without hours states the one-year period in text, Markdown and the JSON assumptions", async () => {
    const m = await report(`${HEAD}inference:\n  - id: svc\n    accelerator: nvidia-l4\n    count: 2\n`);
    const rep = buildReport([m]);
    expect(renderText(rep)).toContain("svc: no hours given: one year (8,760 h) of service assumed");
    expect(renderMarkdown(rep)).toContain("- `svc`: no hours given: one year \\(8,760 h\\) of service assumed");
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
    expect(renderMarkdown(rep)).toContain("- `p`: compute \\(6·P·T\\) gives 337 accelerator\\-hours, 5\\.27 h wall\\-clock on 64 accelerators");
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
