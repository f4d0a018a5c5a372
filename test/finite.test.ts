// Numbers are finite (docs/manifest-reference.md): every input is bounded to a physically meaningful range, so no
// figure of the report is NaN or infinite, and a budget is never passed by a value that is not a finite number.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBudgets } from "../src/budget.js";
import { diff } from "../src/diff.js";
import type { RunResult, Totals } from "../src/estimate/index.js";
import { evaluate } from "../src/evaluate.js";
import type { ManifestSource } from "../src/manifest/source.js";
import { FATAL_RULES } from "../src/findings.js";
import { PERIOD_HOURS } from "../src/period/index.js";
import { parseManifest } from "../src/manifest/parse.js";
import { renderMarkdown } from "../src/render/markdown.js";
import { renderText } from "../src/render/text.js";
import { buildReport, exitCode, type ManifestReport } from "../src/report.js";

const ROOT = join(import.meta.dirname, "..");
const msg = (re: RegExp) => expect.stringMatching(re) as unknown as string;
const HEAD = "version: 1\nproject: p\n";

const source = (text: string, files: Record<string, string> = {}, path = "footprint.yml"): ManifestSource => ({
  path,
  text,
  readRelative: async (rel) => (Object.hasOwn(files, rel) ? files[rel]! : null),
  exists: async (rel) => Object.hasOwn(files, rel),
});

async function check(text: string, files: Record<string, string> = {}, base?: string, baseFiles: Record<string, string> = {}) {
  const m = await evaluate(source(text, files), base === undefined ? null : source(base, baseFiles, "base.yml"));
  const report = buildReport([m]);
  return { m, report, code: exitCode(report, "error") };
}

/** Every number anywhere in a value that is not finite, with its path. */
function nonFinite(value: unknown, at = ""): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${at} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${at}[${i}]`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${at}.${k}`));
  return [];
}

const CSV_HEADER = "timestamp,run_id,duration,emissions,energy_consumed,pue\n";
const csv = (...rows: [runId: string, energyKwh: string, emissionsKg: string][]) =>
  CSV_HEADER + rows.map(([id, e, c]) => `2024-01-01T00:00:00,${id},3600,${c},${e},1.0\n`).join("");

