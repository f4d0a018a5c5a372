// The PR comment's layout: what comes first, the units, the notes, the advice, the overview and the footer.
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { ADVICE_LINES, renderMarkdown } from "../src/render/markdown.js";
import { escapeMarkdown } from "../src/format/escape.js";
import { formatBudgetUse } from "../src/budget.js";
import { columnUnit, formatDelta, formatPct, formatQuantity, NBSP } from "../src/format/units.js";
import { buildReport, reportJson, type ManifestReport } from "../src/report.js";
import { parseReport } from "../src/report-schema.js";
import { source } from "./helpers.js";

async function manifestReport(text: string, base?: string, path = "footprint.yml"): Promise<ManifestReport> {
  return evaluate(source(text, {}, path), base === undefined ? null : source(base, {}, path));
}

const manifest = (runs: [string, number][], extra = "") =>
  `version: 1\nproject: layout\ndefaults: { location: gcp:europe-west4 }\ntraining:\n${runs
    .map(([id, hours]) => `  - { id: ${id}, accelerator: nvidia-h100-sxm, count: 8, hours: ${hours} }`)
    .join("\n")}\n${extra}`;

describe("units in Markdown", () => {
  it("keep number and unit together with a no-break space, and text output keeps a plain space", () => {
    expect(formatQuantity("water_l", 11_200, NBSP)).toBe("11.2\u00a0m³");
    expect(formatPct(20, NBSP)).toBe("+20.0\u00a0%");
    expect(formatDelta("co2e_kg", -125, NBSP)).toBe("−125\u00a0kg");
    expect(formatQuantity("water_l", 11_200)).toBe("11.2 m³");
    expect(formatPct(20)).toBe("+20.0 %");
  });

  it("a column takes one unit when its figures span three orders of magnitude or less, else each cell its own", () => {
    const mwh = columnUnit("energy_kwh", [451, 2_370, 120_000, 0]);
    expect(mwh.unit).toBe("MWh");
    expect([451, 120_000, 0].map((v) => mwh.cell(v))).toEqual(["0.451", "120", "0"]);
    const mixed = columnUnit("energy_kwh", [0.5, 120_000], NBSP);
    expect(mixed.unit).toBeNull();
    expect(mixed.cell(0.5)).toBe("500\u00a0Wh");
    expect(mixed.cell(120_000)).toBe("120\u00a0MWh");
  });

  it("a budget use names its metric and shows the limit, the allowed increase too", () => {
    expect(
      formatBudgetUse({ scope: "total", metric: "energy_kwh", key: "budget.energy_kwh", limit: 200_000, value: 139_000, share: 0.695, status: "ok" }),
    ).toBe("energy 139 MWh of 200 MWh");
    expect(formatBudgetUse({ scope: "total", metric: "energy_kwh", key: "budget.increase_pct", limit: 30, value: 50.3, share: 1.68, status: "over" })).toBe(
      "energy +50.3 % of +30 % allowed",
    );
  });
});

describe("budget.increase_pct as a budget use", () => {
  const base = manifest([["a", 100]], "budget: { increase_pct: 30 }\n");

  it("records the increase and the limit in %, over when the change breaks it", async () => {
    const m = await manifestReport(manifest([["a", 150]], "budget: { increase_pct: 30 }\n"), base);
    const use = m.budget.find((b) => b.key === "budget.increase_pct")!;
    expect(use).toMatchObject({ scope: "total", metric: "energy_kwh", limit: 30, status: "over" });
    expect(use.value).toBeCloseTo(50, 6);
    expect(m.findings.map((f) => f.rule)).toEqual(["budget/increase"]);
  });

  it("is ok within the limit, and is absent from a zero base (no finite %)", async () => {
    const ok = await manifestReport(manifest([["a", 110]], "budget: { increase_pct: 30 }\n"), base);
    expect(ok.budget.find((b) => b.key === "budget.increase_pct")?.status).toBe("ok");
    const zero = await manifestReport(
      manifest([["a", 10]], "budget: { increase_pct: 30 }\n"),
      manifest([["a", 0.0001]], "budget: { increase_pct: 30 }\n").replace("count: 8", "count: 0"),
    );
    for (const b of zero.budget) expect(Number.isFinite(b.share)).toBe(true);
  });

  it("survives the report JSON, and a report written before uses had keys reads with keys derived", async () => {
    const m = await manifestReport(manifest([["a", 150]], "budget: { increase_pct: 30, energy_kwh: 1e6, run: { co2e_kg: 1e6 } }\n"), base);
    const report = buildReport([m]);
    expect(parseReport(reportJson(report)).manifests[0]!.budget).toEqual(m.budget);
    const old = JSON.parse(reportJson(report)) as { manifests: { budget: Record<string, unknown>[] }[] };
    old.manifests[0]!.budget = old.manifests[0]!.budget.filter((b) => b.key !== "budget.increase_pct").map(({ key: _key, ...b }) => b);
    const keys = parseReport(JSON.stringify(old)).manifests[0]!.budget.map((b) => `${b.scope} ${b.key}`);
    expect(keys).toEqual(["total budget.energy_kwh", "a budget.run.co2e_kg"]);
  });
});

