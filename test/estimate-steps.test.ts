// The estimator's steps (src/estimate/*.ts), each on entries that passed the manifest's rules, and the cache that
// builds assumptions once per distinct input set.
import { describe, expect, it } from "vitest";
import { defaults } from "../src/catalogue/index.js";
import { EstimateCache, STATED } from "../src/estimate/cache.js";
import { embodiedCarbon } from "../src/estimate/embodied.js";
import { plannedEnergy } from "../src/estimate/energy.js";
import { footprint, withMarketBased } from "../src/estimate/footprint.js";
import { estimateManifest } from "../src/estimate/index.js";
import { marketFactor } from "../src/estimate/market.js";
import { siteOf } from "../src/estimate/site.js";
import { parseManifest } from "../src/manifest/parse.js";
import { checkRules, type ResolvedEntry } from "../src/manifest/rules.js";
import { tabulateAssumptions } from "../src/report.js";
import { HEAD, near } from "./helpers.js";

async function resolved(text: string) {
  const parsed = await parseManifest(text, "footprint.yml");
  if (!parsed.manifest) throw new Error(JSON.stringify(parsed.findings));
  const place = { file: "footprint.yml", locator: parsed.locator };
  const rules = checkRules(parsed.manifest, place);
  if (rules.entries.length === 0) throw new Error(JSON.stringify(rules.findings));
  return { manifest: parsed.manifest, entries: rules.entries, place };
}

const one = async (text: string): Promise<ResolvedEntry> => (await resolved(text)).entries[0]!;

describe("the estimate cache", () => {
  it("gives the same frozen assumption for the same fields, and another for another source or year", async () => {
    const cache = new EstimateCache();
    const a = cache.assumption("pue", 1.2, "", STATED);
    expect(cache.assumption("pue", 1.2, "", { source: "manifest", year: null })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(cache.assumption("pue", 1.2, "", { source: "manifest", year: 2024 })).not.toBe(a);
    expect(cache.assumption("pue", 1.2, "", { source: "elsewhere", year: null })).not.toBe(a);
    expect(cache.assumption("pue", 1.3, "", STATED)).not.toBe(a);
  });

  it("makes a step's value once per distinct keys, objects compared by identity", async () => {
    const cache = new EstimateCache();
    let made = 0;
    const make = () => ({ n: ++made });
    const key = { id: "k" };
    const first = cache.once("step", [key, 1, undefined], make);
    expect(cache.once("step", [key, 1, undefined], make)).toBe(first);
    expect(cache.once("step", [{ id: "k" }, 1, undefined], make)).not.toBe(first);
    expect(cache.once("other", [key, 1, undefined], make)).not.toBe(first);
    expect(made).toBe(3);
  });
});

describe("estimation steps", () => {
  it("site: entries with the same location and factors share one site; a located entry without PUE gets the industry average", async () => {
    const entry = (id: string, extra = "") => `  - id: ${id}\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    location: FR\n${extra}`;
    const { manifest, entries } = await resolved(`${HEAD}training:\n${entry("a")}${entry("b")}${entry("c", "    pue: 1.2\n")}`);
    const cache = new EstimateCache();
    const [a, b, c] = entries.map((e) => siteOf(e, manifest.defaults, cache));
    expect(b).toBe(a);
    expect(a!.pue).toBe(defaults.unknown_pue);
    expect(a!.defaultPue).toBe(true);
    expect(c).not.toBe(a);
    expect(c!.pue).toEqual({ value: 1.2, source: "manifest", year: null });
    expect(c!.defaultPue).toBe(false);
    expect(a!.assumptions.map((x) => x.name)).toEqual(["location", "pue", "carbon_intensity"]);
    expect(a!.water.map((x) => x.name)).toEqual(["wue_onsite", "ewif"]);
  });

  it("site: a year the zone has no figure for gives the nearest earlier year's intensity, with a notice at year", async () => {
    const e = await one(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    location: FR\n    year: 2100\n`);
    const site = siteOf(e, undefined, new EstimateCache());
    expect(site.intensity.year).toBeLessThan(2100);
    expect(site.notices.map((n) => [n.rule, n.severity, n.at])).toEqual([["data/grid-year", "notice", { value: ["year"] }]]);
    expect(site.notices[0]!.message).toMatch(/^year 2100: /);
  });

  it("site: without a location the world average applies, with a warning at the entry's id", async () => {
    const site = siteOf(await one(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n`), undefined, new EstimateCache());
    expect(site.intensity).toBe(defaults.world_intensity);
    expect(site.notices.map((n) => [n.rule, n.severity, n.at])).toEqual([["data/location-missing", "warning", { value: ["id"] }]]);
  });

  it("market: provider's share where none is published fails, naming where carbon_free_energy is written", async () => {
    const text = (where: string) =>
      where === "entry"
        ? `${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    location: FR\n    carbon_free_energy: provider\n`
        : `${HEAD}defaults:\n  carbon_free_energy: provider\ntraining:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    location: FR\n`;
    for (const where of ["entry", "defaults"] as const) {
      const { manifest, entries } = await resolved(text(where));
      const m = marketFactor(entries[0]!, manifest.defaults, new EstimateCache());
      expect(m).toMatchObject({ ok: false, stated: where });
      expect(!m.ok && m.message).toContain("zone:FR has none");
    }
  });

  it("market: the entry's own factor replaces the defaults' share", async () => {
    const { manifest, entries } = await resolved(
      `${HEAD}defaults:\n  carbon_free_energy: 0.5\ntraining:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    market_based_intensity: 40\n`,
    );
    const m = marketFactor(entries[0]!, manifest.defaults, new EstimateCache());
    expect(m).toMatchObject({ ok: true, factor: { intensity: 40 } });
    if (m.ok) expect(m.assumptions.map((a) => [a.name, a.value])).toEqual([["market_based_intensity", 40]]);
  });

  it("energy: accelerator-hours × power × utilisation × repeats, with the assumptions in report order", async () => {
    const plan = plannedEnergy(
      await one(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    count: 8\n    hours: 10\n    utilization: 0.5\n    repeats: 2\n`),
      new EstimateCache(),
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.plan.acceleratorHours).toBe(80);
    near(plan.plan.itKwh, 56); // 80 h × 700 W × 0.5 × 2
    expect(plan.plan.assumptions.map((a) => a.name)).toEqual(["power_w", "hours", "utilization", "repeats"]);
  });

  it("energy: the request form is requests × energy per request, without accelerator-hours", async () => {
    const plan = plannedEnergy(await one(`${HEAD}inference:\n  - id: a\n    requests: 1000000\n    energy_per_request_wh: 0.3\n`), new EstimateCache());
    expect(plan).toMatchObject({ ok: true, plan: { acceleratorHours: null, powerW: null, itKwh: 300 } });
  });

  it("energy: an accelerator without a published power figure fails at the accelerator, and compute without a peak at compute", async () => {
    const cache = new EstimateCache();
    expect(plannedEnergy(await one(`${HEAD}training:\n  - id: a\n    accelerator: google-tpu-v6e\n    gpu_hours: 10\n`), cache)).toEqual({
      ok: false,
      message: "google-tpu-v6e has no published power figure; set power_w",
      at: { value: ["accelerator"] },
    });
    expect(
      plannedEnergy(await one(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-a10g\n    compute: { parameters: 1e9, tokens: 1e9 }\n`), cache),
    ).toEqual({
      ok: false,
      message: "nvidia-a10g has no sourced peak BF16 figure; set peak_tflops, or give hours or gpu_hours instead of compute",
      at: { key: ["compute"] },
    });
  });

  it("embodied: the accelerator class's figure amortised over the accelerator-hours; nothing without them; entries with the same figures share the assumptions", async () => {
    const cache = new EstimateCache();
    const { entry: e, accelerator: acc } = await one(`${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 80\n`);
    const first = embodiedCarbon(e, acc, 80, cache);
    near(first.kg, (80 * acc!.embodied!.kg) / (6 * 8760 * 0.85));
    expect(embodiedCarbon(e, acc, 160, cache).assumptions).toBe(first.assumptions);
    expect(embodiedCarbon(e, acc, null, cache)).toEqual({ kg: 0, perAcceleratorKg: null, assumptions: [] });
    // An accelerator without a class figure (custom, or no rated power) gets the default.
    near(embodiedCarbon(e, { ...acc!, embodied: null }, 80, cache).kg, (80 * 462.5) / (6 * 8760 * 0.85));
  });

  it("footprint and market-based CO2e: facility energy × intensity, water on IT and facility energy, a share off the operational part", async () => {
    const t = footprint(10, { pue: 1.5, intensity: 200, wue: 2, ewif: 3 }, 1);
    expect(t).toEqual({ energy_kwh: 15, operational_co2e_kg: 3, embodied_co2e_kg: 1, co2e_kg: 4, water_l: 10 * 2 + 15 * 3 });
    expect(withMarketBased(t, null)).toBe(t);
    expect(withMarketBased(t, { cfe: { value: 0.5, source: "s", year: null } }).market_based_co2e_kg).toBe(1.5 + 1);
    expect(withMarketBased(t, { intensity: 100 }).market_based_co2e_kg).toBe(1.5 + 1);
  });
});

