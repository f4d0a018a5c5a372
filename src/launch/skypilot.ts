// SkyPilot task YAML (docs/launch-configs.md#skypilot): `resources.accelerators` in all its forms, `instance_type`,
// `infra` or `cloud`/`region`/`zone`, `num_nodes`, and the candidates of `any_of` / `ordered`. A file of several
// documents is a pipeline: one job per task.
import type { Path } from "../manifest/yaml/index.js";
import { bounded, defaulted, get, isMapping, location, MAX_COUNT, product, type Factor, type Reading } from "./common.js";
import type { LaunchCandidate, LaunchJob, Origin, Stated } from "./types.js";

/** SkyPilot's own meaning of a name, where it differs from the catalogue's: its bare A100 is the 40 GB part. */
function skypilotName(name: string): { id: string; note: string } | undefined {
  return name.toUpperCase() === "A100" ? { id: "nvidia-a100-40gb-sxm", note: "SkyPilot's A100 is the 40 GB part (A100-80GB is the 80 GB one)" } : undefined;
}

export function readSkyPilot(data: unknown, reading: Reading, document: number, line: number): LaunchJob | null {
  if (!isMapping(data)) return null;
  const resources = get(data, "resources");
  // The first document of a pipeline may hold only its name.
  if (resources === undefined && get(data, "run") === undefined && get(data, "num_nodes") === undefined) return null;
  const name = get(data, "name");
  const job: LaunchJob = {
    format: "skypilot",
    document,
    name: typeof name === "string" ? (reading.text(name, reading.origin(["name"]), null) ?? null) : null,
    line,
    candidates: [],
    timeLimitHours: null,
    problems: [],
  };
  const nodes = numNodes(data, reading);
  const at = reading.origin(["resources"]);
  const choices = isMapping(resources) ? (get(resources, "any_of") ?? get(resources, "ordered")) : undefined;
  const key = isMapping(resources) && get(resources, "any_of") !== undefined ? "any_of" : "ordered";
  // Fields outside the any_of / ordered list are defaults for every candidate.
  const candidates =
    Array.isArray(choices) && choices.length > 0
      ? choices.flatMap((choice, i) => resourceCandidates(resources, choice, ["resources", key, i], reading, nodes))
      : resourceCandidates(resources, undefined, null, reading, nodes);
  job.candidates = bounded(candidates, reading, at);
  return job;
}

function numNodes(data: unknown, reading: Reading): Factor | null {
  const value = get(data, "num_nodes");
  if (value === undefined) return defaulted(1, "1 node (num_nodes not set; SkyPilot's default)");
  const origin = reading.origin(["num_nodes"]);
  const n = reading.count(value, origin);
  return n === null ? null : { value: n, label: `${n} node${n === 1 ? "" : "s"} (num_nodes)`, origin };
}

/** The candidates of one resources block: the base with one `any_of`/`ordered` item laid over it (at `choicePath`). */
function resourceCandidates(base: unknown, choice: unknown, choicePath: Path | null, reading: Reading, nodes: Factor | null): LaunchCandidate[] {
  // A field of the candidate wins over the base's; `gpus` is SkyPilot's other name for accelerators.
  const field = (name: string): { value: unknown; path: Path } | undefined => {
    for (const [block, path] of [
      [choice, choicePath],
      [base, ["resources"]],
    ] as const) {
      if (path === null) continue;
      for (const key of name === "accelerators" ? ["accelerators", "gpus"] : [name]) {
        const value = get(block, key);
        if (value !== undefined) return { value, path: [...path, key] };
      }
    }
    return undefined;
  };
  const place = placeOf(field, reading);
  const accelerators = field("accelerators");
  const options: Option[] = [];
  if (accelerators) {
    for (const option of acceleratorOptions(accelerators.value, accelerators.path, reading)) options.push(option);
  } else {
    const instance = field("instance_type");
    if (instance) options.push({ name: instance.value, count: null, path: instance.path });
  }
  if (options.length === 0) return [{ accelerator: null, count: null, location: place }];
  return options.map((o) => {
    const origin = reading.origin(o.path);
    const written = reading.text(o.name, origin, "accelerator");
    const resolved = written === null ? null : reading.accelerator(written, origin, skypilotName);
    // A templated or unreadable accelerator leaves its count unknown too (`$GPU` holds both).
    if (written === null) return { accelerator: null, count: null, location: place };
    const perNode: Factor | null = o.count === null ? (resolved?.unit ?? null) : { value: o.count, label: `${o.count} per node (${origin.field})`, origin };
    // `tpu-v5p-8:1` is one slice of 4 chips per node; an instance type is its accelerators per node.
    const factors = o.count !== null && resolved?.unit ? [perNode, resolved.unit] : [perNode];
    return { accelerator: resolved?.accelerator ?? null, count: product([...factors, nodes], reading, origin), location: place };
  });
}

