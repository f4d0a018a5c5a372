#!/usr/bin/env node
// Generates data/grid-yearly.json: the yearly carbon intensity of electricity generation of every country that has a
// zone in data/grid.json, from Our World in Data's series (data/upstream/owid/, CC BY 4.0), for the years before
// the Electricity Maps yearly figures of grid.json begin. The engine scales a zone's earliest lifecycle figure by
// its country's ratio between the two years (docs/manifest.md: Grid year).
//
//   node scripts/gen-grid-yearly.mjs           write data/grid-yearly.json
//   node scripts/gen-grid-yearly.mjs --check   exit 1 if data/grid-yearly.json is out of date

import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import countries from "i18n-iso-countries";

const CSV = fileURLToPath(new URL("../data/upstream/owid/carbon-intensity-electricity.csv", import.meta.url));
const GRID = fileURLToPath(new URL("../data/grid.json", import.meta.url));
const OUT = fileURLToPath(new URL("../data/grid-yearly.json", import.meta.url));
const COLUMN = "Carbon intensity of electricity - gCO2/kWh";
// OWID's own code for a country without an ISO alpha-3 code; Electricity Maps calls it XK.
const OWID_CODES = { OWID_KOS: "XK" };

function build() {
  const grid = JSON.parse(readFileSync(GRID, "utf8"));
  const firstLifecycleYear = Math.min(...Object.values(grid.zones).flatMap((z) => Object.keys(z.yearly).map(Number)));
  // A zone's country is the part of its id before the first hyphen (US-CAL-CISO → US, SE-SE3 → SE).
  const wanted = new Set(Object.keys(grid.zones).map((id) => id.split("-")[0]));
  const series = {};
  for (const row of parse(readFileSync(CSV, "utf8"), { columns: true, skip_empty_lines: true })) {
    const alpha2 = OWID_CODES[row.Code] ?? (row.Code ? countries.alpha3ToAlpha2(row.Code) : undefined);
    const year = Number(row.Year);
    const value = Number(row[COLUMN]);
    if (!alpha2 || !wanted.has(alpha2) || year > firstLifecycleYear || !Number.isFinite(value) || value <= 0) continue;
    (series[alpha2] ??= {})[year] = Math.round(value * 1000) / 1000;
  }
  const sorted = {};
  for (const id of Object.keys(series).sort()) sorted[id] = series[id];
  return {
    source:
      "Our World in Data, Carbon intensity of electricity generation (Ember 2025; Energy Institute Statistical Review of World Energy 2025), " +
      "direct CO2 of generation, gCO2/kWh; copy in data/upstream/owid/",
    license: "CC BY 4.0 (Our World in Data; Ember; Energy Institute); see NOTICE",
    note: `Countries with a zone in data/grid.json, years up to ${firstLifecycleYear} (the first year of the lifecycle figures in grid.json)`,
    through: firstLifecycleYear,
    countries: sorted,
  };
}

const text = JSON.stringify(build(), null, 1) + "\n";
if (process.argv.includes("--check")) {
  const onDisk = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  if (onDisk !== text) {
    console.error("data/grid-yearly.json is out of date; run `node scripts/gen-grid-yearly.mjs`");
    process.exit(1);
  }
  console.log("data/grid-yearly.json is up to date");
} else {
  writeFileSync(OUT, text);
  console.log(`wrote data/grid-yearly.json (${Object.keys(JSON.parse(text).countries).length} countries)`);
}
