// Files a pull request controls, read and written for real: symlinks, FIFOs, devices, sparse and oversized files.
// Every one is refused with exit code 2 and a clear message, without being read past its limit and without hanging.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_MEASURED_BYTES } from "../src/evaluate.js";
import { CodeCarbonError, MAX_CODECARBON_LINES, MAX_RAGGED_ROWS, readCodeCarbon } from "../src/measured/codecarbon.js";
import { FileError, gitCommit, readRegularFile, workTreeSource, writeRegularFile } from "../src/sources.js";

const CLI = join(fileURLToPath(new URL("..", import.meta.url)), "dist", "cli.js");
const posix = process.platform !== "win32";

let TMP: string;
let n = 0;
beforeAll(() => {
  TMP = mkdtempSync(join(tmpdir(), "footprint-files-"));
});
afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});

/** A fresh repository (it holds .git) inside a case folder; `outside` is a sibling of the repository. */
function repo(files: Record<string, string> = {}): { dir: string; outside: string } {
  const base = join(TMP, `case-${++n}`);
  const dir = join(base, "repo");
  mkdirSync(join(dir, ".git"), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { dir, outside: join(base, "outside") };
}

/** Runs the CLI; the timeout only keeps a regression from hanging the suite (the assertions are on the result). */
function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } });
  expect(r.error, "the CLI did not finish").toBeUndefined();
  expect(r.stderr).not.toContain("    at ");
  expect(r.stderr).not.toContain("internal error");
  return r;
}

interface JsonFinding {
  rule: string;
  message: string;
  line: number;
  column: number;
}
function findings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { manifests: { findings: JsonFinding[] }[] }).manifests.flatMap((m) => m.findings);
}

const MEASURED = (csv: string) => `version: 1
project: p
training:
  - id: a
    accelerator: nvidia-h100-sxm
    count: 1
    hours: 1
    location: gcp:europe-west4
    measured:
      codecarbon: ${csv}
`;
const HEADER = "timestamp,project_name,run_id,duration,emissions,energy_consumed\n";
const ROW = (run: string, kwh: number) => `2026-01-01T00:00:00,p,${run},60,${kwh / 10},${kwh}\n`;

