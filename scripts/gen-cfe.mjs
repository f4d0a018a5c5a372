#!/usr/bin/env node
// Generates data/cfe.json: the carbon-free-energy share Google publishes for each of its cloud regions, per year,
// from the copies of Google's yearly CSVs in data/upstream/google-region-carbon/ (Apache-2.0), for every gcp region
// of data/cloud.json. `carbon_free_energy: provider` reads it (docs/methodology.md: Market-based CO2e).
//
//   node scripts/gen-cfe.mjs           write data/cfe.json
//   node scripts/gen-cfe.mjs --check   exit 1 if data/cfe.json is out of date

import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const DIR = fileURLToPath(new URL("../data/upstream/google-region-carbon/", import.meta.url));
const CLOUD = fileURLToPath(new URL("../data/cloud.json", import.meta.url));
const OUT = fileURLToPath(new URL("../data/cfe.json", import.meta.url));

function build() {
  const regions = Object.keys(JSON.parse(readFileSync(CLOUD, "utf8")).providers.gcp.regions);
  const yearly = {};
  const files = readdirSync(DIR)
    .filter((f) => /^\d{4}\.csv$/.test(f))
    .sort();
  for (const file of files) {
    const year = Number(file.slice(0, 4));
    for (const row of parse(readFileSync(DIR + file, "utf8"), { columns: true, skip_empty_lines: true })) {
      const id = row["Google Cloud Region"];
      const raw = row["Google CFE"];
      // An empty cell: Google published no share for the region that year.
      if (!regions.includes(id) || raw === undefined || raw.trim() === "") continue;
      const share = Number(raw);
      if (!Number.isFinite(share) || share < 0 || share > 1) throw new Error(`${file}: ${id}: Google CFE ${raw} is not a share from 0 to 1`);
      (yearly[id] ??= {})[year] = share;
    }
  }
  const out = {};
  for (const id of regions.filter((r) => yearly[r]).sort()) {
    const years = Object.keys(yearly[id]).map(Number);
    const latest = Math.max(...years);
    out[id] = { cfe: yearly[id][latest], year: latest, yearly: yearly[id] };
  }
  return {
    source:
      "Google Cloud, Carbon free energy for Google Cloud regions (github.com/GoogleCloudPlatform/region-carbon-info, data/yearly/<year>.csv, " +
      "column 'Google CFE'); copy in data/upstream/google-region-carbon/",
    license: "Apache-2.0 (Google LLC); see NOTICE",
    note:
      "Google CFE: the average share of the electricity a region consumes that is carbon-free, matched hour by hour, counting Google's own " +
      `clean-energy purchases in that grid. Every gcp region of data/cloud.json with a published share; years ${files[0].slice(0, 4)}–${files.at(-1).slice(0, 4)}.`,
    providers: { gcp: { regions: out } },
  };
}

const text = JSON.stringify(build(), null, 1) + "\n";
if (process.argv.includes("--check")) {
  const onDisk = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  if (onDisk !== text) {
    console.error("data/cfe.json is out of date; run `node scripts/gen-cfe.mjs`");
    process.exit(1);
  }
  console.log("data/cfe.json is up to date");
} else {
  writeFileSync(OUT, text);
  console.log(`wrote data/cfe.json (${Object.keys(JSON.parse(text).providers.gcp.regions).length} gcp regions)`);
}
