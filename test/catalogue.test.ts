import { describe, expect, it } from "vitest";
import { findAccelerator, findLocation } from "../src/catalogue/index.js";

describe("findAccelerator", () => {
  it.each([
    ["A100-SXM4-80GB", "nvidia-a100-80gb-sxm"],
    ["NVIDIA A100-SXM4-40GB", "nvidia-a100-40gb-sxm"],
    ["H100 80GB HBM3", "nvidia-h100-sxm"],
    ["h100", "nvidia-h100-sxm"],
    ["H100 SXM", "nvidia-h100-sxm"],
    ["NVIDIA-H100-SXM", "nvidia-h100-sxm"],
    ["8 x NVIDIA A100-SXM4-80GB", "nvidia-a100-80gb-sxm"],
    ["4 x Tesla T4", "nvidia-t4"],
    ["TPU v4", "google-tpu-v4"],
    ["mi300x", "amd-mi300x"],
  ])("%s → %s", (name, id) => {
    const r = findAccelerator(name);
    expect(r.ok && r.value.id).toBe(id);
  });

  it("unknown names get the three closest ids", () => {
    const r = findAccelerator("H100-SXMM");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.suggestions).toHaveLength(3);
      expect(r.suggestions[0]).toBe("nvidia-h100-sxm");
    }
  });
});

describe("findLocation", () => {
  it.each([
    ["aws:us-east-1", "aws:us-east-1", "US-MIDA-PJM", "aws"],
    ["AWS:US-EAST-1", "aws:us-east-1", "US-MIDA-PJM", "aws"],
    ["gcp:us-central1", "gcp:us-central1", "US-MIDW-MISO", "gcp"],
    ["gcp:us-central1-a", "gcp:us-central1", "US-MIDW-MISO", "gcp"],
    ["gcp:europe-west1-b", "gcp:europe-west1", "BE", "gcp"],
    ["azure:westeurope", "azure:westeurope", "NL", "azure"],
    ["FR", "zone:FR", "FR", null],
    ["fr", "zone:FR", "FR", null],
    ["zone:DE", "zone:DE", "DE", null],
    ["zone:us-cal-ciso", "zone:US-CAL-CISO", "US-CAL-CISO", null],
    ["US-MIDA-PJM", "zone:US-MIDA-PJM", "US-MIDA-PJM", null],
    ["SG", "zone:SG", "SG", null],
  ])("%s → %s (%s)", (input, id, zone, provider) => {
    const r = findLocation(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.value.id, r.value.zone, r.value.provider]).toEqual([id, zone, provider]);
  });

  // ResolvedLocation.wue is `Sourced | null`: a place without a provider WUE must resolve to null (so the 1.8 L/kWh
  // default applies), never to a Sourced whose value is null.
  it("provider PUE and WUE: AWS 1.135 / 0.12, GCP 1.10 / 1.06 (derived from Google's 2023 totals), Azure 1.185 / 0.27; zones have none", () => {
    const get = (s: string) => {
      const r = findLocation(s);
      if (!r.ok) throw new Error(s);
      return r.value;
    };
    expect([get("aws:us-east-1").pue?.value, get("aws:us-east-1").wue?.value]).toEqual([1.135, 0.12]);
    expect([get("gcp:us-central1").pue?.value, get("gcp:us-central1").wue?.value]).toEqual([1.1, 1.06]);
    expect(get("gcp:us-central1").wue?.source).toContain("Google's 2024 Environmental Report");
    expect([get("azure:westeurope").pue?.value, get("azure:westeurope").wue?.value]).toEqual([1.185, 0.27]);
    expect([get("FR").pue, get("FR").wue, get("FR").intensity.value]).toEqual([null, null, 31]);
  });

  it("unknown regions and zones suggest three close ids", () => {
    const a = findLocation("aws:us-east-9");
    expect(a.ok).toBe(false);
    if (!a.ok) {
      expect(a.suggestions).toHaveLength(3);
      expect(a.suggestions[0]).toBe("aws:us-east-1");
      expect(a.suggestions.every((s) => s.startsWith("aws:"))).toBe(true);
    }
    const z = findLocation("XX-NOPE");
    expect(z.ok).toBe(false);
    if (!z.ok) expect(z.suggestions).toHaveLength(3);
    const g = findLocation("gcp:us-centrall");
    expect(!g.ok && g.suggestions[0]).toBe("gcp:us-central1");
  });
});
