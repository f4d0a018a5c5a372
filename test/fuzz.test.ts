// Fuzzing the gate with mutations of the real examples: tests that search for the next hole rather than re-check the
// last one. Each case mutates manifests (as YAML data and as text), the model card and a CodeCarbon CSV, evaluates
// them in process and checks the whole output path: no crash (exit 3), exit code 0–2, finite figures, a comment that
// fits, a report JSON that parseReport accepts, no control or bidi character in what is shown.
// CI runs a fixed seed (FUZZ_SEED overrides it); `npm run fuzz` runs a long campaign with a random seed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLES, FINE_TUNE, ROOT, materialize, runCase, sizeOf, type Outcome } from "./fuzz/check.js";
import { commentCaseArb, runCommentCase } from "./fuzz/comments.js";
import { caseArb, type Case, type CaseShape } from "./fuzz/mutate.js";
import { FUZZ_DIR, decodeCase, describeViolations, hangGuard, saveCase } from "./fuzz/save.js";

const REPLAY = process.env.FUZZ_REPLAY;
const CAMPAIGN = process.env.FUZZ_RUNS !== undefined || REPLAY !== undefined;
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
/** A case past this is a hang (the process is ended so CI fails rather than hangs); never a performance assertion. */
const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 60_000);

const guard = hangGuard(HANG_MS);
const slowest: { ms: number; bytes: number; c: Case; name: string }[] = [];

async function measured(name: string, c: Case): Promise<Outcome> {
  guard.start(c);
  try {
    const o = await runCase(c);
    if (slowest.length < 10 || o.ms > slowest[slowest.length - 1]!.ms) {
      slowest.push({ ms: o.ms, bytes: o.bytes, c, name });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, 10);
    }
    return o;
  } finally {
    guard.stop();
  }
}

function report(): string {
  return slowest.map((s, i) => `${i + 1}. ${s.ms.toFixed(0)} ms, ${s.bytes} bytes (${s.name})`).join("\n");
}

afterAll(() => {
  guard.close();
  if (slowest.length > 0) console.log(`slowest fuzz cases (seed ${SEED}):\n${report()}`);
});

