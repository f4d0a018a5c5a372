// Text from a pull request meets every pattern and parser in the model-card path: each must take time linear in its
// input. Guarded without wall-clock limits: an input and its doubled size are timed in the same run (the fastest of a
// few, interleaved: load on the machine only ever adds time); linear work doubles, quadratic work quadruples.
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import type { ManifestReport } from "../src/report.js";
import {
  MAX_CONTAINERS,
  MAX_LAZY_LINES,
  MAX_MARKDOWN_NESTING,
  MAX_MODEL_CARD_BYTES,
  normaliseHeading,
  parseModelCard,
  writeCo2Block,
} from "../src/modelcard.js";
import { repoSource } from "../src/sources.js";

/** time(2n) / time(n), each the fastest of seven runs, a run repeated until it lasts long enough to time. */
function growth(make: (n: number) => string, run: (input: string) => unknown, n: number): number {
  const small = make(n);
  const large = make(2 * n);
  const time = (input: string, reps: number) => {
    const t = performance.now();
    for (let r = 0; r < reps; r++) run(input);
    return performance.now() - t;
  };
  let reps = 1;
  while (time(small, reps) < 60 && reps < 4096) reps *= 2;
  // A busy machine can inflate one measurement: up to eight are made and the lowest ratio counts. Quadratic work
  // stays near 4 in every one of them.
  let best = Infinity;
  for (let attempt = 0; attempt < 8 && best >= 3; attempt++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 7; i++) {
      a.push(time(small, reps));
      b.push(time(large, reps));
    }
    best = Math.min(best, Math.min(...b) / Math.min(...a));
  }
  return best;
}

const card = (body: string) => `---\nco2_eq_emissions: 1\n---\n${body}`;

