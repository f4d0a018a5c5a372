// CodeCarbon measurements split over several files (one per rank) under measured.codecarbon (docs/methodology.md):
// columns by header name in any version, the last row of each run_id, files summed, water_consumed where present;
// and every file that cannot be read is a data/unreadable finding at its own list item (exit 2 through the CLI).
// Column lists: the CodeCarbon emissions.csv headers of 2.8 and 3.3 (emissions_data.py order).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluate } from "../src/evaluate.js";
import { readCodeCarbon } from "../src/measured/codecarbon.js";
import { runAssumptions, type ManifestReport, type RunReport } from "../src/report.js";
import { source } from "./helpers.js";

const H33 =
  "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue".split(
    ",",
  );
const H28 =
  "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue".split(
    ",",
  );

type Row = Record<string, string | number>;

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function row(header: readonly string[], values: Row): string {
  const filler: Row = {
    timestamp: "2026-03-01T12:00:00",
    project_name: "acme-ddp",
    experiment_id: "5b0fa12a-3dd7-45bb-9766-cc326314d9f1",
    duration: 3600,
    country_name: "France",
    country_iso_code: "FRA",
    region: "ile-de-france",
    os: "Linux-6.8.0-x86_64-with-glibc2.39",
    python_version: "3.12.3",
    codecarbon_version: "3.3.0",
    cpu_count: 96,
    cpu_model: "AMD EPYC 9654 96-Core Processor, 2 sockets",
    gpu_count: 8,
    gpu_model: "8 x NVIDIA H100 80GB HBM3",
    tracking_mode: "machine",
    on_cloud: "N",
    pue: 1.0,
    wue: 0,
  };
  return header.map((h) => field(String(values[h] ?? filler[h] ?? "0"))).join(",");
}
function csv(header: readonly string[], rows: Row[]): string {
  return [header.join(","), ...rows.map((r) => row(header, r))].join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------------------------
// In memory

/**
 * Manifest with a list under measured.codecarbon; items start on line 11, column 11. The files' pue column is 1, so
 * `energy_basis: it` (the default here) has the entry's PUE 1.2 scale them.
 */
function manifest(files: readonly string[], basis: "it" | null = "it"): string {
  return [
    "version: 1",
    "project: p",
    "training:",
    "  - id: ddp",
    "    accelerator: nvidia-h100-sxm",
    "    gpu_hours: 100",
    "    pue: 1.2",
    "    carbon_intensity: 50",
    "    measured:",
    "      codecarbon:",
    ...files.map((f) => `        - ${f}`),
    ...(basis ? [`      energy_basis: ${basis}`] : []),
    "",
  ].join("\n");
}

async function measuredRun(files: Record<string, string>, basis: "it" | null = "it"): Promise<{ run: RunReport; report: ManifestReport }> {
  const report = await evaluate(source(manifest(Object.keys(files), basis), files), null);
  expect(report.status, JSON.stringify(report.findings)).toBe("evaluated");
  expect(report.runs).toHaveLength(1);
  const run = report.runs[0]!;
  expect(run.basis).toBe("measured");
  return { run, report };
}

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 9);
const WUE = 1.8; // on-site L/kWh of IT energy when nothing better is known (no location here)
const EWIF = 3.1; // off-site L/kWh of facility energy

