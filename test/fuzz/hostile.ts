// Values a PR author can put in a manifest, a model card or a CodeCarbon CSV to bend, freeze or crash the gate.

/** Longest repeated run (spaces, brackets, a 100k-character line). FUZZ_MAX_REPEAT lowers it to explore around a hang. */
export const MAX_REPEAT = Math.max(1, Number(process.env.FUZZ_MAX_REPEAT ?? 100_000) || 100_000);

export const EDGE_NUMBERS: readonly number[] = [
  0, -0, -1, 1, 0.5, 1e-300, 5e-324, 2.2250738585072014e-308, 1e-7, 1e6, 1e15, 1e17, 1e18, 1e21, 1e308,
  1.7976931348623157e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1.2345678901234568e29, -1e308, NaN, Infinity, -Infinity,
];

/** Numbers as YAML (or CSV) source text: YAML 1.2 reads `.inf`/`.nan` as numbers, the rest as ints, floats or strings. */
export const NUMBER_LITERALS: readonly string[] = [
  "0", "-0", "-1", "1e-300", "5e-324", "1e-400", "1e308", "1.7976931348623157e308", "1e309", "-1e309", "9007199254740993",
  "123456789012345678901234567890123456789", "NaN", ".inf", "-.inf", "+.inf", ".nan", ".NaN", ".Inf", "0x7fffffff", "0o777",
  "1_000", "0.0000", "00012", "1.", ".5", "~", "null", "true", "'1'", "[]", "{}",
];

export const NUMBER_STRINGS: readonly string[] = ["NaN", ".inf", "-.inf", ".nan", "Infinity", "1e309", "0x10", "1_000", "-0", ""];

export const HOSTILE_STRINGS: readonly string[] = [
  "\u202eevil\u202c", "\u2066isolate\u2069", "a\u200fb\u200ec\u061c", "\u001b[31mred\u001b[0m", "\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007",
  "\u009b31mcsi", "\u0085next", "a\u2028b\u2029c", "\u{e0041}\u{e0042}\u{e007f}tags", "\u200bzero\ufeffwidth", "\u0000nul", "tab\there",
  "cr\rreturn", "line\nbreak\n## heading", ")(", "'*", "a)b(c'*", "@octocat", "@acme/security-team", "#123", "GH-1", "acme/repo#12",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- footprint-gate:v1 -->", "</details>", "<details>", "a|b|c",
  "```", "`x`", "``", "~~~", "[x](javascript:alert(1))", "![i](https://evil.example/p.png)", "https://evil.example", "www.evil.example",
  "${{ secrets.GITHUB_TOKEN }}", "::error::injected", "%0A::warning::x", "../../../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini",
  "..\\..\\x", ".", "..", "", " ", "-", "*", "__proto__", "constructor", "toString", "\ud800", "😀", "é\u0301", "&amp;", "&#x202e;",
  "\\", "\"", "'", "{{x}}", "%s%n", "1e308", "-0", "mars:olympus-1", "zone:XX-NOWHERE", "nvidia-h100-sxm", "FR", "aws:us-east-1",
  "gcp:europe-west4", "azure:westeurope", "hyperscale", "market", "runs/sft/emissions-rank0.csv", "MODEL_CARD.md", "docs/support-tickets-datasheet.md",
];

/** Strings built from the pool: repeated (up to 10 KB and 100k-character lines), concatenated, or arbitrary code points. */
export function repeatTo(s: string, n: number): string {
  const unit = s === "" ? "x" : s;
  return unit.repeat(Math.max(1, Math.min(MAX_REPEAT, Math.ceil(n / unit.length))));
}

export const KEYS: readonly string[] = [
  "unknown_key", "Hours", "hours", "gpu_hours", "compute", "count", "measured", "codecarbon", "energy_kwh", "co2e_kg", "id", "location",
  "carbon_intensity", "pue", "repeats", "power_w", "utilization", "requests", "energy_per_request_wh", "throughput", "requests_per_second", "tokens_per_second", "tokens_per_request", "embodied", "accelerator",
  "model_card", "policy", "budget", "training", "inference", "datasets", "defaults", "version", "project", "differential_privacy",
  "leak_probability", "records", "personal_data", "documentation", "run", "increase_pct", "warn_at", "transparency", "privacy",
  "facility", "wue_l_per_kwh", "water_intensity_l_per_kwh", "carbon_free_energy", "market_based_intensity", "year", "basis",
  "__proto__", "constructor", "<<", "@octocat", "\u202ekey", "a|b",
];

