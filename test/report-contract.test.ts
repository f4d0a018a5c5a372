// The report's contract (src/report-schema.ts): what the CLI really writes is what schema/report.schema.json and
// the report reader accept, field for field, so that a field added to the report and not to its schema fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseReport } from "../src/report-schema.js";
import { cli, ROOT } from "./cli-harness.js";

const schema = JSON.parse(readFileSync(join(ROOT, "schema/report.schema.json"), "utf8")) as Record<string, unknown>;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

/** Every example, against its base where it has one, as `check --format json` prints it. */
const EXAMPLES = ["llm-pretraining", "inference-service", "fine-tune-measured"].map((name) => {
  const dir = join("examples", name);
  return { name, args: ["check", join(dir, "footprint.yml"), "--base", join(dir, "footprint.base.yml"), "--format", "json"] };
});

function reportOf(args: string[]): unknown {
  const r = cli(args);
  expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
  return JSON.parse(r.stdout);
}

describe("the JSON report's contract", () => {
  it("is schema/report.schema.json as `schema report` prints it", () => {
    expect(cli(["schema", "report"]).stdout).toBe(readFileSync(join(ROOT, "schema/report.schema.json"), "utf8"));
  });

  for (const { name, args } of EXAMPLES) {
    it(`holds every field of the CLI's real report of ${name}, and nothing else`, () => {
      const report = reportOf(args);
      expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(parseReport(JSON.stringify(report)).manifests.length).toBeGreaterThan(0);
    });
  }

  it("a report without a base and a manifest that cannot be evaluated hold to it too", () => {
    const plain = reportOf(["check", "footprint.yml", "--format", "json"]);
    expect(validate(plain), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const r = cli(["check", "test/fixtures/does-not-exist.yml", "--format", "json"]);
    expect(r.status).toBe(2);
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("refuses a field it does not define, at every level: a field added to the report needs its line in the schema", () => {
    const report = reportOf(EXAMPLES[0]!.args) as { manifests: { runs: { inputs: Record<string, unknown> }[]; levers: Record<string, unknown>[] }[] };
    const withExtra = (edit: (r: typeof report) => void) => {
      const copy = structuredClone(report);
      edit(copy);
      return copy;
    };
    for (const [where, extra] of [
      ["run inputs", withExtra((r) => (r.manifests[0]!.runs[0]!.inputs.new_field = 1))],
      ["manifest", withExtra((r) => ((r.manifests[0] as Record<string, unknown>).new_field = 1))],
      ["lever", withExtra((r) => (r.manifests[0]!.levers[0]!.new_field = 1))],
    ] as const) {
      expect(validate(extra), where).toBe(false);
      expect(() => parseReport(JSON.stringify(extra)), where).toThrow(/new_field/);
    }
  });
});
