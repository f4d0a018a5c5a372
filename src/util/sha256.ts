// SHA-256 for the sticky comments' marker and digest lines. node:crypto takes longer to load than a whole small
// check, and only commenting needs it, so it is loaded on first use rather than at start-up.
import { createRequire } from "node:module";

const requireBuiltin = createRequire(import.meta.url);

/** The SHA-256 of `text` (UTF-8), in lowercase hex. */
export function sha256Hex(text: string): string {
  const { createHash } = requireBuiltin("node:crypto") as typeof import("node:crypto");
  return createHash("sha256").update(text).digest("hex");
}
