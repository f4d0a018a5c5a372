// Readable units: kWh/MWh/GWh, g/kg/t/kt, L/m³; three significant figures.
export type Quantity = "energy_kwh" | "co2e_kg" | "water_l";

const sig = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

export function formatNumber(n: number): string {
  return sig.format(n);
}

const precise = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 6 });

/** Inputs as stated (PUE 1.135, not 1.14). */
export function formatInput(n: number): string {
  return precise.format(n);
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

export function formatQuantity(q: Quantity, value: number): string {
  if (value === 0) return `0 ${UNIT[q]}`;
  // Rounded first, so that 999.9 kWh reads "1 MWh" rather than "1,000 kWh".
  const abs = Math.abs(Number(value.toPrecision(3)));
  const scales = SCALES[q];
  const [factor, unit] = scales.find(([f]) => abs >= f) ?? scales[scales.length - 1]!;
  return `${sig.format(value / factor)} ${unit}`;
}

/** "+12.4 %", "−3.0 %", "+250 %", "new" (from zero), "±0 %". */
export function formatPct(pct: number | null): string {
  if (pct === null) return "new";
  if (Math.abs(pct) < 0.05) return "±0 %";
  const text = Math.abs(pct) >= 100 ? Math.round(pct).toLocaleString("en-US") : pct.toFixed(1);
  return `${pct > 0 ? "+" : ""}${text.replace("-", "−")} %`;
}

/** "+3.1 t", "−250 kWh". */
export function formatDelta(q: Quantity, delta: number): string {
  if (delta === 0) return `±${formatQuantity(q, 0)}`;
  return `${delta > 0 ? "+" : "−"}${formatQuantity(q, Math.abs(delta))}`;
}

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
