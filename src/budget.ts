// Budgets (docs/rules.md): absolute totals, per-entry limits and the increase over the base.
import type { Totals, RunResult } from "./estimate/index.js";
import type { Finding, Rule } from "./findings.js";
import type { Locator, Path } from "./manifest/parse.js";
import type { Manifest } from "./manifest/schema.js";
import type { BudgetKey, BudgetUse } from "./report-schema.js";
import { formatInput, formatPct, formatQuantity, METRIC_LABEL, SPACE, type Quantity } from "./format/units.js";

export const DEFAULT_WARN_AT = 0.8;

export type { BudgetKey, BudgetUse } from "./report-schema.js";

/** The finding rule of each budget key. */
export const BUDGET_RULES: Record<BudgetKey, Rule> = {
  "budget.energy_kwh": "budget/energy",
  "budget.co2e_kg": "budget/co2e",
  "budget.water_l": "budget/water",
  "budget.run.energy_kwh": "budget/run-energy",
  "budget.run.co2e_kg": "budget/run-co2e",
  "budget.increase_pct": "budget/increase",
};

const RUN_METRICS = ["energy_kwh", "co2e_kg"] as const;
const RUN_KEYS = { energy_kwh: "budget.run.energy_kwh", co2e_kg: "budget.run.co2e_kg" } as const;

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
  const name = (metric: Quantity) => (market && metric === "co2e_kg" ? "market-based CO2e" : METRIC_LABEL[metric]);

  // `at` gives the finding's place and subject, built only for a finding (10,000 entries mostly pass).
  const judge = (scope: string, metric: Quantity, key: BudgetKey, value: number, limit: number, at: () => [Path, string]) => {
    const rule = BUDGET_RULES[key];
    const share = value / limit;
    // NaN fails no comparison, so a figure that is not a finite number would pass: it is an error instead.
    if (!Number.isFinite(value) || !Number.isFinite(share) || !(limit > 0)) {
      const [path, what] = at();
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
    uses.push({ scope, metric, key, limit, value, share, status });
    if (status === "ok") return;
    const pctText = `${Math.round(share * 100)} %`;
    const [path, what] = at();
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
    if (limit !== undefined) judge("total", metric, `budget.${metric}`, figure(totals, metric), limit, () => [["budget", metric], `total ${name(metric)}`]);
  }
  // Per entry, by index and only for the limits the budget sets: this runs once for each of 10,000 entries.
  const runLimits = RUN_METRICS.filter((metric) => budget.run?.[metric] !== undefined);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    for (let j = 0; j < runLimits.length; j++) {
      const metric = runLimits[j]!;
      judge(run.id, metric, RUN_KEYS[metric], figure(run, metric), budget.run![metric]!, () => [[...run.path, "id"], `${run.id}: ${name(metric)}`]);
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
    } else {
      // Compared without dividing, so that exactly the allowed increase passes despite rounding.
      const over = (head - base) * 100 > budget.increase_pct * base;
      const ratio = (head / base - 1) * 100;
      const limit = budget.increase_pct;
      // Recorded for the reader (value and limit in %) when it is a number: not from a zero base, nor against 0 %.
      const share = ratio / limit;
      if (Number.isFinite(ratio) && Number.isFinite(share)) {
        uses.push({ scope: "total", metric: "energy_kwh", key: "budget.increase_pct", limit, value: ratio, share, status: over ? "over" : "ok" });
      }
      if (!over) return { uses, findings };
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

/** "energy 47.3 MWh of 120 MWh", "energy +50.3 % of +30 % allowed". */
export function formatBudgetUse(b: BudgetUse, sep = SPACE): string {
  if (b.key === "budget.increase_pct") return `${METRIC_LABEL[b.metric]} ${formatPct(b.value, sep)} of +${formatInput(b.limit)}${sep}% allowed`;
  return `${METRIC_LABEL[b.metric]} ${formatQuantity(b.metric, b.value, sep)} of ${formatQuantity(b.metric, b.limit, sep)}`;
}
