// Privacy exposure R = p × D (docs/privacy.md): p from (ε, δ)-differential privacy, else the declared leak_probability,
// else 1 for personal data without anonymization, else unknown; and the manifest totals in report.privacy.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import type { ManifestReport } from "../src/report.js";
import { type DatasetReport } from "../src/policy.js";
import { source } from "./helpers.js";

async function report(datasets: readonly string[]): Promise<ManifestReport> {
  const r = await evaluate(source(["version: 1", "project: p", "datasets:", ...datasets, ""].join("\n")), null);
  expect(r.status, JSON.stringify(r.findings)).toBe("evaluated");
  return r;
}

async function exposure(...lines: string[]): Promise<DatasetReport["exposure"]> {
  const r = await report(["  - id: d", ...lines]);
  expect(r.datasets).toHaveLength(1);
  return r.datasets[0]!.exposure;
}

/** YAML for a number: JSON's spelling (1e-7, 0.5, 1e+21) is a YAML 1.2 float. */
const y = (n: number) => JSON.stringify(n);

/**
 * a ≤ b up to floating-point rounding (4 ulps). The formula as written, (e^ε − 1 + 2δ)/(e^ε + 1), is monotone
 * mathematically but can step down by one ulp between adjacent doubles (e.g. ε = 0.249682034859541 and the next
 * double, δ = 0.6234837231557513); a real decrease is far larger than this allowance.
 */
function notAbove(a: number | null, b: number | null): void {
  expect(a).not.toBeNull();
  expect(b).not.toBeNull();
  expect(a!).toBeLessThanOrEqual(b! + 4 * Number.EPSILON * Math.abs(b!));
}

