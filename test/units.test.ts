import { describe, expect, it } from "vitest";
import { formatPct, formatQuantity } from "../src/render/units.js";

describe("formatQuantity", () => {
  it.each([
    ["energy_kwh", 0, "0 kWh"],
    ["energy_kwh", 0.5, "500 Wh"],
    ["energy_kwh", 8.74, "8.74 kWh"],
    ["energy_kwh", 999, "999 kWh"],
    ["energy_kwh", 1000, "1 MWh"],
    ["energy_kwh", 1234, "1.23 MWh"],
    ["energy_kwh", 250_000, "250 MWh"],
    ["energy_kwh", 2_500_000, "2.5 GWh"],
    ["energy_kwh", 1e9, "1 TWh"],
    ["co2e_kg", 0, "0 kg"],
    ["co2e_kg", 0.0828, "82.8 g"],
    ["co2e_kg", 4.23, "4.23 kg"],
    ["co2e_kg", 1500, "1.5 t"],
    ["co2e_kg", 100_000, "100 t"],
    ["co2e_kg", 2_500_000, "2.5 kt"],
    ["water_l", 0, "0 L"],
    ["water_l", 37.2, "37.2 L"],
    ["water_l", 12_345, "12.3 m³"],
    ["water_l", 5_000_000, "5,000 m³"],
  ] as const)("%s %d → %s", (q, v, out) => {
    expect(formatQuantity(q, v)).toBe(out);
  });

  it("negative values keep their sign and unit scale", () => {
    expect(formatQuantity("energy_kwh", -1234)).toBe("-1.23 MWh");
  });
});

describe("formatPct", () => {
  it.each([
    [null, "new"],
    [0, "±0 %"],
    [0.04, "±0 %"],
    [-0.04, "±0 %"],
    [12.44, "+12.4 %"],
    [-3, "−3.0 %"],
    [99.94, "+99.9 %"],
    [150, "+150 %"],
    [-150, "−150 %"],
    [1234.5, "+1,235 %"],
  ] as const)("%s → %s", (p, out) => {
    expect(formatPct(p)).toBe(out);
  });
});
