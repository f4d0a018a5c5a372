// Privacy and transparency rules (docs/manifest.md and docs/rules.md).
// Every rule gets a passing and a failing manifest; every finding is pinned to its rule, severity, line and column.
// The positions were worked out by hand from the manifest lines below (line = index + 1, columns 1-based):
//   "  - id: tickets"                 id value at column 9
//   "    personal_data: true"         value at column 20 (13-letter key from column 5, ": " at 18-19)
//   "    anonymization: none"         value at column 20
//   "    documentation: docs/x.md"    value at column 20
//   "    encryption: { … }"           value at column 17
//   "    license: Apache 2"           value at column 14
//   "model_card: MODEL_CARD.md"       value at column 13
//   "    require_…: true"             key at column 5
//
// Manifests are read through repoSource (an in-memory ManifestSource over repository paths, the same one git refs
// and the REST API use), with the manifest at ml/footprint.yml so that `../docs/x.md` stays inside the repository and
// `../../x.md` leaves it.
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import type { ManifestReport } from "../src/report.js";
import { repoSource } from "../src/sources.js";

const MANIFEST = "ml/footprint.yml";

/** Evaluates the manifest lines with `files` (repository paths) present. */
async function run(lines: readonly string[], files: Record<string, string> = {}): Promise<ManifestReport> {
  const all: Record<string, string> = { ...files, [MANIFEST]: lines.join("\n") + "\n" };
  const src = await repoSource(MANIFEST, MANIFEST, async (p) => (Object.hasOwn(all, p) ? all[p]! : null));
  const report = await evaluate(src!, null);
  expect(report.status, JSON.stringify(report.findings, null, 2)).toBe("evaluated");
  return report;
}

interface Hit {
  severity: string;
  line: number;
  column: number;
  message: string;
}

/** The findings of one rule, without the fields every finding shares. */
function hits(report: ManifestReport, rule: string): Hit[] {
  return report.findings
    .filter((f) => f.rule === rule)
    .map((f) => {
      expect(f.file).toBe(MANIFEST);
      return { severity: f.severity, line: f.line, column: f.column, message: f.message };
    });
}

const msg = (re: RegExp) => expect.stringMatching(re) as unknown as string;

const HEAD = ["version: 1", "project: p"]; // lines 1-2

