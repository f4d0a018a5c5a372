// Unit tests of the methodology (README: Methodology; formulas, defaults, measured figures), units, diff, budgets, CodeCarbon, catalogue look-ups
// and Markdown escaping. Expected figures are computed by hand from the catalogue values quoted in each test.
import { describe, expect, it } from "vitest";
import { checkBudgets } from "../src/budget.js";
import { findAccelerator, findLocation } from "../src/catalogue/index.js";
import { diff, type RunFigures } from "../src/diff.js";
import { type RunResult, type Totals } from "../src/estimate/index.js";
import { evaluate, type ManifestReport, type RunReport } from "../src/evaluate.js";
import type { ManifestSource } from "../src/manifest/source.js";
import { parseManifest } from "../src/manifest/parse.js";
import { CodeCarbonError, readCodeCarbon } from "../src/measured/codecarbon.js";
import { escapeMarkdown } from "../src/render/escape.js";
import { renderMarkdown } from "../src/render/markdown.js";
import { formatPct, formatQuantity } from "../src/render/units.js";
import { buildReport, runAssumptions } from "../src/report.js";

// ---------------------------------------------------------------------------------------------------------------
// helpers

function source(text: string, files: Record<string, string> = {}, path = "footprint.yml"): ManifestSource {
  return {
    path,
    text,
    readRelative: async (rel) => (Object.prototype.hasOwnProperty.call(files, rel) ? files[rel]! : null),
    exists: async (rel) => Object.prototype.hasOwnProperty.call(files, rel),
  };
}

async function report(text: string, files: Record<string, string> = {}): Promise<ManifestReport> {
  return evaluate(source(text, files), null);
}

async function onlyRun(text: string, files: Record<string, string> = {}): Promise<RunReport> {
  const r = await report(text, files);
  expect(r.findings.filter((f) => f.severity === "error"), JSON.stringify(r.findings)).toEqual([]);
  expect(r.runs).toHaveLength(1);
  return r.runs[0]!;
}

/** Relative closeness, 1e-9. */
function near(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual! - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(tol);
}

const HEAD = "version: 1\nproject: p\n";
// Default embodied carbon: (150 + 2500/8) kg over 6 years × 8760 h × 0.85.
const EMB_DENOM = 6 * 8760 * 0.85; // 44676

// ---------------------------------------------------------------------------------------------------------------
// Estimation

