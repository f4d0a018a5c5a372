// The data centre and its electricity beyond the grid zone (docs/manifest.md: Locations; docs/methodology.md: Market-based CO2e):
// facility PUE and the data/default-pue notice, water factors, market-based CO2e and budget.basis, grid year.
// Expected figures are computed by hand from the catalogue values quoted in each test.
import { describe, expect, it } from "vitest";
import cfeData from "../data/cfe.json" with { type: "json" };
import gridYearly from "../data/grid-yearly.json" with { type: "json" };
import { evaluate } from "../src/evaluate.js";
import { parseManifest } from "../src/manifest/parse.js";
import { renderText } from "../src/render/text.js";
import { buildReport, type ManifestReport, type RunReport } from "../src/report.js";
import { parseReport } from "../src/report-schema.js";
import { reportJson } from "../src/report.js";

const HEAD = "version: 1\nproject: p\n";
// nvidia-h100-sxm: TDP 700 W, so 10 GPU-hours are 7 kWh of IT energy. Zones: FR 31 g (2025), US 414 g (2025).
const H100_10H = "    accelerator: nvidia-h100-sxm\n    gpu_hours: 10\n";
// Embodied carbon of 10 H100 SXM hours: its class figure, 593.5 kg, over 6 years × 8760 h × 0.85.
const EMBODIED_10H = (10 * 593.5) / (6 * 8760 * 0.85);

async function report(text: string, files: Record<string, string> = {}): Promise<ManifestReport> {
  return evaluate(
    {
      path: "footprint.yml",
      text,
      readRelative: async (rel) => files[rel] ?? null,
      exists: async (rel) => rel in files,
    },
    null,
  );
}

function near(actual: number | null | undefined, expected: number): void {
  expect(actual).toBeTypeOf("number");
  expect(Math.abs(actual! - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

const run = (r: ManifestReport, id: string): RunReport => r.runs.find((x) => x.id === id)!;
const rules = (r: ManifestReport) => r.findings.map((f) => f.rule);

describe("facility PUE and the data/default-pue notice", () => {
  it("facility gives a bare zone its class PUE: hyperscale 1.13, colocation and enterprise 1.56, without the notice", async () => {
    const r = await report(
      `${HEAD}training:\n  - id: h\n${H100_10H}    location: US\n    facility: hyperscale\n  - id: c\n${H100_10H}    location: US\n    facility: colocation\n  - id: e\n${H100_10H}    location: US\n    facility: enterprise\n`,
    );
    expect(run(r, "h").inputs.pue).toBe(1.13);
    near(run(r, "h").energy_kwh, 7 * 1.13);
    expect(run(r, "c").inputs.pue).toBe(1.56);
    expect(run(r, "e").inputs.pue).toBe(1.56);
    expect(r.findings).toEqual([]);
  });

  it("defaults.facility is inherited; an entry's pue, defaults.pue and a cloud region's provider PUE win over it", async () => {
    const r = await report(
      `${HEAD}defaults:\n  location: FR\n  facility: hyperscale\ntraining:\n  - id: inherits\n${H100_10H}  - id: own-pue\n${H100_10H}    pue: 1.3\n  - id: region\n${H100_10H}    location: aws:us-east-1\n`,
    );
    expect(run(r, "inherits").inputs.pue).toBe(1.13);
    expect(run(r, "own-pue").inputs.pue).toBe(1.3);
    expect(run(r, "region").inputs.pue).toBe(1.135);
    const withDefaultsPue = await report(`${HEAD}defaults:\n  location: FR\n  pue: 1.2\ntraining:\n  - id: a\n${H100_10H}    facility: hyperscale\n`);
    expect(withDefaultsPue.runs[0]!.inputs.pue).toBe(1.2);
  });

  it("one notice per manifest names every bare-zone entry with the default PUE, at the first one's location", async () => {
    const r = await report(
      `${HEAD}defaults:\n  location: FR\ntraining:\n  - id: a\n${H100_10H}  - id: b\n${H100_10H}    location: DE\n  - id: cloud\n${H100_10H}    location: gcp:europe-west4\ninference:\n  - id: api\n    accelerator: nvidia-l4\n    count: 1\n    hours: 10\n`,
    );
    const notices = r.findings.filter((f) => f.rule === "data/default-pue");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ severity: "notice", line: 4, column: 13 });
    expect(notices[0]!.message).toBe(
      "PUE 1.56 (industry average, Uptime Institute 2024) is assumed for a, b, api: a grid zone says nothing about the data centre; set facility (hyperscale 1.13, colocation 1.56, enterprise 1.56) or pue on the entry or in defaults",
    );
    expect(r.verdict).toBe("pass");
  });

  it("the notice lists ten entries and counts the rest", async () => {
    const entries = Array.from({ length: 13 }, (_, i) => `  - id: e${i}\n${H100_10H}`).join("");
    const r = await report(`${HEAD}defaults:\n  location: FR\ntraining:\n${entries}`);
    const notices = r.findings.filter((f) => f.rule === "data/default-pue");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain("for e0, e1, e2, e3, e4, e5, e6, e7, e8, e9 and 3 more:");
  });

  it("no notice without a location (data/location-missing says it) or for a cloud region", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}  - id: b\n${H100_10H}    location: azure:westeurope\n`);
    expect(rules(r)).toEqual(["data/location-missing"]);
  });

  it("without a location, data/location-missing names the facility's PUE", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    facility: hyperscale\n`);
    expect(r.findings[0]!.message).toContain("and PUE 1.13;");
  });
});

