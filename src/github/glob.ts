// Manifest globs (`**/footprint.yml`, `models/*/footprint.{yml,yaml}`), matched against repository paths.
// Patterns are translated to regular expressions here, character by character: no user regex is ever compiled.
import { readdirSync } from "node:fs";
import { join } from "node:path";

const SKIP = new Set([".git", "node_modules"]);
const MAX_FILES = 200_000;

export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

export function globToRegExp(pattern: string): RegExp {
  let re = "";
  let braces = 0;
  const p = pattern.replace(/^\.\//, "");
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "*") {
      if (p[i + 1] === "*") {
        // `**/` matches any number of folders, including none.
        const slash = p[i + 2] === "/";
        re += slash ? "(?:[^/]+/)*" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else re += c.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  if (braces > 0) throw new Error(`unbalanced { in the manifest pattern ${JSON.stringify(pattern)}`);
  return new RegExp(`^${re}$`);
}

/** Repository-relative POSIX paths of the files under `root` that match `pattern`, sorted. */
export function expandGlob(root: string, pattern: string): string[] {
  const re = globToRegExp(pattern);
  const out: string[] = [];
  let seen = 0;
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (++seen > MAX_FILES) return;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) walk(join(dir, entry.name), path);
      } else if (entry.isFile() && re.test(path)) out.push(path);
    }
  };
  walk(root, "");
  return out.sort();
}
