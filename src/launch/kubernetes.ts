// Kubernetes workloads (docs/launch-configs.md#kubernetes): Job, Kubeflow PyTorchJob, JobSet, RayJob / RayCluster,
// LeaderWorkerSet and Kubeflow Trainer TrainJob. Accelerators per pod come from the containers' resource limits
// (requests where no limit is set), multiplied by the kind's replicas, parallelism or hosts; the model from node
// selectors and required node affinities, whose `In` lists are candidate sets. Nothing is rendered: a Helm or
// Kustomize template is read as the text it is.
import { findTpuSlice } from "../catalogue/tpu.js";
import type { Path } from "../manifest/yaml/index.js";
import { bounded, counted, defaulted, get, hoursLimit, isMapping, product, sum, type Factor, type Reading, type Resolved } from "./common.js";
import type { LaunchCandidate, LaunchJob, Origin } from "./types.js";

export const WORKLOAD_KINDS = ["Job", "PyTorchJob", "JobSet", "RayJob", "RayCluster", "LeaderWorkerSet", "TrainJob"] as const;
const RESOURCE_KEYS = ["nvidia.com/gpu", "amd.com/gpu", "google.com/tpu"];
/** Node labels that name the accelerator, in the order they are trusted. */
const MODEL_LABELS = [
  "cloud.google.com/gke-tpu-accelerator",
  "cloud.google.com/gke-accelerator",
  "karpenter.k8s.aws/instance-gpu-name",
  "node.kubernetes.io/instance-type",
  "beta.kubernetes.io/instance-type",
];
const TOPOLOGY = "cloud.google.com/gke-tpu-topology";
const MAX_POD_GROUPS = 64;

/** Pods of one template: how many (as factors) and the template's path. */
interface PodGroup {
  factors: (Factor | null)[];
  spec: Path;
}

export function readKubernetes(data: unknown, reading: Reading, document: number, line: number): LaunchJob | null {
  const kind = get(data, "kind");
  if (typeof kind !== "string" || !(WORKLOAD_KINDS as readonly string[]).includes(kind)) return null;
  const name = get(get(data, "metadata"), "name");
  const job: LaunchJob = {
    format: "kubernetes",
    document,
    name: typeof name === "string" ? reading.text(name, reading.origin(["metadata", "name"]), null) : null,
    line,
    candidates: [],
    timeLimitHours: null,
    problems: [],
  };
  const deadline = deadlinePath(kind);
  if (deadline && get(walk(data, deadline.slice(0, -1)), deadline[deadline.length - 1] as string) !== undefined) {
    const origin = reading.origin(deadline);
    const seconds = reading.count(walk(data, deadline), origin, "hours");
    if (seconds !== null) job.timeLimitHours = hoursLimit(seconds / 3600, origin);
  }
  const variants = podGroups(kind, data, reading);
  const candidates = variants.flatMap((groups) => candidatesOf(groups.slice(0, MAX_POD_GROUPS), data, reading));
  job.candidates = bounded(candidates.length > 0 ? candidates : [{ accelerator: null, count: null, location: null }], reading, reading.origin([]));
  return job;
}

function deadlinePath(kind: string): Path | null {
  if (kind === "Job" || kind === "RayJob" || kind === "TrainJob") return ["spec", "activeDeadlineSeconds"];
  if (kind === "PyTorchJob") return ["spec", "runPolicy", "activeDeadlineSeconds"];
  return null;
}

function walk(data: unknown, path: Path): unknown {
  let node = data;
  for (const seg of path) node = typeof seg === "number" ? (Array.isArray(node) ? node[seg] : undefined) : get(node, seg);
  return node;
}

/** A replica-like count at `path`: its value, or the default when absent. */
function factorAt(data: unknown, path: Path, noun: [string, string], fallback: number, reading: Reading, min = 1): Factor | null {
  const value = walk(data, path);
  if (value === undefined) return defaulted(fallback, `${counted(fallback, noun)} (${pathText(path)} not set)`);
  const origin = reading.origin(path);
  const n = reading.count(value, origin, "count", min);
  return n === null ? null : { value: n, label: `${counted(n, noun)} (${origin.field})`, origin };
}

const pathText = (path: Path) => path.map((s) => (typeof s === "number" ? `[${s}]` : s)).join(".");

/**
 * The pod groups of a workload, once per variant: one variant in general; two (fewest, most) where the kind
 * states a range (PyTorchJob elasticPolicy, RayCluster worker min/max replicas).
 */
