// SLURM batch scripts (docs/launch-configs.md#slurm): the `#SBATCH` lines as sbatch reads them — from the top, up
// to the first line that is neither blank nor a comment, each option's last value winning — read line by line
// with a bound on lines and on line length. Shell syntax in a directive is literal text to sbatch, so a `$VAR`
// there is a problem, never expanded.
import { bounded, counted, defaulted, hoursLimit, MAX_COUNT, product, Problems, Reading, type Factor } from "./common.js";
import type { LaunchCandidate, LaunchJob, Origin } from "./types.js";

/** Header lines read at most; a header longer than this is not one sbatch users write. */
const MAX_HEADER_LINES = 5000;
/** Longest directive line read; a longer one is reported and skipped. */
const MAX_LINE = 4096;

/** Short options and the long option each stands for; only the options the reader uses. */
const SHORT: Record<string, string> = { N: "nodes", n: "ntasks", G: "gpus", t: "time", p: "partition", J: "job-name" };
const USED = new Set(["gres", "gpus", "gpus-per-node", "gpus-per-task", "nodes", "ntasks", "ntasks-per-node", "time", "partition", "job-name"]);

interface Option {
  value: string;
  origin: Origin;
}

/** The `#SBATCH` options of a script's header, each with where its value is; problems for lines over the bounds. */
function sbatchOptions(text: string, problems: Problems): Map<string, Option> | null {
  const options = new Map<string, Option>();
  let found = false;
  let start = 0;
  for (let line = 1; start < text.length || line === 1; line++) {
    if (line > MAX_HEADER_LINES) {
      problems.add({
        kind: "limit",
        field: "#SBATCH",
        line,
        column: 1,
        message: `the script's header is longer than ${MAX_HEADER_LINES} lines; the rest is not read`,
        needs: null,
      });
      break;
    }
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    const next = nl < 0 ? text.length : nl + 1;
    if (end - start > MAX_LINE) {
      const directive = text.startsWith("#SBATCH", start);
      if (directive)
        problems.add({
          kind: "limit",
          field: "#SBATCH",
          line,
          column: 1,
          message: `this #SBATCH line is longer than ${MAX_LINE} characters and is not read`,
          needs: null,
        });
      // A long comment is still a comment; anything else starts the script.
      if (!directive && text.charCodeAt(start) !== 0x23) break;
      start = next;
      continue;
    }
    const raw = text.slice(start, end).replace(/\r$/, "");
    const trimmed = raw.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) break;
    if (raw.startsWith("#SBATCH")) {
      found = true;
      readDirective(raw, line, options, problems);
    }
    start = next;
    if (nl < 0) break;
  }
  return found ? options : null;
}