describe("reproductions: figures that used to be infinite or NaN", () => {
  it("mfu: 1e-300 is refused with its allowed range (it gave infinite energy and passed)", async () => {
    const { m, code } = await check(
      `${HEAD}training:\n  - id: t\n    accelerator: h100\n    compute: { parameters: 1e15, tokens: 1e17, mfu: 1e-300 }\n    location: FR\n`,
    );
    expect(code).toBe(2);
    expect(m.status).toBe("unevaluated");
    expect(m.findings).toEqual([
      expect.objectContaining({ rule: "manifest/invalid", line: 6, column: 53, message: "training[0].compute.mfu: must be from 0.01 to 1 (got 1e-300)" }),
    ]);
  });

  it("increase_pct: 1e-297 is refused with its allowed range (its share of the increase overflowed to Infinity %)", async () => {
    const { m, code } = await check(
      `${HEAD}training:\n  - id: t\n    accelerator: h100\n    gpu_hours: 10\n    location: FR\nbudget:\n  increase_pct: 1e-297\n`,
    );
    expect(code).toBe(2);
    expect(m.findings).toEqual([
      expect.objectContaining({ rule: "manifest/invalid", line: 9, column: 17, message: "budget.increase_pct: must be 0 or from 0.01 to 1e6 (got 1e-297)" }),
    ]);
  });

  it("lifetime_years: 5e-324 is refused with its allowed range (it gave infinite embodied CO2e)", async () => {
    const { m, code } = await check(
      `${HEAD}training:\n  - id: t\n    accelerator: h100\n    count: 8\n    hours: 10\n    location: FR\n    embodied: { lifetime_years: 5e-324 }\n`,
    );
    expect(code).toBe(2);
    expect(m.findings).toEqual([
      expect.objectContaining({
        rule: "manifest/invalid",
        line: 9,
        column: 33,
        message: "training[0].embodied.lifetime_years: must be from 0.1 to 30 (got 5e-324)",
      }),
    ]);
  });

  it("carbon_intensity: 0 with an infinite energy no longer gives a NaN CO2e that passes budget.co2e_kg", async () => {
    // ∞ kWh × 0 g/kWh was NaN kg, shown as "NaN %" of the budget, and the gate passed.
    const { m, code } = await check(
      `${HEAD}training:\n  - id: t\n    accelerator: h100\n    compute: { parameters: 1e15, tokens: 1e17, mfu: 1e-300 }\n    carbon_intensity: 0\n    pue: 1\nbudget:\n  co2e_kg: 1\n`,
    );
    expect(code).toBe(2);
    expect(m.verdict).toBe("fail");
    expect(m.totals).toBeNull();
    expect(m.findings.map((f) => f.rule)).toEqual(["manifest/invalid"]);
    const out = renderText(buildReport([m])) + renderMarkdown(buildReport([m]));
    expect(out).not.toMatch(/NaN|Infinity|∞/);
  });

  it("carbon_intensity: 0 at the largest in-range plan gives a finite CO2e that the budget judges", async () => {
    const { m, code } = await check(
      `${HEAD}training:\n  - id: t\n    accelerator: nvidia-t4\n    compute: { parameters: 1e15, tokens: 1e17, mfu: 0.01 }\n    power_w: 1e4\n    repeats: 1e6\n    carbon_intensity: 0\n    pue: 3\n    embodied: { per_accelerator_kg: 1e5, lifetime_years: 0.1, lifetime_utilization: 0.01 }\nbudget:\n  co2e_kg: 1\n`,
    );
    expect(nonFinite(m)).toEqual([]);
    expect(m.totals!.operational_co2e_kg).toBe(0);
    expect(m.totals!.co2e_kg).toBeGreaterThan(1e20);
    expect(m.findings).toContainEqual(expect.objectContaining({ rule: "budget/co2e", severity: "error" }));
    expect(code).toBe(1);
  });

  it("other denormal inputs are refused, each with the allowed range", async () => {
    const cases: [string, string, RegExp][] = [
      ["training", "    count: 1\n    hours: 5e-324\n", /hours: must be from 1e-4 to 1e6 \(got 5e-324\)/],
      ["training", "    gpu_hours: 1e-300\n", /gpu_hours: must be from 1e-4 to 1e11/],
      ["training", "    gpu_hours: 1\n    power_w: 1e-300\n", /power_w: must be from 1 to 1e4/],
      ["training", "    gpu_hours: 1\n    utilization: 1e-300\n", /utilization: must be from 0\.001 to 1/],
      ["training", "    gpu_hours: 1\n    repeats: 1e-300\n", /repeats: must be from 0\.01 to 1e6/],
      ["training", "    gpu_hours: 1\n    carbon_intensity: 1e-300\n", /carbon_intensity: must be 0 or from 0\.001 to 2000/],
      ["training", "    gpu_hours: 1\n    embodied: { lifetime_utilization: 5e-324 }\n", /lifetime_utilization: must be from 0\.01 to 1/],
      ["training", "    gpu_hours: 1\n    embodied: { per_accelerator_kg: 1e-300 }\n", /per_accelerator_kg: must be 0 or from 0\.001 to 1e5/],
      ["training", "    compute: { parameters: 1e-300, tokens: 1 }\n", /parameters: must be from 1 to 1e15/],
      ["training", "    compute: { parameters: 1, tokens: 5e-324 }\n", /tokens: must be from 1 to 1e17/],
      ["training", "    measured: { energy_kwh: 5e-324 }\n", /energy_kwh: must be 0 or from 1e-6 to 1e10/],
      ["inference", "    requests: 1e-300\n    energy_per_request_wh: 1\n", /requests: must be from 1 to 1e18/],
      ["inference", "    requests: 1\n    energy_per_request_wh: 5e-324\n", /energy_per_request_wh: must be from 1e-6 to 1e6/],
      ["training", "    count: 20000000\n    hours: 1\n", /count: must be from 1 to 1e7 \(got 20000000\)/],
    ];
    for (const [kind, body, message] of cases) {
      const { m, code } = await check(`${HEAD}${kind}:\n  - id: t\n    accelerator: h100\n${body}    location: FR\n`);
      expect(code, body).toBe(2);
      expect(m.findings.map((f) => f.message).join("\n"), body).toMatch(message);
    }
    for (const [body, message] of [
      ["budget:\n  co2e_kg: 5e-324\n", /budget\.co2e_kg: must be from 0\.001 to 1e12/],
      ["budget:\n  run: { energy_kwh: 1e-300 }\n", /budget\.run\.energy_kwh: must be from 0\.001 to 1e12/],
      ["budget:\n  energy_kwh: 1\n  warn_at: 5e-324\n", /budget\.warn_at: must be from 0\.01 to 1/],
    ] as const) {
      const { m, code } = await check(`${HEAD}${body}`);
      expect(code, body).toBe(2);
      expect(m.findings.map((f) => f.message).join("\n"), body).toMatch(message);
    }
  });

  it("0 stays valid where it means none: measured energy, carbon intensity, embodied carbon", async () => {
    const { m, code } = await check(
      `${HEAD}training:\n  - id: t\n    accelerator: h100\n    gpu_hours: 10\n    carbon_intensity: 0\n    pue: 1\n    embodied: { per_accelerator_kg: 0 }\n    measured: { energy_kwh: 0 }\n`,
    );
    expect(code).toBe(0);
    expect(m.totals).toMatchObject({ energy_kwh: 0, co2e_kg: 0 });
  });

  it("the example manifests and the repository's own footprint.yml stay valid", async () => {
    const files = [
      "footprint.yml",
      ...readdirSync(join(ROOT, "examples")).flatMap((d) =>
        readdirSync(join(ROOT, "examples", d))
          // Manifests only: examples/ci/ holds CI pipeline files.
          .filter((f) => /^footprint(\.base)?\.yml$/.test(f))
          .map((f) => join("examples", d, f)),
      ),
    ];
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect((await parseManifest(readFileSync(join(ROOT, f), "utf8"), f)).findings, f).toEqual([]);
  });
});

