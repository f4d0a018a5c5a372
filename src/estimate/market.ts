// The market-based factor of an entry (docs/methodology.md: Market-based CO2e): a stated factor, or a carbon-free share of the
// location-based figure, stated or published by the cloud provider. The entry's own statement replaces the defaults'.
import { CFE_PROVIDERS, providerCfe, type ResolvedLocation, type Sourced } from "../catalogue/index.js";
import type { EntryFinding, ResolvedEntry } from "../manifest/rules.js";
import type { Manifest } from "../manifest/schema.js";
import { STATED, type EstimateCache } from "./cache.js";
import type { Assumption } from "./types.js";

export type MarketFactor = { intensity: number } | { cfe: Sourced };

export type MarketChoice =
  | { ok: true; factor: MarketFactor | null; notices: EntryFinding[]; assumptions: readonly Assumption[] }
  /** `stated`: where the carbon_free_energy without a published share is written. */
  | { ok: false; message: string; stated: "entry" | "defaults" };

export function marketFactor({ entry, location: loc }: ResolvedEntry, d: Manifest["defaults"], cache: EstimateCache): MarketChoice {
  const own = entry.carbon_free_energy !== undefined || entry.market_based_intensity !== undefined;
  const cfeStated = own ? entry.carbon_free_energy : d?.carbon_free_energy;
  const intensity = own ? entry.market_based_intensity : d?.market_based_intensity;
  const year = entry.year;
  return cache.once("market", [own, cfeStated, intensity, loc, year], (): MarketChoice => {
    if (intensity !== undefined) {
      return { ok: true, factor: { intensity }, notices: [], assumptions: [cache.assumption("market_based_intensity", intensity, "gCO2e/kWh", STATED)] };
    }
    if (cfeStated === undefined) return { ok: true, factor: null, notices: [], assumptions: [] };
    if (cfeStated !== "provider") {
      return {
        ok: true,
        factor: { cfe: { value: cfeStated, ...STATED } },
        notices: [],
        assumptions: [cache.assumption("carbon_free_energy", cfeStated, "", STATED)],
      };
    }
    // The provider's published share of the entry's region, of the run's year where one is stated.
    const published = loc ? providerCfe(loc, year) : null;
    if (!published) return { ok: false, message: noProviderCfeMessage(loc), stated: own ? "entry" : "defaults" };
    const notices: EntryFinding[] = published.notice ? [{ rule: "data/cfe-year", severity: "notice", message: published.notice, at: { value: ["year"] } }] : [];
    const share = published.share;
    return { ok: true, factor: { cfe: share }, notices, assumptions: [cache.assumption("carbon_free_energy", share.value, "", share)] };
  });
}

/** Why `carbon_free_energy: provider` has no figure for a location, and what to state instead. */
function noProviderCfeMessage(loc: ResolvedLocation | null): string {
  const which = CFE_PROVIDERS.map((p) => `${p}:`).join(" or ");
  const where = loc ? `${loc.id} has none` : "the entry has no location";
  return `carbon_free_energy: provider is the share a cloud provider publishes for a ${which} region; ${where}. State the share as a number from 0 to 1, or market_based_intensity`;
}