/** One `#SBATCH` line: options and their values, up to a `#` that starts a trailing comment. */
function readDirective(raw: string, line: number, options: Map<string, Option>, problems: Problems): void {
  const tokens: { text: string; column: number }[] = [];
  const re = /[^\s"']+|"[^"]*"|'[^']*'/g;
  re.lastIndex = 7;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (m[0].startsWith("#")) break;
    tokens.push({ text: m[0].replace(/^["']|["']$/g, ""), column: m.index + 1 });
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let name: string | undefined;
    let value: { text: string; column: number } | undefined;
    if (t.text.startsWith("--")) {
      const eq = t.text.indexOf("=");
      name = eq < 0 ? t.text.slice(2) : t.text.slice(2, eq);
      if (eq >= 0) value = { text: t.text.slice(eq + 1), column: t.column + eq + 1 };
    } else if (t.text.startsWith("-") && t.text.length >= 2) {
      name = SHORT[t.text[1]!];
      if (t.text.length > 2) value = { text: t.text.slice(2).replace(/^=/, ""), column: t.column + 2 };
    }
    if (name === undefined || !USED.has(name)) continue;
    if (!value && tokens[i + 1] && !tokens[i + 1]!.text.startsWith("-")) value = tokens[++i];
    if (!value) {
      problems.add({ kind: "unreadable", field: `#SBATCH --${name}`, line, column: t.column, message: `#SBATCH --${name} has no value`, needs: null });
      continue;
    }
    // Later options win, as in sbatch.
    options.set(name, { value: value.text, origin: { line, column: value.column, field: `#SBATCH --${name}` } });
  }
}

export function readSlurm(text: string, problems: Problems, aliases: Readonly<Record<string, string>>): LaunchJob[] {
  const options = sbatchOptions(text, problems);
  if (!options) return [];
  const reading = new Reading(() => ({ line: 1, column: 1 }), problems, aliases);
  const opt = (name: string) => options.get(name);
  const jobName = opt("job-name");
  const job: LaunchJob = {
    format: "slurm",
    document: 0,
    name: jobName ? reading.text(jobName.value, jobName.origin, null) : null,
    line: 1,
    candidates: [],
    timeLimitHours: null,
    problems: [],
  };
  const time = opt("time");
  if (time) {
    const hours = reading.text(time.value, time.origin, "hours") === null ? null : slurmHours(time.value);
    if (hours === undefined) reading.problem("unreadable", time.origin, `#SBATCH --time=${time.value} is not a Slurm time limit`, null);
    else job.timeLimitHours = hoursLimit(hours, time.origin);
  }
  job.candidates = bounded(gpuCandidates(opt, reading), reading, { line: 1, column: 1, field: "#SBATCH" });
  return [job];
}

/** Hours of a Slurm time limit: `minutes`, `m:s`, `h:m:s`, `d-h`, `d-h:m`, `d-h:m:s`; null for no limit; undefined if unreadable. */
export function slurmHours(value: string): number | null | undefined {
  const v = value.trim();
  if (/^(?:0|infinite|unlimited)$/i.test(v)) return null;
  const m = /^(?:(\d{1,5})-)?(\d{1,7})(?::(\d{1,7}))?(?::(\d{1,7}))?$/.exec(v);
  if (!m) return undefined;
  const [days, a, b, c] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? undefined : Number(x)));
  let minutes: number;
  if (days !== undefined) minutes = days * 1440 + a! * 60 + (b ?? 0) + (c ?? 0) / 60;
  else if (c !== undefined) minutes = a! * 60 + b! + c / 60;
  else minutes = a! + (b ?? 0) / 60;
  return minutes / 60;
}

/** GPUs per node × nodes, a job total, or per task × tasks; the type from the GRES or, failing that, an aliased partition. */
function gpuCandidates(opt: (name: string) => Option | undefined, reading: Reading): LaunchCandidate[] {
  const gres = opt("gres");
  const perNodeOpt = opt("gpus-per-node");
  const total = opt("gpus");
  const perTask = opt("gpus-per-task");
  const spec = gres ? gresGpu(gres, reading) : (perNodeOpt ?? total ?? perTask) ? typedCount(perNodeOpt ?? total ?? perTask!, reading) : null;
  if (!spec) return [{ accelerator: null, count: null, location: null }];
  const which = gres ?? perNodeOpt ?? total ?? perTask!;

  // The accelerator: the GPU type if one is written, else the partition through the manifest's aliases.
  const partitions = opt("partition");
  const types: { written: string; origin: Origin }[] = [];
  if (spec.type !== null) types.push({ written: spec.type, origin: which.origin });
  else if (partitions) {
    const names = (reading.text(partitions.value, partitions.origin, null) ?? "").split(",").filter((p) => p !== "");
    for (const p of names) if (Object.prototype.hasOwnProperty.call(reading.aliases, p)) types.push({ written: p, origin: partitions.origin });
  }
  if (types.length === 0) {
    reading.problem(
      "unreadable",
      which.origin,
      `${which.origin.field} names no GPU type${partitions ? ` and partition ${JSON.stringify(partitions.value.slice(0, 100))} is not in the manifest's aliases` : ""}; state accelerator, or map the site's name with aliases`,
      "accelerator",
    );
  }
  const accelerators = types.length > 0 ? types.map((t) => reading.accelerator(t.written, t.origin)) : [null];

  const counts = countsOf(which, spec.count, opt, reading);
  const out: LaunchCandidate[] = [];
  for (const accelerator of accelerators) for (const count of counts) out.push({ accelerator: accelerator?.accelerator ?? null, count, location: null });
  return out;
}

/** The count variants: one, or the two ends of a node range. */
function countsOf(which: Option, n: number | null, opt: (name: string) => Option | undefined, reading: Reading): (ReturnType<typeof product> | null)[] {
  const name = which.origin.field.slice("#SBATCH --".length);
  const gpus: Factor | null =
    n === null
      ? null
      : {
          value: n,
          label: `${n} GPU${n === 1 ? "" : "s"} (${which.origin.field}${name === "gres" || name === "gpus-per-node" ? " per node" : ""})`,
          origin: which.origin,
        };
  if (name === "gpus") return [product([gpus], reading, which.origin)];
  if (name === "gpus-per-task") {
    const ntasks = opt("ntasks");
    if (ntasks) {
      const t = reading.count(ntasks.value, ntasks.origin);
      return [
        product([gpus, t === null ? null : { value: t, label: `${counted(t, ["task", "tasks"])} (--ntasks)`, origin: ntasks.origin }], reading, which.origin),
      ];
    }
    const perNode = opt("ntasks-per-node");
    if (!perNode) {
      reading.problem(
        "unreadable",
        which.origin,
        "#SBATCH --gpus-per-task needs a task count (--ntasks or --ntasks-per-node) to give a total; state count",
        "count",
      );
      return [null];
    }
    const t = reading.count(perNode.value, perNode.origin);
    const tasks: Factor | null =
      t === null ? null : { value: t, label: `${counted(t, ["task", "tasks"])} per node (--ntasks-per-node)`, origin: perNode.origin };
    return nodeRange(opt, reading).map((nodes) => product([gpus, tasks, nodes], reading, which.origin));
  }
  return nodeRange(opt, reading).map((nodes) => product([gpus, nodes], reading, which.origin));
}

/** `--nodes=N`, a range `min-max` or `min-max:step`, or a list `1,2,4`: its smallest and largest counts. */
function nodeRange(opt: (name: string) => Option | undefined, reading: Reading): (Factor | null)[] {
  const nodes = opt("nodes");
  if (!nodes) return [defaulted(1, "1 node (--nodes not set)")];
  const text = reading.text(nodes.value, nodes.origin, "count");
  if (text === null) return [null];
  let values: number[] = [];
  const range = /^(\d{1,7})(?:-(\d{1,7})(?::(\d{1,7}))?)?$/.exec(text);
  if (range) {
    const min = Number(range[1]);
    const max = range[2] === undefined ? min : Number(range[2]);
    const step = range[3] === undefined ? 1 : Number(range[3]);
    values = step > 0 && max >= min ? [min, min + Math.floor((max - min) / step) * step] : [];
  } else if (/^\d{1,7}(?:,\d{1,7}){1,63}$/.test(text)) {
    const list = text.split(",").map(Number);
    values = [list.reduce((a, b) => Math.min(a, b)), list.reduce((a, b) => Math.max(a, b))];
  }
  if (values.length === 0 || values[0]! < 1 || values[1]! > MAX_COUNT) {
    reading.problem("unreadable", nodes.origin, `#SBATCH --nodes=${text} is not a node count or range; state count`, "count");
    return [null];
  }
  const [min, max] = values as [number, number];
  const factor = (n: number): Factor => ({
    value: n,
    label: `${n} node${n === 1 ? "" : "s"} (--nodes=${text}${min === max ? "" : n === min ? ", fewest" : ", most"})`,
    origin: nodes.origin,
  });
  return min === max ? [factor(min)] : [factor(min), factor(max)];
}

/** `--gres=gpu[:type]:N` (a comma list of resources; the GPU one is read). */
function gresGpu(gres: Option, reading: Reading): { type: string | null; count: number | null } | null {
  const text = reading.text(gres.value, gres.origin, "accelerator");
  if (text === null) return { type: null, count: null };
  const gpus = text.split(",").filter((r) => r === "gpu" || r.startsWith("gpu:"));
  if (gpus.length === 0) return null;
  if (gpus.length > 1) {
    reading.problem("unsupported", gres.origin, "#SBATCH --gres asks for several kinds of GPU per node; state accelerator and count", "accelerator");
    return { type: null, count: null };
  }
  // A socket binding, gpu:2(S:0-1), is not part of the count.
  const paren = gpus[0]!.indexOf("(");
  const parts = (paren < 0 ? gpus[0]! : gpus[0]!.slice(0, paren)).split(":");
  // gpu, gpu:N, gpu:type, gpu:type:N — a count defaults to one.
  const last = parts[parts.length - 1]!;
  const hasCount = parts.length > 1 && /^\d+$/.test(last);
  const type = parts.length === 3 || (parts.length === 2 && !hasCount) ? parts[1]! : null;
  const count = hasCount ? reading.count(last, gres.origin) : 1;
  return { type, count };
}

/** `[type:]N` of --gpus, --gpus-per-node and --gpus-per-task (one type; a list of several is not read). */
function typedCount(option: Option, reading: Reading): { type: string | null; count: number | null } {
  const text = reading.text(option.value, option.origin, "count");
  if (text === null) return { type: null, count: null };
  if (text.includes(",")) {
    reading.problem("unsupported", option.origin, `${option.origin.field} lists several GPU types; state accelerator and count`, "accelerator");
    return { type: null, count: null };
  }
  const colon = text.lastIndexOf(":");
  return { type: colon < 0 ? null : text.slice(0, colon), count: reading.count(colon < 0 ? text : text.slice(colon + 1), option.origin) };
}
