// The history page as a reader sees it: laid out by Chromium with the network cut off, at the width of a narrow
// window (740 px) and a laptop (1280 px), light and dark. Screenshots go to test/artefacts/history/ (git-ignored).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate.js";
import { historyRecord, writeRecord } from "../../src/history/record.js";
import { buildReport } from "../../src/report.js";
import { source } from "../helpers.js";
import { CHROMIUM, launch } from "./comment-browser.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const artefacts = join(root, "test/artefacts/history");
const skipReason = process.env.CI === "true" ? undefined : `${CHROMIUM} is not installed`;
const HOSTILE = `<img src=x onerror="document.title='pwned'">acme & "chat"`;

let browser: Browser | null = null;
let tmp = "";

/** A page of `n` daily runs of two manifests, the footprint growing, made by the built CLI. */
async function pageOf(n: number, project: string): Promise<string> {
  const dir = mkdtempSync(join(tmp, "h-"));
  const manifest = (name: string, hours: number, budget: string) =>
    `version: 1\nproject: ${JSON.stringify(name)}\ndefaults: { location: gcp:europe-west4 }\ntraining:\n  - { id: pretrain, accelerator: nvidia-h100-sxm, count: 64, hours: ${hours} }\n${budget}`;
  for (let i = 0; i < n; i++) {
    const hours = 40 + 40 * (i / n) + (i % 7);
    const report = buildReport([
      await evaluate(source(manifest(project, hours, "budget: { energy_kwh: 7000, co2e_kg: 2000 }\n"), {}, "footprint.yml"), null),
      await evaluate(source(manifest("embeddings", hours / 3, ""), {}, "embed/footprint.yml"), null),
    ]);
    const date = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString();
    writeRecord(join(dir, "history"), historyRecord(report, { sha: `${(i + 1).toString(16).padStart(7, "0")}${"a".repeat(33)}`, date }));
  }
  const out = join(dir, "index.html");
  execFileSync(process.execPath, [join(root, "dist/cli.js"), "history", "page", "--dir", join(dir, "history"), "--out", out]);
  return readFileSync(out, "utf8");
}

beforeAll(async () => {
  browser = await launch();
  if (browser === null && skipReason === undefined) throw new Error(`${CHROMIUM} is missing`);
  tmp = mkdtempSync(join(tmpdir(), "fg-history-browser-"));
  mkdirSync(artefacts, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Seen {
  charts: { width: number; height: number }[];
  rows: number;
  overflow: number;
  background: string;
  title: string;
  images: number;
  legend: string;
  beside: boolean;
}

async function look(html: string, width: number, scheme: "light" | "dark", shot: string): Promise<Seen> {
  const context = await browser!.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, javaScriptEnabled: true });
  const requests: string[] = [];
  // Nothing may be fetched: any request other than the page itself is recorded and refused.
  await context.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: "load" });
  const seen = await page.evaluate(() => {
    const charts = [...document.querySelectorAll("svg")].map((s) => s.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height }));
    const runs = document.querySelector(".runs")!.getBoundingClientRect();
    const first = document.querySelector(".charts")!.getBoundingClientRect();
    return {
      charts,
      rows: document.querySelectorAll("tbody tr").length,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      background: getComputedStyle(document.body).backgroundColor,
      title: document.title,
      images: document.querySelectorAll("img").length,
      legend: document.querySelector(".legend")?.textContent ?? "",
      beside: runs.left > first.left + 10 && runs.top < first.bottom,
    };
  });
  await page.screenshot({ path: join(artefacts, shot), fullPage: false });
  await context.close();
  expect(requests).toEqual([]);
  return seen;
}

describe("the history page in Chromium", () => {
  it("shows both charts, a row per run and no overflow at 740 and 1280 px, light and dark", async (ctx) => {
    ctx.skip(browser === null, skipReason);
    const html = await pageOf(30, "acme-chat");
    for (const width of [740, 1280]) {
      for (const scheme of ["light", "dark"] as const) {
        const seen = await look(html, width, scheme, `history-${width}-${scheme}.png`);
        const where = `${width} px ${scheme}`;
        expect(seen.charts, where).toHaveLength(2);
        for (const c of seen.charts) expect(c.width, where).toBeGreaterThan(width / 3);
        expect(seen.rows, where).toBe(30);
        expect(seen.overflow, where).toBeLessThanOrEqual(0);
        expect(seen.background, where).toBe(scheme === "dark" ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");
        // Beside the charts on a laptop, under them in a narrow window.
        expect(seen.beside, where).toBe(width === 1280);
      }
    }
  }, 120_000);

  it("shows a hostile project name as text: no element, no script", async (ctx) => {
    ctx.skip(browser === null, skipReason);
    const seen = await look(await pageOf(3, HOSTILE), 740, "light", "history-hostile.png");
    expect(seen.images).toBe(0);
    expect(seen.title).toBe("footprint over time");
    expect(seen.legend).toContain(HOSTILE);
  }, 120_000);

  it("shows 1,000 runs at once", async (ctx) => {
    ctx.skip(browser === null, skipReason);
    const seen = await look(await pageOf(1000, "acme-chat"), 1280, "light", "history-1000.png");
    expect(seen.rows).toBe(1000);
    expect(seen.charts).toHaveLength(2);
    expect(seen.overflow).toBeLessThanOrEqual(0);
  }, 300_000);
});
