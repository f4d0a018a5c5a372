// The CLI as users and CI run it: `node dist/cli.js …` (docs/cli.md). Every case spawns the built CLI.
import { beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { cli, git, ROOT, tempFolders } from "./cli-harness.js";

// ---- report types (what the tests read) ----
interface Totals {
  energy_kwh: number;
  operational_co2e_kg: number;
  embodied_co2e_kg: number;
  co2e_kg: number;
  water_l: number;
}
interface Run extends Totals {
  id: string;
  kind: "training" | "inference";
  basis: "estimated" | "measured";
  inputs: { accelerator: string | null; accelerator_hours: number | null; power_w: number | null; pue: number; carbon_intensity: number; it_kwh: number };
  planned?: (Totals & { drift_energy_pct: number | null }) | null;
  per_request?: { energy_wh: number } | null;
}
interface Finding {
  rule: string;
  severity: "error" | "warning" | "notice";
  message: string;
  file: string;
  line: number;
  column: number;
}
interface RunDelta {
  id: string;
  change: "added" | "removed" | "changed" | "unchanged";
  energy_kwh: number;
  energy_pct: number | null;
}
interface ManifestJson {
  path: string;
  project: string | null;
  verdict: "pass" | "warn" | "fail";
  removed: boolean;
  totals: Totals | null;
  runs: Run[];
  datasets: { id: string; exposure: { p: number | null; records: number | null; expected_exposed_records: number | null } }[];
  base: { path: string; totals: Totals; runs: (Totals & { id: string })[] } | null;
  delta: { energy_kwh: number; energy_pct: number | null; co2e_kg: number; co2e_pct: number | null; runs: RunDelta[] } | null;
  findings: Finding[];
}
interface ReportJson {
  schema: string;
  verdict: "pass" | "warn" | "fail";
  manifests: ManifestJson[];
}

function json(args: string[], cwd = ROOT): { status: number | null; report: ReportJson; stderr: string } {
  const r = cli([...args, "--format", "json"], cwd);
  let report: ReportJson;
  try {
    report = JSON.parse(r.stdout) as ReportJson;
  } catch {
    throw new Error(`stdout is not a JSON report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return { status: r.status, report, stderr: r.stderr };
}

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}
/** Within 0.1 %. */
function near(actual: number | null | undefined, expected: number, what = ""): void {
  expect(actual, what).not.toBeNull();
  expect(actual, what).toBeTypeOf("number");
  expect(relErr(actual!, expected), `${what}: ${actual} vs expected ${expected}`).toBeLessThan(1e-3);
}

const { folder, write } = tempFolders("footprint-cli-");

/** A one-entry training manifest: gpu_hours × power_w / 1000 × pue = energy; intensity in g/kWh. */
function training(opts: { id?: string; gpuHours?: number; powerW?: number; pue?: number; intensity?: number; location?: string; extra?: string } = {}): string {
  const lines = [
    "version: 1",
    "project: cli-test",
    "training:",
    `  - id: ${opts.id ?? "run-a"}`,
    "    accelerator: nvidia-a100-80gb-sxm",
    `    gpu_hours: ${opts.gpuHours ?? 1000}`,
    ...(opts.powerW !== undefined ? [`    power_w: ${opts.powerW}`] : []),
    ...(opts.location !== undefined ? [`    location: ${opts.location}`] : []),
    ...(opts.pue !== undefined ? [`    pue: ${opts.pue}`] : []),
    ...(opts.intensity !== undefined ? [`    carbon_intensity: ${opts.intensity}`] : []),
  ];
  return lines.join("\n") + "\n" + (opts.extra ?? "");
}

// ------------------------------------------------------------------------------------------------
describe("exit codes", () => {
  it("0 when the gate passes", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR" }));
    const r = cli(["check", "footprint.yml"], d);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/verdict: PASS/);
  });

  it("uses footprint.yml in the current folder when no manifest is given", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR" }));
    const { status, report } = json(["check"], d);
    expect(status).toBe(0);
    expect(report.manifests.map((m) => m.path)).toEqual(["footprint.yml"]);
  });

  it("0 with warnings (no location anywhere → data/location-missing)", () => {
    const d = folder();
    write(d, "footprint.yml", training());
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(0);
    expect(report.verdict).toBe("warn");
    expect(report.manifests[0]!.findings.map((f) => [f.rule, f.severity])).toEqual([["data/location-missing", "warning"]]);
  });

  it("no location warning for an entry that states its own carbon_intensity and pue", () => {
    const d = folder();
    write(d, "footprint.yml", training({ pue: 1.2, intensity: 300 }));
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(0);
    expect(report.verdict).toBe("pass");
  });

  it("1 when a budget is exceeded", () => {
    const d = folder();
    // 1000 h × 400 W × PUE 1.1 = 440 kWh > 400 kWh
    write(d, "footprint.yml", training({ location: "FR", pue: 1.1, extra: "budget:\n  energy_kwh: 400\n" }));
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(1);
    expect(report.verdict).toBe("fail");
    const f = report.manifests[0]!.findings.find((x) => x.rule === "budget/energy");
    expect(f?.severity).toBe("error");
    expect(f?.line).toBe(10); // the `energy_kwh: 400` line of the budget
  });

  it("a budget share over warn_at is a warning, not a failure", () => {
    const d = folder();
    // 440 kWh of 500 kWh = 88 % ≥ 80 %
    write(d, "footprint.yml", training({ location: "FR", pue: 1.1, extra: "budget:\n  energy_kwh: 500\n" }));
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(0);
    expect(report.manifests[0]!.findings.map((f) => [f.rule, f.severity])).toEqual([["budget/energy", "warning"]]);
  });

  it("2 for an invalid manifest (unknown key, bad value)", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR", extra: "budgets:\n  energy_kwh: 5\n" }));
    const r = cli(["check", "footprint.yml"], d);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("manifest/invalid");
    expect(r.stdout).toContain("budgets");
  });

  it("2 for YAML that does not parse", () => {
    const d = folder();
    write(d, "footprint.yml", "version: 1\nproject: [unclosed\n");
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(2);
    expect(report.manifests[0]!.findings[0]!.rule).toBe("manifest/invalid");
  });

  it("2 for an unknown accelerator, naming the three closest catalogue ids", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR" }).replace("nvidia-a100-80gb-sxm", "nvidia-p200"));
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(2);
    const f = report.manifests[0]!.findings.find((x) => x.rule === "data/unknown-accelerator");
    expect(f).toBeDefined();
    expect(f!.severity).toBe("error");
    expect([f!.line, f!.column]).toEqual([5, 18]);
    const ids = f!.message
      .slice(f!.message.lastIndexOf(":") + 1)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it("2 for an unknown location", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "aws:us-east-9" }));
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(2);
    const f = report.manifests[0]!.findings.find((x) => x.rule === "data/unknown-location");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("aws:us-east-1");
  });

  it("2 for a missing manifest file, reported as a finding naming it", () => {
    const d = folder();
    const r = cli(["check", "nope.yml"], d);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("nope.yml:1:1");
    expect(r.stdout).toContain("manifest/unreadable");
    expect(r.stderr).toBe("");
  });

  it.each([
    ["bad --format", ["check", "footprint.yml", "--format", "xml"], "--format"],
    ["bad --fail-on", ["check", "footprint.yml", "--fail-on", "sometimes"], "--fail-on"],
    ["unknown command", ["frobnicate"], "frobnicate"],
    ["--base with --base-ref", ["check", "footprint.yml", "--base", "footprint.yml", "--base-ref", "HEAD"], "--base"],
    ["unknown option", ["check", "footprint.yml", "--bogus"], "--bogus"],
    ["--base with two manifests", ["check", "footprint.yml", "footprint.yml", "--base", "footprint.yml"], "--base"],
    ["no command", [], "Usage"],
  ])("2 for a usage error: %s", (_name, args, mention) => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR" }));
    const r = cli(args, d);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain(mention);
  });

  it("--fail-on warning turns a warning into exit 1", () => {
    const d = folder();
    write(d, "footprint.yml", training());
    expect(cli(["check", "footprint.yml", "--fail-on", "warning"], d).status).toBe(1);
    expect(cli(["check", "footprint.yml", "--fail-on", "error"], d).status).toBe(0);
  });

  it("--fail-on warning still exits 0 for a clean pass", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR" }));
    expect(cli(["check", "footprint.yml", "--fail-on", "warning"], d).status).toBe(0);
  });

  it("--fail-on never exits 0 on a budget failure (the report still says fail)", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR", pue: 1.1, extra: "budget:\n  energy_kwh: 400\n" }));
    const { status, report } = json(["check", "footprint.yml", "--fail-on", "never"], d);
    expect(status).toBe(0);
    expect(report.verdict).toBe("fail");
  });

  it("--fail-on never still exits 2 on an invalid manifest", () => {
    const d = folder();
    write(d, "footprint.yml", "version: 2\nproject: x\n");
    expect(cli(["check", "footprint.yml", "--fail-on", "never"], d).status).toBe(2);
  });

  it("several manifests: the worst verdict wins and an invalid one makes it 2", () => {
    const d = folder();
    write(d, "a.yml", training({ location: "FR" }));
    write(d, "b.yml", training({ location: "FR", pue: 1.1, extra: "budget:\n  energy_kwh: 400\n" }));
    write(d, "c.yml", "version: 1\n");
    const ab = json(["check", "a.yml", "b.yml"], d);
    expect(ab.status).toBe(1);
    expect(ab.report.verdict).toBe("fail");
    expect(ab.report.manifests.map((m) => [m.path, m.verdict])).toEqual([
      ["a.yml", "pass"],
      ["b.yml", "fail"],
    ]);
    expect(json(["check", "a.yml", "c.yml"], d).status).toBe(2);
  });
});

// ------------------------------------------------------------------------------------------------
const FULL_MANIFEST = `version: 1
project: shape-test
defaults:
  location: FR
  pue: 1.2
training:
  - id: pretrain
    accelerator: nvidia-a100-80gb-sxm
    count: 8
    hours: 10
inference:
  - id: api
    accelerator: nvidia-l4
    count: 2
    hours: 100
datasets:
  - id: dp-data
    records: 1000000
    personal_data: true
    anonymization: pseudonymized
    encryption: { at_rest: true, in_transit: true }
    differential_privacy: { epsilon: 1, delta: 1e-6 }
    license: CC-BY-4.0
    documentation: https://example.org/datasheet
  - id: raw-data
    records: 500
    personal_data: true
    anonymization: none
    encryption: { at_rest: true, in_transit: true }
    license: proprietary
    documentation: https://example.org/raw
  - id: declared
    records: 2000
    leak_probability: 0.01
    license: MIT
    documentation: https://example.org/declared
  - id: public
    records: 10
    license: MIT
    documentation: https://example.org/public
budget:
  energy_kwh: 100000
policy:
  privacy: { require_anonymization: false }
`;

function expectNumber(v: unknown, what: string): void {
  expect(typeof v, what).toBe("number");
  expect(Number.isFinite(v as number), what).toBe(true);
}
function expectTotals(t: unknown, what: string): void {
  expect(t, what).toBeTypeOf("object");
  for (const k of ["energy_kwh", "operational_co2e_kg", "embodied_co2e_kg", "co2e_kg", "water_l"])
    expectNumber((t as Record<string, unknown>)[k], `${what}.${k}`);
}
function expectFinding(f: unknown): void {
  const o = f as Record<string, unknown>;
  expect(Object.keys(o).sort()).toEqual(["column", "file", "line", "message", "rule", "severity"]);
  expect(o.rule).toBeTypeOf("string");
  expect(["error", "warning", "notice"]).toContain(o.severity);
  expect(o.message).toBeTypeOf("string");
  expect((o.message as string).length).toBeGreaterThan(0);
  expect(o.file).toBeTypeOf("string");
  expect(Number.isInteger(o.line) && (o.line as number) >= 1).toBe(true);
  expect(Number.isInteger(o.column) && (o.column as number) >= 1).toBe(true);
}

describe("--format json", () => {
  it("prints every field of the JSON report; base and delta are null without a base", () => {
    const d = folder();
    write(d, "footprint.yml", FULL_MANIFEST);
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(0);
    expect(report.schema).toBe("footprint-gate/report@1");
    expect(["pass", "warn", "fail"]).toContain(report.verdict);
    expect(report.manifests).toHaveLength(1);
    const m = report.manifests[0]! as unknown as Record<string, unknown>;
    for (const k of ["path", "project", "verdict", "totals", "runs", "datasets", "base", "delta", "findings"]) expect(m, k).toHaveProperty(k);
    expect(m.path).toBe("footprint.yml");
    expect(m.project).toBe("shape-test");
    expect(["pass", "warn", "fail"]).toContain(m.verdict);
    expectTotals(m.totals, "totals");
    expect(Object.keys(m.totals as object).sort()).toEqual(["co2e_kg", "embodied_co2e_kg", "energy_kwh", "operational_co2e_kg", "water_l"]);
    expect(m.base).toBeNull();
    expect(m.delta).toBeNull();

    const runs = m.runs as Record<string, unknown>[];
    expect(runs.map((r) => [r.id, r.kind, r.basis])).toEqual([
      ["pretrain", "training", "estimated"],
      ["api", "inference", "estimated"],
    ]);
    for (const r of runs) {
      expectTotals(r, `run ${String(r.id)}`);
      const inputs = r.inputs as Record<string, unknown>;
      expect(inputs.accelerator).toBeTypeOf("string");
      for (const k of ["accelerator_hours", "power_w", "pue", "carbon_intensity"]) expectNumber(inputs[k], `inputs.${k}`);
    }
    // pretrain: 8 × 10 h × 400 W = 32 kWh IT × 1.2 = 38.4 kWh; FR grid from the catalogue.
    const pre = report.manifests[0]!.runs[0]!;
    expect(pre.inputs).toMatchObject({ accelerator: "nvidia-a100-80gb-sxm", accelerator_hours: 80, power_w: 400, pue: 1.2 });
    near(pre.energy_kwh, 38.4, "pretrain energy");
    near(pre.operational_co2e_kg, (38.4 * pre.inputs.carbon_intensity) / 1000, "pretrain operational");
    // api: 2 × 100 h × 72 W × 0.5 (inference default) = 7.2 kWh IT × 1.2 = 8.64 kWh.
    const api = report.manifests[0]!.runs[1]!;
    expect(api.inputs).toMatchObject({ accelerator: "nvidia-l4", accelerator_hours: 200, power_w: 72, pue: 1.2 });
    near(api.energy_kwh, 8.64, "api energy");
    // totals are the sums of the entries
    near(report.manifests[0]!.totals!.energy_kwh, 38.4 + 8.64, "total energy");
    near(report.manifests[0]!.totals!.co2e_kg, pre.co2e_kg + api.co2e_kg, "total co2e");

    for (const f of m.findings as unknown[]) expectFinding(f);
  });

  it("reports dataset exposure R = p × D with the documented p", () => {
    const d = folder();
    write(d, "footprint.yml", FULL_MANIFEST);
    const { report } = json(["check", "footprint.yml"], d);
    const ds = report.manifests[0]!.datasets;
    expect(ds.map((x) => x.id)).toEqual(["dp-data", "raw-data", "declared", "public"]);
    for (const x of ds) {
      expect(x.exposure).toHaveProperty("p");
      expect(x.exposure).toHaveProperty("records");
      expect(x.exposure).toHaveProperty("expected_exposed_records");
    }
    // (ε, δ)-DP: p = (e^ε − 1 + 2δ) / (e^ε + 1)
    const p = (Math.E - 1 + 2e-6) / (Math.E + 1);
    near(ds[0]!.exposure.p, p, "dp p");
    expect(ds[0]!.exposure.records).toBe(1e6);
    near(ds[0]!.exposure.expected_exposed_records, p * 1e6, "dp R");
    // personal data, anonymization none: p = 1
    expect(ds[1]!.exposure).toMatchObject({ p: 1, records: 500, expected_exposed_records: 500 });
    // declared leak probability
    expect(ds[2]!.exposure.p).toBe(0.01);
    near(ds[2]!.exposure.expected_exposed_records, 20, "declared R");
    // nothing known: p unknown
    expect(ds[3]!.exposure).toMatchObject({ p: null, records: 10, expected_exposed_records: null });
  });

  it("with a base: base {totals, runs} and delta {energy_kwh, energy_pct, co2e_kg, co2e_pct}", () => {
    const d = folder();
    write(d, "base.yml", FULL_MANIFEST);
    write(d, "footprint.yml", FULL_MANIFEST.replace("count: 8", "count: 16"));
    const { status, report } = json(["check", "footprint.yml", "--base", "base.yml"], d);
    expect(status).toBe(0);
    const m = report.manifests[0]!;
    expect(m.base).not.toBeNull();
    expectTotals(m.base!.totals, "base.totals");
    expect(Array.isArray(m.base!.runs)).toBe(true);
    expect(m.base!.runs.map((r) => r.id)).toEqual(["pretrain", "api"]);
    expect(m.delta).not.toBeNull();
    for (const k of ["energy_kwh", "energy_pct", "co2e_kg", "co2e_pct"] as const) expectNumber(m.delta![k], `delta.${k}`);
    // pretrain doubles: +38.4 kWh over a base of 47.04 kWh
    near(m.delta!.energy_kwh, 38.4, "delta energy");
    near(m.delta!.energy_pct, (38.4 / 47.04) * 100, "delta energy pct");
    near(m.delta!.co2e_kg, m.totals!.co2e_kg - m.base!.totals.co2e_kg, "delta co2e");
    near(m.delta!.co2e_pct, (m.delta!.co2e_kg / m.base!.totals.co2e_kg) * 100, "delta co2e pct");
  });

  it("an invalid manifest still prints the report with all its findings and their positions (exit 2)", () => {
    const d = folder();
    write(
      d,
      "footprint.yml",
      [
        "version: 1",
        "project: p",
        "trainin:",
        "  - id: a",
        "training:",
        "  - id: b",
        "    accelerator: nvidia-a100-80gb-sxm",
        "    gpu_hours: -5",
        "    hourss: 3",
        "",
      ].join("\n"),
    );
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(2);
    expect(report.schema).toBe("footprint-gate/report@1");
    expect(report.verdict).toBe("fail");
    const m = report.manifests[0]!;
    expect(m.path).toBe("footprint.yml");
    expect(m.verdict).toBe("fail");
    for (const f of m.findings) expectFinding(f);
    const found = m.findings.map((f) => [f.rule, f.file, f.line, f.column]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["manifest/invalid", "footprint.yml", 3, 1], // trainin
        ["manifest/invalid", "footprint.yml", 8, 16], // gpu_hours: -5
        ["manifest/invalid", "footprint.yml", 9, 5], // hourss
      ]),
    );
    expect(m.findings).toHaveLength(3);
    expect(m.findings.find((f) => f.line === 3)!.message).toContain("training"); // did you mean
  });

  it("a duplicate entry id is invalid (ids key the base→head diff)", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR" }) + "  - id: run-a\n    accelerator: nvidia-l4\n    gpu_hours: 5\n");
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(2);
    const f = report.manifests[0]!.findings.find((x) => x.message.includes("duplicate"));
    expect(f?.rule).toBe("manifest/invalid");
    expect(f?.line).toBe(8);
  });
});

// ------------------------------------------------------------------------------------------------
describe("--base-ref (a real git repository)", () => {
  // ml/footprint.yml committed with entries keep (400 kWh), same (40 kWh), gone (200 kWh) and meas (CodeCarbon
  // 100 kWh); then in the work tree keep grows to 1200 h, gone is removed, fresh is added and the CSV says 300 kWh.
  const manifest = (entries: [string, number][]) =>
    [
      "version: 1",
      "project: git-test",
      "defaults: { pue: 1.0 }",
      "training:",
      ...entries.flatMap(([id, h]) => [`  - id: ${id}`, "    accelerator: nvidia-a100-80gb-sxm", `    gpu_hours: ${h}`, "    carbon_intensity: 100"]),
      "  - id: meas",
      "    accelerator: nvidia-a100-80gb-sxm",
      "    carbon_intensity: 100",
      "    measured: { codecarbon: runs/emissions.csv }",
      "",
    ].join("\n");
  const csv = (kwh: number, kg: number) => `timestamp,run_id,energy_consumed,emissions\n2024-01-01T00:00:00,r1,${kwh},${kg}\n`;

  let repo: string;
  beforeAll(() => {
    repo = folder();
    git(repo, "init", "-q", ".");
    write(
      repo,
      "ml/footprint.yml",
      manifest([
        ["keep", 1000],
        ["same", 100],
        ["gone", 500],
      ]),
    );
    write(repo, "ml/runs/emissions.csv", csv(100, 40));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "base");
    write(
      repo,
      "ml/footprint.yml",
      manifest([
        ["keep", 1200],
        ["same", 100],
        ["fresh", 100],
      ]),
    );
    write(repo, "ml/runs/emissions.csv", csv(300, 120));
    write(repo, "ml/new.yml", training({ location: "FR" }));
  });

  it("compares with the manifest at the ref: added, removed, changed, unchanged entries and energy_pct", () => {
    const { status, report } = json(["check", "ml/footprint.yml", "--base-ref", "HEAD"], repo);
    expect(status).toBe(0);
    const m = report.manifests[0]!;
    expect(m.base).not.toBeNull();
    // base: keep 400 + same 40 + gone 200 + meas 100 = 740 kWh; head: keep 480 + same 40 + fresh 40 + meas 300 = 860
    near(m.base!.totals.energy_kwh, 740, "base energy");
    near(m.totals!.energy_kwh, 860, "head energy");
    near(m.delta!.energy_kwh, 120, "delta energy");
    near(m.delta!.energy_pct, (120 / 740) * 100, "delta energy pct");
    const changes = Object.fromEntries(m.delta!.runs.map((r) => [r.id, r.change]));
    expect(changes).toEqual({ keep: "changed", same: "unchanged", fresh: "added", meas: "changed", gone: "removed" });
    const keep = m.delta!.runs.find((r) => r.id === "keep")!;
    near(keep.energy_pct, 20, "keep pct");
    const gone = m.delta!.runs.find((r) => r.id === "gone")!;
    near(gone.energy_kwh, -200, "gone delta");
  });

  it("reads the measured.codecarbon file at the ref for the base", () => {
    const { report } = json(["check", "ml/footprint.yml", "--base-ref", "HEAD"], repo);
    const m = report.manifests[0]!;
    const baseMeas = m.base!.runs.find((r) => r.id === "meas")!;
    const headMeas = m.runs.find((r) => r.id === "meas")!;
    expect(headMeas.basis).toBe("measured");
    near(baseMeas.energy_kwh, 100, "base measured energy (committed CSV)");
    near(baseMeas.operational_co2e_kg, 40, "base measured CO2e (committed CSV)");
    near(headMeas.energy_kwh, 300, "head measured energy (work-tree CSV)");
    near(m.delta!.runs.find((r) => r.id === "meas")!.energy_pct, 200, "meas pct");
  });

  it("works from a subfolder of the repository", () => {
    const { status, report } = json(["check", "footprint.yml", "--base-ref", "HEAD"], join(repo, "ml"));
    expect(status).toBe(0);
    near(report.manifests[0]!.base!.totals.energy_kwh, 740, "base energy");
  });

  it("a manifest that does not exist at the ref has no base", () => {
    const { status, report } = json(["check", "ml/new.yml", "--base-ref", "HEAD"], repo);
    expect(status).toBe(0);
    expect(report.manifests[0]!.base).toBeNull();
    expect(report.manifests[0]!.delta).toBeNull();
  });

  it.each(["no-such-branch", "HEAD~5", "0123456789abcdef0123456789abcdef01234567"])("a bad ref (%s) exits 2 with a clear message", (ref) => {
    const r = cli(["check", "ml/footprint.yml", "--base-ref", ref], repo);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--base-ref");
    expect(r.stderr).toContain(ref);
    expect(r.stdout).toBe("");
  });

  it("a manifest moved since the ref (git mv, edited) is compared with its old path, from a subfolder too", () => {
    const d = folder();
    git(d, "init", "-q", ".");
    write(d, "models/footprint.yml", training({ gpuHours: 100, location: "FR" }));
    git(d, "add", "-A");
    git(d, "commit", "-q", "-m", "base");
    mkdirSync(join(d, "serving"));
    git(d, "mv", "models/footprint.yml", "serving/footprint.yml");
    write(d, "serving/footprint.yml", training({ gpuHours: 1000, location: "FR" }));
    for (const [cwd, path] of [
      [d, "serving/footprint.yml"],
      [join(d, "serving"), "./footprint.yml"],
    ] as const) {
      const { status, report } = json(["check", path, "--base-ref", "HEAD"], cwd);
      expect(status).toBe(0);
      const m = report.manifests[0]!;
      expect([m.path, m.base?.path]).toEqual([path, `${path === "./footprint.yml" ? "../models" : "models"}/footprint.yml@HEAD`]);
      near(m.delta!.energy_pct, 900, "moved energy pct");
      expect(m.findings.map((f) => f.rule)).toContain("base/manifest-moved");
      expect(m.findings.map((f) => f.rule)).not.toContain("base/new-manifest");
    }
  });

  it("a named manifest deleted since the ref is a base/manifest-removed warning; --fail-on warning fails", () => {
    const d = folder();
    git(d, "init", "-q", ".");
    write(d, "footprint.yml", training({ location: "FR" }));
    git(d, "add", "-A");
    git(d, "commit", "-q", "-m", "base");
    git(d, "rm", "-q", "footprint.yml");
    const { status, report } = json(["check", "--base-ref", "HEAD"], d);
    expect(status).toBe(0);
    expect(report.manifests.map((m) => [m.path, m.removed, m.verdict, m.findings.map((f) => f.rule)])).toEqual([
      ["footprint.yml", true, "warn", ["base/manifest-removed"]],
    ]);
    expect(cli(["check", "--base-ref", "HEAD", "--fail-on", "warning"], d).status).toBe(1);
  });

  it("outside a git repository, --base-ref gives a base/unavailable notice and the head is judged alone", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR" }));
    const r = cli(["check", "footprint.yml", "--base-ref", "HEAD"], d);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/base\/unavailable +--base-ref HEAD: no git repository here/);
  });
});

// ------------------------------------------------------------------------------------------------
describe("check --format markdown prints the body a host can take", () => {
  const manifest10k = () =>
    [
      "version: 1",
      "project: big",
      "training:",
      ...Array.from({ length: 10_000 }, (_, i) => `  - { id: e${i}, accelerator: nvidia-l4, count: 1, hours: ${1 + (i % 7)}, location: aws:us-east-1 }`),
      "",
    ].join("\n");

  it("10,000 entries: the fitted comment (at most 65,536 characters, the marker first), or within --max-chars", () => {
    const d = folder();
    write(d, "footprint.yml", manifest10k());
    const fitted = cli(["check", "--format", "markdown"], d);
    expect(fitted.status).toBe(0);
    expect(Buffer.byteLength(fitted.stdout)).toBeLessThanOrEqual(65_536);
    expect(fitted.stdout).toMatch(/^<!-- footprint-gate:v1 -->\n## 🌱 footprint-gate: /);
    const wider = cli(["check", "--format", "markdown", "--max-chars", "1000000"], d);
    expect(Buffer.byteLength(wider.stdout)).toBeGreaterThan(Buffer.byteLength(fitted.stdout));
    expect(Buffer.byteLength(wider.stdout)).toBeLessThanOrEqual(1_000_000);
    const narrow = cli(["check", "--format", "markdown", "--max-chars", "5000"], d);
    expect(Buffer.byteLength(narrow.stdout)).toBeLessThanOrEqual(5000);
    expect(narrow.stdout).toMatch(/^<!-- footprint-gate:v1 -->\n## 🌱 footprint-gate: /);
  });

  it.each(["10", "1e6", "4095.5", "many"])("--max-chars %s is a usage error (exit 2)", (n) => {
    const r = cli(["check", "--format", "markdown", "--max-chars", n], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--max-chars must be a whole number of characters, at least 4096");
  });
});

// ------------------------------------------------------------------------------------------------
describe("zero-energy base", () => {
  const files = () => {
    const d = folder();
    // The base entry measured nothing; the head estimates 10 h × 400 W = 4 kWh.
    write(d, "base.yml", "version: 1\nproject: p\ntraining:\n  - id: run-a\n    measured: { energy_kwh: 0 }\n    pue: 1.0\n    carbon_intensity: 100\n");
    write(d, "footprint.yml", training({ gpuHours: 10, pue: 1.0, intensity: 100 }));
    return d;
  };

  it("gives energy_pct null (not 0, not Infinity) for the total and the entry", () => {
    const d = files();
    const { status, report } = json(["check", "footprint.yml", "--base", "base.yml"], d);
    expect(status).toBe(0);
    const m = report.manifests[0]!;
    expect(m.base!.totals.energy_kwh).toBe(0);
    expect(m.delta!.energy_pct).toBeNull();
    near(m.delta!.energy_kwh, 4, "delta energy");
    const run = m.delta!.runs.find((r) => r.id === "run-a")!;
    expect(run.change).toBe("changed");
    expect(run.energy_pct).toBeNull();
  });

  it("the text format says new for the total and for the entry", () => {
    const d = files();
    const r = cli(["check", "footprint.yml", "--base", "base.yml"], d);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    const total = lines.find((l) => /^\s*total\s/.test(l));
    expect(total).toBeDefined();
    expect(total).toContain("new");
    const row = lines.find((l) => /^\s*run-a\s/.test(l));
    expect(row).toBeDefined();
    // The entry went from 0 kWh to 4 kWh: that is not "±0 %".
    expect(row).not.toContain("±0 %");
    expect(row).toContain("new");
  });
});

// ------------------------------------------------------------------------------------------------
describe("budget.increase_pct", () => {
  // gpu_hours × 1000 W / 1000 × PUE 1 = gpu_hours kWh exactly.
  const pair = (base: number, head: number, pct: number) => {
    const d = folder();
    const extra = `budget:\n  increase_pct: ${pct}\n`;
    write(d, "base.yml", training({ gpuHours: base, powerW: 1000, pue: 1.0, intensity: 100, extra }));
    write(d, "footprint.yml", training({ gpuHours: head, powerW: 1000, pue: 1.0, intensity: 100, extra }));
    return json(["check", "footprint.yml", "--base", "base.yml"], d);
  };

  it.each([
    [1000, 1100, 10],
    [100, 115, 15],
    [200, 260, 30],
    [100, 107, 7],
    [500, 500, 0],
  ])("passes at exactly the percentage: %d kWh → %d kWh with increase_pct %d", (base, head, pct) => {
    const { status, report } = pair(base, head, pct);
    expect(report.manifests[0]!.findings.filter((f) => f.rule === "budget/increase")).toEqual([]);
    expect(status).toBe(0);
  });

  it.each([
    [1000, 1101, 10],
    [100, 116, 15],
    [500, 501, 0],
  ])("fails (exit 1, budget/increase) above it: %d kWh → %d kWh with increase_pct %d", (base, head, pct) => {
    const { status, report } = pair(base, head, pct);
    expect(status).toBe(1);
    const f = report.manifests[0]!.findings.filter((x) => x.rule === "budget/increase");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.line).toBe(11); // `increase_pct:` in the budget
  });

  it("is not checked without a base", () => {
    const d = folder();
    write(d, "footprint.yml", training({ pue: 1.0, intensity: 100, extra: "budget:\n  increase_pct: 0\n" }));
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(0);
    expect(report.manifests[0]!.findings).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe("measured.codecarbon paths are confined to the repository", () => {
  // TMP/case-N/outside.csv holds a valid CodeCarbon file with a tell-tale 12345 kWh; the repository is
  // TMP/case-N/repo (git init) and the manifest lives in repo/ml/.
  let base: string;
  let repo: string;
  beforeAll(() => {
    base = folder();
    repo = join(base, "repo");
    mkdirSync(repo);
    git(repo, "init", "-q", ".");
    write(base, "outside.csv", "timestamp,run_id,energy_consumed,emissions\n2024-01-01,r1,12345,6789\n");
    write(repo, "shared/inside.csv", "timestamp,run_id,energy_consumed,emissions\n2024-01-01,r1,12,3\n");
    mkdirSync(join(repo, "ml"), { recursive: true });
    symlinkSync(join("..", "..", "outside.csv"), join(repo, "ml", "link.csv"));
    symlinkSync(join(base, "outside.csv"), join(repo, "ml", "abs-link.csv"));
    symlinkSync(base, join(repo, "ml", "dir-link"));
  });

  const manifestWith = (path: string) =>
    [
      "version: 1",
      "project: p",
      "training:",
      "  - id: run-a",
      "    accelerator: nvidia-a100-80gb-sxm",
      "    gpu_hours: 10",
      "    pue: 1.0",
      "    carbon_intensity: 100",
      "    measured:",
      `      codecarbon: ${JSON.stringify(path)}`,
      "",
    ].join("\n");

  it("reads a file elsewhere inside the repository (control: the measured figures do arrive)", () => {
    write(repo, "ml/footprint.yml", manifestWith("../shared/inside.csv"));
    const { status, report } = json(["check", "ml/footprint.yml"], repo);
    expect(status).toBe(0);
    const run = report.manifests[0]!.runs[0]!;
    expect(run.basis).toBe("measured");
    near(run.energy_kwh, 12, "measured energy");
  });

  it.each([
    ["../../outside.csv", () => "../../outside.csv"],
    ["../../etc/passwd", () => "../../etc/passwd"],
    ["an absolute path", () => join(base, "outside.csv")],
    ["/etc/passwd", () => "/etc/passwd"],
    ["a relative symlink pointing outside", () => "link.csv"],
    ["an absolute symlink pointing outside", () => "abs-link.csv"],
    ["a path through a symlinked folder pointing outside", () => "dir-link/outside.csv"],
  ])("refuses %s with a finding and never reads it", (_name, path) => {
    const p = path();
    write(repo, "ml/footprint.yml", manifestWith(p));
    const r = cli(["check", "ml/footprint.yml", "--format", "json"], repo);
    const report = JSON.parse(r.stdout) as ReportJson;
    const m = report.manifests[0]!;
    const f = m.findings.find((x) => x.severity === "error" && x.message.includes(p));
    expect(f, JSON.stringify(m.findings)).toBeDefined();
    expect(f!.message).toMatch(/outside the repository|absolute paths are not allowed/);
    expect([f!.file, f!.line, f!.column]).toEqual(["ml/footprint.yml", 10, 19]);
    // Never read: the outside file's 12345 kWh / 6789 kg appear nowhere.
    expect(r.stdout).not.toContain("12345");
    expect(r.stdout).not.toContain("6789");
    expect(r.stdout).not.toMatch(/root:x?:0:0/);
    for (const run of m.runs) expect(run.basis).not.toBe("measured");
    // The gate does not pass.
    expect(report.verdict).toBe("fail");
    expect(r.status).not.toBe(0);
  });

  it("a refused path means the manifest cannot be evaluated: exit 2, also with --fail-on never (docs/cli.md)", () => {
    write(repo, "ml/footprint.yml", manifestWith("../../etc/passwd"));
    expect(cli(["check", "ml/footprint.yml"], repo).status).toBe(2);
    // Otherwise a measurement that cannot be read is silently replaced by the plan and the gate passes.
    expect(cli(["check", "ml/footprint.yml", "--fail-on", "never"], repo).status).toBe(2);
  });
});

// ------------------------------------------------------------------------------------------------
// Catalogue figures used below (data/*.json): A100-80GB SXM 400 W, H100 SXM 700 W (989 TFLOPS BF16),
// L4 72 W, A10 150 W; GCP PUE 1.10 / WUE 1.06 (derived), AWS PUE 1.135 / WUE 0.12, Azure PUE 1.185 / WUE 0.27;
// zones NL 253, FI 68, US-MIDA-PJM (aws:us-east-1) 418, FR 31 gCO2e/kWh. docs/methodology.md defaults: WUE 1.8, EWIF 3.1 L/kWh;
// embodied per accelerator class (H100 SXM 593.5, A100 SXM4 80 GB 357.7, L4 71.2 kg) over 6 years at 85 % use.
const PER_HOUR = 1 / (6 * 8760 * 0.85);
const H100_KG = 593.5;
const A100_KG = 357.7;
const L4_KG = 71.2;
const EWIF = 3.1;
const WUE_DEFAULT = 1.8;

function example(name: string) {
  const dir = `examples/${name}`;
  return json(["check", `${dir}/footprint.yml`, "--base", `${dir}/footprint.base.yml`]);
}
const runOf = (m: ManifestJson, id: string) => {
  const r = m.runs.find((x) => x.id === id);
  expect(r, `entry ${id}`).toBeDefined();
  return r!;
};
const deltaOf = (m: ManifestJson, id: string) => {
  const r = m.delta!.runs.find((x) => x.id === id);
  expect(r, `delta of ${id}`).toBeDefined();
  return r!;
};

describe("bundled examples (with their base manifests)", () => {
  it("llm-pretraining: passes; pretrain-7b and pretrain-13b by hand", () => {
    const { status, report } = example("llm-pretraining");
    expect(status).toBe(0);
    const m = report.manifests[0]!;
    expect(m.verdict).toBe("pass");
    expect(m.findings).toEqual([]);

    // pretrain-7b: 256 × 240 h = 61,440 H100-hours × 700 W = 43,008 kWh IT × PUE 1.10 (gcp:europe-west4, NL 253 g)
    const p7 = runOf(m, "pretrain-7b");
    expect(p7.inputs.accelerator).toBe("nvidia-h100-sxm");
    expect(p7.inputs.accelerator_hours).toBe(61440);
    near(p7.energy_kwh, 43008 * 1.1, "pretrain-7b energy");
    near(p7.operational_co2e_kg, (43008 * 1.1 * 253) / 1000, "pretrain-7b operational");
    near(p7.embodied_co2e_kg, 61440 * H100_KG * PER_HOUR, "pretrain-7b embodied");
    near(p7.co2e_kg, (43008 * 1.1 * 253) / 1000 + 61440 * H100_KG * PER_HOUR, "pretrain-7b co2e");

    // pretrain-13b: 6 × 13e9 × 2e12 FLOPs / (989e12 × 0.38) / 3600 H100-hours; gcp:europe-north1 (FI 68 g)
    const h13 = (6 * 13e9 * 2e12) / (989e12 * 0.38) / 3600;
    const p13 = runOf(m, "pretrain-13b");
    near(p13.inputs.accelerator_hours, h13, "pretrain-13b hours");
    near(p13.energy_kwh, h13 * 0.7 * 1.1, "pretrain-13b energy");
    near(p13.operational_co2e_kg, (h13 * 0.7 * 1.1 * 68) / 1000, "pretrain-13b operational");

    // totals: tokenizer-ablations 64 × 12 h × 4 repeats, sft-7b 1,536 A100-hours
    const energy = (64 * 12 * 4 * 0.7 + 43008 + h13 * 0.7 + 1536 * 0.4) * 1.1;
    near(m.totals!.energy_kwh, energy, "total energy");

    // versus the base: 7B 200 → 240 h (+20 %), 13B 1.6e12 → 2e12 tokens (+25 %), sft-7b-v0 → sft-7b
    expect(deltaOf(m, "tokenizer-ablations").change).toBe("unchanged");
    near(deltaOf(m, "pretrain-7b").energy_pct, 20, "pretrain-7b pct");
    near(deltaOf(m, "pretrain-13b").energy_pct, 25, "pretrain-13b pct");
    expect(deltaOf(m, "sft-7b").change).toBe("added");
    expect(deltaOf(m, "sft-7b-v0").change).toBe("removed");
    const baseEnergy = (64 * 12 * 4 * 0.7 + 256 * 200 * 0.7 + h13 * 0.8 * 0.7 + 1024 * 0.4) * 1.1;
    near(m.base!.totals.energy_kwh, baseEnergy, "base energy");
    near(m.delta!.energy_pct, (energy / baseEnergy - 1) * 100, "total pct");
  });

  it("llm-pretraining: water uses Google Cloud's on-site WUE, derived from Google's reported totals (docs/methodology.md)", () => {
    const { report } = example("llm-pretraining");
    const p7 = runOf(report.manifests[0]!, "pretrain-7b");
    // water = it_kwh × WUE_onsite + energy_kwh × EWIF = 43,008 × 1.06 + 47,308.8 × 3.1 = 192,245.76 L
    near(p7.water_l, 43008 * 1.06 + 43008 * 1.1 * EWIF, "pretrain-7b water");
  });

  it("fine-tune-measured: passes with a run-energy warning; lora-sft measured and eval-sweep by hand", () => {
    const { status, report } = example("fine-tune-measured");
    expect(status).toBe(0);
    const m = report.manifests[0]!;
    expect(m.verdict).toBe("warn");
    expect(m.findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ["budget/run-energy", "warning", 10, 9],
      ["privacy/exposure", "warning", 37, 9],
    ]);

    // lora-sft: last row of each run_id, two ranks: 30.2381 + 30.1513 kWh, 11.4663 + 11.4334 kg; pue column 1.0 →
    // IT-level, scaled by AWS PUE 1.135; water_consumed 0 → on-site water = IT kWh × AWS WUE 0.12.
    const it = 30.2381 + 30.1513;
    const lora = runOf(m, "lora-sft");
    expect(lora.basis).toBe("measured");
    near(lora.energy_kwh, it * 1.135, "lora-sft energy");
    near(lora.operational_co2e_kg, (11.4663 + 11.4334) * 1.135, "lora-sft operational");
    near(lora.embodied_co2e_kg, 8 * 20 * A100_KG * PER_HOUR, "lora-sft embodied");
    near(lora.water_l, it * 0.12 + it * 1.135 * EWIF, "lora-sft water");
    // the plan next to the measurement: 8 × 20 h × 400 W × 1.135
    near(lora.planned?.energy_kwh, 160 * 0.4 * 1.135, "lora-sft planned");

    // eval-sweep: 4 × 6 h × 72 W × 10 repeats = 17.28 kWh IT × 1.135; aws:us-east-1 → PJM 418 g
    const ev = runOf(m, "eval-sweep");
    near(ev.energy_kwh, 17.28 * 1.135, "eval-sweep energy");
    near(ev.operational_co2e_kg, (17.28 * 1.135 * 418) / 1000, "eval-sweep operational");
    near(ev.embodied_co2e_kg, 240 * L4_KG * PER_HOUR, "eval-sweep embodied");
    near(ev.water_l, 17.28 * 0.12 + 17.28 * 1.135 * EWIF, "eval-sweep water");

    // versus the base, where lora-sft was only planned
    near(deltaOf(m, "lora-sft").energy_pct, ((it * 1.135) / (160 * 0.4 * 1.135) - 1) * 100, "lora-sft pct");
    expect(deltaOf(m, "eval-sweep").change).toBe("unchanged");
  });

  it("fine-tune-measured: --fail-on warning fails on its run-energy warning", () => {
    const r = cli(["check", "examples/fine-tune-measured/footprint.yml", "--base", "examples/fine-tune-measured/footprint.base.yml", "--fail-on", "warning"]);
    expect(r.status).toBe(1);
  });

  it("inference-service: passes; chat-api, embeddings-api and nightly-batch-eval by hand", () => {
    const { status, report } = example("inference-service");
    expect(status).toBe(0);
    const m = report.manifests[0]!;
    expect(m.verdict).toBe("pass");

    // chat-api: 6 L4 × 8,760 h × 72 W × 0.5 = 1,892.16 kWh IT × Azure PUE 1.185; azure:westeurope → NL 253 g
    const chatIt = 6 * 8760 * 0.072 * 0.5;
    const chat = runOf(m, "chat-api");
    expect(chat.kind).toBe("inference");
    near(chat.energy_kwh, chatIt * 1.185, "chat-api energy");
    near(chat.operational_co2e_kg, (chatIt * 1.185 * 253) / 1000, "chat-api operational");
    near(chat.embodied_co2e_kg, 6 * 8760 * L4_KG * PER_HOUR, "chat-api embodied");
    near(chat.water_l, chatIt * 0.27 + chatIt * 1.185 * EWIF, "chat-api water");
    near(chat.per_request?.energy_wh, (chatIt * 1.185 * 1000) / 5.5e8, "chat-api Wh per request");

    // embeddings-api (request form): 2e9 × 0.002 Wh = 4,000 kWh IT × PUE 1.2; FR 31 g; no provider → WUE 1.8
    const emb = runOf(m, "embeddings-api");
    near(emb.energy_kwh, 4800, "embeddings energy");
    near(emb.operational_co2e_kg, (4800 * 31) / 1000, "embeddings operational");
    expect(emb.embodied_co2e_kg).toBe(0);
    near(emb.water_l, 4000 * WUE_DEFAULT + 4800 * EWIF, "embeddings water");

    // nightly-batch-eval: 2 A10 × 730 h × 150 W × 0.8 = 175.2 kWh IT × PUE 1.4; 120 g; Azure WUE 0.27
    const nb = runOf(m, "nightly-batch-eval");
    near(nb.energy_kwh, 175.2 * 1.4, "nightly energy");
    near(nb.operational_co2e_kg, (175.2 * 1.4 * 120) / 1000, "nightly operational");
    near(nb.water_l, 175.2 * 0.27 + 175.2 * 1.4 * EWIF, "nightly water");

    // versus the base: the chat fleet grows from 4 to 6 L4 (+50 %)
    near(deltaOf(m, "chat-api").energy_pct, 50, "chat-api pct");
    const head = chatIt * 1.185 + 4800 + 175.2 * 1.4;
    const base = (chatIt / 6) * 4 * 1.185 + 4800 + 175.2 * 1.4;
    near(m.totals!.energy_kwh, head, "total energy");
    near(m.delta!.energy_pct, (head / base - 1) * 100, "total pct");
  });
});

// ------------------------------------------------------------------------------------------------
describe("schema", () => {
  it("prints the committed schema/footprint.schema.json", () => {
    const r = cli(["schema"]);
    expect(r.status).toBe(0);
    const committed = JSON.parse(readFileSync(join(ROOT, "schema", "footprint.schema.json"), "utf8")) as Record<string, unknown>;
    const printed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(printed).toEqual(committed);
    // and it is the manifest schema, not something else
    expect(printed.type).toBe("object");
    expect(Object.keys(printed.properties as object)).toEqual(expect.arrayContaining(["version", "project", "training", "inference", "budget"]));
  });
});

// ------------------------------------------------------------------------------------------------
describe("--format text", () => {
  // big: 10,000 h × 400 W × 1.56 (no location) = 6,240 kWh at the world grid 475 g; small: 10 h on aws:us-east-1.
  const TEXT_MANIFEST = [
    "version: 1",
    "project: text-test",
    "training:",
    "  - id: big-run",
    "    accelerator: nvidia-a100-80gb-sxm",
    "    gpu_hours: 10000",
    "  - id: small-run",
    "    accelerator: nvidia-a100-80gb-sxm",
    "    gpu_hours: 10",
    "    location: aws:us-east-1",
    "budget:",
    "  co2e_kg: 100",
    "",
  ].join("\n");

  it("has a row per entry, readable units, findings as file:line:column and a final verdict line", () => {
    const d = folder();
    write(d, "footprint.yml", TEXT_MANIFEST);
    const r = cli(["check", "footprint.yml"], d);
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");

    const big = lines.find((l) => /^\s*big-run\s/.test(l));
    const small = lines.find((l) => /^\s*small-run\s/.test(l));
    expect(big, r.stdout).toBeDefined();
    expect(small, r.stdout).toBeDefined();
    expect(big).toContain("training");
    expect(big).toContain("estimated");
    // 6,240 kWh → MWh; 6,240 × 0.475 ≈ 2.96 t + embodied → t
    expect(big).toMatch(/6\.24 MWh/);
    expect(big).toMatch(/\d(\.\d+)? t\b/);
    // 10 h × 400 W × AWS PUE 1.135 = 4.54 kWh; × 418 g = 1.9 kg + 0.1 kg embodied
    expect(small).toMatch(/4\.54 kWh/);
    expect(small).toMatch(/\d(\.\d+)? kg\b/);
    expect(lines.some((l) => /^\s*total\s/.test(l))).toBe(true);

    // findings as file:line:column: the missing location is on big-run's id (line 4, column 9),
    // the CO2e budget on line 12, column 12.
    expect(r.stdout).toMatch(/footprint\.yml:4:9\s+warning\s+data\/location-missing/);
    expect(r.stdout).toMatch(/footprint\.yml:12:12\s+error\s+budget\/co2e/);

    const last = lines.filter((l) => l.trim() !== "").at(-1)!;
    expect(last).toMatch(/^verdict: FAIL/);
  });

  it("the verdict line of a passing manifest says PASS", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "FR" }));
    const r = cli(["check", "footprint.yml"], d);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^verdict: PASS\b/);
  });

  it("shows the base comparison and removed entries", () => {
    const { stdout } = cli(["check", "examples/llm-pretraining/footprint.yml", "--base", "examples/llm-pretraining/footprint.base.yml"]);
    const lines = stdout.split("\n");
    expect(lines.find((l) => /^\s*pretrain-7b\s/.test(l))).toMatch(/\+20\.0 %/);
    expect(lines.find((l) => /^\s*sft-7b\s/.test(l))).toMatch(/new/);
    expect(lines.find((l) => /^\s*sft-7b-v0\s/.test(l))).toMatch(/removed/);
    expect(stdout).toMatch(/vs base examples\/llm-pretraining\/footprint\.base\.yml/);
  });
});

describe("README", () => {
  it("opens with the two commands a newcomer runs, and npm start runs the gate on an example", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const head = readme.split("\n").slice(0, 6).join("\n");
    expect(head).toContain("npm ci && npm start");
    expect(head).toContain("npm test");
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toMatch(/^node dist\/cli\.js check examples\//);
  });
});

describe("data the CLI loads on demand (the past-year grid series, the SPDX ids)", () => {
  it("a past year is scaled by the country's yearly series, with the same notice as in the core", () => {
    const d = folder();
    write(d, "footprint.yml", training({ location: "US", pue: 1.1, extra: "" }).replace("    location: US\n", "    location: US\n    year: 2019\n"));
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(0);
    const owid = (JSON.parse(readFileSync(join(ROOT, "data/grid-yearly.json"), "utf8")) as { countries: Record<string, Record<string, number>> }).countries.US!;
    const m = report.manifests[0]!;
    near(m.runs[0]!.inputs.carbon_intensity, (444 * owid["2019"]!) / owid["2021"]!, "2019 intensity");
    expect(m.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        "data/grid-year",
        "year 2019 is before zone US's lifecycle figures (from 2021): its 2021 figure 444 gCO2e/kWh × US's direct-CO2 ratio 2019/2021 (439.4/423.7, Our World in Data) = 460.4 gCO2e/kWh; state carbon_intensity if you know the figure",
      ],
    ]);
  });

  it("a dataset's SPDX licence id passes and a near miss is an error suggesting the id", () => {
    const d = folder();
    const dataset = (id: string, license: string) => [`  - id: ${id}`, "    documentation: https://example.org/d", `    license: ${license}`];
    write(d, "footprint.yml", training({ location: "FR", extra: ["datasets:", ...dataset("ok", "MIT"), ...dataset("near", "Apache 2")].join("\n") + "\n" }));
    const { status, report } = json(["check", "footprint.yml"], d);
    expect(status).toBe(1);
    expect(report.manifests[0]!.findings.filter((f) => f.rule === "transparency/license").map((f) => [f.severity, f.message])).toEqual([
      ["error", 'near: "Apache 2" is not an SPDX licence id; did you mean Apache-2.0? (or write "proprietary")'],
    ]);
  });
});

describe("standard output", () => {
  const { folder, write } = tempFolders("fg-stdout-");
  // Enough entries that the report is many times a pipe's buffer.
  const big = () => {
    const lines = ["version: 1", "project: big", "defaults: { location: FR }", "training:"];
    for (let i = 0; i < 5000; i++) lines.push(`  - { id: run-${i}, accelerator: nvidia-h100-sxm, count: 8, hours: ${1 + (i % 50)} }`);
    return write(folder(), "footprint.yml", lines.join("\n") + "\n");
  };

  it("a reader that reads slowly gets the whole report, byte for byte", async () => {
    const file = big();
    const expected = cli(["check", file]).stdout;
    expect(expected.length).toBeGreaterThan(256 * 1024);
    const child = spawn(process.execPath, [join(ROOT, "dist", "cli.js"), "check", file], { stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Read a chunk, then leave the pipe full for a while, many times over.
    for await (const chunk of child.stdout) {
      chunks.push(chunk as Buffer);
      if (chunks.length % 4 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    const code = await new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.on("exit", (c) => r(c))));
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(Buffer.concat(chunks).toString("utf8")).toBe(expected);
  });

  it.skipIf(process.platform === "win32")("a pipe left non-blocking by another program still gets the whole report", async () => {
    const dir = folder();
    const file = big();
    const expected = cli(["check", file]).stdout;
    // Opening fd 1 as a socket makes it non-blocking (as a shell's other programs can leave a shared pipe or
    // terminal): the CLI's writes then fail with EAGAIN whenever the pipe is full.
    const hook = write(dir, "nonblocking.cjs", "new (require('node:net').Socket)({ fd: 1, readable: false });\n");
    const child = spawn(process.execPath, ["--require", hook, join(ROOT, "dist", "cli.js"), "check", file], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const chunks: Buffer[] = [];
    for await (const chunk of child.stdout) {
      chunks.push(chunk as Buffer);
      await new Promise((r) => setTimeout(r, 2));
    }
    const code = await new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.on("exit", (c) => r(c))));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(expected);
  });

  it("a reader that stops early (… | head) gets one line on stderr and exit 2, not a stack trace", async () => {
    const child = spawn(process.execPath, [join(ROOT, "dist", "cli.js"), "check", big()], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    expect(code).toBe(2);
    expect(stderr).toBe("footprint-gate: standard output was closed before the whole report was written (EPIPE)\n");
  });
});
