// YAML text → validated manifest, or every problem in it at once with line and column.
import type { Finding } from "../findings.js";
import { fastParse } from "./fast-parse.js";
import { lineColumn, NOWHERE, TreeLocator, type Locator, type Position } from "./locator.js";
import { firstProblems } from "./problems.js";
import type { Manifest } from "./schema.js";
import { validate } from "./validator.generated.js";

export const MAX_MANIFEST_BYTES = 1024 * 1024;

export { formatPath, type Locator, type Path, type Position } from "./locator.js";

export interface ParseResult {
  manifest: Manifest | undefined;
  findings: Finding[];
  locator: Locator;
  /** The data of a well-formed YAML document that failed the schema, for further checks. */
  data?: unknown;
}

/**
 * The yaml library (for what the fast parser declines) and zod (to explain a rejected manifest) are loaded only
 * when needed, so a valid manifest is checked without compiling either.
 */
export async function parseManifest(text: string, file: string): Promise<ParseResult> {
  const invalid = (message: string, pos: Position = { line: 1, column: 1 }): Finding => ({
    rule: "manifest/invalid",
    severity: "error",
    message,
    file,
    ...pos,
  });

  if (Buffer.byteLength(text, "utf8") > MAX_MANIFEST_BYTES) {
    return { manifest: undefined, findings: [invalid(`the manifest is larger than ${MAX_MANIFEST_BYTES} bytes`)], locator: NOWHERE };
  }
  // YAML 1.2 allows only printable characters; a NUL or other control character means this is not a text manifest.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u0084\u0086-\u009f\ufffe\uffff]/.exec(text);
  if (control) {
    const at = lineColumn(text)(control.index);
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { manifest: undefined, findings: [invalid(`the file contains the control character U+${code}; a manifest is UTF-8 text`, at)], locator: NOWHERE };
  }

  // Manifests as people write them are read by the fast parser, which records only offsets (lines and columns are
  // worked out for the few findings that need one); everything else, and every malformed manifest, goes through
  // the yaml library.
  const fast = fastParse(text);
  if (fast) return checkSchema(fast.data, new TreeLocator(text, fast.positions), invalid);

  const { readYaml } = await import("./yaml-parse.js");
  const read = readYaml(text, invalid);
  return "data" in read ? checkSchema(read.data, read.locator, invalid) : { manifest: undefined, findings: read.findings, locator: read.locator };
}

/** The data of a well-formed YAML document against the manifest schema. */
async function checkSchema(data: unknown, locator: Locator, invalid: (m: string, p?: Position) => Finding): Promise<ParseResult> {
  // The standalone validator accepts exactly what the zod schema accepts (test/validator.test.ts), at a fraction of
  // the start-up cost; zod is built and run only to explain a rejected manifest.
  if (validate(data)) return { manifest: data as Manifest, findings: [], locator };
  const { explain } = await import("./explain.js");
  const result = explain(data, locator);
  if ("problems" in result) return { manifest: undefined, findings: firstProblems(result.problems, invalid), locator, data };
  return { manifest: result.manifest, findings: [], locator };
}
