import { describe, it, expect } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

interface Accelerator {
  id: string;
  vendor: string;
  name: string;
  memory_gb: number | null;
  tdp_w: number | null;
  typical_power_w: number | null;
  power_w: number | null;
  power_basis: string | null;
  power_source: string | null;
  power_year: number | null;
  peak_bf16_dense_tflops: number | null;
  peak_note: string;
  embodied: { kg: number; class: string; source: string; year: number } | null;
  aliases: string[];
  source: string;
  year: number;
  verification: string;
}

interface Sourced {
  value: number | null;
  source: string;
  year: number | null;
  confidence?: string;
}

interface Provider {
  name: string;
  pue: Sourced;
  wue: Sourced;
  regions_source: string;
  regions: Record<string, { name: string; zone: string }>;
}

interface Grid {
  source: string;
  license: string;
  zones: Record<string, { name: string; intensity: number; year: number; yearly: Record<string, number> }>;
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as T;
}

const accelerators = readJson<{ accelerators: Accelerator[] }>("../data/accelerators.json").accelerators;
const cloud = readJson<{ providers: Record<string, Provider> }>("../data/cloud.json");
const grid = readJson<Grid>("../data/grid.json");
const defaults = readJson<Record<string, Record<string, unknown>>>("../data/defaults.json");

/** The matching rule of the catalogue: case-insensitive, every non-alphanumeric character removed. */
const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Accelerators for which no vendor publishes a power figure at all. */
const NO_PUBLISHED_POWER = new Set([
  "google-tpu-v5e",
  "google-tpu-v5p",
  "google-tpu-v6e",
  "google-tpu-v7",
  "aws-trainium1",
  "aws-trainium2",
  "aws-trainium3",
  "aws-inferentia1",
  "aws-inferentia2",
]);

function resolve(spelling: string): string | undefined {
  const key = norm(spelling);
  for (const a of accelerators) {
    if (norm(a.id) === key || a.aliases.some((al) => norm(al) === key)) return a.id;
  }
  return undefined;
}

