// Every golden comment laid out by Chromium as GitHub shows it: the verdict and the reason for a failure on the first
// screen, quantities kept on one line. Screenshots land in test/artefacts/comments/ (git-ignored) for a reviewer.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHROMIUM,
  FOLD_PX,
  failingFindingText,
  launch,
  layoutProblems,
  measure,
  newCommentPage,
  screenshots,
  show,
  SINGLE_QUANTITY,
} from "./comment-browser.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const goldenDir = join(root, "test/golden");
const artefacts = join(root, "test/artefacts/comments");
const goldens = readdirSync(goldenDir)
  .filter((f) => f.endsWith(".comment.md"))
  .sort();

// A missing browser is a failure in CI (which installs it) and a skip on a developer's machine.
const skipReason = process.env.CI === "true" ? undefined : `${CHROMIUM} is not installed (CI installs it; install Debian's chromium to run these)`;

let browser: Browser | null = null;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  if (browser === null && skipReason === undefined) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run)`);
  if (browser) page = await newCommentPage(browser);
  mkdirSync(artefacts, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function need(skip: (condition: boolean, note?: string) => void): void {
  skip(browser === null, skipReason);
}

async function problemsOf(markdown: string): Promise<string[]> {
  const needle = failingFindingText(markdown);
  await show(page, markdown);
  return layoutProblems(await measure(page, needle), needle);
}

describe("golden comments in Chromium at GitHub's comment width", () => {
  it.for(goldens)("%s: verdict and failing finding on the first screen, no quantity wraps", async (file, { skip }) => {
    need(skip);
    const markdown = readFileSync(join(goldenDir, file), "utf8");
    const needle = failingFindingText(markdown);
    await show(page, markdown);
    const layout = await measure(page, needle);
    const name = basename(file, ".md");
    const first = join(artefacts, `${name}.first-screen.png`);
    const full = join(artefacts, `${name}.full.png`);
    await screenshots(page, first, full);
    console.log(
      `${file}: verdict at ${layout.verdictTop === null ? "—" : Math.round(layout.verdictTop)} px, failing finding ${layout.finding ? `at ${Math.round(layout.finding.top)} px` : "none"}, ${layout.quantityCells} quantity cells; screenshots ${relative(root, first)}, ${relative(root, full)}`,
    );
    expect(layoutProblems(layout, needle)).toEqual([]);
  });
});

describe("the layout checks themselves", () => {
  const heading = "<!-- footprint-gate:v1 -->\n## 🌱 footprint-gate: ❌ fail\n\n";
  const finding = "- ❌ error <code>budget/increase</code> total energy rises by 50\\.3 % \\(113 MWh → 170 MWh\\), more than the 30 % allowed\n";
  const longTable =
    ["| entry | energy |", "|---|---:|", ...Array.from({ length: 30 }, (_, i) => `| <code>run\\-${i}</code> | ${i + 1} MWh |`)].join("\n") + "\n\n";
  // A narrow value column beside wide text: the table layout squeezes it down to its narrowest unbreakable width.
  const squeezed = (value: string): string =>
    `## footprint-gate: ✅ pass\n\n| note | note | water |\n|---|---|---:|\n| ${"a long explanation ".repeat(12)} | ${"another long note ".repeat(12)} | ${value} |\n`;

  it("takes the failing finding from the first error line (❌ error, or ❌ with a rule id or budget key), list item or table cell", () => {
    expect(failingFindingText(heading + "❌ fail: **acme** · +50 %\n\n" + finding)).toBe("❌ error budget/increase total energy rises by 50.3 % (113 MW");
    expect(failingFindingText(heading + "- ❌ error **energy +50\\.3 % vs base**, limit <code>budget.increase_pct: 30</code>\n")).toBe(
      "❌ error energy +50.3 % vs base, limit budget.increase_pct: 3",
    );
    expect(failingFindingText(heading + "| ❌ | <code>privacy/epsilon</code> ε is 12 |\n")).toBe("privacy/epsilon ε is 12");
    expect(failingFindingText(heading + "| ❌ error | ε is 12 |\n")).toBe("❌ error");
    expect(failingFindingText(heading + "| **total** | 23.2 t | ❌ fail |\n")).toBeNull();
    expect(failingFindingText(heading + "```\n- ❌ error budget/energy\n```\n")).toBeNull();
    expect(failingFindingText(heading + "- ⚠️ warning <code>budget/run\\-energy</code> near\n")).toBeNull();
  });

  it("counts a cell as one quantity only when it holds one number and one unit", () => {
    for (const q of ["11.2 m³", "11.2\u00a0m³", "+50.3 %", "−100 %", "±0 %", "630 kg", "23.2 t", "1,536 h", "676 kWh", "0 L", "462.5 kgCO2e"])
      expect(q).toMatch(SINGLE_QUANTITY);
    for (const q of ["71 MWh → 120 MWh", "139 MWh of 200 MWh", "energy 2 %", "new", "–", "700 W (TDP)", "1.1"]) expect(q).not.toMatch(SINGLE_QUANTITY);
  });

  it("passes a comment whose verdict and failing finding come first", async ({ skip }) => {
    need(skip);
    expect(await problemsOf(heading + finding + "\n" + longTable)).toEqual([]);
  });

  it(`fails a comment where a long table pushes the failing finding below ${FOLD_PX} px`, async ({ skip }) => {
    need(skip);
    const problems = await problemsOf(heading + longTable + finding);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the failing finding "❌ error budget\/increase .*" starts \d+ px down, below the first 500 px$/);
  });

  it("fails a comment whose failing finding sits in a closed <details>", async ({ skip }) => {
    need(skip);
    const problems = await problemsOf(`${heading}<details><summary>Findings</summary>\n\n${finding}\n</details>\n`);
    expect(problems).toEqual([expect.stringMatching(/hidden \(in a closed <details>\)$/)]);
  });

  it("fails a failing verdict whose comment has no recognisable error finding", async ({ skip }) => {
    need(skip);
    expect(await problemsOf(heading + "Something went wrong.\n")).toEqual([
      'the verdict "🌱 footprint-gate: ❌ fail" fails but no line of the comment is an error finding (❌ error …)',
    ]);
  });

  it("fails a comment without a footprint-gate heading", async ({ skip }) => {
    need(skip);
    expect(await problemsOf("Some comment\n")).toEqual(["no h2/h3 heading names footprint-gate"]);
  });

  it("detects a quantity wrapping at its normal space in a narrow column, and none with a no-break space", async ({ skip }) => {
    need(skip);
    expect(await problemsOf(squeezed("11.2 m³"))).toEqual(['the cell "11.2 m³" wraps over 2 lines']);
    expect(await problemsOf(squeezed("11.2\u00a0m³"))).toEqual([]);
  });

  it("flags the failing comment as laid out before the redesign: its reason is far below the first screen", async ({ skip }) => {
    need(skip);
    const markdown = readFileSync(join(root, "test/fixtures/comments/failing-before-redesign.comment.md"), "utf8");
    const problems = await problemsOf(markdown);
    // Kept beside the golden screenshots, so that the two layouts of the same failing change can be compared.
    await screenshots(page, join(artefacts, "failing-before-redesign.first-screen.png"), join(artefacts, "failing-before-redesign.full.png"));
    expect(problems).toContainEqual(
      expect.stringMatching(/^the failing finding "❌ error budget\/increase total energy rises by 50\.3 % .*" starts \d+ px down/),
    );
    expect(problems).toContain('the cell "11.2 m³" wraps over 2 lines');
    expect(problems).toContainEqual(expect.stringMatching(/^the table "entry kind accelerator .*" is \d+ px wide in a \d+ px column/));
  });

  it("fails a table wider than the comment column, and not one inside <details>", async ({ skip }) => {
    need(skip);
    const wide = `| ${Array.from({ length: 12 }, (_, i) => `column${i}`).join(" | ")} |\n|${"---|".repeat(12)}\n| ${Array.from({ length: 12 }, () => "a\u00a0long\u00a0cell").join(" | ")} |\n`;
    const pass = "<!-- footprint-gate:v1 -->\n## 🌱 footprint-gate: ✅ pass\n\n";
    const problems = await problemsOf(`${pass}${wide}`);
    expect(problems).toEqual([expect.stringMatching(/^the table "column0 column1 .*" is \d+ px wide in a \d+ px column/)]);
    expect(await problemsOf(`${pass}<details><summary>More</summary>\n\n${wide}\n</details>\n`)).toEqual([]);
  });

  it("measures quantity cells inside a closed <details> as opened", async ({ skip }) => {
    need(skip);
    const [title, table] = squeezed("11.2 m³").split("\n\n");
    expect(await problemsOf(`${title}\n\n<details><summary>More</summary>\n\n${table}\n</details>\n`)).toEqual(['the cell "11.2 m³" wraps over 2 lines']);
  });
});
