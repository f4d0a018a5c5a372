// Inference efficiency (docs/methodology.md, inference): the throughput form, per-request figures for every
// inference entry, their base → head change, and the notice of the compute form's default MFU.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaults } from "../src/catalogue/index.js";
import { evaluate } from "../src/evaluate.js";
import type { ManifestSource } from "../src/manifest/source.js";
import { renderText } from "../src/render/text.js";
import { buildReport, reportJson, runAssumptions, type ManifestReport } from "../src/report.js";
import { parseReport } from "../src/report-schema.js";
import { cli } from "./cli-harness.js";

const source = (text: string): ManifestSource => ({ path: "footprint.yml", text, readRelative: async () => null, exists: async () => false });
const report = (text: string, base?: string): Promise<ManifestReport> => evaluate(source(text), base === undefined ? null : source(base));
// FR: 1.2 PUE stated, so only the grid figure comes from the catalogue.
const HEAD = "version: 1\nproject: p\ndefaults: { location: FR, pue: 1.2 }\n";
const H100 = 700; // W, catalogue TDP of nvidia-h100-sxm
const L4 = 72; // W, catalogue TDP of nvidia-l4

function near(actual: number | null | undefined, expected: number, what = ""): void {
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

async function onlyRun(text: string) {
  const m = await report(text);
  expect(
    m.findings.filter((f) => f.severity === "error"),
    JSON.stringify(m.findings),
  ).toEqual([]);
  expect(m.runs).toHaveLength(1);
  return { m, run: m.runs[0]! };
}

const entry = (lines: string) => `${HEAD}inference:\n  - id: api\n${lines}`;

describe("inference throughput form", () => {
  it("with requests, energy = requests ÷ rate × count × power × utilization, at the sourced default of 0.7", async () => {
    const { m, run } = await onlyRun(
      entry("    accelerator: nvidia-h100-sxm\n    count: 8\n    throughput: { requests_per_second: 20 }\n    requests: 3.6e6\n"),
    );
    const busy = 3.6e6 / 20 / 3600; // 50 h
    near(run.inputs.wall_clock_hours, busy);
    near(run.inputs.accelerator_hours, 8 * busy);
    expect(run.inputs.utilization).toBe(0.7);
    near(run.inputs.it_kwh, (8 * busy * H100 * 0.7) / 1000);
    near(run.energy_kwh, ((8 * busy * H100 * 0.7) / 1000) * 1.2);
    const util = runAssumptions(m, run).find((a) => a.name === "utilization")!;
    expect(util.source).toBe(defaults.throughput_utilization.source);
    expect(util.source).toContain("Epoch AI");
    expect(util.year).toBe(2025);
    expect(run.per_request).toMatchObject({ requests: 3.6e6, requests_basis: "stated", j_per_token: null, reason: null });
    near(run.per_request!.energy_wh, (run.energy_kwh * 1000) / 3.6e6);
  });

  it("tokens_per_second ÷ tokens_per_request is the request rate, and the tokens give J per token", async () => {
    const tokens = await onlyRun(
      entry("    accelerator: nvidia-h100-sxm\n    count: 8\n    throughput: { tokens_per_second: 12000, tokens_per_request: 600 }\n    requests: 3.6e6\n"),
    );
    const requests = await onlyRun(entry("    accelerator: nvidia-h100-sxm\n    count: 8\n    throughput: { requests_per_second: 20 }\n    requests: 3.6e6\n"));
    near(tokens.run.energy_kwh, requests.run.energy_kwh);
    near(tokens.run.per_request!.j_per_token, (tokens.run.per_request!.energy_wh! * 3600) / 600);
  });

  it("tokens_per_request with requests_per_second gives J per token too", async () => {
    const { run } = await onlyRun(
      entry("    accelerator: nvidia-l4\n    count: 1\n    throughput: { requests_per_second: 2, tokens_per_request: 300 }\n    requests: 7200\n"),
    );
    near(run.per_request!.j_per_token, (run.energy_kwh * 3.6e6) / 7200 / 300);
  });

  it("with hours and no requests, the fleet serves rate × hours requests, and per-request figures come from the rate", async () => {
    const { run } = await onlyRun(entry("    accelerator: nvidia-l4\n    count: 4\n    hours: 720\n    throughput: { requests_per_second: 40 }\n"));
    near(run.inputs.accelerator_hours, 4 * 720);
    near(run.inputs.it_kwh, (4 * 720 * L4 * 0.7) / 1000);
    expect(run.per_request).toMatchObject({ requests_basis: "throughput", reason: null });
    near(run.per_request!.requests, 40 * 3600 * 720);
    near(run.per_request!.energy_wh, (run.energy_kwh * 1000) / (40 * 3600 * 720));
  });

  it("without hours or requests, the fleet serves for the default year and says so", async () => {
    const { m, run } = await onlyRun(entry("    accelerator: nvidia-l4\n    count: 1\n    throughput: { requests_per_second: 5 }\n"));
    near(run.inputs.accelerator_hours, 8760);
    near(run.per_request!.requests, 5 * 3600 * 8760);
    expect(renderText(buildReport([m]))).toContain("api: no hours given: one year (8,760 h) of service assumed");
  });

  it("a stated utilization replaces the default", async () => {
    const { run } = await onlyRun(
      entry("    accelerator: nvidia-l4\n    count: 1\n    utilization: 0.9\n    throughput: { requests_per_second: 1 }\n    requests: 3600\n"),
    );
    expect(run.inputs.utilization).toBe(0.9);
    near(run.inputs.it_kwh, (1 * L4 * 0.9) / 1000);
  });

  it("requests within hours are fine; the period is the time the requests keep the fleet busy", async () => {
    const { m, run } = await onlyRun(
      entry("    accelerator: nvidia-l4\n    count: 2\n    hours: 100\n    throughput: { requests_per_second: 10 }\n    requests: 360000\n"),
    );
    near(run.inputs.wall_clock_hours, 10);
    expect(renderText(buildReport([m]))).toContain(
      "api: at 10 requests/s the requests keep the fleet busy 10 h (20 accelerator-hours); idle time is not counted",
    );
  });

  it("requests the rate cannot serve within hours are an error at requests, naming the time they need", async () => {
    const m = await report(entry("    accelerator: nvidia-l4\n    count: 2\n    hours: 10\n    throughput: { requests_per_second: 1 }\n    requests: 72000\n"));
    expect(m.status).toBe("unevaluated");
    const f = m.findings.find((x) => x.rule === "manifest/invalid")!;
    expect(f.message).toBe(
      "72,000 requests at 1 requests/s keep the fleet busy 20 h, more than its hours (10 h): the fleet cannot serve them. It would take count: 4 (each accelerator at its present rate), a sustained rate of 2 requests/s or 20 h of service",
    );
    expect(f).toMatchObject({ line: 10, column: 5 });
  });

  it("capacity: without hours the fleet must serve its requests in the period, and the error says the fleet, rate and hours it would take, never to drop hours", async () => {
    // 2 × L4 at 1,200 tokens/s and 400 tokens per request is 3 requests/s: some 259,000 a day, not 1,000,000.
    const fleet = "    accelerator: nvidia-l4\n    count: 2\n    throughput: { tokens_per_second: 1200, tokens_per_request: 400 }\n";
    const year = await report(entry(`${fleet}    requests: 3.65e8\n`));
    expect(year.status).toBe("unevaluated");
    const message = year.findings.find((x) => x.rule === "manifest/invalid")!.message;
    expect(message).toMatch(/^365,000,000 requests at 3 requests\/s keep the fleet busy 33,800 h, more than the period, one year \(8,760 h\)/);
    expect(message).toContain("count: 8 ");
    expect(message).toContain("a sustained rate of 11.6 requests/s");
    expect(message).toContain("33,800 h of service");
    expect(message).not.toMatch(/drop hours/);
    // A month's requests in a month; the same requests in a year would fit.
    const month = await report(entry(`${fleet}    requests: 3e7\n`).replace("version: 1\n", "version: 1\nperiod: month\n"));
    expect(month.findings.find((x) => x.rule === "manifest/invalid")?.message).toMatch(/more than the period, one month \(730 h\).*count: 8 /);
    expect((await report(entry(`${fleet}    requests: 3e7\n`))).status).toBe("evaluated");
  });

  it.each([
    [
      "both rates",
      "{ requests_per_second: 1, tokens_per_second: 10, tokens_per_request: 10 }",
      "give one rate in throughput: requests_per_second or tokens_per_second (found both)",
    ],
    ["no rate", "{ tokens_per_request: 10 }", "throughput needs requests_per_second, or tokens_per_second with tokens_per_request"],
    [
      "a token rate without tokens per request",
      "{ tokens_per_second: 10 }",
      "tokens_per_second needs tokens_per_request, to turn the token rate into requests",
    ],
  ])("%s is refused with a message that says what to write", async (_name, value, message) => {
    const m = await report(entry(`    accelerator: nvidia-l4\n    count: 1\n    throughput: ${value}\n`));
    expect(m.status).toBe("unevaluated");
    expect(m.findings.map((f) => [f.rule, f.message])).toEqual([["manifest/invalid", message]]);
  });

  it("the request form and the throughput form cannot be combined", async () => {
    const m = await report(entry("    energy_per_request_wh: 0.3\n    requests: 1000\n    throughput: { requests_per_second: 1 }\n"));
    expect(m.findings.map((f) => f.message)).toContain(
      "energy_per_request_wh (request form) cannot be combined with throughput (throughput form); keep one form",
    );
  });

  it("throughput needs the fleet it describes: accelerator and count", async () => {
    const m = await report(entry("    accelerator: nvidia-l4\n    throughput: { requests_per_second: 1 }\n    requests: 1000\n"));
    expect(m.findings.map((f) => f.message)).toContain(
      "an inference entry needs accelerator and count (fleet form) or energy_per_request_wh and requests (request form)",
    );
  });

  it.each([
    ["requests_per_second: 0", "throughput.requests_per_second: must be from 1e-4 to 1e9 (got 0)"],
    ["requests_per_second: 1e10", "throughput.requests_per_second: must be from 1e-4 to 1e9 (got 10000000000)"],
    ["tokens_per_second: -5, tokens_per_request: 10", "throughput.tokens_per_second: must be from 0.001 to 1e12 (got -5)"],
    ["tokens_per_second: 10, tokens_per_request: 0.5", "throughput.tokens_per_request: must be from 1 to 1e8 (got 0.5)"],
    ["requests_per_second: 5e-324", "throughput.requests_per_second: must be from 1e-4 to 1e9 (got 5e-324)"],
  ])("%s is out of range, and the message states the range", async (value, message) => {
    const m = await report(entry(`    accelerator: nvidia-l4\n    count: 1\n    throughput: { ${value} }\n`));
    expect(m.status).toBe("unevaluated");
    expect(m.findings.map((f) => f.message)).toEqual([`inference[0].${message}`]);
  });

  it("the most extreme rates and counts the schema allows keep every figure finite", async () => {
    for (const lines of [
      "    accelerator: nvidia-b200\n    count: 10000000\n    power_w: 10000\n    hours: 1e6\n    throughput: { requests_per_second: 1e-4 }\n    requests: 3.6e5\n    repeats: 1e6\n",
      "    accelerator: nvidia-l4\n    count: 1\n    throughput: { tokens_per_second: 1e12, tokens_per_request: 1 }\n    requests: 1\n",
      "    accelerator: nvidia-l4\n    count: 1\n    hours: 1e6\n    throughput: { requests_per_second: 1e9, tokens_per_request: 1e8 }\n",
    ]) {
      const m = await report(entry(lines));
      expect(m.status, JSON.stringify(m.findings)).toBe("evaluated");
      const json = reportJson(buildReport([m]));
      expect(json).not.toMatch(/NaN|Infinity/);
      for (const v of Object.values(m.runs[0]!.per_request!)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    }
  });
});

describe("per-request figures of every inference entry", () => {
  it("a fleet without requests or throughput has null figures with the reason; the text output says it", async () => {
    const { m, run } = await onlyRun(entry("    accelerator: nvidia-l4\n    count: 2\n    hours: 1000\n"));
    expect(run.per_request).toEqual({
      requests: null,
      requests_basis: null,
      energy_wh: null,
      co2e_g_per_1000: null,
      water_ml: null,
      requests_per_kwh: null,
      j_per_token: null,
      reason: "no request count; give requests, or throughput (the fleet's sustained rate)",
    });
    expect(renderText(buildReport([m]))).toContain(
      "api: per-request figures unknown: no request count; give requests, or throughput (the fleet's sustained rate)",
    );
  });

  it("the fleet form with requests keeps its utilization of 0.5 and its figures, and gains water per request", async () => {
    const { run } = await onlyRun(entry("    accelerator: nvidia-l4\n    count: 2\n    hours: 1000\n    requests: 1e6\n"));
    expect(run.inputs.utilization).toBe(0.5);
    near(run.inputs.it_kwh, (2000 * L4 * 0.5) / 1000);
    near(run.per_request!.energy_wh, (run.energy_kwh * 1000) / 1e6);
    near(run.per_request!.water_ml, (run.water_l * 1000) / 1e6);
    expect(run.per_request!.j_per_token).toBeNull();
  });

  it("training entries have no per-request figures", async () => {
    const m = await report(`${HEAD}training:\n  - id: t\n    accelerator: nvidia-l4\n    count: 1\n    hours: 1\n`);
    expect(m.runs[0]!.per_request).toBeNull();
  });

  it("the text output lists energy, requests per kWh, CO2e per 1,000, water and J per token", async () => {
    const { m } = await onlyRun(
      entry("    accelerator: nvidia-h100-sxm\n    count: 8\n    throughput: { tokens_per_second: 12000, tokens_per_request: 600 }\n    requests: 3.6e6\n"),
    );
    expect(renderText(buildReport([m]))).toMatch(
      /api: [\d.]+ Wh per request, [\d,]+ requests per kWh, [\d.]+ g CO2e per 1,000 requests, [\d.]+ mL water per request, [\d.]+ J per token\n/,
    );
  });

  it("the JSON report carries them and reads back; a report from before them still reads", async () => {
    const { m } = await onlyRun(
      entry("    accelerator: nvidia-l4\n    count: 4\n    hours: 720\n    throughput: { requests_per_second: 40, tokens_per_request: 250 }\n"),
    );
    const json = reportJson(buildReport([m]));
    const back = parseReport(json);
    expect(back.manifests[0]!.runs[0]!.per_request).toEqual(m.runs[0]!.per_request);
    const old = JSON.parse(json) as { manifests: { runs: { per_request: unknown }[] }[] };
    old.manifests[0]!.runs[0]!.per_request = { energy_wh: 1, requests_per_kwh: 1000, co2e_g_per_1000: 2 };
    expect(parseReport(JSON.stringify(old)).manifests[0]!.runs[0]!.per_request).toEqual({
      energy_wh: 1,
      requests_per_kwh: 1000,
      co2e_g_per_1000: 2,
      requests: null,
      requests_basis: null,
      water_ml: null,
      j_per_token: null,
      reason: null,
    });
  });

  it("per-request figures × requests give the entry's energy, CO2e and water, whatever the form", async () => {
    const between = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const form = fc.oneof(
      fc.record({
        accelerator: fc.constantFrom("nvidia-l4", "nvidia-h100-sxm", "nvidia-b200"),
        count: fc.integer({ min: 1, max: 1e4 }),
        hours: opt(between(1e-4, 1e5)),
        requests: between(1, 1e12),
      }),
      fc.record({ requests: between(1, 1e12), energy_per_request_wh: between(1e-6, 1e3) }),
      fc.record({
        accelerator: fc.constantFrom("nvidia-l4", "nvidia-h100-sxm"),
        count: fc.integer({ min: 1, max: 1e4 }),
        hours: opt(between(1, 1e5)),
        throughput: fc.oneof(
          fc.record({ requests_per_second: between(1e-4, 1e6), tokens_per_request: opt(between(1, 1e5)) }),
          fc.record({ tokens_per_second: between(1e-3, 1e8), tokens_per_request: between(1, 1e5) }),
        ),
      }),
    );
    const common = fc.record({
      repeats: opt(between(0.01, 1e3)),
      utilization: opt(between(0.001, 1)),
      location: fc.constantFrom("FR", "aws:us-east-1", "gcp:us-central1", "SG"),
      pue: opt(between(1, 3)),
    });
    await fc.assert(
      fc.asyncProperty(form, common, async (f, c) => {
        const e: Record<string, unknown> = { id: "api", ...f, ...c };
        if ("energy_per_request_wh" in f) delete e.utilization;
        const m = await report(JSON.stringify({ version: 1, project: "p", inference: [e] }));
        const run = m.runs[0];
        if (!run) {
          // Only requests beyond what the rate serves in the stated hours are refused.
          expect(m.findings.map((x) => x.message).join("\n")).toMatch(/more than hours/);
          return;
        }
        const p = run.per_request!;
        expect(p.reason).toBeNull();
        const n = p.requests!;
        const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300));
        close((p.energy_wh! * n) / 1000, run.energy_kwh);
        close((p.co2e_g_per_1000! * n) / 1e6, run.co2e_kg);
        close((p.water_ml! * n) / 1000, run.water_l);
        if (run.energy_kwh > 0) close(p.requests_per_kwh! * run.energy_kwh, n);
      }),
      { numRuns: 300 },
    );
  });
});