describe("figures that no range can bound are errors, never silent NaN or ∞", () => {
  const MEASURED = (files: string, extra = "") =>
    `${HEAD}training:\n  - id: t\n    measured: { codecarbon: ${files} }\n    carbon_intensity: 100\n    pue: 1\n${extra}`;

  it("CodeCarbon rows that sum to infinity are refused (exit 2)", async () => {
    const { m, code } = await check(MEASURED("runs/e.csv"), { "runs/e.csv": csv(["a", "1e308", "1"], ["b", "1e308", "1"]) });
    expect(code).toBe(2);
    expect(m.findings).toContainEqual(
      expect.objectContaining({
        rule: "data/unreadable",
        line: 5,
        column: 29,
        message: "runs/e.csv: the `energy_consumed` figures sum to more than the largest number; this is not a real measurement",
      }),
    );
  });

  it("CodeCarbon files (one per rank) that sum to infinity are an estimate/non-finite error naming the entry and figures", async () => {
    const big = csv(["a", "1e308", "1e308"]);
    const { m, report, code } = await check(MEASURED("[r0.csv, r1.csv]", "budget:\n  energy_kwh: 1e12\n"), { "r0.csv": big, "r1.csv": big });
    expect(code).toBe(2);
    expect(m.status).toBe("unevaluated");
    const f = m.findings.find((x) => x.rule === "estimate/non-finite")!;
    expect(f).toMatchObject({ severity: "error", line: 4, column: 9 });
    expect(f.message).toMatch(/^entry `t`: energy_kwh, operational_co2e_kg, co2e_kg, water_l/);
    expect(FATAL_RULES.has("estimate/non-finite")).toBe(true);
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/"(energy_kwh|co2e_kg|water_l|share)":null/);
    expect(renderText(report) + renderMarkdown(report)).not.toMatch(/NaN|Infinity|∞|NaN %/);
  });

  it("a per-request figure that overflows (tiny measured energy, many requests) is an error naming it", async () => {
    const { m, code } = await check(
      `${HEAD}inference:\n  - id: api\n    requests: 1e18\n    measured: { codecarbon: e.csv }\n    carbon_intensity: 100\n    pue: 1\n`,
      { "e.csv": csv(["a", "1e-320", "0"]) },
    );
    expect(code).toBe(2);
    expect(m.findings).toContainEqual(
      expect.objectContaining({ rule: "estimate/non-finite", message: msg(/^entry `api`: per_request\.requests_per_kwh is not a finite number/) }),
    );
  });

  it("a change from a near-zero measured base that overflows the percentage is an error, not null or ∞", async () => {
    const text = (file: string) => `${HEAD}training:\n  - id: t\n    measured: { codecarbon: ${file} }\n    carbon_intensity: 100\n    pue: 1\n`;
    const { m, code } = await check(text("h.csv"), { "h.csv": csv(["a", "1e300", "1"]) }, text("b.csv"), { "b.csv": csv(["a", "1e-320", "0"]) });
    expect(code).toBe(2);
    const messages = m.findings.filter((f) => f.rule === "estimate/non-finite").map((f) => f.message);
    // One finding for the entry; the totals' change follows from it and is not repeated.
    expect(messages).toEqual([expect.stringMatching(/^entry `t`: delta\.energy_pct is not a finite number/)]);
  });

  it("a base whose figures are not finite is not compared (notice), and the head is judged alone", async () => {
    const big = csv(["a", "1e308", "1e308"]);
    const baseText = `${HEAD}training:\n  - id: t\n    measured: { codecarbon: [r0.csv, r1.csv] }\n    pue: 1\n    carbon_intensity: 1\n`;
    const { m, code } = await check(`${HEAD}training:\n  - id: t\n    gpu_hours: 10\n    accelerator: h100\n    location: FR\n`, {}, baseText, {
      "r0.csv": big,
      "r1.csv": big,
    });
    expect(code).toBe(0);
    expect(m.base).toBeNull();
    expect(m.findings).toContainEqual(expect.objectContaining({ rule: "base/unavailable", severity: "notice" }));
  });
});

