#!/usr/bin/env node
// Generates data/accelerators.json from the hand-curated source table data/accelerators.csv.
//
//   node scripts/gen-accelerators.mjs           write data/accelerators.json
//   node scripts/gen-accelerators.mjs --check   exit 1 if data/accelerators.json is out of date or a row is invalid
//
// One CSV row per accelerator. A figure may be read from a committed copy of an upstream table instead of
// being retyped: `tdp_from`, `typical_power_from` or `peak_from` name `<table>:<row name>` (tables below).
// Where the row also states the figure, the two must agree. Every row must name its source and year, aliases
// must not collide across rows (the catalogue matches names case-insensitively, ignoring punctuation), and
// every number must lie in a physical range. Output is deterministic (CSV order, 2-space indent, trailing
// newline), so a re-run on unchanged inputs produces no diff.
//
// Embodied carbon per accelerator class: a row's `die` names a row of data/dies.csv (die area and process, with the
// vendor's source); the figure is die area × LLMCarbon's carbon per area of that process + memory × LLMCarbon's
// carbon per GB of DRAM (data/upstream/llmcarbon-hardware.csv), or the 150 kg per accelerator of data/defaults.json
// where no die area is published, plus the host's share (data/defaults.json `embodied`) scaled by the accelerator's
// rated power. An accelerator without a rated power gets none: the engine then uses the default of defaults.json.

import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const SOURCE = here("../data/accelerators.csv");
const DIES = here("../data/dies.csv");
const LLMCARBON = here("../data/upstream/llmcarbon-hardware.csv");
const DEFAULTS = here("../data/defaults.json");
const OUT = here("../data/accelerators.json");

/** Committed upstream copies: file, the column each kind of figure comes from, and the name a row must cite. */
const UPSTREAM = {
  impact: {
    file: here("../data/upstream/mlco2-impact-gpus.csv"),
    skipLines: 0,
    key: "name",
    columns: { tdp: "tdp_watts", typical: "tdp_watts", peak: "TFLOPS16" },
    cite: /mlco2\/impact/,
  },
  "green-algorithms": {
    file: here("../data/upstream/green-algorithms-TDP_gpu.csv"),
    // The file's first line is a units row above the header.
    skipLines: 1,
    key: "model",
    columns: { tdp: "TDP" },
    cite: /GreenAlgorithms|Green Algorithms/,
  },
};

/** The basis of a published non-TDP power figure; each is shown as the power_w unit ("W (…)") in every report. */
const TYPICAL_BASES = new Set(["measured system power per chip"]);

const RANGES = {
  memory_gb: [1, 4096],
  tdp_w: [1, 5000],
  typical_power_w: [1, 5000],
  peak_bf16_dense_tflops: [0.1, 1e5],
  area_mm2: [1, 5000],
};
const YEARS = [2010, 2030];

const normalise = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

function readCsv(file, skipLines = 0) {
  const text = readFileSync(file, "utf8").split("\n").slice(skipLines).join("\n");
  return parse(text, { columns: (header) => header.map((h) => h.trim()), skip_empty_lines: true, trim: true, relax_column_count: true });
}

const upstreamRows = new Map();
function upstreamFigure(ref, kind, problems, where) {
  const colon = ref.indexOf(":");
  const table = UPSTREAM[ref.slice(0, colon)];
  const name = ref.slice(colon + 1);
  if (colon < 0 || !table)
    return (problems.push(`${where}: unknown upstream table in ${JSON.stringify(ref)} (known: ${Object.keys(UPSTREAM).join(", ")})`), null);
  const column = table.columns[kind];
  if (!column) return (problems.push(`${where}: ${ref.slice(0, colon)} gives no ${kind} figure`), null);
  if (!upstreamRows.has(table.file)) upstreamRows.set(table.file, readCsv(table.file, table.skipLines));
  const row = upstreamRows.get(table.file).find((r) => r[table.key] === name);
  if (!row) return (problems.push(`${where}: no row ${JSON.stringify(name)} in ${ref.slice(0, colon)}`), null);
  const value = Number(row[column]);
  if (!Number.isFinite(value) || value <= 0) return (problems.push(`${where}: ${ref} has no usable ${column} (${JSON.stringify(row[column])})`), null);
  return { value, table };
}