describe("the manifest itself is confined and read within bounds", () => {
  it.skipIf(!posix)("a symlinked manifest pointing outside the repository (/etc/passwd) is refused and its content is never printed", () => {
    const { dir } = repo();
    symlinkSync("/etc/passwd", join(dir, "footprint.yml"));
    const passwd = readFileSync("/etc/passwd", "utf8").split("\n")[0]!;
    for (const format of ["text", "json", "markdown"]) {
      const r = cli(dir, "check", "footprint.yml", "--format", format);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toMatch(/outside the repository/);
      expect(r.stdout + r.stderr).not.toContain(passwd);
      expect(r.stdout + r.stderr).not.toContain("root:");
    }
  });

  it.skipIf(!posix)("a manifest symlinked to /dev/zero (size 0, endless) is refused without being read", () => {
    const { dir } = repo();
    symlinkSync("/dev/zero", join(dir, "footprint.yml"));
    const r = cli(dir, "check", "footprint.yml", "--format", "json");
    expect(r.status).toBe(2);
    expect(findings(r.stdout)).toEqual([
      expect.objectContaining({ rule: "manifest/unreadable", message: expect.stringMatching(/outside the repository/) as unknown }),
    ]);
  });

  it.skipIf(!posix)("a device inside the repository is refused as not a regular file (the reader itself, on /dev/zero)", () => {
    expect(() => readRegularFile("/dev/zero", 1024)).toThrow(/a device, not a regular file/);
  });

  it.skipIf(!posix)("a FIFO manifest is refused without hanging (nothing ever writes to it)", () => {
    const { dir } = repo();
    execFileSync("mkfifo", [join(dir, "footprint.yml")]);
    const r = cli(dir, "check", "footprint.yml", "--format", "json");
    expect(r.status).toBe(2);
    expect(findings(r.stdout)).toEqual([
      expect.objectContaining({ rule: "manifest/unreadable", message: expect.stringMatching(/named pipe \(FIFO\), not a regular file/) as unknown }),
    ]);
  });

  it("a manifest in a folder that does not exist is reported as missing", () => {
    const { dir } = repo();
    const r = cli(dir, "check", "nowhere/footprint.yml");
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/manifest\/unreadable +the manifest does not exist/);
  });

  it("a manifest that is a folder is refused with a clear message", () => {
    const { dir } = repo();
    mkdirSync(join(dir, "footprint.yml"));
    const r = cli(dir, "check", "footprint.yml");
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/the path is a folder, not a file/);
  });

  it.skipIf(!posix)("a symlinked manifest pointing inside the repository is read (control)", () => {
    const { dir } = repo({ "real/footprint.yml": "version: 1\nproject: linked\n" });
    symlinkSync("real/footprint.yml", join(dir, "footprint.yml"));
    const r = cli(dir, "check", "footprint.yml", "--format", "json");
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { manifests: { project: string }[] }).manifests[0]!.project).toBe("linked");
  });

  it.skipIf(!posix)("the action's root is the workspace: a manifest linking out of it is refused", () => {
    const { dir, outside } = repo();
    writeFileSync(outside, "version: 1\nproject: outside\n");
    symlinkSync(outside, join(dir, "footprint.yml"));
    expect(() => workTreeSource(join(dir, "footprint.yml"), "footprint.yml", dir)).toThrow(/outside the repository/);
  });

  it("a sparse manifest of 2 GiB is refused by its size (manifest/invalid, larger than 1048576 bytes)", () => {
    const { dir } = repo();
    writeFileSync(join(dir, "footprint.yml"), "");
    truncateSync(join(dir, "footprint.yml"), 2 * 1024 ** 3);
    const r = cli(dir, "check", "footprint.yml", "--format", "json");
    expect(r.status).toBe(2);
    expect(findings(r.stdout)).toEqual([
      expect.objectContaining({ rule: "manifest/invalid", message: expect.stringMatching(/larger than 1048576 bytes/) as unknown }),
    ]);
  });
});

