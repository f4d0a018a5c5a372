// YAML text → validated manifest, or every problem in it at once with line and column.
import type { Finding } from "../findings.js";
import { firstProblems } from "./problems.js";
import type { Manifest } from "./schema.js";
import { validate } from "./validator.generated.js";
import { readYaml, type Locator, type Position, type YamlLimits } from "./yaml/index.js";

export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MANIFEST_LIMITS: YamlLimits = { name: "manifest", maxBytes: MAX_MANIFEST_BYTES, maxDepth: 16, maxDocuments: 1 };

export { formatPath, type Locator, type Path, type Position } from "./yaml/index.js";

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
  const read = await readYaml(text, MANIFEST_LIMITS, invalid);
  if ("findings" in read) return { manifest: undefined, findings: read.findings, locator: read.locator };
  const { data, locator } = read.documents[0]!;
  if (data === null || data === undefined)
    return { manifest: undefined, findings: [invalid("the manifest is empty; it needs at least `version: 1` and `project`")], locator };
  return checkSchema(data, locator, invalid);
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
