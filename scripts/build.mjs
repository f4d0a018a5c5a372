// Builds the committed bundles: dist/cli.js (CLI) and dist/index.js (action) with ncc, after the standalone manifest
// validator they contain, then the JSON Schema.
// Deterministic, so CI can rebuild and fail on any difference (`git status --porcelain dist schema`).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const ncc = createRequire(import.meta.url)("@vercel/ncc");
const dist = join(root, "dist");

const entries = [
  ["src/cli.ts", "cli.js"],
  ["src/index.ts", "index.js"],
];

/** The package folders (under node_modules/) of every module ncc put in a bundle, from its webpack stats. */
function bundledPackages(stats, into) {
  const walk = (modules) => {
    for (const m of modules ?? []) {
      // The last node_modules/ segment names the package, nested copies included.
      const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/ ]+)/.exec(m.name ?? "")?.[1];
      if (dir) into.add(resolve(root, dir));
      walk(m.modules);
    }
  };
  walk(stats.modules);
}

/**
 * The licence of every package the bundles contain, sorted, for compliance. Every dependency is bundled (the
 * published CLI has no runtime dependencies), so this reads what the bundles hold rather than package.json.
 */
function licenses(dirs) {
  const seen = new Map();
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(dir).find((n) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(n));
    seen.set(
      `${pkg.name}@${pkg.version}`,
      `${pkg.name}@${pkg.version}\n${pkg.license ?? "see the package"}\n${file ? readFileSync(join(dir, file), "utf8").trim() : ""}`,
    );
  }
  return (
    [...seen.keys()]
      .sort()
      .map((k) => seen.get(k))
      .join("\n\n----\n\n") + "\n"
  );
}

// The standalone manifest validator is compiled from the schema in src/ before it is bundled.
execFileSync(process.execPath, [join(root, "scripts/validator.mjs")], { stdio: "inherit" });

// Everything is built in a temporary folder and moved into dist/ at the end, so dist/ is never half-written.
const out = mkdtempSync(join(tmpdir(), "fg-dist-"));
const bundled = new Set();
for (const [src, file] of entries) {
  // Chunks loaded on demand (import()) are named after their bundle (`300.cli.js`), as the two bundles split the
  // same modules differently.
  // CommonJS output: Node starts a CommonJS main without its ES module loader (which reads files through
  // fs/promises, resolves and detects formats), a few milliseconds of every run of a command that takes tens.
  // No build cache: ncc's is keyed by folder, not by these options, and served ES-module code after the switch.
  const { code, assets, stats } = await ncc(join(root, src), { filename: file, minify: true, esm: false, cache: false, target: "es2022", quiet: true });
  bundledPackages(stats.toJson(), bundled);
  writeFileSync(join(out, file), code, { mode: code.startsWith("#!") ? 0o755 : 0o644 });
  for (const [name, asset] of Object.entries(assets)) if (/^\d+\.(?:cli|index)\.js$/.test(name)) writeFileSync(join(out, name), asset.source);
}
// ncc copies the whole package.json; the bundles only need to be read as CommonJS (the project's is an ES module).
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "commonjs" }, null, 2) + "\n");
writeFileSync(join(out, "licenses.txt"), licenses(bundled));
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) if (!existsSync(join(out, name))) rmSync(join(dist, name), { recursive: true, force: true });
for (const name of readdirSync(out)) copyFileSync(join(out, name), join(dist, name));
rmSync(out, { recursive: true, force: true });

mkdirSync(join(root, "schema"), { recursive: true });
const schema = execFileSync(process.execPath, [join(dist, "cli.js"), "schema"], { encoding: "utf8" });
writeFileSync(join(root, "schema/footprint.schema.json"), schema);
const reportSchema = execFileSync(process.execPath, [join(dist, "cli.js"), "schema", "report"], { encoding: "utf8" });
writeFileSync(join(root, "schema/report.schema.json"), reportSchema);
// The repository's own badge (shown in the README) is made from its footprint.yml like any user's.
execFileSync(process.execPath, [join(dist, "cli.js"), "badge", "footprint.yml", "--out", ".github/badges"], { cwd: root, stdio: "ignore" });
console.log(`built ${entries.map(([, out]) => `dist/${out}`).join(", ")}, schema/footprint.schema.json, schema/report.schema.json and .github/badges/`);
