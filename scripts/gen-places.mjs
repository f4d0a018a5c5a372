#!/usr/bin/env node
// Generates data/places.json: the places users write as names — countries (ISO 3166-1 alpha-2, alpha-3 and English
// names, from i18n-iso-countries), Canadian provinces (the CA-XX zones of data/grid.json), US states
// (data/places/us-states.csv) — with their Electricity Maps zone, and the regions of GPU and other clouds
// (data/places/gpu-clouds.csv). Sources: data/places/SOURCES.md. The catalogue indexes the names on first use.
//
//   node scripts/gen-places.mjs           write data/places.json
//   node scripts/gen-places.mjs --check   exit 1 if data/places.json is out of date or a mapping is invalid

import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import countries from "i18n-iso-countries";

const file = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const OUT = file("data/places.json");
const grid = JSON.parse(readFileSync(file("data/grid.json"), "utf8")).zones;
const csv = (p) => parse(readFileSync(file(p), "utf8"), { columns: true, skip_empty_lines: true });

function zoneOf(zone, where) {
  if (!grid[zone]) throw new Error(`${where}: zone ${zone} is not in data/grid.json`);
  return zone;
}

const CLOUDS = {
  oci: {
    name: "Oracle Cloud Infrastructure",
    source:
      "Oracle Cloud Infrastructure documentation, Regions and Availability Domains (docs.oracle.com/iaas/Content/General/Concepts/regions.htm); " +
      "Oracle Fusion Cloud EPM, Geographical Regions and Identifiers (docs.oracle.com)",
    year: 2025,
  },
  coreweave: {
    name: "CoreWeave",
    source: "CoreWeave documentation, General Access Regions and All Availability Zones (docs.coreweave.com/docs/platform/regions)",
    year: 2026,
  },
};

function build() {
  // Countries: the zone whose id is the alpha-2 code; else the zones inside the country, or none.
  const out = { countries: {}, states: {}, provinces: {}, clouds: {} };
  const names = countries.getNames("en", { select: "all" });
  for (const alpha2 of Object.keys(names).sort()) {
    const inside = Object.keys(grid).filter((z) => z.startsWith(`${alpha2}-`));
    const entry = { names: [...names[alpha2], countries.alpha2ToAlpha3(alpha2)] };
    if (grid[alpha2]) entry.zone = alpha2;
    else entry.zones = inside;
    out.countries[alpha2] = entry;
  }
  for (const z of Object.keys(grid).filter((id) => /^CA-[A-Z]{2}$/.test(id))) out.provinces[z] = { name: grid[z].name };
  for (const s of csv("data/places/us-states.csv")) {
    const also = s.also ? s.also.split("|").map((z) => zoneOf(z, s.name)) : [];
    out.states[`US-${s.code}`] = { name: s.name, zone: zoneOf(s.zone, s.name), ...(also.length ? { also } : {}) };
  }
  // A cloud region's zone: the finer one stated, else that of the state, province or country its location names last.
  const byName = new Map();
  for (const c of Object.values(out.countries)) for (const n of c.names) byName.set(n.toLowerCase(), c.zone ?? null);
  for (const [code, p] of Object.entries(out.provinces)) {
    for (const n of [p.name, p.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "")]) byName.set(n.toLowerCase(), code);
  }
  for (const s of Object.values(out.states)) byName.set(s.name.toLowerCase(), s.zone);
  for (const r of csv("data/places/gpu-clouds.csv")) {
    const cloud = (out.clouds[r.provider] ??= { ...CLOUDS[r.provider], regions: {} });
    if (!CLOUDS[r.provider]) throw new Error(`gpu-clouds.csv: unknown provider ${r.provider} (add its name and source)`);
    const last = r.location.split(",").at(-1).trim().toLowerCase();
    const zone = r.zone || byName.get(last);
    if (!zone) throw new Error(`gpu-clouds.csv: ${r.provider}:${r.region}: no zone for "${r.location}"; name its zone`);
    cloud.regions[r.region] = { name: r.name, location: r.location, zone: zoneOf(zone, `${r.provider}:${r.region}`) };
  }
  return {
    source:
      "data/places/SOURCES.md: countries from i18n-iso-countries (ISO 3166-1), US states from data/places/us-states.csv, clouds from data/places/gpu-clouds.csv",
    ...out,
  };
}

const text = JSON.stringify(build(), null, 1) + "\n";
if (process.argv.includes("--check")) {
  const onDisk = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  if (onDisk !== text) {
    console.error("data/places.json is out of date; run `node scripts/gen-places.mjs`");
    process.exit(1);
  }
  console.log("data/places.json is up to date");
} else {
  writeFileSync(OUT, text);
  const p = JSON.parse(text);
  console.log(
    `wrote data/places.json (${Object.keys(p.countries).length} countries, ${Object.keys(p.states).length} US states, ` +
      `${Object.keys(p.provinces).length} Canadian provinces, ${Object.values(p.clouds).reduce((n, c) => n + Object.keys(c.regions).length, 0)} cloud regions)`,
  );
}