describe("data/accelerators.json", () => {
  it("lists at least 45 accelerators with unique ids, each with a source and a year", () => {
    expect(accelerators.length).toBeGreaterThanOrEqual(45);
    const ids = accelerators.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of accelerators) {
      expect(a.id, "id").toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(a.source.trim().length, `${a.id} source`).toBeGreaterThan(0);
      expect(Number.isInteger(a.year), `${a.id} year`).toBe(true);
      expect(a.year, `${a.id} year`).toBeGreaterThanOrEqual(2015);
      expect(a.year, `${a.id} year`).toBeLessThanOrEqual(2030);
    }
  });

  it("gives the power the engine uses with its basis, source and year; null only where nothing is published", () => {
    for (const a of accelerators) {
      if (a.power_w === null) {
        expect(NO_PUBLISHED_POWER.has(a.id), `${a.id} has no power_w`).toBe(true);
        expect([a.tdp_w, a.typical_power_w], a.id).toEqual([null, null]);
        continue;
      }
      expect(["TDP", "measured system power per chip"], `${a.id} basis`).toContain(a.power_basis);
      expect(a.power_w, a.id).toBe(a.power_basis === "TDP" ? a.tdp_w : a.typical_power_w);
      expect(a.power_source?.length, `${a.id} power_source`).toBeGreaterThan(0);
      expect(Number.isInteger(a.power_year), `${a.id} power_year`).toBe(true);
    }
  });

  it("uses the measured system power per chip for the TPUs that have one (Patterson et al. 2021, PaLM), not a TDP", () => {
    const byId = new Map(accelerators.map((a) => [a.id, a]));
    expect(byId.get("google-tpu-v3")).toMatchObject({ tdp_w: 450, power_w: 283, power_basis: "measured system power per chip", power_year: 2021 });
    expect(byId.get("google-tpu-v3")!.power_source).toMatch(/Patterson et al\. 2021/);
    expect(byId.get("google-tpu-v4")).toMatchObject({ tdp_w: null, power_w: 378.5, power_basis: "measured system power per chip", power_year: 2022 });
    expect(byId.get("google-tpu-v4")!.power_source).toMatch(/PaLM/);
  });

  it("is what scripts/gen-accelerators.mjs writes from data/accelerators.csv (--check exits 0)", () => {
    const script = fileURLToPath(new URL("../scripts/gen-accelerators.mjs", import.meta.url));
    const cwd = fileURLToPath(new URL("..", import.meta.url));
    const run = spawnSync(process.execPath, [script, "--check"], { cwd, encoding: "utf8" });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });

  it("scripts/gen-accelerators.mjs rejects a row without a source, a colliding alias and a figure its upstream copy contradicts", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), "footprint-accelerators-"));
    try {
      mkdirSync(join(dir, "scripts"));
      cpSync(join(root, "scripts", "gen-accelerators.mjs"), join(dir, "scripts", "gen-accelerators.mjs"));
      cpSync(join(root, "data"), join(dir, "data"), { recursive: true });
      symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
      const csv = readFileSync(join(root, "data", "accelerators.csv"), "utf8").split("\n");
      const edit = (id: string, f: (line: string) => string) => {
        const i = csv.findIndex((l) => l.startsWith(`${id},`));
        csv[i] = f(csv[i]!);
      };
      edit("nvidia-a30", (l) => l.replace("NVIDIA A30 Tensor Core GPU datasheet (max TDP 165 W; BF16 165/330 TFLOPS)", ""));
      edit("nvidia-a40", (l) => l.replace("|A40 48GB|", "|A100|"));
      edit("nvidia-l4", (l) => l.replace(",72,impact:L4,", ",75,impact:L4,"));
      writeFileSync(join(dir, "data", "accelerators.csv"), csv.join("\n"));
      const run = spawnSync(process.execPath, [join(dir, "scripts", "gen-accelerators.mjs"), "--check"], { cwd: dir, encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("(nvidia-a30): source is required");
      expect(run.stderr).toContain('(nvidia-a40): "A100" collides with nvidia-a100-80gb-sxm');
      expect(run.stderr).toContain("(nvidia-l4): tdp_w = 75 but impact:L4 gives 72");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has only positive, finite numbers or null in numeric fields", () => {
    for (const a of accelerators) {
      for (const key of ["memory_gb", "tdp_w", "typical_power_w", "peak_bf16_dense_tflops"] as const) {
        const v = a[key];
        if (v !== null) {
          expect(Number.isFinite(v) && v > 0, `${a.id}.${key} = ${String(v)}`).toBe(true);
        }
      }
    }
  });

  it("gives every accelerator with a rated power an embodied figure of its class, with the class, its source and year", () => {
    for (const a of accelerators) {
      const rated = a.tdp_w ?? a.power_w;
      if (rated === null) {
        expect(a.embodied, a.id).toBeNull();
        continue;
      }
      expect(Number.isFinite(a.embodied?.kg) && a.embodied!.kg > 0 && a.embodied!.kg < 5000, `${a.id} embodied`).toBe(true);
      expect(a.embodied!.class, a.id).toContain(`host share for ${rated} W`);
      expect(a.embodied!.source, a.id).toContain("Luccioni et al. 2022");
      expect(Number.isInteger(a.embodied!.year), a.id).toBe(true);
    }
    // A die from data/dies.csv carries its vendor source and LLMCarbon's factors.
    const h100 = accelerators.find((a) => a.id === "nvidia-h100-sxm")!.embodied!;
    expect(h100.class).toBe("GH100 die (814 mm², TSMC 4N) + 80 GB memory, host share for 700 W");
    expect(h100.source).toContain("LLMCarbon, Faiz et al. 2024");
    expect(h100.source).toContain("NVIDIA H100 Tensor Core GPU Architecture whitepaper");
  });

  it("puts a 72 W L4's embodied share far below an H100's, and a die with no published area on the default chip figure", () => {
    const kg = (id: string) => accelerators.find((a) => a.id === id)!.embodied!.kg;
    // 2.945 cm² × 1.8 + 24 GB × 0.4 + 312.5 × 72 / 400 = 71.2; 8.14 cm² × 1.8 + 80 × 0.4 + 312.5 × 700 / 400 = 593.5
    expect(kg("nvidia-l4")).toBe(71.2);
    expect(kg("nvidia-h100-sxm")).toBe(593.5);
    expect(kg("nvidia-l4") / kg("nvidia-h100-sxm")).toBeLessThan(0.15);
    // The A100 of the node the host figure describes: its share is unscaled (2,500 / 8).
    expect(kg("nvidia-a100-80gb-sxm")).toBe(Math.round((8.26 * 1.6 + 80 * 0.4 + 312.5) * 10) / 10);
    expect(accelerators.find((a) => a.id === "nvidia-b200")!.embodied!.class).toBe("die area not published: 150 kg per accelerator, host share for 1000 W");
  });

  it("generates the embodied figures from data/dies.csv and refuses a die that is not there or a factor LLMCarbon does not have", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), "footprint-dies-"));
    try {
      mkdirSync(join(dir, "scripts"));
      cpSync(join(root, "scripts", "gen-accelerators.mjs"), join(dir, "scripts", "gen-accelerators.mjs"));
      cpSync(join(root, "data"), join(dir, "data"), { recursive: true });
      symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
      const dies = readFileSync(join(dir, "data", "dies.csv"), "utf8");
      writeFileSync(
        join(dir, "data", "dies.csv"),
        dies.replace("AD104,NVIDIA,294.5,,TSMC 4N,llmcarbon:TSMC4nm", "AD104,NVIDIA,294.5,,TSMC 3nm,llmcarbon:TSMC 3nm"),
      );
      const csv = readFileSync(join(dir, "data", "accelerators.csv"), "utf8");
      writeFileSync(join(dir, "data", "accelerators.csv"), csv.replace(/^(nvidia-t4,.*?),TU104,/m, "$1,TU999,"));
      const run = spawnSync(process.execPath, [join(dir, "scripts", "gen-accelerators.mjs"), "--check"], { cwd: dir, encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('data/dies.csv row 9 (AD104): "llmcarbon:TSMC 3nm" names no row of the LLMCarbon table');
      expect(run.stderr).toContain('(nvidia-t4): die "TU999" is not in data/dies.csv');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has aliases that are unique under normalisation and never collide with an id", () => {
    const idKeys = new Map(accelerators.map((a) => [norm(a.id), a.id]));
    expect(idKeys.size).toBe(accelerators.length);
    const seen = new Map<string, string>();
    for (const a of accelerators) {
      for (const alias of a.aliases) {
        const key = norm(alias);
        expect(key.length, `empty alias on ${a.id}`).toBeGreaterThan(0);
        expect(idKeys.has(key), `alias "${alias}" of ${a.id} collides with id ${idKeys.get(key) ?? ""}`).toBe(false);
        expect(seen.has(key), `alias "${alias}" of ${a.id} duplicates ${seen.get(key) ?? ""}`).toBe(false);
        seen.set(key, `${a.id}: "${alias}"`);
      }
    }
  });

  it("resolves the spellings users write (nvidia-smi / CodeCarbon names, model cards, short forms)", () => {
    const expected: Record<string, string> = {
      "NVIDIA A100-SXM4-80GB": "nvidia-a100-80gb-sxm",
      "NVIDIA A100-SXM4-40GB": "nvidia-a100-40gb-sxm",
      "NVIDIA A100 80GB PCIe": "nvidia-a100-80gb-pcie",
      "NVIDIA A100-PCIE-40GB": "nvidia-a100-40gb-pcie",
      "NVIDIA H100 80GB HBM3": "nvidia-h100-sxm",
      "NVIDIA H100 PCIe": "nvidia-h100-pcie",
      "NVIDIA H100 NVL": "nvidia-h100-nvl",
      "NVIDIA H200": "nvidia-h200-sxm",
      "Tesla V100-SXM2-32GB": "nvidia-v100-sxm2",
      "Tesla V100-SXM2-16GB": "nvidia-v100-sxm2",
      "Tesla V100-PCIE-16GB": "nvidia-v100-pcie",
      "Tesla T4": "nvidia-t4",
      "NVIDIA L4": "nvidia-l4",
      "NVIDIA A10G": "nvidia-a10g",
      "AMD Instinct MI300X": "amd-mi300x",
      "TPU v4": "google-tpu-v4",
      v5e: "google-tpu-v5e",
      v5p: "google-tpu-v5p",
      Gaudi2: "intel-gaudi2",
      "A100-80GB": "nvidia-a100-80gb-sxm",
      "A100-SXM4-80GB": "nvidia-a100-80gb-sxm",
      "H100-80GB": "nvidia-h100-sxm",
      "H100 SXM": "nvidia-h100-sxm",
      h100: "nvidia-h100-sxm",
      a100: "nvidia-a100-80gb-sxm",
      v100: "nvidia-v100-sxm2",
      mi300x: "amd-mi300x",
      b200: "nvidia-b200",
      gb200: "nvidia-gb200-gpu",
      "nvidia-h100-sxm": "nvidia-h100-sxm",
      // nvidia-smi / CodeCarbon names of the cards a team rents in 2026.
      "NVIDIA GeForce RTX 4090": "nvidia-rtx-4090",
      "NVIDIA GeForce RTX 5090": "nvidia-rtx-5090",
      "NVIDIA RTX A6000": "nvidia-rtx-a6000",
      "NVIDIA RTX 6000 Ada Generation": "nvidia-rtx-6000-ada",
      "NVIDIA A40": "nvidia-a40",
      "NVIDIA A30": "nvidia-a30",
      "NVIDIA L40": "nvidia-l40",
      "NVIDIA H800": "nvidia-h800-sxm",
      "NVIDIA H20": "nvidia-h20",
      "NVIDIA GH200 480GB": "nvidia-gh200",
      "NVIDIA H200 NVL": "nvidia-h200-nvl",
      "Tesla P100-PCIE-16GB": "nvidia-p100-pcie",
      "AMD Instinct MI300A": "amd-mi300a",
      "AMD Instinct MI325X": "amd-mi325x",
      // Cloud console and SDK names.
      Trillium: "google-tpu-v6e",
      TPU7x: "google-tpu-v7",
      Trn2: "aws-trainium2",
      Inf2: "aws-inferentia2",
    };
    for (const [spelling, id] of Object.entries(expected)) {
      expect(resolve(spelling), spelling).toBe(id);
    }
  });
});