describe("the bounded reader", () => {
  it("reads a file of exactly the limit, refuses one byte more, and says null for a missing file", () => {
    const { dir } = repo({ "ten.txt": "0123456789" });
    expect(readRegularFile(join(dir, "ten.txt"), 10)?.toString()).toBe("0123456789");
    expect(() => readRegularFile(join(dir, "ten.txt"), 9)).toThrow(/larger than 9 bytes/);
    expect(readRegularFile(join(dir, "missing.txt"), 10)).toBeNull();
  });

  it("refuses a file over the limit from its size, without reading it (a sparse 1 TiB file)", () => {
    const { dir } = repo({ "huge.csv": "" });
    truncateSync(join(dir, "huge.csv"), 1024 ** 4);
    const err = (() => {
      try {
        readRegularFile(join(dir, "huge.csv"), MAX_MEASURED_BYTES);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).reason).toBe("too-large");
  });
});

describe("measured CodeCarbon files are read within bounds", () => {
  it("a 62 MiB CodeCarbon file of blank rows is refused at the line cap (exit 2), before any row is parsed", () => {
    const { dir } = repo({ "footprint.yml": MEASURED("runs/e.csv") });
    mkdirSync(join(dir, "runs"));
    const fd = openSync(join(dir, "runs/e.csv"), "w");
    writeSync(fd, HEADER);
    const blank = Buffer.alloc(1024 * 1024, "\n");
    for (let i = 0; i < 62; i++) writeSync(fd, blank);
    closeSync(fd);
    const r = cli(dir, "check", "footprint.yml", "--format", "json");
    expect(r.status).toBe(2);
    expect(findings(r.stdout).filter((f) => f.rule === "data/unreadable")).toEqual([
      expect.objectContaining({
        message: `runs/e.csv: more than ${MAX_CODECARBON_LINES} lines; CodeCarbon writes far fewer (is this its emissions.csv?)`,
        line: 10,
        column: 19,
      }),
    ]);
  });

  it("a sparse 600 MB CodeCarbon file is refused by its size (exit 2, larger than 67108864 bytes)", () => {
    const { dir } = repo({ "footprint.yml": MEASURED("e.csv"), "e.csv": "" });
    truncateSync(join(dir, "e.csv"), 600 * 1000 * 1000);
    const r = cli(dir, "check", "footprint.yml", "--format", "json");
    expect(r.status).toBe(2);
    expect(findings(r.stdout).filter((f) => f.rule === "data/unreadable")).toEqual([
      expect.objectContaining({ message: `e.csv: larger than ${MAX_MEASURED_BYTES} bytes`, line: 10, column: 19 }),
    ]);
  });

  it.skipIf(!posix)("a CodeCarbon file that is a FIFO is refused without hanging", () => {
    const { dir } = repo({ "footprint.yml": MEASURED("e.csv") });
    execFileSync("mkfifo", [join(dir, "e.csv")]);
    const r = cli(dir, "check", "footprint.yml", "--format", "json");
    expect(r.status).toBe(2);
    expect(
      findings(r.stdout)
        .filter((f) => f.rule === "data/unreadable")
        .map((f) => f.message),
    ).toEqual(["e.csv: the path is a named pipe (FIFO), not a regular file"]);
  });

  it("a file of exactly the line cap is parsed; one line more is refused", () => {
    const rows = (count: number) => HEADER + ROW("r", 1).repeat(count - 1);
    expect(readCodeCarbon(rows(MAX_CODECARBON_LINES))).toMatchObject({ energy_kwh: 1, runs: 1 });
    expect(() => readCodeCarbon(rows(MAX_CODECARBON_LINES + 1))).toThrow(
      new CodeCarbonError(`more than ${MAX_CODECARBON_LINES} lines; CodeCarbon writes far fewer (is this its emissions.csv?)`),
    );
    // CR-only line endings count too.
    expect(() => readCodeCarbon(rows(MAX_CODECARBON_LINES + 1).replaceAll("\n", "\r"))).toThrow(/more than 200000 lines/);
  });

  it("rows with the wrong number of columns stop the parse at the ragged-row cap", () => {
    const ragged = HEADER + ",\n".repeat(MAX_RAGGED_ROWS + 1) + ROW("r", 1);
    expect(() => readCodeCarbon(ragged)).toThrow(new RegExp(`more than ${MAX_RAGGED_ROWS} rows have a different number of columns`));
    // A few are fine where a later row of the same run supersedes them.
    expect(readCodeCarbon(HEADER + "2026,p,r,1\n".repeat(5) + ROW("r", 2))).toMatchObject({ energy_kwh: 2, runs: 1 });
  });

  it("only the last row of each run_id is kept: many runs in one file sum correctly", () => {
    let text = HEADER;
    for (let i = 0; i < 1000; i++) text += ROW(`r${i % 10}`, 100) + ROW(`r${i % 10}`, i + 1);
    // The last row of run r_k is the one with i = 990 + k: energy 991 + k.
    expect(readCodeCarbon(text)).toMatchObject({ runs: 10, energy_kwh: 10 * 991 + 45 });
  });
});

describe("files the gate writes never go through a symlink", () => {
  it.skipIf(!posix)("badge --out: a committed footprint.svg -> ../../outside symlink is refused and the target is untouched", () => {
    const { dir, outside } = repo({ "footprint.yml": "version: 1\nproject: p\n" });
    writeFileSync(outside, "precious\n");
    mkdirSync(join(dir, "badges"));
    symlinkSync("../../outside", join(dir, "badges", "footprint.svg"));
    const r = cli(dir, "badge", "footprint.yml", "--out", "badges");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/footprint\.svg: the path is a symlink; refusing to write through it/);
    expect(readFileSync(outside, "utf8")).toBe("precious\n");
  });

  it.skipIf(!posix)("badge --out: a dangling symlink is not followed to create a file outside", () => {
    const { dir, outside } = repo({ "footprint.yml": "version: 1\nproject: p\n" });
    mkdirSync(join(dir, "badges"));
    symlinkSync("../../outside", join(dir, "badges", "footprint.json"));
    const r = cli(dir, "badge", "footprint.yml", "--out", "badges");
    expect(r.status).toBe(2);
    expect(existsSync(outside)).toBe(false);
  });

  it("badge --out: regular files are overwritten in place (control)", () => {
    const { dir } = repo({ "footprint.yml": "version: 1\nproject: p\n", "badges/footprint.json": "x".repeat(10_000) });
    const r = cli(dir, "badge", "footprint.yml", "--out", "badges");
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "badges/footprint.json"), "utf8"))).toMatchObject({ schemaVersion: 1 });
  });

  it.skipIf(!posix)("card --write: a model card that is a symlink (even inside the repository) is not written through", () => {
    const manifest =
      "version: 1\nproject: p\nmodel_card: MODEL_CARD.md\ntraining:\n  - { id: a, accelerator: nvidia-h100-sxm, count: 1, hours: 1, location: FR }\n";
    const { dir } = repo({ "footprint.yml": manifest, "docs/card.md": "# Card\n" });
    symlinkSync("docs/card.md", join(dir, "MODEL_CARD.md"));
    const r = cli(dir, "card", "footprint.yml", "--write");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/MODEL_CARD\.md: cannot update the card \(the path is a symlink; refusing to write through it\)/);
    expect(readFileSync(join(dir, "docs/card.md"), "utf8")).toBe("# Card\n");
  });

  it.skipIf(!posix)("writeRegularFile refuses a FIFO without blocking", () => {
    const { dir } = repo();
    execFileSync("mkfifo", [join(dir, "pipe")]);
    expect(() => writeRegularFile(join(dir, "pipe"), "x")).toThrow(/named pipe \(FIFO\), not a regular file/);
  });
});

