// Writing the badge into its folder, behind both entry points (the CLI's `badge --out`, the action's `badge-path`).
// They differ only in how the folder's paths are confined and how a failure is worded: the paths come in through
// a BadgeFolder, and a failure goes out as a BadgeWriteError for the entry point to word.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { badgeFiles, badgeOf, type Badge, type BadgeFile, type BadgeMetric } from "./render/badge.js";
import { exitCode, type Report } from "./report.js";
import { fsReason, writeRegularFile } from "./sources.js";

/** The folder a badge is written into, as an entry point places it. */
export interface BadgeFolder {
  /** The folder as the user named it: failures name it, and the files in it, this way. */
  path: string;
  /** The folder to create; throws the entry point's own error to refuse it (outside the workspace…). */
  dir(): string;
  /** Where to write `name`; confined like the folder, since a symlink committed in the folder may lead elsewhere. */
  file(name: BadgeFile): string;
}

/** The folder cannot be created, or a file in it cannot be written. `path` is as the user would name it. */
export class BadgeWriteError extends Error {
  readonly reason: string;
  constructor(
    readonly target: "folder" | "file",
    readonly path: string,
    cause: unknown,
  ) {
    const reason = fsReason(cause);
    super(`${path}: ${reason}`, { cause });
    this.reason = reason;
  }
}

/** What was written: nothing, or the badge and where each of its files went. */
export type BadgeWrite = { written: false } | { written: true; badge: Badge; files: Record<BadgeFile, string> };

/**
 * Writes footprint.svg and footprint.json into the folder, creating it. Nothing at all, not even the folder, when a
 * manifest cannot be evaluated: a badge of the others' total would be a misleading one. Never writes through a
 * symlink; throws BadgeWriteError for what the file system refuses, and lets the folder's own refusals through.
 */
export async function writeBadge(report: Report, metric: BadgeMetric, folder: BadgeFolder): Promise<BadgeWrite> {
  if (exitCode(report, "never") === 2) return { written: false };
  const dir = folder.dir();
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new BadgeWriteError("folder", folder.path, err);
  }
  const badge = badgeOf(report, metric);
  const contents = await badgeFiles(badge);
  const write = (name: BadgeFile): string => {
    const file = folder.file(name);
    try {
      writeRegularFile(file, contents[name]);
    } catch (err) {
      throw new BadgeWriteError("file", join(folder.path, name), err);
    }
    return file;
  };
  const files = { "footprint.svg": write("footprint.svg"), "footprint.json": write("footprint.json") };
  return { written: true, badge, files };
}
