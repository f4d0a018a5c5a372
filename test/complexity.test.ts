// A manifest under the 1 MiB limit is answered in time linear in its size, whatever shape a hostile author gives it.
// No wall-clock thresholds: each shape is timed at n and 2n items in the same run (fastest of 5; linear ≈ 2×,
// quadratic ≈ 4×), or the work is counted. Also: findings are capped per rule, and the manifest is YAML 1.2 core.
import { describe, expect, it } from "vitest";
import { findLocation, MAX_SUGGESTED } from "../src/catalogue/index.js";
import { evaluate } from "../src/evaluate.js";
import type { ManifestReport } from "../src/report.js";
import { MAX_FINDINGS, MAX_PER_RULE, type Finding } from "../src/findings.js";
import { parseManifest } from "../src/manifest/parse.js";
import { MAX_SUGGEST_LENGTH, work } from "../src/util/closest.js";
import { source } from "./helpers.js";

const HEAD = "version: 1\nproject: p\n";

const check = (text: string): Promise<ManifestReport> => evaluate(source(text), null);

function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(line(i));
  return out.join("");
}

/** The fastest of 5 runs: other processes on the machine only ever add time. */
async function fastest5(fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/**
 * Time of the 2n-item manifest over the n-item one (after a warm-up), with the size of the larger text. A busy
 * machine can inflate one measurement, so up to eight measurements are made and the lowest ratio counts; a quadratic
 * cost gives about 4 every time.
 */
async function growth(make: (n: number) => string, n: number): Promise<{ ratio: number; bytes: number }> {
  const small = make(n);
  const large = make(2 * n);
  await check(small); // warm-up: compile the code paths before timing
  let ratio = Infinity;
  for (let attempt = 0; attempt < 8 && ratio >= 3; attempt++) {
    const a = await fastest5(() => check(small));
    const b = await fastest5(() => check(large));
    ratio = Math.min(ratio, b / a);
  }
  return { ratio, bytes: Buffer.byteLength(large) };
}

const pad = (i: number) => String(i).padStart(6, "0");

/** Each hostile shape, made with n items; 2n items stay under the 1 MiB limit. */
const SHAPES: [string, (n: number) => string, number][] = [
  ["unknown top-level keys", (n) => HEAD + lines(n, (i) => `k${pad(i)}: 1\n`), 4_000],
  ["distinct unknown keys in one entry (zod path)", (n) => `${HEAD}training:\n  - id: a\n` + lines(n, (i) => `    k${pad(i)}: 1\n`), 4_000],
  ["duplicate keys", (n) => HEAD + lines(n, (i) => `k${pad(i % 100)}: 1\n`), 4_000],
  [
    "entries inheriting an unknown default location",
    (n) => `${HEAD}defaults: {location: nowhere}\ntraining:\n` + lines(n, (i) => `- {id: t${pad(i)}, accelerator: h100, gpu_hours: 1}\n`),
    1_200,
  ],
  [
    "entries with distinct unknown locations",
    (n) => `${HEAD}training:\n` + lines(n, (i) => `- {id: t${pad(i)}, gpu_hours: 1, location: zz${pad(i)}}\n`),
    1_200,
  ],
  [
    "entries with distinct unknown accelerators",
    (n) => `${HEAD}training:\n` + lines(n, (i) => `- {id: t${pad(i)}, gpu_hours: 1, accelerator: q${pad(i)}}\n`),
    1_200,
  ],
  ["tiny entries, each a finding", (n) => `${HEAD}training:\n` + lines(n, (i) => `- id: a${pad(i)}\n`), 2_000],
  ["valid entries", (n) => `${HEAD}defaults: {location: FR}\ntraining:\n` + lines(n, (i) => `- {id: t${pad(i)}, accelerator: h100, gpu_hours: 1}\n`), 1_200],
  ["datasets", (n) => `${HEAD}datasets:\n` + lines(n, (i) => `- {id: d${pad(i)}}\n`), 2_000],
  ["duplicate dataset ids", (n) => `${HEAD}datasets:\n` + lines(n, () => "- {id: a}\n"), 2_000],
  ["wrongly typed values (schema issues)", (n) => `${HEAD}datasets:\n` + lines(n, (i) => `- {id: d${pad(i)}, records: x}\n`), 2_000],
  ["YAML errors: tabs as indentation", (n) => HEAD + lines(n, (i) => `k${pad(i)}:\n\t1\n`), 2_000],
  ["YAML errors: bad escapes", (n) => `${HEAD}x: "${"\\q".repeat(n)}"\n`, 64_000],
  ["YAML errors: unknown tags", (n) => HEAD + lines(n, (i) => `k${pad(i)}: !foo 1\n`), 2_000],
  ["YAML errors: empty flow items", (n) => `${HEAD}x: [${",,".repeat(n)}]\n`, 8_000],
  ["deeply nested flow sequences", (n) => `${HEAD}x: ${"[".repeat(n)}${"]".repeat(n)}\n`, 20_000],
  ["deeply nested flow mappings", (n) => `${HEAD}x: ${"{a: ".repeat(n)}1${"}".repeat(n)}\n`, 10_000],
  ["unclosed flow lists, each ended by the next key", (n) => HEAD + lines(n, (i) => `k${pad(i)}: [1, [2\n`), 1_000],
  ["flow mappings ended by ]", (n) => `${HEAD}x: [${"{a: [1}, ".repeat(n)}]\n`, 4_000],
  ["many comments", (n) => HEAD + lines(n, () => "# a comment\n"), 40_000],
  ["long keys (up to the YAML limit of 1024)", (n) => HEAD + lines(n, (i) => `${"k".repeat(1000)}${pad(i)}: 1\n`), 400],
  ["one long location", (n) => `${HEAD}defaults:\n  location: ${"x".repeat(n)}\n`, 200_000],
  ["one long accelerator", (n) => `${HEAD}training:\n- id: a\n  gpu_hours: 1\n  accelerator: ${"x".repeat(n)}\n`, 200_000],
  ["one long string scalar", (n) => `version: 1\nproject: ${"x".repeat(n)}\n`, 400_000],
];

describe("hostile manifests under 1 MiB take time linear in their size", () => {
  it.each(SHAPES)("%s: 2n items take less than 3× the time of n", async (_name, make, n) => {
    const { ratio, bytes } = await growth(make, n);
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(ratio).toBeLessThan(3);
  });
});

describe("catalogue look-ups are bounded", () => {
  it("an unknown default location inherited by 2,000 entries is one finding at defaults.location", async () => {
    const text = `${HEAD}defaults:\n  location: nowhere\ntraining:\n` + lines(2000, (i) => `- {id: t${i}, accelerator: h100, gpu_hours: 1}\n`);
    const before = work.distances;
    const r = await check(text);
    const unknown = r.findings.filter((f) => f.rule === "data/unknown-location");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ line: 4, column: 13 });
    expect(unknown[0]!.message).toMatch(/unknown location "nowhere"; closest: /);
    // one search of the catalogue at most, however many entries inherit the location
    expect(work.distances - before).toBeLessThanOrEqual(600);
  });

  it("distinct unknown locations get suggestions for the first ones only; the work does not grow with their number", async () => {
    const distances = async (n: number) => {
      const text = `${HEAD}training:\n` + lines(n, (i) => `- {id: t${i}, gpu_hours: 1, location: zz${pad(i)}}\n`);
      const before = work.distances;
      await check(text);
      return work.distances - before;
    };
    const a = await distances(500);
    const b = await distances(2000);
    expect(b).toBe(a);
    // each of those searches compares with every zone and cloud region id once (some 740 since GPU clouds came in)
    expect(b).toBeLessThanOrEqual(MAX_SUGGESTED * 800);
  });

  it("a location longer than 64 characters costs no edit distance and is quoted shortened", async () => {
    const before = work.distances;
    const r = await check(`${HEAD}defaults:\n  location: ${"x".repeat(500_000)}\n`);
    expect(work.distances - before).toBe(0);
    const unknown = r.findings.find((f) => f.rule === "data/unknown-location");
    expect(unknown).toBeDefined();
    expect(unknown!.message.length).toBeLessThan(200);
    const direct = findLocation("y".repeat(MAX_SUGGEST_LENGTH + 1));
    expect(!direct.ok && direct.suggestions).toEqual([]);
  });

  it("unknown keys longer than 64 characters get no edit-distance suggestion; shorter ones still do", async () => {
    const before = work.distances;
    const r = await parseManifest(HEAD + lines(100, (i) => `${"k".repeat(900)}${i}: 1\n`), "footprint.yml");
    expect(work.distances - before).toBe(0);
    expect(r.findings[0]!.message.length).toBeLessThan(200);
    const typo = await parseManifest(`${HEAD}projekt: q\n`, "footprint.yml");
    expect(typo.findings[0]!.message).toMatch(/did you mean `project`/);
  });
});