describe("per-request change from base to head", () => {
  const fleet = (rate: number, extra = "") =>
    entry(`    accelerator: nvidia-h100-sxm\n    count: 8\n    throughput: { requests_per_second: ${rate} }\n    requests: 3.6e6\n${extra}`);

  it("a faster serving stack makes each request cheaper, and the delta and text output say by how much", async () => {
    const m = await report(fleet(25), fleet(20));
    const d = m.delta!.runs.find((r) => r.id === "api")!;
    expect(d.change).toBe("changed");
    near(d.per_request_energy_pct, -20);
    expect(d.per_request_co2e_pct).not.toBeNull();
    expect(d.per_request_co2e_pct!).toBeLessThan(0);
    expect(renderText(buildReport([m]))).toMatch(/api: each request uses 20\.0 % less energy than on the base \(CO2e per request −\d+\.\d %\)/);
    expect(parseReport(reportJson(buildReport([m]))).manifests[0]!.delta!.runs[0]!.per_request_energy_pct).toBeCloseTo(-20, 9);
  });

  it("serving more requests with the same fleet changes the entry though its totals stay", async () => {
    const base = entry("    accelerator: nvidia-l4\n    count: 2\n    hours: 100\n    requests: 1e6\n");
    const head = entry("    accelerator: nvidia-l4\n    count: 2\n    hours: 100\n    requests: 2e6\n");
    const m = await report(head, base);
    const d = m.delta!.runs[0]!;
    expect(d.energy_pct).toBe(0);
    expect(d.change).toBe("changed");
    near(d.per_request_energy_pct, -50);
    expect(renderText(buildReport([m]))).toContain("api: each request uses 50.0 % less energy than on the base");
  });

  it("is null when either side has no request count, and unchanged entries say nothing", async () => {
    const noCount = entry("    accelerator: nvidia-l4\n    count: 2\n    hours: 100\n");
    const withCount = entry("    accelerator: nvidia-l4\n    count: 2\n    hours: 100\n    requests: 1e6\n");
    expect((await report(withCount, noCount)).delta!.runs[0]!.per_request_energy_pct).toBeNull();
    const same = await report(withCount, withCount);
    expect(same.delta!.runs[0]!).toMatchObject({ change: "unchanged", per_request_energy_pct: 0 });
    expect(renderText(buildReport([same]))).not.toContain("each request");
  });
});

