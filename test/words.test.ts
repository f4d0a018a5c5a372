// The words newcomers write: synonyms of keys, bare cloud regions, percentages for shares, quoted numbers and digit
// separators, a mistyped command, and an unclosed `[` or `{` reported where it was opened.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { parseManifest } from "../src/manifest/parse.js";
import { work } from "../src/util/closest.js";

const HEAD = "version: 1\nproject: p\n";
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

async function findings(text: string) {
  const r = await evaluate({ path: "footprint.yml", text, readRelative: async () => null, exists: async () => false }, null);
  return r.findings.map((f) => ({ rule: f.rule, line: f.line, column: f.column, message: f.message }));
}

async function parsed(text: string) {
  return (await parseManifest(text, "footprint.yml")).findings.map((f) => ({ line: f.line, column: f.column, message: f.message }));
}

describe("key synonyms name the key to write and how", () => {
  it("region and zone → location", async () => {
    const f = await parsed(`${HEAD}defaults:\n  region: FR\ntraining:\n  - id: a\n    zone: FR\n`);
    expect(f).toEqual([
      { line: 4, column: 3, message: "defaults: unknown key `region` (write `location`: a cloud region such as aws:us-east-1, or a grid zone such as FR)" },
      { line: 7, column: 5, message: "training[0]: unknown key `zone` (write `location`: a cloud region such as aws:us-east-1, or a grid zone such as FR)" },
    ]);
  });

  it("gpu, gpu_type and device → accelerator (in any spelling of the word)", async () => {
    const f = await parsed(`${HEAD}training:\n  - id: a\n    gpu: H100\n    gpu_type: H100\n    gpuType: H100\n    device: H100\n`);
    expect(f).toHaveLength(4);
    for (const x of f) expect(x.message).toMatch(/^training\[0\]: unknown key `\w+` \(write `accelerator`: its catalogue id or name, such as H100 SXM\)$/);
  });

  it("gpus and num_gpus → count", async () => {
    const f = await parsed(`${HEAD}training:\n  - id: a\n    gpus: 8\ninference:\n  - id: b\n    num_gpus: 2\n`);
    expect(f.map((x) => x.message)).toEqual([
      "training[0]: unknown key `gpus` (write `count`: the number of accelerators)",
      "inference[0]: unknown key `num_gpus` (write `count`: the number of accelerators)",
    ]);
  });

  it("days and duration → hours, days × 24 with the figure worked out", async () => {
    const f = await parsed(`${HEAD}training:\n  - id: a\n    days: 3\ninference:\n  - id: b\n    duration: 48\n`);
    expect(f.map((x) => x.message)).toEqual([
      "training[0]: unknown key `days` (write `hours`: days × 24, here `hours: 72`)",
      "inference[0]: unknown key `duration` (write `hours`: the duration in hours, days × 24)",
    ]);
  });

  it("eps → epsilon", async () => {
    const f = await parsed(`${HEAD}datasets:\n  - id: d\n    differential_privacy:\n      eps: 3\n`);
    expect(f.map((x) => x.message)).toContain("datasets[0].differential_privacy: unknown key `eps` (write `epsilon`: the privacy loss ε)");
  });

  it("requests_per_day → requests over hours, saying how", async () => {
    const f = await parsed(`${HEAD}inference:\n  - id: a\n    requests_per_day: 1000\n`);
    expect(f.map((x) => x.message)).toEqual([
      "inference[0]: unknown key `requests_per_day` (write `requests` over `hours`: requests = requests_per_day × days, with hours = 24 × days)",
    ]);
  });

  it("a synonym whose key is not allowed in that mapping gets no hint, and near-miss spellings still get did-you-mean", async () => {
    const f = await parsed(`${HEAD}budget:\n  days: 3\ntraining:\n  - id: a\n    hourz: 1\n`);
    expect(f.map((x) => x.message)).toEqual(["budget: unknown key `days`", "training[0]: unknown key `hourz` (did you mean `hours`?)"]);
  });

  it("synonym hints cost no edit distances", async () => {
    const before = work.distances;
    await parsed(`${HEAD}training:\n  - id: a\n    gpus: 8\n    region: FR\n    device: H100\n`);
    expect(work.distances - before).toBe(0);
  });
});