/**
 * LLMCarbon's carbon per cm2 (or per GB) of the rows named `llmcarbon:<hardware or process>`, which must agree, and
 * the area (or size) of the first.
 */
function llmcarbon(ref, problems, where) {
  const name = ref.startsWith("llmcarbon:") ? ref.slice("llmcarbon:".length) : null;
  if (!upstreamRows.has(LLMCARBON)) upstreamRows.set(LLMCARBON, readCsv(LLMCARBON));
  const rows = upstreamRows.get(LLMCARBON).filter((r) => r.hardware === name || r.description === name);
  const perUnit = new Set(rows.map((r) => Number(r["CPA (kgCO2/cm2 or GB)"])));
  if (name === null || rows.length === 0) return (problems.push(`${where}: ${JSON.stringify(ref)} names no row of the LLMCarbon table`), null);
  if (perUnit.size !== 1) return (problems.push(`${where}: the LLMCarbon rows of ${JSON.stringify(name)} disagree`), null);
  return { perUnit: [...perUnit][0], area: Number(rows[0]["unit (cm2 or GB)"]) };
}

/** data/dies.csv by die name: area in cm2, carbon per cm2, and the class text and source a report shows. */
function readDies(problems) {
  const dies = new Map();
  for (const [i, r] of readCsv(DIES).entries()) {
    const where = `data/dies.csv row ${i + 2} (${r.die || "no die"})`;
    for (const k of ["die", "process", "cpa_from", "source", "year", "verification"]) if (!r[k]) problems.push(`${where}: ${k} is required`);
    const cpa = llmcarbon(r.cpa_from ?? "", problems, where);
    let mm2 = r.area_mm2 === "" ? null : Number(r.area_mm2);
    if (r.area_from) {
      const from = llmcarbon(r.area_from, problems, where);
      if (mm2 !== null) problems.push(`${where}: give area_mm2 or area_from, not both`);
      mm2 = from && from.area * 100;
    }
    const [lo, hi] = RANGES.area_mm2;
    if (!(mm2 >= lo && mm2 <= hi)) problems.push(`${where}: area_mm2 = ${JSON.stringify(r.area_mm2)} is outside ${lo}–${hi}`);
    if (dies.has(r.die)) problems.push(`${where}: duplicate die`);
    if (cpa)
      dies.set(r.die, {
        cm2: mm2 / 100,
        kgPerCm2: cpa.perUnit,
        factorOf: r.cpa_from.slice("llmcarbon:".length),
        process: r.process,
        source: r.source,
        year: Number(r.year),
      });
  }
  return dies;
}

const round1 = (x) => Math.round(x * 10) / 10;
const EMBODIED = JSON.parse(readFileSync(DEFAULTS, "utf8")).embodied;
/** The year of LLMCarbon's factors (Faiz et al., ICLR 2024). */
const LLMCARBON_YEAR = 2024;

