// Instance types → accelerators: every row sourced, SageMaker's prefix stripped, unknown types never guessed.
import { describe, expect, it } from "vitest";
import data from "../data/instance-accelerators.json" with { type: "json" };
import { findAccelerator } from "../src/catalogue/index.js";
import { findInstanceType } from "../src/catalogue/instances.js";

describe("findInstanceType", () => {
  it("gives the accelerator and count of AWS, Google Cloud and Azure instance types, with the provider's page", () => {
    expect(
      ["p4d.24xlarge", "p5.48xlarge", "g6e.xlarge", "a3-highgpu-8g", "Standard_ND96isr_H100_v5", "ct5lp-hightpu-4t"].map((n) => {
        const i = findInstanceType(n)!;
        return [i.provider, i.accelerator, i.count];
      }),
    ).toEqual([
      ["aws", "nvidia-a100-40gb-sxm", 8],
      ["aws", "nvidia-h100-sxm", 8],
      ["aws", "nvidia-l40s", 1],
      ["gcp", "nvidia-h100-sxm", 8],
      ["azure", "nvidia-h100-sxm", 8],
      ["gcp", "google-tpu-v5e", 4],
    ]);
    expect(findInstanceType("p5.48xlarge")!.source).toBe("https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html");
  });

  it("strips SageMaker's ml. prefix and compares case-insensitively", () => {
    expect(findInstanceType("ml.p4de.24xlarge")?.accelerator).toBe("nvidia-a100-80gb-sxm");
    expect(findInstanceType("standard_nd96isr_h100_v5")?.count).toBe(8);
  });

  it("knows nothing of an instance type the table lacks, even in a known family", () => {
    expect(findInstanceType("p5.96xlarge")).toBeUndefined();
    expect(findInstanceType("m5.large")).toBeUndefined();
    expect(findInstanceType("ml.")).toBeUndefined();
  });

  it("has rows that name catalogue accelerators and the provider's https page", () => {
    expect(data.instances.length).toBeGreaterThan(90);
    for (const i of data.instances) {
      expect(findAccelerator(i.accelerator).ok, i.instance_type).toBe(true);
      expect(i.source, i.instance_type).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|cloud\.google\.com|learn\.microsoft\.com)\//);
    }
  });
});
