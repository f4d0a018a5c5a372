// Builds the committed bundles: dist/cli.js (CLI) and dist/index.js (action) with ncc, then the JSON Schema.
// Deterministic, so CI can rebuild and fail on any difference (`git status --porcelain dist schema`).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const ncc = join(root, "node_modules/@vercel/ncc/dist/ncc/cli.js");
const dist = join(root, "dist");

const entries = [
  ["src/cli.ts", "cli.js"],
  ["src/index.ts", "index.js"],
].filter(([src]) => existsSync(join(root, src)));

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
const licenses = new Set();
for (const [src, out] of entries) {
  const tmp = mkdtempSync(join(tmpdir(), "fg-build-"));
  execFileSync(process.execPath, [ncc, "build", src, "-o", tmp, "--minify", "--target", "es2022", "--license", "licenses.txt", "--quiet"], {
    cwd: root,
    stdio: "inherit",
  });
  renameSync(join(tmp, "index.js"), join(dist, out));
  if (existsSync(join(tmp, "licenses.txt"))) licenses.add(readFileSync(join(tmp, "licenses.txt"), "utf8"));
  rmSync(tmp, { recursive: true, force: true });
}
// ncc copies the whole package.json; the bundles only need to be read as ES modules.
writeFileSync(join(dist, "package.json"), JSON.stringify({ type: "module" }, null, 2) + "\n");
writeFileSync(join(dist, "licenses.txt"), [...licenses].join("\n"));

mkdirSync(join(root, "schema"), { recursive: true });
const schema = execFileSync(process.execPath, [join(dist, "cli.js"), "schema"], { encoding: "utf8" });
writeFileSync(join(root, "schema/footprint.schema.json"), schema);
console.log(`built ${entries.map(([, out]) => `dist/${out}`).join(", ")} and schema/footprint.schema.json`);
