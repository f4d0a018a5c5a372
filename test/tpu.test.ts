// TPU slice and pod-slice names: the catalogue chip and the number of chips, derived as Google documents it.
import { describe, expect, it } from "vitest";
import { findTpuSlice, type TpuSlice } from "../src/catalogue/tpu.js";

const slice = (name: string, topology?: string): TpuSlice => {
  const found = findTpuSlice(name, topology);
  if (found === null || typeof found === "string") throw new Error(`${name}: ${found}`);
  return found;
};

describe("findTpuSlice", () => {
  it("reads sizes that count TensorCores as two per chip (v2, v3, v4, v5p)", () => {
    expect([slice("v4-32"), slice("v3-256"), slice("TPU v3-8"), slice("tpu-v5p-8"), slice("v2-8")].map((s) => [s.accelerator.id, s.chips])).toEqual([
      ["google-tpu-v4", 16],
      ["google-tpu-v3", 128],
      ["google-tpu-v3", 4],
      ["google-tpu-v5p", 4],
      ["google-tpu-v2", 4],
    ]);
    expect(slice("v4-32").note).toMatch(/^v4-32 is 32 TensorCores ÷ 2 per chip = 16 chips of google-tpu-v4 \(cloud\.google\.com\/tpu\/docs\/v4/);
  });

  it("reads sizes that count chips (v5litepod, v6e)", () => {
    expect([slice("v5litepod-16"), slice("tpu-v6e-8"), slice("Cloud TPU v5litepod-256")].map((s) => [s.accelerator.id, s.chips])).toEqual([
      ["google-tpu-v5e", 16],
      ["google-tpu-v6e", 8],
      ["google-tpu-v5e", 256],
    ]);
  });

  it("multiplies a GKE TPU selector's topology into chips", () => {
    expect(
      [slice("tpu-v5-lite-podslice", "4x4"), slice("tpu-v4-podslice", "2x2x2"), slice("tpu-v6e-slice", " 2x4 ")].map((s) => [s.accelerator.id, s.chips]),
    ).toEqual([
      ["google-tpu-v5e", 16],
      ["google-tpu-v4", 8],
      ["google-tpu-v6e", 8],
    ]);
    expect(slice("tpu-v5-lite-podslice", "4x4").note).toMatch(/^tpu-v5-lite-podslice on topology 4x4 is 4 × 4 = 16 chips of google-tpu-v5e/);
  });

  it("says why a slice-shaped name or a topology cannot be read", () => {
    expect(findTpuSlice("v4-31")).toMatch(/^v4-31 is not a TPU v4 \(per chip\) slice: its size counts TensorCores, 2 per chip/);
    expect(findTpuSlice("v3-0")).toMatch(/is not a/);
    expect(findTpuSlice("v4-9999999")).toMatch(/up to 100000 chips/);
    expect(findTpuSlice("tpu-v4-podslice", "4x")).toMatch(/^the TPU topology "4x" is not AxB or AxBxC/);
    expect(findTpuSlice("tpu-v4-podslice", "1000x1000x1000")).toMatch(/up to 100000 chips/);
  });

  it("leaves names that are not TPU slices to the catalogue", () => {
    expect(findTpuSlice("H100")).toBeNull();
    expect(findTpuSlice("v7-8")).toBeNull();
    expect(findTpuSlice("tpu-v4-podslice")).toBeNull();
    expect(findTpuSlice("nvidia-l4", "2x2")).toBeNull();
    expect(findTpuSlice("v4-32".repeat(50))).toBeNull();
  });
});
