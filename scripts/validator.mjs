// Compiles the standalone manifest validator, src/manifest/validator.generated.js, with ajv from the zod schema's
// validationSchema() (src/manifest/schema.ts), so that a valid manifest is checked without building zod's schema.
// `node scripts/validator.mjs` writes it (npm run build does); `--check` exits 1 when the committed file is stale.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import ucs2length from "ajv/dist/runtime/ucs2length.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import ts from "typescript";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const out = join(root, "src/manifest/validator.generated.js");

/** schema.ts imports only zod, so it runs on its own once its types are stripped (inside the project, to find zod). */
async function validationSchema() {
  const dir = join(root, "node_modules/.cache/footprint-gate");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `schema-${process.pid}.mjs`);
  const source = readFileSync(join(root, "src/manifest/schema.ts"), "utf8");
  writeFileSync(file, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  try {
    return (await import(pathToFileURL(file).href)).validationSchema();
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * The schema with each larger section (defaults, the entry and dataset items, budget, policy, transparency) moved to
 * $defs and referenced: with inlineRefs off, each becomes a function of its own, and V8 compiles only the functions a
 * manifest's sections call, not one function for the whole schema. What is accepted does not change.
 */
function withSections(schema) {
  const $defs = {};
  const section = (name, sub) => {
    $defs[name] = sub;
    return { $ref: `#/$defs/${name}` };
  };
  const properties = { ...schema.properties };
  for (const name of ["defaults", "budget", "policy", "transparency"]) properties[name] = section(name, properties[name]);
  for (const name of ["training", "inference", "datasets"]) properties[name] = { ...properties[name], items: section(name, properties[name].items) };
  return { ...schema, properties, $defs };
}

const ajv = new Ajv2020({
  code: { source: true, esm: true },
  // As zod: NaN and ±Infinity are not numbers, lengths count code points, patterns have no u flag.
  strictNumbers: true,
  inlineRefs: false,
  unicodeRegExp: false,
  // Only accept or reject: zod explains a rejected manifest.
  messages: false,
  logger: false,
  strict: true,
});
// The one runtime helper the validator needs is inlined: the file is an ES module and ajv is not a dependency.
// Error objects are left out, as nothing reads them: they are more than half of the code, which every start-up compiles.
const schema = withSections(await validationSchema());
// The root schema's object is kept in the code for its property names only; its $defs are in the sections' own objects.
const { $defs: _sections, ...rootSchema } = schema;
const standalone = standaloneCode(ajv, ajv.compile(schema))
  .replace(JSON.stringify(schema), () => JSON.stringify(rootSchema))
  .replaceAll(ucs2length.default.code, `(${ucs2length.default.toString()})`)
  .replace(/validate\d+\.errors = \[\{instancePath.*?\}\];return false;/g, "return false;")
  .replace(/const (err\d+) = \{instancePath[^;]*?\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;/g, "errors++;")
  // A section that rejects has no errors to pass on: the count is what says so.
  .replace(/vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);errors = vErrors\.length;/g, "errors++;")
  // With no error objects, nothing reads a section's instance path or context: dropping them saves building an
  // object and a path string per training/inference/dataset entry.
  .replace(/(validate\d+\([^(){}]*?), \{instancePath:[^{}]*?\}\)/g, "$1)")
  .replaceAll('(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={})', "(data)")
  // Code points never exceed UTF-16 units nor fall below half of them: the length alone settles most strings
  // without counting code points in a loop.
  .replace(/func2\((data\d+)\) > (\d+)/g, "($1.length > $2 && func2($1) > $2)")
  .replace(/func2\((data\d+)\) < (\d+)/g, "($1.length < $2 || ($1.length < 2 * $2 && func2($1) < $2))");
if (standalone.includes("require(")) throw new Error("the validator needs an ajv runtime helper that is not inlined");
if (standalone.includes('"$defs"')) throw new Error("the validator still holds the root schema's $defs: ajv's code has changed");
if (standalone.includes("vErrors.concat")) throw new Error("a section's errors are still passed on: ajv's code has changed");
if (standalone.includes("schemaPath")) throw new Error("the validator still builds error objects: ajv's code has changed");
if (/instancePath|rootData|dynamicAnchors|parentData/.test(standalone))
  throw new Error("the validator still passes a context to its sections: ajv's code has changed");
if (!standalone.includes("func2 = (function ucs2length") || /func2\((?!data\d+\) [<>] \d+\))/.test(standalone))
  throw new Error("a length is still counted without the fast check: ajv's code has changed");
const code = `// Generated by scripts/validator.mjs (npm run build) from validationSchema() in schema.ts; do not edit.\n${standalone}\n`;

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(out, "utf8");
  } catch {
    // missing: stale
  }
  if (committed !== code) {
    console.error("src/manifest/validator.generated.js is stale: run node scripts/validator.mjs");
    process.exit(1);
  }
} else writeFileSync(out, code);
