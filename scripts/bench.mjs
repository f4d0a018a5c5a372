// `npm run bench`: wall time of `node dist/cli.js check` against bare `node -e 0`, peak memory and output size.
// Goals: 5 entries within 1.5× bare start-up; 10,000 entries within 6× and under 150 MiB (text report); the
// 10,000-entry JSON report (`--format json`) within 10× and at most 10 MB; 20 entries that read SkyPilot launch
// configs within 2× the same manifest written out by hand.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 21);
const dir = mkdtempSync(join(tmpdir(), "fg-bench-"));

const ACCELERATORS = ["nvidia-h100-sxm", "A100-SXM4-80GB", "nvidia-l4", "H100 80GB HBM3", "amd-mi300x"];
const LOCATIONS = ["gcp:us-central1", "aws:us-east-1", "azure:westeurope", "FR", "zone:US-CAL-CISO"];

function manifest(entries) {
  const lines = ["version: 1", "project: bench", "defaults: { location: gcp:europe-west4 }", "training:"];
  for (let i = 0; i < entries; i++) {
    lines.push(`  - { id: run-${i}, accelerator: ${ACCELERATORS[i % 5]}, count: ${8 + (i % 64)}, hours: ${1 + (i % 200)}, location: "${LOCATIONS[i % 5]}" }`);
  }
  lines.push("budget: { energy_kwh: 1e12, run: { energy_kwh: 1e9 } }");
  return lines.join("\n") + "\n";
}

function wall(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Bytes the command writes to standard output, in MB (10^6 bytes). */
function outputMB(args) {
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout.length / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function peakRssMiB(args) {
  // The child reports its own peak resident set size when it exits. A CommonJS preload (--require), as the
  // bundle is CommonJS: an --import hook would start Node's ES module loader too, and count its memory.
  const hook = join(dir, "rss-hook.cjs");
  writeFileSync(hook, "process.on('exit',()=>process.stderr.write('RSS '+process.resourceUsage().maxRSS+'\\n'))\n");
  const r = spawnSync(process.execPath, ["--require", hook, ...args], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const kb = Number(/RSS (\d+)/.exec(r.stderr)?.[1]);
  return kb / 1024;
}

const CASES = [
  { entries: 5, format: "text", goal: 1.5 },
  { entries: 10_000, format: "text", goal: 6, rssGoal: 150 },
  { entries: 10_000, format: "json", goal: 10, sizeGoal: 10 },
];

try {
  const rows = [];
  for (const { entries: n, format, goal, rssGoal, sizeGoal } of CASES) {
    const file = join(dir, `footprint-${n}.yml`);
    writeFileSync(file, manifest(n));
    const args = [cli, "check", file, ...(format === "json" ? ["--format", "json"] : [])];
    const bare = [];
    const check = [];
    wall(["-e", "0"]);
    wall(args);
    // Interleaved so that machine noise hits both alike.
    for (let i = 0; i < runs; i++) {
      bare.push(wall(["-e", "0"]));
      check.push(wall(args));
    }
    const b = median(bare);
    const c = median(check);
    rows.push({
      entries: n,
      format,
      bare_ms: b,
      check_ms: c,
      ratio: c / b,
      peak_rss_mib: peakRssMiB(args),
      output_mb: outputMB(args),
      goal,
      rssGoal,
      sizeGoal,
    });
  }
  console.log(`node ${process.version}, ${runs} interleaved runs each, medians\n`);
  console.log("entries   format   node -e 0   check      ratio   goal   peak RSS               output");
  for (const r of rows) {
    const rss = `${r.peak_rss_mib.toFixed(1)} MiB${r.rssGoal ? ` (≤ ${r.rssGoal})` : ""}`;
    const size = `${r.output_mb.toFixed(2)} MB${r.sizeGoal ? ` (≤ ${r.sizeGoal})` : ""}`;
    console.log(
      `${String(r.entries).padStart(7)}   ${r.format.padEnd(6)}   ${r.bare_ms.toFixed(1).padStart(6)} ms   ${r.check_ms.toFixed(1).padStart(6)} ms   ${r.ratio.toFixed(2).padStart(5)}×   ${`${r.goal}×`.padStart(4)}   ${rss.padEnd(20)}   ${size}`,
    );
  }

  // The same 20 entries read from launch configs and written out by hand, each in a folder of its own.
  const fromDir = join(dir, "from");
  const handDir = join(dir, "hand");
  mkdirSync(join(fromDir, "sky"), { recursive: true });
  mkdirSync(handDir);
  const head = ["version: 1", "project: bench", "training:"];
  const fromLines = [...head];
  const handLines = [...head];
  for (let i = 0; i < 20; i++) {
    const gpus = 1 + (i % 8);
    writeFileSync(
      join(fromDir, "sky", `task-${i}.yaml`),
      `name: task-${i}\nresources:\n  accelerators: H100:${gpus}\n  infra: aws/us-east-1\nnum_nodes: 2\nrun: python train.py\n`,
    );
    fromLines.push(`  - { id: task-${i}, from: sky/task-${i}.yaml, accelerator: nvidia-h100-sxm, hours: ${1 + i} }`);
    handLines.push(`  - { id: task-${i}, accelerator: nvidia-h100-sxm, count: ${gpus * 2}, location: aws:us-east-1, hours: ${1 + i} }`);
  }
  writeFileSync(join(fromDir, "footprint.yml"), fromLines.join("\n") + "\n");
  writeFileSync(join(handDir, "footprint.yml"), handLines.join("\n") + "\n");
  const fromArgs = [cli, "check", join(fromDir, "footprint.yml")];
  const handArgs = [cli, "check", join(handDir, "footprint.yml")];
  const fromMs = [];
  const handMs = [];
  wall(fromArgs);
  wall(handArgs);
  for (let i = 0; i < runs; i++) {
    handMs.push(wall(handArgs));
    fromMs.push(wall(fromArgs));
  }
  const h = median(handMs);
  const f = median(fromMs);
  console.log(`\n20 entries from SkyPilot launch configs: ${f.toFixed(1)} ms, by hand ${h.toFixed(1)} ms: ${(f / h).toFixed(2)}× (goal ≤ 2×)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
