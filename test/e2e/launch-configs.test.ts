// Launch configs end to end, through the built bundles: a pull request that edits only a SkyPilot task changes the
// figures, the verdict and the comment (the CLI with --base-ref, and the action against the fake GitHub); drift,
// configs no entry reads, init, and hostile configs.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pullRequest } from "./payloads.js";
import { BASE_SHA, demoManifest, gitWorkspace, runAction, runCli, serveFakeGitHub, tempDir, workspace, writeFiles } from "./runner.js";

const SCHEMA_LINE = "# yaml-language-server: $schema=https://raw.githubusercontent.com/footprint-gate/footprint-gate/main/schema/footprint.schema.json";

/** A SkyPilot task modelled on skypilot-org/skypilot llm/llama-3_1-finetuning/lora.yaml: one node, a GPU set, a region. */
const task = (gpus: number, name = "lora-finetune") =>
  [
    `name: ${name}`,
    "resources:",
    `  accelerators: H100:${gpus}`,
    "  infra: aws/us-east-1",
    "  use_spot: true",
    "num_nodes: 1",
    "envs:",
    "  MODEL_SIZE: 8B",
    "run: |",
    "  tune run --nproc_per_node $SKYPILOT_NUM_GPUS_PER_NODE lora_finetune_distributed --config llama3_1/8B_lora",
    "",
  ].join("\n");

const manifest = (extra = "") =>
  [
    SCHEMA_LINE,
    "version: 1",
    "project: launch-demo",
    "training:",
    "  - id: lora-finetune",
    "    from: sky/lora.yaml",
    "    hours: 12",
    extra,
    "budget:",
    "  increase_pct: 20",
    "",
  ].join("\n");

const server = serveFakeGitHub();

describe("a pull request that edits only a launch config", () => {
  const base = { "footprint.yml": manifest(), "sky/lora.yaml": task(8) };
  const head = { "footprint.yml": manifest(), "sky/lora.yaml": task(16) };

  it("changes the figures and the verdict through the CLI with --base-ref", async () => {
    const { dir, baseSha } = gitWorkspace(base, head);
    const r = await runCli(["check", "--base-ref", baseSha], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain("lora-finetune: from sky/lora.yaml: accelerator :3, count :3");
    expect(r.stdout).toMatch(/budget\/increase +total energy rises by 100\.0 % \(76\.3 kWh → 153 kWh\)/);
    const json = JSON.parse((await runCli(["check", "--base-ref", baseSha, "--format", "json"], dir)).stdout) as {
      manifests: { runs: { inputs: { count: number } }[]; assumptions: { name: string; source: number }[]; sources: { source: string }[] }[];
    };
    const m = json.manifests[0]!;
    expect(m.runs[0]!.inputs.count).toBe(16);
    const count = m.assumptions.find((a) => a.name === "count")!;
    expect(m.sources[count.source]!.source).toBe("sky/lora.yaml:3 16 per node (resources.accelerators) × sky/lora.yaml:6 1 node (num_nodes)");
  });

  it("changes the comment of the built action, which matches the golden file", async () => {
    const { dir, baseSha } = gitWorkspace(base, head);
    const r = await runAction({ server, workspace: dir, eventName: "pull_request", payload: pullRequest({ baseSha }) });
    expect(r.code, r.stdout).toBe(1);
    const post = r.requests.find((q) => q.route === "create-comment");
    const body = (post!.body as { body: string }).body;
    expect(body).toContain("from sky/lora\\.yaml");
    await expect(body).toMatchFileSnapshot("../golden/launch-config.comment.md");
    server.reset();
  });
});

describe("a manifest written by hand, and a pull request that edits the SkyPilot task beside it", () => {
  const unread = /a SkyPilot launch config changed by this change that no entry reads: add an entry with from: sky\/lora\.yaml, .*footprint-gate init/;
  const base = { "footprint.yml": demoManifest(), "sky/lora.yaml": task(8) };
  const head = { ...base, "sky/lora.yaml": task(16) };
  const routes = (r: { requests: { route: string }[] }) => r.requests.map((q) => q.route);
  const posted = (r: { requests: { route: string; body?: unknown }[] }) =>
    (r.requests.find((q) => q.route === "create-comment")!.body as { body: string }).body;

  it("warns through the CLI with --base-ref, and names footprint-gate init", async () => {
    const { dir, baseSha } = gitWorkspace(base, head);
    const r = await runCli(["check", "--base-ref", baseSha, "--fail-on", "warning"], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`sky/lora\\.yaml:1:1 +warning +config/unread +${unread.source}`));
  });

  it("warns in the action's comment, with git listing the change: no request for it", async () => {
    const { dir, baseSha } = gitWorkspace(base, head);
    const r = await runAction({ server, workspace: dir, eventName: "pull_request", payload: pullRequest({ baseSha }) });
    expect(r.outputs.verdict).toBe("warn");
    expect(routes(r)).toEqual(["list-comments", "create-comment"]);
    expect(posted(r)).toContain("config/unread");
    server.reset();
  });

  it("warns in the action's comment over REST at the cost of one request, made only when the head holds a config no entry reads", async () => {
    server.setCommit(BASE_SHA, base);
    server.pullFiles.set(12, [{ filename: "sky/lora.yaml", status: "modified" }]);
    const r = await runAction({ server, workspace: workspace(head), eventName: "pull_request", payload: pullRequest({ baseSha: BASE_SHA }) });
    expect(r.outputs.verdict).toBe("warn");
    expect(routes(r)).toEqual(["get-content", "list-pull-files", "list-comments", "create-comment"]);
    expect(r.annotations.map((a) => [a.level, a.file])).toContainEqual(["warning", "sky/lora.yaml"]);
    server.reset();
    server.setCommit(BASE_SHA, { "footprint.yml": demoManifest() });
    const plain = await runAction({
      server,
      workspace: workspace({ "footprint.yml": demoManifest({ hours: 20 }) }),
      eventName: "pull_request",
      payload: pullRequest({ baseSha: BASE_SHA }),
    });
    expect(routes(plain)).toEqual(["get-content", "list-comments", "create-comment"]);
    server.reset();
  });
});

