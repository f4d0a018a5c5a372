// `history add` and `history page` as a user runs them (dist/cli.js): one small record per run, one self-contained
// page with nothing from the network, every string escaped, 1,000 runs under 2 MB.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { historyRecord, readRecords, recordJson, writeRecord, type HistoryRecord } from "../src/history/record.js";
import { trendOf, trendSpan } from "../src/history/trend.js";
import { parseReport } from "../src/report-schema.js";
import { cli, tempFolders } from "./cli-harness.js";

const { folder, write } = tempFolders("fg-history-");

const MANIFEST = (project: string, hours = 10) => `version: 1
project: ${JSON.stringify(project)}
defaults: { location: FR }
training:
  - { id: pretrain, accelerator: nvidia-h100-sxm, count: 64, hours: ${hours} }
  - { id: sft, accelerator: nvidia-h100-sxm, count: 8, hours: 5 }
budget: { energy_kwh: 100000, co2e_kg: 20000 }
`;

/** The JSON report of a manifest, as `check --format json` writes it, saved in `dir`. */
function reportFile(dir: string, project = "acme-chat", hours = 10): string {
  write(dir, "footprint.yml", MANIFEST(project, hours));
  const r = cli(["check", join(dir, "footprint.yml"), "--format", "json"]);
  return write(dir, "report.json", r.stdout);
}

/** `n` records of one project, a day apart, written as `history add` writes them (in-process, for speed). */
function records(dir: string, report: string, n: number): void {
  const parsed = parseReport(readFileSync(report, "utf8"));
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString();
    writeRecord(join(dir, "history"), historyRecord(parsed, { sha: (i + 1).toString(16).padStart(40, "0"), date }));
  }
}

