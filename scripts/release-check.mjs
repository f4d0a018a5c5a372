// Checks a release tag before anything is published: `node scripts/release-check.mjs vX.Y.Z`, run at the root of a
// clone with the tags fetched, the tag checked out. The tag must be `v` + package.json's version, point at HEAD, and
// CHANGELOG.md's newest released entry must be that version with its date and link. Prints what the release
// workflow needs (also to $GITHUB_OUTPUT): the version, the commit, the floating major tag (v1) and whether to move it,
// and the npm dist-tag. A patch to an older line never pulls v1 (or npm's `latest`) back: v1 stays when a newer v1.x.y
// exists, and the package goes to `release-N` instead of `latest` when a newer release of any major exists.
import { execFileSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";

const SEMVER_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const RELEASED = /^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/;

function git(...args) {
  return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function parts(tag) {
  const m = SEMVER_TAG.exec(tag);
  return m ? m.slice(1).map(Number) : null;
}

function newer(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** The problems with CHANGELOG.md for `version` (none when its newest released entry is `version`, dated, linked). */
function changelogProblems(text, version) {
  const lines = text.split(/\r?\n/);
  const problems = [];
  const headings = lines.filter((l) => l.startsWith("## "));
  const released = headings.map((l) => RELEASED.exec(l)).filter(Boolean);
  const entry = released.find((m) => m[1] === version);
  if (!entry) {
    const undated = headings.find((l) => l.startsWith(`## [${version}]`));
    problems.push(
      undated
        ? `CHANGELOG.md: "${undated}" is not "## [${version}] - YYYY-MM-DD"`
        : `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" entry (move the Unreleased notes under it)`,
    );
  } else {
    const date = new Date(`${entry[2]}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== entry[2]) problems.push(`CHANGELOG.md: ${entry[2]} is not a date`);
    if (released[0] !== entry) problems.push(`CHANGELOG.md: the newest released entry is ${released[0][1]}, not ${version}`);
  }
  if (!lines.some((l) => l.startsWith(`[${version}]: https://`))) problems.push(`CHANGELOG.md has no link reference "[${version}]: https://…"`);
  return problems;
}

const tag = process.argv[2] ?? process.env.GITHUB_REF_NAME ?? "";
const problems = [];
const version = parts(tag) ? tag.slice(1) : null;
if (!version) problems.push(`${JSON.stringify(tag)} is not a release tag vX.Y.Z`);

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
if (version && pkg.version !== version) problems.push(`package.json has version ${pkg.version}, the tag says ${version}: the tag must be v${pkg.version}`);
problems.push(...changelogProblems(readFileSync("CHANGELOG.md", "utf8"), version ?? pkg.version));

let sha = "";
if (version) {
  try {
    sha = git("rev-parse", "--verify", "--end-of-options", `refs/tags/${tag}^{commit}`);
  } catch {
    problems.push(`there is no tag ${tag} in this clone (fetch the tags)`);
  }
  if (sha && sha !== git("rev-parse", "HEAD")) problems.push(`${tag} is ${sha}, but HEAD is ${git("rev-parse", "HEAD")}: check out the tag`);
}

if (problems.length > 0) {
  for (const p of problems) console.log(`::error::${p}`);
  process.exit(1);
}

const mine = parts(tag);
const major = `v${mine[0]}`;
const newerTags = git("tag", "--list", "v*")
  .split("\n")
  .map((t) => ({ t, p: parts(t) }))
  .filter(({ p }) => p && newer(p, mine));
const newerInMajor = newerTags.filter(({ p }) => p[0] === mine[0]).map(({ t }) => t);
const moveMajor = newerInMajor.length === 0;
const npmTag = newerTags.length === 0 ? "latest" : `release-${mine[0]}`;
const outputs = { version, sha, major, "move-major": String(moveMajor), "npm-tag": npmTag };
if (process.env.GITHUB_OUTPUT)
  appendFileSync(
    process.env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );
console.log(`${tag} (${sha}) is ready to release: package.json and CHANGELOG.md agree`);
console.log(
  moveMajor ? `${major} moves to ${sha}` : `${major} stays: ${newerInMajor.join(", ")} ${newerInMajor.length === 1 ? "is" : "are"} newer than ${tag}`,
);
for (const [k, v] of Object.entries(outputs)) console.log(`${k}=${v}`);