describe("base files read through git are bounded", () => {
  function gitRepo(files: Record<string, string>): string {
    const { dir } = repo();
    rmSync(join(dir, ".git"), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
      });
    git("init", "-q");
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    git("add", "-A");
    git("commit", "-qm", "base");
    return dir;
  }

  it("a blob over the limit is refused from its size in the tree; one within it is read", async () => {
    const dir = gitRepo({ "runs/e.csv": "0123456789", "docs/readme.md": "hi\n" });
    const commit = gitCommit(dir, "HEAD")!;
    expect(await commit.show("runs/e.csv", 10)).toBe("0123456789");
    await expect(commit.show("runs/e.csv", 9)).rejects.toThrow(/larger than 9 bytes/);
    expect(await commit.show("runs/missing.csv", 10)).toBeNull();
    await expect(commit.show("docs", 10)).rejects.toThrow(/folder/);
  });

  it("--base-ref: a CodeCarbon file over the limit at the base is refused there (the base is then not compared)", () => {
    const big = HEADER + ROW("r", 1).repeat(Math.ceil((MAX_MEASURED_BYTES + 1) / ROW("r", 1).length));
    const dir = gitRepo({ "footprint.yml": MEASURED("e.csv"), "e.csv": big });
    writeFileSync(join(dir, "e.csv"), HEADER + ROW("r", 2));
    const r = cli(dir, "check", "footprint.yml", "--base-ref", "HEAD", "--format", "json");
    expect(r.status).toBe(0);
    expect(findings(r.stdout)).toContainEqual(
      expect.objectContaining({ rule: "base/unavailable", message: expect.stringMatching(/e\.csv: larger than 67108864 bytes/) as unknown }),
    );
  });
});
