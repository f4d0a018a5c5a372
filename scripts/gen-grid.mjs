#!/usr/bin/env node
// Generates data/grid.json from the Electricity Maps yearly averages that
// @tgwf/co2 (The Green Web Foundation) republishes under the ODbL.
//
//   node scripts/gen-grid.mjs           write data/grid.json
//   node scripts/gen-grid.mjs --check   exit 1 if data/grid.json is out of date
//
// For every zone the latest year with a finite, positive carbon intensity is its figure, and every such year is
// kept under `yearly` for entries that state the year of their run.
// Output is deterministic (sorted keys, 1-space indent, trailing newline), so a
// re-run with the same package version produces no diff.

import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { electricityMaps } from "@tgwf/co2";

const OUT = fileURLToPath(new URL("../data/grid.json", import.meta.url));

function packageVersion() {
  const require = createRequire(import.meta.url);
  // The package's "exports" map does not expose package.json, so locate it
  // from the resolved entry point and walk up to the package root.
  let dir = new URL(".", "file://" + require.resolve("@tgwf/co2"));
  for (let i = 0; i < 6; i++) {
    const candidate = new URL("package.json", dir);
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8"));
      if (pkg.name === "@tgwf/co2") return pkg.version;
    }
    dir = new URL("..", dir);
  }
  throw new Error("cannot find the package.json of @tgwf/co2");
}

function build() {
  const years = Object.keys(electricityMaps)
    .map((key) => /^yearly(\d{4})$/.exec(key))
    .filter(Boolean)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  if (years.length === 0) throw new Error("@tgwf/co2 exposes no electricityMaps.yearlyYYYY data");

  const zones = {};
  for (const year of years) {
    const data = electricityMaps[`yearly${year}`]?.data ?? {};
    for (const [id, row] of Object.entries(data)) {
      const value = row?.carbonIntensity?.value;
      if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) continue;
      // Later years overwrite earlier ones: the latest year a zone has wins.
      zones[id] = { name: row?.zone?.zoneName ?? id, intensity: value, year, yearly: { ...zones[id]?.yearly, [year]: value } };
    }
  }

  const sorted = {};
  for (const id of Object.keys(zones).sort()) sorted[id] = zones[id];

  const version = packageVersion();
  return {
    source:
      `Electricity Maps yearly average carbon intensity (lifecycle, gCO2eq/kWh), ` +
      `${years[0]}-${years[years.length - 1]}, as republished in @tgwf/co2 ${version} by The Green Web Foundation`,
    license: "ODbL-1.0 (Electricity Maps data); see NOTICE",
    methodology: "https://www.electricitymaps.com/data/methodology",
    zones: sorted,
  };
}

function serialise(obj) {
  return JSON.stringify(obj, null, 1) + "\n";
}

const next = build();
const text = serialise(next);

if (process.argv.includes("--check")) {
  let current = null;
  try {
    current = JSON.parse(readFileSync(OUT, "utf8"));
  } catch (err) {
    console.error(`data/grid.json is missing or unreadable: ${err.message}`);
    process.exit(1);
  }
  const onDisk = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  if (onDisk === text) {
    console.log(`data/grid.json is up to date (${Object.keys(next.zones).length} zones)`);
    process.exit(0);
  }
  const problems = [];
  for (const key of ["source", "license", "methodology"]) {
    if (current?.[key] !== next[key]) problems.push(`${key}: ${JSON.stringify(current?.[key])} -> ${JSON.stringify(next[key])}`);
  }
  const cz = current?.zones ?? {};
  const ids = new Set([...Object.keys(cz), ...Object.keys(next.zones)]);
  for (const id of [...ids].sort()) {
    const a = cz[id];
    const b = next.zones[id];
    if (!a) problems.push(`${id}: missing (expected ${JSON.stringify(b)})`);
    else if (!b) problems.push(`${id}: not in @tgwf/co2 (found ${JSON.stringify(a)})`);
    else if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${id}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
  }
  if (problems.length === 0) problems.push("formatting differs (same content)");
  console.error(`data/grid.json is out of date; run \`node scripts/gen-grid.mjs\`:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}

writeFileSync(OUT, text);
console.log(`wrote data/grid.json (${Object.keys(next.zones).length} zones)`);
