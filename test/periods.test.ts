// Budgets, periods and capacity as teams think of them: entry budgets, the manifest's period and one-off training,
// model cards per model and the slips a newcomer makes, through the evaluator and through the built CLI.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { badgeOf } from "../src/render/badge.js";
import { renderMarkdown } from "../src/render/markdown.js";
import { renderText } from "../src/render/text.js";
import { parseReport } from "../src/report-schema.js";
import { buildReport, reportJson, type EvaluatedManifest, type ManifestReport } from "../src/report.js";
import { cli, ROOT, tempFolders } from "./cli-harness.js";
import { near, report, source } from "./helpers.js";

const HEAD = "version: 1\nproject: p\ndefaults: { location: FR, pue: 1.2 }\n";
const L4_SERVICE = "  - id: svc\n    accelerator: nvidia-l4\n    count: 2\n";
const QLORA = "  - id: qlora\n    accelerator: nvidia-a100-sxm4-80gb\n    count: 1\n    hours: 6\n    repeats: 20\n";
const FULL_FT = "  - id: full-ft\n    accelerator: nvidia-h100-sxm\n    count: 8\n    hours: 40\n";

function evaluated(m: ManifestReport): EvaluatedManifest {
  expect(m.status, JSON.stringify(m.findings)).toBe("evaluated");
  return m as EvaluatedManifest;
}

async function compare(head: string, base: string): Promise<EvaluatedManifest> {
  return evaluated(await evaluate(source(head), source(base, {}, "base.yml")));
}

const messages = (m: ManifestReport, rule: string) => m.findings.filter((f) => f.rule === rule).map((f) => f.message);

describe("period", () => {
  it("without period, a service without hours serves a year and the outputs carry no period label, as before", async () => {
    const m = evaluated(await report(`${HEAD}inference:\n${L4_SERVICE}`));
    near(m.runs[0]!.inputs.accelerator_hours, 2 * 8760);
    expect(m.period).toEqual({ window: "year", stated: false, label: "per year", one_off: null });
    const r = buildReport([m]);
    expect(renderText(r)).not.toMatch(/per year|per month/);
    expect(renderMarkdown(r)).not.toMatch(/per year|per month/);
    expect(badgeOf(r).label).toBe("carbon footprint");
  });

  it.each([
    ["month", 730],
    ["quarter", 2190],
    ["year", 8760],
  ])("period: %s makes a service without hours serve %d h; stated hours stay as stated", async (period, hours) => {
    const m = evaluated(
      await report(`${HEAD}period: ${period}\ninference:\n${L4_SERVICE}  - id: batch\n    accelerator: nvidia-l4\n    count: 1\n    hours: 100\n`),
    );
    near(m.runs[0]!.inputs.accelerator_hours, 2 * hours);
    near(m.runs[1]!.inputs.accelerator_hours, 100);
    expect(renderText(buildReport([m]))).toContain(`svc: no hours given: it serves the manifest's period, one ${period} (${hours.toLocaleString("en-US")} h)`);
  });

  it("totals and budgets say their period in the text report, the comment, the summary, the badge's JSON and the JSON report", async () => {
    const m = evaluated(await report(`${HEAD}period: month\ntraining:\n${QLORA}budget:\n  energy_kwh: 1000\n`));
    const r = buildReport([m]);
    expect(renderText(r)).toMatch(/^ {2}total per month +/m);
    expect(renderText(r)).toMatch(/budget: energy [\d.]+ kWh of 1 MWh per month \(\d+ %\)/);
    const comment = renderMarkdown(r);
    expect(comment).toContain("**total per month**");
    expect(comment).toMatch(/Budgets: ✅\u00a0energy [\d.]+\u00a0kWh of 1\u00a0MWh per month/);
    expect(renderMarkdown(r, { marker: null })).toContain("water per month; no base to compare with.");
    expect(badgeOf(r).label).toBe("carbon footprint per month");
    const json = JSON.parse(reportJson(r)) as { manifests: { period: unknown; budget: { period?: string }[] }[] };
    expect(json.manifests[0]!.period).toEqual({ window: "month", stated: true, label: "per month", one_off: null });
    expect(json.manifests[0]!.budget[0]!.period).toBe("per month");
    // The report reads back as written, by the `report` input.
    expect(parseReport(reportJson(r)).manifests[0]!.period).toEqual(m.period);
  });

  it("one-off training is labelled one-off and its part of the totals is given beside them", async () => {
    const m = evaluated(await report(`${HEAD}period: month\ntraining:\n${QLORA}${FULL_FT}    one_off: true\n`));
    expect(m.period.label).toBe("per month + one-off training");
    near(m.period.one_off!.energy_kwh, m.runs[1]!.energy_kwh);
    expect(m.runs[1]!.one_off).toBe(true);
    expect(m.runs[0]!.one_off).toBeUndefined();
    const r = buildReport([m]);
    expect(renderText(r)).toMatch(/^ {2}full-ft +training, one-off /m);
    expect(renderText(r)).toContain("one-off training, in the total once:");
    expect(renderMarkdown(r)).toContain("`full-ft` (one-off)");
    expect(badgeOf(r).label).toBe("carbon footprint per month + one-off training");
    // Only one-off work: nothing recurs.
    const once = evaluated(await report(`${HEAD}training:\n${FULL_FT}    one_off: true\n`));
    expect(once.period.label).toBe("one-off training");
  });

  it("manifests of different periods give a badge that says the periods are mixed", async () => {
    const a = evaluated(await report(`${HEAD}period: month\ntraining:\n${QLORA}`));
    const b = evaluated(await report(`${HEAD}period: quarter\ntraining:\n${QLORA}`));
    expect(badgeOf(buildReport([a, b])).label).toBe("carbon footprint, mixed periods");
  });

  it("a change of period is a notice: the comparison spans different windows", async () => {
    const m = await compare(`${HEAD}period: month\ninference:\n${L4_SERVICE}`, `${HEAD}inference:\n${L4_SERVICE}`);
    expect(messages(m, "base/period-changed")).toEqual([
      "the period changes from year to month: services without hours and runs in the period are compared across different windows",
    ]);
    expect(m.findings.find((f) => f.rule === "base/period-changed")).toMatchObject({ line: 4 });
  });
});

