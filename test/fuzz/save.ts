// Fuzz cases written to .fuzz/ (git-ignored) so they can be replayed with the CLI, and a hang guard.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import { ROOT, materialize, type Violation } from "./check.js";
import type { Case } from "./mutate.js";

export const FUZZ_DIR = join(ROOT, ".fuzz");

/** Cases as JSON that keeps NaN, ±Infinity and -0 (JSON has none of them). */
export function encodeCase(c: Case, space?: number): string {
  return JSON.stringify(
    c,
    (_k, v: unknown) => (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0)) ? { $number: Object.is(v, -0) ? "-0" : String(v) } : v),
    space,
  );
}

export function decodeCase(text: string): Case {
  const parsed = JSON.parse(text, (_k, v: unknown) =>
    v !== null && typeof v === "object" && "$number" in v ? Number((v as { $number: string }).$number) : v,
  ) as Case | { case: Case };
  return "case" in parsed ? parsed.case : parsed;
}

/** Writes the case (case.json) and its mutated files at their repository paths under `dir`; returns the manifests' paths. */
export function saveCase(dir: string, c: Case, info: Record<string, unknown>): { head: string; base: string } {
  rmSync(dir, { recursive: true, force: true });
  const m = materialize(c);
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  // The base gets its own name when the example is its own base (the root manifest).
  const baseRel = m.example.base === m.example.manifest ? m.example.manifest.replace(/\.yml$/, ".base.yml") : m.example.base;
  write(m.example.manifest, m.head);
  write(baseRel, m.base);
  for (const [rel, text] of m.overlay) write(rel, text);
  const head = join(dir, m.example.manifest);
  const base = join(dir, baseRel);
  const replay = `node dist/cli.js check ${relative(ROOT, head)} --base ${relative(ROOT, base)} --format markdown`;
  write("case.json", `{\n"replay": ${JSON.stringify(replay)},\n"info": ${JSON.stringify(info)},\n"case": ${encodeCase(c, 2)}\n}\n`);
  return { head, base };
}

export function describeViolations(vs: readonly Violation[]): string {
  const by = new Map<string, string[]>();
  for (const v of vs) by.set(v.property, [...(by.get(v.property) ?? []), v.detail]);
  return [...by].map(([p, ds]) => `- ${p}: ${ds[0]}${ds.length > 1 ? ` (+${ds.length - 1} more)` : ""}`).join("\n");
}

/**
 * A case that runs past `ms` (a hang, not a slow case: the budget is generous) cannot be interrupted in process, as the
 * work is synchronous. A watchdog thread saves it to .fuzz/hang and ends the process, so CI fails instead of hanging.
 */
export function hangGuard(ms: number): { start(c: Case): void; stop(): void; close(): void } {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const fs = require("node:fs");
    let timer = null;
    parentPort.on("message", (m) => {
      clearTimeout(timer);
      if (m.case === undefined) return;
      timer = setTimeout(() => {
        fs.mkdirSync(workerData.dir, { recursive: true });
        fs.writeFileSync(workerData.dir + "/hang.json", m.case);
        fs.writeSync(2, "\\nfuzz: a case ran longer than " + workerData.ms + " ms (a hang), seed " + workerData.seed + "; saved to .fuzz/hang.json (replay: FUZZ_REPLAY=.fuzz/hang.json npx vitest run test/fuzz.test.ts)\\n");
        process.kill(process.pid, "SIGKILL");
      }, workerData.ms);
    });`;
  const worker = new Worker(code, { eval: true, workerData: { ms, dir: FUZZ_DIR, seed: process.env.FUZZ_SEED ?? "default" } });
  worker.unref();
  return {
    start: (c) => worker.postMessage({ case: encodeCase(c) }),
    stop: () => worker.postMessage({}),
    close: () => void worker.terminate(),
  };
}
