import { describe, expect, it } from "vitest";
import { checkBudgets } from "../src/budget.js";
import { type RunResult, type Totals } from "../src/estimate/index.js";
import { parseManifest } from "../src/manifest/parse.js";
import { HEAD, near, report } from "./helpers.js";

describe("checkBudgets", () => {
  const TEXT = [
    "version: 1", //              1
    "project: p", //              2
    "training:", //               3
    "  - id: big", //             4  id value at 4:9
    "    accelerator: h100",
    "    gpu_hours: 10",
    "  - id: small", //           7  id value at 7:9
    "    accelerator: h100",
    "    gpu_hours: 1",
    "budget:", //                 10
    "  energy_kwh: 1000", //      11 value at 11:15
    "  co2e_kg: 100", //          12 value at 12:12
    "  water_l: 1000", //         13 value at 13:12
    "  run: { energy_kwh: 500, co2e_kg: 50 }", // 14
    "  increase_pct: 10", //      15 value at 15:17
    "",
  ].join("\n");

  const setup = async (text = TEXT) => {
    const p = await parseManifest(text, "footprint.yml");
    expect(p.findings).toEqual([]);
    return { manifest: p.manifest!, locator: p.locator };
  };
  const totals = (energy: number, co2e = 0, water = 0): Totals => ({
    energy_kwh: energy,
    operational_co2e_kg: co2e,
    embodied_co2e_kg: 0,
    co2e_kg: co2e,
    water_l: water,
  });
  const run = (id: string, index: number, energy: number, co2e = 0) =>
    ({
      id,
      kind: "training",
      path: ["training", index],
      energy_kwh: energy,
      co2e_kg: co2e,
      operational_co2e_kg: co2e,
      embodied_co2e_kg: 0,
      water_l: 0,
    }) as unknown as RunResult;

  it("under warn_at: no findings, status ok", async () => {
    const { manifest, locator } = await setup();
    const r = checkBudgets(manifest, totals(799, 79, 799), [run("big", 0, 399, 39)], null, "footprint.yml", locator);
    expect(r.findings).toEqual([]);
    expect(r.uses.every((u) => u.status === "ok")).toBe(true);
    expect(r.uses.find((u) => u.scope === "total" && u.metric === "energy_kwh")).toMatchObject({ limit: 1000, value: 799, share: 0.799 });
  });

  it("at exactly the default warn_at 0.8 → warning, at exactly 100 % still a warning, above → error", async () => {
    const { manifest, locator } = await setup();
    const r = checkBudgets(manifest, totals(800, 100, 1000.5), [], null, "footprint.yml", locator);
    const by = (rule: string) => r.findings.find((f) => f.rule === rule)!;
    expect(by("budget/energy")).toMatchObject({ severity: "warning", line: 11, column: 15 });
    expect(by("budget/co2e")).toMatchObject({ severity: "warning", line: 12, column: 12 });
    expect(by("budget/water")).toMatchObject({ severity: "error", line: 13, column: 12 });
    expect(r.uses.map((u) => u.status)).toEqual(["warn", "warn", "over"]);
  });

  it("over the total energy budget → error with both figures in the message", async () => {
    const { manifest, locator } = await setup();
    const r = checkBudgets(manifest, totals(1500), [], null, "footprint.yml", locator);
    const f = r.findings.find((x) => x.rule === "budget/energy")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain("1.5 MWh");
    expect(f.message).toContain("1 MWh");
  });

  it("a custom warn_at", async () => {
    const { manifest, locator } = await setup(`version: 1\nproject: p\nbudget:\n  energy_kwh: 100\n  warn_at: 0.5\n`);
    expect(checkBudgets(manifest, totals(49.9), [], null, "f", locator).findings).toEqual([]);
    expect(checkBudgets(manifest, totals(50), [], null, "f", locator).findings[0]).toMatchObject({ rule: "budget/energy", severity: "warning" });
  });

  it("per-run budgets apply to every entry, reported at the entry's id", async () => {
    const { manifest, locator } = await setup();
    const r = checkBudgets(manifest, totals(0), [run("big", 0, 600, 45), run("small", 1, 10, 1)], null, "footprint.yml", locator);
    expect(r.findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ["budget/run-energy", "error", 4, 9],
      ["budget/run-co2e", "warning", 4, 9],
    ]);
    expect(r.uses.filter((u) => u.scope === "small").every((u) => u.status === "ok")).toBe(true);
  });

  it("increase_pct: exactly the allowed increase passes, more fails", async () => {
    const { manifest, locator } = await setup();
    const ok = checkBudgets(manifest, totals(110), [], totals(100), "footprint.yml", locator);
    expect(ok.findings.filter((f) => f.rule === "budget/increase")).toEqual([]);
    const over = checkBudgets(manifest, totals(110.01), [], totals(100), "footprint.yml", locator);
    const f = over.findings.find((x) => x.rule === "budget/increase")!;
    expect(f).toMatchObject({ severity: "error", line: 15, column: 17 });
    expect(f.message).toContain("10.0 %");
  });

  it("increase_pct without a base is not checked; from a zero base any increase fails", async () => {
    const { manifest, locator } = await setup();
    expect(checkBudgets(manifest, totals(1e9), [], null, "f", locator).findings.some((f) => f.rule === "budget/increase")).toBe(false);
    const z = checkBudgets(manifest, totals(1), [], totals(0), "f", locator);
    expect(z.findings.find((f) => f.rule === "budget/increase")!.message).toContain("from zero");
    expect(checkBudgets(manifest, totals(0), [], totals(0), "f", locator).findings.some((f) => f.rule === "budget/increase")).toBe(false);
  });

  it("no budget section → nothing", async () => {
    const { manifest, locator } = await setup(`version: 1\nproject: p\n`);
    expect(checkBudgets(manifest, totals(1e12), [], totals(0), "f", locator)).toEqual({ uses: [], findings: [] });
  });

  it("through evaluate: an over-budget manifest fails with the budget finding", async () => {
    const r = await report(
      `${HEAD}training:\n  - id: a\n    accelerator: h100 sxm\n    count: 8\n    hours: 10\n    location: FR\nbudget:\n  energy_kwh: 80\n`,
    );
    // 87.36 kWh of 80; a bare zone gets the industry-average PUE, which a notice names.
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ["budget/energy", "error"],
      ["data/default-pue", "notice"],
    ]);
    expect(r.verdict).toBe("fail");
    expect(r.budget[0]).toMatchObject({ scope: "total", metric: "energy_kwh", status: "over" });
    near(r.budget[0]!.share, 87.36 / 80);
  });
});
