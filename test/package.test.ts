// The CLI as users get it from npm: the packed tarball holds the bundle and its notices but no sources, installs into
// an empty project without the network (it has no runtime dependencies), and its `footprint-gate` runs.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, tempFolders } from "./cli-harness.js";

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  repository: { url: string };
}

const { folder, write } = tempFolders("fg-package-");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as PackageJson;
// npm's own chatter (update notices, funding) stays out of the outputs compared below.
const env = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", NO_COLOR: "1" };

const VALID =
  "version: 1\nproject: demo\ntraining:\n  - id: run\n    accelerator: nvidia-h100-sxm\n    count: 8\n    hours: 10\n    location: gcp:europe-west4\n";
const INVALID = "version: 1\nproject: demo\ntraining:\n  - id: run\n    acelerator: nvidia-h100-sxm\n";

let packed: Packed;
let project = "";

beforeAll(() => {
  const out = folder();
  const json = execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: ROOT, encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });
  packed = (JSON.parse(json) as Packed[])[0]!;
  project = folder();
  write(project, "package.json", JSON.stringify({ name: "consumer", version: "0.0.0", private: true }) + "\n");
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(out, packed.filename)], { cwd: project, env, stdio: "ignore" });
  write(project, "footprint.yml", VALID);
  write(project, "broken/footprint.yml", INVALID);
}, 120_000);

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd: project, encoding: "utf8", env });
  expect(r.error).toBeUndefined();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("package.json", () => {
  it("is publishable, with a bin, an engines range, and no runtime dependencies (everything is bundled)", () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ "footprint-gate": "dist/cli.js" });
    expect(pkg.engines).toEqual({ node: ">=20" });
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.repository.url).toBe("git+https://github.com/footprint-gate/footprint-gate.git");
  });
});

describe("npm pack", () => {
  const paths = (): string[] => packed.files.map((f) => f.path).sort();

  it("holds the CLI bundle, the schema, the licence, the notices, the README and the CHANGELOG", () => {
    expect(paths()).toEqual(
      expect.arrayContaining([
        "package.json",
        "dist/cli.js",
        "dist/package.json",
        "dist/licenses.txt",
        "schema/footprint.schema.json",
        "LICENSE",
        "NOTICE",
        "README.md",
        "CHANGELOG.md",
      ]),
    );
  });

  it("holds every chunk the CLI bundle loads on demand", () => {
    // Chunks can load chunks: follow them from the bundle.
    const chunks = new Set<string>();
    const queue = [CLI];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      for (const m of readFileSync(file, "utf8").matchAll(/__nccwpck_require__\.e\((\d+)\)/g)) {
        const chunk = `dist/${m[1]!}.cli.js`;
        if (!chunks.has(chunk)) queue.push(join(ROOT, chunk));
        chunks.add(chunk);
      }
    }
    expect(chunks.size).toBeGreaterThan(0);
    expect(paths()).toEqual(expect.arrayContaining([...chunks]));
  });

  it("holds no sources, tests, examples, docs, data, scripts or the action's bundle", () => {
    for (const path of paths()) {
      expect(path).not.toMatch(/^(src|test|examples|docs|data|scripts|node_modules|\.github|\.ci)\//);
      expect(path).not.toMatch(/^dist\/(\d+\.)?index\.js$/);
      expect(path).not.toMatch(/\.ts$/);
    }
  });

  // 3.3 MB unpacked since 1.1 (3.0 MB at 1.0): the history's records and page and the report's JSON Schema (some
  // 70 KB), the launch-config readers with their instance table and picomatch (some 150 KB), place names (35 KB).
  it("stays small: under 1 MB packed and 3.3 MB unpacked", () => {
    expect(packed.size).toBeLessThan(1_000_000);
    expect(packed.unpackedSize).toBeLessThan(3_300_000);
  });
});

describe("the installed package", () => {
  it("installs its bin, which prints package.json's version", () => {
    const r = run(join(project, "node_modules", ".bin", "footprint-gate"), ["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it("checks a manifest: exit 0 and a passing verdict", () => {
    const r = run(join(project, "node_modules", ".bin", "footprint-gate"), ["check", "footprint.yml"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("footprint.yml · demo");
    expect(r.stdout).toContain("verdict: PASS");
  });

  it("reports an invalid manifest with its line and exit 2", () => {
    const r = run(join(project, "node_modules", ".bin", "footprint-gate"), ["check", "broken/footprint.yml"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/broken\/footprint\.yml:5:5 +error +manifest\/invalid/);
  });

  it("runs through npx without the network", () => {
    const r = run("npx", ["--offline", "footprint-gate", "check", "footprint.yml", "--format", "json"]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { verdict: string }).verdict).toBe("pass");
  });

  it("ships the JSON Schema at the path editors are pointed to", () => {
    const schema = JSON.parse(readFileSync(join(project, "node_modules", "footprint-gate", "schema", "footprint.schema.json"), "utf8")) as object;
    expect(schema).toHaveProperty("properties.training");
  });
});
