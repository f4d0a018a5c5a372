// readCodeCarbon on CodeCarbon's CSV layouts; test/codecarbon.test.ts checks the files through a manifest.
import { describe, expect, it } from "vitest";
import { CodeCarbonError, readCodeCarbon } from "../src/measured/codecarbon.js";
import { near } from "./helpers.js";

// Column lists from the peer review of CodeCarbon (emissions_data.py order).
const H33 =
  "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue".split(
    ",",
  );
const V32_ONLY = ["cpu_utilization_percent", "gpu_utilization_percent", "ram_utilization_percent", "ram_used_gb"];
const H31 = H33.filter((h) => !V32_ONLY.includes(h));
const H28 = H31.filter((h) => h !== "water_consumed" && h !== "wue");

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function ccRow(header: readonly string[], values: Record<string, string | number>): string {
  const filler: Record<string, string> = {
    timestamp: "2025-01-01T00:00:00",
    project_name: "proj",
    cpu_model: "Intel(R) Xeon(R) CPU @ 2.20GHz, 8 cores",
    gpu_model: "8 x NVIDIA A100-SXM4-80GB",
    country_name: "United States",
    on_cloud: "Y",
    tracking_mode: "machine",
    pue: "1",
  };
  return header.map((h) => csvField(String(values[h] ?? filler[h] ?? "0"))).join(",");
}
function ccFile(header: readonly string[], rows: Record<string, string | number>[], eol = "\n"): string {
  return [header.join(","), ...rows.map((r) => ccRow(header, r))].join(eol) + eol;
}

describe("readCodeCarbon", () => {
  it("last row per run_id, summed across run_ids", () => {
    const t = readCodeCarbon(
      ccFile(H33, [
        { run_id: "r1", energy_consumed: 1, emissions: 0.1 },
        { run_id: "r2", energy_consumed: 5, emissions: 0.5 },
        { run_id: "r1", energy_consumed: 3, emissions: 0.3 }, // r1's total so far
      ]),
    );
    expect(t.runs).toBe(2);
    near(t.energy_kwh, 8);
    near(t.emissions_kg, 0.8);
  });

  it("without a run_id column every row is summed", () => {
    const header = H33.filter((h) => h !== "run_id");
    const t = readCodeCarbon(
      ccFile(header, [
        { energy_consumed: 1, emissions: 0.1 },
        { energy_consumed: 2, emissions: 0.2 },
        { energy_consumed: 4, emissions: 0.4 },
      ]),
    );
    expect(t.runs).toBe(3);
    near(t.energy_kwh, 7);
    near(t.emissions_kg, 0.7);
  });

  it("rows with an empty run_id each count", () => {
    const t = readCodeCarbon(
      ccFile(H33, [
        { run_id: "", energy_consumed: 1, emissions: 0.1 },
        { run_id: "", energy_consumed: 2, emissions: 0.2 },
      ]),
    );
    near(t.energy_kwh, 3);
  });

  it("CodeCarbon 2.8 layout: no water_consumed / wue → water null; pue read", () => {
    const t = readCodeCarbon(ccFile(H28, [{ run_id: "r", energy_consumed: 2.5, emissions: 1.25, pue: 1 }]));
    expect(t).toEqual({ energy_kwh: 2.5, emissions_kg: 1.25, water_l: null, pue: 1, runs: 1 });
  });

  it("CodeCarbon 3.1 layout: water_consumed read", () => {
    const t = readCodeCarbon(ccFile(H31, [{ run_id: "r", energy_consumed: 2, emissions: 1, water_consumed: 0.6, pue: 1.2, wue: 0.3 }]));
    expect(t).toEqual({ energy_kwh: 2, emissions_kg: 1, water_l: 0.6, pue: 1.2, runs: 1 });
  });

  it("CodeCarbon 3.3 layout", () => {
    const t = readCodeCarbon(
      ccFile(H33, [
        { run_id: "a", energy_consumed: 2, emissions: 1, water_consumed: 0.5 },
        { run_id: "b", energy_consumed: 3, emissions: 2, water_consumed: 0.25, ram_used_gb: 12.5 },
      ]),
    );
    expect(t).toEqual({ energy_kwh: 5, emissions_kg: 3, water_l: 0.75, pue: 1, runs: 2 });
  });

  it("columns are found by name in any order", () => {
    const t = readCodeCarbon("emissions,pue,energy_consumed\n0.5,1,2\n");
    expect(t).toMatchObject({ energy_kwh: 2, emissions_kg: 0.5 });
  });

  it("quoted fields with commas, quotes and newlines", () => {
    const rows = [{ run_id: "r", energy_consumed: 2, emissions: 1, cpu_model: 'AMD EPYC "Milan", 64-core\nrev 2' }];
    const text = ccFile(H33, rows);
    expect(text).toContain('"AMD EPYC ""Milan"", 64-core\nrev 2"');
    expect(readCodeCarbon(text)).toMatchObject({ energy_kwh: 2, emissions_kg: 1, runs: 1 });
  });

  it("a byte-order mark before the header", () => {
    const t = readCodeCarbon("\ufeff" + ccFile(H33, [{ run_id: "r", energy_consumed: 2, emissions: 1 }]));
    near(t.energy_kwh, 2);
  });

  it("CRLF line endings", () => {
    const t = readCodeCarbon(ccFile(H33, [{ run_id: "r", energy_consumed: 2, emissions: 1, wue: 0.5 }], "\r\n"));
    expect(t).toMatchObject({ energy_kwh: 2, emissions_kg: 1, pue: 1 });
  });

  it("a truncated last row is an error, not a silent under-count", () => {
    const full = ccFile(H33, [
      { run_id: "r1", energy_consumed: 2, emissions: 1 },
      { run_id: "r2", energy_consumed: 3, emissions: 1 },
    ]);
    const cut = full.slice(0, full.lastIndexOf("\n", full.length - 2) + 60);
    expect(() => readCodeCarbon(cut)).toThrow(CodeCarbonError);
    expect(() => readCodeCarbon(cut)).toThrow(/truncated/);
  });

  it("a file ending inside a quoted field is an error", () => {
    const full = ccFile(H33, [{ run_id: "r1", energy_consumed: 2, emissions: 1 }]);
    const cut = full.slice(0, full.indexOf('"Intel') + 10);
    expect(() => readCodeCarbon(cut)).toThrow(/quoted field/);
  });

  it.each([["abc"], [""], ["-1"], ["NaN"], ["Infinity"]])("energy_consumed %j is an error naming the column", (v) => {
    const text = ccFile(H33, [{ run_id: "r", energy_consumed: v, emissions: 1 }]);
    expect(() => readCodeCarbon(text)).toThrow(CodeCarbonError);
    expect(() => readCodeCarbon(text)).toThrow(/energy_consumed/);
  });

  it("missing columns, empty file, header only", () => {
    expect(() => readCodeCarbon("timestamp,run_id,emissions\nx,r,1\n")).toThrow(/energy_consumed/);
    expect(() => readCodeCarbon("")).toThrow(/empty/);
    expect(() => readCodeCarbon(H33.join(",") + "\n")).toThrow(/no rows/);
  });
});