/** Properties set aside (FUZZ_IGNORE="no NaN in output,…"), to look past a known failure for the next one. */
const IGNORED = new Set(
  (process.env.FUZZ_IGNORE ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

function property(name: string, ignore: ReadonlySet<string> = IGNORED) {
  return (arb: fc.Arbitrary<Case>) =>
    fc.asyncProperty(arb, async (c) => {
      const o = await measured(name, c);
      const kept = o.violations.filter((v) => !ignore.has(v.property));
      if (kept.length > 0) throw new Error(`${kept.length} violation(s):\n${describeViolations(kept)}`);
    });
}

const SHAPES: [string, CaseShape, number][] = [
  ["mutations of the manifests as YAML data", { head: [4, 0] }, 220],
  ["mutations of the manifests as text", { head: [0, 4] }, 200],
  ["mutations of head and base manifests, data and text together", { head: [3, 2], base: [3, 2] }, 150],
  ["mutations of the model card", { exs: [FINE_TUNE], head: [1, 0], card: 4 }, 150],
  ["mutations of the CodeCarbon CSVs", { exs: [FINE_TUNE], head: [1, 0], csv: 4 }, 150],
  ["everything at once", { head: [3, 2], base: [2, 1], card: 2, csv: 2 }, 130],
];

describe.skipIf(CAMPAIGN)("fuzz: mutated examples never crash, bend or flood the gate", () => {
  for (const [name, shape, runs] of SHAPES) {
    it(`${name}: no crash, exit 0-2, finite figures, fitted comment, parseable JSON, no control characters`, async () => {
      await fc.assert(property(name)(caseArb(shape, EXAMPLES.length)), { seed: SEED, numRuns: runs, endOnFailure: false });
    }, 600_000);
  }
});

// In CI with the fixed seed; in a campaign (npm run fuzz) with its seed and number of cases.
describe.skipIf(REPLAY !== undefined)("fuzz: the sticky comment's choice never touches another's comment", () => {
  it("any list of comments from any mix of authors: no edit, deletion, minimising or outcome but of the token's own", async () => {
    await fc.assert(
      fc.asyncProperty(commentCaseArb, async (c) => {
        const problems = await runCommentCase(c);
        if (problems.length > 0) throw new Error(problems.join("\n"));
      }),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  }, 0);
});

const FORMATS = ["json", "markdown", "text"] as const;

describe.skipIf(CAMPAIGN)("fuzz: the built CLI on mutated manifests", () => {
  const cli = join(ROOT, "dist/cli.js");
  it.skipIf(!existsSync(cli))(
    "check --format json|markdown|text exits 0-2 without a stack trace",
    () => {
      const cases = fc.sample(caseArb({ head: [3, 2], base: [1, 1], card: 1, csv: 1 }, EXAMPLES.length), { seed: SEED, numRuns: 4 });
      cases.push({
        ex: FINE_TUNE,
        head: { data: [], text: [{ k: "prefix", s: "%YAML 1.1\n---\n" }] },
        base: null,
        card: [{ k: "emissions", v: ".nan" }],
        csvFile: 0,
        csv: [{ k: "field", row: 0, col: 13, v: "1e308" }],
        mode: 0,
      });
      const dir = mkdtempSync(join(tmpdir(), "fuzz-cli-"));
      try {
        cases.forEach((c, i) => {
          const saved = saveCase(join(dir, `cli-${i}`), c, {});
          // Each sampled case in one format (spawns are slow), the last, hand-written one in all three.
          for (const format of i === cases.length - 1 ? FORMATS : [FORMATS[i % 3]!]) {
            const r = spawnSync(process.execPath, [cli, "check", saved.head, "--base", saved.base, "--format", format], { encoding: "utf8", timeout: HANG_MS });
            const what = `case ${i} (${JSON.stringify(c).slice(0, 300)}), --format ${format}`;
            expect([0, 1, 2], `${what}: exit ${r.status} ${r.signal ?? ""}\n${r.stderr}`).toContain(r.status);
            expect(r.stderr, what).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)|internal error/m);
          }
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    600_000,
  );
});

describe.runIf(REPLAY !== undefined)("fuzz replay (FUZZ_REPLAY=case.json)", () => {
  it("the saved case breaks no property", async () => {
    const c = decodeCase(readFileSync(REPLAY!, "utf8"));
    const { head } = saveCase(join(FUZZ_DIR, "replay"), c, { from: REPLAY });
    console.log(`replaying ${REPLAY}; its files are under ${dirname(head)}`);
    const o = await measured("replay", c);
    console.log(`${o.ms.toFixed(0)} ms, ${o.bytes} bytes`);
    expect(o.violations, describeViolations(o.violations)).toEqual([]);
  }, 0);
});

describe.runIf(CAMPAIGN && REPLAY === undefined)("fuzz campaign (npm run fuzz)", () => {
  it("finds no counterexample", async () => {
    const runs = Number(process.env.FUZZ_RUNS);
    const found: string[] = [];
    const ignore = new Set<string>(IGNORED);
    let seed = SEED;
    let left = runs;
    const arb = fc.oneof(...SHAPES.map(([, shape]) => caseArb(shape, EXAMPLES.length)));
    console.log(`fuzz campaign: ${runs} cases, seed ${SEED}`);
    // Each counterexample is shrunk and saved; its properties are then set aside to look for the next distinct one.
    while (left > 0 && found.length < 20) {
      const r = await fc.check(property("campaign", ignore)(arb), { seed, numRuns: left });
      if (!r.failed || !r.counterexample) break;
      const [c] = r.counterexample;
      const o = await runCase(c);
      const props = [...new Set(o.violations.filter((v) => !ignore.has(v.property)).map((v) => v.property))];
      if (props.length === 0) break; // not reproducible: stop rather than loop
      const name = `fail-${found.length + 1}`;
      saveCase(join(FUZZ_DIR, name), c, { seed, path: r.counterexamplePath, properties: props, violations: o.violations });
      found.push(
        `${name} (seed ${seed}, path ${r.counterexamplePath}, ${sizeOf(materialize(c))} bytes):\n${describeViolations(o.violations.filter((v) => !ignore.has(v.property)))}`,
      );
      for (const p of props) ignore.add(p);
      left -= r.numRuns;
      seed++;
    }
    slowest.forEach((s, i) => saveCase(join(FUZZ_DIR, `slowest-${i + 1}`), s.c, { ms: Math.round(s.ms), bytes: s.bytes }));
    console.log(`slowest cases (saved to ${FUZZ_DIR}/slowest-N):\n${report()}`);
    if (found.length > 0) console.log(`counterexamples (saved to ${FUZZ_DIR}/fail-N):\n${found.join("\n\n")}`);
    expect(found, `seed ${SEED}`).toEqual([]);
  }, 0);
});
