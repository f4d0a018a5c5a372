// Budgets (README: Rules): absolute totals, per-entry limits and the increase over the base.
import type { Totals, RunResult } from "./estimate/index.js";
import type { Finding } from "./findings.js";
import type { Locator, Path } from "./manifest/parse.js";
import type { Manifest } from "./manifest/schema.js";
import { formatQuantity, type Quantity } from "./render/units.js";

export const DEFAULT_WARN_AT = 0.8;

export interface BudgetUse {
  /** `total` or the id of an entry. */
  scope: string;
  metric: Quantity;
  limit: number;
  value: number;
  /** value / limit */
  share: number;
  status: "ok" | "warn" | "over";
}

const TOTAL_RULES: Record<Quantity, string> = { energy_kwh: "budget/energy", co2e_kg: "budget/co2e", water_l: "budget/water" };
const RUN_RULES: Partial<Record<Quantity, string>> = { energy_kwh: "budget/run-energy", co2e_kg: "budget/run-co2e" };

export function checkBudgets(
  manifest: Manifest,
  totals: Totals,
  runs: readonly RunResult[],
  baseTotals: Totals | null,
  file: string,
  locator: Locator,
): { uses: BudgetUse[]; findings: Finding[] } {
  const budget = manifest.budget;
  const uses: BudgetUse[] = [];
  const findings: Finding[] = [];
  if (!budget) return { uses, findings };
  const warnAt = budget.warn_at ?? DEFAULT_WARN_AT;
  // basis: market judges the market-based CO2e; an entry without a market factor has only its location-based one.
  const market = budget.basis === "market";
  const figure = (t: Totals, metric: Quantity) => (market && metric === "co2e_kg" ? (t.market_based_co2e_kg ?? t.co2e_kg) : t[metric]);
  const name = (metric: Quantity) => (market && metric === "co2e_kg" ? "market-based CO2e" : label(metric));

  const judge = (scope: string, metric: Quantity, value: number, limit: number, rule: string, path: Path, what: string) => {
    const share = value / limit;
    // NaN fails no comparison, so a figure that is not a finite number would pass: it is an error instead.
    if (!Number.isFinite(value) || !Number.isFinite(share) || !(limit > 0)) {
      findings.push({
        rule,
        severity: "error",
        message: `${what} (${String(value)}) cannot be compared with the budget of ${Number.isFinite(limit) ? formatQuantity(metric, limit) : String(limit)}: the figure or its share of the budget is not a finite number`,
        file,
        ...locator.value(path),
      });
      return;
    }
    const status = share > 1 ? "over" : share >= warnAt ? "warn" : "ok";
    uses.push({ scope, metric, limit, value, share, status });
    if (status === "ok") return;
    const pctText = `${Math.round(share * 100)} %`;
    findings.push({
      rule,
      severity: status === "over" ? "error" : "warning",
      message:
        status === "over"
          ? `${what} ${formatQuantity(metric, value)} is over the budget of ${formatQuantity(metric, limit)} (${pctText}); reduce the plan or raise the budget in a reviewed change`
          : `${what} ${formatQuantity(metric, value)} uses ${pctText} of the budget of ${formatQuantity(metric, limit)} (warning at ${Math.round(warnAt * 100)} %)`,
      file,
      ...locator.value(path),
    });
  };

  for (const metric of ["energy_kwh", "co2e_kg", "water_l"] as const) {
    const limit = budget[metric];
    if (limit !== undefined) judge("total", metric, figure(totals, metric), limit, TOTAL_RULES[metric], ["budget", metric], `total ${name(metric)}`);
  }
  for (const run of runs) {
    for (const metric of ["energy_kwh", "co2e_kg"] as const) {
      const limit = budget.run?.[metric];
      if (limit !== undefined) judge(run.id, metric, figure(run, metric), limit, RUN_RULES[metric]!, [...run.path, "id"], `${run.id}: ${name(metric)}`);
    }
  }

  if (budget.increase_pct !== undefined && baseTotals) {
    const [head, base] = [totals.energy_kwh, baseTotals.energy_kwh];
    if (!Number.isFinite(head) || !Number.isFinite(base) || !Number.isFinite(budget.increase_pct)) {
      findings.push({
        rule: "budget/increase",
        severity: "error",
        message: `total energy (${String(base)} → ${String(head)} kWh) cannot be compared with the ${budget.increase_pct} % allowed: it is not a finite number`,
        file,
        ...locator.value(["budget", "increase_pct"]),
      });
    } else if ((head - base) * 100 > budget.increase_pct * base) {
      // Compared without dividing (above), so that exactly the allowed increase passes despite rounding.
      const ratio = (head / base - 1) * 100;
      const increase = base === 0 ? "from zero" : Number.isFinite(ratio) ? `by ${ratio.toFixed(1)} %` : "by more than 1e308 %";
      findings.push({
        rule: "budget/increase",
        severity: "error",
        message: `total energy rises ${increase} (${formatQuantity("energy_kwh", baseTotals.energy_kwh)} → ${formatQuantity("energy_kwh", totals.energy_kwh)}), more than the ${budget.increase_pct} % allowed`,
        file,
        ...locator.value(["budget", "increase_pct"]),
      });
    }
  }
  return { uses, findings };
}

function label(metric: Quantity): string {
  return metric === "energy_kwh" ? "energy" : metric === "co2e_kg" ? "CO2e" : "water";
}