describe("water factors", () => {
  it("wue_l_per_kwh and water_intensity_l_per_kwh replace the catalogue's: water = it × WUE + energy × EWIF", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: aws:us-east-1\n    wue_l_per_kwh: 0.5\n    water_intensity_l_per_kwh: 2\n`);
    const a = r.runs[0]!;
    expect(a.inputs.wue_l_per_kwh).toBe(0.5);
    expect(a.inputs.ewif_l_per_kwh).toBe(2);
    near(a.water_l, 7 * 0.5 + 7 * 1.135 * 2);
  });

  it("defaults carry them to every entry; an entry's own win; 0 means none", async () => {
    const r = await report(
      `${HEAD}defaults:\n  location: FR\n  pue: 1.2\n  wue_l_per_kwh: 0\n  water_intensity_l_per_kwh: 0\ntraining:\n  - id: none\n${H100_10H}  - id: own\n${H100_10H}    wue_l_per_kwh: 1\n`,
    );
    expect(run(r, "none").water_l).toBe(0);
    near(run(r, "own").water_l, 7 * 1);
  });

  it("a measured CodeCarbon water figure still wins over a stated WUE", async () => {
    const csv = "run_id,energy_consumed,emissions,pue,water_consumed\nr,10,1,1,3\n";
    const r = await report(
      `${HEAD}training:\n  - id: a\n    measured: { codecarbon: e.csv }\n    pue: 1\n    carbon_intensity: 100\n    wue_l_per_kwh: 9\n    water_intensity_l_per_kwh: 0\n`,
      {
        "e.csv": csv,
      },
    );
    near(r.runs[0]!.water_l, 3);
  });
});

describe("market-based CO2e (GHG Protocol Scope 2 dual reporting)", () => {
  it("carbon_free_energy: market-based = operational × (1 − share) + embodied", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: US\n    pue: 1.1\n    carbon_free_energy: 0.75\n`);
    const a = r.runs[0]!;
    const operational = (7 * 1.1 * 414) / 1000;
    near(a.operational_co2e_kg, operational);
    near(a.market_based_co2e_kg, operational * 0.25 + EMBODIED_10H);
    near(r.totals!.market_based_co2e_kg, operational * 0.25 + EMBODIED_10H);
  });

  it("market_based_intensity: market-based = energy × factor / 1000 + embodied; 0 leaves the embodied part", async () => {
    const r = await report(
      `${HEAD}training:\n  - id: a\n${H100_10H}    location: US\n    pue: 1.1\n    market_based_intensity: 100\n  - id: b\n${H100_10H}    location: US\n    pue: 1.1\n    market_based_intensity: 0\n`,
    );
    near(run(r, "a").market_based_co2e_kg, (7 * 1.1 * 100) / 1000 + EMBODIED_10H);
    near(run(r, "b").market_based_co2e_kg, EMBODIED_10H);
  });

  it("in the total, an entry without a market factor counts location-based; with none anywhere there is no market figure", async () => {
    const r = await report(
      `${HEAD}defaults:\n  location: US\n  pue: 1.1\ntraining:\n  - id: a\n${H100_10H}    market_based_intensity: 0\n  - id: b\n${H100_10H}\n`,
    );
    expect(run(r, "b").market_based_co2e_kg).toBeUndefined();
    near(r.totals!.market_based_co2e_kg, EMBODIED_10H + run(r, "b").co2e_kg);
    const none = await report(`${HEAD}defaults:\n  location: US\n  pue: 1.1\ntraining:\n  - id: a\n${H100_10H}`);
    expect(none.runs[0]!.market_based_co2e_kg).toBeUndefined();
    expect(none.totals!.market_based_co2e_kg).toBeUndefined();
    expect(reportJson(buildReport([none]))).not.toContain("market_based");
  });

  it("an entry's own factor of either kind replaces the defaults' one", async () => {
    const r = await report(
      `${HEAD}defaults:\n  location: US\n  pue: 1.1\n  carbon_free_energy: 1\ntraining:\n  - id: inherits\n${H100_10H}  - id: own\n${H100_10H}    market_based_intensity: 200\n`,
    );
    near(run(r, "inherits").market_based_co2e_kg, EMBODIED_10H);
    near(run(r, "own").market_based_co2e_kg, (7 * 1.1 * 200) / 1000 + EMBODIED_10H);
  });

  it("both kinds in one place are refused, on an entry and in defaults", async () => {
    const entry = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: US\n    carbon_free_energy: 0.5\n    market_based_intensity: 10\n`);
    expect(entry.status).toBe("unevaluated");
    expect(entry.findings.find((f) => f.rule === "manifest/invalid")!.message).toMatch(/^give carbon_free_energy or market_based_intensity, not both/);
    const defaults = await report(
      `${HEAD}defaults:\n  location: US\n  carbon_free_energy: 0.5\n  market_based_intensity: 10\ntraining:\n  - id: a\n${H100_10H}`,
    );
    expect(defaults.status).toBe("unevaluated");
    expect(defaults.findings.filter((f) => f.rule === "manifest/invalid")).toHaveLength(1);
  });

  it("a measured CodeCarbon entry: its own emissions without the carbon-free share", async () => {
    const csv = "run_id,energy_consumed,emissions,pue\nr,10,4,1.2\n";
    const r = await report(`${HEAD}training:\n  - id: a\n    measured: { codecarbon: e.csv }\n    location: US\n    pue: 1.1\n    carbon_free_energy: 0.5\n`, {
      "e.csv": csv,
    });
    near(r.runs[0]!.market_based_co2e_kg, 2);
  });

  it("budgets judge the location-based CO2e unless budget.basis is market", async () => {
    // Location-based: 7 × 1.1 × 414 / 1000 = 3.19 kg operational + 0.13 kg embodied; market-based: the embodied part only.
    const text = (basis: string) =>
      `${HEAD}training:\n  - id: a\n${H100_10H}    location: US\n    pue: 1.1\n    market_based_intensity: 0\nbudget:\n  co2e_kg: 1\n  run:\n    co2e_kg: 1\n${basis}`;
    const location = await report(text(""));
    expect(location.verdict).toBe("fail");
    expect(location.findings.find((f) => f.rule === "budget/co2e")!.message).toMatch(/^total CO2e 3\.32 kg is over/);
    const market = await report(text("  basis: market\n"));
    expect(market.verdict).toBe("pass");
    expect(market.budget.map((b) => [b.scope, b.value])).toEqual([
      ["total", market.totals!.market_based_co2e_kg],
      ["a", market.totals!.market_based_co2e_kg],
    ]);
    const over = await report(text("  basis: market\n").replace("co2e_kg: 1\n  run", "co2e_kg: 0.1\n  run"));
    expect(over.findings.find((f) => f.rule === "budget/co2e")!.message).toMatch(/^total market-based CO2e 1\d\d g is over the budget of 100 g/);
  });

  it("the text report shows both figures, and a report with them is read back", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: US\n    pue: 1.1\n    carbon_free_energy: 0.5\n`);
    const text = renderText(buildReport([r]));
    // 3.19 kg × 0.5 + 0.13 kg embodied; location-based 3.19 + 0.13 kg.
    expect(text).toContain("market-based CO2e 1.73 kg (the CO2e above is location-based");
    expect(text).toContain("a: market-based CO2e 1.73 kg, location-based 3.32 kg");
    const back = parseReport(reportJson(buildReport([r])));
    near(back.manifests[0]!.runs[0]!.market_based_co2e_kg, r.runs[0]!.market_based_co2e_kg!);
    near(back.manifests[0]!.totals!.market_based_co2e_kg, r.totals!.market_based_co2e_kg!);
  });
});