/** The class figure of one accelerator, or null without a rated power (the engine's default then applies). */
function embodied(r, ratedW, memoryGb, dies, problems, where) {
  if (ratedW === null) return null;
  const e = EMBODIED;
  const host = (e.per_server_kg / e.accelerators_per_server) * (ratedW / e.host_reference_power_w);
  const hostText = `host share ${e.per_server_kg} kg / ${e.accelerators_per_server} × ${ratedW} W / ${e.host_reference_power_w} W (Luccioni et al. 2022)`;
  if (!r.die) {
    return {
      kg: round1(e.per_accelerator_kg + host),
      class: `die area not published: ${e.per_accelerator_kg} kg per accelerator, host share for ${ratedW} W`,
      source: `${e.per_accelerator_kg} kg per accelerator (Luccioni et al. 2022; no die area published) + ${hostText}`,
      year: e.year,
    };
  }
  const die = dies.get(r.die);
  if (!die) return (problems.push(`${where}: die ${JSON.stringify(r.die)} is not in data/dies.csv`), null);
  if (memoryGb === null) return (problems.push(`${where}: a die needs memory_gb`), null);
  const dram = llmcarbon("llmcarbon:DRAM", problems, where);
  if (!dram) return null;
  const kg = die.cm2 * die.kgPerCm2 + memoryGb * dram.perUnit + host;
  return {
    kg: round1(kg),
    class: `${r.die} die (${round1(die.cm2 * 100)} mm², ${die.process}) + ${memoryGb} GB memory, host share for ${ratedW} W`,
    source:
      `die ${die.cm2} cm² × ${die.kgPerCm2} kg/cm² (${die.factorOf}) + ${memoryGb} GB × ${dram.perUnit} kg/GB (LLMCarbon, Faiz et al. 2024; data/upstream/llmcarbon-hardware.csv) + ${hostText}; ` +
      `die area: ${die.source}, ${die.year}`,
    year: LLMCARBON_YEAR,
  };
}

