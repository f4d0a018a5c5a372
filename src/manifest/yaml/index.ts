// The one YAML front end: the manifest and the launch configs it reads are parsed here, under limits, each document
// with a Locator for the line and column of any path in it. Single-document files as people write them are read by
// the fast parser; the yaml library is loaded only for what it declines, for several documents and to word errors.
import type { Finding } from "../../findings.js";
import { fastParse, MAX_DEPTH as FAST_MAX_DEPTH } from "./fast-parse.js";
import { lineColumn, NOWHERE, TreeLocator, type Locator, type Position } from "./locator.js";

import type { YamlDocument, YamlLimits } from "./types.js";

export { formatPath, lineColumn, type Locator, type Path, type Position } from "./locator.js";
export type { YamlDocument, YamlLimits } from "./types.js";

export type YamlRead = { documents: YamlDocument[] } | { findings: Finding[]; locator: Locator };

// YAML 1.2 allows only printable characters; a NUL or other control character means this is not a text file.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * The documents of a YAML file, each with its locator, or its problems as findings made by `invalid` (the first few
 * in document order, as firstProblems counts the rest). Nothing is expanded: no merge keys, aliases bounded.
 */
export async function readYaml(text: string, limits: YamlLimits, invalid: (message: string, pos?: Position) => Finding): Promise<YamlRead> {
  if (Buffer.byteLength(text, "utf8") > limits.maxBytes) {
    return { findings: [invalid(`the ${limits.name} is larger than ${limits.maxBytes} bytes`)], locator: NOWHERE };
  }
  const control = CONTROL.exec(text);
  if (control) {
    const at = lineColumn(text)(control.index);
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { findings: [invalid(`the file contains the control character U+${code}; a ${limits.name} is UTF-8 text`, at)], locator: NOWHERE };
  }
  // The fast parser reads one document nested at most FAST_MAX_DEPTH deep, and declines anything else.
  const fast = limits.maxDepth >= FAST_MAX_DEPTH ? fastParse(text) : undefined;
  if (fast) {
    // The line of the top mapping, counted without the line index the locator builds only when a finding needs it.
    const at = (fast.positions as { at: number }).at;
    let line = 1;
    for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
    return { documents: [{ data: fast.data, locator: new TreeLocator(text, fast.positions), line }] };
  }
  const { readDocuments } = await import("./library.js");
  return readDocuments(text, limits, invalid);
}
