// CodeCarbon emissions.csv, read by header name so every version (2.x to 3.3) works.
// Each run_id appends a row per flush: the last row of a run_id is its total; rows without a run_id are summed.

export interface CodeCarbonTotals {
  /** kWh as CodeCarbon reports it (IT-level unless `pue` > 1). */
  energy_kwh: number;
  /** kg CO2e from CodeCarbon's own grid figure. */
  emissions_kg: number;
  /** Litres, where the file has a `water_consumed` column (CodeCarbon ≥ 3.1). */
  water_l: number | null;
  /** The largest PUE the file applied (1 when absent). */
  pue: number;
  runs: number;
}

export class CodeCarbonError extends Error {}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new CodeCarbonError("the file ends inside a quoted field (truncated?)");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

const REQUIRED = ["energy_consumed", "emissions"] as const;

export function readCodeCarbon(text: string): CodeCarbonTotals {
  const rows = parseCsv(text);
  if (rows.length === 0) throw new CodeCarbonError("the file is empty");
  const header = rows[0]!.map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const missing = REQUIRED.filter((n) => col(n) < 0);
  if (missing.length > 0) {
    throw new CodeCarbonError(`not CodeCarbon output: no ${missing.map((m) => `\`${m}\``).join(" or ")} column in the header`);
  }
  if (rows.length === 1) throw new CodeCarbonError("the file has a header but no rows");

  const iEnergy = col("energy_consumed");
  const iEmissions = col("emissions");
  const iRun = col("run_id");
  const iPue = col("pue");
  const iWater = col("water_consumed");

  // Last row per run_id wins; rows without a run_id each count.
  const chosen = new Map<string, { row: number; r: string[] }>();
  rows.slice(1).forEach((r, n) => {
    const runId = iRun >= 0 ? (r[iRun] ?? "").trim() : "";
    chosen.set(runId ? `run:${runId}` : `row:${n}`, { row: n + 1, r });
  });

  let energy = 0;
  let emissions = 0;
  let water = 0;
  let pue = 1;
  for (const { row: line, r } of chosen.values()) {
    if (r.length < header.length) throw new CodeCarbonError(`data row ${line} has ${r.length} of ${header.length} columns (truncated file?)`);
    energy += number(r[iEnergy], "energy_consumed", line);
    emissions += number(r[iEmissions], "emissions", line);
    if (iWater >= 0 && (r[iWater] ?? "").trim() !== "") water += number(r[iWater], "water_consumed", line);
    if (iPue >= 0 && (r[iPue] ?? "").trim() !== "") pue = Math.max(pue, number(r[iPue], "pue", line));
  }
  return { energy_kwh: energy, emissions_kg: emissions, water_l: iWater >= 0 ? water : null, pue, runs: chosen.size };
}

function number(raw: string | undefined, column: string, row: number): number {
  const v = Number((raw ?? "").trim());
  if ((raw ?? "").trim() === "" || !Number.isFinite(v) || v < 0) {
    throw new CodeCarbonError(`\`${column}\` is not a non-negative number in data row ${row} (${JSON.stringify((raw ?? "").slice(0, 30))})`);
  }
  return v;
}
