// dstack `.dstack.yml` tasks and services (docs/launch-configs.md#dstack): `resources.gpu` (`H100:8`, `A100:80GB:8`,
// `A10G,A100:1..2`, or a mapping of name, count and memory), `nodes`, service `replicas`, `backends` with
// `regions`, and `max_duration`.
import { bounded, defaulted, get, hoursLimit, isMapping, location, product, type Factor, type Reading } from "./common.js";
import type { LaunchCandidate, LaunchJob, Origin, Stated } from "./types.js";

const TYPES = ["task", "service", "dev-environment"];
const VENDORS = new Set(["nvidia", "amd", "google", "tpu", "intel"]);

export function readDstack(data: unknown, reading: Reading, document: number, line: number): LaunchJob | null {
  const type = get(data, "type");
  if (typeof type !== "string" || !TYPES.includes(type)) return null;
  const name = get(data, "name");
  const job: LaunchJob = {
    format: "dstack",
    document,
    name: typeof name === "string" ? reading.text(name, reading.origin(["name"]), null) : null,
    line,
    candidates: [],
    timeLimitHours: null,
    problems: [],
  };
  const duration = get(data, "max_duration");
  if (duration !== undefined) {
    const origin = reading.origin(["max_duration"]);
    const hours = durationHours(duration);
    if (hours === undefined)
      reading.problem(
        "unreadable",
        origin,
        `max_duration ${typeof duration === "string" ? JSON.stringify(duration.slice(0, 100)) : "(not a string)"} is not a duration such as 2h or 1d`,
        null,
      );
    else job.timeLimitHours = hoursLimit(hours, origin);
  }
  const nodes = scale(data, type === "service" ? "replicas" : "nodes", reading);
  const place = placeOf(data, reading);
  const gpu = get(get(data, "resources"), "gpu");
  const candidates: LaunchCandidate[] = [];
  if (gpu === undefined) candidates.push({ accelerator: null, count: null, location: place });
  else {
    const path = ["resources", "gpu"];
    const origin = reading.origin(path);
    const spec = gpuSpec(gpu, origin, reading);
    if (spec && spec.names.length === 0) {
      reading.problem(
        "unreadable",
        origin,
        `resources.gpu names no GPU model (${JSON.stringify(String(typeof gpu === "string" ? gpu : "a memory or vendor only").slice(0, 100))}); state accelerator`,
        "accelerator",
      );
    }
    const models = spec && spec.names.length > 0 ? spec.names.map((n) => reading.accelerator(n, origin)) : [null];
    for (const model of models) {
      for (const c of spec?.counts ?? [null]) {
        for (const n of nodes) {
          const perNode: Factor | null = c === null ? null : { value: c, label: `${c} per node (resources.gpu)`, origin };
          const factors = [perNode, ...(model?.unit ? [model.unit] : []), n];
          candidates.push({ accelerator: model?.accelerator ?? null, count: product(factors, reading, origin), location: place });
        }
      }
    }
  }
  job.candidates = bounded(candidates, reading, reading.origin([]));
  return job;
}

/** `nodes: 2` or service `replicas: 1..4` (the two ends). */
function scale(data: unknown, key: string, reading: Reading): (Factor | null)[] {
  const value = get(data, key);
  const unit = key === "nodes" ? "node" : "replica";
  if (value === undefined) return [defaulted(1, `1 ${unit} (${key} not set)`)];
  const origin = reading.origin([key]);
  const text = reading.text(value, origin, "count");
  if (text === null) return [null];
  const range = rangeOf(text);
  if (!range) {
    reading.problem("unreadable", origin, `${key} ${JSON.stringify(text)} is not a count or a range a..b; state count`, "count");
    return [null];
  }
  return [...new Set(range)].map((n) => ({ value: n, label: `${n} ${unit}${n === 1 ? "" : "s"} (${key})`, origin }));
}

/** `8`, `1..2`: the two ends; an open end (`2..`) is not a bound, so it is not read. */
function rangeOf(text: string): [number, number] | null {
  const m = /^(\d{1,6})(?:\.\.(\d{1,6}))?$/.exec(text.trim());
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return min >= 1 && max >= min ? [min, max] : null;
}

/** GPU names and counts of a `gpu` spec: `name[,name]:memory:count` in any order, or a mapping. */
function gpuSpec(gpu: unknown, origin: Origin, reading: Reading): { names: string[]; counts: number[] } | null {
  let names: string[] = [];
  let counts: [number, number] | null = null;
  if (isMapping(gpu)) {
    const name = get(gpu, "name");
    names = (Array.isArray(name) ? name : name === undefined ? [] : [name]).flatMap((n) => reading.text(n, origin, "accelerator") ?? []);
    const count = get(gpu, "count");
    if (count !== undefined) {
      const text = reading.text(count, origin, "count");
      counts = text === null ? null : rangeOf(text);
      if (text !== null && !counts)
        reading.problem("unreadable", origin, `resources.gpu.count ${JSON.stringify(text)} is not a count or a range; state count`, "count");
      if (!counts) return { names, counts: [] };
    }
  } else {
    const text = reading.text(gpu, origin, "accelerator");
    if (text === null) return null;
    for (const part of text.split(":")) {
      const range = rangeOf(part);
      if (range) counts = range;
      else if (/^\d/.test(part) || VENDORS.has(part.toLowerCase()))
        continue; // memory (80GB, 24GB..40GB) or vendor
      else for (const n of part.split(",")) if (n !== "") names.push(n);
    }
  }
  const [min, max] = counts ?? [1, 1];
  return { names, counts: min === max ? [min] : [min, max] };
}

/** One backend and one region give a location; anything else leaves it to the manifest. */
function placeOf(data: unknown, reading: Reading): Stated<string> | null {
  const backends = get(data, "backends");
  const regions = get(data, "regions");
  if (!Array.isArray(backends) || backends.length !== 1 || !Array.isArray(regions) || regions.length !== 1) return null;
  const origin = reading.origin(["regions", 0]);
  const backend = reading.text(backends[0], reading.origin(["backends", 0]), "location");
  const region = reading.text(regions[0], origin, "location");
  return backend && region ? location(backend, region, origin) : null;
}

/** dstack durations: `90s`, `30m`, `2h`, `1d`, `1w`, plain seconds; `off` for none; undefined when unreadable. */
function durationHours(value: unknown): number | null | undefined {
  if (value === false || value === "off") return null;
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value / 3600 : undefined;
  const m = typeof value === "string" ? /^(\d{1,9})([smhdw]?)$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const seconds = { "": 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]!]!;
  return (Number(m[1]) * seconds) / 3600;
}