describe("comment order", () => {
  it("puts the verdict, one sentence and the failing finding with its value, limit and fix before the table", async () => {
    const m = await manifestReport(manifest([["a", 150]], "budget: { increase_pct: 30 }\n"), manifest([["a", 100]], "budget: { increase_pct: 30 }\n"));
    const md = renderMarkdown(buildReport([m]), { marker: null });
    const lines = md.split("\n");
    expect(lines[0]).toBe("## 🌱 footprint-gate: ❌ fail");
    expect(lines[2]).toMatch(/^\*\*layout\*\*: energy .* → .* \(\*\*\+50\.0\u00a0%\*\*\)/);
    const finding = lines.findIndex((l) => l.startsWith("- ❌"));
    const table = lines.findIndex((l) => l.startsWith("| entry |"));
    expect(finding).toBe(4);
    expect(finding).toBeLessThan(table);
    expect(lines[finding]).toContain("**energy +50.0\u00a0% vs base**, limit <code>budget\\.increase\\_pct: 30</code>");
    expect(lines[finding]).toContain("reduce the change or raise `budget.increase_pct` in a reviewed change");
    expect(lines.find((l) => l.startsWith("Budgets: "))).toContain("❌\u00a0energy +50.0\u00a0% of +30\u00a0% allowed");
  });

  it("a notice (no comparison) comes after the table", async () => {
    const m = await manifestReport(manifest([["a", 10]]));
    const withNotice = {
      ...m,
      findings: [
        { rule: "base/unavailable" as const, severity: "notice" as const, message: "the base cannot be read", file: "footprint.yml", line: 1, column: 1 },
      ],
    };
    const lines = renderMarkdown(buildReport([withNotice])).split("\n");
    expect(lines.findIndex((l) => l.startsWith("- ℹ️"))).toBeGreaterThan(lines.findIndex((l) => l.startsWith("| **total**")));
  });
});

describe("assumptions", () => {
  it("every source of the report appears once, in full, as a numbered note that rows point at", async () => {
    const m = await manifestReport(
      manifest([
        ["a", 10],
        ["b", 20],
        ["c", 30],
      ]) + "inference:\n  - { id: d, accelerator: nvidia-l4, count: 2, hours: 100, location: aws:us-east-1 }\n",
    );
    const md = renderMarkdown(buildReport([m]), { detail: "full" });
    const notes = md.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(notes).toHaveLength(m.sources.length);
    for (const s of m.sources) {
      const text = escapeMarkdown(s.source, 5000);
      expect(notes.filter((l) => l.replace(/^\d+\. /, "").startsWith(text))).toHaveLength(1);
      expect(md.split(text).length - 1).toBe(1);
    }
    // Rows point at notes that exist, naming the entries that share them (or "all").
    const refs = [...md.matchAll(/\| \[(\d+)\] \|$/gm)].map((r) => Number(r[1]));
    expect(refs.length).toBeGreaterThan(0);
    for (const n of refs) expect(n).toBeLessThanOrEqual(notes.length);
    expect(md).toMatch(/^\| utilization \| 1 \| `a`, `b`, `c` \| \[\d+\] \|$/m);
    expect(md).toMatch(/^\| ewif \| 3\.1\u00a0L\/kWh \| all \| \[\d+\] \|$/m);
  });
});

