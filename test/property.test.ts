// Properties: the parser never throws and always explains itself with a position; the estimate never throws on a
// valid manifest, scales linearly in count, duration and repeats, and grows with PUE.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import type { ManifestReport } from "../src/report.js";
import type { ManifestSource } from "../src/manifest/source.js";
import { parseManifest } from "../src/manifest/parse.js";

const source = (text: string): ManifestSource => ({ path: "footprint.yml", text, readRelative: async () => null, exists: async () => false });

async function checkParse(text: string): Promise<void> {
  const { manifest, findings } = await parseManifest(text, "footprint.yml");
  if (manifest !== undefined) {
    expect(findings).toEqual([]);
  } else {
    expect(findings.length).toBeGreaterThanOrEqual(1);
  }
  for (const f of findings) {
    expect(f.rule).toBe("manifest/invalid");
    expect(f.severity).toBe("error");
    expect(f.file).toBe("footprint.yml");
    expect(f.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(f.line) && f.line >= 1, `line ${f.line}`).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1, `column ${f.column}`).toBe(true);
  }
}

const FRAGMENTS = [
  ":",
  ": ",
  "-",
  "- ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a ",
  "*a",
  "&b ",
  "*b",
  "\n",
  "\n  ",
  "\n    ",
  "  ",
  " ",
  "\t",
  "\r\n",
  "?",
  "? ",
  "<<: ",
  "!!str ",
  "!!map ",
  "!foo ",
  "%YAML 1.2\n",
  "---\n",
  "...\n",
  "# c",
  "|",
  ">",
  "'",
  '"',
  "\\",
  "\u0000",
  "\ufeff",
  "\u202e",
  "é",
  "😀",
  "1",
  "0",
  "-1",
  "1.5",
  "1e308",
  ".inf",
  ".nan",
  "null",
  "~",
  "true",
  "no",
  "version",
  "version: 1",
  "project: p",
  "training",
  "training:",
  "inference:",
  "id: a",
  "accelerator: h100",
  "count: 8",
  "hours: 10",
  "gpu_hours",
  "compute: {parameters: 7e9, tokens: 2e12}",
  "location: FR",
  "measured:",
  "codecarbon: x.csv",
  "defaults:",
  "budget:",
  "pue",
  "__proto__",
  "constructor",
  "toString",
];
const yamlish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((a) => a.join(""));

