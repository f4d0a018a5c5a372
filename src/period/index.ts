// The manifest's period (docs/manifest.md#periods-and-entry-budgets): the window of recurring work. Inference
// without hours serves one period, `repeats` counts runs in it, and totals and budgets are labelled with it;
// a training entry marked one_off happens once, whatever the period.
import type { Period } from "../manifest/schema.js";
import type { PeriodReport } from "../report-schema.js";

export type { Period } from "../manifest/schema.js";

/** Hours of each window: a year is 365 days (8760 h, as before periods existed), a quarter and a month its share. */
export const PERIOD_HOURS: Readonly<Record<Period, number>> = { month: 8760 / 12, quarter: 8760 / 4, year: 8760 };

/** A manifest without `period` is read per year, so that the figures of manifests written before it stay as they were. */
export const DEFAULT_PERIOD: Period = "year";

export type { PeriodReport } from "../report-schema.js";

/** "per month". */
export function perWindow(window: Period): string {
  return `per ${window}`;
}

export const ONE_OFF = "one-off";

/** The label of totals: recurring work per window, one-off training beside it when there is any. */
export function totalsLabel(window: Period, recurring: boolean, oneOff: boolean): string {
  if (oneOff && !recurring) return `${ONE_OFF} training`;
  return oneOff ? `${perWindow(window)} + ${ONE_OFF} training` : perWindow(window);
}

/** Labels are written into the outputs only where the manifest asks for them, so earlier reports read as before. */
export function labelled(p: PeriodReport | null): p is PeriodReport {
  return p !== null && (p.stated || p.one_off !== null);
}

/** The source an assumed duration of service is reported with: the default year, or the stated period. */
export function periodSource(window: Period, stated: boolean): string {
  return stated ? `one ${window}, the manifest's period` : "one year by default";
}

/** Whether an assumption's source is the period (a service without hours). */
export function isPeriodSource(source: string): boolean {
  return source === "one year by default" || source.endsWith(", the manifest's period");
}