describe("estimating a manifest", () => {
  it("builds assumptions once per distinct input set: one object per distinct assumption, however many entries use it", async () => {
    const lines = [`${HEAD}training:`];
    for (let i = 0; i < 200; i++) {
      lines.push(
        `  - { id: r${i}, accelerator: nvidia-h100-sxm, count: 8, hours: ${1 + (i % 10)}, location: "${["FR", "DE", "aws:us-east-1", "gcp:us-central1"][i % 4]}" }`,
      );
    }
    const { manifest, entries, place } = await resolved(lines.join("\n") + "\n");
    const { runs, findings } = estimateManifest(manifest, entries, { ...place, measured: new Map() });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(runs).toHaveLength(200);
    const all = runs.flatMap((r) => r.assumptions);
    const distinct = new Set(all);
    expect(all.length).toBeGreaterThan(1000);
    expect(new Set([...distinct].map((a) => JSON.stringify(a))).size).toBe(distinct.size);
    const count = (name: string) => [...distinct].filter((a) => a.name === name).length;
    expect([count("location"), count("hours"), count("power_w"), count("utilization"), count("hardware_lifetime")]).toEqual([4, 10, 1, 1, 1]);
    // The report's table has one row per distinct assumption; entries with the same inputs point at the same rows.
    const tables = tabulateAssumptions(runs);
    expect(tables.assumptions).toHaveLength(distinct.size);
    expect(tables.runs[20]!.assumptions).toEqual(tables.runs[0]!.assumptions);
    expect(tables.runs[1]!.assumptions).not.toEqual(tables.runs[0]!.assumptions);
  });

  it("an entry whose measured figure could not be read is left out: its plan does not stand in for the measurement", async () => {
    const { manifest, entries, place } = await resolved(
      `${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    gpu_hours: 1\n    measured: { codecarbon: e.csv }\n`,
    );
    expect(estimateManifest(manifest, entries, { ...place, measured: new Map() })).toMatchObject({ runs: [], findings: [] });
  });
});
