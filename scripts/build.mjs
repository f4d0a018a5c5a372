// Builds the committed bundles: dist/cli.js (CLI) and dist/index.js (action) with ncc, after the standalone manifest
// validator they contain, then the JSON Schema.
// Deterministic, so CI can rebuild and fail on any difference (`git status --porcelain dist schema`).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const ncc = join(root, "node_modules/@vercel/ncc/dist/ncc/cli.js");
const dist = join(root, "dist");

const entries = [
  ["src/cli.ts", "cli.js"],
  ["src/index.ts", "index.js"],
];

/** The package folders (under node_modules/) of every module ncc put in a bundle, from its webpack stats. */
function bundledPackages(statsFile, into) {
  const walk = (modules) => {
    for (const m of modules ?? []) {
      // The last node_modules/ segment names the package, nested copies included.
      const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/ ]+)/.exec(m.name ?? "")?.[1];
      if (dir) into.add(resolve(root, dir));
      walk(m.modules);
    }
  };
  walk(JSON.parse(readFileSync(statsFile, "utf8")).modules);
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
  const tmp = mkdtempSync(join(tmpdir(), "fg-build-"));
  const stats = join(tmp, "stats.json");
  execFileSync(process.execPath, [ncc, "build", src, "-o", tmp, "--minify", "--target", "es2022", "--quiet", "--stats-out", stats], {
    cwd: root,
    stdio: "inherit",
  });
  bundledPackages(stats, bundled);
  renameSync(join(tmp, "index.js"), join(out, file));
  // Chunks loaded on demand (import()) are shared by both bundles; the same name must mean the same bytes.
  for (const chunk of readdirSync(tmp).filter((n) => /^\d+\.index\.js$/.test(n))) {
    const code = readFileSync(join(tmp, chunk));
    if (existsSync(join(out, chunk)) && !readFileSync(join(out, chunk)).equals(code)) throw new Error(`chunk ${chunk} differs between bundles`);
    writeFileSync(join(out, chunk), code);
  }
  rmSync(tmp, { recursive: true, force: true });
}
// ncc copies the whole package.json; the bundles only need to be read as ES modules.
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }, null, 2) + "\n");
writeFileSync(join(out, "licenses.txt"), licenses(bundled));
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) if (!existsSync(join(out, name))) rmSync(join(dist, name), { recursive: true, force: true });
for (const name of readdirSync(out)) copyFileSync(join(out, name), join(dist, name));
rmSync(out, { recursive: true, force: true });

mkdirSync(join(root, "schema"), { recursive: true });
const schema = execFileSync(process.execPath, [join(dist, "cli.js"), "schema"], { encoding: "utf8" });
writeFileSync(join(root, "schema/footprint.schema.json"), schema);
// The repository's own badge (shown in the README) is made from its footprint.yml like any user's.
execFileSync(process.execPath, [join(dist, "cli.js"), "badge", "footprint.yml", "--out", ".github/badges"], { cwd: root, stdio: "ignore" });
console.log(`built ${entries.map(([, out]) => `dist/${out}`).join(", ")}, schema/footprint.schema.json and .github/badges/`);
