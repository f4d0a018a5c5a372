import { describe, expect, it } from "vitest";
import { escapeHtmlBlock, escapeMarkdown } from "../src/format/escape.js";

/** What a reader sees: backslash escapes resolved, HTML entities decoded, zero-width spaces gone. */
function visible(md: string): string {
  return md
    .replace(/\\(.)/g, "$1")
    .replace(/\u200b/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("escapeMarkdown", () => {
  it("escapes every pipe", () => {
    const out = escapeMarkdown("a|b||c|");
    expect(out.match(/\|/g)).toHaveLength(4);
    expect(out).not.toMatch(/(^|[^\\])\|/);
  });

  it("no raw HTML", () => {
    const out = escapeMarkdown('<script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain("&lt;script&gt;");
  });

  it("backticks cannot open a code span", () => {
    const out = escapeMarkdown("``` `code` ```");
    expect(out).not.toMatch(/(^|[^\\])`/);
  });

  it("@mentions, team mentions, #123 and GH-123 are neutralised", () => {
    const out = escapeMarkdown("ping @octocat and @org/team about #123 and GH-45");
    expect(out).not.toMatch(/@[A-Za-z0-9]/);
    expect(out).not.toMatch(/#\d/);
    expect(out).not.toMatch(/GH\\?-\d/i);
    expect(visible(out)).toBe("ping @octocat and @org/team about #123 and GH-45");
  });

  it("text inside an HTML block keeps its Markdown characters and has every mention, reference and link broken", () => {
    const out = escapeHtmlBlock("cards/@octocat's GH-4 #12 !3 https://x.example www.x.example <b>.md");
    expect(out).not.toMatch(/@[A-Za-z0-9]|(?<!&)#\d|GH-\d|:\/\/|www\.|!\d|<b>|\\/i);
    expect(out.replace(/\u200b/g, "")).toBe("cards/@octocat&#39;s GH-4 #12 !3 https://x.example www.x.example &lt;b&gt;.md");
  });

  it("strips bidi overrides and zero-width characters", () => {
    const out = escapeMarkdown("ab\u202ecd\u200bef\u2066gh\u200dij\ufeffkl\u061cmn");
    expect(out).toBe("abcdefghijklmn");
  });

  it("removes newlines and control characters", () => {
    const out = escapeMarkdown("line1\nline2\r\nline3\rline4\u0007\u0000x");
    expect(out).not.toMatch(/[\r\n\u0000-\u001f]/);
    expect(visible(out)).toBe("line1 line2 line3 line4  x");
  });

  it("URLs and www hosts are not autolinked", () => {
    const out = escapeMarkdown("see https://evil.example/x and www.evil.example");
    expect(out).not.toMatch(/https?:\/\//);
    expect(out).not.toMatch(/www\./i);
    expect(visible(out)).toBe("see https://evil.example/x and www.evil.example");
  });

  it("GitLab references are neutralised: merge requests !1, labels ~x, snippets $1, epics &1, milestones %1", () => {
    const input = 'see !12, ~bug, ~"needs review", $3, &4, %v1.0 and %"Sprint 2"; 85 % and 5 $ stay as they are';
    const out = escapeMarkdown(input);
    expect(out).not.toMatch(/[!~$%][\p{L}\p{N}_"]|&amp;[\p{L}\p{N}]|%&quot;/u);
    expect(visible(out)).toBe(input);
    expect(out).toContain("85 % and 5 \\$ stay");
  });

  it("a dollar sign cannot open GitHub's inline math", () => {
    expect(escapeMarkdown("$x^2$")).not.toMatch(/(^|[^\\])\$/);
  });

  it("caps the length (default 200 visible characters)", () => {
    const out = escapeMarkdown("x".repeat(1000));
    expect([...out].length).toBeLessThanOrEqual(200);
    expect(out.endsWith("…")).toBe(true);
    expect([...visible(escapeMarkdown("|".repeat(1000)))].length).toBeLessThanOrEqual(200);
    expect([...escapeMarkdown("y".repeat(50), 20)].length).toBeLessThanOrEqual(20);
  });

  it("every & starts a complete HTML entity (an apostrophe must still render as an apostrophe)", () => {
    for (const input of ["Alice's model", `a "quoted" & <tagged> name`, "O'Brien & Sons"]) {
      const out = escapeMarkdown(input);
      expect(out, input).not.toMatch(/&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i);
      expect(visible(out)).toBe(input);
    }
  });

  it("plain text is left readable", () => {
    expect(visible(escapeMarkdown("pretrain-7b (v2.1) *draft* [x] _y_ ~z~ !"))).toBe("pretrain-7b (v2.1) *draft* [x] _y_ ~z~ !");
  });
});
