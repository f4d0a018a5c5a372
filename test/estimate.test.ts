// Unit tests of the methodology (docs/methodology.md; formulas, defaults, measured figures, locations). Expected
// figures are computed by hand from the catalogue values quoted in each test.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../src/render/markdown.js";
import { buildReport, runAssumptions } from "../src/report.js";
import { HEAD, near, onlyRun, report } from "./helpers.js";

// Embodied carbon per accelerator class (data/accelerators.json), over 6 years × 8760 h × 0.85:
// H100 SXM 8.14 cm² × 1.8 + 80 GB × 0.4 + 2500 / 8 × 700 / 400; L4 2.945 cm² × 1.8 + 24 × 0.4 + 2500 / 8 × 72 / 400.
const H100_KG = 593.5;
const L4_KG = 71.2;
const EMB_DENOM = 6 * 8760 * 0.85; // 44676

describe("training estimate (docs/methodology.md)", () => {
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
    near(run.embodied_co2e_kg, (80 * H100_KG) / EMB_DENOM); // 80 × 593.5 / 44676 = 1.06276…
    near(run.co2e_kg, 2.70816 + (80 * H100_KG) / EMB_DENOM);
    near(run.water_l, 371.616); // 56 × 1.8 + 87.36 × 3.1
  });

  it("gpu_hours, utilization and repeats; gcp region (MISO 501 g, PUE 1.10, WUE 1.06 derived from Google's totals)", async () => {
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
    near(run.embodied_co2e_kg, (1000 * 2 * H100_KG) / EMB_DENOM); // repeats count for embodied too
    expect(run.inputs.wue_l_per_kwh).toBe(1.06);
    near(run.water_l, 700 * 1.06 + 770 * 3.1); // 3129
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
    const run = await onlyRun(
      `${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 4\n    hours: 100\n    power_w: 600\n    location: aws:us-east-1\n`,
    );
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
    const run = await onlyRun(
      `${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 10\n    location: FR\n    embodied: { lifetime_years: 3 }\n`,
    );
    near(run.embodied_co2e_kg, (80 * H100_KG) / (3 * 8760 * 0.85));
  });

  it("totals are the sum of the entries", async () => {
    const r = await report(
      `${HEAD}defaults:\n  location: FR\ntraining:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 10\n  - id: b\n    accelerator: h100\n    gpu_hours: 1000\n`,
    );
    expect(r.runs).toHaveLength(2);
    near(r.totals!.energy_kwh, 87.36 + 700 * 1.56);
    near(r.totals!.embodied_co2e_kg, (1080 * H100_KG) / EMB_DENOM);
    near(r.totals!.co2e_kg, r.totals!.operational_co2e_kg + r.totals!.embodied_co2e_kg);
  });
});

describe("inference estimate (docs/methodology.md)", () => {
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
    near(run.embodied_co2e_kg, (35040 * L4_KG) / EMB_DENOM);
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
    const co2e = (43.2 * 31) / 1000 + (2000 * L4_KG) / EMB_DENOM;
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

describe("measured figures (docs/methodology.md)", () => {
  const entry = (measured: string, extra = "") =>
    `${HEAD}training:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 10\n    location: FR\n    pue: 1.2\n${extra}    measured:\n${measured}`;

  it("measured.energy_kwh is IT-level: × PUE, × the entry's carbon intensity; the plan is kept", async () => {
    const run = await onlyRun(entry("      energy_kwh: 100\n"));
    expect(run.basis).toBe("measured");
    near(run.energy_kwh, 120);
    near(run.operational_co2e_kg, 3.72); // 120 × 31 / 1000
    near(run.embodied_co2e_kg, (80 * H100_KG) / EMB_DENOM); // embodied still from the plan's accelerator-hours
    near(run.co2e_kg, 3.72 + (80 * H100_KG) / EMB_DENOM);
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

  it("CodeCarbon with pue column 1 is taken as recorded, with a notice naming energy_basis: it", async () => {
    const csv = "run_id,energy_consumed,emissions,pue\nr1,10,4,1.0\n";
    const r = await report(entry("      codecarbon: emissions.csv\n"), { "emissions.csv": csv });
    const run = r.runs[0]!;
    near(run.energy_kwh, 10);
    near(run.operational_co2e_kg, 4);
    expect(r.findings.find((f) => f.rule === "data/energy-basis")?.message).toMatch(/records pue 1.*measured\.energy_basis: it.*PUE \(1\.2\)/);
    expect(run.assumptions.map((i) => r.assumptions[i]!).find((a) => a.name === "energy_basis")?.value).toBe("facility-level at CodeCarbon's pue 1");
  });

  it("CodeCarbon with energy_basis: it is IT-level: energy and emissions scaled by the entry's PUE", async () => {
    const csv = "run_id,energy_consumed,emissions,pue\nr1,10,4,1.0\n";
    const run = await onlyRun(entry("      codecarbon: emissions.csv\n      energy_basis: it\n"), { "emissions.csv": csv });
    expect(run.basis).toBe("measured");
    near(run.energy_kwh, 12);
    near(run.operational_co2e_kg, 4.8); // CodeCarbon's own emissions × PUE, not the entry's intensity
    near(run.inputs.it_kwh, 10);
    near(run.water_l, 10 * 1.8 + 12 * 3.1);
  });

  it("measured.energy_kwh with energy_basis: facility is not scaled by the PUE", async () => {
    const run = await onlyRun(entry("      energy_kwh: 120\n      energy_basis: facility\n"), {});
    near(run.energy_kwh, 120);
    near(run.inputs.it_kwh, 100);
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
    const run = await onlyRun(entry("      codecarbon: emissions.csv\n      energy_basis: it\n"), { "emissions.csv": csv });
    near(run.water_l, 7 + 12 * 3.1);
  });
});

describe("locations, inheritance and fallbacks (docs/manifest.md: Locations; docs/methodology.md)", () => {
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

  it("a GCP location uses Google Cloud's derived WUE (1.06 L/kWh, not the 1.8 default) and renders as Markdown", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n    accelerator: h100\n    gpu_hours: 1000\n    location: gcp:us-central1\n`);
    const run = r.runs[0]!;
    expect(run.inputs.wue_l_per_kwh).toBe(1.06);
    near(run.water_l, 700 * 1.06 + 770 * 3.1);
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