function build() {
  const problems = [];
  const rows = readCsv(SOURCE);
  const dies = readDies(problems);
  const ids = new Set();
  const names = new Map();
  const accelerators = [];

  for (const [i, r] of rows.entries()) {
    const where = `data/accelerators.csv row ${i + 2} (${r.id || "no id"})`;
    const text = (k) => (r[k] === undefined || r[k] === "" ? null : r[k]);
    const number = (k) => {
      if (!text(k)) return null;
      const v = Number(r[k]);
      const [lo, hi] = RANGES[k];
      if (!Number.isFinite(v) || v < lo || v > hi) problems.push(`${where}: ${k} = ${JSON.stringify(r[k])} is outside ${lo}–${hi}`);
      return v;
    };
    const year = (k) => {
      const v = Number(r[k]);
      if (!Number.isInteger(v) || v < YEARS[0] || v > YEARS[1])
        problems.push(`${where}: ${k} = ${JSON.stringify(r[k])} is not a year in ${YEARS[0]}–${YEARS[1]}`);
      return v;
    };
    /** A figure stated in the row, read from an upstream copy, or both (then they must agree). */
    const figure = (k, fromKey, kind) => {
      let v = number(k);
      if (text(fromKey)) {
        const up = upstreamFigure(r[fromKey], kind, problems, where);
        if (up) {
          const [lo, hi] = RANGES[k];
          if (up.value < lo || up.value > hi) problems.push(`${where}: ${r[fromKey]} gives ${k} = ${up.value}, outside ${lo}–${hi}`);
          if (v !== null && v !== up.value) problems.push(`${where}: ${k} = ${v} but ${r[fromKey]} gives ${up.value}`);
          const cites = [r.source, r.typical_power_source].some((s) => s && up.table.cite.test(s));
          if (!cites) problems.push(`${where}: reads ${r[fromKey]} but its source does not credit that table`);
          v = up.value;
        }
      }
      return v;
    };

    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.id ?? "")) problems.push(`${where}: id must be lower-case words joined by "-"`);
    if (ids.has(r.id)) problems.push(`${where}: duplicate id`);
    ids.add(r.id);
    for (const k of ["vendor", "name", "source", "year", "verification"]) if (!text(k)) problems.push(`${where}: ${k} is required`);

    const tdp = figure("tdp_w", "tdp_from", "tdp");
    const typical = figure("typical_power_w", "typical_power_from", "typical");
    const peak = figure("peak_bf16_dense_tflops", "peak_from", "peak");
    const basis = text("typical_power_basis");
    const typicalSource = text("typical_power_source");
    const typicalYear = text("typical_power_year") ? year("typical_power_year") : null;
    if (typical !== null && (!basis || !typicalSource || typicalYear === null)) {
      problems.push(`${where}: typical_power_w needs typical_power_basis, typical_power_source and typical_power_year`);
    }
    if (basis && !TYPICAL_BASES.has(basis))
      problems.push(`${where}: typical_power_basis ${JSON.stringify(basis)} is not one of ${[...TYPICAL_BASES].join(", ")}`);
    const rowYear = year("year");

    // Which published figure the engine uses when the manifest states no power_w.
    let power = { power_w: null, power_basis: null, power_source: null, power_year: null };
    if (r.power_default === "tdp") {
      if (tdp === null) problems.push(`${where}: power_default tdp needs tdp_w`);
      power = { power_w: tdp, power_basis: "TDP", power_source: r.source, power_year: rowYear };
    } else if (r.power_default === "typical") {
      if (typical === null) problems.push(`${where}: power_default typical needs typical_power_w`);
      power = { power_w: typical, power_basis: basis, power_source: typicalSource, power_year: typicalYear };
    } else if (r.power_default === "none") {
      // Only where nothing is published: the manifest must then state power_w.
      if (tdp !== null || typical !== null) problems.push(`${where}: power_default none, but a power figure is published`);
    } else {
      problems.push(`${where}: power_default must be tdp, typical or none`);
    }

    const aliases = (text("aliases") ?? "")
      .split("|")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    for (const n of [r.id, ...aliases]) {
      const key = normalise(n ?? "");
      if (key === "") problems.push(`${where}: empty alias`);
      else if (names.has(key) && names.get(key) !== r.id) problems.push(`${where}: ${JSON.stringify(n)} collides with ${names.get(key)}`);
      else if (names.has(key) && n !== r.id) problems.push(`${where}: alias ${JSON.stringify(n)} repeats a name of the same row`);
      names.set(key, r.id);
    }

    accelerators.push({
      id: r.id,
      vendor: r.vendor,
      name: r.name,
      form_factor: text("form_factor"),
      memory_gb: number("memory_gb"),
      tdp_w: tdp,
      typical_power_w: typical,
      typical_power_basis: basis,
      typical_power_source: typicalSource,
      typical_power_year: typicalYear,
      ...power,
      peak_bf16_dense_tflops: peak,
      peak_note: text("peak_note"),
      embodied: embodied(r, tdp ?? power.power_w, number("memory_gb"), dies, problems, where),
      aliases,
      source: r.source,
      year: rowYear,
      verification: r.verification,
    });
  }
  return { problems, data: { generated_from: "data/accelerators.csv by scripts/gen-accelerators.mjs; do not edit by hand", accelerators } };
}

const { problems, data } = build();
if (problems.length > 0) {
  console.error(`data/accelerators.csv is invalid:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
const text = JSON.stringify(data, null, 2) + "\n";

if (process.argv.includes("--check")) {
  const onDisk = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  if (onDisk === text) {
    console.log(`data/accelerators.json is up to date (${data.accelerators.length} accelerators)`);
    process.exit(0);
  }
  let current = [];
  try {
    current = JSON.parse(onDisk).accelerators ?? [];
  } catch {
    // Reported below as a whole-file difference.
  }
  const before = new Map(current.map((a) => [a.id, JSON.stringify(a)]));
  const after = new Map(data.accelerators.map((a) => [a.id, JSON.stringify(a)]));
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id));
  console.error(`data/accelerators.json is out of date; run \`node scripts/gen-accelerators.mjs\`:`);
  console.error(`  ${changed.length > 0 ? `rows differing: ${changed.join(", ")}` : "formatting or header differs (same rows)"}`);
  process.exit(1);
}

writeFileSync(OUT, text);
console.log(`wrote data/accelerators.json (${data.accelerators.length} accelerators)`);