// ---------------------------------------------------------------------------------------------------------------
describe("p from (ε, δ)-differential privacy: (e^ε − 1 + 2δ) / (e^ε + 1)", () => {
  it("ε = 0, δ = 0 → 0 (no advantage)", async () => {
    const e = await exposure("    records: 1000", "    differential_privacy: { epsilon: 0, delta: 0 }");
    expect(e).toEqual({ p: 0, basis: "differential-privacy", records: 1000, expected_exposed_records: 0 });
  });

  it("ε = 1, δ omitted (0) → (e − 1)/(e + 1) = 0.46211715726", async () => {
    const e = await exposure("    records: 1000", "    differential_privacy: { epsilon: 1 }");
    expect(e.p).toBeCloseTo(0.46211715726, 11);
    expect(e.expected_exposed_records).toBeCloseTo(462.11715726, 8);
  });

  it("ε = 3, δ = 1e-6 → (20.085536923 − 1 + 0.000002)/(21.085536923) = 0.905148348497", async () => {
    // e^3 = 20.0855369231876677; 19.0855389231876677 / 21.0855369231876677 = 0.90514834849661279
    const e = await exposure("    records: 2100000", "    differential_privacy: { epsilon: 3, delta: 1e-6 }");
    expect(e.p).toBeCloseTo(0.905148348497, 12);
    expect(e.expected_exposed_records).toBeCloseTo(1900811.53184, 4); // × 2,100,000
  });

  it("ε = 0.1, δ = 1e-5 → (0.105170918 + 0.00002)/2.105170918 = 0.0499678753741", async () => {
    // e^0.1 = 1.10517091807564762; 0.10519091807564762 / 2.10517091807564762 = 0.04996787537413039
    const e = await exposure("    records: 1000000", "    differential_privacy: { epsilon: 0.1, delta: 1e-5 }");
    expect(e.p).toBeCloseTo(0.04996787537413039, 12);
    expect(e.expected_exposed_records).toBeCloseTo(49967.87537413039, 6);
  });

  it("δ alone raises p: ε = 0, δ = 0.25 → 0.5/2 = 0.25; δ = 1 → 1", async () => {
    expect((await exposure("    differential_privacy: { epsilon: 0, delta: 0.25 }")).p).toBe(0.25);
    expect((await exposure("    differential_privacy: { epsilon: 0, delta: 1 }")).p).toBe(1);
  });

  it.each([50, 700, 709, 710, 1000])("huge ε = %d → 1, never NaN or above 1", async (epsilon) => {
    const e = await exposure("    records: 10", `    differential_privacy: { epsilon: ${epsilon}, delta: 1e-6 }`);
    expect(e.p).toBe(1);
    expect(e.expected_exposed_records).toBe(10);
  });

  it("ε = 1000 with δ = 1 is still 1", async () => {
    const e = await exposure("    differential_privacy: { epsilon: 1000, delta: 1 }");
    expect(e.p).toBe(1);
  });

  it("differential privacy takes precedence over a declared leak_probability", async () => {
    const e = await exposure("    records: 100", "    personal_data: true", "    leak_probability: 0.9", "    differential_privacy: { epsilon: 0 }");
    expect(e).toEqual({ p: 0, basis: "differential-privacy", records: 100, expected_exposed_records: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("p without differential privacy", () => {
  it("a declared leak_probability", async () => {
    const e = await exposure("    records: 400", "    personal_data: true", "    anonymization: pseudonymized", "    leak_probability: 0.25");
    expect(e).toEqual({ p: 0.25, basis: "declared", records: 400, expected_exposed_records: 100 });
  });

  it("a declared leak_probability counts for non-personal data too", async () => {
    const e = await exposure("    records: 400", "    leak_probability: 0.5");
    expect(e).toEqual({ p: 0.5, basis: "declared", records: 400, expected_exposed_records: 200 });
  });

  it("a declared leak_probability wins over 'no anonymization'", async () => {
    const e = await exposure("    records: 400", "    personal_data: true", "    anonymization: none", "    leak_probability: 0.01");
    expect(e).toEqual({ p: 0.01, basis: "declared", records: 400, expected_exposed_records: 4 });
  });

  it("personal data with anonymization missing → p = 1, R = D", async () => {
    const e = await exposure("    records: 2100000", "    personal_data: true");
    expect(e).toEqual({ p: 1, basis: "no-anonymization", records: 2100000, expected_exposed_records: 2100000 });
  });

  it('personal data with anonymization "none" → p = 1, R = D', async () => {
    const e = await exposure("    records: 37", "    personal_data: true", "    anonymization: none");
    expect(e).toEqual({ p: 1, basis: "no-anonymization", records: 37, expected_exposed_records: 37 });
  });

  it.each(["pseudonymized", "anonymized", "k-anonymity", "synthetic"])("personal data with anonymization %s and nothing else → unknown", async (a) => {
    const e = await exposure("    records: 1000", "    personal_data: true", `    anonymization: ${a}`);
    expect(e).toEqual({ p: null, basis: "unknown", records: 1000, expected_exposed_records: null });
  });

  it('non-personal data, even with anonymization "none" → unknown (p = 1 is only for personal data)', async () => {
    expect(await exposure("    records: 1000", "    personal_data: false", "    anonymization: none")).toEqual({
      p: null,
      basis: "unknown",
      records: 1000,
      expected_exposed_records: null,
    });
    expect(await exposure("    records: 1000")).toEqual({ p: null, basis: "unknown", records: 1000, expected_exposed_records: null });
  });

  it("p known but no records → R unknown", async () => {
    const e = await exposure("    personal_data: true", "    leak_probability: 0.5");
    expect(e).toEqual({ p: 0.5, basis: "declared", records: null, expected_exposed_records: null });
  });

  it("records: 0 → R = 0", async () => {
    const e = await exposure("    records: 0", "    personal_data: true");
    expect(e.expected_exposed_records).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("manifest totals (report.privacy)", () => {
  it("sums R over the datasets whose exposure is known and counts the others", async () => {
    const r = await report([
      "  - id: declared", //     0.01 × 1,000 = 10
      "    records: 1000",
      "    personal_data: true",
      "    anonymization: pseudonymized",
      "    leak_probability: 0.01",
      "  - id: dp", //           0.46211715726 × 1,000 = 462.11715726
      "    records: 1000",
      "    personal_data: true",
      "    differential_privacy: { epsilon: 1 }",
      "  - id: raw", //          1 × 50 = 50
      "    records: 50",
      "    personal_data: true",
      "    anonymization: none",
      "  - id: unknown-p", //    p unknown
      "    records: 1000000",
      "    personal_data: true",
      "    anonymization: k-anonymity",
      "  - id: unknown-d", //    p known, D unknown
      "    personal_data: true",
      "    leak_probability: 0.5",
    ]);
    expect(r.datasets.map((d) => d.id)).toEqual(["declared", "dp", "raw", "unknown-p", "unknown-d"]);
    expect(r.datasets.map((d) => d.exposure.expected_exposed_records)).toEqual([10, expect.closeTo(462.11715726, 7), 50, null, null]);
    expect(r.privacy).not.toBeNull();
    expect(r.privacy!.expected_exposed_records).toBeCloseTo(522.11715726, 7);
    expect(r.privacy!.unknown_datasets).toBe(2);
  });

  it("all known: no unknown datasets", async () => {
    const r = await report(["  - id: a", "    records: 300", "    leak_probability: 0.1", "  - id: b", "    records: 20", "    personal_data: true"]);
    expect(r.privacy!.expected_exposed_records).toBeCloseTo(50, 10);
    expect(r.privacy!.unknown_datasets).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("properties", () => {
  const epsilon = fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true });
  const delta = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
  const records = fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e15, noNaN: true, noDefaultInfinity: true }));

  /** Two datasets in one manifest; their exposures. */
  async function pair(a: { epsilon: number; delta: number; records: number }, b: { epsilon: number; delta: number; records: number }) {
    const lines = (id: string, d: typeof a) => [
      `  - id: ${id}`,
      `    records: ${y(d.records)}`,
      "    personal_data: true",
      `    differential_privacy: { epsilon: ${y(d.epsilon)}, delta: ${y(d.delta)} }`,
    ];
    const r = await report([...lines("a", a), ...lines("b", b)]);
    return [r.datasets[0]!.exposure, r.datasets[1]!.exposure] as const;
  }

  it("p stays in [0, 1] and R in [0, D], never NaN", async () => {
    await fc.assert(
      fc.asyncProperty(epsilon, delta, records, async (e, d, n) => {
        const [x] = await pair({ epsilon: e, delta: d, records: n }, { epsilon: 0, delta: 0, records: 0 });
        expect(x.basis).toBe("differential-privacy");
        expect(Number.isNaN(x.p)).toBe(false);
        expect(x.p).toBeGreaterThanOrEqual(0);
        expect(x.p).toBeLessThanOrEqual(1);
        expect(x.expected_exposed_records).toBeGreaterThanOrEqual(0);
        expect(x.expected_exposed_records).toBeLessThanOrEqual(n);
      }),
      { numRuns: 200 },
    );
  });

  it("p and R are non-decreasing in ε", async () => {
    await fc.assert(
      fc.asyncProperty(epsilon, epsilon, delta, records, async (e1, e2, d, n) => {
        const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
        const [a, b] = await pair({ epsilon: lo, delta: d, records: n }, { epsilon: hi, delta: d, records: n });
        notAbove(a.p, b.p);
        notAbove(a.expected_exposed_records, b.expected_exposed_records);
      }),
      { numRuns: 200 },
    );
  });

  it("p and R are non-decreasing in δ", async () => {
    await fc.assert(
      fc.asyncProperty(epsilon, delta, delta, records, async (e, d1, d2, n) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const [a, b] = await pair({ epsilon: e, delta: lo, records: n }, { epsilon: e, delta: hi, records: n });
        notAbove(a.p, b.p);
        notAbove(a.expected_exposed_records, b.expected_exposed_records);
      }),
      { numRuns: 200 },
    );
  });

  it("R is non-decreasing in the number of records, and equals p × D", async () => {
    await fc.assert(
      fc.asyncProperty(epsilon, delta, records, records, async (e, d, n1, n2) => {
        const [lo, hi] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const [a, b] = await pair({ epsilon: e, delta: d, records: lo }, { epsilon: e, delta: d, records: hi });
        expect(a.p).toBe(b.p);
        expect(a.expected_exposed_records).toBe(a.p! * lo);
        expect(b.expected_exposed_records).toBe(b.p! * hi);
        expect(a.expected_exposed_records!).toBeLessThanOrEqual(b.expected_exposed_records!);
      }),
      { numRuns: 200 },
    );
  });

  it("a declared leak_probability p gives R = p × D, non-decreasing in p", async () => {
    await fc.assert(
      fc.asyncProperty(delta, delta, records, async (p1, p2, n) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const r = await report([
          "  - id: a",
          `    records: ${y(n)}`,
          `    leak_probability: ${y(lo)}`,
          "  - id: b",
          `    records: ${y(n)}`,
          `    leak_probability: ${y(hi)}`,
        ]);
        const [a, b] = r.datasets.map((x) => x.exposure);
        expect(a!.p).toBe(lo);
        expect(a!.expected_exposed_records).toBe(lo * n);
        expect(a!.expected_exposed_records!).toBeLessThanOrEqual(b!.expected_exposed_records!);
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("Exposure under a cap: unknown exposure counts at p = 1, and declaring DP or leak_probability only helps", () => {
  const CAP = ["policy:", "  privacy:", "    max_exposed_records: 1000"];
  const CHATS = [
    "  - id: chats",
    "    records: 500000",
    "    personal_data: true",
    "    anonymization: pseudonymized",
    "    encryption: { at_rest: true, in_transit: true }",
    "    license: CC-BY-4.0",
    "    documentation: https://example.org/chats",
  ];

  async function capped(extra: readonly string[], policy: readonly string[] = CAP): Promise<ManifestReport> {
    const r = await evaluate(source(["version: 1", "project: p", "datasets:", ...CHATS, ...extra, ...policy, ""].join("\n")), null);
    expect(r.status, JSON.stringify(r.findings)).toBe("evaluated");
    return r;
  }
  const exposureFindings = (r: ManifestReport) => r.findings.filter((f) => f.rule === "privacy/exposure");

  it("500,000 personal records declaring nothing fail under max_exposed_records 1000 (before: a warning and a pass)", async () => {
    const r = await capped([]);
    expect(r.datasets[0]!.exposure).toEqual({ p: 1, basis: "unknown-under-cap", records: 500000, expected_exposed_records: 500000 });
    expect(r.verdict).toBe("fail");
    const [f, ...more] = exposureFindings(r);
    expect(more).toEqual([]);
    expect(f!.severity).toBe("error");
    expect(f!.message).toMatch(
      /^chats: expected exposed records R = p × D = 1 × 500,000 = 500,000, above max_exposed_records 1,000 \(personal data with no differential privacy and no leak_probability counts at p = 1 under a cap\)/,
    );
    // What would bring R within the cap: ε at δ = 0 (tanh(ε/2) ≤ 0.002 → ε ≤ 0.004), p ≤ 0.002, or D ≤ 1,000.
    expect(f!.message).toContain("ε ≤ 0.004 (differential_privacy at δ = 0), a leak_probability ≤ 0.002 or records ≤ 1,000 would bring R within it");
  });

  it("the same dataset with DP ε = 3 still fails (R = 0.905 × 500,000), and the message gives the ε that would pass", async () => {
    const r = await capped(["    differential_privacy: { epsilon: 3, delta: 1e-6 }"]);
    expect(r.datasets[0]!.exposure.expected_exposed_records).toBeCloseTo(452574.17, 1);
    const [f] = exposureFindings(r);
    expect(f!.severity).toBe("error");
    expect(f!.message).toContain("ε ≤ 0.00399 (at δ = 0.000001) or records ≤ 1,104 would bring R within it");
    // The suggestions hold: ε = 0.00399 at the same δ, or 1,104 records at ε = 3, pass the cap; one step more does not.
    expect(exposureFindings(await capped(["    differential_privacy: { epsilon: 0.00399, delta: 1e-6 }"]))).toEqual([]);
    expect(exposureFindings(await capped(["    differential_privacy: { epsilon: 0.00401, delta: 1e-6 }"]))).toHaveLength(1);
    const fewer = await evaluate(
      source(
        [
          "version: 1",
          "project: p",
          "datasets:",
          ...CHATS.map((l) => l.replace("500000", "1104")),
          "    differential_privacy: { epsilon: 3, delta: 1e-6 }",
          ...CAP,
          "",
        ].join("\n"),
      ),
      null,
    );
    expect(exposureFindings(fewer)).toEqual([]);
  });

  it('says "no ε can" when even ε = 0 (p = δ) is above the cap', async () => {
    const [f] = exposureFindings(await capped(["    differential_privacy: { epsilon: 3, delta: 0.01 }"]));
    expect(f!.message).toContain("no ε can: even ε = 0 gives p = δ = 0.01; a δ ≤ 0.002 or records ≤ 1,103 would bring R within it");
  });

  it("a declared leak_probability above the cap names the largest p, records and ε", async () => {
    const [f] = exposureFindings(await capped(["    leak_probability: 0.01"]));
    expect(f!.message).toMatch(
      /= 0\.01 × 500,000 = 5,000, above max_exposed_records 1,000 \(p is the declared leak_probability\); a leak_probability ≤ 0\.002, records ≤ 100,000 or ε ≤ 0\.004 \(differential_privacy at δ = 0\) would bring R within it$/,
    );
  });

  it("personal data declaring nothing passes when D is within the cap", async () => {
    const r = await evaluate(source(["version: 1", "project: p", "datasets:", ...CHATS.map((l) => l.replace("500000", "1000")), ...CAP, ""].join("\n")), null);
    expect(r.datasets[0]!.exposure).toEqual({ p: 1, basis: "unknown-under-cap", records: 1000, expected_exposed_records: 1000 });
    expect(exposureFindings(r)).toEqual([]);
    expect(r.verdict).toBe("pass");
  });

  it("under a cap, personal data declaring nothing and no records is an error: R cannot be shown within the cap", async () => {
    const r = await evaluate(source(["version: 1", "project: p", "datasets:", ...CHATS.filter((l) => !l.includes("records")), ...CAP, ""].join("\n")), null);
    const [f] = exposureFindings(r);
    expect(f?.severity).toBe("error");
    expect(f?.message).toMatch(/^chats: records \(D\) is not given, so R = p × D cannot be shown within max_exposed_records 1,000/);
  });

  it("without a cap, unknown exposure stays a warning (p unknown)", async () => {
    const r = await capped([], []);
    expect(r.datasets[0]!.exposure).toEqual({ p: null, basis: "unknown", records: 500000, expected_exposed_records: null });
    expect(exposureFindings(r).map((f) => f.severity)).toEqual(["warning"]);
    expect(r.verdict).toBe("warn");
  });

  it("messages never say anonymization lowers p; they say a leak_probability must be declared for it", async () => {
    for (const extra of [[], ["    leak_probability: 0.5"], ["    differential_privacy: { epsilon: 3 }"]]) {
      for (const anonymization of ["pseudonymized", "none"]) {
        const r = await evaluate(
          source(["version: 1", "project: p", "datasets:", ...CHATS.map((l) => l.replace("pseudonymized", anonymization)), ...extra, ...CAP, ""].join("\n")),
          null,
        );
        for (const f of exposureFindings(r)) {
          expect(f.message).not.toMatch(/lower p \([^)]*anonymi/);
          for (const m of f.message.matchAll(/anonymization[^;]*/g)) expect(m[0]).toMatch(/does not lower p|counts at p = 1/);
        }
      }
    }
  });

  it("property: for any dataset, adding differential privacy or a leak_probability never makes the verdict worse", async () => {
    const RANK = { pass: 0, warn: 1, fail: 2 } as const;
    const dataset = fc.record({
      records: fc.option(fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.double({ min: 0, max: 1e15, noNaN: true, noDefaultInfinity: true })), {
        nil: undefined,
      }),
      personal: fc.option(fc.boolean(), { nil: undefined }),
      anonymization: fc.option(fc.constantFrom("none", "pseudonymized", "anonymized", "k-anonymity", "synthetic"), { nil: undefined }),
      encrypted: fc.boolean(),
      cap: fc.option(fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 1e15, noNaN: true, noDefaultInfinity: true })), { nil: undefined }),
    });
    const protection = fc.oneof(
      fc.record({
        epsilon: fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }),
        delta: fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
      }),
      fc.record({ leak: fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }) }),
    );
    type D = { records?: number; personal?: boolean; anonymization?: string; encrypted: boolean; cap?: number };
    const manifest = (d: D, extra: string[]) =>
      [
        "version: 1",
        "project: p",
        "datasets:",
        "  - id: d",
        ...(d.records === undefined ? [] : [`    records: ${y(d.records)}`]),
        ...(d.personal === undefined ? [] : [`    personal_data: ${d.personal}`]),
        ...(d.anonymization === undefined ? [] : [`    anonymization: ${d.anonymization}`]),
        ...(d.encrypted ? ["    encryption: { at_rest: true, in_transit: true }"] : []),
        ...extra,
        ...(d.cap === undefined ? [] : ["policy:", "  privacy:", `    max_exposed_records: ${y(d.cap)}`]),
        "",
      ].join("\n");
    await fc.assert(
      fc.asyncProperty(dataset, protection, async (d, p) => {
        const before = await evaluate(source(manifest(d, [])), null);
        const extra = "leak" in p ? [`    leak_probability: ${y(p.leak)}`] : [`    differential_privacy: { epsilon: ${y(p.epsilon)}, delta: ${y(p.delta)} }`];
        const after = await evaluate(source(manifest(d, extra)), null);
        expect([before.status, after.status]).toEqual(["evaluated", "evaluated"]);
        expect(RANK[after.verdict]).toBeLessThanOrEqual(RANK[before.verdict]);
        const worst = (r: ManifestReport) => Math.max(-1, ...exposureFindings(r).map((f) => (f.severity === "error" ? 2 : f.severity === "warning" ? 1 : 0)));
        expect(worst(after)).toBeLessThanOrEqual(worst(before));
      }),
      { numRuns: 300 },
    );
  });

  it("the manifest guide's annotated manifest passes its own privacy policy", async () => {
    const readme = readFileSync(new URL("../docs/manifest.md", import.meta.url), "utf8");
    const start = readme.indexOf("```yaml\n", readme.indexOf("annotated tour"));
    const yaml = readme.slice(start + "```yaml\n".length, readme.indexOf("```\n", start + 8));
    expect(yaml).toContain("max_exposed_records: 1000");
    const r = await evaluate(
      {
        path: "footprint.yml",
        text: yaml,
        readRelative: async (rel) => (rel.endsWith(".csv") ? "energy_consumed,emissions\n1000,30\n" : null),
        exists: async () => true,
      },
      null,
    );
    expect(r.status, JSON.stringify(r.findings)).toBe("evaluated");
    expect(r.findings.filter((f) => f.rule.startsWith("privacy/"))).toEqual([]);
    expect(r.datasets[0]!.exposure.expected_exposed_records).toBeLessThanOrEqual(1000);
  });
});