describe("one CodeCarbon file per rank", () => {
  // Rows are cumulative per run_id (CodeCarbon appends one per flush): the last row of each run_id is its total.
  const rank0 = csv(H33, [
    { run_id: "a1c3", energy_consumed: 1.0, emissions: 0.1, water_consumed: 0.1 },
    { run_id: "b7e2", energy_consumed: 0.5, emissions: 0.05, water_consumed: 0.05 },
    { run_id: "a1c3", energy_consumed: 2.5, emissions: 0.25, water_consumed: 0.2 },
    { run_id: "b7e2", energy_consumed: 1.5, emissions: 0.15, water_consumed: 0.12 },
    { run_id: "a1c3", energy_consumed: 4.0, emissions: 0.4, water_consumed: 0.3 },
  ]); // a1c3 4.0 + b7e2 1.5 = 5.5 kWh, 0.55 kg, 0.42 L
  const rank1 = csv(H33, [
    { run_id: "c9d0", energy_consumed: 2.0, emissions: 0.2, water_consumed: 0.2 },
    { run_id: "d4f8", energy_consumed: 1.0, emissions: 0.1, water_consumed: 0.1 },
    { run_id: "d4f8", energy_consumed: 2.0, emissions: 0.2, water_consumed: 0.2 },
    { run_id: "c9d0", energy_consumed: 3.5, emissions: 0.35, water_consumed: 0.35 },
    { run_id: "d4f8", energy_consumed: 2.5, emissions: 0.25, water_consumed: 0.25 },
  ]); // c9d0 3.5 + d4f8 2.5 = 6.0 kWh, 0.6 kg, 0.6 L

  it("two files, two run_ids each, several rows per run_id: the last rows summed over both files", async () => {
    const { run, report } = await measuredRun({ "runs/rank0.csv": rank0, "runs/rank1.csv": rank1 });
    close(run.inputs.it_kwh, 11.5);
    close(run.energy_kwh, 11.5 * 1.2); // IT-level (pue column 1.0): the entry's PUE applies
    close(run.operational_co2e_kg, 1.15 * 1.2);
    close(run.water_l, 1.02 + 11.5 * 1.2 * EWIF); // water_consumed of both files + off-site water
    expect(runAssumptions(report, run).find((a) => a.name === "measured")?.value).toBe("CodeCarbon, 2 file(s), 4 run(s)");
  });

  it("the order of the files does not matter", async () => {
    const a = (await measuredRun({ "runs/rank0.csv": rank0, "runs/rank1.csv": rank1 })).run;
    const b = (await measuredRun({ "runs/rank1.csv": rank1, "runs/rank0.csv": rank0 })).run;
    close(b.energy_kwh, a.energy_kwh);
    close(b.operational_co2e_kg, a.operational_co2e_kg);
    close(b.water_l, a.water_l);
  });

  it("eight ranks sum to eight times one rank", async () => {
    const files: Record<string, string> = {};
    for (let r = 0; r < 8; r++) files[`runs/rank${r}.csv`] = rank0;
    const { run } = await measuredRun(files);
    close(run.inputs.it_kwh, 8 * 5.5);
    close(run.operational_co2e_kg, 8 * 0.55 * 1.2);
  });

  it("the same run_id in two rank files counts in each file", async () => {
    const one = csv(H33, [
      { run_id: "shared", energy_consumed: 1, emissions: 0.1 },
      { run_id: "shared", energy_consumed: 2, emissions: 0.2 },
    ]);
    const { run } = await measuredRun({ "r0.csv": one, "r1.csv": one });
    close(run.inputs.it_kwh, 4);
  });

  it("a file whose pue column is above 1 is facility-level: not scaled by the entry's PUE again", async () => {
    const f = (e: number) => csv(H33, [{ run_id: "x", energy_consumed: e, emissions: e / 10, pue: 1.5 }]);
    const { run } = await measuredRun({ "r0.csv": f(3), "r1.csv": f(6) }, null);
    close(run.energy_kwh, 9);
    close(run.operational_co2e_kg, 0.9);
    close(run.inputs.it_kwh, 9 / 1.5);
  });
});

describe("CodeCarbon 2.8 and 3.3 layouts in the same list", () => {
  const v28 = csv(H28, [
    { run_id: "old", energy_consumed: 2, emissions: 0.2 },
    { run_id: "old", energy_consumed: 4, emissions: 0.4 },
  ]); // 4 kWh, 0.4 kg, no water column
  const v33 = csv(H33, [
    { run_id: "new", energy_consumed: 3, emissions: 0.3, water_consumed: 0.5, wue: 0.1667 },
    { run_id: "new", energy_consumed: 6, emissions: 0.6, water_consumed: 1.0, wue: 0.1667 },
  ]); // 6 kWh, 0.6 kg, 1.0 L

  it("the headers differ (water_consumed, wue and the utilisation columns only in 3.3)", () => {
    expect(H28).toHaveLength(32);
    expect(H33).toHaveLength(38);
    expect(H33.filter((h) => !H28.includes(h))).toEqual([
      "water_consumed",
      "cpu_utilization_percent",
      "gpu_utilization_percent",
      "ram_utilization_percent",
      "ram_used_gb",
      "wue",
    ]);
    expect(H28.indexOf("energy_consumed")).toBe(H33.indexOf("energy_consumed"));
    expect(H28.indexOf("pue")).not.toBe(H33.indexOf("pue"));
  });

  it("energy and emissions are read by column name from both and summed", async () => {
    const { run } = await measuredRun({ "runs/v28.csv": v28, "runs/v33.csv": v33 });
    close(run.inputs.it_kwh, 10);
    close(run.energy_kwh, 12);
    close(run.operational_co2e_kg, 1.2);
  });

  it("water: the 3.3 file's water_consumed, and the WUE fallback for the 2.8 file that has no such column", async () => {
    const { run } = await measuredRun({ "runs/v28.csv": v28, "runs/v33.csv": v33 });
    // on-site: 1.0 L measured (3.3) + 4 kWh × 1.8 L/kWh estimated (2.8); off-site: 12 kWh × 3.1 L/kWh
    close(run.water_l, 1.0 + 4 * WUE + 12 * EWIF);
  });
});