describe("budgets are never passed by a value that is not a finite number", () => {
  const TEXT = `${HEAD}training:\n  - id: t\n    gpu_hours: 1\n    accelerator: h100\nbudget:\n  energy_kwh: 100\n  co2e_kg: 100\n  water_l: 100\n  run: { energy_kwh: 100, co2e_kg: 100 }\n  increase_pct: 10\n`;
  const setup = async () => {
    const p = await parseManifest(TEXT, "footprint.yml");
    expect(p.findings).toEqual([]);
    return { manifest: p.manifest!, locator: p.locator };
  };
  const totals = (v: number): Totals => ({ energy_kwh: v, operational_co2e_kg: v, embodied_co2e_kg: 0, co2e_kg: v, water_l: v });
  const run = (v: number) => ({ id: "t", kind: "training", path: ["training", 0], ...totals(v) }) as unknown as RunResult;

  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    it(`a ${bad} total or entry figure is a budget error, with no share recorded`, async () => {
      const { manifest, locator } = await setup();
      const r = checkBudgets(manifest, totals(bad), [run(bad)], totals(1), "footprint.yml", locator);
      expect(r.uses).toEqual([]);
      expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
        ["budget/energy", "error"],
        ["budget/co2e", "error"],
        ["budget/water", "error"],
        ["budget/run-energy", "error"],
        ["budget/run-co2e", "error"],
        ["budget/increase", "error"],
      ]);
      for (const f of r.findings) expect(f.message).toMatch(/not a finite number/);
    });
  }

  it("a base total that is not a finite number fails budget.increase_pct instead of passing", async () => {
    const { manifest, locator } = await setup();
    const r = checkBudgets(manifest, totals(1), [], totals(Number.NaN), "footprint.yml", locator);
    expect(r.findings).toEqual([expect.objectContaining({ rule: "budget/increase", severity: "error" })]);
  });

  it("a finite figure whose share of the budget overflows is an error, and every recorded share is finite", async () => {
    const p = await parseManifest(`${HEAD}budget:\n  energy_kwh: 0.001\n  co2e_kg: 1\n`, "footprint.yml");
    const r = checkBudgets(p.manifest!, totals(1e307), [], null, "footprint.yml", p.locator);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ["budget/energy", "error"],
      ["budget/co2e", "error"],
    ]);
    expect(r.uses.every((u) => Number.isFinite(u.share))).toBe(true);
  });

  it("a change between two finite figures always has a finite percentage, or null only from zero", () => {
    const figures = (v: number) => [{ id: "t", kind: "training" as const, basis: "estimated" as const, ...totals(v), per_request: null }];
    for (const [b, h] of [
      [0, 1],
      [1e-30, 1e36],
      [1e36, 1e-30],
      [0, 0],
    ] as const) {
      const d = diff(totals(b), figures(b), totals(h), figures(h));
      for (const v of [d.energy_pct, d.co2e_pct, d.runs[0]!.energy_pct, d.runs[0]!.co2e_pct]) {
        if (b === 0 && h !== 0) expect(v).toBeNull();
        else expect(Number.isFinite(v), `${b} → ${h}: ${v}`).toBe(true);
      }
    }
  });
});

