// Entries that read a launch config, settled through a stand-in reader: its "config" is the LaunchRead itself as
// JSON, so these tests pin what the integration does with each kind of reading, whatever the format.
import { describe, expect, it, vi } from "vitest";
import type { LaunchCandidate, LaunchJob, LaunchRead } from "../src/launch/types.js";
import { HEAD, report, source } from "./helpers.js";
import { evaluate } from "../src/evaluate.js";
import { runAssumptions } from "../src/report.js";

vi.mock("../src/launch/index.js", () => ({
  readLaunchConfig: async (text: string): Promise<LaunchRead> => JSON.parse(text) as LaunchRead,
  recogniseLaunchFormat: () => null,
}));

const o = (line: number, field: string) => ({ line, column: 3, field });
function candidate(written: string, id: string | null, perNode: number, nodes: number, location: string | null = null): LaunchCandidate {
  return {
    accelerator: { written, id, note: null, origin: o(5, "resources.accelerators") },
    count: {
      value: perNode * nodes,
      factors: [
        { value: perNode, label: `${perNode} per node`, origin: o(5, "resources.accelerators") },
        { value: nodes, label: `${nodes} nodes`, origin: o(9, "num_nodes") },
      ],
    },
    location: location === null ? null : { value: location, origin: o(4, "resources.infra") },
  };
}
function config(job: Partial<LaunchJob> = {}, candidates = [candidate("H100", "nvidia-h100-sxm", 8, 2, "aws:us-east-1")]): string {
  const read: LaunchRead = {
    format: "skypilot",
    problems: [],
    jobs: [{ format: "skypilot", document: 0, name: "train", line: 1, candidates, timeLimitHours: null, problems: [], ...job }],
  };
  return JSON.stringify(read);
}
const entry = (extra = "") => `${HEAD}training:\n  - id: train\n    from: sky/train.yaml\n    hours: 10\n${extra}`;

