// Launch configs no entry reads: which files are looked at, which are warned of and where, and the scan's bounds.
// The formats are told by a stand-in recogniser (a file whose text starts with `format:`), so these tests pin
// the scan, whatever the readers recognise.
import { describe, expect, it } from "vitest";
import { SCAN_LIMITS, unreadConfigs, type ConfigUse, type LaunchFiles } from "../src/launch/unread.js";
import type { LaunchFormat } from "../src/launch/types.js";
import { ignoreProblem } from "../src/manifest/rules.js";

const recognise = (text: string): LaunchFormat | null => (text.startsWith("format: ") ? (text.slice(8).trim() as LaunchFormat) : null);

function files(tree: Record<string, string>, reads: string[] = []): LaunchFiles {
  return {
    repoPath: (path) => path,
    present: () => ({ paths: Object.keys(tree), truncated: null }),
    read: async (path) => {
      reads.push(path);
      return Object.hasOwn(tree, path) ? tree[path]! : null;
    },
    display: (path) => `./${path}`,
  };
}

const use = (o: Partial<ConfigUse> = {}): ConfigUse => ({ manifest: "footprint.yml", self: "footprint.yml", dir: "", read: new Set(), ignore: [], ...o });

describe("launch configs no entry reads", () => {
  const tree = {
    "footprint.yml": "format: skypilot",
    "sky/train.yaml": "format: skypilot",
    "sky/eval.yaml": "format: skypilot",
    "slurm/job": "format: slurm",
    "README.md": "# readme",
    "models/a/footprint.yml": "version: 1",
    "models/a/k8s.yaml": "format: kubernetes",
  };

  it("warns of each config that no manifest reads, on the config, in the manifest whose folder holds it", async () => {
    const uses = [use({ read: new Set(["sky/train.yaml"]) }), use({ manifest: "models/a/footprint.yml", self: "models/a/footprint.yml", dir: "models/a" })];
    const found = await unreadConfigs(files(tree), "folders", uses, recognise);
    expect(found.map((f) => [f.use, f.finding.file, f.finding.severity, f.finding.message])).toEqual([
      [
        1,
        "./models/a/k8s.yaml",
        "warning",
        "a Kubernetes launch config in the repository that no entry reads: add an entry with from: k8s.yaml, or list it in launch_configs.ignore; footprint-gate init draft.yml in the manifest's folder drafts an entry for each config",
      ],
      [
        0,
        "./sky/eval.yaml",
        "warning",
        "a SkyPilot launch config in the repository that no entry reads: add an entry with from: sky/eval.yaml, or list it in launch_configs.ignore",
      ],
      [
        0,
        "./slurm/job",
        "warning",
        "a SLURM launch config in the repository that no entry reads: add an entry with from: slurm/job, or list it in launch_configs.ignore",
      ],
    ]);
  });

  it("without a base, looks only in the folders of manifests that read or ignore configs", async () => {
    const uses = [
      use({ self: "footprint.yml", read: new Set() }),
      use({ manifest: "m", self: "models/a/footprint.yml", dir: "models/a", read: new Set(["models/a/x"]) }),
    ];
    expect((await unreadConfigs(files(tree), "folders", uses, recognise)).map((f) => f.finding.file)).toEqual(["./models/a/k8s.yaml"]);
  });

  it("looks only at the files the change touches when there is a base, and never at the manifests or the configs read", async () => {
    const reads: string[] = [];
    const found = await unreadConfigs(
      files(tree, reads),
      ["footprint.yml", "sky/train.yaml", "sky/eval.yaml"],
      [use({ read: new Set(["sky/train.yaml"]) })],
      recognise,
    );
    expect(reads).toEqual(["sky/eval.yaml"]);
    expect(found.map((f) => f.finding.message)).toEqual([expect.stringContaining("a SkyPilot launch config changed by this change")]);
  });

  it("gives a changed config to the manifest whose folder is the nearest to hold it, else the first, with from: relative to that manifest", async () => {
    const at = (dir: string) => use({ manifest: `${dir}/footprint.yml`, self: `${dir}/footprint.yml`, dir });
    const changed = ["ml/ab/sky.yaml", "ml/a/sky.yaml", "ml/a/deep/sky.yaml", "infra/sky.yaml"];
    const tree = Object.fromEntries(changed.map((p) => [p, "format: skypilot"]));
    const found = await unreadConfigs(files(tree), changed, [at("ml/a"), at("ml/ab"), at("ml/a/deep")], recognise);
    expect(found.map((f) => [f.finding.file, f.use, /from: (\S+),/.exec(f.finding.message)![1]])).toEqual([
      ["./infra/sky.yaml", 0, "../../infra/sky.yaml"],
      ["./ml/a/deep/sky.yaml", 2, "sky.yaml"],
      ["./ml/a/sky.yaml", 0, "sky.yaml"],
      ["./ml/ab/sky.yaml", 1, "sky.yaml"],
    ]);
  });

  it("names footprint-gate init only to a manifest that reads no config yet", async () => {
    const tree = { "sky/eval.yaml": "format: skypilot" };
    const [none] = await unreadConfigs(files(tree), ["sky/eval.yaml"], [use()], recognise);
    expect(none!.finding.message).toMatch(/; footprint-gate init draft\.yml in the manifest's folder drafts an entry for each config$/);
    const [reading] = await unreadConfigs(files(tree), ["sky/eval.yaml"], [use({ read: new Set(["sky/train.yaml"]) })], recognise);
    expect(reading!.finding.message).not.toContain("init");
  });

  it("leaves out the configs launch_configs.ignore lists, relative to the manifest's folder", async () => {
    const uses = [use({ ignore: ["sky/eval.*", "slurm/**"] }), use({ manifest: "m", self: "models/a/footprint.yml", dir: "models/a", ignore: ["*.yaml"] })];
    expect((await unreadConfigs(files(tree), "folders", uses, recognise)).map((f) => f.finding.file)).toEqual(["./sky/train.yaml"]);
  });

  it("stops after its file limit and its time, and says so", async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < SCAN_LIMITS.files + 10; i++) many[`c/${String(i).padStart(5, "0")}`] = "text";
    const reads: string[] = [];
    const reading = [use({ read: new Set(["sky/train.yaml"]) })];
    const capped = await unreadConfigs(files(many, reads), "folders", reading, recognise);
    expect(reads).toHaveLength(SCAN_LIMITS.files);
    expect(capped.map((f) => [f.finding.severity, f.finding.message])).toEqual([
      ["notice", `only the first ${SCAN_LIMITS.files} files were checked for launch configs that no entry reads`],
    ]);
    let clock = 0;
    const timed = await unreadConfigs(files(many), "folders", reading, recognise, () => (clock += 1000));
    expect(timed.map((f) => f.finding.message)).toEqual(["only the first 3 files were checked for launch configs that no entry reads"]);
  });

  it("matches a pattern with two wildcards against the longest path it looks at, and refuses a third wildcard", async () => {
    const path = `${"a".repeat(SCAN_LIMITS.pathLength - 10)}/x.yaml`;
    expect(await unreadConfigs(files({ [path]: "format: dstack" }), [path], [use({ ignore: ["*a*b"] })], recognise)).toHaveLength(1);
    expect(ignoreProblem("*a*b")).toBeNull();
    expect(ignoreProblem("**/a*b*")).toMatch(/has more than 2 wildcards/);
    expect(ignoreProblem("../other/*.yaml")).toMatch(/must stay inside the repository/);
  });
});
