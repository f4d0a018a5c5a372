// The launch-config readers on real-shaped files (test/fixtures/launch/, each citing the public file it is modelled
// on) and on hostile ones: what each format states, with its line, and what it must never do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLaunchConfig, recogniseLaunchFormat, type LaunchCandidate, type LaunchRead, type LaunchReadOptions } from "../src/launch/index.js";
import { slurmHours } from "../src/launch/slurm.js";

const FIXTURES = join(import.meta.dirname, "fixtures/launch");
const fixture = (path: string) => readFileSync(join(FIXTURES, path), "utf8");
const read = (path: string, options?: LaunchReadOptions) => readLaunchConfig(fixture(path), options);

/** A candidate as [written, catalogue id, count, location]. */
const brief = (c: LaunchCandidate) => [c.accelerator?.written ?? null, c.accelerator?.id ?? null, c.count?.value ?? null, c.location?.value ?? null];
const candidates = (r: LaunchRead, job = 0) => r.jobs[job]!.candidates.map(brief);
const problems = (r: LaunchRead, job = 0) => r.jobs[job]!.problems.map((p) => [p.kind, p.field, p.line, p.needs]);

describe("recogniseLaunchFormat", () => {
  it("tells each format by its content", () => {
    for (const [path, format] of [
      ["skypilot/lora.yaml", "skypilot"],
      ["skypilot/pipeline.yaml", "skypilot"],
      ["slurm/train.slurm", "slurm"],
      ["kubernetes/lws-tpu.yaml", "kubernetes"],
      ["dstack/open-r1.dstack.yml", "dstack"],
      ["vertex/custom-job.yaml", "vertex"],
      ["vertex/tpu-job.yaml", "vertex"],
    ] as const) {
      expect(recogniseLaunchFormat(fixture(path), "any/name.txt"), path).toBe(format);
    }
  });

  it("does not take other YAML or scripts for launch configs", () => {
    for (const text of [
      "version: 1\nproject: p\ntraining: []\n",
      "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n",
      "name: CI\non: push\njobs: {}\n",
      "#!/bin/bash\necho hi\n#SBATCH --nodes=2\n",
      "",
    ]) {
      expect(recogniseLaunchFormat(text, "x.yaml"), text).toBeNull();
    }
  });
});

describe("SkyPilot", () => {
  it("reads accelerators per node × num_nodes; SkyPilot's bare A100 is the 40 GB part, said in a note", async () => {
    const r = await read("skypilot/lora.yaml");
    expect(r.format).toBe("skypilot");
    expect(candidates(r)).toEqual([["A100", "nvidia-a100-40gb-sxm", 8, null]]);
    const c = r.jobs[0]!.candidates[0]!;
    expect(c.accelerator!.note).toBe("SkyPilot's A100 is the 40 GB part (A100-80GB is the 80 GB one)");
    expect(c.accelerator!.origin).toEqual({ line: 8, column: 17, field: "resources.accelerators" });
    expect(c.count!.factors.map((f) => [f.value, f.origin?.line ?? null])).toEqual([
      [8, 8],
      [1, null],
    ]);
  });

  it("reads cloud and region as a location, and states the H200's assumption", async () => {
    const r = await read("skypilot/nebius.yaml");
    expect(candidates(r)).toEqual([["H200", "nvidia-h200-sxm", 8, "nebius:eu-north1"]]);
    expect(r.jobs[0]!.name).toBe("golf");
    expect(r.jobs[0]!.candidates[0]!.accelerator!.note).toMatch(/is read as nvidia-h200-sxm/);
  });

  it("gives every candidate of any_of, sets, lists, TPU slices and instance types, each with its own infra", async () => {
    const r = await read("skypilot/any-of.yaml");
    expect(candidates(r)).toEqual([
      ["H100", "nvidia-h100-sxm", 16, "aws:us-east-1"],
      ["A100-80GB", "nvidia-a100-80gb-sxm", 16, "aws:us-east-1"],
      ["L4", "nvidia-l4", 2, "gcp:us-central1"],
      ["tpu-v5p-8", "google-tpu-v5p", 8, "gcp:us-central1"],
      ["p4d.24xlarge", "nvidia-a100-40gb-sxm", 16, null],
    ]);
    expect(r.jobs[0]!.candidates[3]!.count!.factors.map((f) => f.label)).toEqual([
      "1 per node (resources.any_of[1].accelerators[1])",
      "4 chips per tpu-v5p-8",
      "2 nodes (num_nodes)",
    ]);
  });

  it("reads each task of a pipeline as its own job, with its document index and line", async () => {
    const r = await read("skypilot/pipeline.yaml");
    expect(r.jobs.map((j) => [j.name, j.document, j.line])).toEqual([
      ["train", 1, 4],
      ["eval", 2, 11],
    ]);
    expect(candidates(r, 0)).toEqual([["H100-MEGA", "nvidia-h100-sxm", 32, "gcp:europe-west4"]]);
    expect(candidates(r, 1)).toEqual([
      ["A100", "nvidia-a100-40gb-sxm", 1, null],
      ["V100", "nvidia-v100-sxm2", 1, null],
    ]);
  });

  it("reports a templated accelerator and infra with file line and field, and takes no default for them", async () => {
    const r = await read("hostile/sky-templated.yaml");
    expect(candidates(r)).toEqual([[null, null, null, null]]);
    expect(problems(r)).toEqual([
      ["templated", "resources.infra", 6, "location"],
      ["templated", "resources.accelerators", 5, "accelerator"],
    ]);
    expect(r.jobs[0]!.problems[1]!.message).toBe(
      'resources.accelerators is templated ("$GPU"): nothing in a config is expanded; state accelerator in the manifest entry',
    );
  });

  it("refuses names with control or bidirectional formatting characters", async () => {
    const r = await read("hostile/bidi.yaml");
    expect(r.jobs[0]!.name).toBeNull();
    expect(r.jobs[0]!.candidates[0]!.accelerator).toBeNull();
    expect(problems(r).map((p) => p[1])).toEqual(["name", "resources.accelerators"]);
  });
});

