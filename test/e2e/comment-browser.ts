/// <reference lib="dom" />
// The comment as a reader sees it on GitHub: rendered with micromark + GFM, styled with GitHub's Markdown stylesheet
// in the width of the conversation column, laid out by Chromium. The checks measure what is on the first screen.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { cells, render, text } from "./render.js";

/** Debian's Chromium; CI installs it, nothing here ever downloads a browser. */
export const CHROMIUM = "/usr/bin/chromium";
/** GitHub's comment column is about 740 px wide; 1000 px tall is one laptop screen. */
export const VIEWPORT = { width: 740, height: 1000 } as const;
/** The verdict and the reason for a failure must be readable without scrolling: within this many pixels. */
export const FOLD_PX = 500;

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Headless Chromium with a fresh, empty profile (playwright makes one per launch), or null when it is not installed. */
export async function launch(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) return null;
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export async function newCommentPage(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: "light" });
}

const STYLESHEET = readFileSync(createRequire(import.meta.url).resolve("github-markdown-css/github-markdown-light.css"), "utf8");

/**
 * A self-contained page (no network) holding the rendered comment: GitHub's light stylesheet inlined, the body in
 * `<article class="markdown-body">` padded like a comment body. `<details>` stay closed; Mermaid blocks stay code.
 */
