// Whether a serving fleet can carry its stated requests (docs/manifest.md#capacity): at its sustained rate the
// requests keep it busy requests ÷ rate, which must fit in the entry's hours, or in the period without them.
import { PERIOD_HOURS, type Period } from "../period/index.js";
import { formatNumber } from "../format/units.js";

export interface ServingPlan {
  requests: number;
  /** The fleet's sustained rate, requests per second. */
  rate: number;
  /** Accelerators of the fleet; null when not stated. */
  count: number | null;
  /** The entry's hours; null: it serves the whole period. */
  hours: number | null;
  period: Period;
}

/** Some slack for rounding, so that a plan filling its hours exactly passes. */
const SLACK = 1 + 1e-9;

/** Why the fleet cannot serve the requests in its time, with the fleet, rate and hours that would; null when it can. */
export function capacityProblem(p: ServingPlan): string | null {
  const busy = p.requests / p.rate / 3600;
  const available = p.hours ?? PERIOD_HOURS[p.period];
  if (!(busy > available * SLACK)) return null;
  const within = p.hours !== null ? `its hours (${formatNumber(available)} h)` : `the period, one ${p.period} (${formatNumber(available)} h)`;
  const ways: string[] = [];
  if (p.count !== null) {
    // The rate is the whole fleet's: more accelerators serve proportionally more.
    ways.push(`count: ${Math.ceil(p.count * (busy / available) * (1 - 1e-12))} (each accelerator at its present rate)`);
  }
  ways.push(`a sustained rate of ${roundUp(p.requests / (available * 3600))} requests/s`);
  ways.push(`${formatNumber(busy)} h of service`);
  return (
    `${formatNumber(p.requests)} requests at ${formatNumber(p.rate)} requests/s keep the fleet busy ${formatNumber(busy)} h, more than ${within}: ` +
    `the fleet cannot serve them. It would take ${ways.slice(0, -1).join(", ")} or ${ways[ways.length - 1]!}`
  );
}

/** Three significant figures, rounded up, so that the rate suggested is enough. */
function roundUp(x: number): number {
  const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
  return Number((Math.ceil(x / unit) * unit).toPrecision(3));
}