describe("privacy exposure is finite", () => {
  it("differential privacy with the largest ε and δ gives p ≤ 1 and a finite R", async () => {
    for (const [epsilon, delta] of [
      [1000, 1],
      [1000, 0],
      [709.8, 0.5],
      [0, 1],
      [0, 0],
    ] as const) {
      const { m } = await check(
        `${HEAD}datasets:\n  - id: d\n    records: 1e15\n    personal_data: true\n    differential_privacy: { epsilon: ${epsilon}, delta: ${delta} }\n`,
      );
      const { p, expected_exposed_records: r } = m.datasets[0]!.exposure;
      expect(Number.isFinite(p) && p! >= 0 && p! <= 1, `ε ${epsilon}, δ ${delta}: p ${p}`).toBe(true);
      expect(Number.isFinite(r), `R ${r}`).toBe(true);
      expect(nonFinite(m)).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: manifests built from in-range extremes (the bounds of every field, and values between) are finite
// everywhere, in every output.

const between = (min: number, max: number) =>
  fc.oneof(
    fc.constantFrom(min, max),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((v) => v === 0 || Math.abs(v) >= 1e-300),
  );
const zeroOr = (min: number, max: number) => fc.oneof(fc.constant(0), between(min, max));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const int = (min: number, max: number) => fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));

// Extremes of the catalogue: the lowest and highest peak BF16 figure and TDP.
const ACCELERATORS = ["nvidia-t4", "nvidia-gb200-gpu", "nvidia-l4", "nvidia-b200", "nvidia-h100-sxm", "google-tpu-v3"];

const common = {
  accelerator: fc.constantFrom(...ACCELERATORS),
  power_w: opt(between(1, 1e4)),
  utilization: opt(between(0.001, 1)),
  pue: opt(between(1, 3)),
  carbon_intensity: opt(zeroOr(0.001, 2000)),
  location: opt(fc.constantFrom("FR", "aws:us-east-1", "gcp:us-central1", "SG")),
  repeats: opt(between(0.01, 1e6)),
  measured: opt(zeroOr(1e-6, 1e10)),
  embodied: opt(fc.record({ per_accelerator_kg: opt(zeroOr(0.001, 1e5)), lifetime_years: opt(between(0.1, 30)), lifetime_utilization: opt(between(0.01, 1)) })),
  budget: opt(
    fc.record({
      energy_kwh: opt(between(0.001, 1e12)),
      co2e_kg: opt(between(0.001, 1e12)),
      water_l: opt(between(0.001, 1e14)),
      increase_pct: opt(zeroOr(0.01, 1e6)),
    }),
  ),
};
const training = fc.record({
  ...common,
  one_off: opt(fc.boolean()),
  form: fc.oneof(
    fc.record({ count: int(1, 1e7), hours: between(1e-4, 1e6) }),
    fc.record({ gpu_hours: between(1e-4, 1e11) }),
    fc.record({ compute: fc.record({ parameters: between(1, 1e15), tokens: between(1, 1e17), mfu: opt(between(0.01, 1)) }) }),
  ),
});
const inference = fc.record({
  ...common,
  form: fc.oneof(
    fc.record({ count: int(1, 1e7), hours: opt(between(1e-4, 1e6)), requests: opt(between(1, 1e18)) }),
    fc.record({ requests: between(1, 1e18), energy_per_request_wh: between(1e-6, 1e6) }),
    // The throughput form: requests are a share (`fill`) of what the rate serves in the hours or the period, as
    // more is refused (a fleet that cannot carry them).
    fc.record({
      count: int(1, 1e7),
      hours: opt(between(1e-4, 1e6)),
      fill: opt(between(1e-12, 1)),
      throughput: fc.oneof(
        fc.record({ requests_per_second: between(1e-4, 1e9), tokens_per_request: opt(between(1, 1e8)) }),
        fc.record({ tokens_per_second: between(1e-3, 1e12), tokens_per_request: between(1, 1e8) }),
      ),
    }),
  ),
});
const dataset = fc.record({
  records: opt(between(0, 1e15)),
  personal_data: opt(fc.boolean()),
  differential_privacy: opt(fc.record({ epsilon: between(0, 1000), delta: opt(between(0, 1)) })),
  leak_probability: opt(between(0, 1)),
});
const budget = fc.record({
  energy_kwh: opt(between(0.001, 1e12)),
  co2e_kg: opt(between(0.001, 1e12)),
  water_l: opt(between(0.001, 1e14)),
  run: opt(fc.record({ energy_kwh: opt(between(0.001, 1e12)), co2e_kg: opt(between(0.001, 1e12)) })),
  increase_pct: opt(zeroOr(0.01, 1e6)),
  warn_at: opt(between(0.01, 1)),
});
const manifestArb = fc.record({
  training: fc.array(training, { minLength: 1, maxLength: 3 }),
  inference: fc.array(inference, { maxLength: 2 }),
  datasets: fc.array(dataset, { maxLength: 2 }),
  budget: opt(budget),
  period: opt(fc.constantFrom("month" as const, "quarter" as const, "year" as const)),
  privacy: opt(fc.record({ max_epsilon: opt(between(0, 1000)), max_exposed_records: opt(between(0, 1e15)) })),
});
type Generated = typeof manifestArb extends fc.Arbitrary<infer T> ? T : never;

/** JSON is YAML 1.2; undefined keys are dropped. */
function yaml(g: Generated): string {
  const entry = (prefix: string) => (e: Generated["training"][number] | Generated["inference"][number], i: number) => {
    const { form, measured, embodied, ...rest } = e;
    const requestForm = "energy_per_request_wh" in form;
    const { fill, ...stated } = form as typeof form & { fill?: number };
    const fields: Record<string, unknown> = { id: `${prefix}${i}`, ...stated, ...rest };
    if (fill !== undefined && "throughput" in form) {
      const tp = form.throughput;
      const rate = "tokens_per_second" in tp ? tp.tokens_per_second / tp.tokens_per_request : tp.requests_per_second;
      const requests = fill * rate * 3600 * (form.hours ?? PERIOD_HOURS[g.period ?? "year"]);
      if (requests >= 1 && requests <= 1e18) fields.requests = requests;
    }
    if (requestForm) {
      // The request form takes no fleet fields.
      delete fields.accelerator;
      delete fields.power_w;
      delete fields.utilization;
    }
    if (measured !== undefined) fields.measured = { energy_kwh: measured };
    if (embodied !== undefined) fields.embodied = embodied;
    return fields;
  };
  const doc = {
    version: 1,
    project: "extremes",
    training: g.training.map(entry("t")),
    inference: g.inference.length > 0 ? g.inference.map(entry("i")) : undefined,
    datasets: g.datasets.length > 0 ? g.datasets.map((d, i) => ({ id: `d${i}`, ...d })) : undefined,
    budget: g.budget,
    period: g.period,
    policy: g.privacy ? { privacy: g.privacy } : undefined,
  };
  return JSON.stringify(doc);
}

function expectFinite(m: ManifestReport, text: string): void {
  expect(m.status, `${text}\n${JSON.stringify(m.findings)}`).toBe("evaluated");
  expect(nonFinite(m), text).toEqual([]);
  // Nothing turns into null on the way to JSON.
  expect(JSON.parse(JSON.stringify(m)), text).toEqual(m);
  // A percentage is null only for a change from zero.
  if (m.delta) {
    if (m.delta.energy_pct === null) expect(m.base.totals.energy_kwh).toBe(0);
    if (m.delta.co2e_pct === null) expect(m.base.totals.co2e_kg).toBe(0);
    for (const r of m.delta.runs) {
      if (r.energy_pct === null) expect(r.base === null || r.base.energy_kwh === 0, r.id).toBe(true);
      if (r.co2e_pct === null) expect(r.base === null || r.base.co2e_kg === 0, r.id).toBe(true);
    }
  }
  // A budget passes only a finite value within it; every value over it is an error.
  for (const u of m.budget) {
    expect(Number.isFinite(u.share) && Number.isFinite(u.value), JSON.stringify(u)).toBe(true);
    if (u.status !== "over") expect(u.value).toBeLessThanOrEqual(u.limit);
    else expect(m.verdict).toBe("fail");
  }
  const report = buildReport([m]);
  for (const out of [renderText(report), renderMarkdown(report), JSON.stringify(report, null, 2)]) {
    expect(out, text).not.toMatch(/NaN|Infinity|∞/);
  }
  expect(renderText(report) + renderMarkdown(report), text).not.toMatch(/\bnull\b/);
}

describe("property: in-range extremes give finite figures in every output", () => {
  it("every number of the report is finite, survives JSON, and no output shows NaN, Infinity, ∞ or null", async () => {
    await fc.assert(
      fc.asyncProperty(manifestArb, async (g) => {
        const text = yaml(g);
        expectFinite(await evaluate(source(text), null), text);
      }),
      { numRuns: 150 },
    );
  });

  it("the same holds for base → head comparisons of extreme manifests", async () => {
    await fc.assert(
      fc.asyncProperty(manifestArb, manifestArb, async (b, h) => {
        const text = yaml(h);
        const m = await evaluate(source(text), source(yaml(b), {}, "base.yml"));
        expect(m.base, text).not.toBeNull();
        expectFinite(m, text);
      }),
      { numRuns: 100 },
    );
  });

  it("a value below a field's floor (denormals included) is refused with the allowed range", async () => {
    const FIELDS: [string, number][] = [
      ["hours", 1e-4],
      ["power_w", 1],
      ["utilization", 0.001],
      ["repeats", 0.01],
      ["carbon_intensity", 0.001],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), async ([field, min], scale) => {
        const v = min * scale * 0.999;
        fc.pre(v > 0 && v < min);
        const fields = field === "hours" ? `    hours: ${v}\n` : `    hours: 1\n    ${field}: ${v}\n`;
        const { m, code } = await check(`${HEAD}training:\n  - id: t\n    accelerator: h100\n    count: 1\n${fields}    location: FR\n`);
        expect(code).toBe(2);
        expect(m.findings[0]!.message).toMatch(new RegExp(`${field}: must be (0 or )?from [0-9.e-]+ to [0-9.e]+ \\(got `));
      }),
      { numRuns: 100 },
    );
  });
});

describe("model card figures are finite", () => {
  it("a co2_eq_emissions figure too large to be a number is not a number of grams (never infinity or null)", async () => {
    for (const figure of ['"1e400"', '"1e300 mt"', "1e999"]) {
      const card = `---\nco2_eq_emissions:\n  emissions: ${figure}\n---\n# Card\n`;
      const { m, code } = await check(`${HEAD}training:\n  - id: t\n    accelerator: h100\n    gpu_hours: 10\n    location: FR\nmodel_card: CARD.md\n`, {
        "CARD.md": card,
      });
      expect(code, figure).toBe(0);
      expect(nonFinite(m), figure).toEqual([]);
      expect(m.model_card).toMatchObject({ disclosure: "unreadable", disclosed_g: null, difference_pct: null });
      expect(m.findings).toContainEqual(expect.objectContaining({ rule: "transparency/emissions-disclosure", message: msg(/is not a number of grams/) }));
    }
  });
});