describe("SLURM", () => {
  it("multiplies --gpus-per-task by --ntasks and stops at the first command, as sbatch does", async () => {
    const r = await read("slurm/multinode_trainer.slurm");
    expect(r.jobs[0]!.name).toBe("torchtitan_multi_node");
    expect(candidates(r)).toEqual([[null, null, 32, null]]);
    // The partition names no GPU: the manifest must say which.
    expect(problems(r)).toEqual([["unreadable", "#SBATCH --gpus-per-task", 6, "accelerator"]]);
  });

  it("reads --gres=gpu:N per node and --time, ignoring a trailing comment; a partition alias names the model", async () => {
    const plain = await read("slurm/train.slurm");
    expect(candidates(plain)).toEqual([[null, null, 8, null]]);
    expect(plain.jobs[0]!.timeLimitHours).toEqual({ value: 72, origin: { line: 11, column: 16, field: "#SBATCH --time" } });
    const aliased = await read("slurm/train.slurm", { aliases: { "hopper-prod": "nvidia-h100-sxm" } });
    expect(candidates(aliased)).toEqual([["hopper-prod", "nvidia-h100-sxm", 8, null]]);
    expect(aliased.jobs[0]!.candidates[0]!.accelerator!.note).toBe("hopper-prod is nvidia-h100-sxm by the manifest's aliases");
    expect(problems(aliased)).toEqual([]);
  });

  it("gives a node range as its two ends, reads a typed GRES through the aliases, and short options", async () => {
    const r = await read("slurm/ranged.sbatch", { aliases: { a100_80gb: "nvidia-a100-80gb-pcie" } });
    expect(candidates(r)).toEqual([
      ["a100_80gb", "nvidia-a100-80gb-pcie", 8, null],
      ["a100_80gb", "nvidia-a100-80gb-pcie", 16, null],
    ]);
    expect(r.jobs[0]!.timeLimitHours?.value).toBe(1.5);
    expect(r.jobs[0]!.name).toBe("sweep");
  });

  it("reads every --time format, and 0 or UNLIMITED as no limit", () => {
    expect(["90", "90:30", "2:30:00", "1-12", "1-12:30", "1-12:30:36", "0", "UNLIMITED", "1:2:3:4", "soon"].map(slurmHours)).toEqual([
      1.5,
      1.5 + 0.5 / 60,
      2.5,
      36,
      36.5,
      36.51,
      null,
      null,
      undefined,
      undefined,
    ]);
  });

  it("reads --gpus as the job's total, --gpus-per-node with a type, and -N ranges with a step", async () => {
    const script = (lines: string) => readLaunchConfig(`#!/bin/bash\n${lines}\nsrun x\n`, { format: "slurm", aliases: { h100: "nvidia-h100-sxm" } });
    expect(candidates(await script("#SBATCH -G 16\n#SBATCH -N 4"))).toEqual([[null, null, 16, null]]);
    expect(candidates(await script("#SBATCH --gpus-per-node=h100:8\n#SBATCH --nodes=1-15:4"))).toEqual([
      ["h100", "nvidia-h100-sxm", 8, null],
      ["h100", "nvidia-h100-sxm", 104, null],
    ]);
    expect(candidates(await script("#SBATCH --gres=gpu:h100:4 --nodes 2\n#SBATCH --nodes=3"))).toEqual([["h100", "nvidia-h100-sxm", 12, null]]);
    const noTasks = await script("#SBATCH --gpus-per-task=2");
    expect(problems(noTasks)).toContainEqual(["unreadable", "#SBATCH --gpus-per-task", 2, "count"]);
  });

  it("takes directives literally: $VAR and ${VAR} are problems naming the line and option", async () => {
    const r = await read("hostile/templated.slurm");
    expect(candidates(r)).toEqual([[null, null, null, null]]);
    expect(problems(r)).toEqual([
      ["templated", "#SBATCH --time", 5, "hours"],
      ["templated", "#SBATCH --gres", 4, "accelerator"],
      ["unreadable", "#SBATCH --gres", 4, "accelerator"],
      ["templated", "#SBATCH --nodes", 3, "count"],
    ]);
  });

  it("skips a #SBATCH line over the length bound with a problem, and stops reading a header past its line bound", async () => {
    const long = await readLaunchConfig(`#!/bin/bash\n#SBATCH --gres=gpu:${"9".repeat(1_000_000)}\n#SBATCH --gpus=4\nsrun x\n`, { format: "slurm" });
    expect(long.problems.map((p) => [p.kind, p.line])).toEqual([["limit", 2]]);
    expect(candidates(long)).toEqual([[null, null, 4, null]]);
    const tall = await readLaunchConfig(`#!/bin/bash\n${"# comment\n".repeat(20_000)}#SBATCH --gpus=4\n`, { format: "slurm" });
    expect(tall.problems.map((p) => p.kind)).toEqual(["limit"]);
    expect(tall.jobs).toEqual([]);
  });
});

