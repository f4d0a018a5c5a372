// Readable units: kWh/MWh/GWh, g/kg/t/kt, L/m³; three significant figures.

export type Quantity = "energy_kwh" | "co2e_kg" | "water_l";

/**
 * What goes between a number and its unit. Text output keeps a plain space; Markdown (a browser wraps lines)
 * passes NBSP, so that "11.2 m³" or "+20.0 %" never breaks across two lines.
 */
export const SPACE = " ";
export const NBSP = "\u00a0";

// 10^0 … 10^22, each exact (10^22 is the largest power of ten a double holds), made by exact multiplications.
const POW10: number[] = [1];
for (let i = 1; i <= 22; i++) POW10.push(POW10[i - 1]! * 10);

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
  const abs = Math.abs(n);
  // A whole number that fits is its own shortest decimal and needs no rounding (counts, percentages, formatWhole).
  if (abs < POW10[digits]! && Number.isSafeInteger(abs)) return sign + grouped(String(abs));
  return digits <= 9 ? (roundedFast(sign, abs, digits) ?? roundedExactly(sign, abs, digits)) : roundedExactly(sign, abs, digits);
}

/**
 * The figure from arithmetic alone, or null when it cannot be sure. `abs` scaled by an exact power of ten to
 * `digits` integer digits is off by under 10^digits · 2^-52 from both the double and its shortest decimal, so unless
 * the fraction lies that close to one half, both round to the same integer: the one Intl writes. A report's figures
 * (all of them, at 10,000 entries) then need no decimal string of the double at all.
 */
function roundedFast(sign: string, abs: number, digits: number): string | null {
  let e = Math.floor(Math.log10(abs));
  let k = e - digits + 1;
  if (k < -22 || k > 22) return null;
  let scaled = k >= 0 ? abs / POW10[k]! : abs * POW10[-k]!;
  // log10 may miss by one next to a power of ten; a miss on either side rounds to the same figure (see above).
  if (scaled >= POW10[digits]!) {
    e++;
    k++;
    if (k > 22) return null;
    scaled = k >= 0 ? abs / POW10[k]! : abs * POW10[-k]!;
  } else if (scaled < POW10[digits - 1]!) {
    e--;
    k--;
    if (k < -22) return null;
    scaled = k >= 0 ? abs / POW10[k]! : abs * POW10[-k]!;
  }
  if (scaled < POW10[digits - 1]! || scaled >= POW10[digits]!) return null;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) < POW10[digits]! * 1e-14) return null;
  let m = fraction > 0.5 ? whole + 1 : whole;
  if (m === POW10[digits]) {
    m = POW10[digits - 1]!;
    e++;
  }
  while (m % 10 === 0) m /= 10;
  return written(sign, String(m), e);
}

/** The figure from the shortest decimal of `abs`, rounded digit by digit: exact at every magnitude and precision. */
function roundedExactly(sign: string, abs: number, digits: number): string {
  // "d.ddde±x": the digits and exponent read in place.
  const exponential = abs.toExponential();
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
  return written(sign, ds.slice(0, end), e);
}

/** Significant digits `ds` (no trailing zero) with the first at 10^e, written out. */
function written(sign: string, ds: string, e: number): string {
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${ds}`;
  if (ds.length <= e + 1) return sign + grouped(ds.length === e + 1 ? ds : ds.padEnd(e + 1, "0"));
  return `${sign}${grouped(ds.slice(0, e + 1))}.${ds.slice(e + 1)}`;
}

/** Decimal digits with a comma between thousands. */
function grouped(whole: string): string {
  if (whole.length <= 3) return whole;
  let out = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = out.length; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
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

interface Scale {
  factor: number;
  unit: string;
}

const SCALES: Record<Quantity, readonly Scale[]> = {
  energy_kwh: [
    { factor: 1e9, unit: "TWh" },
    { factor: 1e6, unit: "GWh" },
    { factor: 1e3, unit: "MWh" },
    { factor: 1, unit: "kWh" },
    { factor: 1e-3, unit: "Wh" },
  ],
  co2e_kg: [
    { factor: 1e6, unit: "kt" },
    { factor: 1e3, unit: "t" },
    { factor: 1, unit: "kg" },
    { factor: 1e-3, unit: "g" },
  ],
  water_l: [
    { factor: 1e3, unit: "m³" },
    { factor: 1, unit: "L" },
  ],
};

const UNIT: Record<Quantity, string> = { energy_kwh: "kWh", co2e_kg: "kg", water_l: "L" };

/** The scale a value reads best in. */
function scaleOf(q: Quantity, value: number): Scale {
  const abs = Math.abs(value);
  const scales = SCALES[q];
  for (const s of scales) {
    // Rounded to three figures first, so that 999.9 kWh reads "1 MWh" rather than "1,000 kWh". Only a value just
    // below a factor can round up to it, so only such a value is rounded.
    if (abs >= s.factor || (abs >= s.factor * 0.999 && Math.abs(Number(value.toPrecision(3))) >= s.factor)) return s;
  }
  return scales[scales.length - 1]!;
}

export function formatQuantity(q: Quantity, value: number, sep = SPACE): string {
  if (value === 0) return `0${sep}${UNIT[q]}`;
  const scale = scaleOf(q, value);
  return `${formatNumber(value / scale.factor)}${sep}${scale.unit}`;
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
  const { factor, unit } = scaleOf(q, max);
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
