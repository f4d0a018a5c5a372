// Budgets (docs/rules.md): absolute totals, per-entry limits, each entry's own budget and the increases over the base.
import type { RunFigures } from "./diff.js";
import type { Totals, RunResult } from "./estimate/index.js";
import type { Finding, Rule } from "./findings.js";
import type { Locator, Path } from "./manifest/parse.js";
import type { Manifest } from "./manifest/schema.js";
import { labelled, ONE_OFF, type PeriodReport } from "./period/index.js";
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
  "entry.budget.energy_kwh": "budget/energy",
  "entry.budget.co2e_kg": "budget/co2e",
  "entry.budget.water_l": "budget/water",
  "entry.budget.increase_pct": "budget/increase",
};

/** The key as the manifest writes it: an entry's own limit is `budget.…` on the entry. */
export function writtenKey(key: BudgetKey): string {
  return key.startsWith("entry.") ? key.slice("entry.".length) : key;
}

const RUN_METRICS = ["energy_kwh", "co2e_kg"] as const;
const RUN_KEYS = { energy_kwh: "budget.run.energy_kwh", co2e_kg: "budget.run.co2e_kg" } as const;

/** What budgets are judged against beyond the head's totals: the base's entries and the manifest's period. */
export interface BudgetContext {
  baseRuns?: readonly RunFigures[];
  period?: PeriodReport | null;
}

const ENTRY_METRICS = ["energy_kwh", "co2e_kg", "water_l"] as const;

