// No launch config crashes, hangs or yields a non-finite count: the fixtures mutated at the characters that matter,
// arbitrary text in every format, and hostile shapes timed at n and 2n (linear ≈ 2×, quadratic ≈ 4×). Readers
// are never loaded by a manifest that reads no config.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LAUNCH_FORMATS, readLaunchConfig, type LaunchFormat, type LaunchRead, type StatedCount } from "../src/launch/index.js";

const FIXTURES = join(import.meta.dirname, "fixtures/launch");
const TEXTS = readdirSync(FIXTURES).flatMap((dir) => readdirSync(join(FIXTURES, dir)).map((f) => readFileSync(join(FIXTURES, dir, f), "utf8")));

function finiteCount(c: StatedCount): boolean {
  const parts = c.terms ? c.terms.every(finiteCount) : c.factors.every((f) => Number.isFinite(f.value) && f.value >= 0);
  return parts && Number.isFinite(c.value) && c.value >= 0;
}

/** Every figure finite and every position a real one. */
function check(r: LaunchRead): void {
  for (const job of r.jobs) {
    expect(job.candidates.length).toBeGreaterThan(0);
    for (const c of job.candidates) {
      if (c.count) expect(finiteCount(c.count), JSON.stringify(c.count)).toBe(true);
      for (const o of [c.accelerator?.origin, c.location?.origin]) if (o) expect(o.line >= 1 && o.column >= 1).toBe(true);
    }
    if (job.timeLimitHours) expect(Number.isFinite(job.timeLimitHours.value) && job.timeLimitHours.value > 0).toBe(true);
    for (const p of job.problems) expect(p.line >= 1 && p.column >= 1 && p.message.length > 0).toBe(true);
  }
}

/** mulberry32: a small seeded generator, so a failure repeats. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ":",
  " ",
  "\n",
  "-",
  "[",
  "]",
  "{",
  "}",
  ",",
  "#",
  "$",
  "${X}",
  "{{",
  "<a>",
  "0",
  "9999999999",
  "-1",
  "1.5",
  "'",
  '"',
  "&a",
  "*a",
  "---\n",
  "#SBATCH --gres=gpu:",
  "#SBATCH -N ",
  "x",
];

describe("launch configs on mutated and arbitrary input", () => {
  it("reads 3,000 mutations of the fixtures in every format without a crash or a non-finite figure", async () => {
    const rand = random(20);
    for (let i = 0; i < 3_000; i++) {
      const text = TEXTS[i % TEXTS.length]!;
      const chars = [...text];
      for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
        const at = Math.floor(rand() * chars.length);
        const piece = PIECES[Math.floor(rand() * PIECES.length)]!;
        if (rand() < 0.5) chars.splice(at, 1, piece);
        else chars.splice(at, 0, piece);
      }
      const format: LaunchFormat | undefined = rand() < 0.5 ? undefined : LAUNCH_FORMATS[Math.floor(rand() * LAUNCH_FORMATS.length)];
      check(await readLaunchConfig(chars.join(""), { format }));
    }
  });

  it("reads arbitrary text as each format", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom(...LAUNCH_FORMATS), async (text, format) =>
        check(await readLaunchConfig(text, { format })),
      ),
      { numRuns: 500 },
    );
  });
});

/** The fastest of 5 runs, then the ratio of 2n to n, lowest of up to 8 tries: other processes only add time. */
async function growth(make: (n: number) => string, n: number, format: LaunchFormat): Promise<number> {
  const fastest = async (text: string) => {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      await readLaunchConfig(text, { format });
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const [small, large] = [make(n), make(2 * n)];
  await fastest(small);
  let ratio = Infinity;
  for (let attempt = 0; attempt < 8 && ratio >= 3; attempt++) ratio = Math.min(ratio, (await fastest(large)) / (await fastest(small)));
  return ratio;
}

describe("launch configs are read in time linear in their size", () => {
  const SHAPES: [string, (n: number) => string, number, LaunchFormat][] = [
    ["many #SBATCH lines", (n) => "#!/bin/bash\n" + "#SBATCH --gres=gpu:h100:8 --nodes=1-4 --time=1-00:00:00\n".repeat(n), 4_000, "slurm"],
    ["a long #SBATCH line of tokens", (n) => "#SBATCH " + "--nodes=2 ".repeat(n) + "\n", 400, "slurm"],
    [
      "many Kubernetes documents",
      (n) =>
        "apiVersion: batch/v1\nkind: Job\nspec: {parallelism: 2, template: {spec: {containers: [{resources: {limits: {nvidia.com/gpu: 8}}}]}}}\n---\n".repeat(
          n,
        ),
      200,
      "kubernetes",
    ],
    [
      "many containers in one pod",
      (n) =>
        "apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n" +
        "        - resources: {limits: {nvidia.com/gpu: 1}}\n".repeat(n),
      2_000,
      "kubernetes",
    ],
    [
      "a large accelerator set",
      (n) => `resources:\n  accelerators: {${Array.from({ length: n }, (_, i) => `H100:${i + 1}`).join(", ")}}\nrun: x\n`,
      1_000,
      "skypilot",
    ],
    [
      "many worker pools",
      (n) =>
        "workerPoolSpecs:\n" +
        "  - {machineSpec: {machineType: a2-highgpu-8g, acceleratorType: NVIDIA_TESLA_A100, acceleratorCount: 8}, replicaCount: 2}\n".repeat(n),
      1_000,
      "vertex",
    ],
  ];
  for (const [name, make, n, format] of SHAPES) {
    it(
      name,
      async () => {
        expect(await growth(make, n, format)).toBeLessThan(3);
      },
      60_000,
    );
  }
});

describe("loading", () => {
  it("no module outside src/launch/ imports the readers but on demand (import()), so manifests without configs never load them", () => {
    const SRC = join(import.meta.dirname, "../src");
    const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.startsWith("launch"));
    const eager = files.filter((f) => /^(?:import|export)(?! type)[^;]*from\s+["'][./]*launch\//m.test(readFileSync(join(SRC, f), "utf8")));
    expect(eager).toEqual([]);
  });
});
