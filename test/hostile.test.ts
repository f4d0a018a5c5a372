// Hostile and mistaken manifests through the real CLI bundle: each must be refused with exit code 2, the right rule,
// the line and column of the offending key or value, and never a stack trace (docs/manifest.md, docs/rules.md, docs/cli.md).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const MANIFEST = "footprint.yml";
const HEAD = "version: 1\nproject: p\n";

interface Expected {
  rule: string;
  line: number;
  /** Exact column, or an inclusive range where only "somewhere inside the offending value" is defensible. */
  column: number | [number, number];
  message?: RegExp;
  notMessage?: RegExp;
}

interface Case {
  name: string;
  text: string | Buffer;
  files?: Record<string, string>;
  expect: Expected[];
  /** The error findings are exactly `expect` (no more, no fewer). Default true. */
  exact?: boolean;
}

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(c: Pick<Case, "text" | "files">): string {
  const dir = mkdtempSync(join(tmpdir(), "fg-hostile-"));
  dirs.push(dir);
  mkdirSync(join(dir, ".git")); // the temp folder is the repository root
  writeFileSync(join(dir, MANIFEST), c.text);
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

function cli(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "check", MANIFEST, ...args], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function columnOk(actual: number, expected: Expected["column"]): boolean {
  return typeof expected === "number" ? actual === expected : actual >= expected[0] && actual <= expected[1];
}

const training = (body: string) => `${HEAD}training:\n  - id: a\n${body}`;

function aliasBomb(): string {
  let s = `${HEAD}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  let prev = "a";
  for (const n of "bcdefghi") {
    s += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    prev = n;
  }
  return s;
}

/** `aliases` uses of `*acc` in otherwise valid training entries, one entry per alias (4 lines each). */
function aliasedEntries(aliases: number): string {
  let s = `${HEAD}defaults:\n  location: FR\ntraining:\n  - id: r0\n    accelerator: &acc h100\n    count: 1\n    hours: 1\n`;
  for (let i = 1; i <= aliases; i++) s += `  - id: r${i}\n    accelerator: *acc\n    count: 1\n    hours: 1\n`;
  return s;
}

const CASES: Case[] = [
  {
    name: "file over 1 MiB",
    text: `${HEAD}# ${"x".repeat(1024 * 1024)}\n`,
    expect: [{ rule: "manifest/invalid", line: 1, column: 1, message: /larger than 1048576 bytes/ }],
  },
  {
    // line 5 `c: &c [*b,*b,…`: the 11th alias is the second `*b`, column 11.
    name: "YAML alias bomb (billion laughs)",
    text: aliasBomb(),
    expect: [{ rule: "manifest/invalid", line: 5, column: 11, message: /more than 10 YAML aliases/ }],
  },
  {
    // entry r11 starts on line 10 + 4·10 = 50; its `accelerator: *acc` is line 51, the alias at column 18.
    name: "more than 10 aliases (11)",
    text: aliasedEntries(11),
    expect: [{ rule: "manifest/invalid", line: 51, column: 18, message: /more than 10 YAML aliases/ }],
  },
  {
    name: "duplicate keys",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1\n    count: 9\n"),
    expect: [{ rule: "manifest/invalid", line: 8, column: 5, message: /duplicate key/ }],
  },
  {
    name: "two documents",
    text: `${HEAD}---\nversion: 1\nproject: q\n`,
    expect: [{ rule: "manifest/invalid", line: 3, column: 1, message: /several YAML documents/ }],
  },
  {
    // The offending value starts at 3:11; the parser gives up somewhere inside it. 200 copies of one problem are noise.
    name: "deep nesting: 10,000 unclosed [",
    text: `${HEAD}training: ${"[".repeat(10_000)}\n`,
    expect: [{ rule: "manifest/invalid", line: 3, column: [11, 10_010], message: /nested/ }],
    exact: false,
  },
  {
    // `training: ` then 20 `[`: the 16th `[` (the 16th nested collection under the root mapping) is column 26.
    name: "deep nesting: 20 levels, closed",
    text: `${HEAD}training: ${"[".repeat(20)}${"]".repeat(20)}\n`,
    expect: [{ rule: "manifest/invalid", line: 3, column: 26, message: /nested more than 16 levels/ }],
  },
  {
    name: "tab as indentation",
    text: `${HEAD}training:\n\t- id: a\n`,
    expect: [{ rule: "manifest/invalid", line: 4, column: 1, message: /[Tt]ab/ }],
    exact: false,
  },
  {
    // `count` is under-indented (3 spaces) below a sequence item.
    name: "indentation error: key under-indented",
    text: training("    accelerator: h100\n   count: 8\n"),
    expect: [{ rule: "manifest/invalid", line: 6, column: 1 }],
    exact: false,
  },
  {
    // `pue` is over-indented under `location: FR`: the offending key is line 5, column 5.
    name: "indentation error: key over-indented",
    text: `${HEAD}defaults:\n  location: FR\n    pue: 1.2\n`,
    expect: [{ rule: "manifest/invalid", line: 5, column: 5 }],
    exact: false,
  },
  {
    name: "unknown key with a typo (hourz)",
    text: training("    accelerator: nvidia-h100-sxm\n    count: 8\n    hourz: 10\n"),
    expect: [{ rule: "manifest/invalid", line: 7, column: 5, message: /unknown key `hourz`.*did you mean `hours`/ }],
  },
  {
    name: "unknown top-level key",
    text: `${HEAD}trainig: []\n`,
    expect: [{ rule: "manifest/invalid", line: 3, column: 1, message: /unknown key `trainig`.*`training`/ }],
  },
  {
    name: "version: 2",
    text: "version: 2\nproject: p\n",
    expect: [{ rule: "manifest/invalid", line: 1, column: 10, message: /version: must be 1/ }],
  },
  {
    name: "missing project",
    text: "version: 1\n",
    expect: [{ rule: "manifest/invalid", line: 1, column: 1, message: /project: required/ }],
  },
  {
    name: "negative count",
    text: training("    accelerator: h100\n    count: -4\n    hours: 10\n"),
    expect: [{ rule: "manifest/invalid", line: 6, column: 12, message: /count: must be from 1 to 1e7 \(got -4\)/ }],
  },
  {
    name: "count: 0",
    text: training("    accelerator: h100\n    count: 0\n    hours: 10\n"),
    expect: [{ rule: "manifest/invalid", line: 6, column: 12, message: /count: must be from 1 to 1e7 \(got 0\)/ }],
  },
  {
    // A present but non-integer value is not "required"; it is the value at 6:12 that is wrong.
    name: "count: 1.5",
    text: training("    accelerator: h100\n    count: 1.5\n    hours: 10\n"),
    expect: [{ rule: "manifest/invalid", line: 6, column: 12, message: /count: .*(int|whole)/, notMessage: /required/ }],
  },
  {
    name: "hours: 0",
    text: training("    accelerator: h100\n    count: 8\n    hours: 0\n"),
    expect: [{ rule: "manifest/invalid", line: 7, column: 12, message: /hours: must be from 1e-4 to 1e6 \(got 0\)/ }],
  },
  {
    name: "hours: .inf",
    text: training("    accelerator: h100\n    count: 8\n    hours: .inf\n"),
    expect: [{ rule: "manifest/invalid", line: 7, column: 12, message: /hours: /, notMessage: /required/ }],
  },
  {
    name: "hours: .nan",
    text: training("    accelerator: h100\n    count: 8\n    hours: .nan\n"),
    expect: [{ rule: "manifest/invalid", line: 7, column: 12, message: /hours: /, notMessage: /required/ }],
  },
  {
    name: "hours: 1e308",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1e308\n"),
    expect: [{ rule: "manifest/invalid", line: 7, column: 12, message: /hours: must be from 1e-4 to 1e6 \(got 1e\+308\)/ }],
  },
  {
    name: "pue: 0.5",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1\n    pue: 0.5\n"),
    expect: [{ rule: "manifest/invalid", line: 8, column: 10, message: /pue: must be from 1 to 3 \(got 0\.5\)/ }],
  },
  {
    name: "utilization: 1.5",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1\n    utilization: 1.5\n"),
    expect: [{ rule: "manifest/invalid", line: 8, column: 18, message: /utilization: must be from 0\.001 to 1 \(got 1\.5\)/ }],
  },
  {
    name: 'a number written as a string (hours: "72")',
    text: training('    accelerator: h100\n    count: 8\n    hours: "72"\n'),
    expect: [
      {
        rule: "manifest/invalid",
        line: 7,
        column: 12,
        message: /hours: must be a number of hours from 1e-4 to 1e6, or limit \(the launch config's time limit\) \(got "72"\); write 72 without quotes/,
        notMessage: /required/,
      },
    ],
  },
  {
    name: "duplicate ids across training and inference",
    text: `${HEAD}training:\n  - id: chat\n    accelerator: h100\n    count: 8\n    hours: 1\ninference:\n  - id: chat\n    accelerator: nvidia-l4\n    count: 1\n`,
    expect: [{ rule: "manifest/invalid", line: 9, column: 9, message: /duplicate entry id `chat`/ }],
  },
  {
    name: "two of hours / gpu_hours / compute",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1\n    gpu_hours: 8\n"),
    expect: [{ rule: "manifest/invalid", line: 8, column: 5, message: /exactly one of hours, gpu_hours or compute/ }],
  },
  {
    name: "hours without count",
    text: training("    accelerator: h100\n    hours: 1\n"),
    expect: [{ rule: "manifest/invalid", line: 6, column: 5, message: /hours needs count/ }],
  },
  {
    name: "unknown accelerator names the three closest ids",
    text: training("    accelerator: H100-SXMM\n    count: 8\n    hours: 1\n"),
    expect: [{ rule: "data/unknown-accelerator", line: 5, column: 18, message: /closest catalogue ids: nvidia-h100-sxm, [a-z0-9-]+, [a-z0-9-]+$/ }],
  },
  {
    name: "unknown cloud region aws:us-east-9",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1\n    location: aws:us-east-9\n"),
    expect: [{ rule: "data/unknown-location", line: 8, column: 15, message: /closest: aws:us-east-1, [a-z0-9:-]+, [a-z0-9:-]+$/ }],
  },
  {
    name: "unknown zone XX-NOPE in defaults",
    text: `${HEAD}defaults:\n  location: XX-NOPE\ntraining:\n  - id: a\n    accelerator: h100\n    count: 8\n    hours: 1\n`,
    expect: [{ rule: "data/unknown-location", line: 4, column: 13, message: /closest: [^,]+, [^,]+, [^,]+$/ }],
  },
  {
    name: "request-form inference mixed with count",
    text: `${HEAD}inference:\n  - id: a\n    accelerator: nvidia-l4\n    count: 4\n    requests: 1000\n    energy_per_request_wh: 0.3\n`,
    expect: [{ rule: "manifest/invalid", line: 6, column: 5, message: /cannot be combined with count/ }],
  },
  {
    name: "measured with both codecarbon and energy_kwh",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1\n    measured:\n      codecarbon: emissions.csv\n      energy_kwh: 12\n"),
    expect: [{ rule: "manifest/invalid", line: 8, column: 5, message: /exactly one of codecarbon or energy_kwh/ }],
  },
  {
    // docs/cli.md: an unreadable file means the manifest cannot be evaluated → exit 2.
    name: "a missing CodeCarbon file",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1\n    measured:\n      codecarbon: runs/missing.csv\n"),
    expect: [{ rule: "data/unreadable", line: 9, column: 19, message: /runs\/missing\.csv: file not found/ }],
  },
  {
    name: "a CodeCarbon file without energy_consumed",
    text: training("    accelerator: h100\n    count: 8\n    hours: 1\n    measured:\n      codecarbon: runs/emissions.csv\n"),
    files: { "runs/emissions.csv": "timestamp,run_id,emissions\n2024-01-01T00:00:00,r1,1.5\n" },
    expect: [{ rule: "data/unreadable", line: 9, column: 19, message: /no `energy_consumed` column/ }],
  },
  {
    name: "an empty file",
    text: "",
    expect: [{ rule: "manifest/invalid", line: 1, column: 1, message: /empty/ }],
  },
  {
    name: "a manifest that is a YAML list",
    text: "- version: 1\n- project: p\n",
    expect: [{ rule: "manifest/invalid", line: 1, column: 1, message: /mapping|object/, notMessage: /required/ }],
  },
  {
    name: "a manifest that is a scalar",
    text: "hello\n",
    expect: [{ rule: "manifest/invalid", line: 1, column: 1, message: /mapping|object/, notMessage: /required/ }],
  },
  {
    // YAML 1.2 §5.1: C0 controls other than tab/LF/CR are not allowed in a stream; the first NUL is 2:11.
    name: "a binary file (not UTF-8)",
    text: Buffer.concat([Buffer.from("version: 1\nproject: p"), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x0a])]),
    expect: [{ rule: "manifest/unreadable", line: 1, column: 1, message: /not UTF-8 text/ }],
  },
  {
    name: "a NUL-laden file",
    text: Buffer.concat([Buffer.from("version: 1\nproject: p"), Buffer.from([0x00, 0x01, 0x02, 0x0a])]),
    expect: [{ rule: "manifest/invalid", line: 2, column: 11, message: /control character U\+0000/ }],
  },
  {
    // YAML 1.2 has no merge keys; `<<` is an unknown key — and certainly not a typo of `id`.
    name: "a YAML merge key <<:",
    text: training("    <<: {accelerator: h100}\n    count: 8\n    hours: 1\n"),
    expect: [{ rule: "manifest/invalid", line: 5, column: 5, message: /merge keys \(<<\) are not supported/, notMessage: /did you mean `id`/ }],
  },
  {
    name: "a key that is not a scalar (? [a]: 1)",
    text: `${HEAD}? [a]: 1\n`,
    expect: [{ rule: "manifest/invalid", line: 3, column: 3, message: /mapping keys must be plain scalars/ }],
  },
  {
    name: "several schema problems in one file, all reported",
    text: [
      "version: 1", //                    1
      "project: p", //                    2
      "defaults:", //                     3
      "  pue: 0.9", //                    4  value at 4:8
      "training:", //                     5
      "  - id: a", //                     6
      "    accelerator: h100", //         7
      "    count: -1", //                 8  value at 8:12
      "    hourz: 5", //                  9  key at 9:5
      "  - id: b", //                     10
      "    accelerator: h100", //         11
      "    gpu_hours: 100", //            12
      "    utilization: 2", //            13 value at 13:18
      "inference:", //                    14
      "  - id: c", //                     15
      "    accelerator: nvidia-l4", //    16
      "    count: 2", //                  17
      "    locaton: FR", //               18 key at 18:5
      "budget:", //                       19
      "  warn_at: 1.5", //                20 value at 20:12
      "",
    ].join("\n"),
    expect: [
      { rule: "manifest/invalid", line: 4, column: 8, message: /defaults\.pue/ },
      { rule: "manifest/invalid", line: 8, column: 12, message: /training\[0\]\.count/ },
      { rule: "manifest/invalid", line: 9, column: 5, message: /`hourz`/ },
      { rule: "manifest/invalid", line: 13, column: 18, message: /training\[1\]\.utilization/ },
      { rule: "manifest/invalid", line: 18, column: 5, message: /`locaton`.*`location`/ },
      { rule: "manifest/invalid", line: 20, column: 12, message: /budget\.warn_at/ },
    ],
  },
  {
    name: "several entry problems in one file, all reported",
    text: [
      "version: 1",
      "project: p",
      "training:",
      "  - id: a",
      "    accelerator: H100-SXMM", //      5:18
      "    count: 8",
      "    hours: 1",
      "    location: aws:us-east-9", //     8:15
      "  - id: b",
      "    accelerator: h100",
      "    gpu_hours: 10", //               11:5 second of hours/gpu_hours
      "    hours: 1", //                    12:5 hours without count
      "  - id: a", //                       13:9 duplicate id
      "    accelerator: h100",
      "    gpu_hours: 1",
      "",
    ].join("\n"),
    expect: [
      { rule: "data/unknown-accelerator", line: 5, column: 18 },
      { rule: "data/unknown-location", line: 8, column: 15 },
      { rule: "manifest/invalid", line: 11, column: 5, message: /exactly one of/ },
      { rule: "manifest/invalid", line: 12, column: 5, message: /hours needs count/ },
      { rule: "manifest/invalid", line: 13, column: 9, message: /duplicate entry id `a`/ },
    ],
  },
  {
    // A schema problem in one entry must not hide an unknown accelerator in another ("all of them reported").
    name: "a schema problem and an unknown accelerator, both reported",
    text: training("    accelerator: H100-SXMM\n    count: 8\n    hours: 1\n  - id: b\n    accelerator: h100\n    count: 0\n    hours: 1\n"),
    expect: [
      { rule: "data/unknown-accelerator", line: 5, column: 18 },
      { rule: "manifest/invalid", line: 10, column: 12, message: /count: must be from 1 to 1e7 \(got 0\)/ },
    ],
  },
];