describe("parseManifest on arbitrary input", () => {
  it("never throws on arbitrary ASCII-ish strings", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), checkParse), { numRuns: 500 });
  });

  it("never throws on arbitrary Unicode strings (any code point, lone surrogates included)", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), checkParse), { numRuns: 500 });
    await fc.assert(fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 200 }), checkParse), { numRuns: 300 });
  });

  it("never throws on YAML-ish text built from fragments", async () => {
    await fc.assert(fc.asyncProperty(yamlish, checkParse), { numRuns: 1500 });
  });

  it("never throws on YAML-ish text after a valid head", async () => {
    await fc.assert(
      fc.asyncProperty(yamlish, (tail) => checkParse(`version: 1\nproject: p\n${tail}`)),
      { numRuns: 1000 },
    );
  });

  it("never throws on deep nesting of any bracket or indentation kind", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("[", "{a: ", "- ", "? ", "{", "[a, "), fc.integer({ min: 1, max: 3000 }), fc.boolean(), async (open, depth, close) => {
        const closer = open.startsWith("[") ? "]" : open.startsWith("{") ? "}" : "";
        await checkParse(`version: 1\nproject: p\ntraining: ${open.repeat(depth)}${close ? closer.repeat(depth) : ""}\n`);
      }),
      { numRuns: 60 },
    );
  });

  it("evaluate never throws on YAML-ish text either", async () => {
    await fc.assert(
      fc.asyncProperty(yamlish, async (tail) => {
        const r = await evaluate(source(`version: 1\nproject: p\n${tail}`), null);
        for (const f of r.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// valid manifests

type Form = "hours" | "gpu_hours" | "compute";
interface Params {
  accelerator: string;
  form: Form;
  count: number;
  hours: number;
  tokens: number;
  repeats: number;
  power_w: number | undefined;
  utilization: number | undefined;
  pue: number | undefined;
  carbon_intensity: number | undefined;
  location: string | undefined;
  inference: { accelerator: string; count: number; hours: number | undefined; utilization: number | undefined } | undefined;
}

// Catalogue ids with a TDP and a peak BF16 figure, so every form can be estimated without power_w.
const ACCELERATORS = ["nvidia-h100-sxm", "nvidia-a100-80gb-sxm", "nvidia-l4", "H100 SXM", "A100-SXM4-40GB", "amd-mi300x", "intel-gaudi3", "google-tpu-v3"];
const LOCATIONS = ["FR", "DE", "zone:US-CAL-CISO", "aws:us-east-1", "gcp:us-central1", "azure:westeurope", "SG"];

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const params: fc.Arbitrary<Params> = fc.record({
  accelerator: fc.constantFrom(...ACCELERATORS),
  form: fc.constantFrom<Form>("hours", "gpu_hours", "compute"),
  count: fc.integer({ min: 1, max: 5_000_000 }),
  hours: num(0.01, 500_000),
  tokens: num(1e6, 5e16),
  repeats: num(0.01, 500_000),
  power_w: fc.option(num(1, 10_000), { nil: undefined }),
  utilization: fc.option(num(0.001, 1), { nil: undefined }),
  pue: fc.option(num(1, 3), { nil: undefined }),
  // 0 or a normal figure: subnormal intensities (1e-323 g/kWh) only test IEEE underflow, not the formulas.
  carbon_intensity: fc.option(fc.oneof(fc.constant(0), num(0.001, 2000)), { nil: undefined }),
  location: fc.option(fc.constantFrom(...LOCATIONS), { nil: undefined }),
  inference: fc.option(
    fc.record({
      accelerator: fc.constantFrom(...ACCELERATORS),
      count: fc.integer({ min: 1, max: 5_000_000 }),
      hours: fc.option(num(0.01, 500_000), { nil: undefined }),
      utilization: fc.option(num(0.001, 1), { nil: undefined }),
    }),
    { nil: undefined },
  ),
});

/** JSON numbers are YAML 1.2 numbers. */
const n = (x: number) => JSON.stringify(x);

function manifest(p: Params): string {
  const lines = ["version: 1", "project: prop", "training:", "  - id: train", `    accelerator: ${p.accelerator}`];
  if (p.form === "hours") lines.push(`    count: ${p.count}`, `    hours: ${n(p.hours)}`);
  else if (p.form === "gpu_hours") lines.push(`    gpu_hours: ${n(p.hours)}`);
  else lines.push(`    compute: { parameters: 1e9, tokens: ${n(p.tokens)} }`);
  lines.push(`    repeats: ${n(p.repeats)}`);
  if (p.power_w !== undefined) lines.push(`    power_w: ${n(p.power_w)}`);
  if (p.utilization !== undefined) lines.push(`    utilization: ${n(p.utilization)}`);
  if (p.pue !== undefined) lines.push(`    pue: ${n(p.pue)}`);
  if (p.carbon_intensity !== undefined) lines.push(`    carbon_intensity: ${n(p.carbon_intensity)}`);
  if (p.location !== undefined) lines.push(`    location: ${p.location}`);
  if (p.inference) {
    const i = p.inference;
    lines.push("inference:", "  - id: serve", `    accelerator: ${i.accelerator}`, `    count: ${i.count}`, `    repeats: ${n(p.repeats)}`);
    if (i.hours !== undefined) lines.push(`    hours: ${n(i.hours)}`);
    if (i.utilization !== undefined) lines.push(`    utilization: ${n(i.utilization)}`);
    if (p.pue !== undefined) lines.push(`    pue: ${n(p.pue)}`);
    if (p.location !== undefined) lines.push(`    location: ${p.location}`);
  }
  return lines.join("\n") + "\n";
}

async function run(p: Params): Promise<ManifestReport> {
  const r = await evaluate(source(manifest(p)), null);
  expect(r.status, JSON.stringify(r.findings)).toBe("evaluated");
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(r.runs).toHaveLength(p.inference ? 2 : 1);
  for (const x of r.runs) {
    for (const v of [x.energy_kwh, x.operational_co2e_kg, x.embodied_co2e_kg, x.co2e_kg, x.water_l]) {
      expect(Number.isFinite(v) && v >= 0, `${x.id}: ${v}`).toBe(true);
    }
  }
  return r;
}

const METRICS = ["energy_kwh", "operational_co2e_kg", "embodied_co2e_kg", "co2e_kg", "water_l"] as const;

function expectDoubled(base: ManifestReport, doubled: ManifestReport): void {
  for (const m of METRICS) {
    const want = 2 * base.totals![m];
    const got = doubled.totals![m];
    expect(Math.abs(got - want), `${m}: ${got} vs 2 × ${base.totals![m]}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(want), Number.MIN_VALUE));
    for (const [i, r] of base.runs.entries()) {
      const w = 2 * r[m];
      expect(Math.abs(doubled.runs[i]![m] - w), `${r.id}.${m}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(w), Number.MIN_VALUE));
    }
  }
}

describe("evaluate on arbitrary valid manifests", () => {
  it("never throws and gives finite, non-negative figures", async () => {
    await fc.assert(
      fc.asyncProperty(params, async (p) => void (await run(p))),
      { numRuns: 300 },
    );
  });

  it("doubling count doubles energy, operational and embodied CO2e and water", async () => {
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const base: Params = { ...p, form: "hours" };
        const doubled: Params = { ...base, count: p.count * 2, inference: p.inference && { ...p.inference, count: p.inference.count * 2 } };
        expectDoubled(await run(base), await run(doubled));
      }),
      { numRuns: 200 },
    );
  });

  it("doubling the duration (hours, gpu_hours or tokens) doubles every figure", async () => {
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const doubled: Params = {
          ...p,
          hours: p.hours * 2,
          tokens: p.tokens * 2,
          inference: p.inference && { ...p.inference, hours: (p.inference.hours ?? 8760) * 2 },
        };
        const base: Params = { ...p, inference: p.inference && { ...p.inference, hours: p.inference.hours ?? 8760 } };
        expectDoubled(await run(base), await run(doubled));
      }),
      { numRuns: 200 },
    );
  });

  it("doubling repeats doubles every figure", async () => {
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        expectDoubled(await run(p), await run({ ...p, repeats: p.repeats * 2 }));
      }),
      { numRuns: 200 },
    );
  });

  it("energy is monotone in PUE", async () => {
    await fc.assert(
      fc.asyncProperty(params, num(1, 3), num(1, 3), async (p, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rl = await run({ ...p, pue: lo });
        const rh = await run({ ...p, pue: hi });
        expect(rh.totals!.energy_kwh).toBeGreaterThanOrEqual(rl.totals!.energy_kwh);
        expect(rh.totals!.operational_co2e_kg).toBeGreaterThanOrEqual(rl.totals!.operational_co2e_kg);
        if (hi > lo * (1 + 1e-12)) expect(rh.totals!.energy_kwh).toBeGreaterThan(rl.totals!.energy_kwh);
        // Embodied carbon does not depend on the facility.
        expect(rh.totals!.embodied_co2e_kg).toBe(rl.totals!.embodied_co2e_kg);
      }),
      { numRuns: 200 },
    );
  });
});