export function commentHtml(markdown: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>comment</title>
<style>${STYLESHEET}</style>
<style>body { margin: 0; background: #ffffff; } .markdown-body { box-sizing: border-box; width: 100%; padding: 16px; }</style>
</head><body><article class="markdown-body">
${render(markdown)}
</article></body></html>`;
}

export async function show(page: Page, markdown: string): Promise<void> {
  await page.setContent(commentHtml(markdown), { waitUntil: "load" });
}

// A rule id (budget/increase) or a budget key (budget.increase_pct): what a finding names, unlike a verdict or status.
const RULE = /\b(?:budget|data|manifest|privacy|transparency)\/[a-z]+(?:-[a-z]+)*|\bbudget\.[a-z_]+/;

function normalise(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The text a reader sees for a piece of Markdown. */
function seen(markdown: string): string {
  return normalise(text(render(markdown)));
}

/** An error finding as written in the comment: the "❌ error" severity, or ❌ beside a rule id or budget key. */
function failing(t: string): boolean {
  return t.includes("❌ error") || (t.includes("❌") && RULE.test(t));
}

/**
 * The start of the first failing finding's text as a reader sees it, taken from the Markdown itself: the first line
 * outside code fences that is an error finding (a list item, a paragraph or a table row; for a row, the cell naming
 * the rule, else the one with ❌). Null when the comment has no failing finding.
 */
export function failingFindingText(markdown: string): string | null {
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || !line.includes("❌")) continue;
    const row = line.trimStart().startsWith("|");
    const pieces = row ? cells(line).map(seen) : [seen(line.replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)]|#{1,6})\s+/, ""))];
    if (!failing(pieces.join(" "))) continue;
    const piece = row ? (pieces.find((p) => RULE.test(p)) ?? pieces.find((p) => p.includes("❌"))!) : pieces[0]!;
    // A prefix: enough to be unique, short enough to survive a hard break later in the line.
    return [...piece].slice(0, 60).join("");
  }
  return null;
}

/**
 * A cell holding exactly one quantity: an optional sign, a number, an optional (non-breaking) space and one unit.
 * "a → b", "139 MWh of 200 MWh" or "energy 2 %" are not single quantities and may wrap.
 */
export const SINGLE_QUANTITY = /^[+\-−±]?\d[\d.,]*\s?(?:[kMGT]?Wh|[kMG]?W|(?:k|M)?g(?:\s?CO2e)?|[kM]?t(?:\s?CO2e)?|[kM]?L|m³|h|%)$/;

export interface Layout {
  /** Top of the verdict heading (first h2/h3 naming footprint-gate), in px from the top of the comment; null if none. */
  verdictTop: number | null;
  /** That heading's text. */
  verdictText: string | null;
  /** The failing finding's element, when the Markdown has one: its text, top, and whether it is visible at all. */
  finding: { text: string; top: number; visible: boolean } | null;
  /** Single-quantity cells laid out on more than one line (with every <details> opened, as a reader may). */
  wrapped: { text: string; lines: number }[];
  /** How many single-quantity cells were measured. */
  quantityCells: number;
  /** Tables outside <details> wider than the comment column (GitHub makes them scroll sideways). */
  overflowing: { header: string; width: number; room: number }[];
}

/** Measures the comment shown on `page` (see show()). `needle` is failingFindingText() of its Markdown. */
export async function measure(page: Page, needle: string | null): Promise<Layout> {
  return page.evaluate(
    ({ needle, quantity }) => {
      const article = document.querySelector("article.markdown-body")!;
      const origin = article.getBoundingClientRect().top;
      const flat = (s: string | null): string => (s ?? "").replace(/\s+/g, " ").trim();
      const heading = [...article.querySelectorAll("h2, h3")].find((h) => (h.textContent ?? "").includes("footprint-gate"));
      const verdictTop = heading ? heading.getBoundingClientRect().top - origin : null;
      const verdictText = heading ? flat(heading.textContent) : null;

      let finding: Layout["finding"] = null;
      if (needle !== null) {
        // The innermost element whose text holds the needle (its text may span inline children such as <code>).
        const holders = [...article.querySelectorAll("*")].filter((e) => flat(e.textContent).includes(needle));
        const inner = holders.find((e) => ![...e.children].some((c) => flat(c.textContent).includes(needle)));
        if (inner) finding = { text: flat(inner.textContent), top: inner.getBoundingClientRect().top - origin, visible: inner.checkVisibility() };
      }

      const overflowing: Layout["overflowing"] = [];
      for (const table of article.querySelectorAll("table")) {
        if (table.closest("details")) continue;
        if (table.scrollWidth > table.clientWidth + 1) {
          overflowing.push({ header: flat(table.querySelector("tr")?.textContent ?? ""), width: table.scrollWidth, room: table.clientWidth });
        }
      }

      const details = [...article.querySelectorAll("details")];
      const wasOpen = details.map((d) => d.open);
      for (const d of details) d.open = true;
      const pattern = new RegExp(quantity);
      const wrapped: Layout["wrapped"] = [];
      let quantityCells = 0;
      for (const cell of article.querySelectorAll("td, th")) {
        const content = flat(cell.textContent);
        if (!pattern.test(content)) continue;
        quantityCells++;
        // Lines = distinct tops of the cell's text boxes; inline code or bold shift a box by a few px, not a line.
        const style = getComputedStyle(cell);
        const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
        const tops: number[] = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
        }
        tops.sort((a, b) => a - b);
        let lines = 0;
        let last = -Infinity;
        for (const t of tops) {
          if (t - last > lineHeight / 2) {
            lines++;
            last = t;
          }
        }
        if (lines > 1) wrapped.push({ text: content, lines });
      }
      details.forEach((d, i) => (d.open = wasOpen[i]!));
      return { verdictTop, verdictText, finding, wrapped, quantityCells, overflowing };
    },
    { needle, quantity: SINGLE_QUANTITY.source },
  );
}

/** What a reader would miss or trip over, one sentence each; empty when the layout is fine. */
export function layoutProblems(layout: Layout, needle: string | null): string[] {
  const out: string[] = [];
  if (layout.verdictTop === null) out.push("no h2/h3 heading names footprint-gate");
  else if (layout.verdictTop > FOLD_PX) out.push(`the verdict heading starts ${Math.round(layout.verdictTop)} px down, below the first ${FOLD_PX} px`);
  // A failing verdict must say why; a comment whose findings this cannot recognise is a failure, not a pass.
  if (needle === null && /❌|\bfail\b/.test(layout.verdictText ?? ""))
    out.push(`the verdict "${layout.verdictText}" fails but no line of the comment is an error finding (❌ error …)`);
  if (needle !== null) {
    if (layout.finding === null) out.push(`the failing finding "${needle}" is not in the rendered comment`);
    else if (!layout.finding.visible) out.push(`the failing finding "${needle}" is hidden (in a closed <details>)`);
    else if (layout.finding.top > FOLD_PX)
      out.push(`the failing finding "${needle}" starts ${Math.round(layout.finding.top)} px down, below the first ${FOLD_PX} px`);
  }
  for (const w of layout.wrapped) out.push(`the cell "${w.text}" wraps over ${w.lines} lines`);
  for (const t of layout.overflowing) out.push(`the table "${t.header}" is ${t.width} px wide in a ${t.room} px column: its last columns scroll out of sight`);
  return out;
}

/** Screenshots of the first screen and of the whole comment (details closed). */
export async function screenshots(page: Page, firstScreen: string, full: string): Promise<void> {
  await page.screenshot({ path: firstScreen, fullPage: false });
  await page.screenshot({ path: full, fullPage: true });
}