describe("training estimate (README: Methodology)", () => {
  // nvidia-h100-sxm: TDP 700 W, peak BF16 dense 989 TFLOPS. Zone FR: 31 gCO2e/kWh, no provider → PUE 1.56, WUE 1.8.
  it("hours × count, zone location, default PUE 1.56 / WUE 1.8 / EWIF 3.1", async () => {
    const run = await onlyRun(`${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 10\n    location: FR\n`);
    expect(run.basis).toBe("estimated");
    expect(run.inputs.accelerator).toBe("nvidia-h100-sxm");
    near(run.inputs.accelerator_hours, 80);
    expect(run.inputs.power_w).toBe(700);
    expect(run.inputs.utilization).toBe(1);
    near(run.inputs.it_kwh, 56); // 80 h × 700 W
    expect(run.inputs.pue).toBe(1.56);
    expect(run.inputs.carbon_intensity).toBe(31);
    expect(run.inputs.wue_l_per_kwh).toBe(1.8);
    expect(run.inputs.ewif_l_per_kwh).toBe(3.1);
    near(run.energy_kwh, 87.36); // 56 × 1.56
    near(run.operational_co2e_kg, 2.70816); // 87.36 × 31 / 1000
    near(run.embodied_co2e_kg, 37000 / EMB_DENOM); // 80 × 462.5 / 44676 = 0.82818…
    near(run.co2e_kg, 2.70816 + 37000 / EMB_DENOM);
    near(run.water_l, 371.616); // 56 × 1.8 + 87.36 × 3.1
  });

  it("gpu_hours, utilization and repeats; gcp region (MISO 501 g, PUE 1.10, no provider WUE → 1.8)", async () => {
    const run = await onlyRun(
      `${HEAD}training:\n  - id: a\n    accelerator: H100 SXM\n    gpu_hours: 1000\n    utilization: 0.5\n    repeats: 2\n    location: gcp:us-central1\n`,
    );
    near(run.inputs.accelerator_hours, 1000);
    expect(run.inputs.repeats).toBe(2);
    expect(run.inputs.zone).toBe("US-MIDW-MISO");
    near(run.inputs.it_kwh, 700); // 1000 × 700 × 0.5 / 1000 × 2
    expect(run.inputs.pue).toBe(1.1);
    near(run.energy_kwh, 770);
    near(run.operational_co2e_kg, 385.77); // 770 × 501 / 1000
    near(run.embodied_co2e_kg, (1000 * 2 * 462.5) / EMB_DENOM); // repeats count for embodied too
    expect(run.inputs.wue_l_per_kwh).toBe(1.8);
    near(run.water_l, 700 * 1.8 + 770 * 3.1); // 3647
  });

  it("compute form: 6·P·T / (peak × mfu) / 3600 with the default mfu 0.4", async () => {
    const run = await onlyRun(
      `${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    compute: { parameters: 7e9, tokens: 2e12 }\n    location: FR\n    pue: 1.2\n`,
    );
    const hours = (6 * 7e9 * 2e12) / (989e12 * 0.4) / 3600; // 58,982.1 h
    near(run.inputs.accelerator_hours, hours);
    near(run.inputs.it_kwh, (hours * 700) / 1000);
    near(run.energy_kwh, ((hours * 700) / 1000) * 1.2);
  });

  it("compute form with an explicit mfu", async () => {
    const run = await onlyRun(
      `${HEAD}training:\n  - id: a\n    accelerator: nvidia-a100-80gb-sxm\n    compute: { parameters: 1e9, tokens: 1e11, mfu: 0.5 }\n    location: FR\n`,
    );
    near(run.inputs.accelerator_hours, (6 * 1e9 * 1e11) / (312e12 * 0.5) / 3600); // A100 peak 312 TFLOPS
  });

  it("power_w override; aws region (PJM 418 g, PUE 1.135, provider WUE 0.12)", async () => {
    const run = await onlyRun(`${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 4\n    hours: 100\n    power_w: 600\n    location: aws:us-east-1\n`);
    expect(run.inputs.power_w).toBe(600);
    expect(run.inputs.zone).toBe("US-MIDA-PJM");
    expect(run.inputs.pue).toBe(1.135);
    expect(run.inputs.carbon_intensity).toBe(418);
    expect(run.inputs.wue_l_per_kwh).toBe(0.12);
    near(run.inputs.it_kwh, 240);
    near(run.energy_kwh, 272.4);
    near(run.operational_co2e_kg, 113.8632);
    near(run.water_l, 240 * 0.12 + 272.4 * 3.1); // 873.24: provider WUE, not the 1.8 default
  });

  it("stated pue and carbon_intensity override the location's figures", async () => {
    const run = await onlyRun(
      `${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 1\n    hours: 10\n    location: aws:us-east-1\n    pue: 1.3\n    carbon_intensity: 100\n`,
    );
    expect(run.inputs.pue).toBe(1.3);
    expect(run.inputs.carbon_intensity).toBe(100);
    near(run.energy_kwh, 7 * 1.3);
    near(run.operational_co2e_kg, (7 * 1.3 * 100) / 1000);
    near(run.water_l, 7 * 0.12 + 7 * 1.3 * 3.1); // WUE still the provider's
  });

  it("embodied overrides: per_accelerator_kg, lifetime_years, lifetime_utilization", async () => {
    const run = await onlyRun(
      `${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 10\n    location: FR\n    repeats: 3\n    embodied:\n      per_accelerator_kg: 1000\n      lifetime_years: 4\n      lifetime_utilization: 0.5\n`,
    );
    near(run.embodied_co2e_kg, (80 * 3 * 1000) / (4 * 8760 * 0.5));
    expect(run.inputs.embodied_per_accelerator_kg).toBe(1000);
  });

  it("a single embodied override keeps the other defaults", async () => {
    const run = await onlyRun(`${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 10\n    location: FR\n    embodied: { lifetime_years: 3 }\n`);
    near(run.embodied_co2e_kg, (80 * 462.5) / (3 * 8760 * 0.85));
  });

  it("totals are the sum of the entries", async () => {
    const r = await report(
      `${HEAD}defaults:\n  location: FR\ntraining:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 10\n  - id: b\n    accelerator: h100\n    gpu_hours: 1000\n`,
    );
    expect(r.runs).toHaveLength(2);
    near(r.totals!.energy_kwh, 87.36 + 700 * 1.56);
    near(r.totals!.embodied_co2e_kg, (1080 * 462.5) / EMB_DENOM);
    near(r.totals!.co2e_kg, r.totals!.operational_co2e_kg + r.totals!.embodied_co2e_kg);
  });
});

describe("inference estimate (README: Methodology)", () => {
  it("fleet form defaults: utilization 0.5, hours 8760; azure region (NL 253 g, PUE 1.185, WUE 0.27)", async () => {
    const run = await onlyRun(`${HEAD}inference:\n  - id: chat\n    accelerator: nvidia-l4\n    count: 4\n    location: azure:westeurope\n`);
    expect(run.kind).toBe("inference");
    near(run.inputs.accelerator_hours, 4 * 8760);
    expect(run.inputs.utilization).toBe(0.5);
    near(run.inputs.it_kwh, (35040 * 72 * 0.5) / 1000); // 1261.44
    expect(run.inputs.pue).toBe(1.185);
    expect(run.inputs.carbon_intensity).toBe(253);
    near(run.energy_kwh, 1261.44 * 1.185);
    near(run.operational_co2e_kg, (1261.44 * 1.185 * 253) / 1000);
    near(run.embodied_co2e_kg, (35040 * 462.5) / EMB_DENOM);
    near(run.water_l, 1261.44 * 0.27 + 1261.44 * 1.185 * 3.1);
    // No request count: the per-request figures are unknown, and say why.
    expect(run.per_request).toMatchObject({ requests: null, energy_wh: null });
    expect(run.per_request!.reason).toContain("no request count");
  });

  it("fleet form with hours, utilization and requests → per-request figures", async () => {
    const run = await onlyRun(
      `${HEAD}inference:\n  - id: chat\n    accelerator: nvidia-l4\n    count: 2\n    hours: 1000\n    utilization: 0.25\n    requests: 1e6\n    location: FR\n    pue: 1.2\n`,
    );
    near(run.inputs.it_kwh, (2000 * 72 * 0.25) / 1000); // 36
    near(run.energy_kwh, 43.2);
    const co2e = (43.2 * 31) / 1000 + (2000 * 462.5) / EMB_DENOM;
    near(run.co2e_kg, co2e);
    near(run.per_request!.energy_wh, (43.2 * 1000) / 1e6); // 0.0432 Wh
    near(run.per_request!.requests_per_kwh, 1e6 / 43.2);
    near(run.per_request!.co2e_g_per_1000, (co2e * 1e6) / 1e6);
  });

  it("request form: it_kwh = N × C / 1000; no embodied share", async () => {
    const run = await onlyRun(`${HEAD}inference:\n  - id: api\n    requests: 1e6\n    energy_per_request_wh: 0.3\n    location: FR\n    pue: 1.2\n`);
    near(run.inputs.it_kwh, 300);
    expect(run.inputs.accelerator_hours).toBeNull();
    near(run.energy_kwh, 360);
    near(run.operational_co2e_kg, 11.16);
    expect(run.embodied_co2e_kg).toBe(0);
    near(run.water_l, 300 * 1.8 + 360 * 3.1);
    near(run.per_request!.energy_wh, 0.36);
    near(run.per_request!.requests_per_kwh, 1e6 / 360);
    near(run.per_request!.co2e_g_per_1000, 11.16); // 11.16 kg over 1e6 requests
  });
});