describe("carbon_free_energy: provider (the share a provider publishes for its region)", () => {
  const published = cfeData.providers.gcp.regions as Record<string, { cfe: number; year: number; yearly: Record<string, number> }>;
  // gcp:us-central1 is in zone US-MIDW-MISO; Google PUE 1.1.
  const IOWA = `${H100_10H}    location: gcp:us-central1\n`;

  it("market-based = operational × (1 − the region's latest published share); the location-based figures stay as they are", async () => {
    const plain = await report(`${HEAD}training:\n  - id: a\n${IOWA}`);
    const r = await report(`${HEAD}training:\n  - id: a\n${IOWA}    carbon_free_energy: provider\n`);
    const a = r.runs[0]!;
    const share = published["us-central1"]!.cfe;
    expect(r.findings.map((f) => f.rule)).toEqual(plain.findings.map((f) => f.rule));
    for (const k of ["energy_kwh", "operational_co2e_kg", "embodied_co2e_kg", "co2e_kg", "water_l"] as const) expect(a[k]).toBe(plain.runs[0]![k]);
    near(a.market_based_co2e_kg, a.operational_co2e_kg * (1 - share) + a.embodied_co2e_kg);
  });

  it("reports the share with Google's data as its source and the year it refers to", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${IOWA}    carbon_free_energy: provider\n`);
    const assumption = r.assumptions.find((x) => x.name === "carbon_free_energy")!;
    expect(assumption.value).toBe(published["us-central1"]!.cfe);
    const source = r.sources[assumption.source]!;
    expect(source.year).toBe(published["us-central1"]!.year);
    expect(source.source).toMatch(/GoogleCloudPlatform\/region-carbon-info.*; gcp:us-central1, \d{4}$/);
  });

  it("with year: that year's share; a year without one takes the nearest earlier, with a data/cfe-year notice", async () => {
    const y2021 = await report(`${HEAD}training:\n  - id: a\n${IOWA}    carbon_free_energy: provider\n    year: 2021\n`);
    expect(y2021.assumptions.find((x) => x.name === "carbon_free_energy")!.value).toBe(published["us-central1"]!.yearly["2021"]);
    expect(rules(y2021)).not.toContain("data/cfe-year");
    const later = published["us-central1"]!.year + 1;
    const y = await report(`${HEAD}training:\n  - id: a\n${IOWA}    carbon_free_energy: provider\n    year: ${later}\n`);
    expect(y.assumptions.find((x) => x.name === "carbon_free_energy")!.value).toBe(published["us-central1"]!.cfe);
    expect(y.findings.find((f) => f.rule === "data/cfe-year")!.message).toBe(
      `year ${later}: Google Cloud publishes no carbon-free-energy share of gcp:us-central1 for that year; ${later - 1}'s ${published["us-central1"]!.cfe} is used`,
    );
  });

  it("in defaults, each entry gets the share of its own region", async () => {
    const r = await report(
      `${HEAD}defaults:\n  carbon_free_energy: provider\ntraining:\n  - id: iowa\n${IOWA}  - id: belgium\n${H100_10H}    location: gcp:europe-west1\n`,
    );
    near(
      run(r, "belgium").market_based_co2e_kg,
      run(r, "belgium").operational_co2e_kg * (1 - published["europe-west1"]!.cfe) + run(r, "belgium").embodied_co2e_kg,
    );
    near(run(r, "iowa").market_based_co2e_kg, run(r, "iowa").operational_co2e_kg * (1 - published["us-central1"]!.cfe) + run(r, "iowa").embodied_co2e_kg);
  });

  it.each([
    ["another provider's region", "    location: aws:us-east-1\n", "aws:us-east-1 has none"],
    ["a grid zone", "    location: FR\n", "zone:FR has none"],
    ["a gcp region without a published share", "    location: gcp:asia-southeast3\n", "gcp:asia-southeast3 has none"],
    ["no location", "", "the entry has no location"],
  ])("is refused for %s, with what to state instead", async (_, location, why) => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}${location}    carbon_free_energy: provider\n`);
    expect(r.status).toBe("unevaluated");
    const f = r.findings.find((x) => x.rule === "manifest/invalid")!;
    expect(f.severity).toBe("error");
    expect(f.message).toBe(
      `carbon_free_energy: provider is the share a cloud provider publishes for a gcp: region; ${why}. State the share as a number from 0 to 1, or market_based_intensity`,
    );
  });

  it("is refused, at the defaults key, for an entry whose inherited region has no share", async () => {
    const r = await report(`${HEAD}defaults:\n  location: aws:us-east-1\n  carbon_free_energy: provider\ntraining:\n  - id: a\n${H100_10H}`);
    const f = r.findings.find((x) => x.rule === "manifest/invalid")!;
    const text = `${HEAD}defaults:\n  location: aws:us-east-1\n  carbon_free_energy: provider\n`;
    expect(f.line).toBe(text.split("\n").findIndex((l) => l.includes("carbon_free_energy")) + 1);
  });
});

describe("grid year", () => {
  const owid = gridYearly.countries as Record<string, Record<string, number>>;

  it("a year the catalogue has: that year's Electricity Maps figure, no notice", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: FR\n    facility: enterprise\n    year: 2022\n`);
    expect(r.runs[0]!.inputs.carbon_intensity).toBe(91);
    expect(r.findings).toEqual([]);
  });

  it("a later year: the nearest earlier one, with a notice at year", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: FR\n    facility: enterprise\n    year: 2031\n`);
    expect(r.runs[0]!.inputs.carbon_intensity).toBe(31);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: "data/grid-year", severity: "notice", line: 9, column: 11 });
    expect(r.findings[0]!.message).toBe(
      "year 2031: the catalogue has no grid figure of zone FR for that year; the nearest earlier year's (2025) 31 gCO2e/kWh is used",
    );
  });

  it("before 2021: the 2021 lifecycle figure × the country's OWID ratio; a sub-national zone uses its country's ratio", async () => {
    const r = await report(
      `${HEAD}defaults:\n  facility: hyperscale\ntraining:\n  - id: us\n${H100_10H}    location: US\n    year: 2019\n  - id: caiso\n${H100_10H}    location: US-CAL-CISO\n    year: 2019\n  - id: region\n${H100_10H}    location: gcp:us-central1\n    year: 2015\n`,
    );
    const ratio = owid.US!["2019"]! / owid.US!["2021"]!;
    // Electricity Maps 2021: US 444, US-CAL-CISO 278, US-MIDW-MISO (gcp:us-central1) 561.
    near(run(r, "us").inputs.carbon_intensity, 444 * ratio);
    near(run(r, "caiso").inputs.carbon_intensity, 278 * ratio);
    near(run(r, "region").inputs.carbon_intensity, (561 * owid.US!["2015"]!) / owid.US!["2021"]!);
    const notices = r.findings.filter((f) => f.rule === "data/grid-year");
    expect(notices).toHaveLength(3);
    expect(notices[0]!.message).toBe(
      "year 2019 is before zone US's lifecycle figures (from 2021): its 2021 figure 444 gCO2e/kWh × US's direct-CO2 ratio 2019/2021 (439.4/423.7, Our World in Data) = 460.4 gCO2e/kWh; state carbon_intensity if you know the figure",
    );
  });

  it("a zone whose country has no yearly series keeps its 2021 figure, with a notice", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: AX\n    pue: 1.2\n    year: 2010\n`);
    expect(owid.AX).toBeUndefined();
    expect(r.findings.map((f) => f.message)).toEqual([
      "year 2010 is before zone AX's lifecycle figures and the catalogue has no yearly series of AX to scale them; 2021's 33 gCO2e/kWh is used",
    ]);
  });

  it("a stated carbon_intensity wins over year; without a location the world average stays", async () => {
    const stated = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: US\n    pue: 1.1\n    carbon_intensity: 385\n    year: 2019\n`);
    expect(stated.runs[0]!.inputs.carbon_intensity).toBe(385);
    expect(stated.findings).toEqual([]);
    const nowhere = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    year: 2019\n`);
    expect(nowhere.runs[0]!.inputs.carbon_intensity).toBe(475);
  });

  it("the year is reported with the intensity's source", async () => {
    const r = await report(`${HEAD}training:\n  - id: a\n${H100_10H}    location: FR\n    pue: 1.2\n    year: 2023\n`);
    const i = r.assumptions.findIndex((a) => a.name === "carbon_intensity");
    expect(r.sources[r.assumptions[i]!.source]).toMatchObject({ year: 2023 });
    expect(r.sources[r.assumptions[i]!.source]!.source).toMatch(/zone FR, 2023$/);
  });
});