export function checkBudgets(
  manifest: Manifest,
  totals: Totals,
  runs: readonly RunResult[],
  baseTotals: Totals | null,
  file: string,
  locator: Locator,
  { baseRuns = [], period = null }: BudgetContext = {},
): { uses: BudgetUse[]; findings: Finding[] } {
  const budget = manifest.budget;
  const uses: BudgetUse[] = [];
  const findings: Finding[] = [];
  // An entry's own budget is read from the entry; `run.path` is its place in the manifest.
  const entryBudget = (run: RunResult) => manifest[run.kind]?.[run.path[1] as number]?.budget;
  if (!budget && !runs.some((r) => entryBudget(r) !== undefined)) return { uses, findings };
  const warnAt = budget?.warn_at ?? DEFAULT_WARN_AT;
  // basis: market judges the market-based CO2e; an entry without a market factor has only its location-based one.
  const market = budget?.basis === "market";
  const figure = (t: Totals, metric: Quantity) => (market && metric === "co2e_kg" ? (t.market_based_co2e_kg ?? t.co2e_kg) : t[metric]);
  const name = (metric: Quantity) => (market && metric === "co2e_kg" ? "market-based CO2e" : METRIC_LABEL[metric]);
  // The window each limit is for, said with it where the manifest has periods to tell apart.
  const shown = labelled(period);
  const totalWindow = shown ? period.label : undefined;
  const window = (run: RunResult) => (!shown ? undefined : run.one_off ? ONE_OFF : `per ${period.window}`);

  // `at` gives the finding's place and subject, built only for a finding (10,000 entries mostly pass).
  const judge = (scope: string, metric: Quantity, key: BudgetKey, value: number, limit: number, win: string | undefined, at: () => [Path, string]) => {
    const rule = BUDGET_RULES[key];
    const share = value / limit;
    const whose = key.startsWith("entry.") ? "its budget" : "the budget";
    const ofLimit = (text: string) => `${whose} of ${text}${win === undefined ? "" : ` ${win}`}`;
    // NaN fails no comparison, so a figure that is not a finite number would pass: it is an error instead.
    if (!Number.isFinite(value) || !Number.isFinite(share) || !(limit > 0)) {
      const [path, what] = at();
      findings.push({
        rule,
        severity: "error",
        message: `${what} (${String(value)}) cannot be compared with ${ofLimit(Number.isFinite(limit) ? formatQuantity(metric, limit) : String(limit))}: the figure or its share of the budget is not a finite number`,
        file,
        ...locator.value(path),
      });
      return;
    }
    const status = share > 1 ? "over" : share >= warnAt ? "warn" : "ok";
    uses.push(win === undefined ? { scope, metric, key, limit, value, share, status } : { scope, metric, key, limit, value, share, status, period: win });
    if (status === "ok") return;
    const pctText = `${Math.round(share * 100)} %`;
    const [path, what] = at();
    findings.push({
      rule,
      severity: status === "over" ? "error" : "warning",
      message:
        status === "over"
          ? `${what} ${formatQuantity(metric, value)} is over ${ofLimit(formatQuantity(metric, limit))} (${pctText}); reduce the plan or raise the budget in a reviewed change`
          : `${what} ${formatQuantity(metric, value)} uses ${pctText} of ${ofLimit(formatQuantity(metric, limit))} (warning at ${Math.round(warnAt * 100)} %)`,
      file,
      ...locator.value(path),
    });
  };

  if (budget) {
    for (const metric of ["energy_kwh", "co2e_kg", "water_l"] as const) {
      const limit = budget[metric];
      if (limit !== undefined)
        judge("total", metric, `budget.${metric}`, figure(totals, metric), limit, totalWindow, () => [["budget", metric], `total ${name(metric)}`]);
    }
  }
  // Per entry, by index and only for the limits set: this runs once for each of 10,000 entries.
  const runLimits = RUN_METRICS.filter((metric) => budget?.run?.[metric] !== undefined);
  const baseById = baseTotals && baseRuns.length > 0 ? new Map(baseRuns.map((r) => [r.id, r])) : null;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    for (let j = 0; j < runLimits.length; j++) {
      const metric = runLimits[j]!;
      judge(run.id, metric, RUN_KEYS[metric], figure(run, metric), budget!.run![metric]!, window(run), () => [
        [...run.path, "id"],
        `${run.id}: ${name(metric)}`,
      ]);
    }
    const own = entryBudget(run);
    if (own === undefined) continue;
    for (const metric of ENTRY_METRICS) {
      const limit = own[metric];
      if (limit !== undefined)
        judge(run.id, metric, `entry.budget.${metric}`, figure(run, metric), limit, window(run), () => [
          [...run.path, "budget", metric],
          `${run.id}: ${name(metric)}`,
        ]);
    }
    // Against the entry of the same id at the base: an entry added or renamed has none.
    const base = own.increase_pct !== undefined ? baseById?.get(run.id) : undefined;
    if (base) {
      const at = [...run.path, "budget", "increase_pct"];
      increase(run.id, "entry.budget.increase_pct", run.energy_kwh, base.energy_kwh, own.increase_pct!, at, `${run.id}: energy`);
    }
  }

  if (budget?.increase_pct !== undefined && baseTotals)
    increase("total", "budget.increase_pct", totals.energy_kwh, baseTotals.energy_kwh, budget.increase_pct, ["budget", "increase_pct"], "total energy");
  return { uses, findings };

  /** Energy over its base by more than `allowed` %: `what` names the total or the entry. */
  function increase(scope: string, key: BudgetKey, head: number, base: number, allowed: number, at: Path, what: string): void {
    if (!Number.isFinite(head) || !Number.isFinite(base) || !Number.isFinite(allowed)) {
      findings.push({
        rule: "budget/increase",
        severity: "error",
        message: `${what} (${String(base)} → ${String(head)} kWh) cannot be compared with the ${allowed} % allowed: it is not a finite number`,
        file,
        ...locator.value(at),
      });
      return;
    }
    // Compared without dividing, so that exactly the allowed increase passes despite rounding.
    const over = (head - base) * 100 > allowed * base;
    const ratio = (head / base - 1) * 100;
    // Recorded for the reader (value and limit in %) when it is a number: not from a zero base, nor against 0 %.
    const share = ratio / allowed;
    if (Number.isFinite(ratio) && Number.isFinite(share))
      uses.push({ scope, metric: "energy_kwh", key, limit: allowed, value: ratio, share, status: over ? "over" : "ok" });
    if (!over) return;
    const by = base === 0 ? "from zero" : Number.isFinite(ratio) ? `by ${ratio.toFixed(1)} %` : "by more than 1e308 %";
    findings.push({
      rule: "budget/increase",
      severity: "error",
      message: `${what} rises ${by} (${formatQuantity("energy_kwh", base)} → ${formatQuantity("energy_kwh", head)}), more than the ${allowed} % allowed`,
      file,
      ...locator.value(at),
    });
  }
}

/** "energy 47.3 MWh of 120 MWh", "energy 47.3 MWh of 120 MWh per month", "energy +50.3 % of +30 % allowed". */
export function formatBudgetUse(b: BudgetUse, sep = SPACE): string {
  if (b.key.endsWith("increase_pct")) return `${METRIC_LABEL[b.metric]} ${formatPct(b.value, sep)} of +${formatInput(b.limit)}${sep}% allowed`;
  return `${METRIC_LABEL[b.metric]} ${formatQuantity(b.metric, b.value, sep)} of ${formatQuantity(b.metric, b.limit, sep)}${b.period === undefined ? "" : ` ${b.period}`}`;
}
