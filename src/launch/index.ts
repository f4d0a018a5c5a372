// The launch-config readers' entry points (docs/launch-configs.md): a config's text in, what it states with file
// positions out. YAML goes through the manifest's front end under LAUNCH_LIMITS; a SLURM script's header is read
// line by line. Loaded only for manifests that read configs.
import type { Finding } from "../findings.js";
import { readYaml, type Position, type YamlLimits } from "../manifest/yaml/index.js";
import { Problems, Reading } from "./common.js";
import { readDstack } from "./dstack.js";
import { readKubernetes, WORKLOAD_KINDS } from "./kubernetes.js";
import { readSkyPilot } from "./skypilot.js";
import { readSlurm } from "./slurm.js";
import type { LaunchFormat, LaunchJob, LaunchRead, LaunchReadOptions } from "./types.js";
import { readVertex } from "./vertex.js";

export * from "./types.js";

/**
 * The manifest's limits, but for documents per file (Kubernetes files hold many) and depth: a JobSet's pod
 * template's node affinity sits 16 collections deep, so configs may nest twice as deep as a manifest.
 */
export const LAUNCH_LIMITS: YamlLimits = { name: "launch config", maxBytes: 1024 * 1024, maxDepth: 32, maxDocuments: 1000 };

const READERS = { skypilot: readSkyPilot, kubernetes: readKubernetes, dstack: readDstack, vertex: readVertex } as const;

export async function readLaunchConfig(text: string, options: LaunchReadOptions = {}): Promise<LaunchRead> {
  const format = options.format ?? recogniseLaunchFormat(text, "");
  const problems = new Problems();
  const aliases = options.aliases ?? {};
  if (format === null) return { format: null, jobs: [], problems: [] };
  if (Buffer.byteLength(text, "utf8") > LAUNCH_LIMITS.maxBytes) {
    problems.add({
      kind: "limit",
      field: "(file)",
      line: 1,
      column: 1,
      message: `the launch config is larger than ${LAUNCH_LIMITS.maxBytes} bytes`,
      needs: null,
    });
    return { format, jobs: [], problems: problems.list };
  }
  if (format === "slurm") return none(split(format, readSlurm(text, problems, aliases), problems));

  const invalid = (message: string, pos: Position = { line: 1, column: 1 }): Finding => ({
    rule: "manifest/invalid",
    severity: "error",
    message,
    file: "",
    ...pos,
  });
  const read = await readYaml(text, LAUNCH_LIMITS, invalid);
  if ("findings" in read) {
    for (const f of read.findings) problems.add({ kind: "unreadable", field: "(file)", line: f.line, column: f.column, message: f.message, needs: null });
    return { format, jobs: [], problems: problems.list };
  }
  const jobs: LaunchJob[] = [];
  read.documents.forEach((doc, i) => {
    const before = problems.list.length;
    const job = READERS[format](doc.data, Reading.yaml(doc.locator, problems, aliases), i, doc.line);
    if (job) {
      job.problems = problems.list.slice(before);
      jobs.push(job);
    }
  });
  return none({ format, jobs, problems: problems.list.filter((p) => !jobs.some((j) => j.problems.includes(p))) });
}

const WHAT: Record<LaunchFormat, string> = {
  skypilot: "SkyPilot task (resources, num_nodes, run)",
  slurm: "#SBATCH line before the script's first command",
  kubernetes: `Kubernetes workload of a kind read here (${WORKLOAD_KINDS.join(", ")})`,
  dstack: "dstack task, service or dev-environment",
  vertex: "Vertex AI workerPoolSpecs",
};

/** A file read in a format (stated or recognised) that holds nothing of it says so. */
function none(read: LaunchRead): LaunchRead {
  if (read.jobs.length > 0 || read.problems.length > 0 || read.format === null) return read;
  const message = `the file holds no ${WHAT[read.format]}`;
  return { ...read, problems: [{ kind: "unsupported", field: "(file)", line: 1, column: 1, message, needs: null }] };
}

/** A SLURM script has one job: its problems are the job's, but for the file's own (over a bound). */
function split(format: LaunchFormat, jobs: LaunchJob[], problems: Problems): LaunchRead {
  const own = problems.list.filter((p) => p.kind !== "limit");
  for (const job of jobs) job.problems = own;
  return { format, jobs, problems: problems.list.filter((p) => !own.includes(p)) };
}

/** Characters of a file looked at to recognise it: formats show themselves in their first lines. */
const SNIFF = 64 * 1024;
const KINDS = new Set<string>(WORKLOAD_KINDS);
const SKYPILOT_KEYS = new Set(["resources", "run", "setup", "num_nodes", "envs", "workdir", "file_mounts", "secrets", "service", "name", "config", "volumes"]);

/**
 * The format of a config by its content (the path only breaks a tie: dstack files end `.dstack.yml`), or null for
 * a file that is none of them. Reads at most SNIFF characters, line by line, without parsing.
 */
export function recogniseLaunchFormat(text: string, path: string): LaunchFormat | null {
  const head = text.slice(0, SNIFF);
  const top = new Set<string>();
  let kind: string | undefined;
  let type: string | undefined;
  let beforeCommand = true;
  for (const raw of head.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (beforeCommand) {
      if (line.startsWith("#SBATCH")) return "slurm";
      if (line.trim() !== "" && !line.trim().startsWith("#")) beforeCommand = false;
    }
    // Top-level keys: `key:` in column 0.
    const m = /^([A-Za-z_][\w-]{0,40}):(?:\s|$)/.exec(line);
    if (!m) continue;
    top.add(m[1]!);
    const value = line.slice(m[0].length).trim();
    if (m[1] === "kind" && KINDS.has(value)) kind = value;
    if (m[1] === "type") type = value;
  }
  if (kind && top.has("apiVersion")) return "kubernetes";
  if (top.has("workerPoolSpecs") || (top.has("jobSpec") && head.includes("workerPoolSpecs:"))) return "vertex";
  if (
    type !== undefined &&
    ["task", "service", "dev-environment"].includes(type) &&
    (/\.dstack\.ya?ml$/.test(path) || top.has("commands") || top.has("resources"))
  )
    return "dstack";
  const keys = [...top];
  if (
    keys.length > 0 &&
    (top.has("resources") || top.has("num_nodes")) &&
    (top.has("run") || top.has("setup") || top.has("num_nodes")) &&
    keys.every((k) => SKYPILOT_KEYS.has(k))
  ) {
    return "skypilot";
  }
  return null;
}