describe("findings are capped per rule", () => {
  const unknownKeys = (n: number) => HEAD + lines(n, (i) => `k${pad(i)}: 1\n`);

  it(`${MAX_PER_RULE + 10} unknown keys: the first ${MAX_PER_RULE}, then "… and 10 more" at the first omitted key`, async () => {
    const r = await check(unknownKeys(MAX_PER_RULE + 10));
    const invalid = r.findings.filter((f) => f.rule === "manifest/invalid");
    expect(invalid).toHaveLength(MAX_PER_RULE + 1);
    expect(invalid.slice(0, MAX_PER_RULE).map((f) => f.line)).toEqual(Array.from({ length: MAX_PER_RULE }, (_, i) => 3 + i));
    expect(invalid[MAX_PER_RULE]).toMatchObject({
      severity: "error",
      file: "footprint.yml",
      line: 3 + MAX_PER_RULE,
      column: 1,
      message: "… and 10 more manifest/invalid problems",
    });
  });

  it("90,000 unknown keys are 21 findings, counting the rest", async () => {
    const r = await check(unknownKeys(90_000));
    expect(r.findings).toHaveLength(MAX_PER_RULE + 1);
    expect(r.findings.at(-1)!.message).toBe(`… and ${90_000 - MAX_PER_RULE} more manifest/invalid problems`);
  });

  it("50,000 documents are one finding at the second: the parse stops there", async () => {
    const r = await parseManifest(HEAD + lines(50_000, () => "---\na: 1\n"), "footprint.yml");
    expect(r.findings.map((f) => [f.line, f.column])).toEqual([[3, 1]]);
    expect(r.findings[0]!.message).toMatch(/several YAML documents/);
  });

  it("each rule is capped on its own, and the total stays within the cap", async () => {
    const text = `${HEAD}training:\n` + lines(50, (i) => `- {id: t${i}, gpu_hours: 1, accelerator: q${i}, location: zz${i}}\n`);
    const r = await check(text);
    const count = (rule: string) => r.findings.filter((f: Finding) => f.rule === rule).length;
    expect(count("data/unknown-accelerator")).toBe(MAX_PER_RULE + 1);
    expect(count("data/unknown-location")).toBe(MAX_PER_RULE + 1);
    expect(r.findings.find((f) => f.rule === "data/unknown-location" && f.message.startsWith("…"))!.message).toBe(
      "… and 30 more data/unknown-location problems",
    );
    expect(r.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
  });

  it("many duplicate ids are capped, the first kept with its position", async () => {
    const r = await check(`${HEAD}datasets:\n` + lines(1000, () => "- {id: a}\n"));
    const dup = r.findings.filter((f) => f.message.includes("duplicate dataset id"));
    expect(dup).toHaveLength(MAX_PER_RULE);
    expect(dup[0]).toMatchObject({ line: 5, column: 8 });
    expect(r.findings.some((f) => f.message === "… and 979 more manifest/invalid problems")).toBe(true);
  });

  it("many YAML errors of one kind are capped too", async () => {
    const r = await parseManifest(HEAD + lines(1000, (i) => `k${i}:\n\t1\n`), "footprint.yml");
    expect(r.findings).toHaveLength(MAX_PER_RULE + 1);
    expect(r.findings.at(-1)!.message).toMatch(/^… and \d+ more manifest\/invalid problems$/);
  });

  it("duplicate keys are reported at the repeated key, each once", async () => {
    const r = await parseManifest(`${HEAD}a: 1\nb: {x: 1, x: 2}\na: 2\n`, "footprint.yml");
    expect(r.findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [4, 11, "duplicate key: each key may appear once in a mapping"],
      [5, 1, "duplicate key: each key may appear once in a mapping"],
    ]);
  });

  it("flow nesting over 1000 levels is refused before parsing, at the bracket that goes too deep", async () => {
    const r = await parseManifest(`${HEAD}x: "[[[["\ny: ${"[".repeat(1001)}${"]".repeat(1001)}\n`, "footprint.yml");
    expect(r.findings).toEqual([expect.objectContaining({ line: 4, column: 1004, message: "the YAML is nested too deeply" })]);
  });
});

