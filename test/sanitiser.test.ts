// One sanitiser at every exit: no control character (ESC, C1), line or paragraph separator, bidi control or
// invisible character from a manifest, model card, CodeCarbon file or report JSON reaches the terminal report,
// the Markdown, the JSON report unescaped, or a parsed report. The characters are generated from Unicode
// properties, not picked by hand.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { code, plainLines, plainText } from "../src/format/escape.js";
import { COMMENT_LIMIT, fitMarkdown, renderMarkdown } from "../src/render/markdown.js";
import { renderText } from "../src/render/text.js";
import { buildReport, reportJson, type Report } from "../src/report.js";
import { parseReport } from "../src/report-schema.js";
import { render, renderedProblems, tags } from "./e2e/render.js";
import { source } from "./helpers.js";

/** Every code point that is a control, a format character, a line/paragraph separator or default-ignorable. */
export function unsafeCodePoints(): string[] {
  const re = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (re.test(ch)) out.push(ch);
  }
  return out;
}

const UNSAFE = unsafeCodePoints();
const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** The unsafe characters found in `text`. Allowed: newlines where a format has lines, a presentation selector
 *  after a pictograph (our own ⚠️), and the zero-width spaces escapeMarkdown puts after @, # and :// on purpose. */
function survivors(text: string, o: { lines?: boolean; markdown?: boolean } = {}): string[] {
  const set = new Set(UNSAFE);
  const found = new Set<string>();
  const chars = [...(o.markdown ? text.replace(/(@|\\#|GH|:|www)\u200b/g, "$1") : text)];
  chars.forEach((ch, i) => {
    if (!set.has(ch)) return;
    if (o.lines && ch === "\n") return;
    if ((ch === "\ufe0f" || ch === "\ufe0e") && i > 0 && PICTOGRAPH.test(chars[i - 1]!)) return;
    found.add(hex(ch));
  });
  return [...found];
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** YAML double-quoted string with every character outside printable ASCII escaped. */
const yamlString = (s: string) =>
  `"${[...s].map((c) => (/[ -~]/.test(c) && c !== '"' && c !== "\\" ? c : c.codePointAt(0)! > 0xffff ? `\\U${c.codePointAt(0)!.toString(16).padStart(8, "0")}` : `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`)).join("")}"`;

describe("the generated list", () => {
  it("holds the characters named in the issue: separators, soft hyphen, fillers, tags, variation selectors, ESC and C1", () => {
    const named = [
      0x1b, 0x9b, 0x85, 0x2028, 0x2029, 0xad, 0x180e, 0x3164, 0x115f, 0x1160, 0xffa0, 0x34f, 0x17b4, 0x17b5, 0xfff9, 0xfffa, 0xfffb, 0x202e, 0x2066, 0x200b,
      0xfeff, 0xfe0f, 0xe0001, 0xe0041, 0xe007f, 0xe0100,
    ];
    for (const cp of named) expect(UNSAFE, cp.toString(16)).toContain(String.fromCodePoint(cp));
    expect(UNSAFE.length).toBeGreaterThan(4000);
  });
});

describe("plainText, the one sanitiser", () => {
  it("blanks controls and separators and drops invisible characters, for every generated code point", () => {
    const bad: string[] = [];
    for (const ch of UNSAFE) {
      const out = plainText(`a${ch}b`);
      if (out !== "ab" && out !== "a b") bad.push(hex(ch));
    }
    expect(bad).toEqual([]);
  });

  it("keeps a presentation selector only right after a pictograph, and drops one after a letter or another selector", () => {
    expect(plainText("⚠\ufe0f ok")).toBe("⚠\ufe0f ok");
    expect(plainText("a\ufe0f\ufe0e")).toBe("a");
    expect(plainText("⚠\ufe0f\ufe0f")).toBe("⚠\ufe0f");
    expect(plainText("x\u{e0100}")).toBe("x");
  });

  it("turns half a surrogate pair into U+FFFD", () => {
    expect(plainText("a\ud800b")).toBe("a\ufffdb");
  });

  it("makes each line of a text plain as plainText makes it, and keeps the line breaks", () => {
    const byLine = (text: string) => text.split("\n").map(plainText).join("\n");
    for (const ch of UNSAFE) {
      const text = `a${ch}b\n× c\n${ch}`;
      expect(plainLines(text), hex(ch)).toBe(byLine(text));
    }
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom(...UNSAFE))), (parts) => {
        const text = parts.join("\n");
        return plainLines(text) === byLine(text);
      }),
    );
  });

  it("keeps the reports' own symbols and other visible non-ASCII text as written", () => {
    const visible = "8 × nvidia-h100 · −62.2 % – Δ energy 11.2 m³ ±0 % → naïve Ωμέγα “quoted” … ‰ ∑";
    expect(plainText(visible)).toBe(visible);
    expect(plainText(`${visible}\u202e`)).toBe(visible);
  });
});

describe("no unsafe character survives any output", () => {
  it("manifest, model card and CodeCarbon text: the terminal report, the Markdown, the comment and the JSON report", async () => {
    for (const part of chunks(UNSAFE, 40)) {
      const s = part.join("x");
      const files = {
        "MODEL_CARD.md": `---\nco2_eq_emissions:\n  emissions: 5\n  training_type: ${yamlString(s)}\n  hardware_used: ${yamlString(s)}\n---\n# Card\n`,
        [`cc${s}.csv`]: `timestamp,${s},energy_consumed\n1,2,3\n`,
      };
      const valid = [
        "version: 1",
        `project: ${yamlString(`p${s}`)}`,
        "model_card: MODEL_CARD.md",
        "training:",
        "  - { id: a, accelerator: nvidia-l4, gpu_hours: 10, location: FR }",
        "  - id: b",
        "    accelerator: nvidia-l4",
        "    gpu_hours: 10",
        `    measured: { codecarbon: ${yamlString(`cc${s}.csv`)} }`,
        "datasets:",
        `  - { id: d, license: ${yamlString(`L${s}`)}, documentation: ${yamlString(`doc${s}.md`)} }`,
        "",
      ].join("\n");
      const invalid = `version: 1\nproject: ${yamlString(`q${s}`)}\n${yamlString(`key${s}`)}: 1\ntraining:\n  - { id: a, accelerator: ${yamlString(`gpu${s}`)}, gpu_hours: 1, location: ${yamlString(`loc${s}`)} }\n`;
      const withCard = await evaluate(source(valid.replace(/^ {2}- id: b[\s\S]*?(?=datasets:)/m, ""), files, `m/${s}/footprint.yml`), null);
      const withCsv = await evaluate(source(valid, files, "footprint.yml"), null);
      const broken = await evaluate(source(invalid, files, `n${s}.yml`), null);
      expect(withCard.status, JSON.stringify(withCard.findings)).toBe("evaluated");
      expect(withCsv.status).toBe("unevaluated");
      expect(broken.status).toBe("unevaluated");
      const report = buildReport([withCard, withCsv, broken]);
      // The raw text is in the report before any rendering.
      expect(JSON.stringify(report).includes("\\u001b") || JSON.stringify(report).includes(part[0]!)).toBe(true);

      expect(survivors(renderText(report), { lines: true }), "text").toEqual([]);
      expect(survivors(renderMarkdown(report), { lines: true, markdown: true }), "markdown").toEqual([]);
      expect(survivors(fitMarkdown(report, {}, COMMENT_LIMIT).body, { lines: true, markdown: true }), "comment").toEqual([]);
      expect(survivors(reportJson(report), { lines: true }), "json").toEqual([]);
    }
  });

  it("report mode: every string of a parsed report JSON goes through the sanitiser, model_card.kept included", async () => {
    const m = await evaluate(
      source(
        "version: 1\nproject: p\nmodel_card: C.md\ntraining:\n  - { id: a, accelerator: nvidia-l4, gpu_hours: 10, location: FR }\n",
        { "C.md": "---\nco2_eq_emissions: 5\n---\n# C\n" },
        "footprint.yml",
      ),
      null,
    );
    const good = JSON.parse(reportJson(buildReport([m]))) as Report;
    for (const part of chunks(UNSAFE, 60)) {
      const s = part.join("x");
      const r = structuredClone(good);
      const man = r.manifests[0]!;
      man.path = `p${s}`;
      man.project = `q${s}`;
      man.findings[0] = { rule: "data/grid-year", severity: "warning", message: `m${s}`, file: `f${s}`, line: 1, column: 1 };
      man.model_card!.path = `c${s}`;
      man.model_card!.kept = { training_type: `t${s}`, geographical_location: `g${s}`, hardware_used: `h${s}` };
      man.model_card!.missing_sections = [`s${s}`];
      man.assumptions[0]!.value = `v${s}`;
      man.sources[0]!.source = `src${s}`;
      man.advice = [{ id: "a", from: `from${s}`, to: `to${s}`, from_intensity: 50, to_intensity: 20, saving_co2e_kg: 1, saving_pct: 50 }];
      const parsed = parseReport(JSON.stringify(r));
      expect(survivors(JSON.stringify(parsed)), "parsed").toEqual([]);
      expect(survivors(renderMarkdown(parsed), { lines: true, markdown: true }), "markdown").toEqual([]);
      expect(survivors(renderText(parsed), { lines: true }), "text").toEqual([]);
    }
  });
});

describe("code(): inline code for ids, paths and values", () => {
  // Plain identifiers become backtick spans (no escaping needed there); anything else stays an escaped <code>.
  const chars = ["a", "Z", "0", "-", ".", "_", "/", ":", "`", "@", "#", "|", "<", ">", "&", "*", "[", "(", " ", "w", "\u202e", "\n"];
  it("renders any text as exactly one code element holding the sanitised text, with no link, mention or markup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars, "www.", "://", "GH-1", "#12"), { maxLength: 30 }), (parts) => {
        const input = parts.join("");
        const body = `x ${code(input)} y\n`;
        expect(renderedProblems(body, "https://github.com/o/r/")).toEqual([]);
        const html = render(body);
        expect(tags(html).map((t) => t.name)).toEqual(["p", "code"]);
      }),
      { numRuns: 2000 },
    );
  });

  it("writes a plain identifier as a backtick span, and escapes the rest", () => {
    expect(code("pretrain-7b")).toBe("`pretrain-7b`");
    expect(code("models/legacy/footprint.yml")).toBe("`models/legacy/footprint.yml`");
    expect(code("https://example.com")).toMatch(/^<code>/);
    expect(code("www.example.com")).toMatch(/^<code>/);
    expect(code("a`b")).toMatch(/^<code>/);
  });
});