describe("entry budgets", () => {
  it("an entry's own budget names the entry and its line, and says its period with the limit", async () => {
    const m = evaluated(
      await report(
        `${HEAD}period: month\ntraining:\n${QLORA}    budget: { energy_kwh: 50, co2e_kg: 1e6, water_l: 1e9 }\ninference:\n${L4_SERVICE}    hours: 730\n`,
      ),
    );
    const [over] = m.findings.filter((f) => f.rule === "budget/energy");
    expect(over).toMatchObject({ severity: "error", line: 11 });
    expect(over!.message).toMatch(/^qlora: energy [\d.]+ kWh is over its budget of 50 kWh per month \(\d+ %\)/);
    // Only the entry that has the budget is judged by it.
    expect(m.budget.filter((b) => b.key.startsWith("entry.")).map((b) => [b.scope, b.key])).toEqual([
      ["qlora", "entry.budget.energy_kwh"],
      ["qlora", "entry.budget.co2e_kg"],
      ["qlora", "entry.budget.water_l"],
    ]);
  });

  it("the comment's table shows the entry's own limit where it has one, and the fix names the entry's key", async () => {
    const m = evaluated(await report(`${HEAD}training:\n${QLORA}    budget: { energy_kwh: 50 }\n${FULL_FT}budget:\n  run: { energy_kwh: 5000 }\n`));
    const comment = renderMarkdown(buildReport([m]));
    expect(comment).toContain("| entry budget (5\u00a0MWh) |");
    expect(comment).toMatch(/\| `qlora`.*\| \d+\u00a0%<br>\d+\u00a0% of\u00a050\u00a0kWh \|/);
    expect(comment).toContain("limit <code>budget\\.energy\\_kwh: 50</code> (50\u00a0kWh): reduce the plan or raise `budget.energy_kwh` of `qlora`");
    expect(comment).toMatch(/`qlora` \*\*energy [\d.]+\u00a0kWh \(\d+\u00a0%\)\*\*/);
  });

  it("budget.run is a cap for every entry, inference included, where an entry's own budget is for that entry alone", async () => {
    const text = `${HEAD}training:\n${FULL_FT}    budget: { energy_kwh: 400 }\ninference:\n${L4_SERVICE}    hours: 8760\n`;
    const own = evaluated(await report(text));
    expect(messages(own, "budget/energy")).toEqual([]);
    const run = evaluated(await report(`${text}budget:\n  run: { energy_kwh: 700 }\n`));
    expect(messages(run, "budget/run-energy").map((s) => s.split(":")[0])).toEqual(["svc"]);
  });

  it("an entry's increase_pct compares the entry with its base: doubling one run fails, whatever the total does", async () => {
    const service = `inference:\n  - id: big\n    accelerator: nvidia-h100-sxm\n    count: 64\n    hours: 8760\n`;
    const base = `${HEAD}training:\n${FULL_FT}${service}budget:\n  increase_pct: 10\n`;
    const head = `${HEAD}training:\n${FULL_FT.replace("hours: 40", "hours: 80")}    budget: { increase_pct: 10 }\n${service}budget:\n  increase_pct: 10\n`;
    const m = await compare(head, base);
    expect(m.delta!.energy_pct!).toBeLessThan(10);
    const [f] = m.findings.filter((x) => x.rule === "budget/increase");
    expect(f).toMatchObject({ severity: "error", line: 9 });
    expect(f!.message).toMatch(/^full-ft: energy rises by 100\.0 % \([\d.]+ kWh → [\d.]+ kWh\), more than the 10 % allowed$/);
    expect(m.budget.find((b) => b.key === "entry.budget.increase_pct")).toMatchObject({ scope: "full-ft", limit: 10, status: "over" });
    expect(renderMarkdown(buildReport([m]))).toContain("raise `budget.increase_pct` of `full-ft`");
  });

  it("an entry renamed or added in the change has no base to rise from, as entries are matched by id", async () => {
    const base = `${HEAD}training:\n${FULL_FT}`;
    const head = `${HEAD}training:\n${FULL_FT.replace("full-ft", "full-ft-v2").replace("hours: 40", "hours: 400")}    budget: { increase_pct: 10 }\n`;
    const m = await compare(head, base);
    expect(messages(m, "budget/increase")).toEqual([]);
    expect(m.delta!.runs.map((d) => [d.id, d.change])).toEqual([
      ["full-ft-v2", "added"],
      ["full-ft", "removed"],
    ]);
  });

  it("entry budget figures that are not finite numbers fail, never pass", async () => {
    // The schema bounds the limits; the figures of a 1e7-accelerator fleet for 1e6 h stay finite, and over.
    const m = evaluated(
      await report(`${HEAD}inference:\n  - id: huge\n    accelerator: nvidia-b200\n    count: 10000000\n    hours: 1e6\n    budget: { energy_kwh: 0.001 }\n`),
    );
    expect(m.budget[0]).toMatchObject({ status: "over" });
    expect(Number.isFinite(m.budget[0]!.share)).toBe(true);
  });
});