describe("hostile and mistaken manifests through `node dist/cli.js check`", () => {
  it.each(CASES)("$name", (c) => {
    const dir = workspace(c);

    // JSON report
    const json = cli(dir, "--format", "json");
    expect(json.stdout + json.stderr).not.toContain("\n    at ");
    expect(json.stderr).not.toMatch(/internal error/);
    const report = JSON.parse(json.stdout) as { verdict: string; manifests: { findings: JsonFinding[] }[] };
    expect(report.verdict).toBe("fail");
    const findings = report.manifests[0]!.findings;
    const errors = findings.filter((f) => f.severity === "error");
    for (const e of c.expect) {
      const hit = errors.find((f) => f.rule === e.rule && f.line === e.line && columnOk(f.column, e.column));
      expect(
        hit,
        `${e.rule} at ${e.line}:${String(e.column)}; got ${JSON.stringify(errors.map((f) => `${f.rule}@${f.line}:${f.column} ${f.message}`))}`,
      ).toBeDefined();
      expect(hit!.file).toBe(MANIFEST);
      if (e.message) expect(hit!.message).toMatch(e.message);
      if (e.notMessage) expect(hit!.message).not.toMatch(e.notMessage);
    }
    if (c.exact !== false) expect(errors).toHaveLength(c.expect.length);
    // One finding per problem: the same finding is never repeated.
    const keys = findings.map((f) => `${f.rule}@${f.line}:${f.column} ${f.message}`);
    expect(new Set(keys).size, "repeated identical findings").toBe(keys.length);
    expect(json.status).toBe(2);

    // Text report: file:LINE:COL and the rule on the same line.
    const text = cli(dir);
    expect(text.stdout + text.stderr).not.toContain("\n    at ");
    expect(text.stderr).not.toMatch(/internal error/);
    for (const e of c.expect) {
      const col = typeof e.column === "number" ? String(e.column) : "\\d+";
      const rule = e.rule.replace("/", "\\/");
      expect(text.stdout).toMatch(new RegExp(`^\\s*footprint\\.yml:${e.line}:${col}\\s+error\\s+${rule}\\s`, "m"));
    }
    expect(text.status).toBe(2);
  });
});

describe("alias limit boundary", () => {
  it("exactly 10 aliases (the documented limit is 'more than 10') are accepted", () => {
    const dir = workspace({ text: aliasedEntries(10) });
    const r = cli(dir, "--format", "json");
    expect(r.stdout + r.stderr).not.toContain("\n    at ");
    const report = JSON.parse(r.stdout) as { manifests: { findings: JsonFinding[]; runs: unknown[] }[] };
    expect(report.manifests[0]!.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.manifests[0]!.runs).toHaveLength(11);
    expect(r.status).toBe(0);
  });

  it("9 aliases are accepted", () => {
    const dir = workspace({ text: aliasedEntries(9) });
    const r = cli(dir, "--format", "json");
    const report = JSON.parse(r.stdout) as { manifests: { runs: unknown[] }[] };
    expect(report.manifests[0]!.runs).toHaveLength(10);
    expect(r.status).toBe(0);
  });
});
