// The action against files a pull request controls: a symlinked or special manifest, a badge folder holding a
// symlink, an oversized report input. Each is refused with a clear failure, nothing outside is read or written.
import { MAX_REPORT_BYTES } from "../../src/report-schema.js";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { pullRequest, workflowRun } from "./payloads.js";
import { BASE_SHA, runAction, workspace, type RunOptions, type RunResult, serveFakeGitHub } from "./runner.js";

const posix = process.platform !== "win32";
const MANIFEST =
  "version: 1\nproject: demo\ndefaults:\n  location: gcp:europe-west4\ntraining:\n  - id: a\n    accelerator: nvidia-h100-sxm\n    count: 8\n    hours: 10\n";

const server = serveFakeGitHub();
beforeEach(() => {
  server.setCommit(BASE_SHA, { "README.md": "hi\n" });
});

async function run(o: Omit<RunOptions, "server">): Promise<RunResult> {
  const r = await runAction({ server, ...o });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.signal).toBeNull();
  return r;
}

/** Everything the action let out: log, summary, outputs, report and request bodies. */
const everything = (r: RunResult) => [r.stdout, r.stderr, r.summary, r.outputFile, r.reportText ?? "", ...r.requests.map((q) => q.bodyText)].join("\n");

describe("the manifest in the workspace", () => {
  it.skipIf(!posix)("a manifest symlinked to /etc/passwd is refused; its content is in no annotation, summary or comment", async () => {
    const ws = workspace({});
    symlinkSync("/etc/passwd", join(ws, "footprint.yml"));
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest() });
    expect(r.code, r.stdout).toBe(1);
    expect(r.annotations.filter((a) => a.level === "error").map((a) => a.message)).toContainEqual(expect.stringMatching(/outside the repository/));
    const first = readFileSync("/etc/passwd", "utf8").split("\n")[0]!;
    expect(everything(r)).not.toContain(first);
    expect(everything(r)).not.toContain("root:");
  });

  it.skipIf(!posix)("a FIFO manifest is refused without hanging", async () => {
    const ws = workspace({});
    execFileSync("mkfifo", [join(ws, "footprint.yml")]);
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { comment: "off" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.annotations.map((a) => a.message)).toContainEqual(expect.stringMatching(/named pipe \(FIFO\), not a regular file/));
  });
});

describe("badge-path", () => {
  it.skipIf(!posix)("a footprint.svg -> ../../outside symlink in the badge folder is refused and its target untouched", async () => {
    const ws = workspace({ "footprint.yml": MANIFEST, "badges/README.md": "badges\n" });
    const outside = join(ws, "..", "outside");
    writeFileSync(outside, "precious\n");
    symlinkSync("../../outside", join(ws, "badges", "footprint.svg"));
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "badge-path": "badges", comment: "off" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/::error::.*badge-path "badges\/footprint\.svg" is outside the workspace/);
    expect(readFileSync(outside, "utf8")).toBe("precious\n");
  });

  it.skipIf(!posix)("a footprint.json symlink to a file inside the workspace is not written through either", async () => {
    const ws = workspace({ "footprint.yml": MANIFEST, "badges/README.md": "badges\n", "keep.txt": "keep\n" });
    symlinkSync("../keep.txt", join(ws, "badges", "footprint.json"));
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "badge-path": "badges", comment: "off" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/::error::.*footprint\.json \(the path is a symlink; refusing to write through it\)/);
    expect(readFileSync(join(ws, "keep.txt"), "utf8")).toBe("keep\n");
    expect(existsSync(join(ws, "badges", "footprint.svg"))).toBe(true);
  });

  it("a file where the badge folder should be fails the step with one line naming the input and the folder", async () => {
    const ws = workspace({ "footprint.yml": MANIFEST, badges: "not a folder\n" });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { "badge-path": "badges", comment: "off" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.annotations.filter((a) => a.level === "error").map((a) => a.message)).toEqual([
      "input badge-path: cannot create the folder badges (a file is in the way (the path, or one of its folders, is a file, not a folder))",
    ]);
    expect(readFileSync(join(ws, "badges"), "utf8")).toBe("not a folder\n");
  });
});

describe("the report input (two-workflow mode)", () => {
  it("a report over the size limit is refused from its size, without reading it (a sparse 3 GiB file)", async () => {
    const ws = workspace({ "report.json": "" });
    // Read whole, 3 GiB is more than Node can hold in one buffer: only a size check before reading gives this message.
    truncateSync(join(ws, "report.json"), 3 * 1024 ** 3);
    const r = await run({ workspace: ws, eventName: "workflow_run", payload: workflowRun(), inputs: { report: "report.json" } });
    expect(r.code, r.stdout).toBe(1);
    expect(r.annotations.filter((a) => a.level === "error").map((a) => a.message)).toEqual([
      `input report: the report is larger than ${MAX_REPORT_BYTES} bytes`,
    ]);
    expect(r.requests.filter((q) => q.route === "create-comment")).toEqual([]);
  });
});

describe("the base read through the REST API", () => {
  it("a base manifest over 1 MiB is refused by its size: a notice, no comparison, the gate still passes", async () => {
    server.setCommit(BASE_SHA, { "footprint.yml": MANIFEST + `# ${"x".repeat(2 * 1024 * 1024)}\n` });
    const ws = workspace({ "footprint.yml": MANIFEST });
    const r = await run({ workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { comment: "off" } });
    expect(r.code, r.stdout).toBe(0);
    expect(r.requests.filter((q) => q.route === "get-content").length).toBeGreaterThan(0);
    expect(r.annotations.filter((a) => a.level === "notice").map((a) => a.message)).toContainEqual(
      expect.stringMatching(/base manifest could not be evaluated .*larger than 1048576 bytes/),
    );
  });
});
