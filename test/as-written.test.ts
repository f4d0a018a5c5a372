// Places, accelerators and figures as users write them (docs/manifest.md: Locations, Accelerators, Stated energy):
// country and state names, GPU-cloud regions, calculator labels, figures that already include the facility, and
// kilograms written where grams belong. The built CLI runs the issue's own examples at the end.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findAccelerator, findLocation, unknownMessage } from "../src/catalogue/index.js";
import { cli, tempFolders } from "./cli-harness.js";
import { HEAD, near, onlyRun, report } from "./helpers.js";

/** The parts of the CLI's JSON report these tests read. */
interface Printed {
  manifests: {
    findings: { rule: string; severity: string; message: string }[];
    runs: { inputs: { zone: string }; per_request: { energy_wh: number } | null }[];
  }[];
}
const printed = (stdout: string) => (JSON.parse(stdout) as Printed).manifests[0]!;

const located = (input: string) => {
  const found = findLocation(input);
  if (!found.ok) throw new Error(unknownMessage("location", input, found.suggestions, found.hint));
  return found.value;
};
const refusal = (input: string) => {
  const found = findLocation(input);
  expect(found.ok, input).toBe(false);
  return found.ok ? "" : unknownMessage("location", input, found.suggestions, found.hint);
};

describe("places by name", () => {
  it("countries by name, alpha-2 and alpha-3 (CodeCarbon's country_iso_code) are their zone", () => {
    for (const name of ["Germany", "germany", "DEU", "DE"]) expect(located(name).zone, name).toBe("DE");
    expect(located("United States").zone).toBe("US");
    expect(located("USA").zone).toBe("US");
    expect(located("France").id).toBe("zone:FR");
    expect(located("Germany").notice).toBeNull();
  });

  it("US states by name and ISO 3166-2 code; a state served by several zones says which one is used", () => {
    const texas = located("Texas");
    expect(texas.zone).toBe("US-TEX-ERCO");
    expect(located("US-TX").zone).toBe("US-TEX-ERCO");
    expect(located("Texas, USA").zone).toBe("US-TEX-ERCO");
    expect(texas.notice).toMatch(
      /^"Texas" is read as grid zone US-TEX-ERCO \(Texas, United States\): it is served by several grid zones \(US-TEX-ERCO, US-CENT-SWPP/,
    );
    expect(located("Virginia").zone).toBe("US-MIDA-PJM");
    expect(located("Virginia").notice).toBeNull();
  });

  it("a state that is also a cloud region's display name reads as the state, and names the region", () => {
    const oregon = located("Oregon");
    expect(oregon.zone).toBe("US-NW-PGE");
    expect(oregon.notice).toContain("gcp:us-west1 is a cloud region of that name: write it for the provider's PUE");
    expect(located("Iowa").notice).toContain("gcp:us-central1");
  });

  it("Canadian provinces by name, with or without accents, and by code", () => {
    expect(located("Québec").zone).toBe("CA-QC");
    expect(located("Quebec").zone).toBe("CA-QC");
    expect(located("Ontario, Canada").zone).toBe("CA-ON");
    expect(located("CA-ON").zone).toBe("CA-ON");
  });

  it("cloud regions by their display names resolve to the region, with its provider's PUE", () => {
    const r = located("US East (N. Virginia)");
    expect(r.id).toBe("aws:us-east-1");
    expect(r.pue?.value).toBe(1.135);
    expect(located("West Europe").id).toBe("azure:westeurope");
  });

  it("GPU-cloud regions (Oracle Cloud, CoreWeave) resolve to their zone; an availability zone names its region", () => {
    expect(located("oci:us-ashburn-1")).toMatchObject({ id: "oci:us-ashburn-1", zone: "US-MIDA-PJM", pue: null });
    expect(located("oci:eu-frankfurt-1").zone).toBe("DE");
    expect(located("coreweave:US-EAST-04").zone).toBe("US-MIDA-PJM");
    expect(located("coreweave:us-east-04a").id).toBe("coreweave:us-east-04");
    expect(located("coreweave:US-WEST-01").zone).toBe("US-NW-NEVP");
  });

  it("a cloud the catalogue lacks is refused with the line that fixes it", () => {
    expect(refusal("lambda:us-south-1")).toBe(
      'unknown location "lambda:us-south-1": the catalogue has no regions of the cloud "lambda"; write the grid zone of its site (a zone id such as US-TEX-ERCO, or a country or US state by name) with facility or carbon_intensity',
    );
    expect(refusal("nebius:eu-north1")).toContain('no regions of the cloud "nebius"');
  });

  it("a name of two places is refused with both ways to write them", () => {
    expect(refusal("Georgia")).toBe('unknown location "Georgia": it names several places; write one of GE (Georgia) or US-GA (Georgia, United States)');
  });

  it("a country without a zone of its own names its zones, or says to state the figures", () => {
    expect(refusal("Russia")).toContain("write the zone of the site: RU-1, RU-2, RU-AS");
    expect(refusal("Ukraine")).toContain("the catalogue has no grid figure for Ukraine; state carbon_intensity");
  });

  it("unknown places suggest by meaning: a known place inside them, else the closest names", () => {
    expect(refusal("Frankfurt, Germany")).toMatch(/closest: DE \(Germany\)/);
    expect(refusal("Council Bluffs, Iowa, USA")).toMatch(/closest: US-IA \(Iowa, United States\), US \(United States of America\)/);
    expect(refusal("Texsa")).toMatch(/closest: US-TX \(Texas, United States\)/);
    expect(refusal("Germny")).toMatch(/closest: DE \(Germany\)/);
  });

  it("look-alike letters, bidi controls and invisible characters resolve to nothing", () => {
    // The Kelvin and Ångström signs decompose to a plain K and an A with a ring: look-alikes all the same.
    for (const input of ["Gеrmany" /* Cyrillic е */, "Ger\u200bmany", "\u202eGermany", "Ｇｅｒｍａｎｙ", "Tex\u00adas", "\u212aR", "\u212bland Islands"]) {
      expect(refusal(input), JSON.stringify(input)).toContain("outside plain letters");
    }
    // Accents fold; the resolved id is the catalogue's own.
    expect(located("Qu\u0065\u0301bec").id).toBe("zone:CA-QC");
    expect(located("Qu\u00e9bec").id).toBe("zone:CA-QC");
  });

  it("the place index is not built for manifests that name regions and zones only", async () => {
    const places = await import("../src/catalogue/places.js");
    // placeKeys builds it on first use; a region or zone look-up never calls it.
    expect(findLocation("aws:us-east-1").ok && findLocation("FR").ok).toBe(true);
    expect(places.placeKeys().size).toBeGreaterThan(800);
  });
});

describe("accelerators as written", () => {
  const rows = (file: string) =>
    readFileSync(new URL(`../data/upstream/${file}`, import.meta.url), "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(",")[0]!);
  // Labels of the calculators that the catalogue does not carry: consumer and pre-2017 cards (state power_w for them).
  const NOT_IN_CATALOGUE = new Set([
    "AGX Xavier",
    "AMD RX480",
    "GIGABYTE GTX 1660 OC",
    "GTX 1080 Ti",
    "GTX 1080",
    "GTX 750",
    "GTX TITAN X",
    "Quadro K6000",
    "Quadro P6000",
    "RTX 2080 Ti",
    "RTX 2080",
    "RTX 8000",
    "Tesla K40c",
    "Tesla K80",
    "Tesla M40 24GB",
    "Tesla P40",
    "Titan RTX",
    "Titan V",
    "TITAN X Pascal",
    "Titan Xp",
    "RTX 3080",
    "RTX 3080 TI",
    "Any",
    "NVIDIA GTX 1080",
    "NVIDIA GTX 1080 Ti",
    "NVIDIA GTX TITAN X",
    "NVIDIA Jetson AGX Xavier",
    "NVIDIA RTX 2080",
    "NVIDIA RTX 2080 Ti",
    "NVIDIA Tesla K80",
    "NVIDIA Tesla P4",
    "NVIDIA Tesla V100S",
    "NVIDIA Titan V",
    "NVIDIA TITAN X Pascal",
  ]);

  it("every GPU and TPU label of the ML CO2 calculator and of Green Algorithms resolves, or is a known absence", () => {
    const mlco2 = readFileSync(new URL("../data/upstream/mlco2-impact-gpus.csv", import.meta.url), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .filter((l) => !l.includes(",cpu,"))
      .map((l) => l.split(",")[0]!);
    const labels = [...mlco2, ...rows("green-algorithms-TDP_gpu.csv").slice(2)];
    const missing = labels.filter((l) => !findAccelerator(l).ok && !NOT_IN_CATALOGUE.has(l));
    expect(missing).toEqual([]);
  });

  it("the calculator's A100 PCIe 40/80GB is the 250 W model, with the alternative named", () => {
    const found = findAccelerator("A100 PCIe 40/80GB");
    expect(found.ok && found.value.id).toBe("nvidia-a100-40gb-pcie");
    expect(found.ok && found.ambiguity?.alternatives.map((a) => a.id)).toEqual(["nvidia-a100-80gb-pcie"]);
  });

  it("console names with a vendor prefix resolve like the model they name", () => {
    for (const [name, id] of [
      ["nvidia-h100-80gb", "nvidia-h100-sxm"],
      ["H100-80GB", "nvidia-h100-sxm"],
      ["NVIDIA Tesla P100 PCIe", "nvidia-p100-pcie"],
      ["nvidia-tesla-t4", "nvidia-t4"],
      ["NVIDIA L4", "nvidia-l4"],
    ] as const) {
      const found = findAccelerator(name);
      expect(found.ok && found.value.id, name).toBe(id);
    }
  });

  it("a look-alike letter never resolves to the model it imitates", () => {
    const found = findAccelerator("Н100"); // Cyrillic Н
    expect(found.ok).toBe(false);
    expect(!found.ok && unknownMessage("accelerator", "Н100", found.suggestions, found.hint)).toContain("outside plain letters");
    expect(findAccelerator("L\u200b4").ok).toBe(false);
  });
});

describe("TPU slice names", () => {
  const slice = (accelerator: string, extra = "") =>
    `${HEAD}training:\n  - id: t\n    accelerator: ${accelerator}\n    hours: 10\n    location: US\n    facility: hyperscale\n${extra}`;

  it("TPU v3-256 derives 128 chips, shown in a notice, and is estimated with them", async () => {
    const r = await report(slice("TPU v3-256"));
    expect(r.findings.find((f) => f.rule === "data/tpu-slice")?.message).toMatch(
      /^count 128 is derived: TPU v3-256 is 256 TensorCores ÷ 2 per chip = 128 chips of google-tpu-v3/,
    );
    expect(r.runs[0]!.inputs).toMatchObject({ accelerator: "google-tpu-v3", count: 128, accelerator_hours: 1280 });
  });

  it("TPU v3-8 is four chips", async () => {
    const r = await report(slice("TPU v3-8"));
    expect(r.runs[0]!.inputs.count).toBe(4);
  });

  it("a stated count that disagrees with the slice is an error at count", async () => {
    const r = await report(slice("TPU v3-256", "    count: 64\n"));
    const f = r.findings.find((x) => x.rule === "manifest/invalid")!;
    expect(f.message).toMatch(/^count 64 disagrees with the slice: TPU v3-256 is .* = 128 chips .*; remove count \(it is derived\)/);
    expect(f.line).toBe(9); // the count line
    expect(r.runs).toEqual([]);
  });

  it("a stated count that agrees is accepted", async () => {
    const r = await report(slice("TPU v3-256", "    count: 128\n"));
    expect(r.runs[0]!.inputs.count).toBe(128);
  });

  it("a slice size that is no whole number of chips is refused with the reason", async () => {
    const r = await report(slice("TPU v3-3"));
    expect(r.findings.find((f) => f.rule === "data/unknown-accelerator")?.message).toMatch(
      /^TPU v3-3 is not a .* slice: its size counts TensorCores, 2 per chip/,
    );
  });
});

describe("the basis of a stated figure", () => {
  const serving = (extra: string) => `${HEAD}inference:\n  - id: chat\n    requests: 1000000\n    energy_per_request_wh: 0.24\n    location: US${extra}\n`;

  it("a per-request figure that includes the facility is printed back as written", async () => {
    const run = await onlyRun(serving("\n    energy_basis: facility"));
    near(run.per_request!.energy_wh, 0.24);
    near(run.energy_kwh, 240);
  });

  it("without energy_basis the figure is IT energy and the PUE is applied", async () => {
    const run = await onlyRun(serving(""));
    near(run.per_request!.energy_wh, 0.24 * 1.56);
  });

  it("energy_basis on an entry without energy_per_request_wh is an error that says where it belongs", async () => {
    const r = await report(`${HEAD}inference:\n  - id: chat\n    accelerator: L4\n    count: 1\n    energy_basis: facility\n    location: US\n`);
    expect(r.findings.find((f) => f.rule === "manifest/invalid")?.message).toMatch(/^energy_basis describes energy_per_request_wh.*inside measured$/);
  });
});

describe("grams and kilograms in the model card", () => {
  const { folder, write } = tempFolders("footprint-as-written-");
  const card = (figure: string) => `---\nco2_eq_emissions: ${figure}\n---\n# Model\n`;
  const manifest = `${HEAD}model_card: MODEL_CARD.md\ntraining:\n  - id: t\n    accelerator: H100 SXM\n    count: 8\n    hours: 20\n    location: FR\n    pue: 1.1\n    carbon_intensity: 333\n`;

  it("a card figure about 1,000 × below the estimate is hinted as kilograms, with the figure in grams", () => {
    // 8 × 20 h × 700 W × 1.1 = 123.2 kWh × 333 g/kWh = 41.0 kg: "41.1" is the run's kilograms.
    const dir = folder();
    write(dir, "footprint.yml", manifest);
    write(dir, "MODEL_CARD.md", card("41.1"));
    const r = cli(["check", "footprint.yml", "--format", "json"], dir);
    const f = printed(r.stdout).findings.find((x) => x.rule === "transparency/emissions-disclosure")!;
    expect(f.message).toMatch(/the figure looks like kilograms: co2_eq_emissions is in grams, so 41\.1 kg is written 41,100$/);
  });

  it("a figure that is merely off gets the usual advice", () => {
    const dir = folder();
    write(dir, "footprint.yml", manifest);
    write(dir, "MODEL_CARD.md", card("1000"));
    const r = cli(["check", "footprint.yml", "--format", "json"], dir);
    const f = printed(r.stdout).findings.find((x) => x.rule === "transparency/emissions-disclosure")!;
    expect(f.message).toMatch(/update the card \(footprint-gate card --write\) or the manifest$/);
  });
});

describe("the issue's examples through the built CLI", () => {
  const { folder, write } = tempFolders("footprint-as-written-cli-");

  it("every example evaluates, or is refused with the one line that fixes it", () => {
    const dir = folder();
    write(
      dir,
      "footprint.yml",
      [
        HEAD.trim(),
        "training:",
        "  - { id: germany, accelerator: A100 PCIe 40/80GB, count: 8, hours: 10, location: Germany }",
        "  - { id: texas, accelerator: H100-80GB, count: 8, hours: 10, location: Texas }",
        "  - { id: oregon, accelerator: nvidia-h100-80gb, count: 8, hours: 10, location: Oregon }",
        "  - { id: oci, accelerator: L4, count: 8, hours: 10, location: 'oci:us-ashburn-1' }",
        "  - { id: coreweave, accelerator: L4, count: 8, hours: 10, location: 'coreweave:US-EAST-04' }",
        "  - { id: deu, accelerator: L4, count: 8, hours: 10, location: DEU }",
        "inference:",
        "  - { id: per-prompt, requests: 1000, energy_per_request_wh: 0.24, energy_basis: facility, location: 'US East (N. Virginia)' }",
        "",
      ].join("\n"),
    );
    const r = cli(["check", "footprint.yml", "--format", "json", "--fail-on", "never"], dir);
    expect(r.status).toBe(0);
    const m = printed(r.stdout);
    expect(m.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(m.runs.map((run) => run.inputs.zone)).toEqual(["DE", "US-TEX-ERCO", "US-NW-PGE", "US-MIDA-PJM", "US-MIDA-PJM", "DE", "US-MIDA-PJM"]);
    near(m.runs[6]!.per_request!.energy_wh, 0.24);
  });
});