function podGroups(kind: string, data: unknown, reading: Reading): PodGroup[][] {
  switch (kind) {
    case "Job":
      return [[{ factors: [factorAt(data, ["spec", "parallelism"], ["pod", "pods"], 1, reading)], spec: ["spec", "template", "spec"] }]];
    case "PyTorchJob": {
      const specs = get(get(data, "spec"), "pytorchReplicaSpecs");
      const roles = isMapping(specs) ? Object.keys(specs) : [];
      const groups = roles.map((r) => ({
        factors: [factorAt(data, ["spec", "pytorchReplicaSpecs", r, "replicas"], [`${r} replica`, `${r} replicas`], 1, reading)],
        spec: ["spec", "pytorchReplicaSpecs", r, "template", "spec"] as Path,
      }));
      const elastic = get(get(data, "spec"), "elasticPolicy");
      const worker = roles.indexOf("Worker");
      if (!isMapping(elastic) || worker < 0) return [groups];
      return ["minReplicas", "maxReplicas"]
        .filter((k) => get(elastic, k) !== undefined)
        .map((k) =>
          groups.map((g, i) =>
            i === worker
              ? {
                  ...g,
                  factors: [
                    factorAt(
                      data,
                      ["spec", "elasticPolicy", k],
                      k === "minReplicas"
                        ? ["Worker replica, elastic fewest", "Worker replicas, elastic fewest"]
                        : ["Worker replica, elastic most", "Worker replicas, elastic most"],
                      1,
                      reading,
                    ),
                  ],
                }
              : g,
          ),
        );
    }
    case "JobSet": {
      const jobs = get(get(data, "spec"), "replicatedJobs");
      return [
        (Array.isArray(jobs) ? jobs : []).map((_, i) => ({
          factors: [
            factorAt(data, ["spec", "replicatedJobs", i, "replicas"], ["replicated job", "replicated jobs"], 1, reading),
            factorAt(data, ["spec", "replicatedJobs", i, "template", "spec", "parallelism"], ["pod per job", "pods per job"], 1, reading),
          ],
          spec: ["spec", "replicatedJobs", i, "template", "spec", "template", "spec"] as Path,
        })),
      ];
    }
    case "RayJob":
    case "RayCluster":
      return rayGroups(kind === "RayJob" ? ["spec", "rayClusterSpec"] : ["spec"], data, reading);
    case "LeaderWorkerSet": {
      const base: Path = ["spec", "leaderWorkerTemplate"];
      const replicas = factorAt(data, ["spec", "replicas"], ["group", "groups"], 1, reading);
      const size = walk(data, [...base, "size"]);
      const sizeOrigin = reading.origin([...base, "size"]);
      const n = size === undefined ? 1 : reading.count(size, sizeOrigin);
      const leader: Path = walk(data, [...base, "leaderTemplate"]) !== undefined ? [...base, "leaderTemplate", "spec"] : [...base, "workerTemplate", "spec"];
      const workers: Factor | null =
        n === null
          ? null
          : {
              value: n - 1,
              label: `${counted(n - 1, ["worker", "workers"])} per group (size ${n} less the leader)`,
              origin: size === undefined ? null : sizeOrigin,
            };
      const groups: PodGroup[] = [{ factors: [replicas], spec: leader }];
      if (n === null || n > 1) groups.push({ factors: [replicas, workers], spec: [...base, "workerTemplate", "spec"] });
      return [groups];
    }
    case "TrainJob":
      return [[{ factors: [factorAt(data, ["spec", "trainer", "numNodes"], ["node", "nodes"], 1, reading)], spec: ["spec", "trainer"] }]];
  }
  return [];
}

function rayGroups(cluster: Path, data: unknown, reading: Reading): PodGroup[][] {
  const head: PodGroup = { factors: [], spec: [...cluster, "headGroupSpec", "template", "spec"] };
  const workers = walk(data, [...cluster, "workerGroupSpecs"]);
  const list = Array.isArray(workers) ? workers : [];
  const group = (i: number, key: string, noun: [string, string]): PodGroup => ({
    factors: [
      factorAt(data, [...cluster, "workerGroupSpecs", i, key], noun, 1, reading, 0),
      factorAt(data, [...cluster, "workerGroupSpecs", i, "numOfHosts"], ["host per replica", "hosts per replica"], 1, reading),
    ],
    spec: [...cluster, "workerGroupSpecs", i, "template", "spec"],
  });
  const nominal = [head, ...list.map((_, i) => group(i, "replicas", ["worker replica", "worker replicas"]))];
  // Under the autoscaler the worker replicas range up to maxReplicas.
  const scaled = list.some((w) => get(w, "maxReplicas") !== undefined);
  return scaled
    ? [
        nominal,
        [
          head,
          ...list.map((w, i) =>
            group(i, get(w, "maxReplicas") !== undefined ? "maxReplicas" : "replicas", ["worker replica at most", "worker replicas at most"]),
          ),
        ],
      ]
    : [nominal];
}