describe("compute form: the default MFU is stated", () => {
  const compute = (mfu: string) =>
    `${HEAD}training:\n  - id: p\n    accelerator: nvidia-h100-sxm\n    count: 64\n    compute: { parameters: 1e9, tokens: 1e11${mfu} }\n`;

  it("compute without mfu raises the notice data/default-mfu at compute, and the assumption carries the source", async () => {
    const m = await report(compute(""));
    expect(m.findings.map((f) => [f.rule, f.severity])).toEqual([["data/default-mfu", "notice"]]);
    expect(m.findings[0]!.message).toContain("compute has no mfu, so 0.4 is assumed");
    expect(m.findings[0]).toMatchObject({ line: 8, column: 5 });
    const mfu = runAssumptions(m, m.runs[0]!).find((a) => a.name === "mfu")!;
    expect(mfu).toMatchObject({ value: 0.4, source: defaults.mfu.source, year: defaults.mfu.year });
    expect(m.verdict).toBe("pass");
  });

  it("a stated mfu raises no notice", async () => {
    const m = await report(compute(", mfu: 0.35"));
    expect(m.findings).toEqual([]);
  });
});

describe("the built CLI on a throughput-form manifest (test/fixtures/comments/inference-throughput)", () => {
  const dir = "test/fixtures/comments/inference-throughput";

  it("reports per-request figures in JSON, and each request's change against the base in text", () => {
    const json = cli(["check", `${dir}/footprint.yml`, "--base", `${dir}/footprint.base.yml`, "--format", "json"]);
    expect(json.status, json.stderr).toBe(0);
    const m = parseReport(json.stdout).manifests[0]!;
    const chat = m.runs.find((r) => r.id === "chat-api")!;
    // 12,000 tokens/s ÷ 600 tokens = 20 requests/s; 3e8 requests keep 8 H100s (700 W, × 0.7) busy 4,166.7 h; AWS PUE 1.135.
    const energy = (((8 * 3e8) / 20 / 3600) * 700 * 0.7 * 1.135) / 1000;
    near(chat.energy_kwh, energy, "chat-api energy");
    expect(chat.per_request).toMatchObject({ requests: 3e8, requests_basis: "stated", reason: null });
    near(chat.per_request!.energy_wh, (energy * 1000) / 3e8, "Wh per request");
    near(chat.per_request!.j_per_token, (energy * 3.6e6) / 3e8 / 600, "J per token");
    // The base served 9,600 tokens/s: the same requests take 25 % longer there, so each costs 20 % less now.
    near(m.delta!.runs.find((d) => d.id === "chat-api")!.per_request_energy_pct, -20, "per-request change");
    const rerank = m.runs.find((r) => r.id === "rerank")!;
    expect(rerank.per_request).toMatchObject({ requests: 40 * 3600 * 720, requests_basis: "throughput" });
    expect(m.runs.find((r) => r.id === "batch-eval")!.per_request!.energy_wh).toBeNull();

    const text = cli(["check", `${dir}/footprint.yml`, "--base", `${dir}/footprint.base.yml`]);
    expect(text.stdout).toContain("chat-api: each request uses 20.0 % less energy than on the base (CO2e per request −20.0 %)");
    expect(text.stdout).toContain(
      "chat-api: 0.0618 Wh per request, 16,200 requests per kWh, 27.3 g CO2e per 1,000 requests, 0.198 mL water per request, 0.371 J per token",
    );
  });
});