/** `H100:8`, `H100`, `['L4:1', 'H100:1']`, `{A100:1, V100:1}` (a set: keys with null values) and `{H100: 8}`. */
function acceleratorOptions(value: unknown, path: Path, reading: Reading): Option[] {
  if (typeof value === "string") return [splitCount(value, path, reading)];
  if (Array.isArray(value))
    return value.map((v, i) => (typeof v === "string" ? splitCount(v, [...path, i], reading) : { name: v, count: null, path: [...path, i] }));
  if (isMapping(value)) {
    return Object.keys(value).map((k) => {
      const v = value[k];
      if (v === null || v === undefined) return splitCount(k, [...path, k], reading);
      const count = parseCount(typeof v === "number" ? String(v) : typeof v === "string" ? v : "", reading.origin([...path, k]), reading);
      return { name: k, count, path: [...path, k] };
    });
  }
  reading.problem(
    "unreadable",
    reading.origin(path),
    `${reading.origin(path).field} is not an accelerator, a list or a mapping; state accelerator and count`,
    "accelerator",
  );
  return [];
}

/** An accelerator as written (checked by Reading.text), with its count where one is written. */
interface Option {
  name: unknown;
  count: number | null;
  path: Path;
}

function splitCount(text: string, path: Path, reading: Reading): Option {
  const colon = text.lastIndexOf(":");
  if (colon < 0) return { name: text, count: 1, path };
  return { name: text.slice(0, colon), count: parseCount(text.slice(colon + 1), reading.origin(path), reading), path };
}

/** SkyPilot counts may be fractions of a GPU (`T4:0.5`). */
function parseCount(text: string, origin: Origin, reading: Reading): number | null {
  const s = reading.text(text, origin, "count");
  if (s === null) return null;
  const n = /^\d{1,7}(?:\.\d{1,6})?$/.test(s) ? Number(s) : NaN;
  if (!(n > 0 && n <= MAX_COUNT)) {
    reading.problem(
      "unreadable",
      origin,
      `${origin.field} has the count ${JSON.stringify(s)}, not a number above 0; state count in the manifest entry`,
      "count",
    );
    return null;
  }
  return n;
}

/** `infra: aws/us-east-1[/zone]` (`*` for any), or the older `cloud` with `region` or `zone`; null where no region is named. */
function placeOf(field: (name: string) => { value: unknown; path: Path } | undefined, reading: Reading): Stated<string> | null {
  const infra = field("infra");
  if (infra) {
    const origin = reading.origin(infra.path);
    const text = reading.text(infra.value, origin, "location");
    const [cloud, region] = (text ?? "").split("/");
    return cloud && region && cloud !== "*" && region !== "*" && !/^(?:k8s|kubernetes|ssh|slurm)$/i.test(cloud) ? location(cloud, region, origin) : null;
  }
  const cloud = field("cloud");
  const region = field("region") ?? field("zone");
  if (!cloud || !region) return null;
  const cloudName = reading.text(cloud.value, reading.origin(cloud.path), "location");
  const origin = reading.origin(region.path);
  const regionName = reading.text(region.value, origin, "location");
  return cloudName && regionName ? location(cloudName, regionName, origin) : null;
}
