// `init`'s starter manifest, from readings of launch configs: one entry per job, hours: limit where the config
// states a limit, a marked place for hours otherwise, and what cannot be read commented out and listed.
import { describe, expect, it } from "vitest";
import { starterManifest } from "../src/launch/starter.js";
import type { LaunchJob, LaunchRead } from "../src/launch/types.js";
import { parseManifest } from "../src/manifest/parse.js";

const o = (line: number, field: string) => ({ line, column: 1, field });
function job(extra: Partial<LaunchJob> = {}): LaunchJob {
  return {
    format: "slurm",
    document: 0,
    name: "pretrain",
    line: 1,
    candidates: [
      {
        accelerator: { written: "gpu:h100", id: "nvidia-h100-sxm", note: null, origin: o(3, "#SBATCH --gres") },
        count: { value: 32, factors: [{ value: 32, label: "32", origin: o(3, "#SBATCH --gres") }] },
        location: null,
      },
    ],
    timeLimitHours: { value: 72, origin: o(4, "#SBATCH --time") },
    problems: [],
    ...extra,
  };
}
const read = (...jobs: LaunchJob[]): LaunchRead => ({ format: "slurm", jobs, problems: [] });

describe("the starter manifest of init", () => {
  it("writes one entry per config, with hours: limit, the schema line, and a marked place for hours and location", async () => {
    const s = starterManifest("acme", [
      { path: "slurm/pretrain.sbatch", read: read(job()) },
      { path: "sky/sft.yaml", read: read(job({ name: "sft", timeLimitHours: null })) },
    ]);
    expect(s.text).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/footprint-gate\/footprint-gate\/main\/schema\/footprint\.schema\.json\n/,
    );
    expect(s.text).toContain("  - id: pretrain\n    from: slurm/pretrain.sbatch\n    hours: limit # the config's time limit, 72 h");
    expect(s.text).toContain("  - id: sft\n    from: sky/sft.yaml\n    hours: 1 # TODO: the expected wall-clock hours");
    expect(s.text).toContain("    # location: aws:us-east-1 # TODO: where it runs");
    expect(s.entries).toEqual(["slurm/pretrain.sbatch: pretrain, 32 × nvidia-h100-sxm, time limit 72 h", "sky/sft.yaml: sft, 32 × nvidia-h100-sxm"]);
    const parsed = await parseManifest(s.text, "footprint.yml");
    expect(parsed.findings).toEqual([]);
    expect(parsed.manifest?.training?.map((t) => t.from)).toEqual(["slurm/pretrain.sbatch", "sky/sft.yaml"]);
  });

  it("names documents of a file with several jobs, keeps ids unique, and comments out what it cannot read", async () => {
    const templated = {
      kind: "templated" as const,
      field: "resources.accelerators",
      line: 5,
      column: 3,
      message: "`${GPU}` is a template",
      needs: "accelerator" as const,
    };
    const s = starterManifest("p", [
      { path: "k8s/jobs.yaml", read: { format: "kubernetes", problems: [], jobs: [job({ document: 0 }), job({ document: 2, problems: [templated] })] } },
      {
        path: "notes.yaml",
        read: { format: null, jobs: [], problems: [{ kind: "unreadable", field: "", line: 1, column: 1, message: "not YAML", needs: null }] },
      },
    ]);
    expect(s.text).toContain("    from: { path: k8s/jobs.yaml, document: 0 }");
    expect(s.text).toContain("  # k8s/jobs.yaml: line 5: `${GPU}` is a template; state the missing values, then uncomment:\n  # - id: pretrain-2\n");
    expect(s.unread).toEqual(["k8s/jobs.yaml (document 2): line 5: `${GPU}` is a template", "notes.yaml: line 1: not YAML"]);
    expect((await parseManifest(s.text, "footprint.yml")).findings).toEqual([]);
  });

  it("with no entry written whole, comments out training: too, so the starter checks, and says once what to state", async () => {
    const noType = {
      kind: "unreadable" as const,
      field: "#SBATCH --gres",
      line: 4,
      column: 16,
      message: "--gres names no GPU type; state accelerator",
      needs: "accelerator" as const,
    };
    const unknown = job({ problems: [noType], candidates: [{ accelerator: null, count: job().candidates[0]!.count, location: null }] });
    const s = starterManifest("p", [{ path: "slurm/train.slurm", read: read(unknown) }]);
    expect(s.unread).toEqual(["slurm/train.slurm: line 4: --gres names no GPU type; state accelerator"]);
    expect(s.text).toContain("\n# training:\n  # slurm/train.slurm: line 4:");
    const parsed = await parseManifest(s.text, "footprint.yml");
    expect([parsed.findings, parsed.manifest?.training]).toEqual([[], undefined]);
    // Uncommented as the note says, with the accelerator stated, it is a manifest with the entry.
    const uncommented = s.text.replace("# training:", "training:").replace(/^ {2}# (?=- id| {2}from| {2}hours)/gm, "  ");
    const entry = await parseManifest(uncommented.replace("    from:", "    accelerator: nvidia-h100-sxm\n    from:"), "footprint.yml");
    expect(entry.findings).toEqual([]);
    expect(entry.manifest?.training?.map((t) => t.id)).toEqual(["pretrain"]);
  });
});
