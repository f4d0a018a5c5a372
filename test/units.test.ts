import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInput, formatNumber, formatPct, formatQuantity, formatWhole } from "../src/format/units.js";
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

const intl3 = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const intl6 = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 6 });

/** Doubles of every magnitude, decimals near rounding edges, and integers, with either sign. */
const numbers = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: -12, max: 22 }), fc.boolean()).map(([m, e, neg]) => (neg ? -1 : 1) * Number(`${m}e${e}`)),
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: -10, max: 10 })).map(([m, e]) => Number(`${m}.5e${e}`)),
  fc.integer(),
  fc.maxSafeInteger(),
);

const EDGES = [
  0,
  -0,
  1,
  -1,
  999.95,
  999.5,
  999.4999,
  0.0005,
  0.00099995,
  1.005,
  1.015,
  2.675,
  9.995,
  99.95,
  999_999.5,
  1e21,
  1.2345e25,
  -9.995e-7,
  5e-324,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  0.1 + 0.2,
  123_456.5,
  1234.5678,
];

describe("number formatting without Intl", () => {
  it("writes three significant digits exactly as Intl en-US does", () => {
    for (const n of EDGES) expect(formatNumber(n), String(n)).toBe(intl3.format(n));
    fc.assert(
      fc.property(numbers, (n) => formatNumber(n) === intl3.format(n)),
      { numRuns: 20_000 },
    );
  });

  it("writes inputs with six significant digits exactly as Intl en-US does", () => {
    for (const n of EDGES) expect(formatInput(n), String(n)).toBe(intl6.format(n));
    fc.assert(
      fc.property(numbers, (n) => formatInput(n) === intl6.format(n)),
      { numRuns: 20_000 },
    );
  });

  // Figures are rounded by arithmetic unless they lie next to a rounding tie; these aim at that border from both
  // sides, at every magnitude a double holds, so the arithmetic cannot drift from Intl.
  const nearTies = fc
    .tuple(
      fc.integer({ min: 1, max: 9_999_999 }),
      fc.constantFrom("5", "49", "51", "4999999", "5000001", "49999999999", "50000000001", "9", "99999999", "0000001"),
      fc.integer({ min: -330, max: 300 }),
      fc.boolean(),
    )
    .map(([m, tail, e, neg]) => (neg ? -1 : 1) * Number(`${m}${tail}e${e}`))
    .filter(Number.isFinite);
  const anyDouble = fc.tuple(fc.integer({ min: 0, max: 0x7fefffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.boolean()).map(([hi, lo, neg]) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(0, hi);
    view.setUint32(4, lo);
    return (neg ? -1 : 1) * view.getFloat64(0);
  });

  it("rounds figures next to a rounding tie, of any magnitude and sign, exactly as Intl en-US does", () => {
    fc.assert(
      fc.property(fc.oneof(nearTies, anyDouble), (n) => formatNumber(n) === intl3.format(n) && formatInput(n) === intl6.format(n)),
      { numRuns: 50_000 },
    );
  });

  it("writes whole numbers exactly as toLocaleString en-US does", () => {
    fc.assert(
      fc.property(numbers.map(Math.round), (n) => formatWhole(n) === n.toLocaleString("en-US")),
      { numRuns: 20_000 },
    );
  });

  it("leaves infinities and NaN to Intl", () => {
    for (const n of [Infinity, -Infinity, NaN]) expect(formatNumber(n)).toBe(intl3.format(n));
  });
});
