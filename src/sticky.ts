// The two hidden lines a sticky comment starts with, the same on GitHub and GitLab: the marker says which comment is
// ours (one per key), the digest line what it shows, so an unchanged report is not rewritten (the footer changes on
// every run). The digest line follows the marker, so that any shortening of the body keeps both.
import { sha256Hex } from "./util/sha256.js";

const DIGEST_LINE = /^<!-- footprint-gate:digest=([0-9a-f]{64}) -->$/;

/** The first line of our comments; `parts` say what the comment covers (workflow, manifests, a user's key). */
export function markerLine(parts: readonly string[]): string {
  return `<!-- footprint-gate:v1 key=${sha256Hex(parts.join("\0")).slice(0, 12)} -->`;
}

/** The second line of our comments. */
export const digestLine = (digest: string): string => `<!-- footprint-gate:digest=${digest} -->`;

/** Whether `body` starts with `marker`, and if so the digest its second line carries (null when it has none). */
export function readSticky(body: string, marker: string): { digest: string | null } | null {
  if (!body.startsWith(`${marker}\n`)) return null;
  const second = body.slice(marker.length + 1).split("\n", 1)[0]!;
  return { digest: DIGEST_LINE.exec(second)?.[1] ?? null };
}
