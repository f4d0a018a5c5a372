#!/usr/bin/env node
// `node scripts/screenshot-comment.mjs <comment.md> <out.png>`: the first screen of a PR comment as GitHub shows it
// (same page and checks as test/e2e/browser.test.ts), plus <out>.full.png of the whole comment. Prints what the
// first screen holds: where the verdict and the failing finding start, and which quantities wrap; exits 1 when a
// check fails.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const [input, output] = process.argv.slice(2);
if (!input || !output?.endsWith(".png")) {
  console.error("usage: node scripts/screenshot-comment.mjs <comment.md> <out.png>");
  process.exit(2);
}
// The page and the checks are TypeScript shared with the tests; Vite's module runner loads them as they are.
const { module: cb } = await runnerImport(fileURLToPath(new URL("../test/e2e/comment-browser.ts", import.meta.url)), { logLevel: "error" });

const browser = await cb.launch();
if (browser === null) {
  console.error(`${cb.CHROMIUM} is not installed`);
  process.exit(1);
}
try {
  const markdown = readFileSync(input, "utf8");
  const needle = cb.failingFindingText(markdown);
  const page = await cb.newCommentPage(browser);
  await cb.show(page, markdown);
  const layout = await cb.measure(page, needle);
  const full = output.replace(/\.png$/, ".full.png");
  await cb.screenshots(page, output, full);
  console.log(`first screen (${cb.VIEWPORT.width} × ${cb.VIEWPORT.height} px): ${output}; whole comment: ${full}`);
  console.log(`verdict heading at ${layout.verdictTop === null ? "— (none)" : `${Math.round(layout.verdictTop)} px`}`);
  console.log(
    `failing finding: ${needle === null ? "none" : layout.finding === null ? `"${needle}" not rendered` : `"${needle}" at ${Math.round(layout.finding.top)} px${layout.finding.visible ? "" : " (hidden)"}`}`,
  );
  const problems = cb.layoutProblems(layout, needle);
  console.log(problems.length === 0 ? "no layout problems" : `${problems.length} layout problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await browser.close();
}
