// The built action with control, bidi and invisible characters (generated from Unicode properties) in the project,
// file and folder names, dataset licences, model-card fields and an untrusted report: none of them reaches the
// log, the annotation commands, the outputs, the job summary or the PR comment.
import { describe, expect, it } from "vitest";
import { type RecordedRequest } from "./fake-github.js";
import { pullRequest, workflowRun } from "./payloads.js";
import type { Report } from "../../src/report.js";
import { BASE_SHA, HEAD_SHA, runAction, workspace, type RunResult, serveFakeGitHub } from "./runner.js";

const UNSAFE: string[] = [];
{
  const re = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
  for (let cp = 0; cp <= 0x10ffff; cp++) if ((cp < 0xd800 || cp > 0xdfff) && re.test(String.fromCodePoint(cp))) UNSAFE.push(String.fromCodePoint(cp));
}
const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

function survivors(text: string, markdown = false): string[] {
  const set = new Set(UNSAFE);
  const chars = [...(markdown ? text.replace(/(@|\\#|GH|:|www)\u200b/g, "$1") : text)];
  const found = new Set<string>();
  chars.forEach((ch, i) => {
    if (!set.has(ch) || ch === "\n") return;
    if ((ch === "\ufe0f" || ch === "\ufe0e") && i > 0 && /\p{Extended_Pictographic}/u.test(chars[i - 1]!)) return;
    found.add(hex(ch));
  });
  return [...found];
}

function chunks(xs: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n).join("x"));
  return out;
}

const yamlString = (s: string) =>
  `"${[...s].map((c) => (/[ -~]/.test(c) && c !== '"' && c !== "\\" ? c : c.codePointAt(0)! > 0xffff ? `\\U${c.codePointAt(0)!.toString(16).padStart(8, "0")}` : `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`)).join("")}"`;

const server = serveFakeGitHub();

const bodies = (r: RunResult) => r.requests.filter((q: RecordedRequest) => q.route === "create-comment").map((q) => (q.body as { body: string }).body);

function expectClean(r: RunResult): void {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(survivors(r.stdout), "log and annotation commands").toEqual([]);
  expect(survivors(r.stderr), "stderr").toEqual([]);
  expect(survivors(r.outputFile), "outputs").toEqual([]);
  expect(survivors(r.summary, true), "job summary").toEqual([]);
  for (const body of bodies(r)) expect(survivors(body, true), "comment").toEqual([]);
}

describe("terminal escapes, bidi controls and invisible characters", () => {
  let reportText: string | null = null;

  it("from the manifest, file names and the model card: none reaches the log, annotations, outputs, summary or comment", async () => {
    // Findings are capped at 20 per rule: the characters are spread over two rules (licence and documentation).
    const parts = chunks(
      UNSAFE.filter((c) => c !== "\u0000"),
      90,
    );
    // A folder name (at most 255 bytes) with characters from all over the list.
    const folder = `team${UNSAFE.filter((c, i) => i % 120 === 1 && c !== "/").join("x")}`;
    const datasets = Array.from(
      { length: Math.ceil(parts.length / 3) },
      (_, i) =>
        `  - { id: d${i}, license: ${yamlString(parts[3 * i]!)}, documentation: ${yamlString(`docs/${parts[3 * i + 1] ?? ""}${parts[3 * i + 2] ?? ""}`)} }`,
    );
    const files = {
      "footprint.yml": [
        "version: 1",
        `project: ${yamlString(`p${parts[1]!.slice(0, 150)}`)}`,
        "model_card: MODEL_CARD.md",
        "training:",
        "  - { id: a, accelerator: nvidia-l4, gpu_hours: 10, location: FR }",
        "datasets:",
        ...datasets,
        "",
      ].join("\n"),
      "MODEL_CARD.md": `---\nco2_eq_emissions:\n  emissions: 5\n  training_type: ${yamlString(parts[2]!)}\n  hardware_used: ${yamlString(parts[3]!)}\n---\n# Card\n`,
      [`${folder}/footprint.yml`]: `version: 1\nproject: ${yamlString(parts[4]!.slice(0, 150))}\ntraining:\n  - { id: a, accelerator: ${yamlString(`g${parts[5]!.slice(0, 90)}`)}, gpu_hours: 1 }\n`,
    };
    const ws = workspace(files);
    server.setCommit(BASE_SHA, { "README.md": "hi\n" });
    const r = await runAction({ server, workspace: ws, eventName: "pull_request", payload: pullRequest(), inputs: { manifest: "**/footprint.yml" } });
    expect(r.annotations.length).toBeGreaterThan(30);
    expect(r.annotations.some((a) => a.file?.startsWith("team"))).toBe(true);
    expect(bodies(r)).toHaveLength(1);
    expectClean(r);
    reportText = r.reportText;
  }, 120_000);

  it("from an untrusted report (report mode): none reaches the log, outputs, summary or comment", async () => {
    expect(reportText).not.toBeNull();
    const report = JSON.parse(reportText!) as Report;
    const parts = chunks(UNSAFE, 60);
    const m = report.manifests.find((x) => x.model_card)!;
    const card = m.model_card!;
    m.project = parts[0]!;
    m.path = `p${parts[1]}`;
    card.kept = { training_type: parts[2], geographical_location: parts[3], hardware_used: parts[4] };
    card.path = `c${parts[5]}`;
    m.findings = parts.slice(6).map((s, i) => ({ rule: "data/grid-year", severity: "warning", message: s, file: `f${i}/${s}`, line: 1, column: 1 }) as const);
    const ws = workspace({ "report.json": JSON.stringify(report) });
    server.addPull({
      number: 42,
      state: "open",
      head: { sha: HEAD_SHA, ref: "patch-1", owner: "forker", repo: "octo-repo" },
      base: { sha: BASE_SHA, ref: "main" },
    });
    const r = await runAction({ server, workspace: ws, eventName: "workflow_run", payload: workflowRun(), inputs: { report: "report.json" } });
    expect(r.code, r.stdout).toBe(0);
    expect(bodies(r)).toHaveLength(1);
    expectClean(r);
  }, 120_000);
});
