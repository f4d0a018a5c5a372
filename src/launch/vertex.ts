// Vertex AI CustomJob YAML (docs/launch-configs.md#vertex-ai): `workerPoolSpecs[].machineSpec` (`machineType`,
// `acceleratorType`, `acceleratorCount`) × `replicaCount`, summed over the pools, and `scheduling.timeout`. The
// region is a command-line flag, never in the file. The spec may stand alone or sit under `jobSpec`.
import type { Path } from "../manifest/yaml/index.js";
import { findTpuSlice } from "../catalogue/tpu.js";
import { counted, defaulted, get, hoursLimit, product, sum, type Factor, type Reading, type Resolved } from "./common.js";
import type { LaunchJob, StatedCount } from "./types.js";

export function readVertex(data: unknown, reading: Reading, document: number, line: number): LaunchJob | null {
  const base: Path = get(data, "workerPoolSpecs") !== undefined ? [] : ["jobSpec"];
  const spec = base.length === 0 ? data : get(data, "jobSpec");
  const pools = get(spec, "workerPoolSpecs");
  if (!Array.isArray(pools)) return null;
  const name = get(data, "displayName");
  const job: LaunchJob = {
    format: "vertex",
    document,
    name: typeof name === "string" ? reading.text(name, reading.origin(["displayName"]), null) : null,
    line,
    candidates: [],
    timeLimitHours: null,
    problems: [],
  };
  const timeout = get(get(spec, "scheduling"), "timeout");
  if (timeout !== undefined) {
    const origin = reading.origin([...base, "scheduling", "timeout"]);
    const text = reading.text(timeout, origin, "hours");
    const m = text === null ? null : /^(\d{1,9})(?:\.\d{1,9})?s$/.exec(text);
    if (text !== null && !m) reading.problem("unreadable", origin, `scheduling.timeout ${JSON.stringify(text)} is not a duration in seconds ("7200s")`, null);
    if (m) job.timeLimitHours = hoursLimit(Number(m[1]) / 3600, origin);
  }
  let accelerator: Resolved | null = null;
  const counts: StatedCount[] = [];
  let unreadable = false;
  pools.forEach((pool, i) => {
    const machine = get(pool, "machineSpec");
    const at: Path = [...base, "workerPoolSpecs", i, "machineSpec"];
    const type = get(machine, "acceleratorType");
    const machineType = get(machine, "machineType");
    // An empty placeholder pool, or one of CPUs only.
    if (type === undefined && machineType === undefined) return;
    const written = type ?? machineType;
    const origin = reading.origin([...at, type === undefined ? "machineType" : "acceleratorType"]);
    const text = reading.text(written, origin, "accelerator");
    const resolved = text === null ? null : reading.accelerator(text, origin);
    if (type === undefined && !resolved?.unit) return;
    if (!resolved) return void (unreadable = true);
    if (accelerator && accelerator.accelerator.id !== resolved.accelerator.id) {
      reading.problem("unsupported", origin, "the worker pools use different accelerators; state accelerator and count in the manifest entry", "accelerator");
      return void (unreadable = true);
    }
    accelerator ??= resolved;
    const replicas = get(pool, "replicaCount");
    const replicaPath = [...base, "workerPoolSpecs", i, "replicaCount"];
    const r =
      replicas === undefined
        ? defaulted(1, `1 replica (workerPoolSpecs[${i}].replicaCount not set)`)
        : countFactor(replicas, replicaPath, ["replica", "replicas"], reading);
    const perReplica = type === undefined ? resolved.unit : acceleratorCount(get(machine, "acceleratorCount"), [...at, "acceleratorCount"], text!, reading);
    const count = product([perReplica, r], reading, origin);
    if (count) counts.push(count);
    else unreadable = true;
  });
  const count = unreadable || counts.length === 0 ? null : sum(counts);
  job.candidates = [{ accelerator: (accelerator as Resolved | null)?.accelerator ?? null, count, location: null }];
  return job;
}

function countFactor(value: unknown, path: Path, noun: [string, string], reading: Reading): Factor | null {
  const origin = reading.origin(path);
  const n = reading.count(value, origin);
  return n === null ? null : { value: n, label: `${counted(n, noun)} (${origin.field})`, origin };
}

/** Accelerators per replica; TPU v2 and v3 are counted in TensorCores, as their slice names are (8 = 4 chips). */
function acceleratorCount(value: unknown, path: Path, type: string, reading: Reading): Factor | null {
  const factor = countFactor(value ?? 1, path, ["accelerator per replica", "accelerators per replica"], reading);
  const generation = /^TPU_(V2|V3)$/i.exec(type)?.[1];
  if (!factor || !generation) return factor;
  const slice = findTpuSlice(`${generation.toLowerCase()}-${factor.value}`);
  if (slice === null || typeof slice === "string") {
    reading.problem("unreadable", factor.origin!, `${typeof slice === "string" ? slice : "not a TPU slice"}; state count`, "count");
    return null;
  }
  return { value: slice.chips, label: `${slice.chips} chips per replica (${slice.note})`, origin: factor.origin };
}