describe("the manifest against its launch configs", () => {
  it("reports drift, naming the manifest's value and the config's, with both places", async () => {
    const dir = tempDir("launch-drift");
    writeFiles(dir, { "footprint.yml": manifest("    count: 8"), "sky/lora.yaml": task(16) });
    const r = await runCli(["check"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/footprint\.yml:8:12 +error +config\/drift +count 8 here, but the launch config says 16 \(sky\/lora\.yaml:3 /);
  });

  it("warns of a launch config the change adds that no entry reads, on the config itself, unless ignored", async () => {
    const base = { "footprint.yml": manifest(), "sky/lora.yaml": task(8) };
    const added = gitWorkspace(base, { ...base, "jobs/eval-task": task(4, "eval") });
    const r = await runCli(["check", "--base-ref", added.baseSha], added.dir);
    expect(r.stdout).toMatch(/jobs\/eval-task:1:1 +warning +config\/unread +a SkyPilot launch config changed by this change that no entry reads/);
    const ignoring = `${manifest()}launch_configs:\n  ignore: [jobs/*]\n`;
    const ignored = gitWorkspace(base, { ...base, "footprint.yml": ignoring, "jobs/eval-task": task(4, "eval") });
    const quiet = await runCli(["check", "--base-ref", ignored.baseSha], ignored.dir);
    expect(quiet.stdout).not.toContain("config/unread");
  });

  it("init writes a starter manifest that evaluates, and never overwrites one", async () => {
    const dir = tempDir("launch-init");
    mkdirSync(join(dir, ".git"));
    writeFiles(dir, { "sky/lora.yaml": task(8), "README.md": "# demo\n" });
    const r = await runCli(["init"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("sky/lora.yaml: lora-finetune, 8 × nvidia-h100-sxm in aws:us-east-1");
    const written = readFileSync(join(dir, "footprint.yml"), "utf8");
    expect(written.split("\n")[0]).toBe(SCHEMA_LINE);
    expect((await runCli(["check"], dir)).code).toBe(0);
    const again = await runCli(["init"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("footprint.yml: exists already; init never overwrites a manifest");
    expect(readFileSync(join(dir, "footprint.yml"), "utf8")).toBe(written);
  });
});

describe("hostile launch configs", () => {
  /** `check` of a manifest whose entry reads `from`, with `files` beside it: exit code and the findings' lines. */
  async function check(from: string, files: Record<string, string> = {}, setup?: (dir: string) => void) {
    const dir = tempDir("launch-hostile");
    mkdirSync(join(dir, "repo", ".git"), { recursive: true });
    writeFiles(join(dir, "repo"), {
      "footprint.yml": manifest().replace("from: sky/lora.yaml", `from: ${JSON.stringify(from)}\n    accelerator: nvidia-h100-sxm`),
      ...files,
    });
    setup?.(dir);
    return runCli(["check"], join(dir, "repo"));
  }

  it("refuses a symlink to a file outside the repository, and a path that leaves it", async () => {
    const link = await check("sky/lora.yaml", {}, (dir) => {
      writeFileSync(join(dir, "secret.yaml"), task(8));
      mkdirSync(join(dir, "repo", "sky"));
      symlinkSync(join(dir, "secret.yaml"), join(dir, "repo", "sky", "lora.yaml"));
    });
    expect(link.code).toBe(2);
    expect(link.stdout).toContain('config/unreadable  from: "sky/lora.yaml": the path resolves (through a symlink) outside the repository');
    const outside = await check("../secret.yaml");
    expect(outside.code).toBe(2);
    expect(outside.stdout).toContain('from: "../secret.yaml": the path points outside the repository');
  });

  it("refuses a 10 MB config without reading it whole", async () => {
    const r = await check("big.yaml", { "big.yaml": `${task(8)}# ${"x".repeat(10 * 1024 * 1024)}\n` });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('from: "big.yaml": larger than 1048576 bytes');
  });

  it("ends a config of 10,000 documents with a finding, not a hang", async () => {
    const r = await check("many.yaml", { "many.yaml": `${task(8)}${"---\nname: x\n".repeat(10_000)}` });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/config\/unreadable +from: many\.yaml:\d+:\d+: /);
  });

  it("names a templated value with its file, line and field, and never defaults it", async () => {
    const r = await check("sky/lora.yaml", { "sky/lora.yaml": task(8).replace("H100:8", "${GPU}:8").replace("infra: aws/us-east-1", "infra: aws/us-east-1") });
    expect(r.stdout).toMatch(/sky\/lora\.yaml:3:\d+ `resources\.accelerators`/);
    expect(r.stdout).not.toContain("NaN");
  });
});