describe("the manifest is YAML 1.2 with the core schema", () => {
  const parse = (text: string) => parseManifest(text, "footprint.yml");

  it("a %YAML 1.1 directive is refused at its line", async () => {
    const r = await parse(`%YAML 1.1\n---\n${HEAD}`);
    expect(r.manifest).toBeUndefined();
    expect(r.findings).toEqual([
      expect.objectContaining({ rule: "manifest/invalid", line: 1, column: 1, message: "manifests are YAML 1.2; remove the %YAML 1.1 directive" }),
    ]);
  });

  it("a %YAML directive for another version is refused the same way; %YAML 1.2 is accepted", async () => {
    expect((await parse(`# c\n%YAML 1.3\n---\n${HEAD}`)).findings).toEqual([
      expect.objectContaining({ line: 2, column: 1, message: "manifests are YAML 1.2; remove the %YAML 1.3 directive" }),
    ]);
    expect((await parse(`%YAML 1.2\n---\n${HEAD}`)).findings).toEqual([]);
  });

  it.each(["1_000", "yes", "1:30:00", "on", "0b101", "2001-12-14"])("%s stays a string", async (value) => {
    const r = await parse(`version: 1\nproject: ${value}\n`);
    expect(r.findings).toEqual([]);
    expect(r.manifest?.project).toBe(value);
  });

  it("yes, 1_000 and 1:30:00 are not YAML 1.1 values where a number or boolean is expected", async () => {
    const r = await parse(
      `${HEAD}datasets:\n  - id: d\n    personal_data: yes\n    records: 1_000\ntraining:\n  - id: t\n    accelerator: h100\n    gpu_hours: 1:30:00\n`,
    );
    expect(r.findings.map((f) => f.message)).toEqual([
      'datasets[0].personal_data: expected true or false, got the string "yes"',
      'datasets[0].records: expected a number, got the string "1_000"; write 1000 (YAML 1.2 reads 1_000 as text)',
      'training[0].gpu_hours: expected a number, got the string "1:30:00"',
    ]);
  });

  it("a merge key << is still not supported", async () => {
    const r = await parse(`${HEAD}training:\n  - id: a\n    <<: {accelerator: h100}\n    gpu_hours: 1\n`);
    expect(r.findings).toEqual([
      expect.objectContaining({ line: 5, column: 5, message: "training[0]: YAML merge keys (<<) are not supported; write the keys out" }),
    ]);
  });

  it.each([
    ["!!binary aGVsbG8=", "!!binary"],
    ["!!set {a, b}", "!!set"],
    ["!!omap [a: 1]", "!!omap"],
    ["!!timestamp 2001-12-14", "!!timestamp"],
    ["!!pairs [a: 1]", "!!pairs"],
    ["!foo bar", "!foo"],
  ])("the tag in `project: %s` is refused", async (value, tag) => {
    const r = await parse(`version: 1\nproject: ${value}\n`);
    expect(r.manifest).toBeUndefined();
    expect(r.findings.map((f) => [f.line, f.column])).toEqual([[2, 10]]);
    expect(r.findings[0]!.message).toContain(`the YAML tag ${tag} is not supported`);
  });

  it("a %TAG directive gives no new types: its tags are refused", async () => {
    const r = await parse(`%TAG !e! tag:example.com,2000:\n---\nversion: 1\nproject: !e!x p\n`);
    expect(r.findings.map((f) => [f.line, f.column])).toEqual([[4, 10]]);
    expect(r.findings[0]!.message).toContain("is not supported");
  });

  it("core tags keep their core meaning", async () => {
    const r = await parse(`version: !!int 1\nproject: !!str 123\n`);
    expect(r.findings).toEqual([]);
    expect(r.manifest).toMatchObject({ version: 1, project: "123" });
  });
});
