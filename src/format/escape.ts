// The one place untrusted text (anything from a manifest) is made safe for GitHub- and GitLab-flavoured Markdown.
// Nothing it returns can open HTML, a link, a mention, a cross-reference, or break a table row.

// Control characters (C0, DEL, C1: ESC starts terminal escape sequences) and line or paragraph separators
// become spaces, so nothing from a manifest can steer a terminal, forge a log line or break a table row.
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
// Format and default-ignorable characters are invisible: bidi overrides and isolates ("Trojan Source"), zero-width
// ones, soft hyphens, Hangul fillers, tag characters, variation selectors. They go, except a text/emoji
// presentation selector right after a pictograph, where it only chooses how that symbol is drawn.
const INVISIBLE = /(?<!\p{Extended_Pictographic})[\ufe0e\ufe0f]|(?![\ufe0e\ufe0f])[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
// Half a surrogate pair is no character at all.
const LONE_SURROGATE = /\p{Cs}/gu;
// Printable ASCII and the ranges the reports' own symbols come from (×, −, –, ·, Δ, ³, ±, →) hold none of those
// characters (a test checks every code point), and the Unicode property classes are slow enough to skip when they
// cannot match: a 10,000-entry report has a "×" on nearly every line.
const PLAIN = "\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u03ff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u22ff";
const NEEDS_CHECK = new RegExp(`[^${PLAIN}]`);
// The same, with line breaks allowed: text of many lines is checked in one scan.
const LINES_NEED_CHECK = new RegExp(`[^\\n${PLAIN}]`);
const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const ZWSP = "\u200b";

/**
 * One line of visible text: control characters and line breaks become spaces, invisible characters go. The one
 * sanitiser for untrusted text, wherever it leaves the gate: log lines, annotations, outputs, the terminal report,
 * and (through escapeMarkdown) the comment and the job summary.
 */
export function plainText(input: string): string {
  if (!NEEDS_CHECK.test(input)) return input;
  return input.replace(BREAKS, " ").replace(INVISIBLE, "").replace(LONE_SURROGATE, "\ufffd");
}

/**
 * Text of several lines, each line made plain as plainText makes it, the line breaks kept. Text that holds nothing
 * but plain characters and line breaks (a terminal report, nearly always) is returned after one scan.
 */
export function plainLines(text: string): string {
  if (!LINES_NEED_CHECK.test(text)) return text;
  return text.split("\n").map(plainText).join("\n");
}

// The same characters, written as \u escapes in JSON: the data is kept, and nothing reaches a terminal raw
// (JSON.stringify escapes C0 controls only).
const JSON_UNSAFE = /[\u007f-\u009f\p{Zl}\p{Zp}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** JSON text with every character plainText would touch written as \u escapes (valid only inside JSON strings). */
export function escapeForJson(json: string): string {
  const escape = (c: string) => {
    let out = "";
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
    return out;
  };
  // Only runs of non-ASCII text go through the (slower) Unicode property classes.
  return json.replace(/[^\x00-\x7e]+/g, (run) => run.replace(JSON_UNSAFE, escape));
}

/** Plain text for a Markdown paragraph or table cell, capped at `max` characters. */
export function escapeMarkdown(input: string, max = 200): string {
  // Only the start of a long text is read: the work per cell is bounded whatever the input's length.
  const head = input.length > max * 4 ? input.slice(0, max * 4) : input;
  let s = plainText(head.replace(/\r\n/g, "\n"));
  // Code points are counted only when the UTF-16 length could exceed them.
  if (head !== input || (s.length > max && [...s].length > max)) s = [...s].slice(0, max - 1).join("") + "…";
  s = s
    // Every Markdown metacharacter, including every pipe, is backslash-escaped; then HTML, so entities stay whole.
    .replace(/[\\`*_[\]{}()#+\-.!|~=$]/g, "\\$&")
    .replace(/[&<>"']/g, (c) => HTML[c]!);
  return breakReferences(s);
}

/** Escaped text with every mention, cross-reference and autolink broken by a zero-width space. */
function breakReferences(s: string): string {
  return (
    s
      // Mentions, team mentions and cross-references need an unbreakable '@'/'#' adjacency; break it.
      .replace(/@/g, `@${ZWSP}`)
      .replace(/(?<!&)#/g, `#${ZWSP}`)
      .replace(/\b(GH)(\\?-)(\d)/gi, `$1${ZWSP}$2$3`)
      // GitLab's references: merge requests (!1), labels (~x), snippets ($1), epics (&1) and milestones (%1).
      .replace(/(\\?[!~$]|&amp;|%)(?=[\p{L}\p{N}_]|&quot;)/gu, `$1${ZWSP}`)
      // Bare URLs and www. hosts are autolinked by GFM; break the scheme and the host prefix.
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\bwww(\\?\.)/gi, `www${ZWSP}$1`)
  );
}

/** One line of text inside an HTML block of a comment (no Markdown is read there), capped at `max` characters. */
export function escapeHtmlBlock(input: string, max = 200): string {
  return breakReferences(escapeHtml(input, max));
}

/** One line of text for HTML or SVG, as element content or a quoted attribute value, capped at `max` characters. */
export function escapeHtml(input: string, max = 200): string {
  const head = input.length > max * 4 ? input.slice(0, max * 4) : input;
  let s = plainText(head);
  if (head !== input || (s.length > max && [...s].length > max)) s = [...s].slice(0, max - 1).join("") + "…";
  return s.replace(/[&<>"']/g, (c) => HTML[c]!);
}

// Inside a backtick code span nothing is a link, a mention or markup, so text of these characters needs no
// escaping there. "://", a leading "www." and "GH-<digits>" still take the escaped form: GitHub does not link them
// inside code, but every body is held to the stricter rule that no such text appears unbroken.
const PLAIN_CODE = /^[A-Za-z0-9._\-/:]+$/;

/** An identifier or short value shown as inline code; backticks inside cannot close the span. */
export function code(input: string, max = 100): string {
  if (input.length <= max && PLAIN_CODE.test(input) && !input.includes("://") && !/^www\.|GH-\d/i.test(input)) return `\`${input}\``;
  const s = escapeMarkdown(input, max);
  return `<code>${s}</code>`;
}