describe("Kubernetes", () => {
  it("reads an elastic PyTorchJob as a range of workers, the GKE label's model, and the run policy's deadline", async () => {
    const r = await read("kubernetes/pytorchjob.yaml");
    expect(candidates(r)).toEqual([
      ["nvidia-tesla-a100", "nvidia-a100-40gb-sxm", 1, null],
      ["nvidia-tesla-a100", "nvidia-a100-40gb-sxm", 3, null],
    ]);
    expect(r.jobs[0]!.timeLimitHours).toEqual({ value: 24, origin: { line: 9, column: 28, field: "spec.runPolicy.activeDeadlineSeconds" } });
  });

  it("adds a LeaderWorkerSet's leader and workers, and derives the TPU slice from its topology", async () => {
    const r = await read("kubernetes/lws-tpu.yaml");
    expect(r.jobs).toHaveLength(1);
    expect(candidates(r)).toEqual([["tpu-v5-lite-podslice", "google-tpu-v5e", 16, null]]);
    const c = r.jobs[0]!.candidates[0]!;
    expect(c.accelerator!.note).toMatch(/^tpu-v5-lite-podslice on topology 4x4 is 4 × 4 = 16 chips of google-tpu-v5e/);
    expect(c.count!.terms!.map((t) => t.value)).toEqual([4, 12]);
  });

  it("multiplies JobSet replicas × parallelism × GPUs per pod, one candidate per Karpenter In value", async () => {
    const r = await read("kubernetes/jobset-karpenter.yaml");
    expect(candidates(r)).toEqual([
      ["h100", "nvidia-h100-sxm", 64, null],
      ["a100", "nvidia-a100-80gb-sxm", 64, null],
    ]);
    expect(r.jobs[0]!.candidates[0]!.accelerator!.origin).toMatchObject({ line: 24, column: 38 });
  });

  it("ranges a RayCluster's autoscaled worker group up to maxReplicas × numOfHosts", async () => {
    const r = await read("kubernetes/raycluster.yaml");
    expect(candidates(r)).toEqual([
      ["tpu-v4-podslice", "google-tpu-v4", 8, null],
      ["tpu-v4-podslice", "google-tpu-v4", 16, null],
    ]);
  });

  it("names the model by the node's instance type but counts what the pods ask for", async () => {
    const r = await read("kubernetes/job-instance-type.yaml");
    expect(candidates(r)).toEqual([["p5.48xlarge", "nvidia-h100-sxm", 16, null]]);
    expect(r.jobs[0]!.timeLimitHours?.value).toBe(2);
  });

  it("reports Helm and envsubst placeholders and <…> placeholders by field and line", async () => {
    const r = await read("hostile/templated.yaml");
    expect(r.jobs[0]!.name).toBeNull();
    expect(problems(r).map((p) => [p[0], p[1], p[2]])).toEqual([
      ["templated", "metadata.name", 5],
      ["templated", "spec.parallelism", 7],
      ["templated", "spec.template.spec.containers[0].resources.limits.nvidia.com/gpu", 17],
      ["templated", "spec.template.spec.nodeSelector.cloud.google.com/gke-accelerator", 11],
    ]);
    expect(candidates(r)).toEqual([[null, null, null, null]]);
  });

  it("reads a TrainJob's nodes × resources per node, and a RayJob's cluster", async () => {
    const trainJob = await readLaunchConfig(
      "apiVersion: trainer.kubeflow.org/v1alpha1\nkind: TrainJob\nmetadata: {name: t}\nspec:\n  runtimeRef: {name: torch-distributed}\n  trainer:\n    numNodes: 4\n    resourcesPerNode:\n      limits: {nvidia.com/gpu: 8}\n",
    );
    expect(candidates(trainJob)).toEqual([[null, null, 32, null]]);
    const rayJob = await readLaunchConfig(
      'apiVersion: ray.io/v1\nkind: RayJob\nmetadata: {name: r}\nspec:\n  activeDeadlineSeconds: 1800\n  rayClusterSpec:\n    headGroupSpec:\n      template:\n        spec:\n          containers:\n            - name: head\n              resources: {limits: {nvidia.com/gpu: "1"}}\n',
    );
    expect(candidates(rayJob)).toEqual([[null, null, 1, null]]);
    expect(rayJob.jobs[0]!.timeLimitHours?.value).toBe(0.5);
  });
});