describe("an entry that reads a launch config", () => {
  it("takes the accelerator, count and location the config states, each with its file and line", async () => {
    const r = await report(entry(), { "sky/train.yaml": config() });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.runs[0]!.inputs).toMatchObject({ accelerator: "nvidia-h100-sxm", count: 16, location: "aws:us-east-1", accelerator_hours: 160 });
    const sources = runAssumptions(r, r.runs[0]!).map((a) => `${a.name}=${a.value} ← ${a.source}`);
    expect(sources).toContain("accelerator=nvidia-h100-sxm ← sky/train.yaml:5 resources.accelerators");
    expect(sources).toContain("count=16 ← sky/train.yaml:5 8 per node × sky/train.yaml:9 2 nodes");
    expect(sources).toContain("location=aws:us-east-1 ← sky/train.yaml:4 resources.infra");
  });

  it("gives the same figures as the entry written out by hand", async () => {
    const byHand = await report(`${HEAD}training:\n  - { id: train, accelerator: nvidia-h100-sxm, count: 16, hours: 10, location: aws:us-east-1 }\n`);
    const read = await report(entry(), { "sky/train.yaml": config() });
    expect(read.totals).toEqual(byHand.totals);
  });

  it("reports drift when the entry states another count, naming both values and both places", async () => {
    const r = await report(entry("    count: 8\n"), { "sky/train.yaml": config() });
    const drift = r.findings.find((f) => f.rule === "config/drift")!;
    expect(drift).toMatchObject({ severity: "error", line: 7 });
    expect(drift.message).toContain("count 8 here");
    expect(drift.message).toContain("16 (sky/train.yaml:5 8 per node × sky/train.yaml:9 2 nodes)");
    expect(r.runs[0]!.inputs.count).toBe(16);
    expect(r.verdict).toBe("fail");
  });

  it("reports drift of the accelerator compared as catalogue models, not as written", async () => {
    expect((await report(entry("    accelerator: H100 SXM\n"), { "sky/train.yaml": config() })).findings.map((f) => f.rule)).not.toContain("config/drift");
    const r = await report(entry("    accelerator: nvidia-a100-80gb-sxm\n"), { "sky/train.yaml": config() });
    expect(r.findings.find((f) => f.rule === "config/drift")?.message).toMatch(
      /^accelerator nvidia-a100-80gb-sxm here, but the launch config says nvidia-h100-sxm \(sky\/train.yaml:5/,
    );
  });

  it("uses the config's time limit for hours: limit, and says it is an upper bound", async () => {
    const limit = { value: 72, origin: o(12, "#SBATCH --time") };
    const r = await report(entry().replace("hours: 10", "hours: limit"), { "sky/train.yaml": config({ timeLimitHours: limit }) });
    expect(r.runs[0]!.inputs.accelerator_hours).toBe(16 * 72);
    expect(runAssumptions(r, r.runs[0]!).find((a) => a.name === "hours")).toMatchObject({
      value: 72,
      unit: "h (time limit: upper bound)",
      source: "sky/train.yaml:12 #SBATCH --time",
    });
  });

  it("refuses hours above the config's limit, and hours: limit where the config states none", async () => {
    const over = await report(entry().replace("hours: 10", "hours: 100"), {
      "sky/train.yaml": config({ timeLimitHours: { value: 72, origin: o(12, "#SBATCH --time") } }),
    });
    expect(over.findings.find((f) => f.rule === "config/time-limit")?.message).toContain(
      "hours 100 is above the time limit of 72 h that sky/train.yaml:12 #SBATCH --time states",
    );
    const none = await report(entry().replace("hours: 10", "hours: limit"), { "sky/train.yaml": config() });
    expect(none.status).toBe("unevaluated");
    expect(none.findings.map((f) => [f.rule, f.message])).toEqual([
      ["config/unreadable", "hours: limit, but sky/train.yaml states no time limit; give hours (a platform's default limit is never assumed)"],
    ]);
  });

  it("estimates every candidate, takes the largest and says so", async () => {
    const text = config({}, [candidate("A100", "nvidia-a100-40gb-sxm", 8, 1), candidate("H100", "nvidia-h100-sxm", 8, 1)]);
    const r = await report(entry("    location: FR\n"), { "sky/train.yaml": text });
    expect(r.runs[0]!.inputs.accelerator).toBe("nvidia-h100-sxm");
    const notice = r.findings.find((f) => f.rule === "config/candidates")!;
    expect(notice.message).toMatch(
      /leaves 2 ways to run \(8 × nvidia-a100-40gb-sxm, 8 × nvidia-h100-sxm\): [\d.,]+–[\d.,]+ kWh; the estimate and budgets use the largest/,
    );
    // The entry may pin one of the candidates.
    const pinned = await report(entry("    location: FR\n    accelerator: nvidia-a100-40gb-sxm\n"), { "sky/train.yaml": text });
    expect(pinned.runs[0]!.inputs.accelerator).toBe("nvidia-a100-40gb-sxm");
    expect(pinned.findings.map((f) => f.rule)).not.toContain("config/candidates");
  });

  it("names a candidate the catalogue cannot estimate instead of counting it as zero", async () => {
    const text = config({}, [candidate("L4", "nvidia-l4", 2, 1), candidate("tpu-v5p-8", "google-tpu-v5p", 4, 1)]);
    const r = await report(entry("    location: FR\n"), { "sky/train.yaml": text });
    expect(r.runs[0]!.inputs.accelerator).toBe("nvidia-l4");
    const notice = r.findings.find((f) => f.rule === "config/candidates")!;
    expect(notice.message).not.toMatch(/\b0 kWh/);
    expect(notice.message).toMatch(/not estimated, so not in the range: 4 × google-tpu-v5p \(google-tpu-v5p has no published power figure/);
    const listed = runAssumptions(r, r.runs[0]!).find((a) => a.name === "candidates")!;
    expect(listed.value).toMatch(/4 × google-tpu-v5p: not estimated/);
  });

  it("takes a templated value from the entry, and stops where the entry does not state it", async () => {
    const problem = {
      kind: "templated" as const,
      field: "resources.accelerators",
      line: 5,
      column: 17,
      message: "`${GPU}` is a template",
      needs: "accelerator" as const,
    };
    const text = config({ problems: [problem] }, [{ accelerator: null, count: null, location: null }]);
    const stopped = await report(entry("    count: 8\n    location: FR\n"), { "sky/train.yaml": text });
    expect(stopped.status).toBe("unevaluated");
    expect(stopped.findings[0]).toMatchObject({ rule: "config/unreadable", line: 5 });
    expect(stopped.findings[0]!.message).toBe("from: sky/train.yaml:5:17 `resources.accelerators`: `${GPU}` is a template; state accelerator on the entry");
    const stated = await report(entry("    count: 8\n    location: FR\n    accelerator: nvidia-h100-sxm\n"), { "sky/train.yaml": text });
    expect(stated.status).toBe("evaluated");
    expect(stated.findings.find((f) => f.rule === "config/manifest-value")).toMatchObject({ severity: "notice", line: 9 });
  });

  it("names a file it cannot read, and one that holds several jobs", async () => {
    expect((await report(entry(), {})).findings[0]).toMatchObject({
      rule: "config/unreadable",
      message: 'from: "sky/train.yaml": file not found (paths are relative to the manifest\'s folder)',
      line: 5,
    });
    const two = JSON.parse(config()) as LaunchRead;
    two.jobs.push({ ...two.jobs[0]!, document: 1, name: "eval" });
    const r = await report(entry(), { "sky/train.yaml": JSON.stringify(two) });
    expect(r.findings[0]!.message).toBe(
      "from: sky/train.yaml holds 2 jobs (documents 0 (train), 1 (eval)); choose one with from: { path: train.yaml, document: N }",
    );
    const chosen = await report(entry().replace("from: sky/train.yaml", "from: { path: sky/train.yaml, document: 1 }"), {
      "sky/train.yaml": JSON.stringify(two),
    });
    expect(chosen.status).toBe("evaluated");
  });

  it("reads the configs at the base too, so a change to a config alone changes the comparison", async () => {
    const head = source(entry(), { "sky/train.yaml": config() });
    const base = source(entry(), { "sky/train.yaml": config({}, [candidate("H100", "nvidia-h100-sxm", 8, 1, "aws:us-east-1")]) });
    const r = await evaluate(head, base);
    expect(r.status === "evaluated" && r.delta?.energy_pct).toBeCloseTo(100, 6);
  });

  it("refuses hours: limit on an entry without from", async () => {
    const r = await report(`${HEAD}training:\n  - { id: t, accelerator: H100, count: 8, hours: limit }\n`);
    expect(r.findings[0]!.message).toMatch(/^hours: limit takes the time limit/);
  });
});

describe("a value taken from a launch config, as the reports show it", () => {
  it("is named with its file and line under the entry, in the text report and the comment", async () => {
    const { renderText } = await import("../src/render/text.js");
    const { renderMarkdown } = await import("../src/render/markdown.js");
    const { buildReport } = await import("../src/report.js");
    const limit = { value: 72, origin: o(12, "#SBATCH --time") };
    const r = buildReport([await report(entry().replace("hours: 10", "hours: limit"), { "sky/train.yaml": config({ timeLimitHours: limit }) })]);
    const line = "from sky/train.yaml: accelerator :5, count :5 × :9, location :4, time limit 72 h :12";
    expect(renderText(r)).toContain(`  train: ${line}\n  train: hours: limit, the config's time limit of 72 h: the figures are an upper bound`);
    const md = renderMarkdown(r, {});
    expect(md).toContain(`<br><sub>${line.replaceAll(".", "\\.")}</sub>`);
    expect(md).toContain("hours: limit, the config&#39;s time limit of 72 h: the figures are an upper bound");
  });
});

describe("the manifest's launch-config fields", () => {
  it("accept the formats the readers know, and no other", async () => {
    const { LAUNCH_FORMATS } = await import("../src/launch/types.js");
    const { jsonSchema } = await import("../src/manifest/schema.js");
    const text = JSON.stringify(jsonSchema());
    expect(text).toContain(JSON.stringify({ type: "string", enum: [...LAUNCH_FORMATS] }).slice(1, -1));
  });
});
