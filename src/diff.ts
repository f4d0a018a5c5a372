// Base → head comparison: entries matched by id; head order first, then entries only the base has.
import { pct, type Kind, type Totals } from "./estimate/index.js";
import type { Change, Delta, RunDelta, RunFigures } from "./report-schema.js";

export type { Change, Delta, RunDelta, RunFigures } from "./report-schema.js";

const SAME = 1e-9;

export function diff(baseTotals: Totals, baseRuns: readonly RunFigures[], headTotals: Totals, headRuns: readonly RunFigures[]): Delta {
  const baseById = new Map(baseRuns.map((r) => [r.id, r]));
  const headIds = new Set(headRuns.map((r) => r.id));
  const runs: RunDelta[] = [];
  for (const head of headRuns) {
    const base = baseById.get(head.id) ?? null;
    runs.push(runDelta(head.id, head.kind, base, head));
  }
  for (const base of baseRuns) if (!headIds.has(base.id)) runs.push(runDelta(base.id, base.kind, base, null));
  return {
    energy_kwh: headTotals.energy_kwh - baseTotals.energy_kwh,
    energy_pct: pct(headTotals.energy_kwh, baseTotals.energy_kwh),
    co2e_kg: headTotals.co2e_kg - baseTotals.co2e_kg,
    co2e_pct: pct(headTotals.co2e_kg, baseTotals.co2e_kg),
    water_l: headTotals.water_l - baseTotals.water_l,
    runs,
  };
}

function runDelta(id: string, kind: Kind, base: RunFigures | null, head: RunFigures | null): RunDelta {
  const b = base ?? { energy_kwh: 0, co2e_kg: 0 };
  const h = head ?? { energy_kwh: 0, co2e_kg: 0 };
  const change: Change = !base
    ? "added"
    : !head
      ? "removed"
      : close(b.energy_kwh, h.energy_kwh) && close(b.co2e_kg, h.co2e_kg) && close(base.water_l, head.water_l) && samePerRequest(base, head)
        ? "unchanged"
        : "changed";
  return {
    id,
    kind,
    change,
    base,
    head,
    energy_kwh: h.energy_kwh - b.energy_kwh,
    energy_pct: base ? pct(h.energy_kwh, b.energy_kwh) : null,
    co2e_kg: h.co2e_kg - b.co2e_kg,
    co2e_pct: base ? pct(h.co2e_kg, b.co2e_kg) : null,
    per_request_energy_pct: perRequestPct(base, head, "energy_wh"),
    per_request_co2e_pct: perRequestPct(base, head, "co2e_g_per_1000"),
  };
}

function perRequestPct(base: RunFigures | null, head: RunFigures | null, key: "energy_wh" | "co2e_g_per_1000"): number | null {
  const b = base?.per_request?.[key] ?? null;
  const h = head?.per_request?.[key] ?? null;
  return b === null || h === null ? null : pct(h, b);
}

/** Serving more requests for the same energy changes an entry, though its totals do not. */
function samePerRequest(base: RunFigures, head: RunFigures): boolean {
  const b = base.per_request?.energy_wh ?? null;
  const h = head.per_request?.energy_wh ?? null;
  return b === null || h === null ? b === h : close(b, h);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b));
}
