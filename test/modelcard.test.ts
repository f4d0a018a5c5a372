// Hugging Face model cards (docs/privacy.md, docs/rules.md): reading co2_eq_emissions in both forms, messy figures, front-matter edge cases,
// headings; and `footprint-gate card [--write]` through the built CLI, which must change the co2_eq_emissions block
// and not one other byte.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { co2BlockYaml, suggestedCo2Block } from "../src/co2-block.js";
import { gramsOf, parseModelCard, quoter, writeCo2Block } from "../src/modelcard.js";
import { evaluate } from "../src/evaluate.js";
import { buildReport, reportJson, type ManifestReport } from "../src/report.js";
import { parseReport } from "../src/report-schema.js";
import { renderMarkdown } from "../src/render/markdown.js";
import { renderText } from "../src/render/text.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist", "cli.js");

// ---------------------------------------------------------------------------------------------------------------
describe("gramsOf: the figures people write", () => {
  it.each<[unknown, number | null]>([
    [17, 17],
    [0, 0],
    [1234.5, 1234.5],
    ["17", 17],
    ["17g", 17],
    ["17 g", 17],
    ["17 grams", 17],
    ["1.2 kg", 1200],
    ["1.2kg", 1200],
    ["1,234.5", 1234.5],
    ["1,234,567 g", 1234567],
    ["0.5 t", 500000],
    ["2 tonnes", 2000000],
    ["12 gCO2e", 12],
    ["12 gCO2eq", 12],
    ["12 g CO2eq", 12],
    ["3.5 kg CO2eq", 3500],
    ["1e3", 1000],
    ["  42 g  ", 42],
    ["unknown", null],
    ["lots", null],
    ["", null],
    ["n/a", null],
    ["17 parsecs", null],
    [-5, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [null, null],
    [undefined, null],
    [true, null],
    [{ emissions: 17 }, null],
  ])("%j → %j", (value, grams) => {
    const g = gramsOf(value);
    if (grams === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(grams, 9);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("parseModelCard", () => {
  it("bare number of grams", () => {
    const c = parseModelCard("---\nlicense: mit\nco2_eq_emissions: 1234.5\n---\n# Model\n");
    expect(c.problems).toEqual([]);
    expect(c.co2).toEqual({ grams: 1234.5, raw: "1234.5" });
    expect(c.co2Line).toBe(3); // the line in the card file
    expect(c.headings).toEqual(["Model"]);
  });

  it("object form with emissions, source, training_type, geographical_location, hardware_used", () => {
    const c = parseModelCard(
      [
        "---",
        "co2_eq_emissions:",
        "  emissions: 17",
        '  source: "Code Carbon"',
        "  training_type: pre-training",
        "  geographical_location: Quebec, Canada",
        "  hardware_used: 8 v100 GPUs",
        "---",
        "",
      ].join("\n"),
    );
    expect(c.problems).toEqual([]);
    expect(c.co2).toEqual({
      grams: 17,
      raw: "17",
      source: "Code Carbon",
      training_type: "pre-training",
      geographical_location: "Quebec, Canada",
      hardware_used: "8 v100 GPUs",
    });
  });

  it("messy strings in either form", () => {
    expect(parseModelCard('---\nco2_eq_emissions: "17g"\n---\n').co2?.grams).toBe(17);
    expect(parseModelCard("---\nco2_eq_emissions: 1.2 kg\n---\n").co2?.grams).toBeCloseTo(1200, 9);
    expect(parseModelCard("---\nco2_eq_emissions:\n  emissions: 1,234.5\n---\n").co2?.grams).toBe(1234.5);
    expect(parseModelCard("---\nco2_eq_emissions:\n  emissions: 0.5 t\n---\n").co2?.grams).toBe(500000);
    expect(parseModelCard("---\nco2_eq_emissions:\n  emissions: 12 gCO2e\n---\n").co2?.grams).toBe(12);
    const unknown = parseModelCard("---\nco2_eq_emissions:\n  emissions: unknown\n---\n").co2;
    expect(unknown).toMatchObject({ grams: null, raw: '"unknown"' });
    expect(parseModelCard("---\nco2_eq_emissions:\n  source: AutoTrain\n---\n").co2).toMatchObject({ grams: null, raw: "null", source: "AutoTrain" });
  });

  it("no front matter: a problem, no disclosure, headings still read", () => {
    const c = parseModelCard("# Model\n\n## Limitations\n");
    expect(c.frontMatter).toBeNull();
    expect(c.problems).toEqual([expect.stringMatching(/no YAML front matter/)]);
    expect(c.co2).toBeNull();
    expect(c.headings).toEqual(["Model", "Limitations"]);
  });

  it("front matter that is not YAML", () => {
    const c = parseModelCard("---\nlicense: [mit\nco2_eq_emissions: 5\n---\n# Model\n");
    expect(c.problems).toEqual([expect.stringMatching(/^the front matter is not valid YAML \(line \d+: /)]);
    expect(c.co2).toBeNull();
    expect(c.headings).toEqual(["Model"]);
  });

  it("front matter that is YAML but not a mapping", () => {
    const c = parseModelCard("---\nThis card describes my model.\n---\n# Model\n");
    expect(c.problems).toEqual(["the front matter is not a YAML mapping"]);
    expect(c.co2).toBeNull();
  });

  it("front matter with a duplicated key", () => {
    const c = parseModelCard("---\nco2_eq_emissions: 5\nco2_eq_emissions: 6\n---\n");
    expect(c.problems).toEqual([expect.stringMatching(/not valid YAML/)]);
  });

  it("front matter that is never closed", () => {
    const c = parseModelCard("---\nco2_eq_emissions: 5\nlicense: mit\n\n# Model\n");
    expect(c.frontMatter).toBeNull();
    expect(c.problems).toEqual(["the front matter has no closing `---` line"]);
    expect(c.co2).toBeNull();
  });

  it("empty front matter is not a problem", () => {
    const c = parseModelCard("---\n---\n# Model\n");
    expect(c.problems).toEqual([]);
    expect(c.co2).toBeNull();
    expect(c.headings).toEqual(["Model"]);
  });

  it("CRLF line endings", () => {
    const text =
      "---\r\nlicense: mit\r\nco2_eq_emissions:\r\n  emissions: 42\r\n  source: CodeCarbon\r\n---\r\n# Model\r\n\r\nLimitations\r\n===\r\n## Intended use:\r\n";
    const c = parseModelCard(text);
    expect(c.problems).toEqual([]);
    expect(c.co2).toMatchObject({ grams: 42, source: "CodeCarbon" });
    expect(c.headings).toEqual(["Model", "Limitations", "Intended use:"]);
  });

  it("a byte-order mark before the front matter", () => {
    const c = parseModelCard("\ufeff---\nco2_eq_emissions: 7\n---\n# Model\n");
    expect(c.problems).toEqual([]);
    expect(c.co2?.grams).toBe(7);
    expect(c.headings).toEqual(["Model"]);
  });

  it("a `---` rule in the body is not taken for the end of the front matter", () => {
    const c = parseModelCard("---\nco2_eq_emissions: 7\n---\n# Model\n\n---\n\n## Limitations\n");
    expect(c.co2?.grams).toBe(7);
    expect(c.headings).toEqual(["Model", "Limitations"]);
  });

  it("headings at every level, ATX and setext, in order", () => {
    const c = parseModelCard("---\n---\n# One\n## Two ##\n###### Six\nSetext one\n==========\nSetext two\n---\nText under it.\n");
    expect(c.headings).toEqual(["One", "Two", "Six", "Setext one", "Setext two"]);
  });

  it("headings inside fenced code are ignored", () => {
    const body = [
      "# Real one",
      "```bash",
      "# install it",
      "pip install transformers",
      "```",
      "~~~",
      "## Not a heading",
      "Not a setext heading",
      "===",
      "~~~",
      "  ```python",
      "  # a comment",
      "  ```",
      "## Real two",
      "```",
      "~~~",
      "# still code: a tilde line does not close a backtick fence",
      "```",
      "## Real three",
    ].join("\n");
    expect(parseModelCard(`---\n---\n${body}\n`).headings).toEqual(["Real one", "Real two", "Real three"]);
  });

  it("a shorter fence inside a longer one does not close it (CommonMark)", () => {
    // A README showing a Markdown snippet that itself holds a code block: the ```` fence is closed only by ````.
    const body = ["# Usage", "````markdown", "```python", "# Limitations", "```", "## Also code", "````", "## Intended use"].join("\n");
    expect(parseModelCard(`---\n---\n${body}\n`).headings).toEqual(["Usage", "Intended use"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("writeCo2Block (in memory)", () => {
  const block = { grams: 50000, source: "footprint-gate estimate", hardware_used: "nvidia-h100-sxm" };
  const BLOCK = co2BlockYaml(block);
  // A card whose strings are bare (`license: mit`) gets a block with bare strings.
  const PLAIN = co2BlockYaml(block, quoter("plain"));

  it("the block is the Hugging Face object form, grams rounded", () => {
    expect(co2BlockYaml({ grams: 1234.6, source: "s", training_type: "fine-tuning", geographical_location: "FR", hardware_used: "8 x H100" })).toBe(
      'co2_eq_emissions:\n  emissions: 1235\n  source: "s"\n  training_type: "fine-tuning"\n  geographical_location: "FR"\n  hardware_used: "8 x H100"',
    );
  });

  it("a key with no value is replaced and the next key kept", () => {
    const text = "---\nco2_eq_emissions:\nlicense: mit\n---\n# M\n";
    expect(writeCo2Block(text, block)).toBe(`---\n${PLAIN}\nlicense: mit\n---\n# M\n`);
  });

  it("a flow-map value is replaced, a trailing comment kept", () => {
    const text = "---\nlicense: mit\nco2_eq_emissions: { emissions: 3, source: x }  # from the paper\ntags: [a]\n---\n";
    // The comment moves to the key's line, where it stays on later writes.
    const [first, ...rest] = PLAIN.split("\n");
    expect(writeCo2Block(text, block)).toBe(`---\nlicense: mit\n${[first + "  # from the paper", ...rest].join("\n")}\ntags: [a]\n---\n`);
  });

  it("empty front matter gets the block", () => {
    expect(writeCo2Block("---\n---\n# M\n", block)).toBe(`---\n${BLOCK}\n---\n# M\n`);
  });

  it("empty front matter with CRLF gets the block with CRLF line endings", () => {
    const out = writeCo2Block("---\r\n---\r\n# M\r\n", block);
    expect(out).toBe(`---\r\n${BLOCK.split("\n").join("\r\n")}\r\n---\r\n# M\r\n`);
  });

  it("front matter holding only comments keeps the comments (the Hugging Face template's header)", () => {
    const comments =
      "# For reference on model card metadata, see the spec: https://github.com/huggingface/hub-docs/blob/main/modelcard.md?plain=1\n" +
      "# Doc / guide: https://huggingface.co/docs/hub/model-cards\n";
    const text = `---\n${comments}---\n\n# Model Card for Model ID\n`;
    const out = writeCo2Block(text, block);
    expect(out.startsWith(`---\n${comments}`)).toBe(true);
    expect(out.endsWith("---\n\n# Model Card for Model ID\n")).toBe(true);
    expect(parseModelCard(out).co2?.grams).toBe(50000);
  });

  it("a comment after a bare number survives a second write (idempotent)", () => {
    const once = writeCo2Block("---\nlicense: mit\nco2_eq_emissions: 5   # grams\ntags: [a]\n---\n", block);
    const [first, ...rest] = PLAIN.split("\n");
    expect(once).toBe(`---\nlicense: mit\n${[first + "   # grams", ...rest].join("\n")}\ntags: [a]\n---\n`);
    expect(writeCo2Block(once, block)).toBe(once);
  });

  it("a card whose front matter cannot be read is refused, not rewritten", () => {
    expect(() => writeCo2Block("---\nlicense: mit\n# never closed\n", block)).toThrow(/closing/);
    expect(() => writeCo2Block("---\nlicense: [mit\n---\n", block)).toThrow(/not valid YAML/);
    expect(() => writeCo2Block("---\njust a sentence\n---\n", block)).toThrow(/not a YAML mapping/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Through the CLI

let TMP: string;
let n = 0;
beforeAll(() => {
  TMP = mkdtempSync(join(tmpdir(), "footprint-card-"));
});
afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});

/** A fresh repository folder (it holds a .git folder, so paths are confined to it). */
function repo(): string {
  const d = join(TMP, `case-${++n}`, "repo");
  mkdirSync(join(d, ".git"), { recursive: true });
  return d;
}
function write(dir: string, rel: string, text: string): void {
  const file = join(dir, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  expect(r.error).toBeUndefined();
  expect(r.stderr).not.toContain("    at ");
  expect(r.stderr).not.toContain("internal error");
  return r;
}

// 1,000 accelerator-hours × 500 W × PUE 1 = 500 kWh × 100 g/kWh = 50 kg = 50,000 g; no embodied share.
const MANIFEST = (card = "MODEL_CARD.md") =>
  [
    "version: 1",
    "project: acme-chat",
    "training:",
    "  - id: pretrain",
    "    accelerator: nvidia-h100-sxm",
    "    gpu_hours: 1000",
    "    power_w: 500",
    "    location: FR",
    "    pue: 1",
    "    carbon_intensity: 100",
    "    embodied: { per_accelerator_kg: 0 }",
    "inference:", // inference is not part of the training disclosure
    "  - id: api",
    "    energy_per_request_wh: 1",
    "    requests: 1000000",
    "    location: FR",
    `model_card: ${card}`,
    "",
  ].join("\n");

// The card writes bare strings (`license: mit`), so the block does too; FR is the grid zone "France", and the
// gpu_hours form states no count.
const SUGGESTED = [
  "co2_eq_emissions:",
  "  emissions: 50000",
  "  source: footprint-gate estimate",
  "  geographical_location: France",
  "  hardware_used: H100 SXM5",
].join("\n");

describe("footprint-gate card (prints the block)", () => {
  it("prints the suggested block and leaves the card alone", () => {
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST());
    const cardText = "---\nlicense: mit\n---\n# Model\n";
    write(dir, "MODEL_CARD.md", cardText);
    const r = cli(["card", "footprint.yml"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(SUGGESTED + "\n");
    expect(readFileSync(join(dir, "MODEL_CARD.md"), "utf8")).toBe(cardText);
  });

  it("keeps what the card already says about training type, location and hardware", () => {
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST());
    write(
      dir,
      "MODEL_CARD.md",
      "---\nco2_eq_emissions:\n  emissions: 1\n  source: paper\n  training_type: pre-training\n  geographical_location: Paris, France\n  hardware_used: 8 x H100\n---\n",
    );
    const r = cli(["card"], dir); // footprint.yml by default
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      "co2_eq_emissions:\n  emissions: 50000\n  source: footprint-gate estimate\n  training_type: pre-training\n  geographical_location: Paris, France\n  hardware_used: 8 x H100\n",
    );
  });
});

// Realistic cards, each split as BEFORE + the co2_eq_emissions block + AFTER; --write must keep BEFORE and AFTER.
interface CardCase {
  name: string;
  before: string;
  old: string;
  after: string;
  /** What the rewritten block must say besides emissions and source. */
  kept: Record<string, string>;
}

const LONG_BEFORE = `---
# Model metadata: https://huggingface.co/docs/hub/model-cards
language:
- en
- fr   # French support is experimental
license: apache-2.0
library_name: transformers
base_model: acme/acme-7b-base
tags:
- text-generation
- llm
- "conversational"
datasets:
- acme/support-tickets
- wikimedia/wikipedia
metrics:
- accuracy
pipeline_tag: text-generation
widget:
- text: "Hello, my order #1234 is late: what can I do?"
  example_title: "Order status"
- text: |
    Multi-line prompt
    with: colons, # hashes
    ---
    and a dashed line.
  example_title: Multi-line
inference:
  parameters:
    temperature: 0.7
    max_new_tokens: 256

`;
const LONG_OLD = `co2_eq_emissions:
  emissions: 1250000   # grams, from CodeCarbon
  source: "Code Carbon"
  training_type: "pre-training"
  geographical_location: "Quebec, Canada"
  hardware_used: "8 x A100"`;
const LONG_AFTER = `
# The evaluation results below are generated; do not edit by hand.
model-index:
- name: acme-chat-7b
  results:
  - task:
      type: text-generation
      name: Text Generation
    dataset:
      name: MMLU
      type: cais/mmlu
      split: test
      args:
        num_few_shot: 5
    metrics:
    - type: accuracy
      value: 0.613
      name: Accuracy
    source:
      url: https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard
      name: Open LLM Leaderboard
extra_gated_prompt: "You agree to not use the model to conduct experiments that cause harm."
---

# acme-chat-7b

<!-- Provide a quick summary of what the model is/does. -->

acme-chat-7b is a 7B-parameter assistant for customer support.

## Model Details

| Field | Value |
|---|---|
| Parameters | 7B |
| Context | 8k |

## Training data

Support tickets (pseudonymized) and Wikipedia.

\`\`\`yaml
co2_eq_emissions: 999   # an example in a code block, not the front matter
\`\`\`

## Environmental impact

Carbon emissions can be estimated using the [ML Impact calculator](https://mlco2.github.io/impact#compute).

- **Hardware Type:** 8 x A100
- **Carbon Emitted:** 1.25 t

---

*Trailing text without a final newline*`;

const CASES: CardCase[] = [
  {
    name: "a long Hugging Face card, object form in the middle of the front matter",
    before: LONG_BEFORE,
    old: LONG_OLD,
    after: LONG_AFTER,
    kept: { training_type: "pre-training", geographical_location: "Quebec, Canada", hardware_used: "8 x A100" },
  },
  {
    // The comment stays on the key's line, inside the block's span.
    name: "bare-number form between other keys, with a comment after it",
    before: "---\nlicense: mit\ntags:\n  - llm\n",
    old: "co2_eq_emissions: 1234.5   # grams",
    after: "\npipeline_tag: text-generation\n---\n\n# Model\n\nSome text: with colons.\n",
    kept: { geographical_location: "France", hardware_used: "H100 SXM5" },
  },
  {
    name: "bare-number form as the last key",
    before: "---\nlicense: mit\n",
    old: "co2_eq_emissions: 17g",
    after: "\n---\n# Model\n",
    kept: { geographical_location: "France", hardware_used: "H100 SXM5" },
  },
  {
    name: "object form as the last key, blank line before the closing ---",
    before: "---\nlicense: mit\n",
    old: "co2_eq_emissions:\n  emissions: 3\n  hardware_used: 1 x T4",
    after: "\n\n---\n# Model\n",
    kept: { geographical_location: "France", hardware_used: "1 x T4" },
  },
  {
    name: "no co2_eq_emissions key: the block is added at the end of the front matter",
    before: "---\nlicense: mit\ntags:\n- llm   # a comment\nmodel-index:\n- name: m\n  results: []\n",
    old: "",
    after: "---\n\n# Model\n",
    kept: { geographical_location: "France", hardware_used: "H100 SXM5" },
  },
  {
    name: "the Hugging Face template's front matter, holding only comments",
    before:
      "---\n# For reference on model card metadata, see the spec: https://github.com/huggingface/hub-docs/blob/main/modelcard.md?plain=1\n# Doc / guide: https://huggingface.co/docs/hub/model-cards\n",
    old: "",
    after: "---\n\n# Model Card for Model ID\n\n<!-- Provide a quick summary of what the model is/does. -->\n",
    kept: { geographical_location: "France", hardware_used: "H100 SXM5" },
  },
  {
    name: "no front matter: one is added before the card",
    before: "",
    old: "",
    after: "# Model\n\n---\n\nA card that never had metadata.\n",
    kept: { geographical_location: "France", hardware_used: "H100 SXM5" },
  },
  {
    name: "CRLF line endings, object form in the middle",
    before: "---\r\nlicense: mit\r\ntags:\r\n- llm\r\n",
    old: "co2_eq_emissions:\r\n  emissions: 42\r\n  source: CodeCarbon\r\n  training_type: fine-tuning",
    after: "\r\npipeline_tag: text-generation\r\n---\r\n\r\n# Model\r\n\r\n## Limitations\r\n",
    kept: { training_type: "fine-tuning", geographical_location: "France", hardware_used: "H100 SXM5" },
  },
  {
    name: "CRLF line endings, no co2_eq_emissions key",
    before: "---\r\nlicense: mit\r\ntags:\r\n- llm\r\n",
    old: "",
    after: "---\r\n\r\n# Model\r\n",
    kept: { geographical_location: "France", hardware_used: "H100 SXM5" },
  },
  {
    name: "a byte-order mark and a bare number",
    before: "\ufeff---\nlicense: mit\n",
    old: "co2_eq_emissions: 5",
    after: "\n---\n# Model\n",
    kept: { geographical_location: "France", hardware_used: "H100 SXM5" },
  },
];

describe("footprint-gate card --write: only the co2_eq_emissions block changes", () => {
  it.each(CASES)("$name", ({ before, old, after, kept }) => {
    const original = before + old + after;
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST());
    write(dir, "MODEL_CARD.md", original);

    const r = cli(["card", "footprint.yml", "--write"], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("MODEL_CARD.md: co2_eq_emissions.emissions = 50000 g (operational)\n");
    const out = readFileSync(join(dir, "MODEL_CARD.md"), "utf8");

    // Every byte outside the block is as it was.
    const bom = before.startsWith("\ufeff");
    expect(out.length).toBeGreaterThan(before.length + after.length);
    if (before === "") {
      // No front matter before: ---, the block, --- and then the original card.
      expect(out.endsWith(original)).toBe(true);
    } else {
      expect(out.startsWith(before)).toBe(true);
      expect(out.endsWith(after)).toBe(true);
    }
    const middle = out.slice(before.length, out.length - after.length);
    const eol = original.includes("\r\n") ? "\r\n" : "\n";
    if (original.includes("\r\n")) expect(/(?<!\r)\n/.test(out), "a bare LF in a CRLF card").toBe(false);

    // The middle is the block (plus the front-matter delimiters when there were none) and reads back as YAML.
    const yamlText = before === "" ? middle.replace(/^---\r?\n/, "").replace(/\r?\n---\r?\n$/, "") : middle;
    const expected = { emissions: 50000, source: "footprint-gate estimate", ...kept };
    expect(parseYaml(yamlText.split(eol).join("\n"))).toEqual({ co2_eq_emissions: expected });

    // Re-parsing the card gives the new grams and nothing else of the metadata changed.
    const card = parseModelCard(out);
    expect(card.problems).toEqual([]);
    expect(card.co2).toMatchObject({ grams: 50000, source: "footprint-gate estimate", ...kept });
    if (before !== "") {
      // A front matter of comments only is null as data.
      const was = (parseModelCard(original).doc!.toJS() ?? {}) as Record<string, unknown>;
      const now = (card.doc!.toJS() ?? {}) as Record<string, unknown>;
      delete was.co2_eq_emissions;
      delete now.co2_eq_emissions;
      expect(now).toEqual(was);
      expect(bom).toBe(out.startsWith("\ufeff"));
    }
    expect(card.headings).toEqual(parseModelCard(original).headings);

    // Idempotent: a second run gives the same bytes, and so does printing.
    const again = cli(["card", "footprint.yml", "--write"], dir);
    expect(again.status).toBe(0);
    expect(readFileSync(join(dir, "MODEL_CARD.md"), "utf8")).toBe(out);
    const printed = cli(["card", "footprint.yml"], dir);
    // The printed block is the written one, without a comment kept on the key's line.
    const written = middle
      .slice(middle.indexOf("co2_eq_emissions:"))
      .replace(/(\r?\n---)?\r?\n$/, "")
      .replace(/^(co2_eq_emissions:)[ \t]+#[^\r\n]*/, "$1");
    expect(printed.stdout.split("\n").join(eol)).toBe(written + eol);
  });

  it("the card's check passes after --write (disclosure matches the estimate)", () => {
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST());
    write(dir, "MODEL_CARD.md", "---\nco2_eq_emissions: 1\n---\n# Training data\n# Intended use\n# Limitations\n# Environmental impact\n");
    const before = JSON.parse(cli(["check", "footprint.yml", "--format", "json"], dir).stdout) as { manifests: { findings: { rule: string }[] }[] };
    expect(before.manifests[0]!.findings.map((f) => f.rule)).toContain("transparency/emissions-disclosure");
    expect(cli(["card", "footprint.yml", "--write"], dir).status).toBe(0);
    const after = cli(["check", "footprint.yml", "--format", "json"], dir);
    expect(after.status).toBe(0);
    const report = JSON.parse(after.stdout) as { verdict: string; manifests: { findings: { rule: string }[] }[] };
    expect(report.manifests[0]!.findings.map((f) => f.rule)).not.toContain("transparency/emissions-disclosure");
  });

  it("with --create, a card that does not exist yet is created with front matter", () => {
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST("docs/MODEL_CARD.md"));
    mkdirSync(join(dir, "docs"));
    const r = cli(["card", "footprint.yml", "--write", "--create"], dir);
    expect(r.status).toBe(0);
    const out = readFileSync(join(dir, "docs", "MODEL_CARD.md"), "utf8");
    expect(parseModelCard(out).co2?.grams).toBe(50000);
  });

  it("a card whose front matter is never closed is refused and left alone (exit 2)", () => {
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST());
    const text = "---\nlicense: mit\n\n# Model\n";
    write(dir, "MODEL_CARD.md", text);
    const r = cli(["card", "footprint.yml", "--write"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/MODEL_CARD\.md: cannot update the card/);
    expect(readFileSync(join(dir, "MODEL_CARD.md"), "utf8")).toBe(text);
  });

  it("a manifest without model_card: usage error for --write (exit 2)", () => {
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST().replace(/^model_card:.*\n/m, ""));
    const r = cli(["card", "footprint.yml", "--write"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/names no model_card/);
  });
});

describe("footprint-gate card --write refuses a model_card outside the repository", () => {
  it("../outside.md: exit 2, the existing file outside is not touched", () => {
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST("../outside.md"));
    const outside = join(dir, "..", "outside.md");
    writeFileSync(outside, "---\nco2_eq_emissions: 1\n---\n");
    const r = cli(["card", "footprint.yml", "--write"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/outside the repository/);
    expect(readFileSync(outside, "utf8")).toBe("---\nco2_eq_emissions: 1\n---\n");
  });

  it("../../new.md: exit 2, no file is created", () => {
    const dir = repo();
    write(dir, "sub/footprint.yml", MANIFEST("../../new.md"));
    const r = cli(["card", "sub/footprint.yml", "--write"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/outside the repository/);
    expect(existsSync(join(dir, "..", "new.md"))).toBe(false);
  });

  it("a symlink in the repository pointing outside: exit 2, the target is not touched", () => {
    const dir = repo();
    write(dir, "footprint.yml", MANIFEST());
    const outside = join(dir, "..", "target.md");
    writeFileSync(outside, "# not mine\n");
    symlinkSync(outside, join(dir, "MODEL_CARD.md"));
    const r = cli(["card", "footprint.yml", "--write"], dir);
    expect(r.status).toBe(2);
    expect(readFileSync(outside, "utf8")).toBe("# not mine\n");
  });

  it("an absolute path: exit 2", () => {
    const dir = repo();
    const outside = join(dir, "..", "abs.md");
    write(dir, "footprint.yml", MANIFEST(JSON.stringify(outside)));
    const r = cli(["card", "footprint.yml", "--write"], dir);
    expect(r.status).toBe(2);
    expect(existsSync(outside)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("Model-card emissions: the card's figure is operational CO2e, embodied is reported beside it", () => {
  // A real AutoTrain card states CodeCarbon's operational figure in grams, in the scalar form.
  const AUTOTRAIN_CARD = "---\ntags:\n- autotrain\n- text-classification\nco2_eq_emissions: 0.012\n---\n# Model Trained Using AutoTrain\n";
  // One T4 for one hour, measured at 0.00003 kWh IT × PUE 1 × 400 g/kWh = 0.012 g operational; the hour of hardware
  // amortises the T4 class's 67.6 kg / (6 × 8,760 × 0.85) h = 1.51 g embodied.
  const TINY = [
    "version: 1",
    "project: tiny",
    "training:",
    "  - id: autotrain",
    "    accelerator: nvidia-t4",
    "    count: 1",
    "    hours: 1",
    "    pue: 1",
    "    carbon_intensity: 400",
    "    measured: { energy_kwh: 0.00003 }",
    "model_card: README.md",
    "",
  ].join("\n");

  async function tiny(cardText: string): Promise<ManifestReport> {
    const r = await evaluate(
      { path: "footprint.yml", text: TINY, readRelative: async (rel) => (rel === "README.md" ? cardText : null), exists: async () => true },
      null,
    );
    expect(r.status, JSON.stringify(r.findings)).toBe("evaluated");
    return r;
  }

  it("a real AutoTrain card with co2_eq_emissions: 0.012 (scalar form) for a tiny run is not flagged (before: compared with operational + embodied)", async () => {
    const r = await tiny(AUTOTRAIN_CARD);
    expect(r.model_card!.estimated_g).toBeCloseTo(0.012, 9);
    expect(r.model_card!.embodied_g).toBeCloseTo((67.6 / (6 * 8760 * 0.85)) * 1000, 6);
    expect(r.model_card!.disclosed_g).toBe(0.012);
    expect(r.model_card!.difference_pct).toBeCloseTo(0, 6);
    expect(r.findings.filter((f) => f.rule === "transparency/emissions-disclosure")).toEqual([]);
    // Before, operational + embodied (1.53 g) was the reference: the card was −99.2 % off, far outside 50 %.
    const before = r.model_card!.estimated_g + r.model_card!.embodied_g;
    expect(Math.abs((0.012 - before) / before) * 100).toBeGreaterThan(99);
  });

  it("the suggested block writes the operational figure (0.012 g), and embodied is shown beside it in text, Markdown and JSON", async () => {
    const r = await tiny(AUTOTRAIN_CARD);
    const block = suggestedCo2Block(r.runs, parseModelCard(AUTOTRAIN_CARD).co2);
    expect(block.grams).toBeCloseTo(0.012, 9);
    expect(co2BlockYaml(block)).toContain("\n  emissions: 0.012\n");
    const report = buildReport([r]);
    expect(renderText(report)).toMatch(/model card README\.md: 0\.012 g disclosed, operational estimate 0\.012 g \(±0 %\); embodied 1\.51 g beside it/);
    // Markdown keeps number and unit together with a no-break space.
    const md = renderMarkdown(report).replace(/\u00a0/g, " ");
    expect(md).toContain(
      "discloses 0.012 g CO2e (±0 % vs the operational estimate of 0.012 g); embodied carbon of the training hardware, reported beside it and not in the card's figure: 1.51 g.",
    );
    expect(md).toContain("Suggested <code>co2_eq_emissions</code> for the model card (operational training CO2e; embodied 1.51 g reported beside it)");
    const json = parseReport(reportJson(report));
    const mc = json.manifests[0]!.model_card!;
    expect(mc.estimated_g).toBeCloseTo(0.012, 9);
    expect(mc.embodied_g).toBeCloseTo(1.51, 2);
  });

  it("geographical_location is a readable place and hardware_used carries the count", () => {
    const run = (accelerator: string, count: number | null, location: string | null, zone: string | null) => ({
      kind: "training",
      basis: "estimated",
      operational_co2e_kg: 1,
      embodied_co2e_kg: 0.1,
      inputs: { accelerator, count, location, zone },
    });
    expect(suggestedCo2Block([run("nvidia-a100-80gb-sxm", 8, "aws:us-east-1", "US-MIDA-PJM")])).toMatchObject({
      grams: 1000,
      geographical_location: "US East (N. Virginia)",
      hardware_used: "8 x A100 80GB SXM4",
    });
    // Several runs: each place and accelerator once, joined by ", "; a grid zone reads as its name.
    const several = suggestedCo2Block([
      run("nvidia-a100-80gb-sxm", 8, "aws:us-east-1", "US-MIDA-PJM"),
      run("nvidia-h100-sxm", 64, "zone:FR", "FR"),
      run("nvidia-a100-80gb-sxm", 8, "aws:us-east-1", "US-MIDA-PJM"),
    ]);
    expect(several).toMatchObject({ grams: 3000, geographical_location: "US East (N. Virginia), France", hardware_used: "8 x A100 80GB SXM4, 64 x H100 SXM5" });
    // What an earlier version wrote into the card (zone and catalogue ids) is refreshed; the card's own words are kept.
    expect(suggestedCo2Block([run("nvidia-h100-sxm", 64, "zone:FR", "FR")], { geographical_location: "FR", hardware_used: "nvidia-h100-sxm" })).toMatchObject({
      geographical_location: "France",
      hardware_used: "64 x H100 SXM5",
    });
    expect(suggestedCo2Block([run("nvidia-h100-sxm", 64, "zone:FR", "FR")], { geographical_location: "Paris", hardware_used: "64 H100s" })).toMatchObject({
      geographical_location: "Paris",
      hardware_used: "64 H100s",
    });
  });

  it.each([
    [
      "single quotes",
      "---\nlicense: 'mit'\nco2_eq_emissions:\n  emissions: 5\n  source: 'paper'\n---\n",
      "  source: 'footprint-gate estimate'\n  hardware_used: '8 x A100 80GB SXM4'",
    ],
    ["bare strings", "---\nlicense: mit\nco2_eq_emissions: 5\n---\n", "  source: footprint-gate estimate\n  hardware_used: 8 x A100 80GB SXM4"],
    ["double quotes", '---\nlicense: "mit"\nco2_eq_emissions: 5\n---\n', '  source: "footprint-gate estimate"\n  hardware_used: "8 x A100 80GB SXM4"'],
    [
      "the block's own style over the rest",
      '---\nlicense: "mit"\nco2_eq_emissions:\n  emissions: 5\n  source: paper\n---\n',
      "  source: footprint-gate estimate\n  hardware_used: 8 x A100 80GB SXM4",
    ],
  ])("--write keeps the card's own quoting: %s", (_, card, expected) => {
    const out = writeCo2Block(card, { grams: 50, source: "footprint-gate estimate", hardware_used: "8 x A100 80GB SXM4" });
    expect(out).toContain(`co2_eq_emissions:\n  emissions: 50\n${expected}\n`);
    expect(parseModelCard(out).co2).toMatchObject({ grams: 50, source: "footprint-gate estimate", hardware_used: "8 x A100 80GB SXM4" });
  });

  it("a bare-string card still gets quotes where a bare value would not read back as the same string", () => {
    const tricky = ["a: b", "# not a comment", "123", "true", "'quoted'", "- dash", "x #y"];
    for (const value of tricky) {
      const out = writeCo2Block("---\nlicense: mit\n---\n", { grams: 1, source: value, hardware_used: "8 x A100" });
      expect(parseModelCard(out).co2).toMatchObject({ grams: 1, source: value, hardware_used: "8 x A100" });
      expect(out).toContain("  hardware_used: 8 x A100\n");
    }
  });
});
