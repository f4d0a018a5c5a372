import { describe, expect, it } from "vitest";
import { diff, type RunFigures } from "../src/diff.js";
import { type Totals } from "../src/estimate/index.js";
import { near } from "./helpers.js";

function fig(id: string, energy: number, co2e: number, water = 0, kind: "training" | "inference" = "training"): RunFigures {
  return { id, kind, basis: "estimated", energy_kwh: energy, operational_co2e_kg: co2e, embodied_co2e_kg: 0, co2e_kg: co2e, water_l: water, per_request: null };
}
function tot(runs: RunFigures[]): Totals {
  const t = { energy_kwh: 0, operational_co2e_kg: 0, embodied_co2e_kg: 0, co2e_kg: 0, water_l: 0 };
  for (const r of runs) {
    t.energy_kwh += r.energy_kwh;
    t.operational_co2e_kg += r.operational_co2e_kg;
    t.co2e_kg += r.co2e_kg;
    t.water_l += r.water_l;
  }
  return t;
}

describe("diff", () => {
  const base = [fig("same", 100, 10, 5), fig("grows", 100, 10), fig("gone", 50, 5), fig("water", 10, 1, 1)];
  const head = [fig("new", 20, 2), fig("same", 100, 10, 5), fig("grows", 150, 12), fig("water", 10, 1, 2)];
  const d = diff(tot(base), base, tot(head), head);
  const by = (id: string) => d.runs.find((r) => r.id === id)!;

  it("classifies added / removed / changed / unchanged, head order first then base-only entries", () => {
    expect(d.runs.map((r) => [r.id, r.change])).toEqual([
      ["new", "added"],
      ["same", "unchanged"],
      ["grows", "changed"],
      ["water", "changed"],
      ["gone", "removed"],
    ]);
  });

  it("per-entry deltas and percentages", () => {
    expect(by("grows")).toMatchObject({ energy_kwh: 50, energy_pct: 50, co2e_kg: 2 });
    near(by("grows").co2e_pct, 20);
    expect(by("new")).toMatchObject({ energy_kwh: 20, energy_pct: null, co2e_pct: null, base: null });
    expect(by("gone")).toMatchObject({ energy_kwh: -50, energy_pct: -100, head: null });
    expect(by("same")).toMatchObject({ energy_kwh: 0, energy_pct: 0 });
  });

  it("totals delta", () => {
    near(d.energy_kwh, 280 - 260);
    near(d.energy_pct, (20 / 260) * 100);
    near(d.water_l, 1);
  });

  it("a tiny floating-point difference is unchanged", () => {
    const a = [fig("x", 0.1 + 0.2, 1)];
    const b = [fig("x", 0.3, 1)];
    expect(diff(tot(a), a, tot(b), b).runs[0]!.change).toBe("unchanged");
  });

  it("zero base → pct null; both zero → 0", () => {
    const z = [fig("x", 0, 0)];
    const h = [fig("x", 5, 1)];
    const up = diff(tot(z), z, tot(h), h);
    expect(up.energy_pct).toBeNull();
    expect(up.co2e_pct).toBeNull();
    expect(up.runs[0]!.energy_pct).toBeNull();
    expect(up.runs[0]!.change).toBe("changed");
    const flat = diff(tot(z), z, tot(z), z);
    expect(flat.energy_pct).toBe(0);
    expect(flat.runs[0]!.energy_pct).toBe(0);
    expect(flat.runs[0]!.change).toBe("unchanged");
  });
});