describe("advice", () => {
  const west = (id: string, hours: number) => `  - { id: ${id}, accelerator: nvidia-a100-80gb-sxm, count: 8, hours: ${hours} }`;
  const five = (hours: number) =>
    `version: 1\nproject: p\ndefaults: { location: gcp:europe-west4 }\ntraining:\n${[1, 2, 3, 4, 5].map((i) => west(`r${i}`, hours * i)).join("\n")}\n`;

  it("covers only added or changed entries, at most three lines, collapsed, and never above the findings", async () => {
    const head =
      five(10).replace("hours: 10 }", "hours: 11 }") +
      "  - { id: n1, accelerator: nvidia-a100-80gb-sxm, count: 8, hours: 5 }\n  - { id: n2, accelerator: nvidia-a100-80gb-sxm, count: 8, hours: 6 }\n  - { id: n3, accelerator: nvidia-a100-80gb-sxm, count: 8, hours: 7 }\nbudget: { run: { energy_kwh: 1 } }\n";
    const m = await manifestReport(head, five(10) + "budget: { run: { energy_kwh: 1 } }\n");
    expect(m.advice.length).toBe(8);
    const md = renderMarkdown(buildReport([m]));
    const lines = md.split("\n");
    const start = lines.findIndex((l) => l.includes("💡 Advice"));
    expect(lines[start]).toMatch(/^<details><summary>💡 Advice/);
    const items = lines
      .slice(start)
      .filter((l) => /^- `/.test(l))
      .slice(0, ADVICE_LINES + 1);
    expect(items.length).toBeLessThanOrEqual(ADVICE_LINES);
    for (const l of items) expect(l).toMatch(/^- `(r1|n1|n2|n3)`/);
    expect(lines.slice(start).find((l) => l.startsWith("- … "))).toBe("- … 1 more in the JSON report");
    expect(start).toBeGreaterThan(lines.findIndex((l) => l.startsWith("- ❌")));
  });
});

describe("several manifests", () => {
  it("get one overview row each before their sections, and the unchanged ones fold into one line", async () => {
    const same = manifest([["a", 10]]);
    const ms = [
      await manifestReport(manifest([["a", 20]]), same, "train/footprint.yml"),
      await manifestReport(same, same, "x/footprint.yml"),
      await manifestReport(same, same, "y/footprint.yml"),
    ];
    const md = renderMarkdown(buildReport(ms));
    const lines = md.split("\n");
    const overview = lines.findIndex((l) => l.startsWith("| manifest | verdict |"));
    expect(lines.slice(overview + 2, overview + 5).map((l) => l.split(" | ")[0])).toEqual([
      "| `train/footprint.yml`<br><sub>layout</sub>",
      "| `x/footprint.yml`<br><sub>layout</sub>",
      "| `y/footprint.yml`<br><sub>layout</sub>",
    ]);
    expect(md).toContain("2 manifests unchanged: `x/footprint.yml`, `y/footprint.yml`");
    expect(lines.filter((l) => l.startsWith("### "))).toEqual(["### `train/footprint.yml` · layout"]);
    expect(overview).toBeLessThan(lines.findIndex((l) => l.startsWith("### ")));
  });
});

describe("footer", () => {
  it("names base and head commits and links the run and the docs; an address that could break the link is left out", async () => {
    const report = buildReport([await manifestReport(manifest([["a", 10]]))]);
    const footer = {
      baseSha: "b".repeat(40),
      headSha: "a".repeat(40),
      runUrl: "https://github.com/o/r/actions/runs/7",
      docsUrl: "https://github.com/footprint-gate/footprint-gate#readme",
    };
    const last = (md: string) => md.trimEnd().split("\n").at(-1)!;
    expect(last(renderMarkdown(report, { footer }))).toBe(
      "<sub>base `bbbbbbb` → head `aaaaaaa` · [workflow run](https://github.com/o/r/actions/runs/7) · estimated by [footprint-gate](https://github.com/footprint-gate/footprint-gate#readme); every figure has its source in the assumptions</sub>",
    );
    expect(last(renderMarkdown(report, { footer: { runUrl: "https://x/)[a](https://evil" } }))).not.toContain("](");
  });
});

describe("inference and market-based figures", () => {
  const service = (rate: number, extra = "") =>
    `version: 1\nproject: svc\ndefaults: { location: aws:us-east-1${extra} }\ninference:\n  - id: chat\n    accelerator: nvidia-h100-sxm\n    count: 8\n    throughput: { requests_per_second: ${rate} }\n    requests: 1e8\n`;

  it("states each request's change first, then its figures, under the table", async () => {
    const md = renderMarkdown(buildReport([await manifestReport(service(25), service(20))]));
    const lines = md.split("\n");
    const line = lines.find((l) => l.startsWith("- `chat`: **each request"));
    expect(line).toMatch(
      /^- `chat`: \*\*each request uses 20\\\.0 % less energy than on the base \\\(CO2e per request −20\\\.0 %\\\)\*\*; [\d\\.,]+ Wh per request, /,
    );
    expect(lines.indexOf(line!)).toBeGreaterThan(lines.findIndex((l) => l.startsWith("| **total**")));
  });

  it("gives no change when the cost per request is the same, and the market-based total beside the location-based one", async () => {
    const md = renderMarkdown(buildReport([await manifestReport(service(20, ", carbon_free_energy: 0.5"), service(20, ", carbon_free_energy: 0.5"))]));
    expect(md).not.toContain("each request uses");
    expect(md).toMatch(/^- `chat`: [\d\\.,]+ Wh per request, /m);
    expect(md).toMatch(/^Market-based CO2e: [\d.,]+\u00a0t \(location-based [\d.,]+\u00a0t, GHG Protocol Scope 2 dual reporting\)$/m);
  });
});
