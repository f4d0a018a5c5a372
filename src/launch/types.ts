// What a launch config states, as the readers in this folder return it (docs/manifest.md, "Reading launch
// configs"). The readers are pure: text in, facts with their positions out; nothing is expanded or executed.

export const LAUNCH_FORMATS = ["skypilot", "slurm", "kubernetes", "dstack", "vertex"] as const;
export type LaunchFormat = (typeof LAUNCH_FORMATS)[number];

/** Where in the config a value is stated: 1-based line and column of the value, and the field as the format names it. */
export interface Origin {
  line: number;
  column: number;
  /** `resources.accelerators`, `#SBATCH --gres`, `spec.template.spec.containers[0].resources.limits.nvidia.com/gpu` … */
  field: string;
}

/** A value the config states, with where. */
export interface Stated<T> {
  value: T;
  origin: Origin;
}

/** The accelerator a config names. */
export interface StatedAccelerator {
  /** As written in the config (`H100`, `nvidia-h100-80gb`, `gpu:a100_80gb`, `p5.48xlarge`). */
  written: string;
  /** The catalogue id it resolves to, or null when the format's vocabulary and the catalogue do not know it. */
  id: string | null;
  /** An assumption made in resolving it ("SkyPilot's A100 is the 40 GB part"; "H100 read as SXM"), or null. */
  note: string | null;
  origin: Origin;
}

/** The number of accelerators, as a product of stated factors ("8 per node × 2 nodes"). */
export interface StatedCount {
  value: number;
  /** Each factor with its origin; a factor the format defaults (one node) has origin null and says so in `label`. */
  factors: { value: number; label: string; origin: Origin | null }[];
}

/** One way the job can run: a candidate of `any_of`, one member of a set, one end of a node range … */
export interface LaunchCandidate {
  accelerator: StatedAccelerator | null;
  count: StatedCount | null;
  /** A manifest location (`aws:us-east-1`, `gcp:us-central1`, `nebius:eu-north1`), or null when the config names no place. */
  location: Stated<string> | null;
}

/** Something in the config that could not be read as a value: never replaced by a default. */
export interface LaunchProblem {
  kind: "templated" | "unreadable" | "unsupported" | "limit";
  /** The field as the format names it. */
  field: string;
  line: number;
  column: number;
  /** Says what was found and what to write in the manifest instead. */
  message: string;
  /** What the manifest entry must state for the problem not to matter (`accelerator`, `count`, `location`, `hours`), or null. */
  needs: "accelerator" | "count" | "location" | "hours" | null;
}

/** One job (task, workload, pool set) of a config file. */
export interface LaunchJob {
  format: LaunchFormat;
  /** 0-based document index in a multi-document file (always 0 for SLURM). */
  document: number;
  /** The job's own name where the format has one (`name:`, `metadata.name`, `--job-name`), else null. */
  name: string | null;
  /** Where the job starts in the file. */
  line: number;
  /** At least one; several where the config leaves a choice (budgets check the largest). */
  candidates: LaunchCandidate[];
  /** A stated wall-clock limit in hours (`#SBATCH --time`, `activeDeadlineSeconds`, `max_duration`, `scheduling.timeout`). */
  timeLimitHours: Stated<number> | null;
  problems: LaunchProblem[];
}

/** A whole config file read. `jobs` is empty when the file is not a launch config of any known format. */
export interface LaunchRead {
  format: LaunchFormat | null;
  jobs: LaunchJob[];
  /** Problems of the file as a whole (not YAML, too large, too many documents …). */
  problems: LaunchProblem[];
}

export interface LaunchReadOptions {
  /** Format stated in the manifest; otherwise recognised from the content. */
  format?: LaunchFormat;
  /** Site names (SLURM GRES types, partitions) → catalogue ids, from the manifest's `aliases`. */
  aliases?: Readonly<Record<string, string>>;
}

// The readers' entry points (./index.ts):
//   readLaunchConfig(text: string, options?: LaunchReadOptions): Promise<LaunchRead>  — async, as YAML goes through
//     the manifest's front end (src/manifest/yaml/), which loads the yaml library only when it is needed
//   recogniseLaunchFormat(text: string, path: string): LaunchFormat | null   — by content (path only as a hint)
