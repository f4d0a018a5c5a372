// Builds the committed bundles: dist/cli.js (CLI) and dist/index.js (action) with ncc, then the JSON Schema.
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

// Everything is built in a temporary folder and moved into dist/ at the end, so dist/ is never half-written.
const out = mkdtempSync(join(tmpdir(), "fg-dist-"));
const licenses = new Set();
for (const [src, file] of entries) {
  const tmp = mkdtempSync(join(tmpdir(), "fg-build-"));
  execFileSync(process.execPath, [ncc, "build", src, "-o", tmp, "--minify", "--target", "es2022", "--license", "licenses.txt", "--quiet"], {
    cwd: root,
    stdio: "inherit",
  });
  renameSync(join(tmp, "index.js"), join(out, file));
  if (existsSync(join(tmp, "licenses.txt"))) licenses.add(readFileSync(join(tmp, "licenses.txt"), "utf8"));
  rmSync(tmp, { recursive: true, force: true });
}
// ncc copies the whole package.json; the bundles only need to be read as ES modules.
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }, null, 2) + "\n");
writeFileSync(join(out, "licenses.txt"), [...licenses].join("\n"));
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
