#!/usr/bin/env node
// Generates data/instance-accelerators.json from the hand-curated table data/instance-accelerators.csv: which
// accelerators, and how many, each cloud instance type carries.
//
//   node scripts/gen-instance-accelerators.mjs           write data/instance-accelerators.json
//   node scripts/gen-instance-accelerators.mjs --check   exit 1 if the JSON is out of date or a row is invalid
//
// One row per instance type: `instance_type` as the provider writes it, `provider` (aws, gcp, azure),
// `accelerator` (an id of data/accelerators.json), `count` (whole accelerators), `source` (the provider's page,
// https) and `year`. Instance types are compared case-insensitively (Azure's are), each appears once, and an
// instance type that no provider page states is left out: readers then ask for `accelerator`.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const SOURCE = here("../data/instance-accelerators.csv");
const OUT = here("../data/instance-accelerators.json");
const ACCELERATORS = here("../data/accelerators.json");
const PROVIDERS = new Set(["aws", "gcp", "azure"]);
const COLUMNS = ["instance_type", "provider", "accelerator", "count", "source", "year"];

function build() {
  const problems = [];
  const ids = new Set(JSON.parse(readFileSync(ACCELERATORS, "utf8")).accelerators.map((a) => a.id));
  const rows = parse(readFileSync(SOURCE, "utf8"), { columns: true, skip_empty_lines: true, trim: true });
  const seen = new Set();
  const instances = [];
  rows.forEach((r, i) => {
    const where = `data/instance-accelerators.csv row ${i + 2} (${r.instance_type ?? "?"})`;
    for (const c of COLUMNS) if (!r[c]) problems.push(`${where}: ${c} is required`);
    const key = (r.instance_type ?? "").toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(key)) problems.push(`${where}: instance_type must be letters, digits, '.', '_' and '-'`);
    if (seen.has(key)) problems.push(`${where}: instance_type appears twice`);
    seen.add(key);
    if (!PROVIDERS.has(r.provider)) problems.push(`${where}: provider must be aws, gcp or azure`);
    if (!ids.has(r.accelerator)) problems.push(`${where}: accelerator ${JSON.stringify(r.accelerator)} is not an id of data/accelerators.json`);
    const count = Number(r.count);
    if (!Number.isInteger(count) || count < 1 || count > 64) problems.push(`${where}: count must be a whole number from 1 to 64`);
    if (!/^https:\/\/\S+$/.test(r.source ?? "")) problems.push(`${where}: source must be the provider's https page`);
    const year = Number(r.year);
    if (!Number.isInteger(year) || year < 2015 || year > 2030) problems.push(`${where}: year must be from 2015 to 2030`);
    instances.push({ instance_type: r.instance_type, provider: r.provider, accelerator: r.accelerator, count, source: r.source, year });
  });
  return { problems, data: { generated_from: "data/instance-accelerators.csv by scripts/gen-instance-accelerators.mjs; do not edit by hand", instances } };
}

const { problems, data } = build();
if (problems.length > 0) {
  console.error("data/instance-accelerators.csv is invalid:");
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
const text = JSON.stringify(data, null, 2) + "\n";

if (process.argv.includes("--check")) {
  if ((existsSync(OUT) ? readFileSync(OUT, "utf8") : "") === text) {
    console.log(`data/instance-accelerators.json is up to date (${data.instances.length} instance types)`);
    process.exit(0);
  }
  console.error("data/instance-accelerators.json is out of date; run `node scripts/gen-instance-accelerators.mjs`");
  process.exit(1);
}

writeFileSync(OUT, text);
console.log(`wrote data/instance-accelerators.json (${data.instances.length} instance types)`);