/** Replacement values of any type, for type changes and inserted keys. */
export const ANY_VALUES: readonly unknown[] = [
  null, true, false, [], {}, [1, 2, 3], { a: 1 }, "text", "provider", 1, -1, 0, 1e308, 5e-324,
  { codecarbon: "runs/sft/emissions-rank0.csv" }, { codecarbon: ["runs/sft/emissions-rank0.csv", "runs/sft/emissions-rank1.csv"] },
  { codecarbon: "../../../../etc/passwd" }, { energy_kwh: 5e-324 }, { energy_kwh: 1e10 }, { codecarbon: "x.csv", energy_kwh: 1 },
  { parameters: 1e15, tokens: 1e17, mfu: 5e-324 }, { requests_per_second: 5e-324 }, { requests_per_second: 1e-4, tokens_per_request: 1e8 },
  { tokens_per_second: 1e12, tokens_per_request: 1 }, { tokens_per_second: 1, tokens_per_request: 5e-324 }, { parameters: 1e15, tokens: 1e17, mfu: 1 }, { epsilon: 1000, delta: 1 },
  { epsilon: 0, delta: 5e-324 }, { energy_kwh: 1e-300, co2e_kg: 5e-324 }, { per_accelerator_kg: 1e5, lifetime_years: 5e-324, lifetime_utilization: 5e-324 },
  { require_model_card: true, model_card_sections: ["Training data", "\u202eevil", "x".repeat(200)] },
  { max_exposed_records: 0, max_epsilon: 0, require_anonymization: true }, ["a", "b"], [{ id: "x" }, { id: "x" }],
];

/** Lines that stress the model-card reader: long runs that make backtracking regexes super-linear, unclosed constructs. */
export const CARD_PATTERNS: readonly ((n: number) => string)[] = [
  (n) => `# a${" ".repeat(n)}b`,
  (n) => `#${" ".repeat(n)}#`,
  (n) => `## x${" #".repeat(n >> 1)} y`,
  (n) => "[".repeat(n),
  (n) => "[a](".repeat(n >> 2),
  (n) => `${">".repeat(n)} x`,
  (n) => `${"> ".repeat(n >> 1)}# heading`,
  (n) => "#".repeat(n),
  (n) => "`".repeat(n),
  (n) => `\`\`\`\n${"x\n".repeat(n >> 1)}`,
  (n) => `<!--${" ".repeat(n)}`,
  (n) => `${" ".repeat(n)}#`,
  (n) => `Title${" ".repeat(n)}\n${"=".repeat(n)}`,
  (n) => `${"-".repeat(n)}\n`,
  (n) => `${"*_".repeat(n >> 1)}`,
  (n) => `# ${"\u202e".repeat(Math.min(n, 1000))}heading`,
  (n) => `${"a".repeat(n)}`,
];

/** co2_eq_emissions values as front-matter YAML. */
export const CARD_EMISSIONS: readonly string[] = [
  "1e308", "-1", "0", "-0", "5e-324", ".nan", ".inf", "'NaN'", "'Infinity g'", "'1e400 g'", "'1e308 t'", "'1,2,3,4 kg'",
  `'${"9".repeat(400)} t'`, `'${"1,".repeat(5000)}1 kg'`, `'${"1".repeat(2000)}e${"1".repeat(2000)}'`, "[1, 2]", "{}", "null", "~",
  "'\u202e5 g'", "'5 mt'", "'5 co2eq co2eq kg'", "{ emissions: .inf }", "{ emissions: 1e308, source: '\u001b[31m' }",
  "&a { emissions: 5 }", "*undefined_alias",
];

/** CodeCarbon field values. */
export const CSV_VALUES: readonly string[] = [
  "0", "-0", "-1", "1e-300", "5e-324", "1e308", "1.7976931348623157e308", "9007199254740993", "123456789012345678901234567890",
  "NaN", "nan", "inf", "-inf", "Infinity", "", "  ", "1,5", "0x10", "1e309", "-1e309", "\"1\"\"2\"", "\"a\nb\"", "\u202e1", "١٢٣", "1e-400",
];

export const CSV_COLUMNS: readonly string[] = [
  "energy_consumed", "emissions", "run_id", "duration", "pue", "water_consumed", "gpu_count", "gpu_model", "timestamp", "project_name",
  "emissions_rate", "cpu_energy", "gpu_energy", "ram_energy", "country_iso_code", "cloud_region",
];