describe("water_consumed and the WUE fallback", () => {
  it("water_consumed is used where present", async () => {
    const { run } = await measuredRun({ "e.csv": csv(H33, [{ run_id: "r", energy_consumed: 10, emissions: 1, water_consumed: 2.5, wue: 0.25 }]) });
    close(run.water_l, 2.5 + 12 * EWIF);
  });

  it("no water_consumed column (2.8): on-site water from the IT energy × WUE", async () => {
    const { run } = await measuredRun({ "e.csv": csv(H28, [{ run_id: "r", energy_consumed: 10, emissions: 1 }]) });
    close(run.water_l, 10 * WUE + 12 * EWIF);
  });

  it("water_consumed 0 (CodeCarbon's default wue of 0): the WUE fallback, not zero water", async () => {
    const zero = csv(H33, [{ run_id: "r", energy_consumed: 10, emissions: 1, water_consumed: 0, wue: 0 }]);
    const { run } = await measuredRun({ "e.csv": zero });
    close(run.water_l, 10 * WUE + 12 * EWIF);
    const two = await measuredRun({ "r0.csv": zero, "r1.csv": zero });
    close(two.run.water_l, 20 * WUE + 24 * EWIF);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Through the CLI: every unreadable file is data/unreadable at its list item, exit 2

let TMP: string;
let n = 0;
beforeAll(() => {
  TMP = mkdtempSync(join(tmpdir(), "footprint-codecarbon-"));
});
afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});

const CLI = join(fileURLToPath(new URL("..", import.meta.url)), "dist", "cli.js");

interface Finding {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

function check(manifestText: string, files: Record<string, string>): { status: number | null; findings: Finding[]; verdict: string } {
  const dir = join(TMP, `case-${++n}`);
  mkdirSync(join(dir, ".git"), { recursive: true });
  writeFileSync(join(dir, "footprint.yml"), manifestText);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const r = spawnSync(process.execPath, [CLI, "check", "footprint.yml", "--format", "json"], { cwd: dir, encoding: "utf8" });
  expect(r.error).toBeUndefined();
  expect(r.stderr).not.toContain("    at ");
  const report = JSON.parse(r.stdout) as { verdict: string; manifests: { findings: Finding[] }[] };
  return { status: r.status, findings: report.manifests[0]!.findings, verdict: report.verdict };
}

const msg = (re: RegExp) => expect.stringMatching(re) as unknown as string;

const GOOD = csv(H33, [
  { run_id: "ok", energy_consumed: 1, emissions: 0.1 },
  { run_id: "ok", energy_consumed: 2, emissions: 0.2 },
]);

const FULL = csv(H33, [
  { run_id: "r1", energy_consumed: 1, emissions: 0.1 },
  { run_id: "r1", energy_consumed: 2, emissions: 0.2 },
  { run_id: "r2", energy_consumed: 3, emissions: 0.3 },
]);
const LAST_LINE = FULL.lastIndexOf("\n", FULL.length - 2) + 1;

/** The well-formed 3.3 file FULL with its last row cut `keep` characters into the line (no final newline). */
function truncated(keep: number): string {
  return FULL.slice(0, LAST_LINE + keep);
}
/** FULL cut ten characters into the quoted cpu_model field of its last row. */
const cutInQuotes = () => truncated(FULL.indexOf('"AMD EPYC', LAST_LINE) - LAST_LINE + 10);

describe("unreadable CodeCarbon files in the list", () => {
  it("the truncated fixtures are cut where intended", () => {
    const cut = truncated(60);
    expect(cut.endsWith("\n")).toBe(false);
    const last = cut.slice(cut.lastIndexOf("\n") + 1);
    expect(last.startsWith("2026-03-01T12:00:00,acme-ddp,r2,")).toBe(true);
    expect(last.split(",").length).toBeLessThan(H33.length);
    expect(readCodeCarbon(FULL)).toMatchObject({ energy_kwh: 5, runs: 2 }); // uncut, the file reads
    const inQuotes = cutInQuotes().slice(LAST_LINE);
    expect(inQuotes).toMatch(/,"AMD EPYC $/);
    expect(inQuotes.split('"').length % 2).toBe(0); // an odd number of quotes: the field is open
  });

  it.each<[string, string | null, RegExp]>([
    ["a missing file", null, /^runs\/rank1\.csv: file not found/],
    ["an empty file", "", /^runs\/rank1\.csv: the file is empty/],
    ["a header-only file", H33.join(",") + "\n", /^runs\/rank1\.csv: the file has a header but no rows/],
    [
      "a CSV that is not CodeCarbon output",
      "epoch,step,loss,accuracy\n1,100,0.52,0.81\n2,200,0.41,0.86\n",
      /^runs\/rank1\.csv: not CodeCarbon output: no `energy_consumed` or `emissions` column/,
    ],
    ["a Markdown file", "# Training notes\n\nRan for 3 days on 8 GPUs.\n", /^runs\/rank1\.csv: not CodeCarbon output/],
    ["a file cut in the middle of its last row", truncated(60), /^runs\/rank1\.csv: data row 3 has \d+ of 38 columns \(truncated file\?\)/],
    ["a file cut inside a quoted field of its last row", cutInQuotes(), /^runs\/rank1\.csv: the file ends inside a quoted field \(truncated\?\)/],
    [
      "a non-numeric energy_consumed",
      csv(H33, [{ run_id: "r", energy_consumed: "n/a", emissions: 0.1 }]),
      /^runs\/rank1\.csv: `energy_consumed` is not a non-negative number in data row 1/,
    ],
  ])("%s: data/unreadable at that list item, exit 2", (_name, text, message) => {
    const files: Record<string, string> = { "runs/rank0.csv": GOOD, "runs/rank2.csv": GOOD };
    if (text !== null) files["runs/rank1.csv"] = text;
    const r = check(manifest(["runs/rank0.csv", "runs/rank1.csv", "runs/rank2.csv"]), files);
    expect(r.status).toBe(2);
    expect(r.verdict).toBe("fail");
    const unreadable = r.findings.filter((f) => f.rule === "data/unreadable");
    expect(unreadable).toEqual([{ rule: "data/unreadable", severity: "error", message: msg(message), file: "footprint.yml", line: 12, column: 11 }]);
  });

  it("two broken files: one finding each, at its own item", () => {
    const r = check(manifest(["runs/missing.csv", "runs/rank1.csv", "runs/empty.csv"]), { "runs/rank1.csv": GOOD, "runs/empty.csv": "" });
    expect(r.status).toBe(2);
    expect(r.findings.filter((f) => f.rule === "data/unreadable").map((f) => [f.line, f.column, f.message.split(":")[0]])).toEqual([
      [11, 11, "runs/missing.csv"],
      [13, 11, "runs/empty.csv"],
    ]);
  });

  it("flow-style list: the finding points into the brackets", () => {
    const text = manifest([]).replace("      codecarbon:\n", "      codecarbon: [runs/rank0.csv, runs/bad.csv]\n");
    // "      codecarbon: [runs/rank0.csv, " is 35 characters: runs/bad.csv starts in column 36 of line 10
    const r = check(text, { "runs/rank0.csv": GOOD, "runs/bad.csv": "timestamp,run_id\n" });
    expect(r.status).toBe(2);
    expect(r.findings.filter((f) => f.rule === "data/unreadable").map((f) => [f.line, f.column])).toEqual([[10, 36]]);
  });

  it("the same files, all readable, pass (exit 0)", () => {
    const r = check(manifest(["runs/rank0.csv", "runs/rank1.csv", "runs/rank2.csv"]), {
      "runs/rank0.csv": GOOD,
      "runs/rank1.csv": GOOD,
      "runs/rank2.csv": GOOD,
    });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.status).toBe(0);
  });
});