describe("measured figures (README: Methodology)", () => {
  const entry = (measured: string, extra = "") =>
    `${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 10\n    location: FR\n    pue: 1.2\n${extra}    measured:\n${measured}`;

  it("measured.energy_kwh is IT-level: × PUE, × the entry's carbon intensity; the plan is kept", async () => {
    const run = await onlyRun(entry("      energy_kwh: 100\n"));
    expect(run.basis).toBe("measured");
    near(run.energy_kwh, 120);
    near(run.operational_co2e_kg, 3.72); // 120 × 31 / 1000
    near(run.embodied_co2e_kg, 37000 / EMB_DENOM); // embodied still from the plan's accelerator-hours
    near(run.co2e_kg, 3.72 + 37000 / EMB_DENOM);
    near(run.water_l, 100 * 1.8 + 120 * 3.1);
    near(run.planned!.energy_kwh, 56 * 1.2);
    near(run.planned!.drift_energy_pct, ((120 - 67.2) / 67.2) * 100);
  });

  it("a measured-only entry (no hours) is accepted", async () => {
    const run = await onlyRun(`${HEAD}training:\n  - id: a\n    location: FR\n    pue: 1.5\n    measured:\n      energy_kwh: 10\n`);
    near(run.energy_kwh, 15);
    expect(run.embodied_co2e_kg).toBe(0);
    expect(run.planned).toBeNull();
  });

  it("CodeCarbon with pue column 1 is IT-level: energy and emissions scaled by the entry's PUE", async () => {
    const csv = "run_id,energy_consumed,emissions,pue\nr1,10,4,1.0\n";
    const run = await onlyRun(entry("      codecarbon: emissions.csv\n"), { "emissions.csv": csv });
    expect(run.basis).toBe("measured");
    near(run.energy_kwh, 12);
    near(run.operational_co2e_kg, 4.8); // CodeCarbon's own emissions × PUE, not the entry's intensity
    near(run.inputs.it_kwh, 10);
    near(run.water_l, 10 * 1.8 + 12 * 3.1);
  });

  it("CodeCarbon with pue column above 1 is facility-level: not scaled again", async () => {
    const csv = "run_id,energy_consumed,emissions,pue\nr1,10,4,1.5\n";
    const run = await onlyRun(entry("      codecarbon: emissions.csv\n"), { "emissions.csv": csv });
    near(run.energy_kwh, 10);
    near(run.operational_co2e_kg, 4);
    near(run.inputs.it_kwh, 10 / 1.5);
    near(run.water_l, (10 / 1.5) * 1.8 + 10 * 3.1);
  });

  it("CodeCarbon without a pue column (2.x) counts as IT-level", async () => {
    const csv = "run_id,energy_consumed,emissions\nr1,10,4\n";
    const run = await onlyRun(entry("      codecarbon: emissions.csv\n"), { "emissions.csv": csv });
    near(run.energy_kwh, 12);
  });

  it("several CodeCarbon files (one per rank) are summed", async () => {
    const run = await onlyRun(entry("      codecarbon: [rank0.csv, rank1.csv]\n"), {
      "rank0.csv": "run_id,energy_consumed,emissions\nr,10,4\n",
      "rank1.csv": "run_id,energy_consumed,emissions\nr,5,2\n",
    });
    near(run.energy_kwh, 15 * 1.2);
    near(run.operational_co2e_kg, 6 * 1.2);
  });

  it("CodeCarbon water_consumed replaces the on-site WUE estimate", async () => {
    const csv = "run_id,energy_consumed,water_consumed,emissions,pue,wue\nr1,10,7,4,1.0,0.7\n";
    const run = await onlyRun(entry("      codecarbon: emissions.csv\n"), { "emissions.csv": csv });
    near(run.water_l, 7 + 12 * 3.1);
  });
});

