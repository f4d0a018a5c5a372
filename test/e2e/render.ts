// What GitHub would make of a Markdown body: rendered with micromark + GFM, raw HTML let through (as GitHub's
// sanitiser would see it), plus the checks every body we post must pass.
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

export function render(body: string): string {
  return micromark(body, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The cells of one GFM table row: split on pipes not escaped with a backslash (GFM splits before inline parsing). */
export function cells(row: string): string[] {
  let s = row.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length) {
      cur += c + s[i + 1]!;
      i++;
    } else if (c === "|") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

export interface Table {
  /** 1-based line of the header row in the body. */
  line: number;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** Every GFM table of a Markdown body (a header row followed by a delimiter row), outside code fences. */
export function tables(body: string): Table[] {
  const lines = body.split("\n");
  const out: Table[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    const next = lines[i + 1];
    if (!lines[i]!.trimStart().startsWith("|") || next === undefined || !/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(next)) continue;
    const t: Table = { line: i + 1, header: cells(lines[i]!), rows: [] };
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trimStart().startsWith("|"); j++) t.rows.push({ line: j + 1, cells: cells(lines[j]!) });
    out.push(t);
    i = j - 1;
  }
  return out;
}

/** Rows whose cell count differs from their header's (GitHub would drop or pad cells silently). */
export function raggedRows(body: string): string[] {
  const bad: string[] = [];
  for (const t of tables(body)) {
    const delimiter = cells(body.split("\n")[t.line]!);
    if (delimiter.length !== t.header.length) bad.push(`line ${t.line + 1}: delimiter row has ${delimiter.length} cells, header ${t.header.length}`);
    for (const r of t.rows) if (r.cells.length !== t.header.length) bad.push(`line ${r.line}: ${r.cells.length} cells, header ${t.header.length}`);
  }
  return bad;
}

/** The start tags of rendered HTML: name and raw attribute text. */
export function tags(html: string): { name: string; attrs: string }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2]!.trim() }));
}

/** The text of rendered HTML, tags removed and entities decoded (what a reader sees). */
export function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

const ALLOWED_TAGS = new Set([
  "h2",
  "h3",
  "p",
  "strong",
  "em",
  "code",
  "pre",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "ul",
  "ol",
  "li",
  "a",
  "details",
  "summary",
  "sub",
  "blockquote",
  "br",
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether a link may appear: under `linkPrefix` (the manifest lines), or one of the footer's own links on the same
 * server: the workflow run of the repository `linkPrefix` is in, and an action's README.
 */
function allowedLink(url: string, linkPrefix: string): boolean {
  if (url.startsWith(linkPrefix)) return true;
  const repo = /^(https?:\/\/[^/]+)\/([^/]+\/[^/]+)\//.exec(linkPrefix);
  if (!repo) return false;
  const [, server, name] = repo;
  const run = new RegExp(`^${escapeRegExp(`${server}/${name}`)}/actions/runs/\\d+(/attempts/\\d+)?$`);
  const docs = new RegExp(`^${escapeRegExp(server!)}/[\\w.-]+/[\\w.-]+#readme$`);
  return run.test(url) || docs.test(url);
}

/**
 * Problems of a rendered body as GitHub would receive it: a tag or attribute we never write, a link off `linkPrefix`
 * (other than the footer's run and documentation links),
 * a mention, a bare issue reference, a bidi override. Empty when the body is clean.
 */
export function renderedProblems(body: string, linkPrefix: string): string[] {
  const html = render(body);
  const out: string[] = [];
  for (const t of tags(html)) {
    if (!ALLOWED_TAGS.has(t.name)) out.push(`unexpected <${t.name}${t.attrs ? ` ${t.attrs}` : ""}>`);
    if (t.name === "a") {
      const href = /^href="([^"]*)"$/.exec(t.attrs)?.[1];
      if (href === undefined) out.push(`<a ${t.attrs}>: not a plain href`);
      else {
        const resolved = new URL(href.replace(/&amp;/g, "&"), "https://invalid.example/").href;
        if (!allowedLink(resolved, linkPrefix)) out.push(`a link leaves ${linkPrefix}: ${href} (resolves to ${resolved})`);
      }
    } else if (t.name === "th" || t.name === "td") {
      if (t.attrs && !/^align="(left|right|center)"$/.test(t.attrs)) out.push(`<${t.name} ${t.attrs}>`);
    } else if (t.name === "code") {
      if (t.attrs && !/^class="language-(yaml|mermaid)"$/.test(t.attrs)) out.push(`<code ${t.attrs}>`);
    } else if (t.attrs) out.push(`<${t.name} ${t.attrs}>: attributes`);
  }
  const seen = text(html);
  // GitHub links @name (letters, digits, hyphens) and #123 when they follow a non-word character.
  for (const m of seen.matchAll(/(?:^|[^\w`])@([A-Za-z0-9][A-Za-z0-9-]*)/g)) out.push(`a mention of @${m[1]}`);
  for (const m of seen.matchAll(/(?:^|[^\w&])(#\d+)/g)) out.push(`an issue reference ${m[1]}`);
  for (const m of seen.matchAll(/\bGH-\d+/gi)) out.push(`an issue reference ${m[0]}`);
  if (/[\u202a-\u202e\u2066-\u2069]/.test(body)) out.push("a bidi control character");
  const open = (html.match(/<details>/g) ?? []).length;
  const close = (html.match(/<\/details>/g) ?? []).length;
  if (open !== close) out.push(`${open} <details> but ${close} </details>`);
  return out;
}
