#!/usr/bin/env node
// A long fuzz campaign: `npm run fuzz [-- RUNS [SEED]]` (or FUZZ_RUNS / FUZZ_SEED). The seed is random unless given and
// is printed; the slowest inputs and every shrunk counterexample are saved under .fuzz/ (git-ignored).
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";

const [runsArg, seedArg] = process.argv.slice(2);
const runs = runsArg ?? process.env.FUZZ_RUNS ?? "100000";
const seed = seedArg ?? process.env.FUZZ_SEED ?? String(randomInt(2 ** 31 - 1));
console.log(`fuzz: ${runs} cases, seed ${seed} (replay with: npm run fuzz -- ${runs} ${seed})`);
const r = spawnSync("npx", ["vitest", "run", "test/fuzz.test.ts", "--testTimeout=0", "--silent=false"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exitCode = r.status ?? 1;
