// Places written as names: countries (ISO 3166-1 names and codes), US states and Canadian provinces, cloud regions by
// their display names, and the regions of the GPU clouds of data/places.json (sources: data/places/SOURCES.md).
// The index is built on the first name that is not a cloud region or a zone id, so other manifests never pay for it.
import cloudData from "../../data/cloud.json" with { type: "json" };
import placesData from "../../data/places.json" with { type: "json" };
import { nameKey } from "./names.js";

/** A place a name means: a country, state or province with its zone; a cloud region; or a country without a zone of its own. */
export type Place =
  | { kind: "zone"; zone: string; place: string; write: string; also: readonly string[] }
  | { kind: "region"; id: string; name: string }
  | { kind: "zones"; place: string; zones: readonly string[] };

interface CloudRegion {
  name: string;
  location: string;
  zone: string;
}

interface Cloud {
  name: string;
  source: string;
  year: number;
  regions: Record<string, CloudRegion>;
}

const data = placesData as unknown as {
  countries: Record<string, { names: string[]; zone?: string; zones?: string[] }>;
  states: Record<string, { name: string; zone: string; also?: string[] }>;
  provinces: Record<string, { name: string }>;
  clouds: Record<string, Cloud>;
};

export const clouds: Readonly<Record<string, Cloud>> = data.clouds;

/** A region of a GPU cloud (`oci`, `coreweave`); an availability zone (`us-east-04a`) names its region. */
export function cloudRegion(cloud: Cloud, id: string): { id: string; region: CloudRegion } | null {
  const own = Object.prototype.hasOwnProperty.call(cloud.regions, id) ? id : /\d[a-z]$/.test(id) ? id.slice(0, -1) : null;
  return own !== null && Object.prototype.hasOwnProperty.call(cloud.regions, own) ? { id: own, region: cloud.regions[own]! } : null;
}

let index: Map<string, Place[]> | undefined;

function places(): Map<string, Place[]> {
  if (index) return index;
  const map = new Map<string, Place[]>();
  const add = (name: string, place: Place) => {
    const key = nameKey(name);
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [place]);
    else if (!list.some((p) => same(p, place))) list.push(place);
  };
  for (const [alpha2, c] of Object.entries(data.countries)) {
    const place = c.names[0]!;
    const p: Place = c.zone !== undefined ? { kind: "zone", zone: c.zone, place, write: c.zone, also: [] } : { kind: "zones", place, zones: c.zones ?? [] };
    for (const n of [alpha2, ...c.names]) add(n, p);
  }
  for (const [code, s] of Object.entries(data.states)) {
    const p: Place = { kind: "zone", zone: s.zone, place: `${s.name}, United States`, write: code, also: s.also ?? [] };
    for (const n of [code, s.name, `${s.name}, US`, `${s.name}, USA`, `${s.name}, United States`]) add(n, p);
  }
  for (const [code, pr] of Object.entries(data.provinces)) {
    const p: Place = { kind: "zone", zone: code, place: `${pr.name}, Canada`, write: code, also: [] };
    for (const n of [pr.name, `${pr.name}, Canada`]) add(n, p);
  }
  const big = (cloudData as unknown as { providers: Record<string, { regions: Record<string, { name: string }> }> }).providers;
  for (const [provider, c] of Object.entries(big))
    for (const [id, r] of Object.entries(c.regions)) add(r.name, { kind: "region", id: `${provider}:${id}`, name: r.name });
  for (const [provider, c] of Object.entries(data.clouds))
    for (const [id, r] of Object.entries(c.regions)) add(r.name, { kind: "region", id: `${provider}:${id}`, name: r.name });
  return (index = map);
}

function same(a: Place, b: Place): boolean {
  if (a.kind === "region" || b.kind === "region") return a.kind === "region" && b.kind === "region" && a.id === b.id;
  return a.kind === b.kind && a.place === b.place;
}

/** How a place is written so that it resolves, with what it is: `US-GA (Georgia, United States)`. */
export function writable(p: Place): string {
  if (p.kind === "region") return `${p.id} (${p.name})`;
  return p.kind === "zone" ? `${p.write} (${p.place})` : p.place;
}

/**
 * What a name means. One country, state or province wins over cloud regions of the same display name ("Oregon"), which
 * come back as `twins`; two places of one name ("Georgia") are `ambiguous`, as are several regions of one name.
 */
export function placeNamed(input: string): { place: Place; twins: Place[] } | { ambiguous: Place[] } | null {
  const key = nameKey(input);
  const found = key ? places().get(key) : undefined;
  if (!found) return null;
  const grids = found.filter((p) => p.kind !== "region");
  if (grids.length === 1) return { place: grids[0]!, twins: found.filter((p) => p.kind === "region") };
  if (grids.length === 0 && found.length === 1) return { place: found[0]!, twins: [] };
  return { ambiguous: grids.length > 1 ? grids : found };
}

/** Separators of the parts of a place ("Council Bluffs, Iowa, USA", "Frankfurt (Germany)"). */
const PARTS = /[,;()/]/;
/** A place that is not found is split into at most this many parts, each looked up once. */
const MAX_PARTS = 8;

/** The places named by the parts of an unknown place, most specific first ("Frankfurt, Germany" → Germany). */
export function placesInside(input: string): Place[] {
  const parts = input.split(PARTS, MAX_PARTS + 1).slice(0, MAX_PARTS);
  const out: Place[] = [];
  if (parts.length < 2) return out;
  for (const part of parts) {
    const hit = part.trim() === "" ? null : placeNamed(part);
    if (hit && "place" in hit && !out.some((p) => same(p, hit.place))) out.push(hit.place);
  }
  return out.sort((a, b) => (a.kind === "region" ? 1 : 0) - (b.kind === "region" ? 1 : 0));
}

/** Every name of the index with the place it resolves to, for suggestions by spelling. */
export function placeKeys(): ReadonlyMap<string, Place[]> {
  return places();
}
