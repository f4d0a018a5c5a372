// Energy, CO2e and water from IT energy and the site's factors; measured figures in place of the plan's.
import type { MarketFactor } from "./market.js";
import type { MeasuredInput, Totals } from "./types.js";

/** The site's factors as plain figures. */
export interface Factors {
  pue: number;
  /** gCO2e/kWh */
  intensity: number;
  /** L/kWh of IT energy */
  wue: number;
  /** L/kWh of facility energy */
  ewif: number;
}

/** Relative change from `base` to `head`, in %; null where it is undefined (from 0 to more). */
export function pct(head: number, base: number): number | null {
  if (base === 0) return head === 0 ? 0 : null;
  return ((head - base) / base) * 100;
}

export function footprint(itKwh: number, f: Factors, embodiedKg: number): Totals {
  const energy = itKwh * f.pue;
  const operational = (energy * f.intensity) / 1000;
  return {
    energy_kwh: energy,
    operational_co2e_kg: operational,
    embodied_co2e_kg: embodiedKg,
    co2e_kg: operational + embodiedKg,
    water_l: itKwh * f.wue + energy * f.ewif,
  };
}

/** Measured energy and operational CO2e, with the plan's embodied carbon. */
export function measuredFootprint(m: MeasuredInput, f: Factors, embodiedKg: number): { totals: Totals; itKwh: number } {
  if (m.codecarbon) {
    const t = { it: 0, energy: 0, operational: 0, water: 0 };
    for (const cc of m.codecarbon) {
      // A file with a pue column recorded facility energy at that PUE (1 included), unless the manifest says otherwise;
      // IT-level figures are scaled by the entry's PUE.
      const facility = m.basis !== undefined ? m.basis === "facility" : cc.pue !== null;
      const it = facility ? cc.energy_kwh / (cc.pue ?? f.pue) : cc.energy_kwh;
      const energy = facility ? cc.energy_kwh : cc.energy_kwh * f.pue;
      t.it += it;
      t.energy += energy;
      t.operational += facility ? cc.emissions_kg : cc.emissions_kg * f.pue;
      // CodeCarbon ≥ 3.1 measures on-site water (WUE × kWh); older files, or a WUE of 0, leave it to ours.
      t.water += (cc.water_l !== null && cc.water_l > 0 ? cc.water_l : it * f.wue) + energy * f.ewif;
    }
    return {
      itKwh: t.it,
      totals: { energy_kwh: t.energy, operational_co2e_kg: t.operational, embodied_co2e_kg: embodiedKg, co2e_kg: t.operational + embodiedKg, water_l: t.water },
    };
  }
  const stated = m.energy_kwh ?? 0;
  const it = m.basis === "facility" ? stated / f.pue : stated;
  return { itKwh: it, totals: footprint(it, f, embodiedKg) };
}

/**
 * Adds the market-based CO2e: the stated factor on the facility energy, or the location-based operational CO2e
 * (measured or estimated) without its carbon-free share.
 */
export function withMarketBased(t: Totals, factor: MarketFactor | null): Totals {
  if (factor === null) return t;
  const operational = "intensity" in factor ? (t.energy_kwh * factor.intensity) / 1000 : t.operational_co2e_kg * (1 - factor.cfe.value);
  return { ...t, market_based_co2e_kg: operational + t.embodied_co2e_kg };
}