describe("history add", () => {
  it("keeps a small summary of the report in <dir>/<yyyy>/<date>-<sha7>.json, never the whole report", () => {
    const dir = folder();
    const report = reportFile(dir);
    const r = cli(["history", "add", report, "--dir", join(dir, "h"), "--sha", "0123456789abcdef0123456789abcdef01234567", "--date", "2025-03-01T12:00:00Z"]);
    expect(r.status, r.stderr).toBe(0);
    const path = join(dir, "h", "2025", "2025-03-01-0123456.json");
    expect(r.stdout.trim()).toBe(path);
    const record = JSON.parse(readFileSync(path, "utf8")) as HistoryRecord;
    expect(record).toMatchObject({ schema: "footprint-gate/history@1", sha: "0123456789abcdef0123456789abcdef01234567", verdict: "pass" });
    expect(record.versions.tool).toMatch(/^\d+\.\d+\.\d+/);
    expect(record.versions.data).toMatch(/^[0-9a-f]{12}$/);
    const m = record.manifests[0]!;
    expect(m.project).toBe("acme-chat");
    expect(m.budget).toEqual({ energy_kwh: 100000, co2e_kg: 20000 });
    expect(m.entries.map((e) => e.id)).toEqual(["pretrain", "sft"]);
    expect(m.totals!.energy_kwh).toBeCloseTo(m.entries[0]!.energy_kwh + m.entries[1]!.energy_kwh, 6);
    // A summary: no assumptions, sources or findings.
    expect(Object.keys(m).sort()).toEqual(["budget", "entries", "entries_omitted", "path", "period", "project", "totals", "verdict"]);
    expect(statSync(path).size).toBeLessThan(2000);
  });

  it("refuses a bad commit id, a bad date and a file that is not a report, in one line each (exit 2)", () => {
    const dir = folder();
    const report = reportFile(dir);
    const bad = [
      [["--sha", "not-a-sha"], /--sha must be a commit id/],
      [["--sha", "a".repeat(40), "--date", "yesterday"], /--date must be an ISO 8601 date/],
      [["--sha", "a".repeat(40), "--date", "2025-13-45"], /--date must be an ISO 8601 date/],
    ] as const;
    for (const [args, message] of bad) {
      const r = cli(["history", "add", report, "--dir", join(dir, "h"), ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const notReport = write(dir, "x.json", '{"schema":"something else"}');
    const r = cli(["history", "add", notReport, "--dir", join(dir, "h"), "--sha", "a".repeat(40)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/x\.json: not a footprint-gate report/);
    expect(existsSync(join(dir, "h"))).toBe(false);
    expect(cli(["history"]).status).toBe(2);
    expect(cli(["history", "page", "--dir", dir]).stderr).toMatch(/needs --out FILE/);
  });
});

describe("history page", () => {
  it("is one file with no script, no font and nothing from the network; a table row per run", () => {
    const dir = folder();
    records(dir, reportFile(dir), 30);
    const out = join(dir, "index.html");
    const r = cli(["history", "page", "--dir", join(dir, "history"), "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${out}: 30 runs\n`);
    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/<script|<link|@import|@font-face|url\(/i);
    expect(html).not.toMatch(/(?:src|href)=/i);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.match(/<tr><td>/g)).toHaveLength(30);
    expect(html).toMatch(/class="budget s0"/);
    expect(html).toContain("prefers-color-scheme: dark");
    console.log(`history page, 30 runs: ${Buffer.byteLength(html)} bytes`);
  });

  it("labels each manifest's figures with its period, in the legend, the charts' text and the table", async () => {
    const { historyPage } = await import("../src/history/page.js");
    const dir = folder();
    records(dir, reportFile(dir), 2);
    const [a, b] = readRecords(join(dir, "history")).records;
    const m = a!.manifests[0]!;
    const one = (period: string | null): HistoryRecord => ({ ...a!, manifests: [{ ...m, period }] });
    const html = historyPage([one("per month + one-off training"), one("per month + one-off training")], { version: "1.1.0" });
    expect(html).toContain(`acme-chat <small>per month + one-off training</small> <code>`);
    expect(html).toMatch(/<desc id="energy_kwh-desc">Latest: acme-chat [\d.,]+\skWh per month \+ one-off training\./);
    expect(html).toContain("<caption>Every run, newest first (totals of its manifests, per month + one-off training)</caption>");
    const mixed = historyPage(
      [
        one("per year"),
        {
          ...b!,
          manifests: [
            { ...m, period: "per month" },
            { ...m, path: "b.yml", period: null },
          ],
        },
      ],
      {
        version: "1.1.0",
      },
    );
    expect(mixed).toContain("(totals of its manifests, each over its period)");
    expect(mixed).toContain("<small>per month</small>");
    expect(historyPage([one("<b>&")], { version: "1" })).toContain("<small>&lt;b&gt;&amp;</small>");
  });

  it("1,000 runs stay under 2 MB", () => {
    const dir = folder();
    records(dir, reportFile(dir), 1000);
    const out = join(dir, "index.html");
    expect(cli(["history", "page", "--dir", join(dir, "history"), "--out", out]).stdout).toBe(`${out}: 1000 runs\n`);
    const size = statSync(out).size;
    console.log(`history page, 1,000 runs: ${size} bytes`);
    expect(size).toBeLessThan(2 * 1024 * 1024);
    expect(readFileSync(out, "utf8").match(/<tr><td>/g)).toHaveLength(1000);
  });

  it("escapes a hostile project name everywhere it appears", () => {
    const dir = folder();
    const hostile = `</title><script>alert(1)</script><img src=x onerror=alert(2)>"'&\u202e`;
    records(dir, reportFile(dir, hostile), 3);
    const out = join(dir, "index.html");
    cli(["history", "page", "--dir", join(dir, "history"), "--out", out]);
    const html = readFileSync(out, "utf8");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("\u202e");
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("skips files that are not records, symlinks included, and names each", () => {
    const dir = folder();
    records(dir, reportFile(dir), 2);
    const year = join(dir, "history", "2024");
    writeFileSync(join(year, "2024-05-01-abcdef0.json"), '{"schema":"footprint-gate/history@1"}');
    writeFileSync(join(dir, "secret.json"), recordJson(JSON.parse(readFileSync(join(year, readdirSync(year).sort()[0]!), "utf8")) as HistoryRecord));
    symlinkSync(join(dir, "secret.json"), join(year, "2024-06-01-abcdef1.json"));
    mkdirSync(join(dir, "history", "notes"));
    const out = join(dir, "index.html");
    const r = cli(["history", "page", "--dir", join(dir, "history"), "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${out}: 2 runs\n`);
    expect(r.stderr).toMatch(/skipped 2024\/2024-05-01-abcdef0\.json: not a footprint-gate\/history@1 record/);
    expect(r.stderr).toMatch(/skipped 2024\/2024-06-01-abcdef1\.json: not a regular file/);
    expect(readRecords(join(dir, "history")).records).toHaveLength(2);
  });
});

describe("trend", () => {
  it("spans the last 30 runs of the manifests a report has", () => {
    const dir = folder();
    records(dir, reportFile(dir), 40);
    const trend = trendOf(readRecords(join(dir, "history")).records);
    expect(trend.runs).toHaveLength(30);
    const span = trendSpan(trend, new Set([trend.runs[0]!.manifests[0]!.path]))!;
    expect(span.runs).toBe(30);
    expect(span.first.energy_kwh).toBe(span.last.energy_kwh);
    expect(trendSpan(trend, new Set(["other/footprint.yml"]))).toBeNull();
  });
});
