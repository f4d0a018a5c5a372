// The standalone validator (src/manifest/validator.generated.js) must accept exactly what the zod schema accepts:
// parseManifest trusts it for valid manifests and asks zod only to explain a rejected one.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseManifest } from "../src/manifest/parse.js";
import { schemas, validationSchema } from "../src/manifest/schema.js";
import { validate } from "../src/manifest/validator.generated.js";
import { EXAMPLES, ROOT } from "./fuzz/check.js";
import { applyData, dataOp, type DataOp } from "./fuzz/mutate.js";

const zodAccepts = (data: unknown) => schemas().manifest.safeParse(data).success;

/** Every bound the schema states, and the numbers just inside and outside it. */
function bounds(): number[] {
  const out = new Set<number>();
  JSON.stringify(validationSchema(), (key, v: unknown) => {
    if (typeof v === "number" && /^(?:minimum|maximum|minLength|maxLength|maxItems|minItems|const)$/.test(key)) {
      for (const n of [v, v * (1 + 1e-12), v * (1 - 1e-12), v / 2, v * 2, -v, v + 1, v - 1, v + 0.5]) out.add(n);
    }
    return v;
  });
  return [...out];
}

/** Strings around the length limits, counted in code points as zod counts them (an emoji is one, two UTF-16 units). */
const STRINGS = [1, 99, 100, 101, 199, 200, 201, 999, 1000, 1001].flatMap((n) => ["x".repeat(n), "😀".repeat(Math.ceil(n / 2)), `${"x".repeat(n - 1)}😀`]);

const EXAMPLE_DATA = EXAMPLES.map((e) => parse(readFileSync(join(ROOT, e.manifest), "utf8")) as unknown);

const op: fc.Arbitrary<DataOp> = fc.oneof(
  { weight: 3, arbitrary: dataOp },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("num" as const), at: fc.nat(), v: fc.constantFrom(...bounds()) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("str" as const), at: fc.nat(), v: fc.constantFrom(...STRINGS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant("type" as const),
      at: fc.nat(),
      v: fc.constantFrom<unknown>(-0, 0.0005, 1e-7, NaN, Infinity, 2.5, "provider", ["a"], []),
    }),
  },
);

describe("the standalone manifest validator", () => {
  it("is compiled from the current schema", () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, "scripts/validator.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("accepts every example manifest, as zod does", () => {
    for (const data of EXAMPLE_DATA) expect([validate(data), zodAccepts(data)]).toEqual([true, true]);
  });

  it("accepts and rejects exactly what the zod schema does on mutated manifests", () => {
    fc.assert(
      fc.property(fc.nat({ max: EXAMPLE_DATA.length - 1 }), fc.array(op, { minLength: 1, maxLength: 4 }), (i, ops) => {
        let data = structuredClone(EXAMPLE_DATA[i]);
        for (const o of ops) data = applyData(data, o);
        expect(validate(data)).toBe(zodAccepts(data));
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts and rejects exactly what the zod schema does on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (data) => {
        expect(validate(data)).toBe(zodAccepts(data));
      }),
      { numRuns: 500 },
    );
  });

  it("rejects the values zod refines beyond JSON Schema's ranges, with zod's message", async () => {
    const text = "version: 1\nproject: p\ndefaults: { wue_l_per_kwh: 0.0005 }\n";
    const { manifest, findings } = await parseManifest(text, "footprint.yml");
    expect(manifest).toBeUndefined();
    expect(findings.map((f) => f.message)).toEqual(["defaults.wue_l_per_kwh: must be 0 or from 0.001 to 100 (got 0.0005)"]);
  });
});
