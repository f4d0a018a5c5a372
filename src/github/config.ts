// Every input of action.yml, read once into one typed, validated config.
import * as core from "@actions/core";
import type { BadgeMetric } from "../render/badge.js";
import type { FailOn } from "../report.js";
import type { CommentMode, CommentOn } from "./comment.js";

export interface Config {
  manifests: string[];
  token: string;
  comment: CommentMode;
  commentOn: CommentOn;
  deleteWhenClean: boolean;
  failOn: FailOn;
  baseRef: string;
  badgePath: string;
  badgeMetric: BadgeMetric;
  summary: boolean;
  /** Two-workflow mode: a report JSON made by a pull_request run, to comment from. */
  report: string;
  commentKey: string;
  /** Keep a record of each default-branch run on `historyBranch`, and show its trend on pull requests. */
  history: boolean;
  historyBranch: string;
}

export class InputError extends Error {}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name) || fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`input ${name} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
  }
  return value as T;
}

function flag(name: string, fallback: boolean): boolean {
  try {
    return core.getInput(name) === "" ? fallback : core.getBooleanInput(name);
  } catch {
    throw new InputError(`input ${name} must be true or false`);
  }
}

export function readConfig(): Config {
  const token = core.getInput("github-token");
  // Registered first, so that nothing logged later can show it; each part too, should it hold a line break.
  for (const secret of new Set([token, ...token.split(/\s+/)])) if (secret) core.setSecret(secret);
  // getInput trims it; what is left must be a token alone before it reaches a header.
  if (!/^[\x21-\x7e]*$/.test(token))
    throw new InputError("input github-token contains a space, a line break or another character a token never has; pass the token alone");
  const summary = flag("summary", true);
  const manifests = core
    .getInput("manifest")
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const commentKey = core.getInput("comment-key");
  if (!/^[A-Za-z0-9._-]{0,64}$/.test(commentKey)) throw new InputError("input comment-key may use letters, digits, '.', '_' and '-' (at most 64)");
  const historyBranch = core.getInput("history-branch") || "footprint-gate-data";
  // A plain branch name: nothing git could read as an option, a range or a path out of refs/heads.
  if (!/^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]{1,100}(?<![./])$/.test(historyBranch))
    throw new InputError("input history-branch must be a branch name of letters, digits, '.', '_', '-' and '/' (at most 100)");
  return {
    manifests: manifests.length > 0 ? manifests : ["footprint.yml"],
    token,
    comment: choice<CommentMode>("comment", ["update", "recreate", "hide-and-new", "new", "off"], "update"),
    commentOn: choice<CommentOn>("comment-on", ["always", "change", "failure"], "always"),
    deleteWhenClean: flag("delete-when-clean", false),
    failOn: choice("fail-on", ["error", "warning", "never"], "error"),
    baseRef: core.getInput("base-ref"),
    badgePath: core.getInput("badge-path"),
    badgeMetric: choice<BadgeMetric>("badge-metric", ["co2e", "energy"], "co2e"),
    summary,
    report: core.getInput("report"),
    commentKey,
    history: flag("history", false),
    historyBranch,
  };
}