describe("dstack", () => {
  it("asks for the model when resources.gpu names memory only, and multiplies by nodes", async () => {
    const r = await read("dstack/open-r1.dstack.yml");
    expect(candidates(r)).toEqual([[null, null, 16, null]]);
    expect(problems(r)).toEqual([["unreadable", "resources.gpu", 9, "accelerator"]]);
  });

  it("gives each model and each end of a replica range, with backend and region, and max_duration as the limit", async () => {
    const r = await read("dstack/service.dstack.yml");
    expect(candidates(r)).toEqual([
      ["A10G", "nvidia-a10g", 1, "aws:us-east-1"],
      ["A10G", "nvidia-a10g", 4, "aws:us-east-1"],
      ["L40S", "nvidia-l40s", 1, "aws:us-east-1"],
      ["L40S", "nvidia-l40s", 4, "aws:us-east-1"],
    ]);
    expect(r.jobs[0]!.timeLimitHours?.value).toBe(48);
  });
});

describe("Vertex AI", () => {
  it("adds replicaCount × acceleratorCount over the worker pools, and reads scheduling.timeout", async () => {
    const r = await read("vertex/custom-job.yaml");
    expect(candidates(r)).toEqual([["NVIDIA_TESLA_A100", "nvidia-a100-40gb-sxm", 32, null]]);
    expect(r.jobs[0]!.candidates[0]!.count!.terms!.map((t) => t.value)).toEqual([8, 24]);
    expect(r.jobs[0]!.timeLimitHours?.value).toBe(12);
  });

  it("takes a TPU machine type's chips from the instance table under jobSpec", async () => {
    const r = await read("vertex/tpu-job.yaml");
    expect(candidates(r)).toEqual([["ct5lp-hightpu-4t", "google-tpu-v5e", 4, null]]);
    expect(r.jobs[0]!.name).toBe("tpu-train");
  });

  it("never uses the platform's default time limit", async () => {
    const r = await readLaunchConfig(
      "workerPoolSpecs:\n  - machineSpec: {machineType: a3-highgpu-8g, acceleratorType: NVIDIA_H100_80GB, acceleratorCount: 8}\n    replicaCount: 2\n",
    );
    expect(r.jobs[0]!.timeLimitHours).toBeNull();
    expect(candidates(r)).toEqual([["NVIDIA_H100_80GB", "nvidia-h100-sxm", 16, null]]);
  });
});

