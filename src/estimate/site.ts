// Where an entry runs: the data centre's PUE, the grid's carbon intensity and the water factors (docs/manifest.md: Locations).
// Entries that share these inputs share one Site.
import { defaults, zoneIntensityIn, type Sourced } from "../catalogue/index.js";
import type { EntryFinding, ResolvedEntry } from "../manifest/rules.js";
import type { Manifest } from "../manifest/schema.js";
import { STATED, type EstimateCache } from "./cache.js";
import type { Factors } from "./footprint.js";
import type { Assumption } from "./types.js";

export interface Site {
  pue: Sourced;
  intensity: Sourced;
  /** On-site water use per kWh of IT energy. */
  wue: Sourced;
  /** Water of electricity generation per kWh of facility energy. */
  ewif: Sourced;
  /** The four figures above as plain numbers. */
  factors: Factors;
  /** The PUE is the industry average although the entry has a location: the notice data/default-pue names it. */
  defaultPue: boolean;
  notices: EntryFinding[];
  /** location, pue and carbon_intensity, which the report lists first. */
  assumptions: readonly Assumption[];
  /** wue_onsite and ewif, which the report lists last. */
  water: readonly Assumption[];
}

/**
 * A cloud region's PUE is its provider's; elsewhere the stated kind of facility gives it, and failing that the
 * industry average. The grid intensity is the zone's, of the entry's year where one is stated.
 */
export function siteOf({ entry, location: loc }: ResolvedEntry, d: Manifest["defaults"], cache: EstimateCache): Site {
  const pueOwn = entry.pue ?? d?.pue;
  const facility = entry.facility ?? d?.facility;
  const wueOwn = entry.wue_l_per_kwh ?? d?.wue_l_per_kwh;
  const ewifOwn = entry.water_intensity_l_per_kwh ?? d?.water_intensity_l_per_kwh;
  const intensityOwn = entry.carbon_intensity;
  const year = entry.year;
  return cache.once("site", [loc, pueOwn, facility, intensityOwn, year, wueOwn, ewifOwn], () => {
    const notices: EntryFinding[] = [];
    const pue: Sourced =
      pueOwn !== undefined ? { value: pueOwn, ...STATED } : (loc?.pue ?? (facility !== undefined ? defaults.facility_pue[facility] : defaults.unknown_pue));
    let intensity: Sourced = intensityOwn !== undefined ? { value: intensityOwn, ...STATED } : (loc?.intensity ?? defaults.world_intensity);
    if (loc && intensityOwn === undefined && year !== undefined) {
      const inYear = zoneIntensityIn(loc.zone, year);
      intensity = inYear.intensity;
      if (inYear.notice) notices.push({ rule: "data/grid-year", severity: "notice", message: inYear.notice, at: { value: ["year"] } });
    }
    if (!loc && !(intensityOwn !== undefined && pueOwn !== undefined)) {
      notices.push({
        rule: "data/location-missing",
        severity: "warning",
        message: `no location: using the world average grid (${defaults.world_intensity.value} gCO2e/kWh) and PUE ${pue.value}; set location (e.g. aws:us-east-1, FR) on the entry or in defaults`,
        at: { value: ["id"] },
      });
    }
    const wue: Sourced = wueOwn !== undefined ? { value: wueOwn, ...STATED } : (loc?.wue ?? defaults.wue_onsite);
    const ewif: Sourced = ewifOwn !== undefined ? { value: ewifOwn, ...STATED } : defaults.ewif;
    const assumptions: Assumption[] = [];
    if (loc) {
      const where = `${loc.id}${loc.place ? ` (${loc.place})` : ""} → grid zone ${loc.zone} (${loc.zoneName})`;
      assumptions.push(cache.assumption("location", where, "", { source: "data/cloud.json, data/grid.json", year: null }));
    }
    assumptions.push(cache.assumption("pue", pue.value, "", pue), cache.assumption("carbon_intensity", intensity.value, "gCO2e/kWh", intensity));
    const water = [cache.assumption("wue_onsite", wue.value, "L/kWh", wue), cache.assumption("ewif", ewif.value, "L/kWh", ewif)];
    const factors = { pue: pue.value, intensity: intensity.value, wue: wue.value, ewif: ewif.value };
    return { pue, intensity, wue, ewif, factors, defaultPue: loc !== null && pue === defaults.unknown_pue, notices, assumptions, water };
  });
}