describe("model cards per model", () => {
  const CARD = (grams: number) =>
    `---\nco2_eq_emissions:\n  emissions: ${grams}\n---\n# Training data\n# Intended use\n# Limitations\n# Environmental impact\n`;
  const manifest = `${HEAD}model_card: MODEL_CARD.md\ntraining:\n${QLORA}    model_card: cards/mistral.md\n${FULL_FT}    model_card: cards/llama.md\n  - id: small\n    accelerator: nvidia-l4\n    count: 1\n    hours: 1\n`;

  it("the disclosure check compares each card with its own entries, and the top-level card with the rest", async () => {
    const probe = evaluated(await report(manifest, { "MODEL_CARD.md": CARD(1), "cards/mistral.md": CARD(1), "cards/llama.md": CARD(1) }));
    const grams = (ids: string[]) => probe.runs.filter((r) => ids.includes(r.id)).reduce((s, r) => s + r.operational_co2e_kg * 1000, 0);
    const files = { "MODEL_CARD.md": CARD(grams(["small"])), "cards/mistral.md": CARD(grams(["qlora"])), "cards/llama.md": CARD(3 * grams(["full-ft"])) };
    const m = evaluated(await report(manifest, files));
    expect(m.model_card).toMatchObject({ path: "MODEL_CARD.md", entries: ["small"], difference_pct: expect.closeTo(0, 6) as number });
    expect(m.model_cards.map((c) => [c.path, c.entries])).toEqual([
      ["cards/mistral.md", ["qlora"]],
      ["cards/llama.md", ["full-ft"]],
    ]);
    // The Llama card discloses three times its run's grams: out of tolerance, found at its entry's model_card.
    const [f] = m.findings.filter((x) => x.rule === "transparency/emissions-disclosure");
    expect(f!.message).toMatch(/^cards\/llama\.md: co2_eq_emissions discloses/);
    expect(f!.line).toBe(16);
    expect(m.findings.filter((x) => x.rule === "transparency/emissions-disclosure")).toHaveLength(1);
  });

  it("a card path in an entry is confined to the repository like the top-level one", async () => {
    const m = await evaluate(
      {
        path: "footprint.yml",
        text: `${HEAD}training:\n${QLORA}    model_card: ../../etc/passwd\n`,
        readRelative: async () => {
          throw new (await import("../src/manifest/source.js")).PathError("the path points outside the repository");
        },
        exists: async () => false,
      },
      null,
    );
    expect(m.findings.find((f) => f.rule === "transparency/model-card")).toMatchObject({
      severity: "error",
      line: 10,
      message: 'model_card "../../etc/passwd": the path points outside the repository',
    });
  });

  it("card and card --write handle each card with the operational CO2e of its own entries", () => {
    const { folder, write } = tempFolders("fg-cards-");
    const d = folder();
    write(d, "footprint.yml", manifest);
    for (const f of ["MODEL_CARD.md", "cards/mistral.md", "cards/llama.md"]) write(d, f, "---\nlicense: mit\n---\n# Card\n");
    const printed = cli(["card"], d);
    expect(printed.status).toBe(0);
    expect(printed.stdout.match(/^# .*$/gm)).toEqual(["# MODEL_CARD.md", "# cards/mistral.md", "# cards/llama.md"]);
    const written = cli(["card", "--write"], d);
    expect(written.status, written.stderr).toBe(0);
    const grams = (file: string) => Number(/emissions: (\d+)/.exec(readFileSync(join(d, file), "utf8"))![1]);
    const shown = (card: string) => Number(new RegExp(`# ${card.replace(/[./]/g, "\\$&")}\\nco2_eq_emissions:\\n  emissions: (\\d+)`).exec(printed.stdout)![1]);
    for (const card of ["MODEL_CARD.md", "cards/mistral.md", "cards/llama.md"]) expect(grams(card)).toBe(shown(card));
    expect(grams("cards/llama.md")).toBeGreaterThan(grams("cards/mistral.md"));
    const check = cli(["check", "--format", "json"], d);
    const json = JSON.parse(check.stdout) as { manifests: { findings: { rule: string }[] }[] };
    expect(json.manifests[0]!.findings.filter((f) => f.rule === "transparency/emissions-disclosure")).toEqual([]);
  });
});

describe("newcomer slips", () => {
  it("increase_pct: 0.1 gets a notice that it is read as 0.1 % and how to write 10 %", async () => {
    const m = evaluated(await report(`${HEAD}training:\n${QLORA}    budget: { increase_pct: 0.1 }\nbudget:\n  increase_pct: 0.1\n  warn_at: 0.8\n`));
    const notice = "increase_pct: 0.1 is read as 0.1 %; for 10 % write 10 (increase_pct is in %, while utilization and warn_at are shares)";
    expect(m.findings.filter((f) => f.rule === "budget/increase-fraction").map((f) => [f.severity, f.line, f.message])).toEqual([
      ["notice", 10, notice],
      ["notice", 12, notice],
    ]);
  });

  it.each([
    [
      "hours: 30h",
      'training[0].hours: must be a number of hours from 1e-4 to 1e6, or limit (the launch config\'s time limit) (got "30h"); write hours: 30 (the number alone: hours is in h)',
    ],
    ["hours: 2 days", "write hours: 48 "],
    [
      "budget: { energy_kwh: 5 MWh }",
      'training[0].budget.energy_kwh: expected a number, got the string "5 MWh"; write energy_kwh: 5000 (the number alone: energy_kwh is in kWh)',
    ],
    ["budget: { increase_pct: 10% }", "write increase_pct: 10 (the number alone: increase_pct is in %)"],
    ["budget: { co2e_kg: 2 t }", "write co2e_kg: 2000 "],
  ])("a number written with its unit (%s) says what to write", async (line, message) => {
    const m = await report(
      `${HEAD}training:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    count: 8\n    ${line}\n${line.startsWith("hours") ? "" : "    hours: 1\n"}`,
    );
    expect(m.status).toBe("unevaluated");
    expect(m.findings.map((f) => f.message).join("\n")).toContain(message);
  });

  it.each([
    [
      "defaults:\n  location: FR\n  budget: { energy_kwh: 5 }\n",
      "defaults: unknown key `budget` (budgets are not inherited: budgets go in the top-level budget:",
    ],
    ["policy:\n  budget: { energy_kwh: 5 }\n", "policy: unknown key `budget` (budgets go in the top-level budget:"],
    [
      "budget:\n  run: { increase_pct: 10 }\n",
      "budget.run: unknown key `increase_pct` (budget.run limits each entry's energy and CO2e; the increase over the base is budget.increase_pct for the total, or budget: { increase_pct: … } on an entry for that entry)",
    ],
  ])("a budget out of place says where budgets go", async (yaml, message) => {
    const m = await report(`version: 1\nproject: p\n${yaml}`);
    expect(m.findings.map((f) => f.message).join("\n")).toContain(message);
  });

  it.each([
    ["H100:8", "", 'accelerator "H100:8" names a model and a count: write accelerator: H100 and count: 8'],
    ["H100:8", "    power_w: 700\n", 'accelerator "H100:8" names a model and a count: write accelerator: H100 and count: 8'],
    [
      "A100 x 8",
      "    count: 4\n",
      'accelerator "A100 x 8" names a model and a count: write accelerator: A100 and count: 8; count says 4, so state the one that is right',
    ],
  ])("an accelerator written as %j is refused with what to write, never a custom accelerator", async (name, extra, message) => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: ${name}\n    gpu_hours: 10\n${extra}`);
    expect(m.status).toBe("unevaluated");
    expect(m.findings.map((f) => [f.rule, f.line, f.message])).toEqual([["manifest/invalid", 6, message]]);
  });

  it("the count form is refused in a manifest that fails the schema too, instead of an unknown accelerator", async () => {
    const m = await report(`${HEAD}training:\n  - id: a\n    accelerator: H100:8\n    gpu_hours: 10\n    typo: 1\n`);
    expect(m.findings.map((f) => f.rule).sort()).toEqual(["manifest/invalid", "manifest/invalid"]);
  });

  it("names that only look like a count stay what they were: a custom name without a colon, a catalogue name", async () => {
    const custom = evaluated(await report(`${HEAD}training:\n  - id: a\n    accelerator: Board x 4000\n    power_w: 100\n    gpu_hours: 10\n`));
    expect(custom.findings.map((f) => f.rule)).toContain("data/custom-accelerator");
    const codecarbon = evaluated(await report(`${HEAD}training:\n  - id: a\n    accelerator: 8 x NVIDIA A100-SXM4-80GB\n    gpu_hours: 10\n`));
    expect(codecarbon.runs[0]!.inputs.accelerator).toBe("nvidia-a100-80gb-sxm");
  });
});

describe("the worked example (examples/monthly-team) from a clean checkout", () => {
  it("passes against its base with its period, entry budgets, one-off run and a card per model", () => {
    const r = cli(["check", "examples/monthly-team/footprint.yml", "--base", "examples/monthly-team/footprint.base.yml", "--format", "json"], ROOT);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const m = (JSON.parse(r.stdout) as { manifests: { period: { label: string }; model_cards: { path: string }[]; findings: unknown[] }[] }).manifests[0]!;
    expect(m.period.label).toBe("per month + one-off training");
    expect(m.model_cards.map((c) => c.path)).toEqual(["cards/mistral-qlora.md", "cards/llama-support.md"]);
    expect(m.findings).toEqual([]);
  });
});

describe("hostile card paths", () => {
  it("a manifest naming more cards than the limit has the rest reported, not read", async () => {
    const entries = Array.from({ length: 102 }, (_, i) => `  - { id: t${i}, accelerator: nvidia-l4, gpu_hours: 1, model_card: cards/${i}.md }\n`).join("");
    let reads = 0;
    const m = await evaluate(
      { path: "footprint.yml", text: `${HEAD}training:\n${entries}`, readRelative: async () => (reads++, null), exists: async () => false },
      null,
    );
    expect(reads).toBe(100);
    expect(messages(m, "transparency/model-card")).toContain("more than 100 model cards are named; this one and 1 more were not read");
  });
});
