// Launch configs that no entry reads (docs/manifest.md, "Reading launch configs"): a config the change touches
// (or, without a base, one in the repository) that no manifest's entry reads is a warning, so a new training job
// cannot arrive unseen. Configs are recognised by their content; the reading is bounded in files, bytes and time.
import { posix } from "node:path";
import picomatch from "picomatch";
import type { Finding } from "../findings.js";
import type { LaunchFormat } from "./types.js";

/** The files of the head a scan may look at, as the adapter reads them (work tree, checkout). */
export interface LaunchFiles {
  /** A path of the change's list of files (as the base side names it) as a repository path. */
  repoPath(changed: string): string;
  /** Every file of the repository (symlinks, .git and node_modules left out), and why the list stops early, if it does. */
  present(): { paths: string[]; truncated: string | null };
  /** The file's text, at most `maxBytes`; null when it is absent, larger, not a regular file or not UTF-8 text. */
  read(path: string, maxBytes: number): Promise<string | null>;
  /** How a repository path is shown in findings. */
  display(path: string): string;
}

/** What one evaluated manifest says about launch configs. */
export interface ConfigUse {
  /** The manifest as reports name it, and as a repository path. */
  manifest: string;
  self: string;
  /** The manifest's folder, as a repository path ("" at the root). */
  dir: string;
  /** Repository paths of the configs its entries read. */
  read: ReadonlySet<string>;
  /** Its launch_configs.ignore globs, relative to its folder. */
  ignore: readonly string[];
}

/** Limits of one scan: a repository full of large YAML files costs a bounded, small time. */
export const SCAN_LIMITS = { files: 2000, fileBytes: 1024 * 1024, totalBytes: 32 * 1024 * 1024, ms: 3000, pathLength: 1024 } as const;

/**
 * The unread configs among `scope`: the change's files, the files in the folders of the manifests that read or
 * ignore configs, or every file of the repository. Each warning goes to the use (manifest) whose folder holds the
 * config, else the first; `path` is the config's repository path (null on the notice that the scan stopped early).
 */
export async function unreadConfigs(
  files: LaunchFiles,
  scope: readonly string[] | "folders" | "repository",
  uses: readonly ConfigUse[],
  recognise: (text: string, path: string) => LaunchFormat | null,
  now: () => number = () => performance.now(),
): Promise<{ use: number; path: string | null; finding: Finding }[]> {
  const changed = typeof scope === "string" ? null : scope;
  const listing = changed === null ? files.present() : { paths: [...changed], truncated: null };
  if (scope === "folders") {
    const dirs = uses.filter((u) => u.read.size > 0 || u.ignore.length > 0).map((u) => u.dir);
    listing.paths = listing.paths.filter((p) => dirs.some((d) => d === "" || p.startsWith(`${d}/`)));
  }
  // The manifests themselves and the configs their entries read are not looked at.
  const read = new Set<string>();
  for (const u of uses) {
    read.add(u.self);
    for (const p of u.read) read.add(p);
  }
  // Each glob is joined to its manifest's folder; picomatch without extglobs, the patterns' wildcards bounded (manifest/rules.ts).
  const ignored = uses.flatMap((u) => u.ignore.map((g) => picomatch(u.dir ? `${u.dir}/${g}` : g, { dot: true, noextglob: true })));
  const out: { use: number; path: string | null; finding: Finding }[] = [];
  const start = now();
  let bytes = 0;
  let looked = 0;
  let stopped: string | null = listing.truncated;
  for (const path of listing.paths.sort()) {
    if (read.has(path) || path.length > SCAN_LIMITS.pathLength) continue;
    if (looked >= SCAN_LIMITS.files || bytes >= SCAN_LIMITS.totalBytes || now() - start > SCAN_LIMITS.ms) {
      stopped = `only the first ${looked} files were checked for launch configs that no entry reads`;
      break;
    }
    looked++;
    const text = await files.read(path, SCAN_LIMITS.fileBytes);
    if (text === null) continue;
    bytes += text.length;
    const format = recognise(text, path);
    if (format === null || ignored.some((m) => m(path))) continue;
    const use = owner(uses, path);
    const { dir, read: reads } = uses[use]!;
    const what = changed === null ? "in the repository" : "changed by this change";
    // A manifest that reads no config yet is told of the command that drafts entries from the configs.
    const draft = reads.size === 0 ? "; footprint-gate init draft.yml in the manifest's folder drafts an entry for each config" : "";
    out.push({
      use,
      path,
      finding: {
        rule: "config/unread",
        severity: "warning",
        message: `a ${FORMAT_NAMES[format]} launch config ${what} that no entry reads: add an entry with from: ${posix.relative(dir, path)}, or list it in launch_configs.ignore${draft}`,
        file: files.display(path),
        line: 1,
        column: 1,
      },
    });
  }
  if (stopped !== null && uses.length > 0) {
    out.push({ use: 0, path: null, finding: { rule: "config/unread", severity: "notice", message: stopped, file: uses[0]!.manifest, line: 1, column: 1 } });
  }
  return out;
}

const FORMAT_NAMES: Record<LaunchFormat, string> = { skypilot: "SkyPilot", slurm: "SLURM", kubernetes: "Kubernetes", dstack: "dstack", vertex: "Vertex AI" };

/** The use whose folder is the deepest one holding `path`; the first use when none does. */
function owner(uses: readonly ConfigUse[], path: string): number {
  let best = 0;
  let depth = -1;
  uses.forEach((u, i) => {
    if ((u.dir === "" || path.startsWith(`${u.dir}/`)) && u.dir.length > depth) {
      best = i;
      depth = u.dir.length;
    }
  });
  return best;
}