describe("values written the way people say them", () => {
  it.each([
    ["us-east-1", "aws:us-east-1"],
    ["europe-west4", "gcp:europe-west4"],
    ["westeurope", "azure:westeurope"],
    ["us-central1-a", "gcp:us-central1-a"],
  ])("a bare cloud region %s suggests %s", async (bare, full) => {
    const f = await findings(`${HEAD}training:\n  - id: a\n    accelerator: H100 SXM\n    gpu_hours: 10\n    location: ${bare}\n`);
    expect(f).toEqual([
      { rule: "data/unknown-location", line: 7, column: 15, message: `unknown location "${bare}"; a cloud region is written with its provider: ${full}` },
    ]);
  });

  it("an unknown location that is no region keeps its closest names", async () => {
    const f = await findings(`${HEAD}training:\n  - id: a\n    accelerator: H100 SXM\n    gpu_hours: 10\n    location: aws:us-east-9\n`);
    expect(f[0]!.message).toMatch(/^unknown location "aws:us-east-9"; closest: aws:us-east-1, /);
  });

  it.each([
    ["utilization: 50", "training[0].utilization: must be from 0.001 to 1 (got 50); for 50 % write 0.5"],
    ["compute: {parameters: 1e9, tokens: 1e9, mfu: 40}", "training[0].compute.mfu: must be from 0.01 to 1 (got 40); for 40 % write 0.4"],
    ["embodied: {lifetime_utilization: 85}", "training[0].embodied.lifetime_utilization: must be from 0.01 to 1 (got 85); for 85 % write 0.85"],
  ])("a percentage for a share (%s) suggests the share", async (line, message) => {
    expect((await parsed(`${HEAD}training:\n  - id: a\n    gpu_hours: 1\n    ${line}\n`)).map((x) => x.message)).toEqual([message]);
  });

  it("warn_at: 80 suggests 0.8; a share above 100 gets no percentage hint", async () => {
    expect((await parsed(`${HEAD}budget:\n  warn_at: 80\n`))[0]!.message).toBe("budget.warn_at: must be from 0.01 to 1 (got 80); for 80 % write 0.8");
    expect((await parsed(`${HEAD}budget:\n  warn_at: 800\n`))[0]!.message).toBe("budget.warn_at: must be from 0.01 to 1 (got 800)");
  });

  it('version: "1" says it is a string', async () => {
    expect(await parsed(`version: "1"\nproject: p\n`)).toEqual([
      { line: 1, column: 10, message: 'version: must be 1 ("1" is a string: write `version: 1` without quotes)' },
    ]);
  });

  it("requests: 1_000_000 suggests 1e6 or 1000000 (YAML 1.2 reads it as text)", async () => {
    expect((await parsed(`${HEAD}inference:\n  - id: a\n    requests: 1_000_000\n`)).map((x) => x.message)).toEqual([
      'inference[0].requests: expected a number, got the string "1_000_000"; write 1e6 or 1000000 (YAML 1.2 reads 1_000_000 as text)',
    ]);
  });

  it("a number with comma separators, or in quotes, says how to write it", async () => {
    expect((await parsed(`${HEAD}inference:\n  - id: a\n    hours: 1,500\n    count: '8'\n`)).map((x) => x.message)).toEqual([
      'inference[0].hours: must be a number of hours from 1e-4 to 1e6, or limit (the launch config\'s time limit) (got "1,500"); write 1500 (YAML 1.2 reads 1,500 as text)',
      'inference[0].count: expected a number, got the string "8"; write 8 without quotes',
    ]);
  });

  it("a string that is no number gets no number hint", async () => {
    expect((await parsed(`${HEAD}inference:\n  - id: a\n    hours: twelve\n`)).map((x) => x.message)).toEqual([
      'inference[0].hours: must be a number of hours from 1e-4 to 1e6, or limit (the launch config\'s time limit) (got "twelve")',
    ]);
  });
});

describe("an unclosed [ or { is reported where it was opened", () => {
  it("a flow list left open to the end of the file", async () => {
    expect(await parsed(`${HEAD}training: [\n  {id: a, gpu_hours: 1},\n  {id: b, gpu_hours: 2}\n`)).toEqual([
      { line: 3, column: 11, message: "this `[` is never closed: end the flow list with `]` (a continuation line must be indented deeper than its key)" },
    ]);
  });

  it("a flow mapping in a block list, left open before the next key", async () => {
    expect(await parsed(`${HEAD}training:\n  - {id: a, gpu_hours: 1\nbudget:\n  warn_at: 0.5\n`)).toEqual([
      { line: 4, column: 5, message: "this `{` is never closed: end the flow mapping with `}` (a continuation line must be indented deeper than its key)" },
    ]);
  });

  it("nested collections: each at its own opening", async () => {
    expect((await parsed(`${HEAD}training: [\n  {id: a, gpu_hours: 1},\n  {id: b\n\nbudget: {}\n`)).map((x) => [x.line, x.column])).toEqual([
      [3, 11],
      [5, 3],
    ]);
  });

  it("a `{` ended by `]` is reported at the `{`, and the list it was in at its `[` (and the reverse)", async () => {
    expect((await parsed(`${HEAD}x: [1, {b: 2]\ny: {c: [3}\n`)).map((x) => [x.line, x.column, x.message.slice(0, 27)])).toEqual([
      [3, 4, "this `[` is never closed: e"],
      [3, 8, "this `{` is never closed: e"],
      [4, 4, "this `{` is never closed: e"],
      [4, 8, "this `[` is never closed: e"],
    ]);
  });

  it("a document that is one unclosed flow mapping", async () => {
    expect(await parsed(`{version: 1, project: p\n`)).toEqual([
      { line: 1, column: 1, message: "this `{` is never closed: end the flow mapping with `}` (a continuation line must be indented deeper than its key)" },
    ]);
  });
});

describe("an unknown command suggests the closest command", () => {
  it.each([
    ["chek", "check"],
    ["bagde", "badge"],
    ["schem", "schema"],
  ])("%s suggests %s", (typo, command) => {
    const r = spawnSync(process.execPath, [CLI, typo], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`footprint-gate: unknown command "${typo}" (did you mean ${command}?)`);
  });

  it("a word far from every command gets no suggestion", () => {
    const r = spawnSync(process.execPath, [CLI, "frobnicate"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe('footprint-gate: unknown command "frobnicate"');
  });
});
