// writeBadge (src/badge.ts): the one writer of the badge's files behind `badge --out` and the action's `badge-path`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BadgeWriteError, writeBadge, type BadgeFolder } from "../src/badge.js";
import { evaluate } from "../src/evaluate.js";
import type { ManifestSource } from "../src/manifest/source.js";
import { badgeFiles, badgeOf } from "../src/render/badge.js";
import { buildReport, type Report } from "../src/report.js";

const posix = process.platform !== "win32";
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "fg-badge-write-"));
  dirs.push(d);
  return d;
}

async function reportOf(text: string): Promise<Report> {
  const source: ManifestSource = { path: "footprint.yml", text, readRelative: async () => null, exists: async () => false };
  return buildReport([await evaluate(source, null)]);
}

const GOOD = "version: 1\nproject: p\ntraining:\n  - { id: a, accelerator: nvidia-h100-sxm, count: 8, hours: 10, location: FR }\nbudget: { co2e_kg: 1e6 }\n";
const UNEVALUABLE = "version: 1\nproject: p\ntraining:\n  - { id: a, accelerator: nope, count: 1, hours: 1 }\n";

/** A folder placed as the CLI places `--out`: its paths are used as given. */
function folderAt(root: string, path: string): BadgeFolder {
  return { path, dir: () => join(root, path), file: (name) => join(root, path, name) };
}

describe("writeBadge", () => {
  it("creates the folder and writes the SVG and endpoint JSON of the badge it returns, with the paths written", async () => {
    const root = tempDir();
    const report = await reportOf(GOOD);
    const result = await writeBadge(report, "energy", folderAt(root, "a/b"));
    expect(result.written).toBe(true);
    if (!result.written) return;
    expect(result.badge).toEqual(badgeOf(report, "energy"));
    expect(result.files).toEqual({ "footprint.svg": join(root, "a/b/footprint.svg"), "footprint.json": join(root, "a/b/footprint.json") });
    const expected = await badgeFiles(result.badge);
    for (const name of ["footprint.svg", "footprint.json"] as const) expect(readFileSync(result.files[name], "utf8")).toBe(expected[name]);
  });

  it("overwrites files already in the folder in place, shorter or longer", async () => {
    const root = tempDir();
    mkdirSync(join(root, "out"));
    writeFileSync(join(root, "out", "footprint.json"), "x".repeat(10_000));
    const result = await writeBadge(await reportOf(GOOD), "co2e", folderAt(root, "out"));
    expect(JSON.parse(readFileSync(join(root, "out", "footprint.json"), "utf8"))).toEqual(result.written && result.badge);
  });

  it("writes nothing, not even the folder, when a manifest cannot be evaluated", async () => {
    const root = tempDir();
    expect(await writeBadge(await reportOf(UNEVALUABLE), "co2e", folderAt(root, "out"))).toEqual({ written: false });
    expect(existsSync(join(root, "out"))).toBe(false);
  });

  it("lets the entry point's refusal of a file through unchanged, after the files before it were written", async () => {
    const root = tempDir();
    const refusal = new Error("outside the workspace");
    const folder: BadgeFolder = {
      ...folderAt(root, "out"),
      file: (name) => {
        if (name === "footprint.json") throw refusal;
        return join(root, "out", name);
      },
    };
    await expect(writeBadge(await reportOf(GOOD), "co2e", folder)).rejects.toBe(refusal);
    expect(existsSync(join(root, "out", "footprint.svg"))).toBe(true);
    expect(existsSync(join(root, "out", "footprint.json"))).toBe(false);
  });

  it("a file in the way of the folder is a folder failure naming the folder as the user gave it", async () => {
    const root = tempDir();
    writeFileSync(join(root, "file"), "x");
    const err = await writeBadge(await reportOf(GOOD), "co2e", folderAt(root, "file/sub")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadgeWriteError);
    expect(err).toMatchObject({ target: "folder", path: "file/sub", reason: expect.stringMatching(/^a file is in the way/) as unknown });
  });

  it.skipIf(!posix)("never writes through a symlink in the folder, and names the file as the user would", async () => {
    const root = tempDir();
    writeFileSync(join(root, "precious"), "precious\n");
    mkdirSync(join(root, "out"));
    symlinkSync("../precious", join(root, "out", "footprint.svg"));
    const err = await writeBadge(await reportOf(GOOD), "co2e", folderAt(root, "out")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadgeWriteError);
    expect(err).toMatchObject({ target: "file", path: join("out", "footprint.svg"), reason: "the path is a symlink; refusing to write through it" });
    expect(readFileSync(join(root, "precious"), "utf8")).toBe("precious\n");
  });
});
