// The manifest's cross-field rules (src/manifest/rules.ts): each problem at its key, entries that pass handed on with
// their catalogue names resolved once.
import { describe, expect, it } from "vitest";
import { parseManifest } from "../src/manifest/parse.js";
import { catalogueFindings, checkRules, locationPath, MARKET_BOTH } from "../src/manifest/rules.js";
import { HEAD } from "./helpers.js";

async function rules(text: string) {
  const parsed = await parseManifest(text, "footprint.yml");
  if (!parsed.manifest) throw new Error(JSON.stringify(parsed.findings));
  return checkRules(parsed.manifest, { file: "footprint.yml", locator: parsed.locator });
}

const brief = (r: Awaited<ReturnType<typeof rules>>) =>
  r.findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line, column: f.column, message: f.message }));

describe("cross-field rules of a manifest", () => {
  it("reports the second of hours, gpu_hours and compute at its key, and hours without count at the hours key", async () => {
    const r = await rules(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    hours: 1\n    gpu_hours: 8\n`);
    expect(brief(r)).toEqual([
      { rule: "manifest/invalid", severity: "error", line: 7, column: 5, message: "give exactly one of hours, gpu_hours or compute (found hours, gpu_hours)" },
      { rule: "manifest/invalid", severity: "error", line: 6, column: 5, message: "hours needs count (accelerators in the run); or give gpu_hours" },
    ]);
    expect(r.entries).toEqual([]);
  });

  it("accepts a training entry whose only figure is a measured one", async () => {
    const r = await rules(`${HEAD}training:\n  - id: a\n    measured: { energy_kwh: 12 }\n`);
    expect(r.findings).toEqual([]);
    expect(r.entries.map((e) => e.entry.id)).toEqual(["a"]);
  });

  it("reports a measured block with both codecarbon and energy_kwh at the measured key", async () => {
    const r = await rules(
      `${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    measured:\n      codecarbon: e.csv\n      energy_kwh: 1\n`,
    );
    expect(brief(r)).toEqual([
      { rule: "manifest/invalid", severity: "error", line: 7, column: 5, message: "training[0].measured: give exactly one of codecarbon or energy_kwh" },
    ]);
  });

  it("reports the request form mixed with the fleet form at the fleet key", async () => {
    const r = await rules(`${HEAD}inference:\n  - id: a\n    accelerator: nvidia-l4\n    count: 4\n    requests: 1000\n    energy_per_request_wh: 0.3\n`);
    expect(brief(r).map((f) => [f.line, f.column, f.message])).toEqual([
      [6, 5, "energy_per_request_wh (request form) cannot be combined with count (fleet form); keep one form"],
    ]);
  });

  it("hands on the throughput form's rate in requests per second: tokens per second over tokens per request", async () => {
    const r = await rules(
      `${HEAD}inference:\n  - id: a\n    accelerator: nvidia-l4\n    count: 2\n    throughput: { tokens_per_second: 1000, tokens_per_request: 500 }\n`,
    );
    expect(r.findings).toEqual([]);
    expect(r.entries[0]!.rate).toBe(2);
  });

  it("reports requests that the stated rate cannot serve within the stated hours", async () => {
    const r = await rules(
      `${HEAD}inference:\n  - id: a\n    accelerator: nvidia-l4\n    count: 1\n    hours: 10\n    requests: 72000\n    throughput: { requests_per_second: 1 }\n`,
    );
    expect(brief(r).map((f) => [f.line, f.column])).toEqual([[8, 5]]);
    expect(r.findings[0]!.message).toMatch(/^72,000 requests at 1 requests\/s keep the fleet busy 20 h, more than its hours \(10 h\)/);
  });

  it("reports both market-based statements, in defaults and on an entry, at market_based_intensity", async () => {
    const r = await rules(
      `${HEAD}defaults:\n  carbon_free_energy: 0.5\n  market_based_intensity: 100\ntraining:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    carbon_free_energy: 0.2\n    market_based_intensity: 50\n`,
    );
    expect(brief(r).map((f) => [f.line, f.column, f.message])).toEqual([
      [5, 3, MARKET_BOTH],
      [11, 5, MARKET_BOTH],
    ]);
  });

  it("reports duplicate entry ids across training and inference, and dataset ids among datasets", async () => {
    const r = await rules(
      `${HEAD}training:\n  - id: x\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\ninference:\n  - id: x\n    accelerator: nvidia-l4\n    count: 1\ndatasets:\n  - id: x\n  - id: x\n`,
    );
    expect(r.findings.map((f) => f.message)).toEqual([
      "inference[0].id: duplicate entry id `x` (first used at training[0]); ids must be unique",
      "datasets[1].id: duplicate dataset id `x` (first used at datasets[0]); ids must be unique",
    ]);
  });
  it("reports each repeat of an id with the id's first use, in its own section or in training", async () => {
    const entry = (id: string) => `  - id: ${id}\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n`;
    const serving = (id: string) => `  - id: ${id}\n    accelerator: nvidia-l4\n    count: 1\n`;
    const r = await rules(`${HEAD}training:\n${entry("a")}${entry("a")}${entry("a")}inference:\n${serving("a")}${serving("b")}${serving("b")}`);
    expect(r.findings.map((f) => f.message)).toEqual([
      "training[1].id: duplicate entry id `a` (first used at training[0]); ids must be unique",
      "training[2].id: duplicate entry id `a` (first used at training[0]); ids must be unique",
      "inference[0].id: duplicate entry id `a` (first used at training[0]); ids must be unique",
      "inference[2].id: duplicate entry id `b` (first used at inference[1]); ids must be unique",
    ]);
  });

  it("lists findings by rule: duplicate ids, measured blocks, both market-based defaults, then each entry's own", async () => {
    const r = await rules(
      `${HEAD}defaults:\n  carbon_free_energy: 0.5\n  market_based_intensity: 100\ntraining:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    hours: 1\n` +
        `  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    measured: { codecarbon: e.csv, energy_kwh: 1 }\n`,
    );
    expect(r.findings.map((f) => f.message)).toEqual([
      "training[1].id: duplicate entry id `a` (first used at training[0]); ids must be unique",
      "training[1].measured: give exactly one of codecarbon or energy_kwh",
      MARKET_BOTH,
      "hours needs count (accelerators in the run); or give gpu_hours",
    ]);
  });
});

describe("catalogue names of a manifest", () => {
  it("resolves each distinct accelerator and location once: entries naming the same one share the object", async () => {
    const entry = (id: string, location: string) => `  - id: ${id}\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    location: ${location}\n`;
    const r = await rules(`${HEAD}defaults:\n  location: FR\ntraining:\n${entry("a", "FR")}${entry("b", "FR")}${entry("c", "aws:us-east-1")}`);
    const [a, b, c] = r.entries;
    expect(a!.accelerator!.id).toBe("nvidia-h100-sxm");
    expect(b!.accelerator).toBe(a!.accelerator);
    expect(b!.location).toBe(a!.location);
    expect(c!.location).not.toBe(a!.location);
    expect(c!.location!.id).toBe("aws:us-east-1");
  });

  it("takes the location from defaults when the entry has none, and remembers where it is written", async () => {
    const r = await rules(`${HEAD}defaults:\n  location: FR\ntraining:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n`);
    expect(r.entries[0]!.location!.id).toBe("zone:FR");
    expect(locationPath(r.entries[0]!)).toEqual(["defaults", "location"]);
  });

  it("reports an unknown location in defaults for each entry using it, at the defaults key, and passes none of them on", async () => {
    const entry = (id: string) => `  - id: ${id}\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n`;
    const r = await rules(`${HEAD}defaults:\n  location: XX-NOPE\ntraining:\n${entry("a")}${entry("b")}`);
    expect(r.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["data/unknown-location", 4, 13],
      ["data/unknown-location", 4, 13],
    ]);
    expect(r.entries).toEqual([]);
  });

  it("reads an unknown name with power_w as a custom accelerator, with a notice, and hands it on", async () => {
    const r = await rules(`${HEAD}training:\n  - id: a\n    accelerator: "Jetson   AGX Orin"\n    power_w: 60\n    gpu_hours: 10\n`);
    expect(brief(r).map((f) => [f.rule, f.severity])).toEqual([["data/custom-accelerator", "notice"]]);
    expect(r.entries[0]!.accelerator).toMatchObject({ id: "Jetson AGX Orin", power_w: null, source: "manifest" });
  });

  it("requires peak_tflops for the compute form of a custom accelerator", async () => {
    const r = await rules(`${HEAD}training:\n  - id: a\n    accelerator: Jetson\n    power_w: 60\n    compute: { parameters: 1e9, tokens: 1e9 }\n`);
    expect(r.findings.map((f) => f.message)).toContain('compute needs peak_tflops for the custom accelerator "Jetson" (or give hours or gpu_hours)');
    expect(r.entries).toEqual([]);
  });

  it("of a manifest that failed the schema: unknown names are reported, and a name with power_w is not looked up", async () => {
    const parsed = await parseManifest(
      `${HEAD}training:\n  - id: a\n    accelerator: H100-SXMM\n    count: 0\n  - id: b\n    accelerator: Jetson\n    power_w: 60\n    location: aws:us-east-9\n`,
      "footprint.yml",
    );
    expect(parsed.manifest).toBeUndefined();
    const found = catalogueFindings(parsed.data, { file: "footprint.yml", locator: parsed.locator });
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["data/unknown-accelerator", 5, 18],
      ["data/unknown-location", 10, 15],
    ]);
  });
});