describe("manifest bounds of the new fields", () => {
  const problems = async (yaml: string) => (await parseManifest(`${HEAD}training:\n  - id: a\n${H100_10H}${yaml}`, "f.yml")).findings.map((f) => f.message);

  it.each([
    ["    year: 1999\n", /year: must be from 2000 to 2100 \(got 1999\)/],
    ["    year: 2020.5\n", /year: must be a whole number, got 2020\.5/],
    ["    carbon_free_energy: 1.5\n", /carbon_free_energy: must be from 0 to 1 \(got 1\.5\)/],
    ["    carbon_free_energy: google\n", /carbon_free_energy: must be a share from 0 to 1 or "provider" \(got "google"\)/],
    ["    carbon_free_energy: [provider]\n", /carbon_free_energy: must be a share from 0 to 1 or "provider" \(got a list\)/],
    ["    market_based_intensity: 1e-300\n", /market_based_intensity: must be 0 or from 0\.001 to 2000/],
    ["    wue_l_per_kwh: -1\n", /wue_l_per_kwh: must be 0 or from 0\.001 to 100/],
    ["    water_intensity_l_per_kwh: 101\n", /water_intensity_l_per_kwh: must be 0 or from 0\.001 to 100/],
    ["    facility: cloud\n", /facility/],
  ])("%s is refused", async (yaml, message) => {
    const found = await problems(yaml);
    expect(
      found.some((m) => message.test(m)),
      found.join("\n"),
    ).toBe(true);
  });

  it("budget.basis is location or market", async () => {
    const found = (await parseManifest(`${HEAD}budget:\n  basis: contract\n`, "f.yml")).findings.map((f) => f.message);
    expect(found.join("\n")).toMatch(/basis/);
  });
});