/** A card that satisfies the default sections and discloses `co2` (or nothing). */
function card(co2: string | null = "co2_eq_emissions: 50000"): string {
  return [
    "---",
    "license: mit",
    ...(co2 === null ? [] : [co2]),
    "---",
    "# Model",
    "## Training data",
    "## Intended use",
    "## Limitations",
    "## Environmental impact",
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
describe("privacy/anonymization (required by default: error)", () => {
  const ENC = "    encryption: { at_rest: true, in_transit: true }";

  it("personal data without an anonymization key: error at personal_data", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    records: 1000", "    personal_data: true", ENC]);
    expect(hits(r, "privacy/anonymization")).toEqual([
      { severity: "error", line: 6, column: 20, message: msg(/^tickets: personal data without anonymization/) },
    ]);
    expect(r.verdict).toBe("fail");
  });

  it("anonymization: none: error at the anonymization value", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    records: 1000", "    personal_data: true", "    anonymization: none", ENC]);
    expect(hits(r, "privacy/anonymization")).toEqual([
      { severity: "error", line: 7, column: 20, message: msg(/pseudonymized, anonymized, k-anonymity or synthetic/) },
    ]);
  });

  it("explicit require_anonymization: true is an error too", async () => {
    const r = await run([
      ...HEAD,
      "datasets:",
      "  - id: tickets",
      "    personal_data: true", // 5
      "policy:",
      "  privacy:",
      "    require_anonymization: true",
    ]);
    expect(hits(r, "privacy/anonymization")).toEqual([{ severity: "error", line: 5, column: 20, message: msg(/tickets/) }]);
  });

  it.each(["pseudonymized", "anonymized", "k-anonymity", "synthetic"])("anonymization: %s passes", async (a) => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    personal_data: true", `    anonymization: ${a}`, ENC]);
    expect(hits(r, "privacy/anonymization")).toEqual([]);
  });

  it("data that is not personal needs no anonymization", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: wiki", "    personal_data: false", "    anonymization: none", "  - id: books"]);
    expect(hits(r, "privacy/anonymization")).toEqual([]);
  });

  it("require_anonymization: false disables the check", async () => {
    const r = await run([
      ...HEAD,
      "datasets:",
      "  - id: tickets",
      "    personal_data: true",
      "    anonymization: none",
      ENC,
      "policy:",
      "  privacy:",
      "    require_anonymization: false",
    ]);
    expect(hits(r, "privacy/anonymization")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("privacy/encryption (required by default: error)", () => {
  const DS = [...HEAD, "datasets:", "  - id: tickets", "    records: 1000", "    personal_data: true", "    anonymization: pseudonymized"]; // 1-7

  it("no encryption block: error at personal_data, naming both", async () => {
    const r = await run(DS);
    expect(hits(r, "privacy/encryption")).toEqual([
      { severity: "error", line: 6, column: 20, message: msg(/^tickets: personal data not encrypted at rest and in transit;/) },
    ]);
  });

  it("at_rest missing: error at the encryption value", async () => {
    const r = await run([...DS, "    encryption: { in_transit: true }"]);
    expect(hits(r, "privacy/encryption")).toEqual([{ severity: "error", line: 8, column: 17, message: msg(/not encrypted at rest;/) }]);
  });

  it("in_transit missing: error at the encryption value", async () => {
    const r = await run([...DS, "    encryption: { at_rest: true }"]);
    expect(hits(r, "privacy/encryption")).toEqual([{ severity: "error", line: 8, column: 17, message: msg(/not encrypted in transit;/) }]);
  });

  it("in_transit: false in block form: error where the block starts", async () => {
    const r = await run([...DS, "    encryption:", "      at_rest: true", "      in_transit: false"]);
    expect(hits(r, "privacy/encryption")).toEqual([{ severity: "error", line: 9, column: 7, message: msg(/not encrypted in transit;/) }]);
  });

  it("both at rest and in transit passes", async () => {
    const r = await run([...DS, "    encryption:", "      at_rest: true", "      in_transit: true"]);
    expect(hits(r, "privacy/encryption")).toEqual([]);
  });

  it("non-personal data needs no encryption", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: wiki", "    personal_data: false"]);
    expect(hits(r, "privacy/encryption")).toEqual([]);
  });

  it("require_encryption: false disables the check", async () => {
    const r = await run([...DS, "policy:", "  privacy:", "    require_encryption: false"]);
    expect(hits(r, "privacy/encryption")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("privacy/epsilon (no cap by default)", () => {
  const POLICY = ["policy:", "  privacy:", "    max_epsilon: 8"];

  it("epsilon above max_epsilon: error at the epsilon value (flow form)", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    records: 1000", "    differential_privacy: { epsilon: 9, delta: 1e-6 }", ...POLICY]);
    expect(hits(r, "privacy/epsilon")).toEqual([
      { severity: "error", line: 6, column: 38, message: msg(/^tickets: differential-privacy epsilon 9 is above the policy's max_epsilon 8/) },
    ]);
  });

  it("epsilon above max_epsilon: error at the epsilon value (block form)", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    differential_privacy:", "      delta: 1e-6", "      epsilon: 12.5", ...POLICY]);
    expect(hits(r, "privacy/epsilon")).toEqual([{ severity: "error", line: 7, column: 16, message: msg(/epsilon 12\.5 is above/) }]);
  });

  it("epsilon equal to max_epsilon passes", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    differential_privacy: { epsilon: 8 }", ...POLICY]);
    expect(hits(r, "privacy/epsilon")).toEqual([]);
  });

  it("without max_epsilon there is no cap", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    differential_privacy: { epsilon: 900 }"]);
    expect(hits(r, "privacy/epsilon")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("privacy/exposure (R = p × D)", () => {
  const PERSONAL = ["    personal_data: true", "    anonymization: pseudonymized", "    encryption: { at_rest: true, in_transit: true }"];
  const MAX = ["policy:", "  privacy:", "    max_exposed_records: 1000"];

  it("R above max_exposed_records: error at the dataset id", async () => {
    // p = 0.01 declared, D = 200,000 → R = 2,000 > 1,000
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    records: 200000", ...PERSONAL, "    leak_probability: 0.01", ...MAX]);
    expect(hits(r, "privacy/exposure")).toEqual([
      {
        severity: "error",
        line: 4,
        column: 9,
        message: msg(/^tickets: expected exposed records R = p × D = 0\.01 × 200,000 = 2,000, above max_exposed_records 1,000/),
      },
    ]);
  });

  it("R below max_exposed_records passes", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    records: 200000", ...PERSONAL, "    leak_probability: 0.001", ...MAX]);
    expect(hits(r, "privacy/exposure")).toEqual([]);
  });

  it("personal data with no anonymization has p = 1, so R = D", async () => {
    const r = await run([
      ...HEAD,
      "datasets:",
      "  - id: free-text", // 4
      "    records: 5000",
      "    personal_data: true",
      "    anonymization: none",
      ...MAX,
    ]);
    expect(hits(r, "privacy/exposure")).toEqual([{ severity: "error", line: 4, column: 9, message: msg(/= 1 × 5,000 = 5,000/) }]);
  });

  it("unknown p for personal data: warning at the dataset id (even without a cap)", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: ignored", "  - id: tickets", "    records: 200000", ...PERSONAL]);
    expect(hits(r, "privacy/exposure")).toEqual([
      { severity: "warning", line: 5, column: 9, message: msg(/^tickets: the exposure of its personal data is unknown/) },
    ]);
  });

  it("non-personal data: nothing, whatever p and D", async () => {
    const r = await run([
      ...HEAD,
      "datasets:",
      "  - id: wiki",
      "    records: 1000000",
      "    personal_data: false",
      "    leak_probability: 1",
      "  - id: books", // personal_data not given: not personal
      "    records: 1000000",
      ...MAX,
    ]);
    expect(hits(r, "privacy/exposure")).toEqual([]);
  });

  it("without max_exposed_records there is no cap", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    records: 1000000000", "    personal_data: true", "    anonymization: none"]);
    expect(hits(r, "privacy/exposure")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("transparency/dataset-documentation (on by default: warning; explicit true: error)", () => {
  const DOC = (ref: string, policy: string[] = []) => [
    ...HEAD,
    "datasets:",
    "  - id: tickets",
    "    license: CC-BY-4.0",
    `    documentation: ${ref}`,
    ...policy,
  ]; // documentation on line 6
  const FILES = { "ml/docs/tickets.md": "# Datasheet\n", "docs/shared.md": "# Shared datasheet\n" };

  it("no documentation: warning at the dataset id", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "    license: CC-BY-4.0"]);
    expect(hits(r, "transparency/dataset-documentation")).toEqual([{ severity: "warning", line: 4, column: 9, message: msg(/^tickets: no documentation/) }]);
  });

  it("no documentation with require_dataset_documentation: true: error", async () => {
    const r = await run([
      ...HEAD,
      "datasets:",
      "  - id: tickets",
      "    license: CC-BY-4.0",
      "policy:",
      "  transparency:",
      "    require_dataset_documentation: true",
    ]);
    expect(hits(r, "transparency/dataset-documentation")).toEqual([{ severity: "error", line: 4, column: 9, message: msg(/no documentation/) }]);
  });

  it("a path that does not exist: finding at the documentation value", async () => {
    const r = await run(DOC("docs/missing.md"), FILES);
    expect(hits(r, "transparency/dataset-documentation")).toEqual([
      { severity: "warning", line: 6, column: 20, message: msg(/"docs\/missing\.md" does not exist/) },
    ]);
    const strict = await run(DOC("docs/missing.md", ["policy:", "  transparency:", "    require_dataset_documentation: true"]), FILES);
    expect(hits(strict, "transparency/dataset-documentation")).toEqual([{ severity: "error", line: 6, column: 20, message: msg(/does not exist/) }]);
  });

  it("a path escaping the repository is an error, even by default", async () => {
    const r = await run(DOC("../../x.md"), { ...FILES, "../x.md": "# outside\n", "x.md": "# root\n" });
    expect(hits(r, "transparency/dataset-documentation")).toEqual([
      { severity: "error", line: 6, column: 20, message: msg(/"\.\.\/\.\.\/x\.md": the path points outside the repository/) },
    ]);
  });

  it.each(["docs/tickets.md", "./docs/tickets.md", "../docs/shared.md", "https://example.org/datasheets/tickets", "HTTPS://EXAMPLE.ORG/x"])(
    "%s passes",
    async (ref) => {
      const r = await run(DOC(ref), FILES);
      expect(hits(r, "transparency/dataset-documentation")).toEqual([]);
    },
  );

  it.each(["http://example.org/datasheet", "ftp://example.org/datasheet.pdf", "ftp:datasheet.pdf"])("%s is not a repository path or https URL", async (ref) => {
    const r = await run(DOC(ref), FILES);
    expect(hits(r, "transparency/dataset-documentation")).toEqual([
      { severity: "warning", line: 6, column: 20, message: msg(/must be a repository path or an https URL/) },
    ]);
  });

  it("require_dataset_documentation: false disables the check (missing and broken alike)", async () => {
    const off = ["policy:", "  transparency:", "    require_dataset_documentation: false"];
    const r = await run([...HEAD, "datasets:", "  - id: a", "  - id: b", "    documentation: docs/missing.md", ...off]);
    expect(hits(r, "transparency/dataset-documentation")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("transparency/license (on by default: warning; explicit true: error; a bad id is always an error)", () => {
  const LIC = (license: string) => [...HEAD, "datasets:", "  - id: tickets", "    documentation: https://example.org/d", `    license: ${license}`]; // license on line 6

  it("no license: warning at the dataset id", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets"]);
    expect(hits(r, "transparency/license")).toEqual([{ severity: "warning", line: 4, column: 9, message: msg(/^tickets: no license; give its SPDX id/) }]);
  });

  it("no license with require_license: true: error", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "policy:", "  transparency:", "    require_license: true"]);
    expect(hits(r, "transparency/license")).toEqual([{ severity: "error", line: 4, column: 9, message: msg(/no license/) }]);
  });

  it('"Apache 2" is an error that suggests Apache-2.0', async () => {
    const r = await run(LIC("Apache 2"));
    expect(hits(r, "transparency/license")).toEqual([
      { severity: "error", line: 6, column: 14, message: msg(/"Apache 2" is not an SPDX licence id; did you mean Apache-2\.0\?/) },
    ]);
  });

  it("an unknown id with no close SPDX id gets no suggestion", async () => {
    const r = await run(LIC("whatever-we-like"));
    const [hit] = hits(r, "transparency/license");
    expect(hit).toMatchObject({ severity: "error", line: 6, column: 14 });
    expect(hit!.message).not.toContain("did you mean");
  });

  it.each(["proprietary", "Proprietary", "CC-BY-4.0", "Apache-2.0", "MIT"])("%s passes", async (license) => {
    const r = await run(LIC(license));
    expect(hits(r, "transparency/license")).toEqual([]);
  });

  it("require_license: false disables the missing-license check", async () => {
    const r = await run([...HEAD, "datasets:", "  - id: tickets", "policy:", "  transparency:", "    require_license: false"]);
    expect(hits(r, "transparency/license")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("transparency/model-card (required only if require_model_card)", () => {
  it("required but absent: error at the policy key", async () => {
    const r = await run([...HEAD, "policy:", "  transparency:", "    require_model_card: true"]);
    expect(hits(r, "transparency/model-card")).toEqual([{ severity: "error", line: 5, column: 5, message: msg(/the policy requires a model card/) }]);
  });

  it("declared but the file is missing: warning at model_card by default, error when required", async () => {
    const r = await run([...HEAD, "model_card: MODEL_CARD.md"]);
    expect(hits(r, "transparency/model-card")).toEqual([{ severity: "warning", line: 3, column: 13, message: msg(/"MODEL_CARD\.md" does not exist/) }]);
    const strict = await run([...HEAD, "model_card: MODEL_CARD.md", "policy:", "  transparency:", "    require_model_card: true"]);
    expect(hits(strict, "transparency/model-card")).toEqual([{ severity: "error", line: 3, column: 13, message: msg(/does not exist/) }]);
  });

  it("a model_card path escaping the repository is an error", async () => {
    const r = await run([...HEAD, "model_card: ../../CARD.md"], { "ml/CARD.md": card() });
    expect(hits(r, "transparency/model-card")).toEqual([{ severity: "error", line: 3, column: 13, message: msg(/outside the repository/) }]);
  });

  it("a card whose front matter is never closed: finding at model_card", async () => {
    const r = await run([...HEAD, "model_card: MODEL_CARD.md"], { "ml/MODEL_CARD.md": "---\nlicense: mit\n# Model\n" });
    expect(hits(r, "transparency/model-card")).toEqual([{ severity: "warning", line: 3, column: 13, message: msg(/no closing `---`/) }]);
  });

  it("present and readable passes (required or not)", async () => {
    const files = { "ml/MODEL_CARD.md": card(), "README.md": card() };
    expect(hits(await run([...HEAD, "model_card: MODEL_CARD.md"], files), "transparency/model-card")).toEqual([]);
    expect(
      hits(await run([...HEAD, "model_card: ../README.md", "policy:", "  transparency:", "    require_model_card: true"], files), "transparency/model-card"),
    ).toEqual([]);
  });

  it("not required and absent: nothing (default and require_model_card: false)", async () => {
    expect(hits(await run([...HEAD]), "transparency/model-card")).toEqual([]);
    expect(hits(await run([...HEAD, "policy:", "  transparency:", "    require_model_card: false"]), "transparency/model-card")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("transparency/model-card-section", () => {
  const withCard = (body: string, policy: string[] = []) =>
    run([...HEAD, "model_card: MODEL_CARD.md", ...policy], { "ml/MODEL_CARD.md": `---\nco2_eq_emissions: 1\n---\n${body}` });

  it("default sections all present at different levels passes", async () => {
    const r = await withCard("# Training data\n## Intended use\n### Limitations\n#### Environmental impact\n");
    expect(hits(r, "transparency/model-card-section")).toEqual([]);
    expect(r.model_card?.missing_sections).toEqual([]);
  });

  it("a missing default section: warning at model_card, one per section", async () => {
    const r = await withCard("# Training data\n## Intended use\n");
    expect(hits(r, "transparency/model-card-section")).toEqual([
      { severity: "warning", line: 3, column: 13, message: msg(/no "Limitations" section/) },
      { severity: "warning", line: 3, column: 13, message: msg(/no "Environmental impact" section/) },
    ]);
    expect(r.model_card?.missing_sections).toEqual(["Limitations", "Environmental impact"]);
  });

  it("sections named by the policy are errors at the list, and replace the defaults (flow list)", async () => {
    // the card lacks Limitations (a default) and Evaluation (named by the policy): only Evaluation is reported
    const r = await withCard("# Training data\n## Intended use\n## Environmental impact\n", [
      "policy:",
      "  transparency:",
      "    model_card_sections: [Intended use, Evaluation]",
    ]);
    expect(hits(r, "transparency/model-card-section")).toEqual([{ severity: "error", line: 6, column: 26, message: msg(/no "Evaluation" section/) }]);
  });

  it("sections named by the policy (block list): error where the list starts", async () => {
    const r = await withCard("# Intended use\n", ["policy:", "  transparency:", "    model_card_sections:", "      - Intended use", "      - Evaluation"]);
    expect(hits(r, "transparency/model-card-section")).toEqual([{ severity: "error", line: 7, column: 7, message: msg(/no "Evaluation" section/) }]);
  });

  it("an empty section list disables the check", async () => {
    const r = await withCard("Nothing but text.\n", ["policy:", "  transparency:", "    model_card_sections: []"]);
    expect(hits(r, "transparency/model-card-section")).toEqual([]);
  });

  it.each([
    ["# Limitations", "ATX level 1"],
    ["## Limitations", "ATX level 2"],
    ["### Limitations", "ATX level 3"],
    ["###### limitations", "ATX level 6, lower case"],
    ["## LIMITATIONS", "upper case"],
    ["## Limitations:", "trailing colon"],
    ["## ⚠️ Limitations", "leading emoji"],
    ["## Limitations 🚧", "trailing emoji"],
    ["## **Limitations** ##", "emphasis and closing hashes"],
    ["   ## Limitations", "indented three spaces"],
    ["Limitations\n===========", "setext level 1"],
    ["Limitations\n-----------", "setext level 2"],
  ])("%j counts as the Limitations heading (%s)", async (heading) => {
    const r = await withCard(`# Training data\n## Intended use\n## Environmental impact\n\n${heading}\n\nText.\n`);
    expect(hits(r, "transparency/model-card-section")).toEqual([]);
  });

  it.each([
    ["```\n## Limitations\n```", "inside a backtick fence"],
    ["~~~md\n# Limitations\n~~~", "inside a tilde fence"],
    ["    ## Limitations", "indented code (four spaces)"],
    ["#Limitations", "no space after #"],
    ["Limitations", "a plain line"],
    ["- Limitations\n---", "a list item over a rule"],
  ])("%j is not a Limitations heading (%s)", async (text) => {
    const r = await withCard(`# Training data\n## Intended use\n## Environmental impact\n\n${text}\n`);
    expect(hits(r, "transparency/model-card-section")).toEqual([{ severity: "warning", line: 3, column: 13, message: msg(/no "Limitations" section/) }]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("transparency/emissions-disclosure (on by default: warning; explicit true: error)", () => {
  // 1,000 accelerator-hours × 500 W × PUE 1 = 500 kWh; × 100 g/kWh = 50 kg; no embodied share → 50,000 g.
  const TRAINING = [
    ...HEAD,
    "training:",
    "  - id: pretrain",
    "    accelerator: nvidia-h100-sxm",
    "    gpu_hours: 1000",
    "    power_w: 500",
    "    pue: 1",
    "    carbon_intensity: 100",
    "    embodied: { per_accelerator_kg: 0 }",
    "model_card: MODEL_CARD.md", // 11, value at column 13
  ];
  const withCo2 = (co2: string | null, policy: string[] = []) => run([...TRAINING, ...policy], { "ml/MODEL_CARD.md": card(co2) });
  const RULE = "transparency/emissions-disclosure";

  it("the estimate the card is compared with is 50,000 g", async () => {
    const r = await withCo2("co2_eq_emissions: 50000");
    expect(r.model_card).toMatchObject({ path: "MODEL_CARD.md", disclosed_g: 50000, estimated_g: 50000, difference_pct: 0, missing_sections: [] });
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe("pass");
  });

  it("no co2_eq_emissions in the card: warning at model_card", async () => {
    const r = await withCo2(null);
    expect(hits(r, RULE)).toEqual([
      {
        severity: "warning",
        line: 11,
        column: 13,
        message: msg(/^MODEL_CARD\.md: no co2_eq_emissions in the front matter; add the block this report suggests \(50,000 g\)/),
      },
    ]);
  });

  it("no co2_eq_emissions with require_emissions_disclosure: true: error", async () => {
    const r = await withCo2(null, ["policy:", "  transparency:", "    require_emissions_disclosure: true"]);
    expect(hits(r, RULE)).toEqual([{ severity: "error", line: 11, column: 13, message: msg(/no co2_eq_emissions/) }]);
  });

  it.each([
    ["co2_eq_emissions: 50000", "equal"],
    ["co2_eq_emissions: 74000", "+48 %"],
    ["co2_eq_emissions: 75000", "+50 %, exactly the tolerance"],
    ["co2_eq_emissions: 25000", "−50 %, exactly the tolerance"],
    ["co2_eq_emissions: 26000", "−48 %"],
    ["co2_eq_emissions:\n  emissions: 60000\n  source: Code Carbon", "object form, +20 %"],
    ['co2_eq_emissions:\n  emissions: "60 kg"', "object form in kg, +20 %"],
    ['co2_eq_emissions: "45000 g"', "string with unit, −10 %"],
  ])("%j is within the default 50 %% tolerance (%s)", async (co2) => {
    const r = await withCo2(co2);
    expect(hits(r, RULE)).toEqual([]);
  });

  it.each([
    ["co2_eq_emissions: 76000", /discloses 76,000 g, \+52 % from the operational estimate of 50,000 g \(tolerance 50 %\)/],
    ["co2_eq_emissions: 24000", /discloses 24,000 g, -52 % from the operational estimate of 50,000 g/],
    ["co2_eq_emissions:\n  emissions: 50", /discloses 50 g, -100 %/],
    ["co2_eq_emissions:\n  emissions: 1.2 t", /discloses 1,200,000 g, \+2300 %/],
  ])("%j is outside the tolerance: warning at model_card", async (co2, re) => {
    const r = await withCo2(co2);
    expect(hits(r, RULE)).toEqual([{ severity: "warning", line: 11, column: 13, message: msg(re) }]);
  });

  it("disclosure_tolerance_pct: 10 narrows the tolerance", async () => {
    const tol = ["policy:", "  transparency:", "    disclosure_tolerance_pct: 10"];
    expect(hits(await withCo2("co2_eq_emissions: 54000", tol), RULE)).toEqual([]);
    expect(hits(await withCo2("co2_eq_emissions: 45000", tol), RULE)).toEqual([]);
    expect(hits(await withCo2("co2_eq_emissions: 56000", tol), RULE)).toEqual([
      { severity: "warning", line: 11, column: 13, message: msg(/\+12 % .*\(tolerance 10 %\)/) },
    ]);
    expect(hits(await withCo2("co2_eq_emissions: 44000", tol), RULE)).toEqual([{ severity: "warning", line: 11, column: 13, message: msg(/-12 %/) }]);
  });

  it("disclosure_tolerance_pct: 0 asks for the exact figure", async () => {
    const tol = ["policy:", "  transparency:", "    disclosure_tolerance_pct: 0"];
    expect(hits(await withCo2("co2_eq_emissions: 50000", tol), RULE)).toEqual([]);
    expect(hits(await withCo2("co2_eq_emissions: 50100", tol), RULE)).toHaveLength(1);
  });

  it("a wider tolerance accepts a larger difference", async () => {
    const tol = ["policy:", "  transparency:", "    disclosure_tolerance_pct: 200"];
    expect(hits(await withCo2("co2_eq_emissions: 140000", tol), RULE)).toEqual([]);
    expect(hits(await withCo2("co2_eq_emissions: 160000", tol), RULE)).toHaveLength(1);
  });

  it('an unreadable figure ("lots") is a finding', async () => {
    const r = await withCo2('co2_eq_emissions: "lots"');
    expect(hits(r, RULE)).toEqual([{ severity: "warning", line: 11, column: 13, message: msg(/co2_eq_emissions "lots" is not a number of grams/) }]);
    const obj = await withCo2("co2_eq_emissions:\n  emissions: lots\n  source: vibes", [
      "policy:",
      "  transparency:",
      "    require_emissions_disclosure: true",
    ]);
    expect(hits(obj, RULE)).toEqual([{ severity: "error", line: 11, column: 13, message: msg(/"lots" is not a number of grams/) }]);
  });

  it("require_emissions_disclosure: false disables the check", async () => {
    const off = ["policy:", "  transparency:", "    require_emissions_disclosure: false"];
    expect(hits(await withCo2(null, off), RULE)).toEqual([]);
    expect(hits(await withCo2("co2_eq_emissions: 900000", off), RULE)).toEqual([]);
    expect(hits(await withCo2('co2_eq_emissions: "lots"', off), RULE)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe.each([
  { key: "explainability_report", rule: "transparency/explainability-report", valueColumn: 26 },
  { key: "data_use_statement", rule: "transparency/data-use-statement", valueColumn: 23 },
])("$rule (not required by default)", ({ key, rule, valueColumn }) => {
  // "  explainability_report: " is 25 characters, "  data_use_statement: " 22: the value starts in the next column.
  const REQUIRE = ["policy:", "  transparency:", `    require_${key}: true`];
  const declared = (ref: string, policy: string[] = []) => [...HEAD, "transparency:", `  ${key}: ${ref}`, ...policy]; // value on line 4
  const FILES = { "ml/docs/transparency.md": "# Document\n", "docs/shared.md": "# Shared\n" };

  it("required and absent: error at the policy key", async () => {
    const r = await run([...HEAD, ...REQUIRE]);
    expect(hits(r, rule)).toEqual([{ severity: "error", line: 5, column: 5, message: msg(new RegExp(`the policy requires .*; add transparency\\.${key}`)) }]);
    expect(r.verdict).toBe("fail");
  });

  it("required, the section present but this key absent: error at the policy key", async () => {
    const other = key === "explainability_report" ? "data_use_statement" : "explainability_report";
    const r = await run([...HEAD, "transparency:", `  ${other}: https://example.org/doc`, ...REQUIRE]);
    expect(hits(r, rule)).toEqual([{ severity: "error", line: 7, column: 5, message: msg(/the policy requires/) }]);
  });

  it("declared path missing: error when required, warning otherwise, at the value", async () => {
    const strict = await run(declared("docs/missing.md", REQUIRE), FILES);
    expect(hits(strict, rule)).toEqual([{ severity: "error", line: 4, column: valueColumn, message: msg(/"docs\/missing\.md" does not exist/) }]);
    const lax = await run(declared("docs/missing.md"), FILES);
    expect(hits(lax, rule)).toEqual([{ severity: "warning", line: 4, column: valueColumn, message: msg(/does not exist/) }]);
  });

  it("a declared path escaping the repository is an error", async () => {
    const r = await run(declared("../../secret.md"), FILES);
    expect(hits(r, rule)).toEqual([{ severity: "error", line: 4, column: valueColumn, message: msg(/outside the repository/) }]);
  });

  it("http:// is not accepted", async () => {
    const r = await run(declared("http://example.org/doc", REQUIRE), FILES);
    expect(hits(r, rule)).toEqual([{ severity: "error", line: 4, column: valueColumn, message: msg(/must be a repository path or an https URL/) }]);
  });

  it.each(["docs/transparency.md", "../docs/shared.md", "https://example.org/doc"])("present (%s) passes", async (ref) => {
    const r = await run(declared(ref, REQUIRE), FILES);
    expect(hits(r, rule)).toEqual([]);
  });

  it("not required: nothing (default and explicit false)", async () => {
    expect(hits(await run([...HEAD]), rule)).toEqual([]);
    expect(hits(await run([...HEAD, "policy:", "  transparency:", `    require_${key}: false`]), rule)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("a manifest meeting every policy", () => {
  it("has no findings at all with every requirement switched on explicitly", async () => {
    const r = await run(
      [
        ...HEAD,
        "training:",
        "  - id: pretrain",
        "    accelerator: nvidia-h100-sxm",
        "    gpu_hours: 1000",
        "    power_w: 500",
        "    pue: 1",
        "    carbon_intensity: 100",
        "    embodied: { per_accelerator_kg: 0 }",
        "datasets:",
        "  - id: tickets",
        "    records: 100000",
        "    personal_data: true",
        "    anonymization: pseudonymized",
        "    encryption: { at_rest: true, in_transit: true }",
        "    differential_privacy: { epsilon: 1, delta: 1e-6 }",
        "    license: CC-BY-4.0",
        "    documentation: docs/tickets.md",
        "  - id: wiki",
        "    records: 6000000",
        "    license: CC-BY-SA-4.0",
        "    documentation: https://huggingface.co/datasets/wikimedia/wikipedia",
        "model_card: MODEL_CARD.md",
        "transparency:",
        "  explainability_report: https://example.org/explain",
        "  data_use_statement: docs/data-use.md",
        "policy:",
        "  privacy:",
        "    require_anonymization: true",
        "    require_encryption: true",
        "    max_epsilon: 8",
        "    max_exposed_records: 100000",
        "  transparency:",
        "    require_model_card: true",
        "    model_card_sections: [Training data, Intended use, Limitations, Environmental impact]",
        "    require_emissions_disclosure: true",
        "    disclosure_tolerance_pct: 10",
        "    require_dataset_documentation: true",
        "    require_license: true",
        "    require_explainability_report: true",
        "    require_data_use_statement: true",
      ],
      { "ml/docs/tickets.md": "# Datasheet\n", "ml/docs/data-use.md": "# Data use\n", "ml/MODEL_CARD.md": card("co2_eq_emissions: 51000") },
    );
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe("pass");
  });
});