describe("data/grid.json", () => {
  const zones = Object.entries(grid.zones);

  it("names its source and licence", () => {
    expect(grid.source).toMatch(/Electricity Maps/);
    expect(grid.source).toMatch(/@tgwf\/co2/);
    expect(grid.license).toMatch(/ODbL/);
  });

  it("has at least 300 zones, each with a finite positive intensity and a year in 2021-2025", () => {
    expect(zones.length).toBeGreaterThanOrEqual(300);
    for (const [id, z] of zones) {
      expect(Number.isFinite(z.intensity) && z.intensity > 0, `${id} intensity ${String(z.intensity)}`).toBe(true);
      expect(Number.isInteger(z.year) && z.year >= 2021 && z.year <= 2025, `${id} year ${String(z.year)}`).toBe(true);
      expect(z.name.length, `${id} name`).toBeGreaterThan(0);
    }
  });

  it("keeps every year's figure of a zone, its latest being its intensity", () => {
    for (const [id, z] of zones) {
      const years = Object.keys(z.yearly).map(Number);
      expect(Math.max(...years), id).toBe(z.year);
      expect(z.yearly[String(z.year)], id).toBe(z.intensity);
    }
  });

  it("keeps its keys sorted (stable diffs)", () => {
    const keys = zones.map(([id]) => id);
    expect(keys).toEqual([...keys].sort());
  });

  it("is what scripts/gen-grid.mjs would write (gen-grid --check exits 0)", () => {
    const script = fileURLToPath(new URL("../scripts/gen-grid.mjs", import.meta.url));
    const cwd = fileURLToPath(new URL("..", import.meta.url));
    const run = spawnSync(process.execPath, [script, "--check"], { cwd, encoding: "utf8" });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});

describe("data/grid-yearly.json", () => {
  const yearly = readJson<{ source: string; license: string; through: number; countries: Record<string, Record<string, number>> }>("../data/grid-yearly.json");

  it("names Our World in Data and its CC BY 4.0 licence, and stops at the first year of grid.json", () => {
    expect(yearly.source).toMatch(/Our World in Data/);
    expect(yearly.license).toMatch(/CC BY 4\.0/);
    const firstLifecycle = Math.min(...Object.values(grid.zones).flatMap((z) => Object.keys(z.yearly).map(Number)));
    expect(yearly.through).toBe(firstLifecycle);
  });

  it("covers the country of nearly every zone, each series positive and reaching the reference year", () => {
    const countries = new Set(Object.keys(grid.zones).map((id) => id.split("-")[0]!));
    const missing = [...countries].filter((c) => !yearly.countries[c]);
    expect(missing.length, missing.join(" ")).toBeLessThanOrEqual(10);
    for (const [c, series] of Object.entries(yearly.countries)) {
      expect(countries.has(c), c).toBe(true);
      for (const [y, v] of Object.entries(series)) expect(Number.isFinite(v) && v > 0 && Number(y) <= yearly.through, `${c} ${y}`).toBe(true);
    }
    expect(yearly.countries.US?.[String(yearly.through)]).toBeGreaterThan(0);
    expect(yearly.countries.FR?.["2000"]).toBeGreaterThan(0);
  });

  it("is what scripts/gen-grid-yearly.mjs would write (--check exits 0)", () => {
    const script = fileURLToPath(new URL("../scripts/gen-grid-yearly.mjs", import.meta.url));
    const cwd = fileURLToPath(new URL("..", import.meta.url));
    const run = spawnSync(process.execPath, [script, "--check"], { cwd, encoding: "utf8" });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});

describe("data/cfe.json", () => {
  type Region = { cfe: number; year: number; yearly: Record<string, number> };
  const cfe = readJson<{ source: string; license: string; providers: { gcp: { regions: Record<string, Region> } } }>("../data/cfe.json");
  const regions = Object.entries(cfe.providers.gcp.regions);
  const root = fileURLToPath(new URL("..", import.meta.url));

  it("names Google's region-carbon-info data and its Apache-2.0 licence", () => {
    expect(cfe.source).toMatch(/GoogleCloudPlatform\/region-carbon-info/);
    expect(cfe.license).toMatch(/Apache-2\.0/);
  });

  it("holds only gcp regions of data/cloud.json, every share from 0 to 1, the latest year's being the region's cfe", () => {
    expect(regions.length).toBeGreaterThanOrEqual(40);
    for (const [id, r] of regions) {
      expect(cloud.providers.gcp!.regions[id], id).toBeDefined();
      for (const [y, v] of Object.entries(r.yearly)) expect(Number.isFinite(v) && v >= 0 && v <= 1 && Number(y) >= 2019, `${id} ${y}`).toBe(true);
      expect(Math.max(...Object.keys(r.yearly).map(Number)), id).toBe(r.year);
      expect(r.yearly[String(r.year)], id).toBe(r.cfe);
    }
    // As Google's 2024 file states it for Iowa.
    expect(cfe.providers.gcp.regions["us-central1"]).toMatchObject({ cfe: 0.87, year: 2024 });
  });

  it("is what scripts/gen-cfe.mjs would write (--check exits 0)", () => {
    const run = spawnSync(process.execPath, [join(root, "scripts", "gen-cfe.mjs"), "--check"], { cwd: root, encoding: "utf8" });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });

  it("scripts/gen-cfe.mjs --check fails when an upstream figure changes, and refuses a share above 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "footprint-cfe-"));
    try {
      mkdirSync(join(dir, "scripts"));
      cpSync(join(root, "scripts", "gen-cfe.mjs"), join(dir, "scripts", "gen-cfe.mjs"));
      cpSync(join(root, "data"), join(dir, "data"), { recursive: true });
      symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
      const csv = join(dir, "data", "upstream", "google-region-carbon", "2024.csv");
      const original = readFileSync(csv, "utf8");
      writeFileSync(csv, original.replace("us-central1,Iowa,0.87,", "us-central1,Iowa,0.88,"));
      const stale = spawnSync(process.execPath, [join(dir, "scripts", "gen-cfe.mjs"), "--check"], { cwd: dir, encoding: "utf8" });
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain("data/cfe.json is out of date");
      writeFileSync(csv, original.replace("us-central1,Iowa,0.87,", "us-central1,Iowa,87,"));
      const percent = spawnSync(process.execPath, [join(dir, "scripts", "gen-cfe.mjs"), "--check"], { cwd: dir, encoding: "utf8" });
      expect(percent.status).not.toBe(0);
      expect(percent.stderr).toContain("us-central1: Google CFE 87 is not a share from 0 to 1");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("data/cloud.json", () => {
  const providers = Object.entries(cloud.providers);

  it("covers aws, gcp and azure with the spec's PUEs, each with a source and a year", () => {
    expect(Object.keys(cloud.providers).sort()).toEqual(["aws", "azure", "gcp"]);
    expect(cloud.providers.aws?.pue.value).toBe(1.135);
    expect(cloud.providers.gcp?.pue.value).toBe(1.1);
    expect(cloud.providers.azure?.pue.value).toBe(1.185);
    for (const [id, p] of providers) {
      expect(p.name.length, `${id} name`).toBeGreaterThan(0);
      expect(p.pue.source.length, `${id} pue source`).toBeGreaterThan(0);
      expect(Number.isInteger(p.pue.year), `${id} pue year`).toBe(true);
      expect(p.regions_source.length, `${id} regions_source`).toBeGreaterThan(0);
    }
  });

  it("gives WUE as a sourced low-confidence figure, or null", () => {
    for (const [id, p] of providers) {
      expect(p.wue.source.length, `${id} wue source`).toBeGreaterThan(0);
      if (p.wue.value !== null) {
        expect(p.wue.value > 0 && p.wue.value < 5, `${id} wue ${p.wue.value}`).toBe(true);
        expect(Number.isInteger(p.wue.year), `${id} wue year`).toBe(true);
        expect(p.wue.confidence, `${id} wue confidence`).toBe("low");
      }
    }
  });

  it("maps every region to a zone that exists in grid.json", () => {
    for (const [id, p] of providers) {
      const regions = Object.entries(p.regions);
      expect(regions.length, `${id} regions`).toBeGreaterThan(20);
      for (const [region, r] of regions) {
        expect(grid.zones[r.zone], `${id}:${region} -> ${r.zone}`).toBeDefined();
        expect(r.name.length, `${id}:${region} name`).toBeGreaterThan(0);
      }
    }
  });

  it("maps the well-known regions to their sub-national grids", () => {
    const expected: Array<[string, string, string]> = [
      ["aws", "us-east-1", "US-MIDA-PJM"],
      ["aws", "us-west-2", "US-NW-BPAT"],
      ["aws", "eu-west-1", "IE"],
      ["gcp", "europe-west1", "BE"],
      ["gcp", "us-central1", "US-MIDW-MISO"],
      ["azure", "westeurope", "NL"],
      ["azure", "northeurope", "IE"],
      ["azure", "japaneast", "JP-TK"],
      ["azure", "australiaeast", "AU-NSW"],
    ];
    for (const [provider, region, zone] of expected) {
      expect(cloud.providers[provider]?.regions[region]?.zone, `${provider}:${region}`).toBe(zone);
    }
  });
});

describe("data/defaults.json", () => {
  it("gives every fallback figure a source and a year", () => {
    for (const key of ["world_intensity", "unknown_pue", "wue_onsite", "ewif", "embodied", "utilization", "throughput_utilization", "mfu"]) {
      const entry = defaults[key];
      expect(entry, key).toBeDefined();
      expect(typeof entry?.source === "string" && entry.source.length > 0, `${key} source`).toBe(true);
      expect(Number.isInteger(entry?.year), `${key} year`).toBe(true);
    }
  });

  it("holds the figures fixed by the spec", () => {
    expect(defaults.world_intensity?.value).toBe(475);
    expect(defaults.unknown_pue?.value).toBe(1.56);
    expect(defaults.wue_onsite?.value).toBe(1.8);
    expect(defaults.ewif?.value).toBe(3.1);
    expect(defaults.embodied?.per_accelerator_kg).toBe(150);
    expect(defaults.embodied?.per_server_kg).toBe(2500);
    expect(defaults.embodied?.accelerators_per_server).toBe(8);
    expect(defaults.embodied?.lifetime_years).toBe(6);
    expect(defaults.embodied?.lifetime_utilization).toBe(0.85);
    expect(defaults.utilization?.training).toBe(1.0);
    expect(defaults.utilization?.inference).toBe(0.5);
    expect(defaults.mfu?.value).toBe(0.4);
  });

  it("gives each facility class a PUE with a source and a year; unverified classes keep the industry average", () => {
    const classes = defaults.facility_pue as Record<string, { value: number; source: string; year: number }>;
    expect(Object.keys(classes).sort()).toEqual(["colocation", "enterprise", "hyperscale"]);
    for (const [k, c] of Object.entries(classes)) {
      expect(c.source.length, k).toBeGreaterThan(0);
      expect(Number.isInteger(c.year), k).toBe(true);
      expect(c.value >= 1 && c.value <= 3, k).toBe(true);
    }
    // The mean of the 2025 fleet PUEs the source names: AWS 1.14, Google 1.09, Microsoft 1.17.
    expect(classes.hyperscale!.value).toBe(Number(((1.14 + 1.09 + 1.17) / 3).toFixed(2)));
    expect(classes.colocation!.value).toBe(defaults.unknown_pue?.value);
    expect(classes.enterprise!.value).toBe(defaults.unknown_pue?.value);
  });
});