/** Accelerators of the pod groups of one variant: one candidate per model in the selectors' candidate sets. */
function candidatesOf(groups: PodGroup[], data: unknown, reading: Reading): LaunchCandidate[] {
  const perGroup = groups
    .map((g) => ({ group: g, gpus: podAccelerators(data, g.spec, reading), models: podModels(data, g.spec, reading) }))
    .filter((g) => g.gpus !== undefined);
  if (perGroup.length === 0) return [];
  // Pods whose selectors name the model give the candidates; a pod naming none takes the others' (or none).
  const models = perGroup.find((g) => g.models.length > 0)?.models ?? [null];
  return models.map((model) => {
    const counts = perGroup.map((g) => product([...g.group.factors, g.gpus!], reading, g.gpus?.origin ?? reading.origin(g.group.spec)));
    const count = counts.every((c) => c !== null) ? sum(counts) : null;
    // The count is what the pods ask for, whatever the model's instance type carries.
    return { accelerator: model?.accelerator ?? null, count, location: null };
  });
}

/** Accelerators per pod: Σ over containers of the limit (or request) of a GPU/TPU resource; undefined for none. */
function podAccelerators(data: unknown, spec: Path, reading: Reading): Factor | null | undefined {
  const containersPath = spec[spec.length - 1] === "trainer" ? null : [...spec, "containers"];
  const entries: { value: unknown; path: Path; key: string }[] = [];
  const scan = (resources: Path) => {
    for (const section of ["limits", "requests"]) {
      const block = walk(data, [...resources, section]);
      const keys = RESOURCE_KEYS.filter((k) => get(block, k) !== undefined);
      for (const key of keys) entries.push({ value: get(block, key), path: [...resources, section, key], key });
      if (keys.length > 0) return;
    }
  };
  if (containersPath === null) scan([...spec, "resourcesPerNode"]);
  else {
    const containers = walk(data, containersPath);
    (Array.isArray(containers) ? containers.slice(0, MAX_POD_GROUPS) : []).forEach((_, i) => scan([...containersPath, i, "resources"]));
  }
  if (entries.length === 0) return undefined;
  let total = 0;
  for (const e of entries) {
    const n = reading.count(e.value, reading.origin(e.path), "count", 0);
    if (n === null) return null;
    total += n;
  }
  const first = reading.origin(entries[0]!.path);
  return { value: total, label: `${total} ${entries[0]!.key} per pod (${entries.length === 1 ? first.field : `${entries.length} containers`})`, origin: first };
}

/** The models a pod's node selector or required node affinity names (an `In` list is a candidate set). */
function podModels(data: unknown, spec: Path, reading: Reading): Resolved[] {
  const topologyValue = (): string | undefined => {
    const direct = get(walk(data, [...spec, "nodeSelector"]), TOPOLOGY);
    return typeof direct === "string" ? direct : undefined;
  };
  for (const label of MODEL_LABELS) {
    const written: { value: unknown; origin: Origin }[] = [];
    const selector = get(walk(data, [...spec, "nodeSelector"]), label);
    if (selector !== undefined) written.push({ value: selector, origin: reading.origin([...spec, "nodeSelector", label]) });
    const terms = walk(data, [...spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"]);
    (Array.isArray(terms) ? terms : []).forEach((term, t) => {
      const exprs = get(term, "matchExpressions");
      (Array.isArray(exprs) ? exprs : []).forEach((e, x) => {
        if (get(e, "key") !== label || get(e, "operator") !== "In") return;
        const values = get(e, "values");
        const path: Path = [
          ...spec,
          "affinity",
          "nodeAffinity",
          "requiredDuringSchedulingIgnoredDuringExecution",
          "nodeSelectorTerms",
          t,
          "matchExpressions",
          x,
          "values",
        ];
        (Array.isArray(values) ? values : []).forEach((v, i) => written.push({ value: v, origin: reading.origin([...path, i]) }));
      });
    });
    if (written.length === 0) continue;
    const topology = label === "cloud.google.com/gke-tpu-accelerator" ? topologyValue() : undefined;
    const resolved: Resolved[] = [];
    for (const w of written) {
      const text = reading.text(w.value, w.origin, "accelerator");
      const r = text === null ? null : reading.accelerator(text, w.origin);
      if (!r) continue;
      // The slice's size is shown; the count stays what the pods ask for (hosts × chips per host).
      const slice = topology === undefined ? null : findTpuSlice(text!, topology);
      if (typeof slice === "string") reading.problem("unreadable", reading.origin([...spec, "nodeSelector", TOPOLOGY]), slice, null);
      resolved.push(slice && typeof slice !== "string" ? { ...r, accelerator: { ...r.accelerator, note: slice.note } } : r);
    }
    return resolved;
  }
  return [];
}