describe("model-card text is read in linear time", () => {
  it("a heading of `# a`, thousands of blanks and `b` (was cubic)", () => {
    expect(growth((n) => card(`# a${" ".repeat(n)}b\n`), parseModelCard, 20_000)).toBeLessThan(3);
    expect(parseModelCard(card(`# a${" ".repeat(6000)}b\n`)).headings).toEqual([`a${" ".repeat(6000)}b`]);
  });

  it("normaliseHeading on a run of `[` (was quadratic)", () => {
    expect(growth((n) => "[".repeat(n), normaliseHeading, 200_000)).toBeLessThan(3);
    expect(growth((n) => `${"[".repeat(n)}a](b`, normaliseHeading, 200_000)).toBeLessThan(3);
  });

  it("normaliseHeading keeps its meaning: links read as their text, marks and punctuation dropped", () => {
    expect(normaliseHeading("[Limitations](#limits) and **Bias**:")).toBe("limitations and bias");
    expect(normaliseHeading("[[a](b)](c) [x] [y](z")).toBe("a c x y z");
    expect(normaliseHeading("[]()Intended_use")).toBe("intendeduse");
  });

  it("card --write's comment scan on a key line of quotes and blanks (was quadratic)", () => {
    const blanks = (n: number) => `---\nco2_eq_emissions: 5${" ".repeat(n)}x\n---\n`;
    const quotes = (n: number) => `---\nco2_eq_emissions: 5 # ${'"\\'.repeat(n)}\n---\n`;
    const write = (text: string) => writeCo2Block(text, { grams: 7, source: "s" });
    expect(growth(blanks, write, 200_000)).toBeLessThan(3);
    expect(growth(quotes, write, 200_000)).toBeLessThan(3);
  });

  it("card --write keeps a key line's comment, not a `#` inside a quoted string", () => {
    const w = (line: string) => writeCo2Block(`---\n${line}\n---\n`, { grams: 7, source: "s" }).split("\n")[1];
    expect(w("co2_eq_emissions: 5  # grams")).toBe("co2_eq_emissions:  # grams");
    expect(w(`co2_eq_emissions: "5 # g" # kept`)).toBe("co2_eq_emissions: # kept");
    expect(w(`co2_eq_emissions: '5 # g'`)).toBe("co2_eq_emissions:");
    expect(w(`co2_eq_emissions: "5 \\" # g"\t# kept`)).toBe("co2_eq_emissions:\t# kept");
  });

  it.each<[string, (n: number) => string]>([
    ["a run of `[`", (n) => `${"[".repeat(n)}\n`],
    ["`[a]` repeated", (n) => `${"[a]".repeat(n / 3)}\n`],
    ["nested brackets", (n) => `${"[".repeat(n / 2)}${"]".repeat(n / 2)}\n`],
    ["a run of `*`", (n) => `${"*".repeat(n)}\n`],
    ["`a* ` repeated", (n) => `${"a* ".repeat(n / 3)}\n`],
    ["a run of backticks", (n) => `${"`".repeat(n)}\n`],
    ["backtick runs of growing length", (n) => Array.from({ length: Math.sqrt(2 * n) }, (_, k) => "`".repeat(k + 1)).join(" ")],
    ["a heading of `[`", (n) => `# ${"[".repeat(n)}\n`],
    ["one long line", (n) => `${"a".repeat(n)}\n`],
  ])("the Markdown parser on %s", (_, body) => {
    expect(growth((n) => card(body(n)), parseModelCard, 16_000)).toBeLessThan(3);
  });

  it("a 1 MB line is read", () => {
    const c = parseModelCard(card(`# Limitations\n\n${"a".repeat(1_000_000)}\n`));
    expect(c.problems).toEqual([]);
    expect(c.headings).toEqual(["Limitations"]);
  });

  it("block quotes or lists nested deeper than the bound are a problem, not a stack overflow", () => {
    for (const deep of [">".repeat(100_000), "- ".repeat(50_000), "> ".repeat(50_000), `${" ".repeat(2000)}- a`]) {
      const c = parseModelCard(card(`# Limitations\n${deep}\n`));
      expect(c.problems).toEqual([`the card nests block quotes or lists more than ${MAX_MARKDOWN_NESTING} deep; its headings were not read`]);
    }
    expect(growth((n) => card(`${">".repeat(n)}\n`), parseModelCard, 400_000)).toBeLessThan(3);
    // Within the bound, every line re-enters every container: still linear.
    expect(growth((n) => card(`${"> ".repeat(8)}a\n`.repeat(n)), parseModelCard, 1000)).toBeLessThan(3);
  });

  it("too many block quotes and list items are a problem (micromark is quadratic in them)", () => {
    const groups = (open: string, n: number) => card(`# Limitations\n\n${`${open}a\n\n`.repeat(n)}`);
    expect(parseModelCard(groups("> > ", MAX_CONTAINERS / 2)).problems).toEqual([]);
    expect(parseModelCard(card(`# Limitations\n${"> a\n".repeat(100_000)}`)).problems).toEqual([]); // one quote
    const problem = `the card has more than ${MAX_CONTAINERS} block quotes and list items; its headings were not read`;
    expect(parseModelCard(groups("> > ", MAX_CONTAINERS / 2 + 1)).problems).toEqual([problem]);
    expect(parseModelCard(groups("- > - ", 10_000)).problems).toEqual([problem]);
    expect(parseModelCard(card("## Section\n\nText.\n\n- item\n- item\n\n> quote\n\n".repeat(2000))).problems).toEqual([problem]);
  });

  it("a quoted or listed paragraph continued on too many unmarked lines is a problem (micromark is quadratic there)", () => {
    const lazy = (open: string, n: number, eol = "\n") => card(`# Limitations${eol}${open}a${eol}${`b${eol}`.repeat(n)}`);
    expect(parseModelCard(lazy("> ", MAX_LAZY_LINES)).problems).toEqual([]);
    expect(parseModelCard(lazy("> ", MAX_LAZY_LINES)).headings).toEqual(["Limitations"]);
    const problem = `the card continues a quoted or listed paragraph on more than ${MAX_LAZY_LINES} lines without \`>\` or indentation; its headings were not read`;
    for (const [open, eol] of [
      ["> ", "\n"],
      ["- ", "\n"],
      ["> ", "\r"],
      ["1. ", "\r\n"],
    ] as const) {
      expect(parseModelCard(lazy(open, 100_000, eol)).problems).toEqual([problem]);
    }
    // Properly continued list items and fenced code after a quote are not lazy.
    expect(parseModelCard(card(`- a\n${"  b\n".repeat(1000)}> q\n\`\`\`\n${"c\n".repeat(1000)}\`\`\`\n# Limitations\n`)).problems).toEqual([]);
  });

  it("headings in quotes and lists are not sections; link text and emphasis are read", () => {
    const c = parseModelCard(card("> # Quoted\n\n- ## Listed\n\n## [Limitations](#x) of *the* `model` <b>now</b>\n\n<!--\n# Hidden\n-->\n"));
    expect(c.headings).toEqual(["Limitations of the model now"]);
  });
});

describe("model-card size cap", () => {
  async function withCard(text: string): Promise<ManifestReport> {
    const files: Record<string, string> = { "footprint.yml": "version: 1\nproject: p\nmodel_card: MODEL_CARD.md\n", "MODEL_CARD.md": text };
    const src = await repoSource("footprint.yml", "footprint.yml", async (p) => (Object.hasOwn(files, p) ? files[p]! : null));
    return evaluate(src!, null);
  }

  it("a card over the size cap is a transparency/model-card finding and is not parsed", async () => {
    const r = await withCard(card(`# Limitations\n${"a".repeat(MAX_MODEL_CARD_BYTES)}\n`));
    const rules = r.findings.filter((f) => f.rule.startsWith("transparency/model-card"));
    expect(rules).toEqual([
      expect.objectContaining({
        rule: "transparency/model-card",
        severity: "error",
        message: `model_card "MODEL_CARD.md": larger than ${MAX_MODEL_CARD_BYTES} bytes`,
      }),
    ]);
    expect(r.model_card).toBeNull();
    expect(parseModelCard("é".repeat(MAX_MODEL_CARD_BYTES / 2 + 1)).problems).toEqual([
      `the card is larger than ${MAX_MODEL_CARD_BYTES} bytes and was not read`,
    ]);
  });
});
