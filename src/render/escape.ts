// The one place untrusted text (anything from a manifest) is made safe for GitHub-flavoured Markdown.
// Nothing it returns can open HTML, a link, a mention, a cross-reference, or break a table row.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi overrides/isolates and zero-width characters ("Trojan Source"), stripped rather than escaped.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const ZWSP = "\u200b";

/** One line of visible text: newlines and control characters become spaces, bidi and zero-width ones go. */
export function plainText(input: string): string {
  return input.replace(CONTROL, " ").replace(INVISIBLE, "");
}

/** Plain text for a Markdown paragraph or table cell, capped at `max` characters. */
export function escapeMarkdown(input: string, max = 200): string {
  let s = plainText(input.replace(/\r\n/g, "\n"));
  if ([...s].length > max) s = [...s].slice(0, max - 1).join("") + "…";
  s = s
    // Every Markdown metacharacter, including every pipe, is backslash-escaped; then HTML, so entities stay whole.
    .replace(/[\\`*_[\]{}()#+\-.!|~=]/g, "\\$&")
    .replace(/[&<>"']/g, (c) => HTML[c]!);
  return (
    s
      // Mentions, team mentions and cross-references need an unbreakable '@'/'#' adjacency; break it.
      .replace(/@/g, `@${ZWSP}`)
      .replace(/\\#/g, `\\#${ZWSP}`)
      .replace(/\b(GH)\\-(\d)/gi, `$1${ZWSP}\\-$2`)
      // Bare URLs and www. hosts are autolinked by GFM; break the scheme and the host prefix.
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\bwww\\\./gi, `www${ZWSP}\\.`)
  );
}

/** An identifier or short value shown as inline code; backticks inside cannot close the span. */
export function code(input: string, max = 100): string {
  const s = escapeMarkdown(input, max);
  return `<code>${s}</code>`;
}