describe("hostile configs", () => {
  it("refuses a 10 MB config before parsing it", async () => {
    const r = await readLaunchConfig("resources:\n  accelerators: H100:8\nrun: |\n" + "  echo x\n".repeat(1_300_000), { format: "skypilot" });
    expect(r.jobs).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual(["the launch config is larger than 1048576 bytes"]);
  });

  it("refuses 10,000 documents at the first over the limit", async () => {
    const r = await readLaunchConfig("apiVersion: batch/v1\nkind: Job\n---\n".repeat(10_000), { format: "kubernetes" });
    expect(r.jobs).toEqual([]);
    expect(r.problems[0]!.message).toBe("the file holds more than 1000 YAML documents");
  });

  it("refuses nesting deeper than the limit, and flow nesting that would exhaust the parser", async () => {
    const deep = await readLaunchConfig("resources:\n  accelerators: " + "[".repeat(40) + "H100" + "]".repeat(40) + "\nrun: x\n", { format: "skypilot" });
    expect(deep.problems[0]!.message).toBe("the YAML is nested more than 32 levels deep");
    const flow = await readLaunchConfig("a: " + "[".repeat(100_000), { format: "skypilot" });
    expect(flow.problems[0]!.message).toBe("the YAML is nested too deeply");
  });

  it("bounds counts and candidate sets", async () => {
    const huge = await readLaunchConfig("resources: {accelerators: 'H100:8'}\nnum_nodes: 999999\nrun: x\n");
    expect(candidates(huge)).toEqual([["H100", "nvidia-h100-sxm", null, null]]);
    expect(problems(huge)).toEqual([["unreadable", "resources.accelerators", 1, "count"]]);
    const set = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`H100:${i + 1}`, null]));
    const many = await readLaunchConfig(`resources:\n  accelerators: ${JSON.stringify(set)}\nrun: x\n`, { format: "skypilot" });
    expect(many.jobs[0]!.candidates).toHaveLength(64);
    expect(problems(many)).toContainEqual(["limit", "resources", 2, null]);
  });

  it("says so when a file holds nothing of the format the manifest states", async () => {
    const deployment = await readLaunchConfig("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n", { format: "kubernetes" });
    expect(deployment.jobs).toEqual([]);
    expect(deployment.problems.map((p) => [p.kind, p.message])).toEqual([
      ["unsupported", "the file holds no Kubernetes workload of a kind read here (Job, PyTorchJob, JobSet, RayJob, RayCluster, LeaderWorkerSet, TrainJob)"],
    ]);
    expect((await readLaunchConfig("#!/bin/bash\nsrun x\n", { format: "slurm" })).problems[0]!.message).toBe(
      "the file holds no #SBATCH line before the script's first command",
    );
  });

  it("reads a file that is not a launch config as none, and malformed YAML as a problem with its position", async () => {
    expect(await readLaunchConfig("hello: world\n")).toEqual({ format: null, jobs: [], problems: [] });
    const bad = await readLaunchConfig("resources: {accelerators: H100:8\nrun: x\n", { format: "skypilot" });
    expect(bad.jobs).toEqual([]);
    expect(bad.problems[0]).toMatchObject({ kind: "unreadable", line: 1, column: 12 });
  });
});