describe("locations, inheritance and fallbacks (README: Locations, Methodology)", () => {
  it("defaults.location is inherited and an entry's location overrides it", async () => {
    const r = await report(
      `${HEAD}defaults:\n  location: FR\n  pue: 1.1\ntraining:\n  - id: inherits\n    accelerator: h100\n    gpu_hours: 10\n  - id: overrides\n    accelerator: h100\n    gpu_hours: 10\n    location: DE\n`,
    );
    const [a, b] = r.runs;
    expect(a!.inputs.location).toBe("zone:FR");
    expect(a!.inputs.carbon_intensity).toBe(31);
    expect(a!.inputs.pue).toBe(1.1); // defaults.pue
    expect(b!.inputs.location).toBe("zone:DE");
    expect(b!.inputs.carbon_intensity).toBe(342);
    expect(b!.inputs.pue).toBe(1.1);
    expect(r.findings.filter((f) => f.rule === "data/location-missing")).toEqual([]);
  });

  it("no location anywhere: world average 475 g and PUE 1.56, with a data/location-missing warning at the entry", async () => {
    const text = `${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 1\n    hours: 10\n`;
    const r = await report(text);
    const run = r.runs[0]!;
    expect(run.inputs.carbon_intensity).toBe(475);
    expect(run.inputs.pue).toBe(1.56);
    expect(run.inputs.wue_l_per_kwh).toBe(1.8);
    near(run.energy_kwh, 7 * 1.56);
    near(run.operational_co2e_kg, (7 * 1.56 * 475) / 1000);
    const warnings = r.findings.filter((f) => f.rule === "data/location-missing");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", file: "footprint.yml", line: 4, column: 9 });
    expect(r.verdict).toBe("warn");
  });

  it("no warning when the entry states both carbon_intensity and pue", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n    accelerator: h100 sxm\n    count: 1\n    hours: 10\n    carbon_intensity: 50\n    pue: 1.2\n`);
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe("pass");
    near(r.runs[0]!.operational_co2e_kg, (7 * 1.2 * 50) / 1000);
  });

  it("still a warning when only carbon_intensity is stated", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n    accelerator: h100 sxm\n    count: 1\n    hours: 10\n    carbon_intensity: 50\n`);
    expect(r.findings.map((f) => f.rule)).toEqual(["data/location-missing"]);
    expect(r.runs[0]!.inputs.pue).toBe(1.56);
  });

  it("a GCP location (no published provider WUE) uses the 1.8 L/kWh default and renders as Markdown", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n    accelerator: h100\n    gpu_hours: 1000\n    location: gcp:us-central1\n`);
    const run = r.runs[0]!;
    expect(run.inputs.wue_l_per_kwh).toBe(1.8);
    near(run.water_l, 700 * 1.8 + 770 * 3.1);
    for (const a of runAssumptions(r, run)) expect(a.value, a.name).not.toBeNull();
  });

  it("a GCP manifest renders as the Markdown PR comment without throwing", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n    accelerator: h100\n    gpu_hours: 1000\n    location: gcp:us-central1\n`);
    let md = "";
    expect(() => (md = renderMarkdown(buildReport([r])))).not.toThrow();
    expect(md).toContain("wue\\_onsite");
  });

  it("every resolved input is reported with a source", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 1\n    hours: 10\n    location: gcp:us-central1\n`);
    const assumptions = runAssumptions(r, r.runs[0]!);
    const names = assumptions.map((a) => a.name);
    for (const n of ["pue", "carbon_intensity", "power_w", "hours", "utilization", "embodied_per_accelerator", "wue_onsite", "ewif"]) {
      expect(names).toContain(n);
    }
    for (const a of assumptions) expect(a.source.length).toBeGreaterThan(0);
    expect(assumptions.find((a) => a.name === "carbon_intensity")!.year).toBeTypeOf("number");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// units

describe("formatQuantity", () => {
  it.each([
    ["energy_kwh", 0, "0 kWh"],
    ["energy_kwh", 0.5, "500 Wh"],
    ["energy_kwh", 8.74, "8.74 kWh"],
    ["energy_kwh", 999, "999 kWh"],
    ["energy_kwh", 1000, "1 MWh"],
    ["energy_kwh", 1234, "1.23 MWh"],
    ["energy_kwh", 250_000, "250 MWh"],
    ["energy_kwh", 2_500_000, "2.5 GWh"],
    ["energy_kwh", 1e9, "1 TWh"],
    ["co2e_kg", 0, "0 kg"],
    ["co2e_kg", 0.0828, "82.8 g"],
    ["co2e_kg", 4.23, "4.23 kg"],
    ["co2e_kg", 1500, "1.5 t"],
    ["co2e_kg", 100_000, "100 t"],
    ["co2e_kg", 2_500_000, "2.5 kt"],
    ["water_l", 0, "0 L"],
    ["water_l", 37.2, "37.2 L"],
    ["water_l", 12_345, "12.3 m³"],
    ["water_l", 5_000_000, "5,000 m³"],
  ] as const)("%s %d → %s", (q, v, out) => {
    expect(formatQuantity(q, v)).toBe(out);
  });

  it("negative values keep their sign and unit scale", () => {
    expect(formatQuantity("energy_kwh", -1234)).toBe("-1.23 MWh");
  });
});

describe("formatPct", () => {
  it.each([
    [null, "new"],
    [0, "±0 %"],
    [0.04, "±0 %"],
    [-0.04, "±0 %"],
    [12.44, "+12.4 %"],
    [-3, "−3.0 %"],
    [99.94, "+99.9 %"],
    [150, "+150 %"],
    [-150, "−150 %"],
    [1234.5, "+1,235 %"],
  ] as const)("%s → %s", (p, out) => {
    expect(formatPct(p)).toBe(out);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// diff

function fig(id: string, energy: number, co2e: number, water = 0, kind: "training" | "inference" = "training"): RunFigures {
  return { id, kind, basis: "estimated", energy_kwh: energy, operational_co2e_kg: co2e, embodied_co2e_kg: 0, co2e_kg: co2e, water_l: water, per_request: null };
}
function tot(runs: RunFigures[]): Totals {
  const t = { energy_kwh: 0, operational_co2e_kg: 0, embodied_co2e_kg: 0, co2e_kg: 0, water_l: 0 };
  for (const r of runs) {
    t.energy_kwh += r.energy_kwh;
    t.operational_co2e_kg += r.operational_co2e_kg;
    t.co2e_kg += r.co2e_kg;
    t.water_l += r.water_l;
  }
  return t;
}

describe("diff", () => {
  const base = [fig("same", 100, 10, 5), fig("grows", 100, 10), fig("gone", 50, 5), fig("water", 10, 1, 1)];
  const head = [fig("new", 20, 2), fig("same", 100, 10, 5), fig("grows", 150, 12), fig("water", 10, 1, 2)];
  const d = diff(tot(base), base, tot(head), head);
  const by = (id: string) => d.runs.find((r) => r.id === id)!;

  it("classifies added / removed / changed / unchanged, head order first then base-only entries", () => {
    expect(d.runs.map((r) => [r.id, r.change])).toEqual([
      ["new", "added"],
      ["same", "unchanged"],
      ["grows", "changed"],
      ["water", "changed"],
      ["gone", "removed"],
    ]);
  });

  it("per-entry deltas and percentages", () => {
    expect(by("grows")).toMatchObject({ energy_kwh: 50, energy_pct: 50, co2e_kg: 2 });
    near(by("grows").co2e_pct, 20);
    expect(by("new")).toMatchObject({ energy_kwh: 20, energy_pct: null, co2e_pct: null, base: null });
    expect(by("gone")).toMatchObject({ energy_kwh: -50, energy_pct: -100, head: null });
    expect(by("same")).toMatchObject({ energy_kwh: 0, energy_pct: 0 });
  });

  it("totals delta", () => {
    near(d.energy_kwh, 280 - 260);
    near(d.energy_pct, (20 / 260) * 100);
    near(d.water_l, 1);
  });

  it("a tiny floating-point difference is unchanged", () => {
    const a = [fig("x", 0.1 + 0.2, 1)];
    const b = [fig("x", 0.3, 1)];
    expect(diff(tot(a), a, tot(b), b).runs[0]!.change).toBe("unchanged");
  });

  it("zero base → pct null; both zero → 0", () => {
    const z = [fig("x", 0, 0)];
    const h = [fig("x", 5, 1)];
    const up = diff(tot(z), z, tot(h), h);
    expect(up.energy_pct).toBeNull();
    expect(up.co2e_pct).toBeNull();
    expect(up.runs[0]!.energy_pct).toBeNull();
    expect(up.runs[0]!.change).toBe("changed");
    const flat = diff(tot(z), z, tot(z), z);
    expect(flat.energy_pct).toBe(0);
    expect(flat.runs[0]!.energy_pct).toBe(0);
    expect(flat.runs[0]!.change).toBe("unchanged");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// budgets

describe("checkBudgets", () => {
  const TEXT = [
    "version: 1", //              1
    "project: p", //              2
    "training:", //               3
    "  - id: big", //             4  id value at 4:9
    "    accelerator: h100",
    "    gpu_hours: 10",
    "  - id: small", //           7  id value at 7:9
    "    accelerator: h100",
    "    gpu_hours: 1",
    "budget:", //                 10
    "  energy_kwh: 1000", //      11 value at 11:15
    "  co2e_kg: 100", //          12 value at 12:12
    "  water_l: 1000", //         13 value at 13:12
    "  run: { energy_kwh: 500, co2e_kg: 50 }", // 14
    "  increase_pct: 10", //      15 value at 15:17
    "",
  ].join("\n");

  const setup = (text = TEXT) => {
    const p = parseManifest(text, "footprint.yml");
    expect(p.findings).toEqual([]);
    return { manifest: p.manifest!, locator: p.locator };
  };
  const totals = (energy: number, co2e = 0, water = 0): Totals => ({ energy_kwh: energy, operational_co2e_kg: co2e, embodied_co2e_kg: 0, co2e_kg: co2e, water_l: water });
  const run = (id: string, index: number, energy: number, co2e = 0) =>
    ({ id, kind: "training", path: ["training", index], energy_kwh: energy, co2e_kg: co2e, operational_co2e_kg: co2e, embodied_co2e_kg: 0, water_l: 0 }) as unknown as RunResult;

  it("under warn_at: no findings, status ok", () => {
    const { manifest, locator } = setup();
    const r = checkBudgets(manifest, totals(799, 79, 799), [run("big", 0, 399, 39)], null, "footprint.yml", locator);
    expect(r.findings).toEqual([]);
    expect(r.uses.every((u) => u.status === "ok")).toBe(true);
    expect(r.uses.find((u) => u.scope === "total" && u.metric === "energy_kwh")).toMatchObject({ limit: 1000, value: 799, share: 0.799 });
  });

  it("at exactly the default warn_at 0.8 → warning, at exactly 100 % still a warning, above → error", () => {
    const { manifest, locator } = setup();
    const r = checkBudgets(manifest, totals(800, 100, 1000.5), [], null, "footprint.yml", locator);
    const by = (rule: string) => r.findings.find((f) => f.rule === rule)!;
    expect(by("budget/energy")).toMatchObject({ severity: "warning", line: 11, column: 15 });
    expect(by("budget/co2e")).toMatchObject({ severity: "warning", line: 12, column: 12 });
    expect(by("budget/water")).toMatchObject({ severity: "error", line: 13, column: 12 });
    expect(r.uses.map((u) => u.status)).toEqual(["warn", "warn", "over"]);
  });

  it("over the total energy budget → error with both figures in the message", () => {
    const { manifest, locator } = setup();
    const r = checkBudgets(manifest, totals(1500), [], null, "footprint.yml", locator);
    const f = r.findings.find((x) => x.rule === "budget/energy")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain("1.5 MWh");
    expect(f.message).toContain("1 MWh");
  });

  it("a custom warn_at", () => {
    const { manifest, locator } = setup(`version: 1\nproject: p\nbudget:\n  energy_kwh: 100\n  warn_at: 0.5\n`);
    expect(checkBudgets(manifest, totals(49.9), [], null, "f", locator).findings).toEqual([]);
    expect(checkBudgets(manifest, totals(50), [], null, "f", locator).findings[0]).toMatchObject({ rule: "budget/energy", severity: "warning" });
  });

  it("per-run budgets apply to every entry, reported at the entry's id", () => {
    const { manifest, locator } = setup();
    const r = checkBudgets(manifest, totals(0), [run("big", 0, 600, 45), run("small", 1, 10, 1)], null, "footprint.yml", locator);
    expect(r.findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ["budget/run-energy", "error", 4, 9],
      ["budget/run-co2e", "warning", 4, 9],
    ]);
    expect(r.uses.filter((u) => u.scope === "small").every((u) => u.status === "ok")).toBe(true);
  });

  it("increase_pct: exactly the allowed increase passes, more fails", () => {
    const { manifest, locator } = setup();
    const ok = checkBudgets(manifest, totals(110), [], totals(100), "footprint.yml", locator);
    expect(ok.findings.filter((f) => f.rule === "budget/increase")).toEqual([]);
    const over = checkBudgets(manifest, totals(110.01), [], totals(100), "footprint.yml", locator);
    const f = over.findings.find((x) => x.rule === "budget/increase")!;
    expect(f).toMatchObject({ severity: "error", line: 15, column: 17 });
    expect(f.message).toContain("10.0 %");
  });

  it("increase_pct without a base is not checked; from a zero base any increase fails", () => {
    const { manifest, locator } = setup();
    expect(checkBudgets(manifest, totals(1e9), [], null, "f", locator).findings.some((f) => f.rule === "budget/increase")).toBe(false);
    const z = checkBudgets(manifest, totals(1), [], totals(0), "f", locator);
    expect(z.findings.find((f) => f.rule === "budget/increase")!.message).toContain("from zero");
    expect(checkBudgets(manifest, totals(0), [], totals(0), "f", locator).findings.some((f) => f.rule === "budget/increase")).toBe(false);
  });

  it("no budget section → nothing", () => {
    const { manifest, locator } = setup(`version: 1\nproject: p\n`);
    expect(checkBudgets(manifest, totals(1e12), [], totals(0), "f", locator)).toEqual({ uses: [], findings: [] });
  });

  it("through evaluate: an over-budget manifest fails with the budget finding", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n    accelerator: h100 sxm\n    count: 8\n    hours: 10\n    location: FR\nbudget:\n  energy_kwh: 80\n`);
    // 87.36 kWh of 80; a bare zone gets the industry-average PUE, which a notice names.
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ["budget/energy", "error"],
      ["data/default-pue", "notice"],
    ]);
    expect(r.verdict).toBe("fail");
    expect(r.budget[0]).toMatchObject({ scope: "total", metric: "energy_kwh", status: "over" });
    near(r.budget[0]!.share, 87.36 / 80);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// CodeCarbon

