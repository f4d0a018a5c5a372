// Readable units: kWh/MWh/GWh, g/kg/t/kt, L/m³; three significant figures.

export type Quantity = "energy_kwh" | "co2e_kg" | "water_l";

/**
 * What goes between a number and its unit. Text output keeps a plain space; Markdown (a browser wraps lines)
 * passes NBSP, so that "11.2 m³" or "+20.0 %" never breaks across two lines.
 */
export const SPACE = " ";
export const NBSP = "\u00a0";

/**
 * `n` as Intl.NumberFormat("en-US", { maximumSignificantDigits: digits }) writes it, without constructing one:
 * that costs more start-up time than a whole small check. Like ICU, it rounds the shortest decimal that reads back
 * as `n` (999.95 → "1,000", 1.005 → "1.01"), half away from zero, drops trailing zeros and groups by thousands.
 * Infinity and NaN (never in a report) are left to Intl.
 */
function significant(n: number, digits: number): string {
  if (!Number.isFinite(n)) return new Intl.NumberFormat("en-US", { maximumSignificantDigits: digits }).format(n);
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  if (n === 0) return `${sign}0`;
  // "d.ddde±x": the digits and exponent read in place, as this runs for every figure of a report.
  const exponential = Math.abs(n).toExponential();
  const at = exponential.indexOf("e");
  let ds = at > 1 ? exponential[0]! + exponential.slice(2, at) : exponential.slice(0, at);
  let e = Number(exponential.slice(at + 1));
  if (ds.length > digits) {
    const up = ds.charCodeAt(digits) >= 53; // "5"
    ds = ds.slice(0, digits);
    if (up) {
      let i = digits - 1;
      while (i >= 0 && ds[i] === "9") i--;
      if (i < 0) {
        ds = "1";
        e++;
      } else ds = ds.slice(0, i) + String(Number(ds[i]) + 1);
    }
  }
  let end = ds.length;
  while (ds[end - 1] === "0") end--; // the first digit is not 0
  ds = ds.slice(0, end);
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${ds}`;
  const whole = ds.length > e + 1 ? ds.slice(0, e + 1) : ds.padEnd(e + 1, "0");
  const fraction = ds.slice(e + 1);
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

export function formatNumber(n: number): string {
  return significant(n, 3);
}

/** Inputs as stated (PUE 1.135, not 1.14). */
export function formatInput(n: number): string {
  return significant(n, 6);
}

/** A whole number with thousands separators, as toLocaleString("en-US") writes it. */
export function formatWhole(n: number): string {
  // A double has at most 17 significant digits, so nothing is rounded.
  return significant(n, 17);
}

const SCALES: Record<Quantity, [number, string][]> = {
  energy_kwh: [
    [1e9, "TWh"],
    [1e6, "GWh"],
    [1e3, "MWh"],
    [1, "kWh"],
    [1e-3, "Wh"],
  ],
  co2e_kg: [
    [1e6, "kt"],
    [1e3, "t"],
    [1, "kg"],
    [1e-3, "g"],
  ],
  water_l: [
    [1e3, "m³"],
    [1, "L"],
  ],
};

const UNIT: Record<Quantity, string> = { energy_kwh: "kWh", co2e_kg: "kg", water_l: "L" };

/** The scale a value reads best in: [factor, unit]. */
function scaleOf(q: Quantity, value: number): [number, string] {
  // Rounded first, so that 999.9 kWh reads "1 MWh" rather than "1,000 kWh".
  const abs = Math.abs(Number(value.toPrecision(3)));
  const scales = SCALES[q];
  return scales.find(([f]) => abs >= f) ?? scales[scales.length - 1]!;
}

export function formatQuantity(q: Quantity, value: number, sep = SPACE): string {
  if (value === 0) return `0${sep}${UNIT[q]}`;
  const [factor, unit] = scaleOf(q, value);
  return `${formatNumber(value / factor)}${sep}${unit}`;
}

/** One unit for a column of figures, or null when they span more than three orders of magnitude (each cell then
 *  carries its own unit: "0.001 MWh" beside "120 MWh" would hide the small one). */
export interface ColumnUnit {
  unit: string | null;
  /** A cell: the bare number in the column's unit, or the figure with its own unit. */
  cell(value: number): string;
}

export function columnUnit(q: Quantity, values: readonly number[], sep = SPACE): ColumnUnit {
  let max = 0;
  let min = Infinity;
  for (const v of values) {
    const abs = Math.abs(v);
    if (abs === 0) continue;
    if (abs > max) max = abs;
    if (abs < min) min = abs;
  }
  if (max === 0) return { unit: UNIT[q], cell: formatNumber };
  if (max / min > 1000) return { unit: null, cell: (v) => formatQuantity(q, v, sep) };
  const [factor, unit] = scaleOf(q, max);
  return { unit, cell: (v) => formatNumber(v / factor) };
}

/** "+12.4 %", "−3.0 %", "+250 %", "new" (from zero), "±0 %". */
export function formatPct(pct: number | null, sep = SPACE): string {
  if (pct === null) return "new";
  if (Math.abs(pct) < 0.05) return `±0${sep}%`;
  const text = Math.abs(pct) >= 100 ? formatWhole(Math.round(pct)) : pct.toFixed(1);
  return `${pct > 0 ? "+" : ""}${text.replace("-", "−")}${sep}%`;
}

/** "+3.1 t", "−250 kWh". */
export function formatDelta(q: Quantity, delta: number, sep = SPACE): string {
  if (delta === 0) return `±${formatQuantity(q, 0, sep)}`;
  return `${delta > 0 ? "+" : "−"}${formatQuantity(q, Math.abs(delta), sep)}`;
}

export const METRIC_LABEL = { energy_kwh: "energy", co2e_kg: "CO2e", water_l: "water" } as const satisfies Record<Quantity, string>;

/** Appends `items` to `out` one by one: spreading a long list into push() overflows the call stack. */
export function append<T>(out: T[], items: readonly T[]): T[] {
  for (const item of items) out.push(item);
  return out;
}

/** The largest of `xs` (0 for none), without spreading them into Math.max. */
export function largest(xs: readonly number[]): number {
  let max = 0;
  for (const x of xs) if (x > max) max = x;
  return max;
}