// Column lists from the peer review of CodeCarbon (emissions_data.py order).
const H33 =
  "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue".split(
    ",",
  );
const V32_ONLY = ["cpu_utilization_percent", "gpu_utilization_percent", "ram_utilization_percent", "ram_used_gb"];
const H31 = H33.filter((h) => !V32_ONLY.includes(h));
const H28 = H31.filter((h) => h !== "water_consumed" && h !== "wue");

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function ccRow(header: readonly string[], values: Record<string, string | number>): string {
  const filler: Record<string, string> = {
    timestamp: "2025-01-01T00:00:00",
    project_name: "proj",
    cpu_model: "Intel(R) Xeon(R) CPU @ 2.20GHz, 8 cores",
    gpu_model: "8 x NVIDIA A100-SXM4-80GB",
    country_name: "United States",
    on_cloud: "Y",
    tracking_mode: "machine",
  };
  return header.map((h) => csvField(String(values[h] ?? filler[h] ?? "0"))).join(",");
}
function ccFile(header: readonly string[], rows: Record<string, string | number>[], eol = "\n"): string {
  return [header.join(","), ...rows.map((r) => ccRow(header, r))].join(eol) + eol;
}

describe("readCodeCarbon", () => {
  it("last row per run_id, summed across run_ids", () => {
    const t = readCodeCarbon(
      ccFile(H33, [
        { run_id: "r1", energy_consumed: 1, emissions: 0.1 },
        { run_id: "r2", energy_consumed: 5, emissions: 0.5 },
        { run_id: "r1", energy_consumed: 3, emissions: 0.3 }, // r1's total so far
      ]),
    );
    expect(t.runs).toBe(2);
    near(t.energy_kwh, 8);
    near(t.emissions_kg, 0.8);
  });

  it("without a run_id column every row is summed", () => {
    const header = H33.filter((h) => h !== "run_id");
    const t = readCodeCarbon(ccFile(header, [{ energy_consumed: 1, emissions: 0.1 }, { energy_consumed: 2, emissions: 0.2 }, { energy_consumed: 4, emissions: 0.4 }]));
    expect(t.runs).toBe(3);
    near(t.energy_kwh, 7);
    near(t.emissions_kg, 0.7);
  });

  it("rows with an empty run_id each count", () => {
    const t = readCodeCarbon(ccFile(H33, [{ run_id: "", energy_consumed: 1, emissions: 0.1 }, { run_id: "", energy_consumed: 2, emissions: 0.2 }]));
    near(t.energy_kwh, 3);
  });

  it("CodeCarbon 2.8 layout: no water_consumed / wue → water null; pue read", () => {
    const t = readCodeCarbon(ccFile(H28, [{ run_id: "r", energy_consumed: 2.5, emissions: 1.25, pue: 1 }]));
    expect(t).toEqual({ energy_kwh: 2.5, emissions_kg: 1.25, water_l: null, pue: 1, runs: 1 });
  });

  it("CodeCarbon 3.1 layout: water_consumed read", () => {
    const t = readCodeCarbon(ccFile(H31, [{ run_id: "r", energy_consumed: 2, emissions: 1, water_consumed: 0.6, pue: 1.2, wue: 0.3 }]));
    expect(t).toEqual({ energy_kwh: 2, emissions_kg: 1, water_l: 0.6, pue: 1.2, runs: 1 });
  });

  it("CodeCarbon 3.3 layout", () => {
    const t = readCodeCarbon(
      ccFile(H33, [
        { run_id: "a", energy_consumed: 2, emissions: 1, water_consumed: 0.5 },
        { run_id: "b", energy_consumed: 3, emissions: 2, water_consumed: 0.25, ram_used_gb: 12.5 },
      ]),
    );
    expect(t).toEqual({ energy_kwh: 5, emissions_kg: 3, water_l: 0.75, pue: 1, runs: 2 });
  });

  it("columns are found by name in any order", () => {
    const t = readCodeCarbon("emissions,pue,energy_consumed\n0.5,1,2\n");
    expect(t).toMatchObject({ energy_kwh: 2, emissions_kg: 0.5 });
  });

  it("quoted fields with commas, quotes and newlines", () => {
    const rows = [{ run_id: "r", energy_consumed: 2, emissions: 1, cpu_model: 'AMD EPYC "Milan", 64-core\nrev 2' }];
    const text = ccFile(H33, rows);
    expect(text).toContain('"AMD EPYC ""Milan"", 64-core\nrev 2"');
    expect(readCodeCarbon(text)).toMatchObject({ energy_kwh: 2, emissions_kg: 1, runs: 1 });
  });

  it("a byte-order mark before the header", () => {
    const t = readCodeCarbon("\ufeff" + ccFile(H33, [{ run_id: "r", energy_consumed: 2, emissions: 1 }]));
    near(t.energy_kwh, 2);
  });

  it("CRLF line endings", () => {
    const t = readCodeCarbon(ccFile(H33, [{ run_id: "r", energy_consumed: 2, emissions: 1, wue: 0.5 }], "\r\n"));
    expect(t).toMatchObject({ energy_kwh: 2, emissions_kg: 1, pue: 1 });
  });

  it("a truncated last row is an error, not a silent under-count", () => {
    const full = ccFile(H33, [{ run_id: "r1", energy_consumed: 2, emissions: 1 }, { run_id: "r2", energy_consumed: 3, emissions: 1 }]);
    const cut = full.slice(0, full.lastIndexOf("\n", full.length - 2) + 60);
    expect(() => readCodeCarbon(cut)).toThrow(CodeCarbonError);
    expect(() => readCodeCarbon(cut)).toThrow(/truncated/);
  });

  it("a file ending inside a quoted field is an error", () => {
    const full = ccFile(H33, [{ run_id: "r1", energy_consumed: 2, emissions: 1 }]);
    const cut = full.slice(0, full.indexOf('"Intel') + 10);
    expect(() => readCodeCarbon(cut)).toThrow(/quoted field/);
  });

  it.each([["abc"], [""], ["-1"], ["NaN"], ["Infinity"]])("energy_consumed %j is an error naming the column", (v) => {
    const text = ccFile(H33, [{ run_id: "r", energy_consumed: v, emissions: 1 }]);
    expect(() => readCodeCarbon(text)).toThrow(CodeCarbonError);
    expect(() => readCodeCarbon(text)).toThrow(/energy_consumed/);
  });

  it("missing columns, empty file, header only", () => {
    expect(() => readCodeCarbon("timestamp,run_id,emissions\nx,r,1\n")).toThrow(/energy_consumed/);
    expect(() => readCodeCarbon("")).toThrow(/empty/);
    expect(() => readCodeCarbon(H33.join(",") + "\n")).toThrow(/no rows/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// catalogue

describe("findAccelerator", () => {
  it.each([
    ["A100-SXM4-80GB", "nvidia-a100-80gb-sxm"],
    ["NVIDIA A100-SXM4-40GB", "nvidia-a100-40gb-sxm"],
    ["H100 80GB HBM3", "nvidia-h100-sxm"],
    ["h100", "nvidia-h100-sxm"],
    ["H100 SXM", "nvidia-h100-sxm"],
    ["NVIDIA-H100-SXM", "nvidia-h100-sxm"],
    ["8 x NVIDIA A100-SXM4-80GB", "nvidia-a100-80gb-sxm"],
    ["4 x Tesla T4", "nvidia-t4"],
    ["TPU v4", "google-tpu-v4"],
    ["mi300x", "amd-mi300x"],
  ])("%s → %s", (name, id) => {
    const r = findAccelerator(name);
    expect(r.ok && r.value.id).toBe(id);
  });

  it("unknown names get the three closest ids", () => {
    const r = findAccelerator("H100-SXMM");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.suggestions).toHaveLength(3);
      expect(r.suggestions[0]).toBe("nvidia-h100-sxm");
    }
  });
});

describe("findLocation", () => {
  it.each([
    ["aws:us-east-1", "aws:us-east-1", "US-MIDA-PJM", "aws"],
    ["AWS:US-EAST-1", "aws:us-east-1", "US-MIDA-PJM", "aws"],
    ["gcp:us-central1", "gcp:us-central1", "US-MIDW-MISO", "gcp"],
    ["gcp:us-central1-a", "gcp:us-central1", "US-MIDW-MISO", "gcp"],
    ["gcp:europe-west1-b", "gcp:europe-west1", "BE", "gcp"],
    ["azure:westeurope", "azure:westeurope", "NL", "azure"],
    ["FR", "zone:FR", "FR", null],
    ["fr", "zone:FR", "FR", null],
    ["zone:DE", "zone:DE", "DE", null],
    ["zone:us-cal-ciso", "zone:US-CAL-CISO", "US-CAL-CISO", null],
    ["US-MIDA-PJM", "zone:US-MIDA-PJM", "US-MIDA-PJM", null],
    ["SG", "zone:SG", "SG", null],
  ])("%s → %s (%s)", (input, id, zone, provider) => {
    const r = findLocation(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.value.id, r.value.zone, r.value.provider]).toEqual([id, zone, provider]);
  });

  // ResolvedLocation.wue is `Sourced | null`: a provider without a published WUE must resolve to null (so the 1.8 L/kWh
  // default applies), never to a Sourced whose value is null.
  it("provider PUE and WUE: AWS 1.135 / 0.12, GCP 1.10 / none, Azure 1.185 / 0.27; zones have none", () => {
    const get = (s: string) => {
      const r = findLocation(s);
      if (!r.ok) throw new Error(s);
      return r.value;
    };
    expect([get("aws:us-east-1").pue?.value, get("aws:us-east-1").wue?.value]).toEqual([1.135, 0.12]);
    expect([get("gcp:us-central1").pue?.value, get("gcp:us-central1").wue]).toEqual([1.1, null]);
    expect([get("azure:westeurope").pue?.value, get("azure:westeurope").wue?.value]).toEqual([1.185, 0.27]);
    expect([get("FR").pue, get("FR").wue, get("FR").intensity.value]).toEqual([null, null, 31]);
  });

  it("unknown regions and zones suggest three close ids", () => {
    const a = findLocation("aws:us-east-9");
    expect(a.ok).toBe(false);
    if (!a.ok) {
      expect(a.suggestions).toHaveLength(3);
      expect(a.suggestions[0]).toBe("aws:us-east-1");
      expect(a.suggestions.every((s) => s.startsWith("aws:"))).toBe(true);
    }
    const z = findLocation("XX-NOPE");
    expect(z.ok).toBe(false);
    if (!z.ok) expect(z.suggestions).toHaveLength(3);
    const g = findLocation("gcp:us-centrall");
    expect(!g.ok && g.suggestions[0]).toBe("gcp:us-central1");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Markdown escaping

/** What a reader sees: backslash escapes resolved, HTML entities decoded, zero-width spaces gone. */
function visible(md: string): string {
  return md
    .replace(/\\(.)/g, "$1")
    .replace(/\u200b/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("escapeMarkdown", () => {
  it("escapes every pipe", () => {
    const out = escapeMarkdown("a|b||c|");
    expect(out.match(/\|/g)).toHaveLength(4);
    expect(out).not.toMatch(/(^|[^\\])\|/);
  });

  it("no raw HTML", () => {
    const out = escapeMarkdown('<script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain("&lt;script&gt;");
  });

  it("backticks cannot open a code span", () => {
    const out = escapeMarkdown("``` `code` ```");
    expect(out).not.toMatch(/(^|[^\\])`/);
  });

  it("@mentions, team mentions, #123 and GH-123 are neutralised", () => {
    const out = escapeMarkdown("ping @octocat and @org/team about #123 and GH-45");
    expect(out).not.toMatch(/@[A-Za-z0-9]/);
    expect(out).not.toMatch(/#\d/);
    expect(out).not.toMatch(/GH\\?-\d/i);
    expect(visible(out)).toBe("ping @octocat and @org/team about #123 and GH-45");
  });

  it("strips bidi overrides and zero-width characters", () => {
    const out = escapeMarkdown("ab\u202ecd\u200bef\u2066gh\u200dij\ufeffkl\u061cmn");
    expect(out).toBe("abcdefghijklmn");
  });

  it("removes newlines and control characters", () => {
    const out = escapeMarkdown("line1\nline2\r\nline3\rline4\u0007\u0000x");
    expect(out).not.toMatch(/[\r\n\u0000-\u001f]/);
    expect(visible(out)).toBe("line1 line2 line3 line4  x");
  });

  it("URLs and www hosts are not autolinked", () => {
    const out = escapeMarkdown("see https://evil.example/x and www.evil.example");
    expect(out).not.toMatch(/https?:\/\//);
    expect(out).not.toMatch(/www\./i);
    expect(visible(out)).toBe("see https://evil.example/x and www.evil.example");
  });

  it("caps the length (default 200 visible characters)", () => {
    const out = escapeMarkdown("x".repeat(1000));
    expect([...out].length).toBeLessThanOrEqual(200);
    expect(out.endsWith("…")).toBe(true);
    expect([...visible(escapeMarkdown("|".repeat(1000)))].length).toBeLessThanOrEqual(200);
    expect([...escapeMarkdown("y".repeat(50), 20)].length).toBeLessThanOrEqual(20);
  });

  it("every & starts a complete HTML entity (an apostrophe must still render as an apostrophe)", () => {
    for (const input of ["Alice's model", `a "quoted" & <tagged> name`, "O'Brien & Sons"]) {
      const out = escapeMarkdown(input);
      expect(out, input).not.toMatch(/&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i);
      expect(visible(out)).toBe(input);
    }
  });

  it("plain text is left readable", () => {
    expect(visible(escapeMarkdown("pretrain-7b (v2.1) *draft* [x] _y_ ~z~ !"))).toBe("pretrain-7b (v2.1) *draft* [x] _y_ ~z~ !");
  });
});
